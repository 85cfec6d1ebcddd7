//! Language data: phrase lists, metadata labels, month names and stop lists
//! (`src/cleannews/lexicon.py`).
//!
//! The data lives in files (`src/cleannews/langdata/`, and jusText's stop lists), not in
//! code: the caller hands their texts to [`Lexicon::build`] once per process (the Python
//! side reads them with `importlib.resources`), and the result is immutable, shared by
//! every thread.

use crate::rules::catalog::Rule;
use crate::{Map, Set};

/// A phrase list's verdict on a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PhraseMatch {
    /// The phrase family (a clutter rule).
    pub family: Rule,
    /// The line is the phrase (a heading), not a line that starts with it.
    pub whole_line: bool,
}

/// Folded phrases: whole-line phrases and line prefixes, each mapped to its family.
#[derive(Debug, Clone, Default)]
pub struct PhraseIndex {
    /// Whole-line phrases (folded key -> family).
    pub exact: Map<Box<str>, Rule>,
    /// Line prefixes (folded key of the prefix -> family).
    pub prefix: Map<Box<str>, Rule>,
    /// Word counts that prefix entries have, longest first (`[0]` when there are none).
    pub prefix_lengths: Vec<usize>,
    /// First words of prefix entries.
    pub prefix_heads: Set<Box<str>>,
}

/// The sections of `langdata/metadata.txt`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MetaSection {
    /// Caption labels ("Foto", "Ảnh").
    Caption,
    /// Photo agencies named in credits.
    CreditAgency,
    /// Byline labels ("By", "Autor").
    Byline,
    /// Source labels ("Sursa", "Quelle").
    Source,
    /// Date labels ("Publicat", "Aktualisiert").
    DateLabel,
    /// News-agency names (datelines).
    NewsAgency,
    /// Portrait labels.
    Portrait,
}

impl MetaSection {
    /// The section's heading in `metadata.txt` (`[caption]`).
    pub const fn name(self) -> &'static str {
        match self {
            MetaSection::Caption => "caption",
            MetaSection::CreditAgency => "credit_agency",
            MetaSection::Byline => "byline",
            MetaSection::Source => "source",
            MetaSection::DateLabel => "date_label",
            MetaSection::NewsAgency => "news_agency",
            MetaSection::Portrait => "portrait",
        }
    }

    /// Every section.
    pub const ALL: [MetaSection; 7] = [
        MetaSection::Caption,
        MetaSection::CreditAgency,
        MetaSection::Byline,
        MetaSection::Source,
        MetaSection::DateLabel,
        MetaSection::NewsAgency,
        MetaSection::Portrait,
    ];
}

/// The language data, read once (see the module docs).
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    /// The clutter phrase lists.
    pub phrases: PhraseIndex,
    /// Folded entries of each metadata section, indexed by `MetaSection as usize`.
    pub metadata: [Set<Box<str>>; 7],
    /// Folded month name or abbreviation -> 1..12.
    pub months: Map<Box<str>, u8>,
    /// Language code -> folded stop words.
    pub stopwords: Map<Box<str>, Set<Box<str>>>,
    /// The language codes that have a stop list, sorted: a language's slot in a vote.
    pub vote_codes: Vec<Box<str>>,
    /// A folded stop word -> the slots (indices into `vote_codes`) of the languages whose
    /// list holds it. Single letters and numbers say nothing about the language: left out.
    pub stop_votes: Map<Box<str>, Box<[u16]>>,
    /// The folded words that end a comment's attribution line ('says', 'sagt', 'dit').
    pub says_words: Set<Box<str>>,
    /// Language codes whose numeric dates put the month first (03/04/2025 is March 4).
    pub month_first: Set<Box<str>>,
    /// Labels that can stand with no value: empty_label phrases and the date, byline and
    /// source labels.
    pub empty_labels: Set<Box<str>>,
    /// First tokens of every metadata entry.
    pub label_heads: Set<Box<str>>,
}

impl Lexicon {
    /// The folded entries of a metadata section.
    pub fn meta(&self, section: MetaSection) -> &Set<Box<str>> {
        &self.metadata[section as usize]
    }
}

// SHIM until the `core-read` branch lands its `PhraseIndex::match_line`.
impl PhraseIndex {
    /// The family of a line given its folded key and tokens (Python `PhraseIndex.match`).
    pub fn match_line<'a>(
        &self,
        key: &str,
        tokens: impl Iterator<Item = &'a str>,
    ) -> Option<PhraseMatch> {
        if let Some(&family) = self.exact.get(key) {
            return Some(PhraseMatch {
                family,
                whole_line: true,
            });
        }
        let mut tokens = tokens.peekable();
        let first = *tokens.peek()?;
        if !self.prefix_heads.contains(first) {
            return None;
        }
        let longest = self.prefix_lengths.first().copied().unwrap_or(0);
        let mut ends = Vec::with_capacity(longest);
        let mut pos = 0usize;
        let mut n_tokens = 0usize;
        for tok in tokens {
            n_tokens += 1;
            if ends.len() < longest {
                pos += tok.len() + usize::from(!ends.is_empty());
                ends.push(pos);
            }
        }
        for &n in &self.prefix_lengths {
            if n >= 1 && n <= ends.len() {
                if let Some(&family) = self.prefix.get(&key[..ends[n - 1]]) {
                    return Some(PhraseMatch {
                        family,
                        whole_line: n == n_tokens,
                    });
                }
            }
        }
        None
    }
}
