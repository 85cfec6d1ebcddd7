//! Shape rules: clutter recognised by its form, in any language
//!.
//!
//! The Python rules are regular expressions of the `regex` module. Here the short ones
//! stay patterns of the Rust `regex` crate, built from that module's own character
//! classes ([`crate::unicode`]'s `rx_*`, `CLASS_RX_*`: its Unicode tables are newer than
//! the crate's),
//! and the ones with long bounded repeats (`\S{1,2000}`, `(?:_[\p{L}\p{N}]{1,40}){2,30}`)
//! are written as code that accepts the same strings: each of them splits a line at
//! characters that its classes exclude ('_', '.', '/'), so the split is unique and no
//! backtracking is needed to find it. Python's `$` (end, or before a final '\n') is
//! `\n?\z` in the patterns and [`strip_final_newline`] in the code.
//!
//! Every rule first makes the cheap test of the Python (a first character, a length, a
//! word count) and runs a pattern only on the few lines that pass it.

use std::sync::LazyLock;

use regex::Regex;

use crate::features::Line;
use crate::lexicon::Lexicon;
use crate::rules::catalog::Rule;
use crate::rules::marks::Mark;
use crate::rules::phrases::split_count;
use crate::unicode;

/// "#123.", "(12)": the longest list marker.
pub const LIST_MARKER_MAX_CHARS: usize = 5;
/// File names are short (most file systems: 255 bytes); longer lines are not file names.
pub const MAX_FILE_NAME_CHARS: usize = 255;
/// The shortest image file name or id worth a regex ("a_b_c", "x.jpg").
pub const MIN_FILE_NAME_CHARS: usize = 5;
/// A file name used as alt text, with spaces: a caption-length line.
pub const ALT_FILE_MAX_WORDS: u32 = 25;
/// A breadcrumb trail ends in a headline: a line of a few dozen words at most.
pub const BREADCRUMB_MAX_WORDS: u32 = 40;
/// Breadcrumb trail: a short first crumb ("Home", "Prima pagină").
pub const BREADCRUMB_FIRST_MAX_WORDS: usize = 4;
/// Alt texts are short.
pub const ALT_TEXT_MAX_WORDS: u32 = 8;
/// Teasers: at least this many words.
pub const TEASER_MIN_WORDS: u32 = 3;
/// Teasers: at most this many words.
pub const TEASER_MAX_WORDS: u32 = 40;
/// A copyright notice is one line of a few dozen words.
pub const COPYRIGHT_MAX_WORDS: u32 = 40;

// The bounds of the Python patterns, named.
/// `_ID_SUFFIX`: "profimedia-0975326545": 2-30 letters, '-' or '_', 5 digits or more.
const ID_LETTERS: std::ops::RangeInclusive<usize> = 2..=30;
const ID_MIN_DIGITS: usize = 5;
/// `_UNDERSCORED`: 3-31 parts of 1-40 letters or digits, joined by '_'.
const UNDERSCORED_PARTS: std::ops::RangeInclusive<usize> = 3..=31;
const UNDERSCORED_PART_CHARS: std::ops::RangeInclusive<usize> = 1..=40;
/// `_URL_LINE`: what follows the scheme or "www." (1-2000 non-spaces) or the domain's
/// '/' (0-2000); a domain of 2-6 labels of 1-63 word characters or '-'.
const URL_REST_MAX_CHARS: usize = 2000;
const DOMAIN_LABELS: std::ops::RangeInclusive<usize> = 2..=6;
const DOMAIN_LABEL_CHARS: std::ops::RangeInclusive<usize> = 1..=63;
/// `_PLACEHOLDER`: "[Anzeige_2]": 1-40 characters between the brackets.
const PLACEHOLDER_CHARS: std::ops::RangeInclusive<usize> = 1..=40;

/// Image file extensions at the end of a line: Python `_FILE_EXT` (IGNORECASE: the
/// `regex` module folds 'İ' to 'i' and 'ſ' to 's'; the crate's `(?i)` only the second).
static FILE_EXT: LazyLock<Regex> =
    LazyLock::new(|| compile(r"(?i)\.(?:jpe?g|png|gif|webp|av[iİ]f|bmp|t[iİ]ff?|svg)\n?\z"));
