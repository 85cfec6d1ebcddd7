//! Comment threads recognised by their shape, in any language that has a word for 'says'
//!.
//!
//! A blog's comment thread comes as attribution lines, each opening one comment
//! ('thelastchargersfan says:', 'Alex on September 17, 2018 at 6:34 am said:'), with the
//! comment's text after each. Several such lines make a thread: it ends the article as a
//! comments heading does (`Config::barrier_families`), and every line of it is marked, so
//! that the thread's own prose can never be taken for the body. The words come from
//! `langdata/comment_thread.tsv` (`Lexicon::says_words`).
//!
//! An article can quote speakers the same way ('The mayor says:', 'Ministrul spune:') and
//! a false thread would cut the rest of the article, so an attribution must also carry the
//! comment template's time stamp: a date and time just before the 'says' word ('<name> on
//! September 12, 2018 at 4:47 pm said:'), or a stamp alone on the next line ('November 19,
//! 2019 at 6:34 am', '14:05', or the bare 'at' that a page leaves when a script fills in
//! the date). In an article the line after 'The mayor says:' is the quote.
//!
//! The Python patterns `_SAYS_TAIL` and `_CLOCK` (the `regex` module, with look-around)
//! are matched by hand here, with the `regex` module's own classes (`\s`, `\d`, `\p{L}`
//! from [`crate::unicode`]): the same matches, in linear time.
//!
//! Where the dates of a text stand comes from a [`DateSpans`] (by default [`FindDates`]:
//! `metadata.dates.find_dates`), so that the thread passes can be run on the dates that
//! another reader found (the parity tests ran them on the Python reader's, while it existed).

use std::borrow::{Borrow, Cow};
use std::ops::Range;

use super::catalog::Rule;
use super::marks::Mark;
use crate::features::Line;
use crate::lexicon::Lexicon;
use crate::metadata::dates::find_dates;
use crate::normalize::{folded, tokens};
use crate::unicode;

/// An attribution is a name, at most with a date and time: "Catherine (GiveWell) on
/// September 13, 2018 at 5:23 pm said:" has 11 words; pingbacks name a post title ("15
/// DIY Wood Projects- Merry Monday #217 - Cookies Coffee and Crafts says:", 12 words).
pub const ATTRIBUTION_MAX_WORDS: u32 = 14;
/// Attribution lines that make a thread. In the dev corpora the lines ending in a 'says'
/// word with a colon stand in 15 pages (scrapinghub 3, wcxb_dev 12), none of them in the
/// gold body; an article quoting one speaker ("The report says:") has one such line, a
/// thread has two or more (13 of the 15 pages).
pub const THREAD_MIN_ATTRIBUTIONS: usize = 2;
/// ...no further apart than this many lines: one comment runs to a few paragraphs (the
/// longest in the dev corpora: 17 lines, a reply with a list); two quotes far apart in an
/// article are not a thread.
pub const THREAD_MAX_GAP: usize = 30;
/// The stamp after an attribution is a date and time alone ('November 19, 2019 at 6:34
/// am', '12. März 2025 um 10:14 Uhr', '12 mars 2025 à 10 h 14 min') or what a script left
/// of it ('at'): besides the date and the clock time, at most this many words, each of at
/// most [`STAMP_WORD_MAX_CHARS`] characters ('at', 'um', 'à', 'la', 'pm', 'Uhr', 'min').
/// In the dev corpora all 208 attributions of the 13 threads have their stamp (a date
/// before 'said:' on givewell, the next line on 12 pages); no gold body holds a 'says:'
/// line.
pub const STAMP_OTHER_MAX_WORDS: usize = 2;
/// See [`STAMP_OTHER_MAX_WORDS`].
pub const STAMP_WORD_MAX_CHARS: usize = 3;
/// A comment template that prints no 'says' word opens each comment with the commenter's
/// name alone on a line over the stamp ('Carl' / 'December 19, 2025, 10:45 am'): a name
/// of at most this many words ('Paul S Hahn', 'patric rozario') ...
pub const COMMENTER_MAX_WORDS: u32 = 4;
/// ... and such a thread needs this many of them within [`THREAD_MAX_GAP`] of each other,
/// one more than [`THREAD_MIN_ATTRIBUTIONS`]: a byline over the article's date line has the
/// same shape once.
pub const NAMED_THREAD_MIN_ATTRIBUTIONS: usize = 3;
/// The rule that marks a thread's lines.
pub const RULE: Rule = Rule::CommentThread;
/// `_SAYS_TAIL`'s `\s{1,3}`: at most this many spaces between the date and the 'says' word.
const SAYS_TAIL_MAX_SPACES: usize = 3;
/// `_CLOCK`'s `\d{1,2}`: the hour's digits at most.
const CLOCK_HOUR_MAX_DIGITS: usize = 2;

