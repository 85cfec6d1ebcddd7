//! Locating the article body: the span of lines where running text is densest
//!.
//!
//! Each line gets a score (prose adds its words, other lines cost a fixed number of
//! words, lines that a rule marked as clutter cost more) and the body is the contiguous
//! span with the highest total: the maximum-subarray formulation of Body Text Extraction
//! (Finn, Kushmerick & Smyth 2001), on lines instead of tag tokens. One pass, linear in
//! the lines ([`best_span`], Kadane's algorithm).
//!
//! Scores are `f64` and are summed in the Python's order (left to right, one line at a
//! time), so that every comparison of totals comes out as the Python's; of spans with the
//! same total the first found wins (a later one must be strictly higher).
//!
//! Lines are read as a slice of anything that borrows a [`Line`] (`&[Line]` or
//! `&[&Line]`), with a mark and flags a line, index for index.

use std::borrow::Borrow;

use crate::config::Config;
use crate::features::{capital_share, Line};
use crate::rules::catalog::Rule;
use crate::rules::marks::Mark;
use crate::unicode;

/// Families whose single lines (not headings: those open blocks) stand inside articles:
/// 'Citește și: <headline>', 'Urmărește știrile ... pe Google News', 'Publicitate' between
/// two paragraphs; a separator line ('___' between the sections of an AP story). They cost
/// like a short line, so the article goes on after them. Measured: scrapinghub F1 0.914
/// -> 0.913 (P 0.895 -> 0.894) with follow and ad added, wcxb_dev 0.928; separators cost
/// like clutter at first, and the span of 2 scrapinghub stories ended at their first one
/// (aec5deea R 0.998 -> 0.979, 287e4d9f 0.999 -> 0.982).
pub const INLINE_LINK_FAMILIES: [Rule; 4] =
    [Rule::ReadAlso, Rule::Follow, Rule::Ad, Rule::Separator];
/// A comments heading or counter is short ('Comments', '[ 167 comments ]').
pub const BARRIER_MAX_WORDS: u32 = 6;
/// Prose words before a barrier that make a body of their own: the best span after the
/// barrier is then the comment thread. Measured on the pages whose best span follows a
/// barrier: the spans before it of 82-677 words are the article (macrumors 273, zdnet 110,
/// startuplessonslearned 380, prairiehomestead 677), those of 9-78 words are a standfirst,
/// a teaser or an author box above the article (foxbusiness 62, fool.com 78). Body P / F1,
/// scrapinghub | wcxb_dev: off 0.904 / 0.920 | 0.924 / 0.929; 50 words 0.905 / 0.919 |
/// 0.926 / 0.929; 100 words 0.909 / 0.924 | 0.926 / 0.931; 200 words 0.908 / 0.924 | same.
pub const BARRIER_BODY_MIN_WORDS: u64 = 100;
/// The text's last line, cut off by the scraper mid-sentence, is still the body's last
/// paragraph when it has this many words or more (gds.ro-745's has 21). Shorter lines
/// there are headlines, quotes and footers: at 6 words (`prose_min_words`) the rule also
/// took 'Contact Us/FAQ | Terms of Use | Privacy Policy' (scrapinghub) and two short lines
/// of ro_news_dev; at 15, gds.ro-745 only (ro_labelled F1 0.9877 -> 0.9885).
pub const CUT_OFF_MIN_WORDS: u32 = 15;
/// The score of a barrier line: lower than any article can make up for.
pub const BARRIER: f64 = -1e9;
/// A list item that a lead-in introduces: a little evidence for the body, so that a list
/// at the end of an article stays in its span.
pub const LIST_ITEM_SCORE: f64 = 1.0;
/// A list item is evidence for the body only under its lead-in: a span that opens on
/// items leaves their lead-in out (it adds nothing, and the span's edges are lines that
/// add to it), and the cleaned text then holds items with nothing to introduce them, which
/// a second cleaning reads as a menu. Such items are scored as the lines they are and the
/// span is found again, as often as this (real pages need two at most: a page's second
/// list can open the span found once the first was left out).
pub const ORPHAN_ITEM_ROUNDS: usize = 3;