/// A bare list number or bullet: Python `_LIST_MARKER`.
static LIST_MARKER: LazyLock<Regex> = LazyLock::new(|| {
    let d = unicode::CLASS_RX_DIGIT;
    compile(&format!(
        r"^(?:#?[{d}]{{1,3}}[.)]?|[•·▪◦●■□►▶*\-–—]|\([{d}]{{1,3}}\))\n?\z"
    ))
});
/// The separators of a breadcrumb trail: Python `_BREADCRUMB_SEP`.
static BREADCRUMB_SEP: LazyLock<Regex> = LazyLock::new(|| {
    let s = unicode::CLASS_RX_SPACE;
    compile(&format!(r"[{s}][»›→>][{s}]|[{s}]?[»›][{s}]?"))
});
/// The signature under an embedded post: '— Jane Doe (@janedoe) November 18, 2019'.
/// Bounds: a display name (X: 50 characters) and the date's words, a handle (X: 15,
/// Threads: 30). Measured: 17 such lines in 9 scrapinghub pages, all in the gold body
/// (they were read as date lines); 3 in wcxb_dev, whose gold leaves them out.
static EMBED_SIGNATURE: LazyLock<Regex> = LazyLock::new(|| {
    let w = unicode::CLASS_RX_WORD;
    let d = unicode::CLASS_RX_DIGIT;
    compile(&format!(
        r"^[—–-] ?[^()]{{1,80}} \(@[{w}]{{1,30}}\) [^()]{{1,40}}[{d}]\n?\z"
    ))
});
/// Python `_COPYRIGHT`, `^(?:©|\(c\)\s|copyright\b|\u2117)` with IGNORECASE: the `\b`
/// after the word is the end of the text or a character that is not a word character.
static COPYRIGHT: LazyLock<Regex> = LazyLock::new(|| {
    let s = unicode::CLASS_RX_SPACE;
    let w = unicode::CLASS_RX_WORD;
    compile(&format!(
        r"^(?:©|\([cC]\)[{s}]|(?i:copyr[iİ]ght)(?:\z|[^{w}])|\x{{2117}})"
    ))
});
/// Python `[\p{Ll}\p{N} '’-]+` (fullmatch), as a test of one character.
fn alt_text_char(c: char) -> bool {
    matches!(c, ' ' | '\'' | '’' | '-') || unicode::rx_lower(c) || unicode::rx_number(c)
}

fn compile(pattern: &str) -> Regex {
    // The patterns are constants of this module, checked by its tests: a failure here is
    // a bug of the module, found by `cargo test` before any input reaches it.
    match Regex::new(pattern) {
        Ok(re) => re,
        Err(err) => panic!("shapes: bad pattern {pattern:?}: {err}"),
    }
}

/// `text` without one final '\n': what Python's `$` lets a pattern leave unmatched.
fn strip_final_newline(text: &str) -> &str {
    text.strip_suffix('\n').unwrap_or(text)
}

/// Does `text`'s char count lie in `range`? (Counts only when the byte length allows it.)
fn chars_within(text: &str, range: std::ops::RangeInclusive<usize>) -> bool {
    const MAX_UTF8_BYTES: usize = 4;
    let bytes = text.len();
    if bytes < *range.start() || bytes > range.end().saturating_mul(MAX_UTF8_BYTES) {
        return false;
    }
    range.contains(&text.chars().count())
}

/// The bytes at the end of a text that a match of [`FILE_EXT`] can span: the dot, an
/// extension of at most four characters of at most two bytes each (`(?i)` lets 's' match
/// 'ſ'; 'İ' is spelled out), and a final line break.
const FILE_EXT_MAX_BYTES: usize = 10;

/// Can [`FILE_EXT`] match `text`: is there a dot among its last bytes? (The pattern is
/// anchored at the end; this spares scanning every line for it.)
fn ends_like_file_ext(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes[bytes.len().saturating_sub(FILE_EXT_MAX_BYTES)..].contains(&b'.')
}