/// Where the dates of a text stand: the byte ranges of `find_dates(text, lexicon.months)`'s
/// hits, in order and not overlapping.
pub trait DateSpans {
    /// The byte ranges of the dates in `text`.
    fn date_spans(&self, text: &str, lexicon: &Lexicon) -> Vec<Range<usize>>;
}

/// The dates of `metadata.dates.find_dates` (no year hint, day first).
#[derive(Debug, Clone, Copy, Default)]
pub struct FindDates;

impl DateSpans for FindDates {
    fn date_spans(&self, text: &str, lexicon: &Lexicon) -> Vec<Range<usize>> {
        find_dates(text, &lexicon.months, None, false)
            .into_iter()
            .map(|d| d.start..d.end)
            .collect()
    }
}

/// Whether [`FindDates`] reads the ported date reader (`metadata::dates::find_dates`):
/// the parity tests, while the Python reader existed, then also ran the threads on the
/// core's own dates.
pub const DATES_PORTED: bool = true;

/// '<name> says:': a short line that ends in a colon after a 'says' word, with the
/// comment's time stamp just before that word or on the next line (`after`).
pub fn is_attribution(line: &Line, lexicon: &Lexicon, after: Option<&Line>) -> bool {
    is_attribution_with(line, lexicon, after, &FindDates)
}

/// [`is_attribution`] with the dates found by `dates`.
pub fn is_attribution_with<D: DateSpans + ?Sized>(
    line: &Line,
    lexicon: &Lexicon,
    after: Option<&Line>,
    dates: &D,
) -> bool {
    // (a line with words but no token, such as Thai vowel signs alone, has no last token:
    // the Python raises IndexError there; here it is no attribution)
    if !(line.text().ends_with(':')
        && (2..=ATTRIBUTION_MAX_WORDS).contains(&line.n_words())
        && line
            .tokens()
            .next_back()
            .is_some_and(|t| lexicon.says_words.contains(t)))
    {
        return false;
    }
    let text = line.text();
    if let Some(last) = dates.date_spans(text, lexicon).last() {
        if text.get(last.end..).is_some_and(says_tail) {
            return true; // '<name> on <date> at <time> said:', not '..., dated <date>, says:'
        }
    }
    after.is_some_and(|next| is_stamp_with(next, lexicon, dates))
}

/// `_SAYS_TAIL.fullmatch`: what follows the date in a dated attribution is the 'says' word
/// alone, no comma (`\s{1,3}\p{L}+\s?:` to the end). The classes do not overlap, so one
/// greedy pass decides.
fn says_tail(tail: &str) -> bool {
    let mut chars = tail.chars().peekable();
    let mut spaces = 0;
    while spaces < SAYS_TAIL_MAX_SPACES && chars.next_if(|&c| unicode::rx_space(c)).is_some() {
        spaces += 1;
    }
    if spaces == 0 || chars.next_if(|&c| unicode::rx_letter(c)).is_none() {
        return false;
    }
    while chars.next_if(|&c| unicode::rx_letter(c)).is_some() {}
    chars.next_if(|&c| unicode::rx_space(c));
    chars.next() == Some(':') && chars.next().is_none()
}