/// The body span: its first and last line (inclusive) and the prose words in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    /// Index of the first line of the body (inclusive).
    pub start: usize,
    /// Index of the last line (inclusive).
    pub end: usize,
    /// Words of the prose lines in the span.
    pub prose_words: u64,
}

/// A line's score: its evidence for (words of prose) or against (a cost) the body.
pub fn line_score(
    line: &Line,
    mark: Option<Mark>,
    metadata: bool,
    config: &Config,
    list_item: bool,
) -> f64 {
    if let Some(mark) = mark {
        if matches!(mark.rule, Rule::Repeated | Rule::RepeatedTitle) {
            return 0.0; // a copy of a body line: removed, but no evidence about where the body runs
        }
        if !mark.weak {
            let barrier = config.barrier_families.contains(&mark.rule);
            if mark.inline && !barrier {
                // a heading between two paragraphs that claimed nothing: the article goes on
                return -config.non_prose_line_cost;
            }
            if mark.opens_block || (barrier && line.n_words() <= BARRIER_MAX_WORDS) {
                return if barrier {
                    BARRIER
                } else {
                    -config.block_heading_cost
                };
            }
            if INLINE_LINK_FAMILIES.contains(&mark.rule) {
                // 'Citește și: <headline>' between two paragraphs: the article goes on after it
                return -config.non_prose_line_cost;
            }
            return -config.clutter_line_cost;
        }
    }
    if metadata {
        return 0.0;
    }
    if list_item {
        return LIST_ITEM_SCORE;
    }
    if line.is_prose() {
        return f64::from(line.n_words());
    }
    if line.ends_sentence() && line.n_stop() > 0 {
        return 0.0; // a short sentence: neither evidence for nor against
    }
    -config.non_prose_line_cost
}

/// Which lines are isolated prose ([`isolated_prose`]: scored down), which are list items
/// that count, and the body span of the lines so scored ([`best_span`]).
///
/// List items that the span would open on lose their evidence ([`ORPHAN_ITEM_ROUNDS`]):
/// the span was carried over a menu by them, above the article, with their lead-in left
/// out ('Check out our:' above 'Accounting Software', 'Payroll Software', ...; a
/// breadcrumb ending in a colon above the headline); a second cleaning, which no longer
/// has the lead-in, found the body lower and another title. Measured: idempotent pages
/// scrapinghub 179 -> 180 of 181, wcxb_dev 786 -> 788 of 788; body P / R scrapinghub
/// 0.93176 / 0.94600 -> 0.93218 / 0.94600 (1 page: a teaser list under 'More On:' above
/// the article); wcxb_dev 0.92730 / 0.93549 -> 0.92729 / 0.93534, F1 0.93137 -> 0.93130
/// (4462 P 0.955 -> 0.982; 4414, a page of SQL listings, R 0.401 -> 0.283: the span
/// moved off a list of the article's own); titles 498 of 788 (4462 right; 0406 wrong: its
/// headline was the item of a breadcrumb ending in a colon, and the question that opens
/// the body now wins it by nearness, as a second cleaning chose before), dates 462 -> 463,
/// authors same; ro_news_dev unchanged.
///
/// `metadata[i]`: line `i` is scored as metadata; `items`: the list items
/// (`rules::blocks::list_items`), taken and returned with the orphans cleared. The span
/// returned is the core one, or its [`extended_span`] when `extend`; the last value says
/// whether the extension differs from the core.
pub fn scored_span<'l, L: Borrow<Line<'l>>>(
    lines: &[L],
    marks: &[Option<Mark>],
    metadata: &[bool],
    mut items: Vec<bool>,
    config: &Config,
    extend: bool,
) -> (Vec<bool>, Vec<bool>, Option<Span>, bool) {
    let n = lines.len();
    items.resize(n, false);
    let flag = |flags: &[bool], i: usize| flags.get(i).copied().unwrap_or(false);
    let mut isolated = Vec::new();
    let mut span = None;
    let mut scores = Vec::with_capacity(n);
    for _ in 0..=ORPHAN_ITEM_ROUNDS {
        scores.clear();
        scores.extend(lines.iter().enumerate().map(|(i, ln)| {
            let mark = marks.get(i).copied().flatten();
            line_score(ln.borrow(), mark, flag(metadata, i), config, items[i])
        }));
        isolated = isolated_prose(lines, &scores, config.isolated_prose_min_run);
        for (score, &alone) in scores.iter_mut().zip(&isolated) {
            if alone {
                *score *= config.isolated_prose_weight;
            }
        }
        span = best_span(lines, &scores);
        let Some(found) = span else { break };
        if !items[found.start] {
            break;
        }
        let mut first = found.start;
        while first > 0 && items[first - 1] {
            first -= 1;
        }
        let mut last = found.start;
        while last < n && items[last] {
            last += 1;
        }
        items[first..last].fill(false);
    }
    let extended = span.map(|core| extended_span(lines, marks, &scores, core, config));
    let extends = extended.is_some_and(|e| Some(e) != span);
    if extend {
        span = extended;
    }
    (isolated, items, span, extends)
}

