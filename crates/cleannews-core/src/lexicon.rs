//! Language data: phrase lists, metadata labels, month names and stop lists
//!.
//!
//! The data lives in files (`src/cleannews/langdata/`, and jusText's stop lists), not in
//! code: the caller hands their texts to [`Lexicon::build`] once per process (the Python
//! side reads them with `importlib.resources`), and the result is immutable, shared by
//! every thread.
//!
//! [`Lexicon::build`] follows `lexicon.load_lexicon` step by step, in its order (so that a
//! broken file fails with the same first error, word for word): the stop lists named in
//! `languages.tsv`, their vote slots, the phrase files (packaged ones in name order, then
//! the extra ones; the first family given to a key wins), `metadata.txt`, `months.tsv`,
//! `comment_thread.tsv`, `date_order.tsv`. Every entry is folded with
//! [`normalize::fold`], and files are cut into lines as `str.splitlines` does.

use std::fmt;
use std::io;
use std::path::Path;

use crate::normalize::fold;
use crate::rules::catalog::Rule;
use crate::unicode;
use crate::unicode::scripts::{script_of, script_range, Script};
use crate::{Map, Set};

/// An entry that ends so is a line prefix, not a whole line (`lexicon._PREFIX_MARK`).
const PREFIX_MARK: &str = " ...";
/// Language code -> folded stop words.
type StopLists = Map<Box<str>, Set<Box<str>>>;
/// A folded stop word -> the vote slots of the languages whose list holds it.
type StopVotes = Map<Box<str>, Box<[u16]>>;

/// The jusText stop list that duplicates English (`lexicon._build_stopwords`).
const SIMPLE_ENGLISH: &str = "simple";
/// `date_order.tsv`'s value for languages that write the month first.
const MONTH_FIRST: &str = "month_first";
/// The sections of `metadata.txt` whose entries can stand with no value (with the
/// `empty_label` phrases).
const EMPTY_LABEL_SECTIONS: [MetaSection; 3] = [
    MetaSection::DateLabel,
    MetaSection::Byline,
    MetaSection::Source,
];

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
    /// The section with this heading (`"caption"`), if there is one.
    pub fn from_name(name: &str) -> Option<MetaSection> {
        MetaSection::ALL.into_iter().find(|s| s.name() == name)
    }

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

/// The texts of the language-data files, read by the caller (the Python side reads them
/// with `importlib.resources`; see `src/cleannews/core.py`).
#[derive(Debug, Clone, Default)]
pub struct Sources<'a> {
    /// Phrase files as (where, text): the packaged ones in file-name order, named
    /// `phrases/<name>.txt`, then the extra ones (`Config.extra_phrase_files`) by path.
    pub phrases: Vec<(&'a str, &'a str)>,
    /// `metadata.txt`, when the package has one.
    pub metadata: Option<&'a str>,
    /// `months.tsv`.
    pub months: &'a str,
    /// `comment_thread.tsv`.
    pub comment_thread: &'a str,
    /// `date_order.tsv`.
    pub date_order: &'a str,
    /// `languages.tsv`: jusText stop-list names and their language codes.
    pub languages: &'a str,
    /// jusText's stop lists as (name, text): `Afrikaans` for `stoplists/Afrikaans.txt`.
    pub stoplists: Vec<(&'a str, &'a str)>,
}

/// The texts of the language-data files, owned (what [`Sources`] borrows): read from a
/// `langdata/` directory by [`LangData::read`], or filled in by the caller.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LangData {
    /// Phrase files as (where, text), in [`Sources::phrases`]'s order.
    pub phrases: Vec<(String, String)>,
    /// `metadata.txt`, when there is one.
    pub metadata: Option<String>,
    /// `months.tsv`.
    pub months: String,
    /// `comment_thread.tsv`.
    pub comment_thread: String,
    /// `date_order.tsv`.
    pub date_order: String,
    /// `languages.tsv`.
    pub languages: String,
    /// jusText's stop lists as (name, text), in name order.
    pub stoplists: Vec<(String, String)>,
}