/// A comment's name line without a 'says' word (issue 14, family 5): `line` names the
/// commenter alone (a few words, no digit, no sentence and no colon at its end), the line
/// `before` it ends a sentence (the last comment, or the article), and the line `after`
/// it is a stamp with both a date and a clock time ('November 2, 2022 at 11:43 am'; the
/// stamps of articles' date lines rarely carry the hour, and a byline under a headline
/// follows no sentence).
pub fn is_named_attribution_with<D: DateSpans + ?Sized>(
    before: &Line,
    line: &Line,
    after: &Line,
    lexicon: &Lexicon,
    dates: &D,
) -> bool {
    let text = line.text();
    (1..=COMMENTER_MAX_WORDS).contains(&line.n_words())
        && !line.ends_sentence()
        && !text.ends_with(':')
        && !text.chars().any(unicode::rx_digit)
        && before.ends_sentence()
        && clock_sub(after.text()) != after.text()
        && stamp_with(after, lexicon, dates) == Some(true)
}

/// A comment's time stamp: a date or a clock time, and at most [`STAMP_OTHER_MAX_WORDS`]
/// short words ('at', 'Uhr'); or one stop word alone (an 'at' whose date and time a
/// script fills in: lower case, unlike an answer such as 'No').
pub fn is_stamp(line: &Line, lexicon: &Lexicon) -> bool {
    is_stamp_with(line, lexicon, &FindDates)
}

/// [`is_stamp`] with the dates found by `dates`.
pub fn is_stamp_with<D: DateSpans + ?Sized>(line: &Line, lexicon: &Lexicon, dates: &D) -> bool {
    stamp_with(line, lexicon, dates).is_some()
}

/// Whether `line`, when it is a stamp ([`is_stamp`]), holds a date ('November 2, 2022')
/// and not only a clock time or a bare 'at'.
pub fn stamp_with<D: DateSpans + ?Sized>(
    line: &Line,
    lexicon: &Lexicon,
    dates: &D,
) -> Option<bool> {
    let text = line.text();
    if line.n_words() == 1
        && line.n_stop() == 1
        && unicode::str_is_alpha(text)
        && unicode::str_is_lower(text)
    {
        return Some(false);
    }
    let spans = dates.date_spans(text, lexicon);
    let mut rest = Cow::Borrowed(text);
    for hit in spans.iter().rev() {
        let (Some(head), Some(tail)) = (rest.get(..hit.start), rest.get(hit.end..)) else {
            continue; // (not a date of this text: nothing to take out)
        };
        rest = Cow::Owned(format!("{head} {tail}"));
    }
    let cleared = clock_sub(&rest);
    if cleared == text {
        return None;
    }
    let dated = !spans.is_empty();
    let fold = folded(&cleared);
    let mut other = 0;
    let short = tokens(&fold).all(|t| {
        other += 1;
        other <= STAMP_OTHER_MAX_WORDS && t.chars().count() <= STAMP_WORD_MAX_CHARS
    });
    short.then_some(dated)
}

/// `_CLOCK.sub(" ", text)`: every clock time ('14:05', '6:34', '10 h 14') replaced by a
/// space. The pattern is `(?<!\d)\d{1,2}(?:[:.]|\s?h\s?)\d{2}(?!\d)` (the `regex`
/// module's `\d` and `\s`), tried at each position left to right as `re.sub` does.
fn clock_sub(text: &str) -> Cow<'_, str> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = String::new();
    let mut copied = 0; // bytes of `text` copied (or replaced) so far
    let mut i = 0;
    while i < chars.len() {
        let Some(end) = clock_at(&chars, i) else {
            i += 1;
            continue;
        };
        out.push_str(&text[copied..chars[i].0]);
        out.push(' ');
        copied = chars.get(end).map_or(text.len(), |&(b, _)| b);
        i = end;
    }
    if copied == 0 && out.is_empty() {
        return Cow::Borrowed(text);
    }
    out.push_str(&text[copied..]);
    Cow::Owned(out)
}