/// Past this cost, a run of short unclaimed lines after the body's core span costs no
/// more ([`extended_span`]): three short lines (3 x `non_prose_line_cost`). At 16
/// scrapinghub lost precision (CNN's video headlines under a caption: P 0.9153 -> 0.9090
/// by the per-document means), at 32 and 40 wcxb_dev gained less (F1 0.9328, 0.9322
/// against 0.9335 at 24).
pub const EXTENSION_RUN_MAX_COST: f64 = 24.0;
/// A short line with no digit whose words start upper-case at least this often is a menu's
/// or a name list's ('Editorial', 'David Mikkelson', 'Jordan Liles'): it costs in full
/// past the cap. Without this, scrapinghub lost 0.0014 F1 (snopes' staff list bridged to
/// its appeal for funds) and wcxb_dev gained 0.0002 less.
pub const EXTENSION_MENU_MIN_CAPITALISED: f64 = 0.6;

/// The core span grown over the article's own sections after it (issue 14, family 4): a
/// second pass that reads the lines past the span's end by their neighbours, as jusText
/// does. A listicle's specification table, a review's score lines, a training plan's
/// schedule are runs of short lines between the article's prose, and at
/// `non_prose_line_cost` each they cost more than the next section's prose brings, so the
/// core span ends at the first such run. Here a run of short unclaimed lines costs at most
/// [`EXTENSION_RUN_MAX_COST`], but for lines shaped like a menu's
/// ([`EXTENSION_MENU_MIN_CAPITALISED`]); the span grows to where the sum of what it
/// crosses is highest, if that is above zero, and stops at the first line a rule marked
/// (clutter, a heading, a barrier, an inline link, a copy).
/// Measured (per-document means of token P / R): wcxb_dev 0.9233 / 0.9367 -> 0.9225 /
/// 0.9414, gate F1 0.9319 -> 0.9337; scrapinghub unchanged. Before the span's start too,
/// wcxb_dev reached 0.9212 / 0.9460 (F1 0.9355), but 2 of its pages were no longer
/// cleaned to a fixed point: a start moved over a run changes the title's line, and a
/// second cleaning then picks another.
pub fn extended_span<'l, L: Borrow<Line<'l>>>(
    lines: &[L],
    marks: &[Option<Mark>],
    scores: &[f64],
    core: Span,
    config: &Config,
) -> Span {
    let n = lines.len().min(scores.len());
    let short = config.non_prose_line_cost;
    let (mut sum, mut best, mut end, mut run) = (0.0, 0.0, core.end, 0.0);
    for j in core.end + 1..n {
        if marks.get(j).copied().flatten().is_some() {
            // Clutter, a heading, a barrier, or any line a rule removes (an inline link, a
            // copy): the article's own sections end here. (Only marked lines cost more
            // than a short line.) Crossing removed lines broke idempotence: the second
            // cleaning, without them, no longer reached as far (a page of a lead, a
            // headline, two 'Citește și' lines, the headline and the lead again, found by
            // tests/test_properties.py).
            break;
        }
        let score = scores[j];
        let capped = score == -short && !menu_like(lines[j].borrow());
        if capped {
            run += short;
        } else if score != -short {
            run = 0.0; // (a menu's line neither adds to a run nor ends it)
        }
        sum += if capped && run > EXTENSION_RUN_MAX_COST {
            0.0
        } else {
            score
        };
        if sum > best {
            (best, end) = (sum, j);
        }
    }
    if end == core.end {
        core
    } else {
        span_of(lines, scores, core.start, end)
    }
}