/// Python `_ID_SUFFIX.match`: `^[\p{L}]{2,30}[-_]\d{5,}$`.
fn is_id_suffix(text: &str) -> bool {
    let text = strip_final_newline(text);
    let split = text
        .char_indices()
        .find(|&(_, c)| !unicode::rx_letter(c))
        .map_or(text.len(), |(i, _)| i);
    let (letters, rest) = text.split_at(split);
    let Some(digits) = rest.strip_prefix(['-', '_']) else {
        return false;
    };
    ID_LETTERS.contains(&letters.chars().count())
        && digits.chars().all(unicode::rx_digit)
        && digits.chars().count() >= ID_MIN_DIGITS
}

/// Python `_UNDERSCORED.match`: `^[\p{L}\p{N}]{1,40}(?:_[\p{L}\p{N}]{1,40}){2,30}$`.
fn is_underscored(text: &str) -> bool {
    let text = strip_final_newline(text);
    let mut parts = 0;
    for part in text.split('_') {
        parts += 1;
        if parts > *UNDERSCORED_PARTS.end()
            || !chars_within(part, UNDERSCORED_PART_CHARS)
            || !part
                .chars()
                .all(|c| unicode::rx_letter(c) || unicode::rx_number(c))
        {
            return false;
        }
    }
    UNDERSCORED_PARTS.contains(&parts)
}

/// `\S{min,2000}$` of the `regex` module: the rest of a URL line.
fn is_url_rest(rest: &str, min_chars: usize) -> bool {
    let rest = strip_final_newline(rest);
    let mut n = 0;
    for c in rest.chars() {
        n += 1;
        if n > URL_REST_MAX_CHARS || unicode::rx_space(c) {
            return false;
        }
    }
    n >= min_chars
}

/// Python `_URL_LINE.match`: `^(?:https?://|www\.)\S{1,2000}$` or
/// `^[\w-]{1,63}(?:\.[\w-]{1,63}){1,5}/\S{0,2000}$`.
fn is_url_line(text: &str) -> bool {
    for scheme in ["https://", "http://", "www."] {
        if let Some(rest) = text.strip_prefix(scheme) {
            if is_url_rest(rest, 1) {
                return true;
            }
        }
    }
    let label_char = |c: char| c == '-' || unicode::rx_word(c);
    let end = text
        .char_indices()
        .find(|&(_, c)| c != '.' && !label_char(c))
        .map_or(text.len(), |(i, _)| i);
    let (domain, rest) = text.split_at(end);
    let Some(rest) = rest.strip_prefix('/') else {
        return false;
    };
    let mut labels = 0;
    for label in domain.split('.') {
        labels += 1;
        if labels > *DOMAIN_LABELS.end() || !chars_within(label, DOMAIN_LABEL_CHARS) {
            return false;
        }
    }
    DOMAIN_LABELS.contains(&labels) && is_url_rest(rest, 0)
}

/// Python `_PLACEHOLDER.match`: `^\[[^\[\]\s]{1,40}\]$`.
fn is_placeholder(text: &str) -> bool {
    let text = strip_final_newline(text);
    let Some(inner) = text.strip_prefix('[').and_then(|t| t.strip_suffix(']')) else {
        return false;
    };
    chars_within(inner, PLACEHOLDER_CHARS)
        && inner
            .chars()
            .all(|c| c != '[' && c != ']' && !unicode::rx_space(c))
}

/// A line that is an image file name or a photo-agency id.
pub fn image_file_name(line: &Line, _lexicon: &Lexicon) -> Option<Mark> {
    let text = line.text();
    if !chars_within(text, MIN_FILE_NAME_CHARS..=MAX_FILE_NAME_CHARS) {
        return None;
    }
    if text.contains(' ') {
        // an alt text that is a file name: "Vindman at the hearing.jpeg"
        return (ends_like_file_ext(text)
            && FILE_EXT.is_match(text)
            && line.n_words() <= ALT_FILE_MAX_WORDS)
            .then_some(Mark::of(Rule::ImageName));
    }
    ((ends_like_file_ext(text) && FILE_EXT.is_match(text))
        || is_id_suffix(text)
        || is_underscored(text))
    .then_some(Mark::of(Rule::ImageName))
}

/// A short all-lower-case line with no punctuation: an image's alt text left in the page
/// ('rubio si lavrov'). Only in scripts with letter case.
pub fn lowercase_alt_text(line: &Line, _lexicon: &Lexicon) -> Option<Mark> {
    let text = line.text();
    if line.n_words() > ALT_TEXT_MAX_WORDS || line.n_words() < 2 || line.ends_sentence() {
        return None;
    }
    if text.is_empty() || !text.chars().all(alt_text_char) || !unicode::str_is_lower(text) {
        return None;
    }
    Some(Mark::of(Rule::ImageName))
}

