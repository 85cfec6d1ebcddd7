//! Language identification from stop-word hits, with the stop lists jusText ships for
//! about 100 languages.
//!
//! The first [`MAX_TOKENS`] folded tokens of the page vote: each token that is a stop word
//! of some languages ([`Lexicon::stop_votes`]) gives one vote to each. The language with
//! the most votes wins (ties: the smaller stop list, then the code), if it has at least
//! [`MIN_HITS`] votes and they make [`MIN_HIT_SHARE`] of the words read. A second language
//! is named when the tokens that are not stop words of the first give another language
//! [`SECOND_LANGUAGE_SHARE`] of the first's votes (and [`MIN_HITS`]). The Python packs the
//! per-language counters into one integer as a speed device; here they are plain counters.

use crate::lexicon::Lexicon;
use crate::unicode;
use crate::Map;

/// Tokens read for identification: enough for a stable vote (a news paragraph has ~40-60%
/// stop words), bounded so that cost does not grow with document size.
pub const MAX_TOKENS: usize = 2000;
/// Fewer stop-word hits than this: too little text to name a language.
pub const MIN_HITS: u32 = 5;
/// A second language (a page that alternates two, paragraph by paragraph): its stop words
/// among the tokens that are not stop words of the first language hit at least this share
/// of the first language's hits (and [`MIN_HITS`]).
pub const SECOND_LANGUAGE_SHARE: f64 = 0.3;
/// A language's stop words must make at least this share of the words read (a CJK or Thai
/// character counts as a word). Below it, the hits come from a few Latin words of a page
/// written in a script that has no stop list (Japanese, Chinese, Thai). Measured over the
/// three dev corpora: the two CJK pages sit at 0.010, every other page at 0.135 or more.
pub const MIN_HIT_SHARE: f64 = 0.05;

/// The ISO code of the language whose stop words cover most of the first [`MAX_TOKENS`]
/// tokens, or `None` (`language.detect_language`).
pub fn detect_language<'t, L, T>(token_lines: L, lexicon: &Lexicon) -> Option<String>
where
    L: IntoIterator<Item = T>,
    T: IntoIterator<Item = &'t str>,
{
    detect_languages(token_lines, lexicon).into_iter().next()
}

/// The language of the text ([`detect_language`]), then a second one when the text
/// alternates two; empty when no language reaches [`MIN_HITS`]
/// (`language.detect_languages`). `token_lines`: the folded tokens of each line.
pub fn detect_languages<'t, L, T>(token_lines: L, lexicon: &Lexicon) -> Vec<String>
where
    L: IntoIterator<Item = T>,
    T: IntoIterator<Item = &'t str>,
{
    let mut n_tokens = 0usize;
    let mut cjk = 0usize;
    // Each stop word among the tokens read: its vote slots and how many times it occurs,
    // keyed by the address of the lexicon's copy of the word, so that a token is hashed
    // once, as text, to find it, and then as a number.
    let mut hits: Map<usize, (&[u16], u32)> = Map::default();
    'lines: for line in token_lines {
        for token in line {
            if n_tokens == MAX_TOKENS {
                break 'lines;
            }
            n_tokens += 1;
            if !token.is_ascii() {
                cjk += token.chars().filter(|&c| unicode::is_cjk(c)).count();
            }
            if let Some((word, slots)) = lexicon.stop_votes.get_key_value(token) {
                hits.entry(word.as_ptr() as usize).or_insert((slots, 0)).1 += 1;
            }
        }
    }
    let Some((first, first_hits)) = winner(hits.values().copied(), lexicon) else {
        return Vec::new();
    };
    if too_few_hits(first_hits, n_tokens, cjk) {
        return Vec::new();
    }
    // The hits that are not stop words of the first language: a hit word is one of its
    // stop words exactly when the first language's slot is among the word's slots (every
    // stop word of two or more characters, not all digits, has the slot of each of its
    // lists, and only such words hit).
    let rest = || {
        hits.values()
            .copied()
            .filter(|(slots, _)| !slots.contains(&first))
    };
    let needed = f64::max(
        f64::from(MIN_HITS),
        SECOND_LANGUAGE_SHARE * f64::from(first_hits),
    );
    let rest_hits: u64 = rest().map(|(_, n)| u64::from(n)).sum();
    let code = |slot: u16| lexicon.vote_codes[usize::from(slot)].to_string();
    if (rest_hits as f64) < needed {
        return vec![code(first)];
    }
    match winner(rest(), lexicon) {
        Some((second, n)) if f64::from(n) >= needed => vec![code(first), code(second)],
        _ => vec![code(first)],
    }
}