impl LangData {
    /// The files of the `langdata` directory (the package's `src/cleannews/langdata`)
    /// and, when given, the stop lists of jusText's `stoplists` directory, as the Python
    /// side reads them (`cleannews.core.lexicon_sources`): phrase files and stop lists
    /// in file-name order.
    pub fn read(langdata: &Path, stoplists: Option<&Path>) -> io::Result<LangData> {
        let read = |name: &str| std::fs::read_to_string(langdata.join(name));
        let phrases = txt_files(&langdata.join("phrases"))?
            .into_iter()
            .map(|(name, text)| (format!("phrases/{name}.txt"), text))
            .collect();
        let metadata = match read("metadata.txt") {
            Ok(text) => Some(text),
            Err(e) if e.kind() == io::ErrorKind::NotFound => None,
            Err(e) => return Err(e),
        };
        Ok(LangData {
            phrases,
            metadata,
            months: read("months.tsv")?,
            comment_thread: read("comment_thread.tsv")?,
            date_order: read("date_order.tsv")?,
            languages: read("languages.tsv")?,
            stoplists: stoplists.map(txt_files).transpose()?.unwrap_or_default(),
        })
    }

    /// The texts, borrowed, for [`Lexicon::build`].
    pub fn sources(&self) -> Sources<'_> {
        Sources {
            phrases: pairs(&self.phrases),
            metadata: self.metadata.as_deref(),
            months: &self.months,
            comment_thread: &self.comment_thread,
            date_order: &self.date_order,
            languages: &self.languages,
            stoplists: pairs(&self.stoplists),
        }
    }
}

/// Borrowed (name, text) pairs.
fn pairs(v: &[(String, String)]) -> Vec<(&str, &str)> {
    v.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect()
}

/// The `.txt` files of `dir` as (name without `.txt`, text), in name order.
fn txt_files(dir: &Path) -> io::Result<Vec<(String, String)>> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        if let Some(stem) = name.strip_suffix(".txt") {
            if path.is_file() {
                out.push((stem.to_owned(), std::fs::read_to_string(&path)?));
            }
        }
    }
    out.sort();
    Ok(out)
}

/// A language-data file that does not parse: the message is the Python loader's
/// `ValueError` message, word for word (`"metadata.txt:12: unknown section [x]"`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LexiconError(pub String);

impl fmt::Display for LexiconError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for LexiconError {}

/// A `LexiconError` from a message.
fn error<T>(message: String) -> Result<T, LexiconError> {
    Err(LexiconError(message))
}

/// (section, entry, line number) of a `[section]`-headed data file; strict
/// (`lexicon.parse_sections`).
pub fn parse_sections<'a>(
    text: &'a str,
    place: &str,
) -> Result<Vec<(&'a str, &'a str, usize)>, LexiconError> {
    let mut out = Vec::new();
    let mut section = "";
    for (i, raw) in unicode::splitlines(text).into_iter().enumerate() {
        let number = i + 1;
        let line = unicode::strip(raw);
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if line.starts_with('[') && line.ends_with(']') {
            // A line "[" is both: Python's line[1:-1] is then empty.
            section = line.get(1..line.len() - 1).map_or("", unicode::strip);
            continue;
        }
        if section.is_empty() {
            return error(format!(
                "{place}:{number}: entry before any [section] heading"
            ));
        }
        out.push((section, line, number));
    }
    Ok(out)
}

/// The data rows of a TSV file (line number, columns): a header row, then rows of as many
/// tab-separated columns; blank lines and '#' comments are skipped (`lexicon._tsv_rows`).
fn tsv_rows<'a>(
    text: &'a str,
    name: &str,
    header: &str,
) -> Result<Vec<(usize, Vec<&'a str>)>, LexiconError> {
    let columns = header.matches('\t').count() + 1;
    let mut out = Vec::new();
    for (i, row) in unicode::splitlines(text).into_iter().enumerate() {
        if unicode::strip(row).is_empty() || row.starts_with('#') || row == header {
            continue;
        }
        let cols: Vec<&str> = row.split('\t').collect();
        if cols.len() != columns {
            return error(format!(
                "{name}:{}: expected {}",
                i + 1,
                header.replace('\t', "<TAB>")
            ));
        }
        out.push((i + 1, cols));
    }
    Ok(out)
}

