//! Metadata read from the text: date lines and the dates in
//! them ([`dates`]), bylines, captions and credits, source lines, datelines and sponsored
//! markers ([`fields`]), agency datelines at the start of the lead ([`agency`]), and the
//! title ([`title`]).
//!
//! The Python modules read text with the `regex` module, whose look-arounds, possessive
//! quantifiers and back-references the `regex` crate lacks. Each such pattern is ported as
//! a plain pattern plus code that gives the same matches and groups (each module says how);
//! the character classes (`\p{L}`, `\d`, `\s`, ...) are the `regex` module's own, from
//! [`crate::unicode`]'s generated tables, not the crate's newer Unicode ones.

use regex::Regex;

use crate::unicode;

pub mod agency;
pub mod dates;
pub mod fields;
pub mod title;

/// The placeholders of [`regex`] and the `regex` module's classes they stand for (class
/// contents, to put inside `[...]`).
const CLASSES: [(&str, &str); 7] = [
    ("%Lu%", unicode::CLASS_RX_LU),
    ("%Ll%", unicode::CLASS_RX_LL),
    ("%L%", unicode::CLASS_RX_L),
    ("%N%", unicode::CLASS_RX_N),
    ("%d%", unicode::CLASS_RX_DIGIT),
    ("%s%", unicode::CLASS_RX_SPACE),
    ("%w%", unicode::CLASS_RX_WORD),
];

/// The crate's compiled-program size limit for these patterns: bounded repetitions of
/// the large Unicode classes (`[%L%]{3,12}`) take more than the default 10 MB.
const REGEX_SIZE_LIMIT: usize = 64 << 20;

/// The cache of each pattern's lazy DFA (per thread, grown on demand). At the crate's
/// default (2 MB) the DFAs of the large Unicode classes give up on long lines, and the
/// captures fall back to a bounded backtracker that clears a visited set sized by the
/// whole line: `agency::cut_dateline` then cost 58k instructions a line tried, 7.7% of
/// the pipeline's (callgrind, 30 dev-corpus texts). At 16 MB the DFAs keep up.
const LAZY_DFA_CACHE: usize = 16 << 20;

/// A pattern of the `regex` crate with the `regex` module's classes put in for the
/// placeholders `%L%`, `%Lu%`, `%Ll%`, `%N%`, `%d%`, `%s%`, `%w%` (inside brackets:
/// `[%d%]{1,2}`, `[^%L%%N%]`). Patterns are constants: a failure to compile is a bug in
/// this crate, caught by its unit tests.
pub(crate) fn regex(pattern: &str) -> Regex {
    let mut expanded = pattern.to_owned();
    for (name, class) in CLASSES {
        expanded = expanded.replace(name, class);
    }
    regex::RegexBuilder::new(&expanded)
        .size_limit(REGEX_SIZE_LIMIT)
        .dfa_size_limit(LAZY_DFA_CACHE)
        .build()
        .unwrap_or_else(|e| panic!("metadata pattern {pattern:?} does not compile: {e}"))
}

/// The character that ends right at byte `i` of `text` (`None` at the start).
#[inline]
pub(crate) fn char_before(text: &str, i: usize) -> Option<char> {
    text[..i].chars().next_back()
}

/// The character that starts at byte `i` of `text` (`None` at the end).
#[inline]
pub(crate) fn char_at(text: &str, i: usize) -> Option<char> {
    text[i..].chars().next()
}

/// The byte offset just past the character at byte `i` (`i + 1` past the end: a search
/// position that finds nothing more).
#[inline]
pub(crate) fn next_char(text: &str, i: usize) -> usize {
    i + char_at(text, i).map_or(1, char::len_utf8)
}

/// The byte offset of the `n`-th character of `text` (its length when it has fewer):
/// where Python's `text[n:]` starts.
#[inline]
pub(crate) fn char_offset(text: &str, n: usize) -> usize {
    text.char_indices().nth(n).map_or(text.len(), |(i, _)| i)
}

/// The characters of `text` (Python's `len`).
#[inline]
pub(crate) fn char_len(text: &str) -> usize {
    text.chars().count()
}
