//! Clutter inside one very long line: a page that reached us with no line breaks at all
//!.
//!
//! The markers that open a block on a line of their own ('Top Citite', 'Citește și',
//! 'Partenerii noștri') or start a call ('Urmărește știrile ...') still cut the tail of
//! such a line: what follows the first marker past the article's opening is clutter.
//!
//! The marker is found among the line's folded tokens (the multi-word block-family
//! phrases and prefix phrases: [`Markers`]); the cut falls where the text's word of the
//! same index starts, once that word is checked to fold to the marker's start. Where
//! tokens and words part ways (a letter that folds to nothing, marks inside a word, '½'
//! that folds to two tokens), the words are folded one by one.

use crate::lexicon::Lexicon;
use crate::normalize::fold_tokens;
use crate::rules::catalog::Rule;
use crate::unicode;
use crate::Set;

/// A line this long holds a whole page, not a paragraph (news paragraphs: under 200
/// words).
pub const LONG_LINE_WORDS: u32 = 400;
/// Markers in the first words are the page header, not the end of the article.
pub const MIN_HEAD_WORDS: usize = 50;
/// Inside running text only markers of two words or more are trusted ("popular" alone
/// is a word of many sentences; "Top Citite", "Citește și", "Partenerii noștri" are not).
pub const MIN_MARKER_WORDS: usize = 2;
/// The text read to check a marker where the cut falls: this many characters per
/// character of its folded key (folding drops marks; "ß" -> "ss" only lengthens the key).
pub const CHECK_WINDOW_CHARS: usize = 2;
/// What `kept` loses at its end: the punctuation between the article and the marker.
const TRAILING_JOINERS: [char; 8] = [' ', ',', ';', ':', '-', '–', '—', '|'];

/// A line cut before its clutter tail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TailCut {
    /// The text before the marker.
    pub kept: String,
    /// The marker's family.
    pub rule: Rule,
}

/// The phrases that cut a long line: multi-word whole-line phrases of the block families
/// and multi-word prefix phrases of any family (Python `_markers`), with their first
/// words and the word count of the longest. Borrowed from the lexicon; made per call of
/// [`cut_tail`] as in the Python (only lines of [`LONG_LINE_WORDS`] words are cut).
#[derive(Debug, Clone)]
pub struct Markers<'a> {
    keys: Set<&'a str>,
    heads: Set<&'a str>,
    longest: usize,
}

impl<'a> Markers<'a> {
    /// The markers of `lexicon`.
    pub fn new(lexicon: &'a Lexicon) -> Markers<'a> {
        let phrases = &lexicon.phrases;
        let mut keys: Set<&'a str> = phrases
            .exact
            .iter()
            .filter(|(k, f)| f.is_block_family() && k.contains(' '))
            .map(|(k, _)| &**k)
            .collect();
        keys.extend(
            phrases
                .prefix
                .keys()
                .map(|k| &**k)
                .filter(|k| k.contains(' ')),
        );
        let heads = keys
            .iter()
            .map(|k| k.split(' ').next().unwrap_or(k))
            .collect();
        let longest = keys
            .iter()
            .map(|k| k.matches(' ').count() + 1)
            .max()
            .unwrap_or(0);
        Markers {
            keys,
            heads,
            longest,
        }
    }

    /// The index of the first word past the opening that starts a marker, and the marker
    /// (Python `_first_marker`).
    fn first<S: AsRef<str>>(&self, folded: &[S]) -> Option<(usize, &'a str)> {
        let mut key = String::new();
        for i in MIN_HEAD_WORDS..folded.len() {
            if !self.heads.contains(folded[i].as_ref()) {
                continue;
            }
            let most = self.longest.min(folded.len() - i);
            for n in (MIN_MARKER_WORDS..=most).rev() {
                key.clear();
                for (j, tok) in folded[i..i + n].iter().enumerate() {
                    if j > 0 {
                        key.push(' ');
                    }
                    key.push_str(tok.as_ref());
                }
                if let Some(&found) = self.keys.get(key.as_str()) {
                    return Some((i, found));
                }
            }
        }
        None
    }
}

/// The words of `text` (`[\p{L}\p{N}]+` of the `regex` module), as byte spans.
fn words(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let is_word = |c: char| unicode::rx_letter(c) || unicode::rx_number(c);
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let (start, _) = chars.find(|&(_, c)| is_word(c))?;
        let mut end = text.len();
        while let Some(&(i, c)) = chars.peek() {
            if !is_word(c) {
                end = i;
                break;
            }
            chars.next();
        }
        Some((start, end))
    })
}