/// A bare URL on its own line: an embed that did not render.
pub fn bare_url(line: &Line, _lexicon: &Lexicon) -> Option<Mark> {
    let text = line.text();
    (!text.contains(' ') && text.contains('/') && is_url_line(text))
        .then_some(Mark::of(Rule::Embed))
}

/// A template slot such as '[Anzeige_2]' or '[ad]'.
pub fn ad_placeholder(line: &Line, _lexicon: &Lexicon) -> Option<Mark> {
    let text = line.text();
    (text.starts_with('[') && is_placeholder(text)).then_some(Mark::of(Rule::Ad))
}

/// A separator is at least this long ('***', '---'; shorter ones are list markers).
pub const SEPARATOR_MIN_CHARS: usize = 3;
/// The marks that separator lines are drawn with.
pub const SEPARATOR_MARKS: &[char] = &[
    '-', '–', '—', '_', '=', '*', '~', '•', '·', '#', '+', '.', '…', '/', '\\', '|', '─', '━', '═',
];

/// A line drawn with separator marks only ('-----', '* * *', '=========='): a section
/// break of the page's layout, with no text of the article's (issue 14, family 8).
pub fn separator_line(line: &Line, _lexicon: &Lexicon) -> Option<Mark> {
    let mut marks = 0usize;
    for c in line.text().chars() {
        if SEPARATOR_MARKS.contains(&c) {
            marks += 1;
        } else if !unicode::is_space(c) {
            return None;
        }
    }
    (marks >= SEPARATOR_MIN_CHARS).then_some(Mark::of(Rule::Separator))
}

/// A bare list number or bullet ('1', '2.', '•').
pub fn list_marker(line: &Line, _lexicon: &Lexicon) -> Option<Mark> {
    let text = line.text();
    (chars_within(text, 0..=LIST_MARKER_MAX_CHARS) && LIST_MARKER.is_match(text))
        .then_some(Mark::of(Rule::ListMarker))
}

/// 'Prima pagină » Știri » <headline>', 'Home > News > Politics'.
pub fn breadcrumb(line: &Line, _lexicon: &Lexicon) -> Option<Mark> {
    let text = line.text();
    if line.n_words() > BREADCRUMB_MAX_WORDS {
        return None; // a paragraph, or a whole page on one line, that quotes a '»'
    }
    // Every separator holds one of these bytes ('>', the last bytes of '»' C2 BB, '›'
    // E2 80 BA and '→' E2 86 92): one scan spares four searches on most lines.
    if !text.bytes().any(|b| matches!(b, b'>' | 0xbb | 0xba | 0x92)) {
        return None;
    }
    let angled = text.contains('»') || text.contains('›');
    if !angled && !text.contains(" > ") && !text.contains(" → ") {
        return None;
    }
    // Python splits the text at the separators; only the parts' count (up to 3) and the
    // first part are read.
    let mut seps = BREADCRUMB_SEP.find_iter(text);
    let first = seps.next()?;
    let parts_at_least_3 = seps.next().is_some();
    if !angled && !parts_at_least_3 {
        return None;
    }
    let first_words = split_count(&text[..first.start()]);
    (0 < first_words && first_words <= BREADCRUMB_FIRST_MAX_WORDS)
        .then_some(Mark::of(Rule::Breadcrumb))
}

/// The signature under an embedded post (X/Twitter, Threads): a dash, the author's name
/// and handle, the post's date. Part of the quoted post, not the article's date line.
pub fn is_embed_signature(line: &Line) -> bool {
    let text = line.text();
    text.starts_with(['—', '–', '-']) && EMBED_SIGNATURE.is_match(text)
}

/// '© 2025 Example Media', 'Copyright 2024 ...'.
pub fn copyright_notice(line: &Line, _lexicon: &Lexicon) -> Option<Mark> {
    let text = line.text();
    if !text.starts_with(['©', '(', 'c', 'C', '℗']) || line.n_words() > COPYRIGHT_MAX_WORDS {
        return None;
    }
    COPYRIGHT
        .is_match(text)
        .then_some(Mark::of(Rule::Copyright))
}

