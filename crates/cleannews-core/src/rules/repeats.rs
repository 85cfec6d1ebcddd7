//! Repetition: a copy of an earlier line, or of the title, is clutter
//!.
//!
//! Copies of body lines are found once the body is decided (the pipeline then decides
//! again with the copies marked, so that the span is the one the cleaned text gives);
//! copies of the title are found once the title is chosen. Lines are compared by their
//! folded key (equal keys are equal token tuples: tokens are non-empty and hold no space).
//! `rules` holds each line's decision so far (`None`: undecided), index for index with
//! `lines`.

use std::borrow::Borrow;

use super::blocks::list_items;
use super::catalog::Rule;
use super::marks::Mark;
use crate::features::Line;
use crate::{Map, Set};

/// Very short lines repeat by chance ("Foto", "1"); they are judged by other rules.
pub const REPEAT_MIN_WORDS: u32 = 3;
/// A section heading: at most this many words (wcxb_dev's section headings named twice
/// in the body, in a table of contents and above their section: 3-12 words).
pub const HEADING_MAX_WORDS: u32 = 12;
/// The decisions whose lines can be copies of the title (`title_repeats`).
const TITLE_COPY_RULES: [Rule; 5] = [
    Rule::Body,
    Rule::BeforeBody,
    Rule::AfterBody,
    Rule::Repeated,
    Rule::RepeatedTitle,
];

/// Indices of body lines that copy an earlier body line (a pull quote, a doubled
/// paragraph): the later one is the copy. Lines outside the body do not count: a table of
/// contents above the article names its subheadings, which are not copies.
///
/// A table of contents that the body's span took in is the exception: headings
/// ([`is_heading`]) in a row, each named again further down above its section. There the
/// entries are the copies, so that each heading stays where its section starts. (Removing
/// the later ones left the contents in the text and the sections without headings;
/// cleaning that text again no longer saw the copies and dropped the contents: not
/// idempotent.) Sorted, without duplicates.
pub fn body_repeats<'l, L: Borrow<Line<'l>>>(lines: &[L], rules: &[Option<Rule>]) -> Vec<usize> {
    let mut copies: Vec<usize> = Vec::new();
    let mut heading_pairs: Vec<(usize, usize)> = Vec::new(); // (first, later) of a heading named twice
    let mut first_at: Map<&str, usize> = Map::default();
    for (i, (line, rule)) in lines.iter().zip(rules).enumerate() {
        let line = line.borrow();
        if *rule != Some(Rule::Body) || line.n_words() < REPEAT_MIN_WORDS {
            continue;
        }
        let j = *first_at.entry(line.key()).or_insert(i);
        if j == i {
            continue;
        }
        if is_heading(line) && is_heading(lines[j].borrow()) {
            heading_pairs.push((j, i));
            first_at.insert(line.key(), i); // a third copy copies the heading, not the entry
        } else {
            copies.push(i);
        }
    }
    let entries: Set<usize> = heading_pairs.iter().map(|&(j, _)| j).collect();
    for &(j, i) in &heading_pairs {
        let in_contents = (j > 0 && entries.contains(&(j - 1))) || entries.contains(&(j + 1));
        copies.push(if in_contents { j } else { i });
    }
    copies.sort_unstable();
    copies.dedup();
    copies
}

/// The copies among the body lines ([`body_repeats`]) that no rule claimed for itself: a
/// line with no mark, or with a weak one. A prose teaser cut off with '...' (weakly
/// marked) that a teaser list repeats word for word was kept three times, each between two
/// copies of its headline; cleaning the output again found the three in a row, a teaser
/// run, and dropped them all (wcxb_dev 4151). Measured: wcxb_dev idempotent 782 -> 783 of
/// 788, P 0.92708 -> 0.92713, R 0.93474 -> 0.93472 (3 pages: teaser copies removed; one a
/// listing whose gold keeps its repeated blurb, R 0.715 -> 0.698); scrapinghub unchanged.
///
/// A list's lead-in that each section of a listicle repeats ('Top picks:', 'What you'll
/// learn:') is not a copy: it introduces the list under it, as the first one does.
/// Removed, it left its items without one in the cleaned text, where a second cleaning
/// read them as a menu between paragraphs and lost the sections (not idempotent).
/// Measured: wcxb_dev idempotent 784 -> 786 of 788; body P / R 0.92734 / 0.93502 ->
/// 0.92730 / 0.93549, F1 0.93116 -> 0.93137 (17 pages keep their repeated lead-ins, as
/// their gold does: one R 0.943 -> 0.997; 'Best Prices Today:' above each retailer table,
/// P -0.003 on 3 pages); scrapinghub and ro_news_dev unchanged; titles, dates, authors
/// same.
pub fn body_copies<'l, L: Borrow<Line<'l>>>(
    lines: &[L],
    rules: &[Option<Rule>],
    marks: &[Option<Mark>],
) -> Vec<usize> {
    let repeats = body_repeats(lines, rules);
    if repeats.is_empty() {
        return repeats; // (most pages: the list items are not read)
    }
    let items = list_items(lines, marks);
    let item = |i: usize| items.get(i).copied().unwrap_or(false);
    repeats
        .into_iter()
        .filter(|&i| {
            let lead_in = item(i + 1) && !item(i);
            marks.get(i).copied().flatten().is_none_or(|m| m.weak) && !lead_in
        })
        .collect()
}