/// A short line of a menu or a list of names: no digit, and mostly capitalised words.
fn menu_like(line: &Line<'_>) -> bool {
    let text = line.text();
    !text.chars().any(unicode::is_digit)
        && capital_share(unicode::split(text)) >= EXTENSION_MENU_MIN_CAPITALISED
}

/// Prose lines that stand alone between runs of `min_run` or more lines that cost (menus,
/// headlines, author names): the shape of a teaser list, where each item is an image's alt
/// text, a headline, a byline and one paragraph. An article's paragraphs come in runs, or
/// between single subheadings. (A flag a line.)
pub fn isolated_prose<'l, L: Borrow<Line<'l>>>(
    lines: &[L],
    scores: &[f64],
    min_run: u32,
) -> Vec<bool> {
    let n = lines.len().min(scores.len());
    let costly: Vec<bool> = scores[..n].iter().map(|&sc| sc < 0.0).collect();
    // A line with no evidence that is not a sentence and has a number (a date line between
    // an item's headline and its paragraph) neither breaks nor extends a run. Nor does
    // prose with no evidence: a copy of a body line or a metadata line that reads as prose,
    // which the cleaned text no longer holds; as a break, it kept a listing's items in the
    // first cleaning that the second then found isolated and dropped (wcxb_dev 0341).
    // Measured, body P / R: scrapinghub 0.93168 / 0.94600 -> 0.93176 / 0.94600 (1 page);
    // wcxb_dev 0.92713 / 0.93472 -> 0.92734 / 0.93502 (3 pages), idempotent 783 -> 784 of
    // 788; titles, dates, authors same. (Every line with no evidence that is not a short
    // sentence: wcxb_dev F1 0.9309 -> 0.9306.)
    let neutral: Vec<bool> = (0..n)
        .map(|i| {
            let ln = lines[i].borrow();
            scores[i] == 0.0
                && (ln.is_prose()
                    || (!ln.ends_sentence() && ln.text().chars().any(unicode::is_digit)))
        })
        .collect();
    let passable = |j: usize| costly[j] || neutral[j];
    let mut out = vec![false; lines.len()];
    for i in 0..n {
        if !lines[i].borrow().is_prose() || scores[i] <= 0.0 {
            continue;
        }
        let mut before = 0u32;
        let mut j = i;
        while j > 0 && passable(j - 1) && before < min_run {
            before += u32::from(costly[j - 1]);
            j -= 1;
        }
        let mut after = 0u32;
        let mut j = i + 1;
        while j < n && passable(j) && after < min_run {
            after += u32::from(costly[j]);
            j += 1;
        }
        out[i] = before >= min_run && after >= min_run;
    }
    out
}

/// The contiguous span with the highest total score (Kadane), or `None` if all are <= 0.
///
/// A barrier (a comments heading, a comment thread) ends the article: when the best span
/// lies after one and the lines before it hold a body of [`BARRIER_BODY_MIN_WORDS`] or
/// more, the span after the barrier is the comment thread, and the body is the earlier one
/// (found the same way among the lines before the barrier). One pass: Kadane's best span
/// of the lines above each barrier is recorded as the pass goes by it.
pub fn best_span<'l, L: Borrow<Line<'l>>>(lines: &[L], scores: &[f64]) -> Option<Span> {
    let n = lines.len().min(scores.len());
    let scores = &scores[..n];
    // (barrier index, the best span above it), in index order
    let mut above: Vec<(usize, Option<(usize, usize)>)> = Vec::new();
    let mut best = kadane(scores, &mut above);
    let mut chain: Vec<Span> = Vec::new(); // the best span, the best above its barrier, and so on up
    while let Some((start, end)) = best {
        let span = span_of(lines, scores, start, end);
        chain.push(span);
        // the last barrier above the span
        let k = above.partition_point(|&(b, _)| b < span.start);
        best = k.checked_sub(1).and_then(|k| above[k].1);
    }
    let (&last, rest) = chain.split_last()?;
    let mut result = last;
    for &span in rest.iter().rev() {
        if result.prose_words < BARRIER_BODY_MIN_WORDS {
            result = span;
        }
    }
    Some(result)
}