/// Cut off with '...' mid-word or mid-sentence: a letter or digit right before the dots,
/// and at least [`TEASER_MIN_WORDS`] words.
pub fn is_truncated(line: &Line) -> bool {
    let core = line.text().trim_end_matches([' ', '.', '…']);
    line.ends_ellipsis()
        && line.n_words() >= TEASER_MIN_WORDS
        && core.chars().next_back().is_some_and(unicode::is_alnum)
}

/// Headlines joined on one line, each cut off with '...': at least this many cuts inside
/// the line, and one at its end ('Budget approved... Mayor resigns... Storm hits...').
pub const JOINED_TEASER_MIN_CUTS: usize = 2;
/// A joined headline has at most this many words (a headline's length; the longest of
/// the teaser strips seen is 14), and no full stop inside: a paragraph whose author
/// trails off twice ('a radical mystery… nature conceals.. nature reveals …', wcxb_dev
/// 0408) has sentences between its ellipses.
pub const JOINED_TEASER_MAX_WORDS: usize = 20;
/// What stands between joined headlines besides white space ('A... | B... | C...').
const TEASER_JOINERS: &[char] = &[' ', '|', '·', '•', '-', '–', '—', '/'];

/// Several teasers run together on one line (a ticker or a related-stories strip that the
/// scraper joined), each cut off with '...', the line too (issue 14, family 8). Not weak,
/// as a single truncated line is: no article's paragraph breaks off three times.
pub fn joined_teasers(line: &Line, _lexicon: &Lexicon) -> Option<Mark> {
    if !is_truncated(line) {
        return None;
    }
    let text = line.text().trim_end_matches([' ', '.', '…']);
    if !text.contains("...") && !text.contains('…') {
        return None;
    }
    let cut = text.replace("...", "…");
    // A headline after a cut stands apart from it and opens as headlines do: a writer's
    // own ellipses run on ('a book video…so…you know, it's just me talking…', wcxb_dev
    // 4373).
    let headline = |segment: &str, first: bool| {
        let words = segment.trim_matches(TEASER_JOINERS).trim_end_matches('.');
        (first || segment.starts_with(TEASER_JOINERS))
            && words
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_numeric())
            && !words.contains(". ")
            && words.split_whitespace().count() <= JOINED_TEASER_MAX_WORDS
    };
    let mut segments = 0usize;
    for segment in cut.split('…') {
        if !headline(segment, segments == 0) {
            return None;
        }
        segments += 1;
    }
    (segments > JOINED_TEASER_MIN_CUTS).then_some(Mark::of(Rule::Teaser))
}