/// Python's `int(text)` of a string of digits (the caller checked `isdigit`): decimal
/// digits of any script; other digits ('²') fail as `int` fails.
fn python_int(text: &str) -> Result<u64, LexiconError> {
    let invalid = || {
        LexiconError(format!(
            "invalid literal for int() with base 10: {}",
            unicode::repr(text)
        ))
    };
    unicode::strip(text).chars().try_fold(0u64, |value, c| {
        let digit = unicode::decimal_value(c).ok_or_else(invalid)?;
        value
            .checked_mul(10)
            .and_then(|v| v.checked_add(u64::from(digit)))
            .ok_or_else(invalid)
    })
}

/// Language code -> folded stop words (`lexicon._build_stopwords`), each list without the
/// words of another script than its own ([`own_script_words`]).
fn build_stopwords(sources: &Sources<'_>) -> Result<StopLists, LexiconError> {
    // Python: dict(row.split("\t") for row in table if row and not row.startswith(...)):
    // a later row of a name replaces its code but keeps its place.
    let mut codes: Vec<(&str, &str)> = Vec::new();
    let rows = unicode::splitlines(sources.languages)
        .into_iter()
        .filter(|row| !row.is_empty() && !row.starts_with('#') && !row.starts_with("justext\t"));
    for (element, row) in rows.enumerate() {
        let cols: Vec<&str> = row.split('\t').collect();
        let [name, code] = cols[..] else {
            return error(format!(
                "dictionary update sequence element #{element} has length {}; 2 is required",
                cols.len()
            ));
        };
        match codes.iter_mut().find(|(n, _)| *n == name) {
            Some(slot) => slot.1 = code,
            None => codes.push((name, code)),
        }
    }
    let mut out = StopLists::default();
    for (name, code) in codes {
        if code == SIMPLE_ENGLISH {
            continue;
        }
        let Some(&(_, text)) = sources.stoplists.iter().find(|(n, _)| *n == name) else {
            continue;
        };
        let words: Set<Box<str>> = unicode::splitlines(text)
            .into_iter()
            .map(fold)
            .filter(|w| !w.is_empty())
            .map(String::into_boxed_str)
            .collect();
        out.insert(code.into(), own_script_words(words));
    }
    Ok(out)
}

/// The scripts of a word's letters, as a set (none for a word without a letter of a
/// script: digits, Common letters such as 'ʻ'). A bit a script: no allocation for each of
/// the ~190,000 words of jusText's lists.
#[derive(Clone, Copy, Default, PartialEq, Eq)]
struct Scripts([u64; 4]);

impl Scripts {
    /// The scripts of `word`'s letters.
    fn of(word: &str) -> Scripts {
        let mut set = Scripts::default();
        let mut last: Option<(char, char, Script)> = None;
        for c in word.chars() {
            let script = if c.is_ascii() {
                script_of(c)
            } else {
                match last {
                    Some((start, end, script)) if start <= c && c <= end => Some(script),
                    _ => {
                        last = script_range(c);
                        last.map(|(_, _, script)| script)
                    }
                }
            };
            if let Some(script) = script {
                set.0[usize::from(script >> 6)] |= 1 << (script & 63);
            }
        }
        set
    }

    /// Is `script` in the set?
    fn contains(self, script: Script) -> bool {
        self.0[usize::from(script >> 6)] & (1 << (script & 63)) != 0
    }

    /// The scripts in the set, in order.
    fn iter(self) -> impl Iterator<Item = Script> {
        (0u8..).zip(self.0).flat_map(|(high, mut bits)| {
            std::iter::from_fn(move || {
                let low = u8::try_from(bits.trailing_zeros())
                    .ok()
                    .filter(|&b| b < 64)?;
                bits &= bits - 1;
                Some((high << 6) | low)
            })
        })
    }
}

