//! Per-line features, computed once per distinct line: the only per-line work that every
//! rule shares.
//!
//! [`make_line`] counts words (a CJK or Thai character counts as one, as the scorer
//! counts), stop words (in whichever of the page's two languages finds more), reads the
//! line's end after closing quotes and brackets (a sentence end, an ellipsis), and from
//! these decides whether the line reads as running text (prose).

use crate::config::Config;
use crate::normalize;
use crate::unicode;
use crate::Set;

/// Sentence-final characters (Latin, CJK, Arabic, Devanagari), looked at after closing
/// quotes and brackets are stripped (`features.TERMINAL`).
pub const TERMINAL: [char; 11] = ['.', '!', '?', '…', ':', ';', '。', '！', '？', '؟', '।'];
/// Closing quotes and brackets, stripped with spaces from a line's end before its end is
/// read (`features._CLOSERS + " "`).
const CLOSERS: [char; 11] = ['"', '\'', '”', '’', '»', ')', ']', '›', '」', '』', ' '];
/// The ways a line ends with an ellipsis (`features._ELLIPSIS`).
const ELLIPSIS: [&str; 3] = ["...", "…", ". . ."];

/// The share of `words` (those that start with a letter) that start upper-case.
pub fn capital_share<'a>(words: impl Iterator<Item = &'a str>) -> f64 {
    let (mut words_seen, mut upper) = (0u32, 0u32);
    for c in words.filter_map(|w| w.chars().next()) {
        if unicode::is_alpha(c) {
            words_seen += 1;
            upper += u32::from(unicode::is_upper(c));
        }
    }
    if words_seen == 0 {
        0.0
    } else {
        f64::from(upper) / f64::from(words_seen)
    }
}

/// Word tokens, with each CJK/Thai character counted as a word (as the scorer does);
/// `n_tokens`: how many folded tokens `text` has.
pub fn word_count(text: &str, n_tokens: usize) -> usize {
    if text.is_ascii() {
        return n_tokens;
    }
    n_tokens + text.chars().filter(|&c| unicode::is_cjk(c)).count()
}

/// The features of one line (`features.make_line`); `key` is its folded key
/// ([`crate::normalize::fold`]), `stop` the page's stop words, `second` those of its
/// second language (empty when it has none).
///
/// The text and the key are borrowed, not copied: a page's [`crate::pipeline::Lines`]
/// holds them, in one buffer each, while the page is read.
pub fn make_line<'a>(
    text: &'a str,
    key: &'a str,
    stop: &Set<Box<str>>,
    config: &Config,
    second: &Set<Box<str>>,
) -> Line<'a> {
    // One pass over the tokens: how many, and how many each language's list holds.
    let (mut n_tokens, mut n_first, mut n_second) = (0usize, 0usize, 0usize);
    for token in normalize::key_tokens(key) {
        n_tokens += 1;
        n_first += usize::from(!stop.is_empty() && stop.contains(token));
        n_second += usize::from(!second.is_empty() && second.contains(token));
    }
    let n_words = word_count(text, n_tokens);
    let n_stop = n_first.max(n_second);
    let tail = text.trim_end_matches(&CLOSERS[..]);
    let ends_ellipsis = ELLIPSIS.iter().any(|e| tail.ends_with(e));
    let ends_sentence = !ends_ellipsis
        && tail
            .chars()
            .next_back()
            .is_some_and(|c| TERMINAL.contains(&c));
    let ratio = if n_words == 0 {
        0.0
    } else {
        n_stop as f64 / n_words as f64
    };
    let has_stop = stop.is_empty() || ratio >= config.prose_min_stopword_ratio;
    let is_prose = has_stop
        && ((ends_sentence && n_words >= config.prose_min_words as usize)
            || (n_words >= config.prose_min_words_unpunctuated as usize
                && !stop.is_empty()
                && ratio >= config.prose_unpunctuated_min_stopword_ratio));
    let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    let features = Features {
        n_words: count(n_words),
        n_stop: count(n_stop),
        ends_sentence,
        ends_ellipsis,
        is_prose,
    };
    Line::from_parts(text, key, count(n_tokens), features)
}

/// One non-blank input line and its features: what it says, not where it stands (two
/// lines of a page with the same text share one `Line`; their numbers are the pipeline's).
///
/// The folded tokens are held as the matching key, the tokens joined by one space (tokens
/// are non-empty and hold no space, so the key gives them back): one string, not one a
/// token. Both are borrowed from the page's lines ([`crate::pipeline::Lines`]), which
/// hold every text and key in one buffer each: a `Line` allocates nothing. Fields are
/// private so that the representation can change; read them through the accessors.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Line<'a> {
    text: &'a str,
    key: &'a str,
    n_tokens: u32,
    n_words: u32,
    n_stop: u32,
    ends_sentence: bool,
    ends_ellipsis: bool,
    is_prose: bool,
}

