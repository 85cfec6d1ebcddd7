//! Blocks opened by a clutter heading ('Top Citite', 'Citește și', 'Partenerii noștri').
//!
//! A heading claims the lines after it for its family until the article body clearly
//! resumes (jusText's second pass, by neighbours): a run of prose lines, or one long
//! paragraph. Another heading starts a new block. The end of the text is not assumed.
//! Blocks that have no heading but a shape are found here too: a comment thread
//! ([`super::threads`]) and a run of truncated teasers.
//!
//! The passes read a page's lines as a slice of anything that borrows a [`Line`]
//! (`&[Line]` or `&[&Line]`: the pipeline keeps one `Line` a distinct text and may hand
//! either), and a mark a line (`None`: no rule fired), index for index.

use std::borrow::Borrow;

use super::marks::Mark;
use super::shapes::is_truncated;
use super::threads::{mark_threads_with, DateSpans, FindDates};
use crate::config::Config;
use crate::features::Line;
use crate::lexicon::Lexicon;

/// A lead-in that opens a list: a line of two words or more ending in a colon ("Ordinea
/// pe buletinul de vot:", "Clasamentul complet:", "The changes include:"), not a one-word
/// label ("Tags:"). Lead-ins that name clutter ("Related articles:") carry a mark and are
/// skipped.
pub const LEAD_IN_MIN_WORDS: u32 = 2;
/// List items are short lines.
pub const LIST_ITEM_MAX_WORDS: u32 = 12;
/// ...or, past the first, at most this many times as long as the longest item before
/// them: the items of one list are alike ('June 9 – West Palm Beach, FL @ Coral Sky
/// Amphitheatre', then 'June 23 – Virginia Beach, VA @ Veterans United Home Loans
/// Amphitheater at Virginia Beach'), while a headline of 14 words after a run of one-word
/// tags is not one of them. Measured, body P / R (scrapinghub | wcxb_dev), from 0.9314 /
/// 0.9443 | 0.9270 / 0.9342: a flat limit of 20 words -> 0.9307 / 0.9483 | 0.9266 / 0.9354
/// (teaser headlines after 'Related Tags:' kept); 1.5x -> 0.9314 / 0.9460 | 0.9269 /
/// 0.9343; 2x -> 0.9314 / 0.9460 | 0.9269 / 0.9350; 3x -> 0.9307 / 0.9460 | 0.9268 / 0.9352.
pub const LIST_ITEM_GROWTH: u32 = 2;
/// Consecutive lines cut off with '...' that make a teaser list, whatever their length (an
/// article's paragraphs end in a sentence). In the dev corpora, runs of 3 or more such
/// lines hold 94 lines (scrapinghub 39, wcxb_dev 55, ro_news_dev 0), 1 of them in a gold
/// body.
pub const TEASER_RUN_MIN: usize = 3;

/// Prose of this many words (a paragraph, or the first two lines of a run) right after a
/// heading that follows prose resumes the article: the heading stands inside it ("You may
/// also like:" between the lead and the next paragraph). Less there is a section's items
/// (AP's "UP NEXT" over "Thunder: Host the Lakers on Friday." and "Lakers: Visit the
/// Thunder on Friday.", 12 words), an image's alt text, a teaser's summary. At 18 words
/// two dev pages changed, both for the worse: an alt text of 18 words under "Further
/// reading" (wcxb_dev 4011, P 0.939 -> 0.902) and a teaser of 18 under a related heading
/// (scrapinghub db6b0816, P 0.970 -> 0.905); at 20, none did.
pub const INSIDE_RESUME_MIN_WORDS: u32 = 20;
/// A block of at most this many lines after its heading, between a prose line and such
/// prose, is an inline read-also box ("You may also like:" over a headline): its lines are
/// removed but cost the body's span like inline links (issue 14, family 1). Measured, body
/// P / F1 from scrapinghub 0.9321 / 0.9392, wcxb_dev 0.9272 / 0.9313: 0 lines (the heading
/// alone) no page changed for the better; 1 line 0.9325 / 0.9408 (b3c19dd5, a lead split
/// from the rest by such a box, R 0.48 -> 1.00), 0.9270 / 0.9312 (4 pages keep a line or
/// two after the article's end: wcxb_dev 0184, 4452, 4621, 4645); 3 lines scrapinghub
/// ba4dfe2d R 1.00 -> 0.60 (the span moved between two boxes, and the guard no longer
/// fired) and 8 pages lost precision.
pub const INLINE_BLOCK_MAX_LINES: u32 = 1;