/// A headline cut off with '...' mid-sentence (teasers of other articles); weak. (A run
/// of them, at any length, is a teaser list: `blocks::teaser_runs`.)
pub fn truncated_teaser(line: &Line, _lexicon: &Lexicon) -> Option<Mark> {
    if line.n_words() > TEASER_MAX_WORDS || !is_truncated(line) {
        return None;
    }
    Some(Mark::weak(Rule::Teaser, true))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`FILE_EXT_MAX_BYTES`] bounds every match of [`FILE_EXT`]: each extension spelled
    /// with the longest characters that `(?i)` lets stand for its letters (found by asking
    /// the pattern's engine about every code point), a dot before and a line break after.
    #[test]
    fn a_file_extension_match_fits_the_bytes_looked_at() {
        let longest = |letter: char| -> usize {
            let one = regex::Regex::new(&format!("(?i)^{letter}$")).expect("a letter");
            (0..=0x10ffff_u32)
                .filter_map(char::from_u32)
                .filter(|c| one.is_match(c.encode_utf8(&mut [0; 4])))
                .map(char::len_utf8)
                .max()
                .unwrap_or(1)
        };
        for ext in [
            "jpeg", "png", "gif", "webp", "avif", "avİf", "bmp", "tiff", "tİff", "svg",
        ] {
            let bytes: usize = ext
                .chars()
                .map(|c| if c == 'İ' { c.len_utf8() } else { longest(c) })
                .sum();
            let (dot, line_break) = (1, 1);
            assert!(
                dot + bytes + line_break <= FILE_EXT_MAX_BYTES,
                "{ext}: {bytes} bytes"
            );
        }
        assert!(ends_like_file_ext("Vindman at the hearing.JPEG\n"));
        assert!(!ends_like_file_ext("The hearing.jpeg was held on Monday"));
    }
    use crate::rules::testing::{lexicon, line, rule_of};

    #[test]
    fn shape_rules() {
        // tests/test_rules.py::test_shape_rules
        let cases = [
            (
                "URMARI_EXPLOZIE_39_INQUAM_Photos_Octav_Ganea",
                Rule::ImageName,
            ),
            ("profimedia-0975326545", Rule::ImageName),
            ("IMG_2034.jpg", Rule::ImageName),
            ("rubio si lavrov", Rule::ImageName),
            ("[Anzeige_2]", Rule::Ad),
            (
                "https://www.facebook.com/photo/?fbid=918893992938724",
                Rule::Embed,
            ),
            ("pic.twitter.com/Ab12Cd34Ef", Rule::Embed),
            ("3", Rule::ListMarker),
            ("•", Rule::ListMarker),
            (
                "Prima pagină » Știri » Rusia a trimis o scrisoare",
                Rule::Breadcrumb,
            ),
            ("Home > News > Politics", Rule::Breadcrumb),
            (
                "© 2025 Example Media. All rights reserved.",
                Rule::Copyright,
            ),
            ("Cum a ajuns după gratii unul...", Rule::Teaser),
            ("* * *", Rule::Separator),
            ("______________________________", Rule::Separator),
            (
                "Budget approved... | Mayor resigns... | Storm hits coast...",
                Rule::Teaser,
            ),
        ];
        for (text, rule) in cases {
            assert_eq!(rule_of(text), Some(rule), "{text:?}");
        }
    }

    #[test]
    fn teaser_is_weak_and_list_marker_is_not() {
        // tests/test_rules.py::test_teaser_is_weak_and_list_marker_is_not
        let teaser = truncated_teaser(&line("Cum a ajuns după gratii unul..."), lexicon());
        assert!(teaser.is_some_and(|m| m.weak));
        let marker = list_marker(&line("1"), lexicon());
        assert!(marker.is_some_and(|m| !m.weak));
    }

    #[test]
    fn separators_and_joined_teasers_and_their_look_alikes() {
        let lex = lexicon();
        let separator = |text: &str| separator_line(&line(text), lex).is_some();
        check(
            &[
                ("---", true),
                ("= = = =", true),
                ("•••", true),
                ("--", false), // a list marker's length
                ("- 1 -", false),
                ("---- Original message ----", false),
            ],
            separator,
        );
        let joined = |text: &str| {
            joined_teasers(&line(text), lex).is_some_and(|m| !m.weak && m.rule == Rule::Teaser)
        };
        check(
            &[
                (
                    "Guvernul a aprobat bugetul... Premierul a demisionat... Furtuna a lovit...",
                    true,
                ),
                (
                    "Le budget adopté… Le maire démissionne… La tempête frappe…",
                    true,
                ),
                ("Budget approved... Mayor resigns...", false), // one cut inside
                ("It was late… then it rained… and nobody slept…", false), // lower case
                ("So…Maybe…Perhaps…", false),                   // no space after
                (
                    "A long mystery. It ends… Nature conceals… Nature reveals…",
                    false,
                ), // full stop
                (
                    "The mayor said... The council agreed... The budget passed.",
                    false,
                ), // not cut
            ],
            joined,
        );
    }

    /// Asserts `f(text) == want` for each row.
    fn check(cases: &[(&str, bool)], f: impl Fn(&str) -> bool) {
        for &(text, want) in cases {
            assert_eq!(f(text), want, "{text:?}");
        }
    }

    // The tables below are what the Python patterns of shapes.py answer (match, or search
    // for _FILE_EXT), checked by running them: each row is a boundary of a bound or class.
    #[test]
    fn url_lines() {
        let x64 = format!("{}.com/", "x".repeat(64));
        let cases = [
            ("https://x", true),
            ("http://", false),
            ("www.a", true),
            ("https://a b", false),
            ("example.com/", true),
            ("a.b.c.d.e.f/x", true),
            ("a.b.c.d.e.f.g/x", false), // seven labels
            ("example.com", false),
            ("ex_ample.co-m/path?q=1", true),
            ("-.com/", true),
            ("a..b/", false),
            ("café.ro/x", true),
            ("https://a\n", true),
            (x64.as_str(), false), // a label of 64 characters
        ];
        check(&cases, is_url_line);
    }

    #[test]
    fn file_names_and_ids() {
        let long = format!("{}_b_c", "a".repeat(41));
        let parts31 = vec!["a"; 31].join("_");
        let parts32 = vec!["a"; 32].join("_");
        let underscored = [
            ("a_b_c", true),
            ("a_b", false),
            ("a__b_c", false),
            ("URMARI_EXPLOZIE_39", true),
            ("a_b_c_", false),
            ("_a_b_c", false),
            ("a_b_c\n", true),
            ("ä_ö_ü", true),
            ("a_b-c_d", false),
            (long.as_str(), false),
            (parts31.as_str(), true),
            (parts32.as_str(), false),
        ];
        check(&underscored, is_underscored);
        let a30 = format!("{}-12345", "a".repeat(30));
        let a31 = format!("{}-12345", "a".repeat(31));
        let ids = [
            ("profimedia-0975326545", true),
            ("ab_12345", true),
            ("a-12345", false),
            ("ab-1234", false),
            ("ab-12345x", false),
            ("ab-12345\n", true),
            ("ab--12345", false),
            (a30.as_str(), true),
            (a31.as_str(), false),
            ("ab-١٢٣٤٥", true), // Arabic-Indic digits are \d
        ];
        check(&ids, is_id_suffix);
        let exts = [
            ("a.JPG", true),
            ("a.jpeg", true),
            ("a.tıff", false),
            ("a.tİff", true), // the regex module folds 'İ' to 'i'
            ("a.ſvg", true),  // and 'ſ' to 's'
            ("a.png\n", true),
            ("a.png.", false),
            ("a.avİf", true),
        ];
        check(&exts, |text| FILE_EXT.is_match(text));
    }

    #[test]
    fn placeholders_markers_copyright_and_signatures() {
        let x40 = format!("[{}]", "x".repeat(40));
        let x41 = format!("[{}]", "x".repeat(41));
        let placeholders = [
            ("[ad]", true),
            ("[]", false),
            ("[a b]", false),
            ("[a]]", false),
            ("[[a]", false),
            ("[ad]\n", true),
            (x40.as_str(), true),
            (x41.as_str(), false),
        ];
        check(&placeholders, is_placeholder);
        let markers = [
            ("1", true),
            ("12.", true),
            ("#123.", true),
            ("(12)", true),
            ("•", true),
            ("1234", false),
            ("(1", false),
            ("#1)", true),
            ("٣", true),
            ("1\n", true),
            ("--", false),
        ];
        check(&markers, |text| LIST_MARKER.is_match(text));
        let notices = [
            ("© x", true),
            ("(c) 2020", true),
            ("(C)2020", false),
            ("Copyright", true),
            ("COPYRİGHT 2020", true),
            ("copyrights", false),
            ("copyright_x", false),
            ("copyright:", true),
            ("(c)\u{a0}x", true),
            ("℗ 2020", true),
        ];
        check(&notices, |text| COPYRIGHT.is_match(text));
        let signatures = [
            ("— Jane Doe (@janedoe) November 18, 2019", true),
            ("- J (@j) 1", false),
            ("— Jane (Doe) (@j) May 1, 2020", false),
            ("— Jane Doe (@jane_doe) May 2020", true),
            ("—Jane (@j) x 9\n", true),
        ];
        check(&signatures, |text| EMBED_SIGNATURE.is_match(text));
    }

    #[test]
    fn lower_case_alt_texts() {
        let cases = [
            ("rubio si lavrov", true),
            ("rubio și lavrov 2", true),
            ("Rubio si lavrov", false),
            ("rubio, lavrov", false),
            ("ⅰ ⅱ", true),    // Nl letters with the Lowercase property
            ("ⅰ Ⅱ", false),   // Ⅱ is Nl and upper case: str.islower says no
            ("12 34", false), // nothing cased
            ("one", false),   // one word
        ];
        for (text, want) in cases {
            assert_eq!(
                lowercase_alt_text(&line(text), lexicon()).is_some(),
                want,
                "{text:?}"
            );
        }
    }
}