/// The end (a char index) of `_CLOCK`'s match starting at char `i`, if one does, with
/// the pattern's backtracking order: the most hour digits first, then `[:.]`, then
/// `\s?h\s?` with each optional space taken first.
fn clock_at(chars: &[(usize, char)], i: usize) -> Option<usize> {
    let digit = |k: usize| chars.get(k).is_some_and(|&(_, c)| unicode::rx_digit(c));
    let is = |k: usize, f: &dyn Fn(char) -> bool| chars.get(k).is_some_and(|&(_, c)| f(c));
    if i > 0 && digit(i - 1) {
        return None;
    }
    let hour = (0..CLOCK_HOUR_MAX_DIGITS)
        .take_while(|&k| digit(i + k))
        .count();
    for len in (1..=hour).rev() {
        let q = i + len;
        let mut minutes = Vec::with_capacity(5);
        if is(q, &|c| c == ':' || c == '.') {
            minutes.push(q + 1);
        }
        for space_before in [true, false] {
            let h = if space_before {
                if !is(q, &unicode::rx_space) {
                    continue;
                }
                q + 1
            } else {
                q
            };
            if !is(h, &|c| c == 'h') {
                continue;
            }
            if is(h + 1, &unicode::rx_space) {
                minutes.push(h + 2);
            }
            minutes.push(h + 1);
        }
        if let Some(r) = minutes
            .into_iter()
            .find(|&r| digit(r) && digit(r + 1) && !digit(r + 2))
        {
            return Some(r + 2);
        }
    }
    None
}

/// Marks, in place, the comment thread, when there is one, `comment_thread`: from its
/// first attribution to its last, and the last comment's stamp and text after that (the
/// lines up to the first one that is not a sentence or that another rule claimed; claimed
/// before this pass: the threads are found first, then marked).
pub fn mark_threads<'l, L: Borrow<Line<'l>>>(
    lines: &[L],
    marks: &mut [Option<Mark>],
    lexicon: &Lexicon,
) {
    mark_threads_with(lines, marks, lexicon, &FindDates);
}

/// [`mark_threads`] with the dates found by `dates`.
pub fn mark_threads_with<'l, L: Borrow<Line<'l>>, D: DateSpans + ?Sized>(
    lines: &[L],
    marks: &mut [Option<Mark>],
    lexicon: &Lexicon,
    dates: &D,
) {
    let n = lines.len().min(marks.len());
    let line = |i: usize| lines[i].borrow();
    let found: Vec<usize> = (0..n)
        .filter(|&i| {
            let after = (i + 1 < lines.len()).then(|| line(i + 1));
            is_attribution_with(line(i), lexicon, after, dates)
        })
        .collect();
    let named: Vec<usize> = (1..n.saturating_sub(1))
        .filter(|&i| is_named_attribution_with(line(i - 1), line(i), line(i + 1), lexicon, dates))
        .collect();
    // (first line, end, its attributions: a sorted slice of `found` or `named`)
    let mut threads: Vec<(usize, usize, &[usize])> = Vec::new();
    let kinds = [
        (&found, THREAD_MIN_ATTRIBUTIONS),
        (&named, NAMED_THREAD_MIN_ATTRIBUTIONS),
    ];
    for thread in kinds.into_iter().flat_map(|(found, least)| {
        clusters(found)
            .into_iter()
            .filter(move |t| t.len() >= least)
    }) {
        let (Some(&first), Some(&last)) = (thread.first(), thread.last()) else {
            continue;
        };
        let mut end = last + 1;
        if end < n && is_stamp_with(line(end), lexicon, dates) {
            end += 1; // the last comment's stamp
        }
        while end < n && comment_text(line(end), marks[end]) {
            end += 1;
        }
        threads.push((first, end, thread));
    }
    for (first, end, attributions) in threads {
        let mut next = 0; // the first attribution not yet passed
        for (i, own) in marks.iter_mut().enumerate().take(end).skip(first) {
            while next < attributions.len() && attributions[next] < i {
                next += 1;
            }
            let attribution = attributions.get(next) == Some(&i);
            if own.is_none_or(|m| m.weak) || attribution {
                *own = Some(Mark::of(RULE));
            }
        }
    }
}

/// Attribution indices grouped where each is within [`THREAD_MAX_GAP`] of the last.
fn clusters(found: &[usize]) -> Vec<&[usize]> {
    let mut groups = Vec::new();
    let mut start = 0;
    for k in 1..=found.len() {
        if k == found.len() || found[k] - found[k - 1] > THREAD_MAX_GAP {
            groups.push(&found[start..k]);
            start = k;
        }
    }
    groups
}