/// Does the body resume at line `i`: a run of prose lines, or one long paragraph?
fn resumes<'l, L: Borrow<Line<'l>>>(lines: &[L], i: usize, config: &Config) -> bool {
    let line = lines[i].borrow();
    if !line.is_prose() {
        return false;
    }
    if line.n_words() >= config.block_resume_long_words {
        return true;
    }
    // (a count of lines; a u32 always fits a usize on the targets the core builds for)
    let need = config.block_resume_prose_lines as usize;
    let run = &lines[i..lines.len().min(i.saturating_add(need))];
    run.len() == need && run.iter().all(|ln| ln.borrow().is_prose())
}

/// Marks with every line of an open block marked with the block's family, the lines of a
/// comment thread marked `comment_thread` and runs of truncated lines `teaser` (one copy
/// of `marks`, marked in place by each pass).
pub fn spread_blocks<'l, L: Borrow<Line<'l>>>(
    lines: &[L],
    marks: &[Option<Mark>],
    config: &Config,
    lexicon: &Lexicon,
) -> Vec<Option<Mark>> {
    spread_blocks_with(lines, marks, config, lexicon, &FindDates)
}

/// [`spread_blocks`], with the dates of a text found by `dates` (the comment threads'
/// stamps are dates: see [`DateSpans`]).
pub fn spread_blocks_with<'l, L: Borrow<Line<'l>>, D: DateSpans + ?Sized>(
    lines: &[L],
    marks: &[Option<Mark>],
    config: &Config,
    lexicon: &Lexicon,
    dates: &D,
) -> Vec<Option<Mark>> {
    let mut out = marks.to_vec();
    let mut family = None;
    // the open block's heading, and the first line with words after it when it follows prose
    let mut heading = 0;
    let mut claimed = 0; // lines with words after the heading, so far
    let mut inside = None;
    for (i, own) in marks.iter().enumerate() {
        if let Some(m) = own {
            if m.opens_block {
                family = Some(m.rule);
                heading = i;
                claimed = 0;
                inside = follows_prose(lines, &out, i)
                    .then(|| (i + 1..lines.len()).find(|&j| lines[j].borrow().n_words() > 0))
                    .flatten();
                continue;
            }
        }
        let Some(rule) = family else { continue };
        let line = lines[i].borrow();
        let paragraph = resumed_words(lines, i, config) >= INSIDE_RESUME_MIN_WORDS;
        if (inside == Some(i) && paragraph) || resumes(lines, i, config) {
            if inside.is_some() && paragraph && claimed <= INLINE_BLOCK_MAX_LINES {
                for own in out[heading..i].iter_mut().flatten() {
                    own.inline = true;
                }
            }
            family = None;
            continue;
        }
        if own.is_none_or(|m| m.weak) {
            out[i] = Some(Mark {
                in_block: true,
                ..Mark::of(rule)
            });
        }
        if line.n_words() > 0 {
            claimed += 1;
        }
    }
    teaser_runs(lines, &mut out);
    mark_threads_with(lines, &mut out, lexicon, dates);
    out
}

/// The words of the prose that starts at line `i`: the run of prose lines there, as many
/// as a block needs to resume ([`Config::block_resume_prose_lines`]).
fn resumed_words<'l, L: Borrow<Line<'l>>>(lines: &[L], i: usize, config: &Config) -> u32 {
    let need = config.block_resume_prose_lines as usize;
    let run = lines[i..].iter().take(need.max(1)).map(Borrow::borrow);
    run.take_while(|ln| ln.is_prose()).map(Line::n_words).sum()
}

/// Does line `i` stand inside running text: is the nearest prose line before it unmarked,
/// with at most [`INLINE_BLOCK_MAX_LINES`] unmarked short lines (an image's name, a
/// caption) between? A clutter heading there stands between two paragraphs of one
/// article ("You may also like:" after the lead).
fn follows_prose<'l, L: Borrow<Line<'l>>>(lines: &[L], marks: &[Option<Mark>], i: usize) -> bool {
    let mut between = 0;
    for j in (0..i).rev() {
        let line = lines[j].borrow();
        if line.n_words() == 0 {
            continue;
        }
        if marks[j].is_some() {
            return false;
        }
        if line.is_prose() {
            return true;
        }
        between += 1;
        if between > INLINE_BLOCK_MAX_LINES {
            return false;
        }
    }
    false
}

/// Marks, in place, every run of [`TEASER_RUN_MIN`] or more consecutive truncated lines
/// (headline teasers cut off with '...') `teaser`: a list of other articles, which a
/// single truncated line between paragraphs is not (that one stays weak).
pub fn teaser_runs<'l, L: Borrow<Line<'l>>>(lines: &[L], marks: &mut [Option<Mark>]) {
    let n = lines.len().min(marks.len());
    let mut run_start = 0;
    for i in 0..=n {
        if i < n && is_truncated(lines[i].borrow()) {
            continue;
        }
        if i - run_start >= TEASER_RUN_MIN {
            for own in &mut marks[run_start..i] {
                if own.is_none_or(|m| m.weak) {
                    *own = Some(Mark::of(super::Rule::Teaser));
                }
            }
        }
        run_start = i + 1;
    }
}