/// A stop list without the words written in another script than the list's own: its
/// dominant script, the one that most of its words have a letter of. jusText's lists were
/// gathered from web pages and keep some of their foreign words: 325 of the 1,973 folded
/// words of its Marathi list are English words in Latin script, some not in its English
/// list ("web", "user", "movies"), and so English pages voted Marathi (26 of wcxb_dev's 788
/// texts; none now). Over the 100 lists, 31 lose about 2,000 words. A word with a letter of
/// the own script stays (Chuvash words spelt with the Latin 'ă' among Cyrillic letters), and
/// so does a word with no letter of any script (a number).
fn own_script_words(mut words: Set<Box<str>>) -> Set<Box<str>> {
    let mut counts = [0usize; 1 << Script::BITS];
    for word in &words {
        for script in Scripts::of(word).iter() {
            counts[usize::from(script)] += 1;
        }
    }
    // Ties (none in jusText's lists): the script first in `scripts::NAMES`.
    let own = (0..=Script::MAX)
        .filter(|&s| counts[usize::from(s)] > 0)
        .max_by(|&a, &b| {
            counts[usize::from(a)]
                .cmp(&counts[usize::from(b)])
                .then(b.cmp(&a))
        });
    words.retain(|w| {
        let scripts = Scripts::of(w);
        scripts == Scripts::default() || own.is_some_and(|own| scripts.contains(own))
    });
    words
}

/// The vote slots: sorted codes, and each stop word's slots (`lexicon._build_stop_votes`).
fn build_stop_votes(stopwords: &StopLists) -> (StopVotes, Vec<Box<str>>) {
    let mut codes: Vec<Box<str>> = stopwords.keys().cloned().collect();
    codes.sort();
    let mut votes: Map<Box<str>, Vec<u16>> = Map::default();
    for (slot, code) in codes.iter().enumerate() {
        let Ok(slot) = u16::try_from(slot) else {
            break; // more than 65,536 languages: none of jusText's 100
        };
        for word in &stopwords[code] {
            if word.chars().nth(1).is_some() && !unicode::str_is_digit(word) {
                match votes.get_mut(word) {
                    Some(slots) => slots.push(slot),
                    None => {
                        votes.insert(word.clone(), vec![slot]);
                    }
                }
            }
        }
    }
    let votes = votes
        .into_iter()
        .map(|(w, slots)| (w, slots.into_boxed_slice()))
        .collect();
    (votes, codes)
}

/// The phrase lists (`lexicon._build_phrases`).
fn build_phrases(sources: &Sources<'_>) -> Result<PhraseIndex, LexiconError> {
    let mut exact: Map<Box<str>, Rule> = Map::default();
    let mut prefix: Map<Box<str>, Rule> = Map::default();
    for &(place, text) in &sources.phrases {
        for (family, entry, number) in parse_sections(text, place)? {
            let Some(rule) =
                Rule::from_name(family).filter(|r| r.is_block_family() || r.is_line_family())
            else {
                return error(format!(
                    "{place}:{number}: unknown phrase family [{family}]"
                ));
            };
            let (body, is_prefix) = match entry.strip_suffix(PREFIX_MARK) {
                Some(body) => (body, true),
                None => (entry, false),
            };
            let key = fold(body);
            if key.is_empty() {
                return error(format!(
                    "{place}:{number}: entry {} has no letters or digits",
                    unicode::repr(entry)
                ));
            }
            let table = if is_prefix { &mut prefix } else { &mut exact };
            table.entry(key.into_boxed_str()).or_insert(rule);
        }
    }
    let mut prefix_lengths: Vec<usize> = prefix
        .keys()
        .map(|k| k.matches(' ').count() + 1)
        .collect::<Set<usize>>()
        .into_iter()
        .collect();
    prefix_lengths.sort_unstable_by(|a, b| b.cmp(a));
    if prefix_lengths.is_empty() {
        prefix_lengths.push(0);
    }
    let prefix_heads = prefix.keys().map(|k| first_word(k).into()).collect();
    Ok(PhraseIndex {
        exact,
        prefix,
        prefix_lengths,
        prefix_heads,
    })
}