/// A short line that does not end with a full stop: a heading or a question heading
/// ("What Are Some Current Trends?"), not a pull quote or a doubled paragraph.
fn is_heading(line: &Line) -> bool {
    line.n_words() <= HEADING_MAX_WORDS && !line.text().ends_with('.')
}

/// Indices of the lines, other than the title, that repeat it (those decided as body,
/// before or after the body, or as a repeat), in order.
pub fn title_repeats<'l, L: Borrow<Line<'l>>>(
    lines: &[L],
    rules: &[Option<Rule>],
    title_index: usize,
) -> Vec<usize> {
    let Some(title) = lines.get(title_index) else {
        return Vec::new();
    };
    let key = title.borrow().key();
    lines
        .iter()
        .zip(rules)
        .enumerate()
        .filter(|&(i, (line, rule))| {
            i != title_index
                && line.borrow().key() == key
                && rule.is_some_and(|r| TITLE_COPY_RULES.contains(&r))
        })
        .map(|(i, _)| i)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::line_in;

    fn lines<'a>(texts: &[&'a str], language: &str) -> Vec<Line<'a>> {
        texts.iter().map(|t| line_in(t, language)).collect()
    }

    const BODY: Option<Rule> = Some(Rule::Body);

    #[test]
    fn later_copies_of_body_lines_are_repeats_but_not_copies_of_a_contents_list() {
        // tests/test_rules.py::test_later_copies_of_body_lines_are_repeats_but_not_copies_of_a_contents_list
        let ls = lines(
            &[
                "Primul subtitlu al articolului",
                "Primul subtitlu al articolului",
                "Un paragraf oarecare cu text",
                "Un paragraf oarecare cu text",
            ],
            "ro",
        );
        assert_eq!(
            body_repeats(&ls, &[Some(Rule::BeforeBody), BODY, BODY, BODY]),
            [3]
        );
    }

    #[test]
    fn a_contents_list_inside_the_body_is_the_copy_of_its_headings() {
        // tests/test_rules.py::test_a_contents_list_inside_the_body_is_the_copy_of_its_headings
        let texts = [
            "What Are the Current Trends?",    // 0: contents, entry 1
            "Five Trends in Event Management", // 1: contents, entry 2
            "A paragraph that opens the article and says what it is about.",
            "What Are the Current Trends?", // 3: the heading of its section
            "A paragraph of the first section, with enough words to read.",
            "Five Trends in Event Management", // 5: the heading of its section
            "A paragraph of the second section, with enough words to read.",
        ];
        assert_eq!(body_repeats(&lines(&texts, "en"), &[BODY; 7]), [0, 1]);
        // a heading named twice, not in a row of such entries: the later one is the copy
        let lone = lines(&[texts[0], texts[2], texts[0], texts[4]], "en");
        assert_eq!(body_repeats(&lone, &[BODY; 4]), [2]);
        // a sentence named twice is a pull quote or a doubled paragraph: the later one
        let doubled = lines(&[texts[2], texts[4], texts[2], texts[4]], "en");
        assert_eq!(body_repeats(&doubled, &[BODY; 4]), [2, 3]);
        // a third copy of a heading copies the heading, not the entry
        let thrice = lines(&[texts[0], texts[1], texts[0], texts[2], texts[0]], "en");
        assert_eq!(body_repeats(&thrice, &[BODY; 5]), [2, 4]);
    }

    #[test]
    fn copies_claimed_by_a_rule_or_leading_in_a_list_are_not_body_copies() {
        let texts = [
            "Top picks for the summer:",
            "Red shoes",
            "A paragraph of the first section, with enough words to read.",
            "Top picks for the summer:",
            "Blue shoes",
            "A paragraph of the first section, with enough words to read.",
        ];
        let ls = lines(&texts, "en");
        let mut marks = [None; 6];
        assert_eq!(body_repeats(&ls, &[BODY; 6]), [3, 5]);
        // the repeated lead-in introduces its list: not a copy
        assert_eq!(body_copies(&ls, &[BODY; 6], &marks), [5]);
        // a strong mark claims the line; a weak one does not
        marks[5] = Some(Mark::of(Rule::Navigation));
        assert!(body_copies(&ls, &[BODY; 6], &marks).is_empty());
        marks[5] = Some(Mark::weak(Rule::Teaser, true));
        assert_eq!(body_copies(&ls, &[BODY; 6], &marks), [5]);
    }

    #[test]
    fn copies_of_the_title() {
        // tests/test_rules.py::test_copies_of_the_title
        let ls = lines(
            &[
                "Titlul articolului de astăzi",
                "Un paragraf oarecare cu text",
                "Titlul articolului de astăzi",
            ],
            "ro",
        );
        assert_eq!(title_repeats(&ls, &[Some(Rule::Title), BODY, BODY], 0), [2]);
        // a copy claimed by another rule, or undecided, is not a repeat of the title
        assert!(
            title_repeats(&ls, &[Some(Rule::Title), BODY, Some(Rule::Navigation)], 0).is_empty()
        );
        assert!(title_repeats(&ls, &[Some(Rule::Title), BODY, None], 0).is_empty());
        assert!(title_repeats(&ls, &[None; 3], 7).is_empty());
    }
}