/// The line without its clutter tail, or `None` when no marker stands past the opening.
///
/// `tokens`: the line's folded tokens, when the caller has them (else the text is
/// folded here).
pub fn cut_tail(text: &str, lexicon: &Lexicon, tokens: Option<&[&str]>) -> Option<TailCut> {
    let markers = Markers::new(lexicon);
    let found = match tokens {
        Some(tokens) => markers.first(tokens),
        None => markers.first(&fold_tokens(text)),
    };
    let (i, key) = found?;
    match word_start(text, i, key) {
        Some(start) => Some(cut_at(text, start, key, lexicon)),
        None => cut_tail_by_words(text, lexicon, &markers),
    }
}

/// Where the `index`-th word of `text` starts, if the text from there folds to `key`'s
/// words; else `None`.
fn word_start(text: &str, index: usize, key: &str) -> Option<usize> {
    let (start, _) = words(text).nth(index)?;
    let window_chars = CHECK_WINDOW_CHARS * key.chars().count();
    let window_end = text[start..]
        .char_indices()
        .nth(window_chars)
        .map_or(text.len(), |(i, _)| start + i);
    let n = key.matches(' ').count() + 1;
    let folded = fold_tokens(&text[start..window_end]);
    let head = folded.get(..n).unwrap_or(&folded);
    (head.join(" ") == key).then_some(start)
}

fn cut_tail_by_words(text: &str, lexicon: &Lexicon, markers: &Markers<'_>) -> Option<TailCut> {
    let mut starts = Vec::new();
    let mut firsts = Vec::new();
    for (start, end) in words(text) {
        if let Some(first) = fold_tokens(&text[start..end]).into_iter().next() {
            starts.push(start);
            firsts.push(first);
        }
    }
    let (i, key) = markers.first(&firsts)?;
    Some(cut_at(text, starts[i], key, lexicon))
}

fn cut_at(text: &str, start: usize, key: &str, lexicon: &Lexicon) -> TailCut {
    let phrases = &lexicon.phrases;
    // A marker is a key of one of the two tables (`Markers::new`); the exact one first,
    // as the Python's `exact.get(key) or prefix[key]`.
    let rule = phrases
        .exact
        .get(key)
        .or_else(|| phrases.prefix.get(key))
        .copied()
        .unwrap_or(Rule::Body);
    TailCut {
        kept: text[..start].trim_end_matches(TRAILING_JOINERS).to_owned(),
        rule,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::lexicon;

    fn article(odd_word: &str) -> String {
        let sentence = format!("Guvernul a aprobat {odd_word} bugetul pentru școli.");
        vec![sentence; 20].join(" ")
    }

    #[test]
    fn one_line_page_is_cut_at_the_first_clutter_marker_past_its_opening() {
        // tests/test_rules.py::test_one_line_page_is_cut_at_the_first_clutter_marker_...
        let article = article("");
        let text =
            format!("{article} Top Citite Imperiul de 27 de miliarde. Partenerii noștri Cancan");
        let cut = cut_tail(&text, lexicon(), None);
        assert_eq!(
            cut,
            Some(TailCut {
                kept: article.clone(),
                rule: Rule::MostRead
            })
        );
        // one-word headings are words of many sentences: they do not cut running text
        let text = format!("{article} Cel mai popular proiect a fost aprobat ieri.");
        assert_eq!(cut_tail(&text, lexicon(), None), None);
        // a marker in the first MIN_HEAD_WORDS words is the page header
        let text = format!("Top Citite {article}");
        assert_eq!(cut_tail(&text, lexicon(), None), None);
    }

    #[test]
    fn a_tail_cut_falls_on_the_marker_when_words_and_tokens_part_ways() {
        // tests/test_rules.py::test_a_tail_cut_falls_on_the_marker_when_words_and_tokens_...
        // '½': one word of the text, two tokens once folded; "cát" with two marks: two
        // words of the text, one token; "": words and tokens agree.
        for odd_word in ["½", "ca\u{301}\u{301}t", ""] {
            let article = article(odd_word);
            let text = format!("{article} Top Citite Imperiul de 27 de miliarde.");
            let folded = fold_tokens(&text);
            let tokens: Vec<&str> = folded.iter().map(String::as_str).collect();
            for given in [None, Some(tokens.as_slice())] {
                let cut = cut_tail(&text, lexicon(), given);
                assert_eq!(
                    cut,
                    Some(TailCut {
                        kept: article.clone(),
                        rule: Rule::MostRead
                    }),
                    "{odd_word:?}, tokens given: {}",
                    given.is_some()
                );
            }
        }
    }

    #[test]
    fn words_are_letter_and_digit_runs() {
        let spans: Vec<(usize, usize)> = words("a-bc  ½ d\u{301}").collect();
        // "d\u{301}": the mark is not \p{L}\p{N}: the word is "d" alone
        assert_eq!(spans, vec![(0, 1), (2, 4), (6, 8), (9, 10)]);
    }
}