/// `key.split(" ", 1)[0]`.
fn first_word(key: &str) -> &str {
    key.split(' ').next().unwrap_or(key)
}

/// The metadata sections (`lexicon._build_metadata`).
fn build_metadata(sources: &Sources<'_>) -> Result<[Set<Box<str>>; 7], LexiconError> {
    let mut table: [Set<Box<str>>; 7] = Default::default();
    let Some(text) = sources.metadata else {
        return Ok(table);
    };
    for (section, entry, number) in parse_sections(text, "metadata.txt")? {
        let Some(section) = MetaSection::from_name(section) else {
            return error(format!(
                "metadata.txt:{number}: unknown section [{section}]"
            ));
        };
        // An entry without letters folds to "", and Python keeps that too.
        table[section as usize].insert(fold(entry).into_boxed_str());
    }
    Ok(table)
}

/// Folded month names -> month (`lexicon._build_months`).
fn build_months(sources: &Sources<'_>) -> Result<Map<Box<str>, u8>, LexiconError> {
    let mut months: Map<Box<str>, u8> = Map::default();
    for (number, cols) in tsv_rows(sources.months, "months.tsv", "lang\tmonth\tname")? {
        let (month, name) = (cols[1], cols[2]);
        if !unicode::str_is_digit(unicode::strip(month)) {
            return error(format!("months.tsv:{number}: the month is a number 1-12"));
        }
        let value = python_int(month)?;
        // The table holds months as bytes: Python would keep a larger number as it is.
        let Ok(value) = u8::try_from(value) else {
            return error(format!("months.tsv:{number}: the month is a number 1-12"));
        };
        let key = fold(name);
        if !key.is_empty() {
            months.entry(key.into_boxed_str()).or_insert(value);
        }
    }
    Ok(months)
}

/// The words that end a comment's attribution line (`lexicon._build_says_words`).
fn build_says_words(sources: &Sources<'_>) -> Result<Set<Box<str>>, LexiconError> {
    let mut words = Set::default();
    for (number, cols) in tsv_rows(sources.comment_thread, "comment_thread.tsv", "lang\tword")? {
        let key = fold(cols[1]);
        if key.is_empty() {
            return error(format!(
                "comment_thread.tsv:{number}: the word folds to nothing"
            ));
        }
        words.insert(key.into_boxed_str());
    }
    Ok(words)
}

/// Languages that write numeric dates month first (`lexicon._build_month_first`).
fn build_month_first(sources: &Sources<'_>) -> Result<Set<Box<str>>, LexiconError> {
    Ok(
        tsv_rows(sources.date_order, "date_order.tsv", "lang\torder")?
            .into_iter()
            .filter(|(_, cols)| cols[1] == MONTH_FIRST)
            .map(|(_, cols)| cols[0].into())
            .collect(),
    )
}

impl Lexicon {
    /// The language data from the texts of its files (`lexicon.load_lexicon`), or the
    /// Python loader's error for the first file that does not parse.
    pub fn build(sources: &Sources<'_>) -> Result<Lexicon, LexiconError> {
        let stopwords = build_stopwords(sources)?;
        let (stop_votes, vote_codes) = build_stop_votes(&stopwords);
        let phrases = build_phrases(sources)?;
        let metadata = build_metadata(sources)?;
        let mut empty_labels: Set<Box<str>> = phrases
            .exact
            .iter()
            .filter(|&(_, &family)| family == Rule::EmptyLabel)
            .map(|(k, _)| k.clone())
            .collect();
        for section in EMPTY_LABEL_SECTIONS {
            empty_labels.extend(metadata[section as usize].iter().cloned());
        }
        let label_heads = metadata
            .iter()
            .flatten()
            .map(|entry| first_word(entry).into())
            .collect();
        Ok(Lexicon {
            phrases,
            metadata,
            months: build_months(sources)?,
            stopwords,
            vote_codes,
            stop_votes,
            says_words: build_says_words(sources)?,
            month_first: build_month_first(sources)?,
            empty_labels,
            label_heads,
        })
    }
}