/// The first span of the highest total (start, end), or `None`; records in `above` the
/// best span of the lines above each barrier (`body._kadane`).
pub fn kadane(
    scores: &[f64],
    above: &mut Vec<(usize, Option<(usize, usize)>)>,
) -> Option<(usize, usize)> {
    let mut best_total = 0.0;
    let mut best = None;
    let mut total = 0.0;
    let mut start = 0;
    for (i, &s) in scores.iter().enumerate() {
        if s <= BARRIER {
            above.push((i, best));
        }
        if total <= 0.0 {
            total = s;
            start = i;
        } else {
            total += s;
        }
        if total > best_total {
            best_total = total;
            best = Some((start, i));
        }
    }
    best
}

/// The span from `start` to `end` with canonical edges: it starts and ends on lines that
/// add to it, so that cleaning the output again finds the same span (zero-score lines may
/// fall either way above).
fn span_of<'l, L: Borrow<Line<'l>>>(
    lines: &[L],
    scores: &[f64],
    mut start: usize,
    mut end: usize,
) -> Span {
    // (Kadane's span has a line of positive score at each end: the loops stop there)
    while start < end && scores[start] <= 0.0 {
        start += 1;
    }
    while end > start && scores[end] <= 0.0 {
        end -= 1;
    }
    let prose_words = lines[start..=end]
        .iter()
        .map(Borrow::borrow)
        .filter(|ln| ln.is_prose())
        .map(|ln| u64::from(ln.n_words()))
        .sum();
    Span {
        start,
        end,
        prose_words,
    }
}