/// Which lines are items of a list that a lead-in line introduces: the run of short (or
/// alike in length), unmarked, non-prose lines right after a line that ends in a colon.
/// An article that lists candidates or ministers keeps its list; a menu has no such
/// lead-in. (A flag a line.)
pub fn list_items<'l, L: Borrow<Line<'l>>>(lines: &[L], marks: &[Option<Mark>]) -> Vec<bool> {
    let n = lines.len().min(marks.len());
    let mut items = vec![false; lines.len()];
    let mut i = 0;
    while i < n {
        let lead = lines[i].borrow();
        if marks[i].is_none() && lead.text().ends_with(':') && lead.n_words() >= LEAD_IN_MIN_WORDS {
            let mut j = i + 1;
            let mut longest = 0u32; // words of the longest item so far
            while j < n && marks[j].is_none() {
                let line = lines[j].borrow();
                let limit = LIST_ITEM_MAX_WORDS.max(LIST_ITEM_GROWTH.saturating_mul(longest));
                if line.is_prose() || !(0 < line.n_words() && line.n_words() <= limit) {
                    break;
                }
                items[j] = true;
                longest = longest.max(line.n_words());
                j += 1;
            }
            i = j;
        } else {
            i += 1;
        }
    }
    items
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::leak;
    use crate::rules::testing::{lexicon, line, line_in};
    use crate::rules::{first_mark, Rule, PHRASE_RULES};

    #[test]
    fn block_runs_until_prose_resumes_not_to_the_end() {
        // tests/test_rules.py::test_block_runs_until_prose_resumes_not_to_the_end
        let texts = [
            "Citește și",
            "Mediafax",
            "Cu cât s-au scumpit sărbătorile românilor",
            "Ministrul a declarat luni că guvernul va lua o decizie privind bugetul în ședința de joi.",
            "Potrivit surselor, proiectul va fi trimis Parlamentului pentru dezbatere și vot final.",
        ];
        let lines: Vec<Line> = texts.iter().map(|t| line_in(t, "ro")).collect();
        let marks: Vec<Option<Mark>> = lines
            .iter()
            .map(|ln| first_mark(ln, lexicon(), PHRASE_RULES))
            .collect();
        let spread = spread_blocks(&lines, &marks, &Config::default(), lexicon());
        let rules: Vec<Option<Rule>> = spread.iter().map(|m| m.map(|m| m.rule)).collect();
        assert_eq!(
            rules,
            [
                Some(Rule::ReadAlso),
                Some(Rule::ReadAlso),
                Some(Rule::ReadAlso),
                None,
                None
            ]
        );
        // the heading keeps its own mark; the lines it claims are in its block
        assert!(spread[0].is_some_and(|m| m.opens_block && !m.in_block));
        assert!(spread[1].is_some_and(|m| m.in_block && !m.opens_block));
    }

    #[test]
    fn one_long_paragraph_ends_a_block_and_a_strong_mark_is_kept() {
        let long = format!("{} sfârșit.", ["cuvânt"; 45].join(" "));
        let lines = [
            line("Citește și"),
            line("Politică"),
            line(&long),
            line("Alt"),
        ];
        let heading = Mark::heading(Rule::ReadAlso, true);
        let nav = Mark::of(Rule::Navigation);
        let marks = [Some(heading), Some(nav), None, None];
        let spread = spread_blocks(&lines, &marks, &Config::default(), lexicon());
        // the navigation line keeps its own (strong) mark; the block ends at the long line
        assert_eq!(spread, [Some(heading), Some(nav), None, None]);
        // a weak mark is taken over by the block
        let weak = [
            Some(heading),
            Some(Mark::weak(Rule::Teaser, true)),
            None,
            None,
        ];
        let spread = spread_blocks(&lines, &weak, &Config::default(), lexicon());
        assert_eq!(
            spread[1].map(|m| (m.rule, m.in_block)),
            Some((Rule::ReadAlso, true))
        );
    }

    #[test]
    fn a_run_of_three_truncated_lines_is_a_teaser_list() {
        let teaser = |t: &str| line(leak(format!("{t} a ajuns după gratii unul...")));
        let lines = [
            teaser("Cum"),
            teaser("De ce"),
            line("Politică"),
            teaser("Unde"),
            teaser("Cine"),
            teaser("Când"),
        ];
        let mut marks = vec![None; lines.len()];
        marks[4] = Some(Mark::of(Rule::Navigation));
        teaser_runs(&lines, &mut marks);
        let teaser_mark = Some(Mark::of(Rule::Teaser));
        assert_eq!(
            marks,
            [
                None,
                None,
                None,
                teaser_mark,
                Some(Mark::of(Rule::Navigation)),
                teaser_mark
            ]
        );
        // borrowed lines read the same
        let refs: Vec<&Line> = lines.iter().collect();
        let mut again = vec![None; lines.len()];
        again[4] = Some(Mark::of(Rule::Navigation));
        teaser_runs(&refs, &mut again);
        assert_eq!(again, marks);
    }

    #[test]
    fn a_lead_in_with_a_colon_makes_the_short_lines_after_it_list_items() {
        // tests/test_rules.py::test_a_lead_in_with_a_colon_makes_the_short_lines_after_it_list_items
        let texts = [
            "Ordinea pe buletinul de vot:",
            "George Simion",
            "Crin Antonescu",
            "Ministrul a declarat luni că guvernul va lua o decizie privind bugetul.",
            "Elena Lasconi",
        ];
        let lines: Vec<Line> = texts.iter().map(|t| line_in(t, "ro")).collect();
        assert_eq!(
            list_items(&lines, &[None; 5]),
            [false, true, true, false, false]
        );
        // a one-word label is not a lead-in
        let labels = [line("Tags:"), line("Politică"), line("Externe")];
        assert_eq!(list_items(&labels, &[None; 3]), [false, false, false]);
        // a marked lead-in or a marked item ends it
        let mut marks = [None; 5];
        marks[2] = Some(Mark::of(Rule::Navigation));
        assert_eq!(
            list_items(&lines, &marks),
            [false, true, false, false, false]
        );
    }

    #[test]
    fn list_items_are_alike_in_length() {
        // tests/test_rules.py::test_list_items_are_alike_in_length (LIST_RUNS)
        const TOUR_DATES: [&str; 3] = [
            "June 9 – West Palm Beach, FL @ Coral Sky Amphitheatre",
            "June 23 – Virginia Beach, VA @ Veterans United Home Loans Amphitheater at Virginia Beach",
            "June 24 – Bristow, VA @ Jiffy Lube Live",
        ];
        let tour = [&["The band will play these dates:"][..], &TOUR_DATES[..]].concat();
        let cases: [(&[&str], &str); 3] = [
            (&tour, "-+++"),
            (
                &[
                    "Related Tags:",
                    "Delhi Smog",
                    "Air Quality",
                    "Happy Birthday Rajkumar Hirani: 5 Movies Of The Director That You Can Watch On Loop",
                ],
                "-++-",
            ),
            (
                &[
                    "The changes include:",
                    "Holders of a learner permit must log fifty hours of supervised driving before the test",
                ],
                "--",
            ),
        ];
        for (texts, expected) in cases {
            let lines: Vec<Line> = texts.iter().map(|t| line_in(t, "en")).collect();
            let got: String = list_items(&lines, &vec![None; lines.len()])
                .iter()
                .map(|&item| if item { '+' } else { '-' })
                .collect();
            assert_eq!(got, expected, "{texts:?}");
        }
    }

    #[test]
    fn a_box_between_two_paragraphs_is_inline_and_a_box_after_the_article_is_not() {
        // (the sentences of the test above, whose words the test stop lists hold)
        let lead = "Ministrul a declarat luni că guvernul va lua o decizie privind bugetul în ședința de joi.";
        let next = "Potrivit surselor, proiectul va fi trimis Parlamentului pentru dezbatere și vot final.";
        assert!([lead, next].iter().all(|t| line_in(t, "ro").is_prose()));
        let inline = |texts: &[&str]| -> Vec<bool> {
            let lines: Vec<Line> = texts.iter().map(|t| line_in(t, "ro")).collect();
            let marks: Vec<Option<Mark>> = lines
                .iter()
                .map(|ln| first_mark(ln, lexicon(), PHRASE_RULES))
                .collect();
            spread_blocks(&lines, &marks, &Config::default(), lexicon())
                .iter()
                .map(|m| m.is_some_and(|m| m.inline))
                .collect()
        };
        let headline = "Cu cât s-au scumpit sărbătorile românilor";
        // a heading and one headline between two paragraphs
        assert_eq!(
            inline(&[lead, "Citește și", headline, next, lead]),
            [false, true, true, false, false]
        );
        // two headlines: a list, which costs the span as a block does
        assert_eq!(
            inline(&[lead, "Citește și", headline, headline, next, lead]),
            [false; 6]
        );
        // after a menu, not after prose
        assert_eq!(
            inline(&["Acasă", "Politic", "Citește și", headline, next, lead]),
            [false; 6]
        );
        // prose too short to be the article's (a teaser's summary: one sentence of 12 words)
        assert_eq!(inline(&[lead, "Citește și", next]), [false; 3]);
    }
}