/// The computed features of a line, to build a [`Line`] from (see [`make_line`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Features {
    /// Word tokens, each CJK/Thai character counted as a word.
    pub n_words: u32,
    /// Tokens in the page's stop list (the larger count of two languages).
    pub n_stop: u32,
    /// The line ends a sentence (after closing quotes and brackets).
    pub ends_sentence: bool,
    /// The line ends with an ellipsis.
    pub ends_ellipsis: bool,
    /// The line reads as running text.
    pub is_prose: bool,
}

impl<'a> Line<'a> {
    /// A line from its normalised text, its folded key and its features.
    pub fn new(text: &'a str, key: &'a str, features: Features) -> Line<'a> {
        let n_tokens = normalize::key_tokens(key).count() as u32;
        Line::from_parts(text, key, n_tokens, features)
    }

    /// [`Line::new`] with the key's token count known.
    fn from_parts(text: &'a str, key: &'a str, n_tokens: u32, features: Features) -> Line<'a> {
        Line {
            text,
            key,
            n_tokens,
            n_words: features.n_words,
            n_stop: features.n_stop,
            ends_sentence: features.ends_sentence,
            ends_ellipsis: features.ends_ellipsis,
            is_prose: features.is_prose,
        }
    }

    /// The normalised text.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// The folded tokens joined by one space: the phrase-matching key. Two lines have the
    /// same key exactly when they have the same tokens.
    pub fn key(&self) -> &'a str {
        self.key
    }

    /// The folded word tokens.
    pub fn tokens(&self) -> impl DoubleEndedIterator<Item = &'a str> + Clone + 'a {
        normalize::key_tokens(self.key)
    }

    /// How many folded tokens the line has.
    pub fn n_tokens(&self) -> usize {
        self.n_tokens as usize
    }

    /// Word tokens, with each CJK/Thai character counted as a word (as the scorer does).
    pub fn n_words(&self) -> u32 {
        self.n_words
    }

    /// Tokens in the detected language's stop list.
    pub fn n_stop(&self) -> u32 {
        self.n_stop
    }

    /// The line ends a sentence.
    pub fn ends_sentence(&self) -> bool {
        self.ends_sentence
    }

    /// The line ends with an ellipsis ("...", "…", ". . .").
    pub fn ends_ellipsis(&self) -> bool {
        self.ends_ellipsis
    }

    /// The line reads as running text (see `Config.prose_*`).
    pub fn is_prose(&self) -> bool {
        self.is_prose
    }

    /// Stop words per word (0 for a line without words).
    pub fn stop_ratio(&self) -> f64 {
        if self.n_words == 0 {
            0.0
        } else {
            f64::from(self.n_stop) / f64::from(self.n_words)
        }
    }
}

/// `s` for as long as the test process runs: the key of a test's line, which a `Line`
/// borrows (the pipeline's keys live in its `Lines`).
#[cfg(test)]
pub(crate) fn leak(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(words: &[&str]) -> Set<Box<str>> {
        words.iter().map(|&w| w.into()).collect()
    }

    #[test]
    fn line_ends() {
        // (text, ends_sentence, ends_ellipsis), as features.make_line reads them.
        let cases = [
            ("It rained.", true, false),
            ("He said \"no.\" ", true, false),
            ("(see below)", false, false),
            ("「東京。」", true, false),
            ("and then...", false, true),
            ("and then . . .”", false, true),
            ("Wait…", false, true),
            ("Label:", true, false),
            ("", false, false),
            ("»", false, false),
        ];
        let config = Config::default();
        let none = Set::default();
        for (text, sentence, ellipsis) in cases {
            let line = make_line(text, "", &none, &config, &none);
            assert_eq!(line.ends_sentence(), sentence, "{text:?}");
            assert_eq!(line.ends_ellipsis(), ellipsis, "{text:?}");
        }
    }

    #[test]
    fn words_stop_words_and_prose() {
        let config = Config::default();
        let stop = set(&["the", "of", "a", "in"]);
        let second = set(&["de", "la", "el", "en", "un"]);
        let none = Set::default();
        let text = "The end of a day in the city.";
        let line = make_line(text, "the end of a day in the city", &stop, &config, &none);
        assert_eq!((line.n_words(), line.n_stop()), (8, 5));
        assert!(line.is_prose());
        // The second language counts when it finds more.
        let es = "El fin de la tarde en un pueblo.";
        let line = make_line(
            es,
            "el fin de la tarde en un pueblo",
            &stop,
            &config,
            &second,
        );
        assert_eq!((line.n_words(), line.n_stop()), (8, 5));
        assert!(line.is_prose());
        // No stop list: only a punctuated line of 6+ words is prose.
        let line = make_line("a b c d e f", "a b c d e f", &none, &config, &none);
        assert!(!line.is_prose());
        let line = make_line("a b c d e f.", "a b c d e f", &none, &config, &none);
        assert!(line.is_prose());
        // CJK characters count as words.
        assert_eq!(word_count("東京は晴れ", 1), 6);
        assert_eq!(word_count("abc", 1), 1);
    }
}