/// A comment's text: a sentence or prose that no rule claimed (or only weakly).
fn comment_text(line: &Line, mark: Option<Mark>) -> bool {
    mark.is_none_or(|m| m.weak) && (line.is_prose() || line.ends_sentence())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::Features;
    use crate::rules::testing::{lexicon, line, line_in};

    /// The dates of a test text, given by hand (the date reader is another module's).
    struct Given(Vec<(&'static str, &'static str)>);

    impl DateSpans for Given {
        fn date_spans(&self, text: &str, _lexicon: &Lexicon) -> Vec<Range<usize>> {
            let mut spans: Vec<Range<usize>> = self
                .0
                .iter()
                .filter(|(t, _)| *t == text)
                .filter_map(|(_, date)| text.find(date).map(|s| s..s + date.len()))
                .collect();
            spans.sort_by_key(|r| r.start);
            spans
        }
    }

    #[test]
    fn clock_times_are_replaced_as_re_sub_does() {
        let cases = [
            ("14:05", " "),
            ("at 6:34 am", "at   am"),
            ("10 h 14 min", "  min"),
            ("10h14", " "),
            ("10 h14 and 9h 05", "  and  "),
            ("123:45", "123:45"),     // three hour digits: no clock
            ("12:345", "12:345"),     // three minute digits
            ("1:2", "1:2"),           // one minute digit
            ("a1.30b", "a b"),        // letters around it do not matter
            ("12  h 30", "12  h 30"), // two spaces
            ("٠٩:٣٠", " "),           // Arabic-Indic digits are \d
            ("no clock", "no clock"),
        ];
        for (text, expected) in cases {
            assert_eq!(clock_sub(text), expected, "{text:?}");
        }
    }

    #[test]
    fn the_says_tail_is_the_word_alone() {
        for (tail, expected) in [
            (" said:", true),
            ("   said :", true),
            ("    said:", false), // four spaces
            (" said", false),
            (", says:", false),
            ("said:", false),
            (" said: x", false),
            (" a b:", false),
        ] {
            assert_eq!(says_tail(tail), expected, "{tail:?}");
        }
    }

    #[test]
    fn stamps_are_dates_or_clock_times_with_few_short_words() {
        let dated = Given(vec![
            ("November 19, 2019 at 6:34 am", "November 19, 2019"),
            ("12. März 2025 um 10:14 Uhr", "12. März 2025"),
            ("November 19, 2019 and then more words", "November 19, 2019"),
        ]);
        let lex = lexicon();
        for (text, expected) in [
            ("November 19, 2019 at 6:34 am", true),
            ("12. März 2025 um 10:14 Uhr", true),
            ("November 19, 2019 and then more words", false),
            ("14:05", true),
            ("at 14:05 o'clock", false), // 'o', 'clock': three words besides
            ("Reply", false),
            ("No", false),
        ] {
            assert_eq!(
                is_stamp_with(&line_in(text, "en"), lex, &dated),
                expected,
                "{text:?}"
            );
        }
        // a bare stop word in lower case is the 'at' a script fills in
        assert!(is_stamp(&line_in("at", "en"), lex));
        assert!(!is_stamp(&line_in("At", "en"), lex));
    }

    #[test]
    fn an_attribution_has_a_stamp_before_its_says_word_or_below_it() {
        let lex = lexicon();
        let dated = Given(vec![
            (
                "Alex on September 17, 2018 at 6:34 am said:",
                "September 17, 2018 at 6:34 am",
            ),
            ("The report, dated May 2, 2019, says:", "May 2, 2019"),
        ]);
        let alex = line("Alex on September 17, 2018 at 6:34 am said:");
        assert!(is_attribution_with(&alex, lex, None, &dated));
        let report = line("The report, dated May 2, 2019, says:");
        assert!(!is_attribution_with(&report, lex, None, &dated));
        let fan = line("thelastchargersfan says:");
        assert!(!is_attribution(&fan, lex, None));
        assert!(is_attribution(&fan, lex, Some(&line("14:05"))));
        let quote = line("The mayor is the best we ever had.");
        assert!(!is_attribution(&fan, lex, Some(&quote)));
        assert!(!is_attribution(&line("says:"), lex, Some(&line("14:05")))); // one word
        assert!(!is_attribution(
            &line("thelastchargersfan says"),
            lex,
            Some(&line("14:05"))
        ));
        // words but no token: no attribution (the Python raises IndexError)
        let marks_only = Line::new(
            "\u{e31}\u{e31}:",
            "",
            Features {
                n_words: 2,
                n_stop: 0,
                ends_sentence: true,
                ends_ellipsis: false,
                is_prose: false,
            },
        );
        assert!(!is_attribution(&marks_only, lex, Some(&line("14:05"))));
    }

    #[test]
    fn a_thread_is_two_attributions_and_runs_to_the_last_comment() {
        let lex = lexicon();
        let texts = [
            "The article ends here with its last sentence.", // 0
            "Comments",                                      // 1
            "alice says:",                                   // 2
            "14:05",                                         // 3
            "I liked this a lot, thanks for writing it.",    // 4
            "bob says:",                                     // 5
            "14:07",                                         // 6
            "Me too, it was worth the read.",                // 7
            "It really was.",                                // 8
            "Leave a Reply",                                 // 9
            "Another sentence after it.",                    // 10
        ];
        let lines: Vec<Line> = texts.iter().map(|t| line(t)).collect();
        let mut marks = vec![None; lines.len()];
        marks[1] = Some(Mark::of(Rule::Comments));
        marks[4] = Some(Mark::weak(Rule::Teaser, true));
        marks[6] = Some(Mark::of(Rule::Navigation));
        mark_threads(&lines, &mut marks, lex);
        let thread = Some(Mark::of(RULE));
        assert_eq!(
            marks,
            [
                None,
                Some(Mark::of(Rule::Comments)),
                thread,
                thread,
                thread, // a weak mark is taken over
                thread,
                Some(Mark::of(Rule::Navigation)), // a strong one is kept
                thread,
                thread,
                None, // not a sentence: the thread ends
                None,
            ]
        );
        // one attribution alone, or two too far apart, is no thread
        let far: Vec<&Line> = [&lines[2], &lines[3]]
            .into_iter()
            .chain(std::iter::repeat_n(&lines[10], THREAD_MAX_GAP))
            .chain([&lines[5], &lines[6]])
            .collect();
        let mut marks = vec![None; far.len()];
        mark_threads(&far, &mut marks, lex);
        assert!(marks.iter().all(Option::is_none));
    }

    #[test]
    fn a_thread_of_names_over_stamps_needs_three_clocked_stamps_after_sentences() {
        let lex = lexicon();
        let page = |stamp: &str, pairs: usize, first_after: &str| -> Vec<Option<Mark>> {
            let mut texts = vec![first_after];
            for k in 0..pairs {
                texts.extend([
                    ["Carl", "Paul S Hahn", "patric rozario"][k % 3],
                    stamp,
                    "I liked this a lot, thanks for writing it.",
                ]);
            }
            let lines: Vec<Line> = texts.iter().map(|t| line(t)).collect();
            let mut marks = vec![None; lines.len()];
            mark_threads(&lines, &mut marks, lex);
            marks
        };
        let last = "The article ends here with its last sentence.";
        let clocked = "December 19, 2025, 10:45 am";
        let thread = Some(Mark::of(RULE));
        let marks = page(clocked, 3, last);
        assert_eq!(marks[0], None);
        assert!(marks[1..].iter().all(|m| *m == thread), "{marks:?}");
        // Two pairs: a byline over the date line, and one comment.
        assert!(page(clocked, 2, last).iter().all(Option::is_none));
        // Stamps without the hour: an article's date lines.
        assert!(page("December 19, 2025", 3, last)
            .iter()
            .all(Option::is_none));
        // The first name under a headline (no sentence before it) is a byline: the
        // thread starts at the second, and two are not enough.
        let marks = page(clocked, 3, "Town approves new school budget");
        assert!(marks.iter().all(Option::is_none), "{marks:?}");
    }

    #[test]
    fn clusters_split_at_gaps_wider_than_the_limit() {
        let found = [1, 2, 2 + THREAD_MAX_GAP, 3 + 2 * THREAD_MAX_GAP];
        assert_eq!(clusters(&found), [&found[..3], &found[3..]]);
        assert!(clusters(&[]).is_empty());
    }
}