impl PhraseIndex {
    /// The family of a line given its folded key and tokens (`PhraseIndex.match`): one
    /// look-up for the whole line, then, when its first word starts some prefix entry,
    /// one per prefix length that an entry has.
    pub fn match_line<'t>(
        &self,
        key: &str,
        tokens: impl IntoIterator<Item = &'t str>,
    ) -> Option<PhraseMatch> {
        if let Some(&family) = self.exact.get(key) {
            return Some(PhraseMatch {
                family,
                whole_line: true,
            });
        }
        let first = tokens.into_iter().next()?;
        if !self.prefix_heads.contains(first) {
            return None;
        }
        // The key is the tokens joined by one space: the first n tokens end at the n-th
        // space (or at the key's end), with no list of token ends made.
        let n_tokens = memchr::memchr_iter(b' ', key.as_bytes()).count() + 1;
        for &n in &self.prefix_lengths {
            if n == 0 || n > n_tokens {
                continue;
            }
            let end = if n == n_tokens {
                key.len()
            } else {
                memchr::memchr_iter(b' ', key.as_bytes()).nth(n - 1)?
            };
            if let Some(&family) = self.prefix.get(&key[..end]) {
                return Some(PhraseMatch {
                    family,
                    whole_line: n == n_tokens,
                });
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LANGUAGES: &str =
        "# comment\njustext\tcode\nEnglish\ten\nSimple_English\tsimple\nGerman\tde\n";
    const MONTHS: &str =
        "lang\tmonth\tname\nen\t1\tJanuary\nen\t1\tJan\nro\t1\tIanuarie\nxx\t2\tjan\n";
    const SAYS: &str = "lang\tword\nen\tsays\nde\tsagt\n";
    const ORDER: &str = "lang\torder\nen\tmonth_first\nde\tday_first\n";
    const PHRASES: &str = "[read_also]\nCitește și ...\nRead more ...\n[most_read]\nMost read\n\
                           [empty_label]\nTags:\n[ad]\nmost read\n";
    const METADATA: &str = "[caption]\nFoto\nSursa foto\n[byline]\nBy\n[date_label]\nPublicat\n";

    fn sources<'a>(phrases: &'a str, metadata: Option<&'a str>) -> Sources<'a> {
        Sources {
            phrases: vec![("phrases/xx.txt", phrases)],
            metadata,
            months: MONTHS,
            comment_thread: SAYS,
            date_order: ORDER,
            languages: LANGUAGES,
            stoplists: vec![
                ("English", "the\nof\na\n1\nand\n"),
                ("German", "der\ndie\nund\n"),
                ("Simple_English", "the\n"),
            ],
        }
    }

    fn set(words: &[&str]) -> Set<Box<str>> {
        words.iter().map(|&w| w.into()).collect()
    }

    #[test]
    fn builds_the_tables() {
        let lex = Lexicon::build(&sources(PHRASES, Some(METADATA))).expect("valid sources");
        let p = &lex.phrases;
        assert_eq!(p.exact.get("most read"), Some(&Rule::MostRead)); // the first family wins
        assert_eq!(p.exact.get("tags"), Some(&Rule::EmptyLabel));
        assert_eq!(p.prefix.get("citeste si"), Some(&Rule::ReadAlso));
        assert_eq!(p.prefix_lengths, [2]);
        assert_eq!(p.prefix_heads, set(&["citeste", "read"]));
        assert_eq!(
            lex.meta(MetaSection::Caption),
            &set(&["foto", "sursa foto"])
        );
        assert!(lex.meta(MetaSection::Portrait).is_empty());
        assert_eq!(lex.months.get("jan"), Some(&1)); // the first month given wins
        assert_eq!(lex.months.get("ianuarie"), Some(&1));
        assert_eq!(lex.vote_codes, ["de".into(), "en".into()] as [Box<str>; 2]);
        assert_eq!(lex.stopwords["en"], set(&["the", "of", "a", "1", "and"]));
        assert!(!lex.stopwords.contains_key("simple"));
        // Single letters and numbers do not vote.
        assert!(!lex.stop_votes.contains_key("a") && !lex.stop_votes.contains_key("1"));
        assert_eq!(&*lex.stop_votes["und"], &[0]);
        assert_eq!(lex.says_words, set(&["says", "sagt"]));
        assert_eq!(lex.month_first, set(&["en"]));
        assert_eq!(lex.empty_labels, set(&["tags", "by", "publicat"]));
        assert_eq!(lex.label_heads, set(&["foto", "sursa", "by", "publicat"]));
    }

    /// Devanagari words (more of them than Latin ones, as in jusText's list), English words
    /// in Latin script, a number.
    const MARATHI: &str = "आणि\nआहे\nया\nकी\nते\nहे\nव\nतो\nही\nअसे\nत्या\nहोते\nकेले\nमी\n\
                           the\nof\nand\non\nis\ndata\nweb\nmovies\nuser\n2025\n";

    /// English, Marathi and Chuvash stop lists as jusText's are made: Marathi's holds
    /// English words in Latin script, Chuvash's spells some words with the Latin 'ă'.
    fn foreign_word_sources() -> Sources<'static> {
        Sources {
            languages: "English\ten\nMarathi\tmr\nChuvash\tcv\n",
            stoplists: vec![
                ("English", "the\nof\nand\non\nis\n"),
                ("Marathi", MARATHI),
                ("Chuvash", "тата\nвара\năнсăр\nthe\n"),
            ],
            ..sources("", None)
        }
    }

    #[test]
    fn a_stop_list_keeps_only_the_words_of_its_own_script() {
        let lex = Lexicon::build(&foreign_word_sources()).expect("valid sources");
        // Devanagari is Marathi's script: its Latin words go; a number has no script.
        let devanagari_or_number = |w: &&str| !w.is_ascii() || w.starts_with('2');
        let want: Set<Box<str>> = unicode::splitlines(MARATHI)
            .into_iter()
            .filter(devanagari_or_number)
            .map(|w| fold(w).into_boxed_str())
            .collect();
        assert_eq!(lex.stopwords["mr"], want);
        assert!(!lex.stop_votes.contains_key("data"));
        assert_eq!(&*lex.stop_votes["the"], &[1]); // en alone (slots: cv, en, mr)
                                                   // A word with a letter of the list's script stays, whatever its other letters.
        assert_eq!(lex.stopwords["cv"], set(&["тата", "вара", "aнсaр"])); // folded
        assert_eq!(lex.stopwords["en"], set(&["the", "of", "and", "on", "is"]));
    }

    #[test]
    fn a_words_scripts_are_each_of_its_letters_scripts_once_in_order() {
        // Latin, Cyrillic, Devanagari, Thai and Yi letters (scripts on either side of the
        // set's 64-bit words), a digit and a Common letter (no script), repeats.
        let word = "aдक\u{0e01}\u{a000}1ʻbдक\u{a000}";
        let mut want: Vec<Script> = word.chars().filter_map(script_of).collect();
        want.sort_unstable();
        want.dedup();
        assert_eq!(want.len(), 5);
        assert!(want.iter().any(|&s| s >= 64) && want.iter().any(|&s| s < 64));
        assert_eq!(Scripts::of(word).iter().collect::<Vec<_>>(), want);
        assert!(Scripts::of("12 ʻ").iter().next().is_none());
    }

    #[test]
    fn an_english_text_is_not_voted_marathi_by_its_latin_words() {
        // With the Latin words in Marathi's list, this text's 11 tokens voted mr, 7 en.
        let lex = Lexicon::build(&foreign_word_sources()).expect("valid sources");
        let text = "the data of the web is on the movies and the user";
        let lang = crate::language::detect_language([text.split(' ')], &lex);
        assert_eq!(lang.as_deref(), Some("en"));
    }

    #[test]
    fn no_prefixes_no_metadata() {
        let lex = Lexicon::build(&sources("[ad]\nad\n", None)).expect("valid sources");
        assert_eq!(lex.phrases.prefix_lengths, [0]);
        assert!(lex.label_heads.is_empty());
        assert_eq!(lex.phrases.match_line("ad x", ["ad", "x"]), None);
    }

    #[test]
    fn errors_are_pythons() {
        // (phrase file, metadata, the Python loader's message).
        let cases = [
            (
                "x\n[ad]\n",
                METADATA,
                "phrases/xx.txt:1: entry before any [section] heading",
            ),
            (
                "[nope]\nx\n",
                METADATA,
                "phrases/xx.txt:2: unknown phrase family [nope]",
            ),
            (
                "[body]\nx\n",
                METADATA,
                "phrases/xx.txt:2: unknown phrase family [body]",
            ),
            (
                "# c\n[ad]\n  ... \n",
                METADATA,
                "phrases/xx.txt:3: entry '...' has no letters or digits",
            ),
            (
                "[ad]\n'\u{200b} ...\n",
                METADATA,
                "phrases/xx.txt:2: entry \"'\\u200b ...\" has no letters or digits",
            ),
            (
                "[ad]\nx\n",
                "[caption]\nx\n[nope]\ny\n",
                "metadata.txt:4: unknown section [nope]",
            ),
        ];
        for (phrases, metadata, message) in cases {
            let got = Lexicon::build(&sources(phrases, Some(metadata)));
            assert_eq!(
                got.err(),
                Some(LexiconError(message.to_owned())),
                "{phrases:?}"
            );
        }
        let mut bad = sources("[ad]\nx\n", None);
        bad.months = "lang\tmonth\tname\nen\tI\tJanuary\n";
        let message = "months.tsv:2: the month is a number 1-12";
        assert_eq!(
            Lexicon::build(&bad).err(),
            Some(LexiconError(message.to_owned()))
        );
        bad.months = "lang\tmonth\tname\nen\t1\n";
        let message = "months.tsv:2: expected lang<TAB>month<TAB>name";
        assert_eq!(
            Lexicon::build(&bad).err(),
            Some(LexiconError(message.to_owned()))
        );
        bad.months = MONTHS;
        bad.languages = "English\ten\nGerman\n";
        let message = "dictionary update sequence element #1 has length 1; 2 is required";
        assert_eq!(
            Lexicon::build(&bad).err(),
            Some(LexiconError(message.to_owned()))
        );
    }

    #[test]
    fn matches_phrases() {
        let lex = Lexicon::build(&sources(PHRASES, Some(METADATA))).expect("valid sources");
        let m = |key: &str| {
            lex.phrases
                .match_line(key, key.split(' ').filter(|t| !t.is_empty()))
        };
        let hit = |family, whole_line| Some(PhraseMatch { family, whole_line });
        assert_eq!(m("most read"), hit(Rule::MostRead, true));
        assert_eq!(m("citeste si alt articol"), hit(Rule::ReadAlso, false));
        assert_eq!(m("citeste si"), hit(Rule::ReadAlso, true));
        assert_eq!(m("citeste"), None);
        assert_eq!(m("read"), None);
        assert_eq!(m("most read today"), None);
        assert_eq!(m(""), None);
    }

    #[test]
    fn the_packaged_files_parse() {
        let sources = Sources {
            phrases: vec![(
                "phrases/en.txt",
                include_str!("../../../src/cleannews/langdata/phrases/en.txt"),
            )],
            metadata: Some(include_str!("../../../src/cleannews/langdata/metadata.txt")),
            months: include_str!("../../../src/cleannews/langdata/months.tsv"),
            comment_thread: include_str!("../../../src/cleannews/langdata/comment_thread.tsv"),
            date_order: include_str!("../../../src/cleannews/langdata/date_order.tsv"),
            languages: include_str!("../../../src/cleannews/langdata/languages.tsv"),
            stoplists: Vec::new(),
        };
        let lex = Lexicon::build(&sources).expect("the packaged files parse");
        assert_eq!(lex.months.get("january"), Some(&1));
        assert!(lex.phrases.exact.len() > 100 && lex.stopwords.is_empty());
    }
}