/// Do `hits` make under [`MIN_HIT_SHARE`] of the words read: the tokens, and each CJK or
/// Thai character among them (`features.word_count`'s count; `language._too_few_hits`)?
fn too_few_hits(hits: u32, n_tokens: usize, cjk: usize) -> bool {
    f64::from(hits) < MIN_HIT_SHARE * ((n_tokens + cjk) as f64)
}

/// The slot of the language with the most votes from `hits` (the vote slots of each stop
/// word read, with its count) and its votes ([`MIN_HITS`] or more), or `None`
/// (`language._winner`).
fn winner<'h>(
    hits: impl Iterator<Item = (&'h [u16], u32)>,
    lexicon: &Lexicon,
) -> Option<(u16, u32)> {
    let mut counts = vec![0u32; lexicon.vote_codes.len()];
    for (slots, n) in hits {
        for &slot in slots {
            if let Some(count) = counts.get_mut(usize::from(slot)) {
                *count += n;
            }
        }
    }
    let top = counts.iter().copied().max().unwrap_or(0);
    if top < MIN_HITS {
        return None;
    }
    let size = |code: &str| lexicon.stopwords.get(code).map_or(0, |s| s.len());
    // Ties: the smaller stop list, then the code (codes are sorted: the first slot of a
    // size wins the code tie).
    let (slot, _) = counts
        .iter()
        .zip(&lexicon.vote_codes)
        .enumerate()
        .filter(|&(_, (&n, _))| n == top)
        .map(|(slot, (_, code))| (slot, &**code))
        .min_by(|a, b| size(a.1).cmp(&size(b.1)).then_with(|| a.1.cmp(b.1)))?;
    Some((u16::try_from(slot).ok()?, top))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Map, Set};

    /// A lexicon with the given stop lists (votes built as `Lexicon::build` builds them).
    fn lexicon(lists: &[(&str, &[&str])]) -> Lexicon {
        let mut lex = Lexicon::default();
        let mut codes: Vec<&str> = lists.iter().map(|(c, _)| *c).collect();
        codes.sort_unstable();
        let mut votes: Map<Box<str>, Vec<u16>> = Map::default();
        for (slot, code) in codes.iter().enumerate() {
            let words = lists
                .iter()
                .find(|(c, _)| c == code)
                .map_or(&[][..], |l| l.1);
            for w in words {
                votes.entry((*w).into()).or_default().push(slot as u16);
            }
            let set: Set<Box<str>> = words.iter().map(|&w| w.into()).collect();
            lex.stopwords.insert((*code).into(), set);
        }
        lex.vote_codes = codes.iter().map(|&c| c.into()).collect();
        lex.stop_votes = votes.into_iter().map(|(w, s)| (w, s.into())).collect();
        lex
    }

    fn detect(text: &str, lex: &Lexicon) -> Vec<String> {
        detect_languages([text.split(' ')], lex)
    }

    #[test]
    fn votes() {
        let lex = lexicon(&[
            ("en", &["the", "of", "and", "is", "to", "in"]),
            ("de", &["der", "die", "und", "ist", "in", "zu", "das"]),
            ("xx", &["the", "of", "and", "is", "to", "in", "zz"]),
        ]);
        // A tie between en and xx: the smaller list wins.
        assert_eq!(detect("the cat of the house and it is to go", &lex), ["en"]);
        assert!(detect("the cat", &lex).is_empty());
        // Two languages, alternating.
        let mixed = "the cat of the house and it is to go der hund und die katze ist das";
        assert_eq!(detect(mixed, &lex), ["en", "de"]);
        // Too few hits for the words read (MIN_HIT_SHARE): 5 hits in 101 words.
        let sparse = format!("the of and is to {}", ["w"; 96].join(" "));
        assert!(detect(&sparse, &lex).is_empty());
        let dense = format!("the of and is to {}", ["w"; 95].join(" "));
        assert_eq!(detect(&dense, &lex), ["en"]);
    }

    #[test]
    fn reads_at_most_max_tokens() {
        let lex = lexicon(&[("en", &["the", "of"])]);
        let filler = vec!["w"; MAX_TOKENS];
        let text = format!("{} the the the the the", filler.join(" "));
        assert!(detect(&text, &lex).is_empty());
    }
}