/// Is the text's last line the body's last paragraph, cut off by the scraper? It follows
/// the body span directly, no rule claimed it, and it reads as running text
/// ([`CUT_OFF_MIN_WORDS`] words or more, with the stop-word share of an unpunctuated
/// paragraph) but stops without a sentence end.
pub fn cut_off_last<'l, L: Borrow<Line<'l>>>(
    lines: &[L],
    end: usize,
    marks: &[Option<Mark>],
    config: &Config,
) -> bool {
    let Some(last) = lines.len().checked_sub(1) else {
        return false;
    };
    if end.checked_add(1) != Some(last) || marks.get(last).copied().flatten().is_some() {
        return false;
    }
    let line = lines[last].borrow();
    !line.ends_sentence()
        && !line.ends_ellipsis()
        && line.n_words() >= CUT_OFF_MIN_WORDS
        && line.stop_ratio() >= config.prose_unpunctuated_min_stopword_ratio
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::{leak, Features};
    use crate::rules::testing::{lexicon, line, line_in};
    use crate::rules::{first_mark, PHRASE_RULES};

    /// `tests/test_body.py`'s `prose(words)`: a prose line of `words` words.
    fn prose(words: u32) -> Line<'static> {
        let mut text = vec!["cuvânt"; words.saturating_sub(1).max(1) as usize].join(" ");
        text.push_str(" final.");
        line(leak(text))
    }

    /// `tests/test_body.py`'s `reference_span`: the definition, as recursion on the lines
    /// above the barrier.
    fn reference_span(lines: &[Line], scores: &[f64]) -> Option<Span> {
        let (mut best_total, mut best, mut total, mut start) = (0.0, None, 0.0, 0);
        for (i, &s) in scores.iter().enumerate() {
            (total, start) = if total <= 0.0 {
                (s, i)
            } else {
                (total + s, start)
            };
            if total > best_total {
                best_total = total;
                best = Some((start, i));
            }
        }
        let (mut s, mut e) = best?;
        while scores[s] <= 0.0 {
            s += 1;
        }
        while scores[e] <= 0.0 {
            e -= 1;
        }
        let words = lines[s..=e]
            .iter()
            .filter(|l| l.is_prose())
            .map(|l| u64::from(l.n_words()))
            .sum();
        let span = Span {
            start: s,
            end: e,
            prose_words: words,
        };
        let Some(barrier) = (0..span.start).rev().find(|&i| scores[i] <= BARRIER) else {
            return Some(span);
        };
        match reference_span(&lines[..barrier], &scores[..barrier]) {
            Some(above) if above.prose_words >= BARRIER_BODY_MIN_WORDS => Some(above),
            _ => Some(span),
        }
    }

    /// A small deterministic generator (xorshift) for the property test.
    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
        fn below(&mut self, n: u64) -> u64 {
            self.next() % n
        }
    }

    #[test]
    fn one_pass_agrees_with_the_recursive_definition() {
        // tests/test_body.py::test_one_pass_agrees_with_the_recursive_definition, with
        // the hypothesis strategy's scores (a barrier, -30..150, 0, 1, -2) drawn at random
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        for _ in 0..2_000 {
            let n = rng.below(41) as usize;
            let mut scores = Vec::with_capacity(n);
            let mut lines = Vec::with_capacity(n);
            for _ in 0..n {
                let score = match rng.below(3) {
                    0 => BARRIER,
                    1 => rng.below(181) as f64 - 30.0,
                    _ => [0.0, 1.0, -2.0][rng.below(3) as usize],
                };
                scores.push(score);
                lines.push(prose(1 + rng.below(160) as u32));
            }
            assert_eq!(
                best_span(&lines, &scores),
                reference_span(&lines, &scores),
                "{scores:?}"
            );
        }
    }

    #[test]
    fn a_body_above_the_comments_wins_over_a_longer_thread() {
        // tests/test_body.py::test_a_body_above_the_comments_wins_over_a_longer_thread
        let lines = [prose(120), prose(30), prose(5), prose(200), prose(200)];
        let scores = [120.0, 30.0, BARRIER, 200.0, 200.0];
        let span = best_span(&lines, &scores).map(|s| (s.start, s.end));
        assert_eq!(span, Some((0, 1)));
        // a short body above the barrier loses to the span after it
        let lines = [prose(50), prose(5), prose(200)];
        let span = best_span(&lines, &[50.0, BARRIER, 200.0]).map(|s| (s.start, s.end));
        assert_eq!(span, Some((2, 2)));
    }

    #[test]
    fn thousands_of_barriers_before_ever_longer_paragraphs() {
        // tests/test_body.py::test_thousands_of_barriers_before_ever_longer_paragraphs
        let n = 5_000;
        let scores: Vec<f64> = (0..2 * n)
            .map(|i| if i % 2 == 0 { BARRIER } else { i as f64 })
            .collect();
        let (short, long) = (prose(5), prose(150));
        let lines: Vec<&Line> = (0..2 * n)
            .map(|i| if i % 2 == 0 { &short } else { &long })
            .collect();
        let span = best_span(&lines, &scores).map(|s| (s.start, s.end));
        assert_eq!(span, Some((1, 1)));
    }

    #[test]
    fn best_span_is_the_maximum_scoring_run() {
        // tests/test_rules.py::test_best_span_is_the_maximum_scoring_run
        let lines: Vec<Line> = (0..6).map(|i| line(leak(format!("x{i}")))).collect();
        let span = best_span(&lines, &[-5.0, 10.0, -3.0, 10.0, -30.0, 4.0]);
        assert_eq!(span.map(|s| (s.start, s.end)), Some((1, 3)));
        assert_eq!(best_span(&lines[..2], &[-1.0, -2.0]), None);
        // of equal totals the first wins; zero-score edges are left out
        let span = best_span(&lines, &[0.0, 5.0, -5.0, 5.0, 0.0, -1.0]);
        assert_eq!(span.map(|s| (s.start, s.end)), Some((1, 1)));
    }

    #[test]
    fn comments_heading_is_a_barrier_and_block_heading_costs_a_paragraph() {
        // tests/test_rules.py::test_comments_heading_is_a_barrier_and_block_heading_costs_a_paragraph
        let config = Config::default();
        for text in ["Comentarii", "About the author"] {
            let heading = line(text);
            let mark = first_mark(&heading, lexicon(), PHRASE_RULES);
            assert_eq!(
                line_score(&heading, mark, false, &config, false),
                BARRIER,
                "{text}"
            );
        }
        let top = line("Top Citite");
        let mark = first_mark(&top, lexicon(), PHRASE_RULES);
        assert_eq!(
            line_score(&top, mark, false, &config, false),
            -config.block_heading_cost
        );
    }

    #[test]
    fn line_scores_by_kind() {
        let config = Config::default();
        let body = prose(10);
        let short = line("Politică");
        let sentence = line_in("Ministrul a declarat luni.", "ro");
        let score = |ln: &Line, mark: Option<Mark>| line_score(ln, mark, false, &config, false);
        assert_eq!(score(&body, None), 10.0);
        assert_eq!(score(&short, None), -config.non_prose_line_cost);
        assert_eq!(score(&sentence, None), 0.0);
        assert_eq!(score(&body, Some(Mark::of(Rule::Repeated))), 0.0);
        assert_eq!(
            score(&body, Some(Mark::of(Rule::Navigation))),
            -config.clutter_line_cost
        );
        assert_eq!(
            score(&body, Some(Mark::of(Rule::Ad))),
            -config.non_prose_line_cost
        );
        assert_eq!(score(&body, Some(Mark::weak(Rule::Teaser, true))), 10.0);
        // a long comments line is clutter, not a barrier
        assert_eq!(
            score(&body, Some(Mark::of(Rule::Comments))),
            -config.clutter_line_cost
        );
        assert_eq!(line_score(&short, None, true, &config, true), 0.0);
        assert_eq!(
            line_score(&short, None, false, &config, true),
            LIST_ITEM_SCORE
        );
    }

    #[test]
    fn a_prose_line_alone_between_runs_of_short_lines_is_a_teaser() {
        // tests/test_rules.py::test_a_prose_line_alone_between_runs_of_short_lines_is_a_teaser
        let prose_text =
            "Ministrul a declarat luni că guvernul va lua o decizie privind bugetul în ședința de joi.";
        let last = format!("{prose_text} Da.");
        let texts = [
            "Foto alt",
            "Titlu de știre",
            prose_text,
            "Autor Nume",
            "Alt titlu",
            &last,
        ];
        let lines: Vec<Line> = texts.iter().map(|t| line_in(t, "ro")).collect();
        let scores = [-8.0, -8.0, 16.0, -8.0, -8.0, 17.0];
        assert_eq!(
            isolated_prose(&lines, &scores, 2),
            [false, false, true, false, false, false]
        );
    }

    #[test]
    fn a_copy_of_prose_does_not_break_a_run_of_short_lines() {
        // tests/test_rules.py::test_a_copy_of_prose_does_not_break_a_run_of_short_lines
        let prose_text =
            "Ministrul a declarat luni că guvernul va lua o decizie privind bugetul în ședința de joi.";
        let copy = "Guvernul a anunțat că decizia privind bugetul va fi luată după ședința de joi.";
        let texts = [
            "Foto alt",
            "Titlu de știre",
            prose_text,
            copy,
            "Autor Nume",
            "Alt titlu",
        ];
        let lines: Vec<Line> = texts.iter().map(|t| line_in(t, "ro")).collect();
        let scores = [-8.0, -8.0, 16.0, 0.0, -8.0, -8.0];
        assert_eq!(
            isolated_prose(&lines, &scores, 2),
            [false, false, true, false, false, false]
        );
    }

    #[test]
    fn the_span_grows_over_a_table_to_the_next_section_but_not_over_a_menu() {
        let config = Config::default();
        let span_of_page = |middle: &[&str], extend: bool| {
            let mut lines = vec![prose(40), prose(40)];
            lines.extend(middle.iter().map(|t| line(t)));
            lines.push(prose(30)); // the next section: less than the run costs in full
            let n = lines.len();
            let (_, _, span, extends) = scored_span(
                &lines,
                &vec![None; n],
                &vec![false; n],
                vec![false; n],
                &config,
                extend,
            );
            (span.map(|s| (s.start, s.end)), extends, n)
        };
        let table = [
            "Range: 40 km",
            "Weight: 24 kg",
            "Speed: 50 km/h",
            "Charge: 4 hrs",
            "Deck: 9 layer maple",
        ];
        // 5 lines cost 40 in full, more than the 30 words after them: the core ends above.
        assert_eq!(span_of_page(&table, false), (Some((0, 1)), true, 8));
        // Capped at EXTENSION_RUN_MAX_COST (24), they are crossed.
        assert_eq!(span_of_page(&table, true), (Some((0, 7)), true, 8));
        // A list of names costs in full: no extension.
        let names = [
            "Editorial",
            "David Mikkelson",
            "Jordan Liles",
            "Alex Kasprak",
            "Dan Evon",
        ];
        assert_eq!(span_of_page(&names, true), (Some((0, 1)), false, 8));
        // A clutter line ends the article's sections.
        let lines = [
            prose(40),
            line("Weight: 24 kg"),
            line("Partner sites"),
            prose(20),
        ];
        let mut marks = [None; 4];
        marks[2] = Some(Mark::of(Rule::Partners));
        let (_, _, span, extends) =
            scored_span(&lines, &marks, &[false; 4], vec![false; 4], &config, true);
        assert_eq!(
            (span.map(|s| (s.start, s.end)), extends),
            (Some((0, 0)), false)
        );
    }

    #[test]
    fn items_the_span_would_open_on_lose_their_evidence() {
        let config = Config::default();
        // two items (no lead-in kept), then two paragraphs
        let lines = [
            line("Payroll Software"),
            line("Accounting Software"),
            prose(20),
            prose(20),
        ];
        let marks = [None; 4];
        let (isolated, items, span, _) = scored_span(
            &lines,
            &marks,
            &[false; 4],
            vec![true, true, false, false],
            &config,
            false,
        );
        assert_eq!(items, [false, false, false, false]);
        assert_eq!(isolated, [false; 4]);
        assert_eq!(
            span.map(|s| (s.start, s.end, s.prose_words)),
            Some((2, 3, 40))
        );
        // items inside the span keep theirs
        let lines = [prose(20), line("Payroll Software"), prose(20)];
        let (_, items, span, _) = scored_span(
            &lines,
            &[None; 3],
            &[false; 3],
            vec![false, true, false],
            &config,
            false,
        );
        assert_eq!(items, [false, true, false]);
        assert_eq!(span.map(|s| (s.start, s.end)), Some((0, 2)));
    }

    #[test]
    fn the_last_line_cut_off_by_the_scraper() {
        let config = Config::default();
        let features = |ends_sentence: bool, n_words: u32, n_stop: u32| Features {
            n_words,
            n_stop,
            ends_sentence,
            ends_ellipsis: false,
            is_prose: false,
        };
        let cut = Line::new(
            "the last words of it",
            "the last words of it",
            features(false, 20, 8),
        );
        let lines = [prose(20), prose(20), cut];
        assert!(cut_off_last(&lines, 1, &[None; 3], &config));
        assert!(!cut_off_last(&lines, 0, &[None; 3], &config)); // not right after the span
        let claimed = [None, None, Some(Mark::of(Rule::Navigation))];
        assert!(!cut_off_last(&lines, 1, &claimed, &config));
        let short = Line::new("few words", "few words", features(false, 14, 8));
        assert!(!cut_off_last(
            &[prose(20), prose(20), short],
            1,
            &[None; 3],
            &config
        ));
        let few_stops = Line::new("x", "x", features(false, 20, 6));
        assert!(!cut_off_last(
            &[prose(20), prose(20), few_stops],
            1,
            &[None; 3],
            &config
        ));
        let ended = Line::new("x.", "x", features(true, 20, 8));
        assert!(!cut_off_last(
            &[prose(20), prose(20), ended],
            1,
            &[None; 3],
            &config
        ));
        assert!(!cut_off_last::<Line>(&[], 0, &[], &config));
    }
}
