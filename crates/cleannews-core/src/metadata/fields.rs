//! Metadata lines: each function looks at one line and says whether it is a date line, a
//! byline, a caption or credit, a source line or a sponsored marker, and what value it
//! holds; [`line_metadata`] tries them in the
//! pipeline's order (`pipeline._metadata`).
//!
//! Ported patterns without the `regex` module's look-arounds:
//! - `_NAME_SPLIT` is its older, plain form (commit 7566215 made it linear under
//!   backtracking with `\G` and possessive quantifiers, with the same splits); its
//!   IGNORECASE words are spelt with the cases the `regex` module matches ('i' also
//!   matches 'İ', 's' also 'ſ').
//! - `_NAME`'s `(?=\s)` after a name particle only forbids a particle as the last word
//!   (before the end, or before a final line break, where Python's `$` matches too): the
//!   pattern here spells that out.
//! - `_FIRST_TOKENS`'s closing `(?=[^\p{L}\p{N}]|$)` consumes its character, and an empty
//!   group marks where the match ends.
//! - `_URL`'s `\S{1,2000}` is counted in code (a bounded repeat of a large class).
//!
//! Text positions that the Python counts in code points (`text[:30]`, `len(head)`) are
//! counted in characters here too.

use std::borrow::Borrow;
use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;

use super::agency::cut_dateline;
use super::dates::{find_dates, DateHit};
use super::title::TITLE_MAX_WORDS;
use super::{char_len, char_offset, regex};
use crate::features::{capital_share, Line};
use crate::lexicon::{Lexicon, MetaSection};
use crate::normalize::{self, fold, folded, tokens};
use crate::rules::catalog::Rule;
use crate::rules::shapes::is_embed_signature;
use crate::unicode::strip as py_strip;
use crate::unicode::{is_digit, is_lower, is_upper, lower, rstrip, rx_digit, rx_space, split};
use crate::Set;

/// A metadata line's verdict: its field and what it holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MetaHit {
    /// A metadata rule of the catalogue (`Rule::Date`, `Rule::Byline`, ...).
    pub rule: Rule,
    /// Authors, the ISO date, the source URL, ...
    pub value: Vec<String>,
    /// A headline found on a date line (date + title + date).
    pub title: Option<String>,
    /// A byline found on a date line ("May 19, 2024 by X").
    pub authors: Vec<String>,
    /// Read from the line's neighbours or its shape alone, not from a label: a name alone
    /// on a line (an author only when no byline names one), an image's description over
    /// its caption ([`image_descriptions`]). The body's span scores such a line as the
    /// line it is, not as metadata.
    pub weak: bool,
    /// Names beside a date with no byline label ("Zach Lezberg | May 22, 2025").
    pub named: Vec<String>,
}

impl MetaHit {
    /// A hit of `rule` holding `value`, nothing else (`MetaHit(rule, value)`).
    pub fn new(rule: Rule, value: Vec<String>) -> MetaHit {
        MetaHit {
            rule,
            value,
            title: None,
            authors: Vec::new(),
            weak: false,
            named: Vec::new(),
        }
    }
}

/// Characters of program code, never of a date line: 'WHERE u.created_at > \'2024-01-01\'',
/// 'GET /reports?from=2025-01-01&to=2025-12-31' (wcxb_dev 4414, 2453: the dates of a
/// tutorial's code listings; 4414's was taken for the article's). No date line of the dev
/// corpora has one.
pub const CODE_MARKS: &[char] = &['=', '<', '>', '{', '}', ';', '`'];
/// A date line may carry a few words besides the date ("Live TV", "Actualizat", "|").
pub const DATE_LINE_MAX_OTHER_WORDS: usize = 4;
/// A byline names at most this many words after its label ("By Jane Doe and John Roe").
pub const BYLINE_MAX_WORDS: usize = 10;
/// A caption/credit line before or after its label: captions are one or two sentences.
pub const CAPTION_MAX_WORDS: u32 = 45;
/// A credit line names its agency and little else.
pub const CREDIT_MAX_WORDS: u32 = 12;
/// A caption that closes with its photo credit in brackets ('... in Shanghai, China.
/// (Photo by Zhao Yun/VCG via Getty Images)', '(Image: GETTY)', '(Credit: iStock)') is a
/// caption at any length up to this: Getty's captions run to 116 words in the dev
/// corpora. Lines closing with such a credit: scrapinghub 46 on 14 pages, wcxb_dev 22 on
/// 4, ro_news_dev 0; in a gold body 2, both the credit alone ('(Image credit: All About
/// Space)', space.com).
pub const CLOSING_CREDIT_MAX_WORDS: u32 = 150;
/// A credit line without a '/' separator names the agency and little else ("Pixabay",
/// "Foto Facebook", "AFP / Getty" has one).
pub const CREDIT_ALONE_MAX_WORDS: u32 = 4;
/// A caption label ("Colaj foto", "Ảnh minh họa") stands in this many characters before
/// its colon.
pub const LABEL_MAX_CHARS: usize = 30;
/// A name alone on a line: two to four words ('Taya Iv', 'Ana-Maria Tapescu').
pub const BARE_NAME_WORDS: (usize, usize) = (2, 4);
/// A byline label inside a date line opens its piece when at most this many words stand
/// before it ('by X on', 'Author Posted by X on'); only then (or after a sentence's end:
/// 'By X on') do the names end at a lower-case word, not in 'The bill was passed by
/// Congress on May 3'. wcxb_dev authors: any position 296 of 616, 2 words 295, 1 word 294.
pub const LABEL_LEAD_WORDS: usize = 2;
/// Byline words that introduce a name inside a date line in any case ("By X | May 19").
const BY_WORDS: [&str; 5] = ["by", "von", "par", "por", "przez"];
/// Those of them that a scraper glues to the name ('ByKathryn GiuffridaMar 5, 2025'): not
/// 'von', a particle inside names ('VonDerHeide'). wcxb_dev authors 303 -> 310 of 616.
const GLUED_BY_WORDS: [&str; 4] = ["by", "par", "por", "przez"];
/// A dateline alone on its line: a place, a date, the agency.
pub const DATELINE_MAX_WORDS: u32 = 8;
/// A headline found beside a date has at least this many words (one word fewer than a
/// free-standing headline: the date makes the line's role clear); at most title.rs's
/// maximum.
pub const DATE_TITLE_MIN_WORDS: usize = 3;
/// A line longer than this is not read as a date line (`pipeline.DATE_LINE_MAX_WORDS`).
pub const DATE_LINE_MAX_WORDS: u32 = 45;
/// `_URL`'s bound on the characters after 'https://' or 'www.'.
const URL_MAX_CHARS: usize = 2000;
/// How many leading tokens a label has at most (`_label_prefix` tries 3, 2, 1).
const LABEL_MAX_TOKENS: usize = 3;
/// Sponsored-content markers, alone on a line.
const SPONSORED_MARKS: [&str; 3] = ["(P)", "[P]", "(p)"];
/// Characters stripped from the edges of a date line's pieces and of names.
const EDGE_PUNCT: &[char] = &[' ', '|', '-', '–', '—', ':', '·', '•', ',', ';', '/'];
/// A single token that is a file name or an agency photo id: not a credit line.
const FILE_EXTENSIONS: [&str; 5] = [".jpg", ".jpeg", ".png", ".gif", ".webp"];
/// `_LONG_NUMBER`: this many digits in a row make a photo id.
const LONG_NUMBER_DIGITS: usize = 5;
/// Lower-case words that a run of names may hold: particles ('Ludwig van Beethoven') and
/// the words that join two names ('Jane Doe and John Roe', as in `NAME_SPLIT` and
/// `NAME`). Any other lower-case word ends the names: 'By Alyssa Maio on January 21,
/// 2023', 'By MixmasterFred in WorkshopWoodworking', 'Posted by BeauHD on Friday December
/// 19, 2025'.
const NAME_PARTICLES: [&str; 11] = [
    "de", "da", "van", "von", "der", "di", "del", "la", "le", "bin", "al",
];
/// See [`NAME_PARTICLES`].
const NAME_JOINERS: [&str; 15] = [
    "and", "și", "si", "şi", "und", "e", "y", "et", "i", "és", "và", "en", "og", "och", "a",
];
/// Words that follow a separator between two names (`_NAME_SPLIT`'s first alternative).
const SEPARATOR_JOINERS: [&str; 6] = ["and", "și", "und", "et", "y", "e"];

/// The cases that the `regex` module's IGNORECASE matches for a letter of the joining
/// words (it matches 'İ' for 'i' and 'ſ' for 's'; the `regex` crate does not).
fn case_class(c: char) -> String {
    match c {
        'i' => "[iIİ]".to_owned(),
        's' => "[sSſ]".to_owned(),
        'ș' => "[șȘ]".to_owned(),
        'ş' => "[şŞ]".to_owned(),
        'é' => "[éÉ]".to_owned(),
        'à' => "[àÀ]".to_owned(),
        c => format!("[{c}{}]", c.to_uppercase()),
    }
}

/// An alternation of `words`, case-insensitive as the `regex` module's IGNORECASE.
fn any_case(words: &[&str]) -> String {
    let alternatives: Vec<String> = words
        .iter()
        .map(|w| w.chars().map(case_class).collect())
        .collect();
    format!("(?:{})", alternatives.join("|"))
}

// `_NAME_SPLIT`: what separates two names (its plain form, see the module docs).
static NAME_SPLIT: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"[%s%]*(?:,|;|&|\|)[%s%]*(?:{}[%s%]+)?|[%s%]+{}[%s%]+",
        any_case(&SEPARATOR_JOINERS),
        any_case(&NAME_JOINERS),
    ))
});
// `_NAME`: capitalised words (initials such as "M." included: a capital and its dot),
// joined by one or two spaces or particles; a particle is never the last word.
static NAME: LazyLock<Regex> = LazyLock::new(|| {
    let word = r"[%Lu%][%L%'’.\-]*";
    let particle = r"(?:de|da|van|von|der|di|del|la|le|bin|al|-)";
    let space = r"[%s%]{1,2}";
    regex(&format!(
        r"\A{word}(?:(?:{space}{particle})*{space}{word})*(?:(?:{space}{particle})+\n|\n)?\z"
    ))
});
// `_FIRST_TOKENS`: matchers for "the first n word tokens" (labels have at most 3 words);
// the group `e` marks the match's end (the look-ahead's character is consumed).
static FIRST_TOKENS: LazyLock<[Regex; LABEL_MAX_TOKENS + 1]> = LazyLock::new(|| {
    std::array::from_fn(|n| {
        regex(&format!(
            r"\A[^%L%%N%]{{0,10}}(?:[%L%%N%]+[^%L%%N%]{{0,10}}?){{{n}}}(?P<e>)(?:[^%L%%N%]|\z)"
        ))
    })
});
// `_INITIAL_END`: an initial's full stop ends the text ('M.').
static INITIAL_END: LazyLock<Regex> = LazyLock::new(|| regex(r"(?:\A|[%s%.])[%Lu%]\.\n?\z"));
// `_LABEL_SEP`: a separator after a label.
static LABEL_SEP: LazyLock<Regex> = LazyLock::new(|| regex(r"\A[%s%]*[:：\-–—|]?[%s%]*"));
// `_CLOSING_CREDIT`: '(<label>: <credit>)' or '(<label> by <credit>)' ending the line.
static CLOSING_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"\((?P<label>[^():]{1,30}?)(?:[%s%]?:|[%s%](?:by|von|par|por|de|di|door)[%s%])[^()]{1,120}\)[^%w%]{0,3}\n?\z",
    )
});
// `_WORD_BEFORE_COLON`: a word right before a colon ('Reviewed By:', 'Autor:').
static WORD_BEFORE_COLON: LazyLock<Regex> =
    LazyLock::new(|| regex(r"(?P<w>[%L%]{1,30})[%s%]?[:：]"));
// `_FIELD_SPLIT`: what ends the names of a byline and starts another field on the same
// line ('Jason Rostar | SEO | 8 min Read'): wcxb_dev authors 266 -> 270 of 616.
static FIELD_SPLIT: LazyLock<Regex> = LazyLock::new(|| regex(r"[|•·—]| [–-] "));
// `_URL` up to the first character after its scheme ('https?://\S{1,2000}|www\.\S{1,2000}').
static URL_START: LazyLock<Regex> = LazyLock::new(|| regex(r"https?://[^%s%]|www\.[^%s%]"));

/// `str.strip(_EDGE_PUNCT)`.
fn strip_edges(text: &str) -> &str {
    text.trim_matches(EDGE_PUNCT)
}

/// `_URL.search(text)`: the span of the first URL.
fn url_search(text: &str) -> Option<&str> {
    let m = URL_START.find(text)?;
    let first = text[..m.end()]
        .chars()
        .next_back()
        .map_or(0, char::len_utf8);
    let body = m.end() - first;
    let len: usize = text[body..]
        .chars()
        .take_while(|&c| !rx_space(c))
        .take(URL_MAX_CHARS)
        .map(char::len_utf8)
        .sum();
    Some(&text[m.start()..body + len])
}

/// How many folded tokens `text` has (`len(fold_tokens(text))`).
fn n_fold_tokens(text: &str) -> usize {
    tokens(&folded(text)).count()
}

/// `word[:1].islower()`.
fn starts_lower(word: &str) -> bool {
    word.chars().next().is_some_and(is_lower)
}

/// `word[:1].isupper()`.
fn starts_upper(word: &str) -> bool {
    word.chars().next().is_some_and(is_upper)
}

/// The first `n` tokens of a key (`" ".join(tokens[:n])`), when it has that many.
fn key_prefix(key: &str, n: usize) -> Option<&str> {
    if n == 0 || key.is_empty() {
        return None;
    }
    let mut spaces = key.match_indices(' ').map(|(i, _)| i);
    match spaces.nth(n - 1) {
        Some(i) => Some(&key[..i]),
        None => (key.split(' ').count() == n).then_some(key),
    }
}

/// The tokens of a key after its first `n` (`" ".join(tokens[n:])`).
fn key_suffix(key: &str, n: usize) -> &str {
    if n == 0 {
        return key;
    }
    key.match_indices(' ')
        .nth(n - 1)
        .map_or("", |(i, _)| &key[i + 1..])
}

/// A date line's verdict (`date_line`): a line that is a date (with a label, a time, a
/// few words), or date + headline; `month_first` reads 03/04/2025 as March 4.
pub fn date_line(
    line: &Line,
    lexicon: &Lexicon,
    year_hint: Option<i32>,
    month_first: bool,
) -> Option<MetaHit> {
    let text = line.text();
    let hits = find_dates(text, &lexicon.months, year_hint, month_first);
    if hits.is_empty() || url_search(text).is_some() {
        return None; // a date inside a URL is not a date line ("Source: https://.../2025-02-15/")
    }
    let labels = lexicon.meta(MetaSection::DateLabel);
    let mut pieces: Vec<&str> = Vec::with_capacity(hits.len() + 1);
    let mut cursor = 0;
    for h in &hits {
        pieces.push(&text[cursor..h.start]);
        cursor = h.end;
    }
    pieces.push(&text[cursor..]);
    let rest: Vec<String> = pieces
        .iter()
        .map(|p| strip_edges(p))
        .filter(|p| !p.is_empty())
        .map(|p| strip_labels(p, labels))
        .filter(|p| !p.is_empty())
        .collect();
    let iso = most_precise(&hits);
    let authors: Vec<String> = rest
        .iter()
        .flat_map(|piece| names_after_label(piece, lexicon))
        .collect();
    if !authors.is_empty() {
        // "Published August 7, 2023 by Nicole Burke", "by Karina Cohen | May 19, 2024"
        return Some(MetaHit {
            authors,
            ..MetaHit::new(Rule::Date, vec![iso])
        });
    }
    let other_words: usize = rest.iter().map(|p| n_fold_tokens(p)).sum();
    if other_words <= DATE_LINE_MAX_OTHER_WORDS {
        return Some(MetaHit {
            named: names_beside(&rest, lexicon),
            ..MetaHit::new(Rule::Date, vec![iso])
        });
    }
    if line.ends_sentence() {
        return None; // a sentence that mentions a date
    }
    // max(rest, key=len): the first of the longest (in characters).
    let mut longest: &str = &rest[0];
    let mut longest_len = char_len(longest);
    for p in &rest[1..] {
        let n = char_len(p);
        if n > longest_len {
            (longest, longest_len) = (p, n);
        }
    }
    let title_words = n_fold_tokens(longest);
    if (DATE_TITLE_MIN_WORDS..=TITLE_MAX_WORDS as usize).contains(&title_words)
        && other_words - title_words <= DATE_LINE_MAX_OTHER_WORDS
    {
        return Some(MetaHit {
            title: Some(longest.to_owned()),
            ..MetaHit::new(Rule::Date, vec![iso])
        });
    }
    None
}

/// `_names_beside`: the fields of a date line's other words that read as a person's name
/// ('Zach Lezberg | May 22, 2025', '2025-12-17·Trond Teigen').
fn names_beside(pieces: &[String], lexicon: &Lexicon) -> Vec<String> {
    let mut out = Vec::new();
    for p in pieces {
        for f in FIELD_SPLIT.split(p) {
            let f = py_strip(f);
            let n = split(f).count();
            if (BARE_NAME_WORDS.0..=BARE_NAME_WORDS.1).contains(&n)
                && person_name(f, &fold(f), lexicon).is_some()
            {
                out.push(f.to_owned());
            }
        }
    }
    out
}

/// `_most_precise`: the first date, with its time when another reading of the same day
/// has one (the first of the longest).
fn most_precise(hits: &[DateHit]) -> String {
    let day = |iso: &str| iso.get(..10).unwrap_or(iso).to_owned();
    let first = hits.first().map_or(String::new(), |h| day(&h.iso));
    let mut best: &str = "";
    let mut found = false;
    for h in hits.iter().filter(|h| day(&h.iso) == first) {
        if !found || h.iso.len() > best.len() {
            best = &h.iso;
            found = true;
        }
    }
    best.to_owned()
}

/// `_names_after_label`: names after a byline label inside a piece of a date line: 'by
/// Nicole Burke'; after a label that opens the piece or a sentence, the names before a
/// lower-case word ('Posted by BeauHD on Friday', '... Canada. By Lisa Jennings on'; not
/// 'The budget was passed by Congress on').
fn names_after_label(piece: &str, lexicon: &Lexicon) -> Vec<String> {
    let words: Vec<&str> = split(piece).flat_map(unglued).collect();
    let labels = lexicon.meta(MetaSection::Byline);
    if words.is_empty() {
        return Vec::new();
    }
    for (i, word) in words[..words.len() - 1].iter().enumerate() {
        let folded = fold(word);
        if (labels.contains(folded.as_str()) && starts_lower(word))
            || BY_WORDS.contains(&folded.as_str())
        {
            let stop = (i + 1 + BYLINE_MAX_WORDS).min(words.len());
            let names = words[i + 1..stop].join(" ");
            let opens = i <= LABEL_LEAD_WORDS || starts_upper(word);
            let head = if opens {
                names_head(&names)
            } else {
                Cow::Borrowed(names.as_str())
            };
            let found = split_names(strip_edges(&head));
            if !found.is_empty() && found.iter().all(|n| NAME.is_match(n)) {
                return found;
            }
        }
    }
    Vec::new()
}

/// `[n.strip() for n in _NAME_SPLIT.split(text) if n and n.strip()]`.
fn split_names(text: &str) -> Vec<String> {
    NAME_SPLIT
        .split(text)
        .map(py_strip)
        .filter(|n| !n.is_empty())
        .map(str::to_owned)
        .collect()
}

/// `_names_head`: `text` up to its first lower-case word that is neither a particle nor
/// a joiner (the words joined by one space), or `text` itself when it has none.
fn names_head(text: &str) -> Cow<'_, str> {
    let words: Vec<&str> = split(text).collect();
    for (k, word) in words.iter().enumerate() {
        if starts_lower(word) && !NAME_PARTICLES.contains(word) && !NAME_JOINERS.contains(word) {
            return Cow::Owned(words[..k].join(" "));
        }
    }
    Cow::Borrowed(text)
}

/// `_unglued`: a byline word glued to the name after it by a scraper that dropped the
/// space ('ByKathryn' -> 'By', 'Kathryn'); not a name particle ('DeSantis',
/// 'VonDerHeide').
fn unglued(word: &str) -> impl Iterator<Item = &str> {
    let chars: Vec<(usize, char)> = word.char_indices().take(8).collect();
    let n_chars = char_len(word);
    for by in GLUED_BY_WORDS {
        let k = by.len(); // ASCII: characters are bytes
        let glued = n_chars > k + 1 && is_upper(chars[k].1) && is_lower(chars[k - 1].1);
        if glued {
            let cut = chars[k].0;
            if lower(&word[..cut]) == by {
                return [Some(&word[..cut]), Some(&word[cut..])]
                    .into_iter()
                    .flatten();
            }
        }
    }
    [Some(word), None].into_iter().flatten()
}

/// A person's name alone on a line ('Taya Iv', 'Cristina Petrache'): a byline when it
/// stands between the title and the body (the caller checks the position).
pub fn bare_name(line: &Line, lexicon: &Lexicon) -> Option<MetaHit> {
    let n = line.n_words() as usize;
    if !(BARE_NAME_WORDS.0..=BARE_NAME_WORDS.1).contains(&n) {
        return None;
    }
    let name = person_name(line.text().trim_end_matches('.'), line.key(), lexicon)?;
    Some(MetaHit {
        weak: true,
        ..MetaHit::new(Rule::Byline, vec![name.to_owned()])
    })
}

/// `_person_name`: `text` when it reads as a person's name: capitalised words, no digit,
/// no interface word ('Live TV', 'Digi Sport'). `key`: its folded tokens, joined.
fn person_name<'t>(text: &'t str, key: &str, lexicon: &Lexicon) -> Option<&'t str> {
    if text.chars().any(is_digit) || !NAME.is_match(text) {
        return None;
    }
    let exact = &lexicon.phrases.exact;
    let tokens = normalize::key_tokens(key);
    if exact.contains_key(key) || tokens.clone().any(|t| exact.contains_key(t)) {
        return None;
    }
    Some(text)
}

/// The first token of the line is the head of a metadata label.
fn opens_with_label_head(line: &Line, lexicon: &Lexicon) -> bool {
    line.tokens()
        .next()
        .is_some_and(|t| lexicon.label_heads.contains(t))
}

/// The alt text of an author's photo: 'Picture of Andrew King', 'Headshot of Liz Kenny'
/// (a name given twice, 'Picture of Adam Hamilton Adam Hamilton', once): a weak byline.
pub fn portrait(line: &Line, lexicon: &Lexicon) -> Option<MetaHit> {
    if !opens_with_label_head(line, lexicon) {
        return None;
    }
    let n = label_prefix(line.key(), lexicon.meta(MetaSection::Portrait));
    let rest = i64::from(line.n_words()) - n as i64;
    let bounds = BARE_NAME_WORDS.0 as i64..=2 * BARE_NAME_WORDS.1 as i64;
    if n == 0 || !bounds.contains(&rest) {
        return None;
    }
    let after = after_label(line.text(), n);
    let mut words: Vec<&str> = split(after).collect();
    let half = words.len() / 2;
    if words.len() % 2 == 0 && words[..half] == words[half..] {
        words.truncate(half);
    }
    if !(BARE_NAME_WORDS.0..=BARE_NAME_WORDS.1).contains(&words.len()) {
        return None;
    }
    let joined = words.join(" ");
    let name = person_name(&joined, key_suffix(line.key(), n), lexicon)?;
    Some(MetaHit {
        weak: true,
        ..MetaHit::new(Rule::Byline, vec![name.to_owned()])
    })
}

/// `_strip_labels`: drop date labels ("Publicat", "Data publicării:", "date") at the
/// edges of a piece.
fn strip_labels(piece: &str, labels: &Set<Box<str>>) -> String {
    let all: Vec<&str> = split(piece).collect();
    let mut words: &[&str] = &all;
    let mut changed = true;
    while !words.is_empty() && changed {
        changed = false;
        for n in (1..=LABEL_MAX_TOKENS).rev() {
            if words.len() >= n && labels.contains(fold(&words[..n].join(" ")).as_str()) {
                words = &words[n..];
                changed = true;
                break;
            }
            if words.len() >= n
                && labels.contains(fold(&words[words.len() - n..].join(" ")).as_str())
            {
                words = &words[..words.len() - n];
                changed = true;
                break;
            }
        }
    }
    strip_edges(&words.join(" ")).to_owned()
}

/// `_label_prefix`: how many leading tokens of `key` form a label from `labels` (0 when
/// none).
fn label_prefix(key: &str, labels: &Set<Box<str>>) -> usize {
    (1..=LABEL_MAX_TOKENS)
        .rev()
        .find(|&n| key_prefix(key, n).is_some_and(|p| labels.contains(p)))
        .unwrap_or(0)
}

/// `_after_label_raw`: the text right after the first `n_tokens` word tokens (separators
/// kept, leading spaces gone).
fn after_label_raw(text: &str, n_tokens: usize) -> &str {
    let re = &FIRST_TOKENS[n_tokens.min(LABEL_MAX_TOKENS)];
    match re.captures(text).and_then(|c| c.name("e")) {
        Some(e) => text[e.end()..].trim_start_matches(' '),
        None => "",
    }
}

/// `_after_label`: the text after the first `n_tokens` word tokens and any ':' / '-'
/// separator.
fn after_label(text: &str, n_tokens: usize) -> &str {
    let raw = after_label_raw(text, n_tokens);
    let sep = LABEL_SEP.find(raw).map_or(0, |m| m.end());
    py_strip(&raw[sep..])
}

/// 'Editor : M.I.', 'By Jane Doe and John Roe', 'De Ion Popescu', 'Autor: X'.
pub fn byline(line: &Line, lexicon: &Lexicon) -> Option<MetaHit> {
    if !opens_with_label_head(line, lexicon) {
        return None;
    }
    let n = label_prefix(line.key(), lexicon.meta(MetaSection::Byline));
    let n_words = line.n_words() as usize;
    if n == 0 || n_words.saturating_sub(n) > BYLINE_MAX_WORDS || n_words == n {
        return None;
    }
    let raw = after_label_raw(line.text(), n);
    if n == 1 && n_words == 2 && !raw.starts_with([':', '：']) {
        // 'By Industry', 'By Role': a menu's facets (38 such lines on 16 wcxb_dev pages,
        // one a byline: 'By Clay'), not 'Autor: admin' or 'Written by Kristin'.
        return None;
    }
    let mut names_text: Cow<'_, str> = Cow::Borrowed(after_label(line.text(), n));
    let first = first_segment(&names_text);
    if first.len() < names_text.len()
        && find_dates(&names_text[first.len()..], &lexicon.months, None, false).is_empty()
    {
        names_text = Cow::Owned(first.to_owned()); // (a date after the names: the date line reads both)
    }
    // Names end at a lower-case word, in a line that is not a sentence ('Reporter: Will
    // every school open on time?' names nobody).
    let head = names_head(&names_text).into_owned();
    let head_chars = char_len(&head);
    if head_chars < char_len(&names_text) && !line.ends_sentence() {
        // names_text[len(head):]: the head's length in characters, as Python slices.
        let tail = &names_text[char_offset(&names_text, head_chars)..];
        if find_dates(tail, &lexicon.months, None, false).is_empty() {
            names_text = Cow::Owned(head);
        }
    }
    let mut names_text: &str = rstrip(&names_text);
    if names_text.ends_with('.') && !INITIAL_END.is_match(names_text) {
        names_text = &names_text[..names_text.len() - 1]; // a sentence's full stop, not an initial's
    }
    let names = split_names(names_text);
    if names.is_empty() || !names.iter().all(|s| NAME.is_match(s)) {
        return None;
    }
    Some(MetaHit::new(Rule::Byline, names))
}

/// A line with a byline label before a colon ('Reviewed By: Mike Rebold, PhD, CSCS',
/// 'Edited by: Kristina Zagame'), even one whose names [`byline`] does not read: no
/// headline. wcxb_dev: 5 such lines were chosen as the title, no gold title has one.
pub fn labels_a_byline(line: &Line, lexicon: &Lexicon) -> bool {
    let text = line.text();
    if !text.contains([':', '：']) {
        return false; // most lines: no regex pass
    }
    let labels = lexicon.meta(MetaSection::Byline);
    WORD_BEFORE_COLON.captures_iter(text).any(|c| {
        c.name("w")
            .is_some_and(|w| labels.contains(fold(w.as_str()).as_str()))
    })
}

/// `_first_segment`: the names before a separator that starts the line's next field:
/// 'Jason Rostar | SEO | 8 min Read', 'Jacob Trussell—10 min read', 'Jane Doe • 5 min'.
fn first_segment(text: &str) -> &str {
    let from = char_offset(text, 1);
    match FIELD_SPLIT.find_at(text, from) {
        Some(m) => &text[..m.start()],
        None => text,
    }
}

/// A photo caption or credit: 'Foto: X', '... Colaj foto: X', '(Foto: X) |', 'Ảnh: X', a
/// caption closing with its credit in brackets ('... (Photo by X/Getty Images)'), or a
/// short credit line naming a photo agency ('Inquam Photos / Octav Ganea').
pub fn caption(line: &Line, lexicon: &Lexicon) -> Option<MetaHit> {
    let text = line.text();
    let labels = lexicon.meta(MetaSection::Caption);
    let hit = || Some(MetaHit::new(Rule::Caption, vec![text.to_owned()]));
    if line.n_words() <= CLOSING_CREDIT_MAX_WORDS && (text.ends_with(')') || text.ends_with(").")) {
        if let Some(label) = CLOSING_CREDIT.captures(text).and_then(|c| c.name("label")) {
            if labels.contains(fold(label.as_str()).as_str()) {
                return hit();
            }
        }
    }
    if line.n_words() > CAPTION_MAX_WORDS || (!text.contains(' ') && is_file_name(text)) {
        return None;
    }
    let n = if opens_with_label_head(line, lexicon) {
        label_prefix(line.key(), labels)
    } else {
        0
    };
    if n > 0 {
        let after = after_label_raw(text, n);
        // "Foto: X" / "Fot. PAP/X" / "Foto Lucian Alecu / Profimedia"; not "Fotos aus der
        // Region zeigen ... ." (a sentence that starts with the word).
        if after.starts_with([':', '.', '：'])
            || (line.n_words() <= CREDIT_MAX_WORDS && !line.ends_sentence())
        {
            return hit();
        }
    }
    if text.contains(':') && labelled_tail(text, labels) {
        return hit();
    }
    if (text.contains('/') || line.n_words() <= CREDIT_ALONE_MAX_WORDS)
        && line.n_words() <= CREDIT_MAX_WORDS
        && !line.ends_sentence()
        && url_search(text).is_none()
    {
        let credits = lexicon.meta(MetaSection::CreditAgency);
        let heads = &lexicon.label_heads;
        if line.tokens().any(|t| heads.contains(t)) && any_ngram_in(line.key(), credits) {
            return hit();
        }
    }
    None
}

/// An image's description (its alt text, which the dump keeps as a line of its own) has
/// at least this many words ('Soccer ball on grass') ...
pub const IMAGE_DESCRIPTION_MIN_WORDS: u32 = 3;
/// ... and at most this many: alt texts describe, captions (which end in a full stop)
/// tell.
pub const IMAGE_DESCRIPTION_MAX_WORDS: u32 = 20;
/// An image's description is written in sentence case: fewer of its words after the
/// first than this share start upper-case. Headings over a credit are title case ('Full-Stack Web
/// Development Certificate' over 'Photo Courtesy of Noble Desktop', wcxb_dev 0030): with
/// no such bound, the lines taken held 296 gold tokens of wcxb_dev against 1,428 others;
/// with it, 61 against 823.
pub const IMAGE_DESCRIPTION_MAX_CAPITALISED: f64 = 0.5;

/// The lines that describe the image whose caption or credit follows them (issue 14,
/// family 7): 'A dark blue washing machine sits on a white sudsy background' over
/// 'Credit: Reviewed / Betsy Bauer'. A short line in sentence case that does not end a
/// sentence, right above a caption line and right below a paragraph: a headline over the
/// lead photo's credit stays the headline (with the page's first prose line anywhere
/// above instead, 5 wcxb_dev headlines were taken for descriptions: menus hold prose
/// too).
pub fn image_descriptions<'a, 'l: 'a, L: Borrow<Line<'l>>>(
    lines: &'a [L],
    captions: impl Iterator<Item = usize> + 'a,
    claimed: impl Fn(usize) -> bool + 'a,
) -> impl Iterator<Item = usize> + 'a {
    let line = move |i: usize| lines[i].borrow();
    captions
        .filter(move |&c| c >= 2 && line(c - 2).is_prose() && credits(line(c)))
        .map(|c| c - 1)
        .filter(move |&i| !claimed(i) && describes_image(line(i)))
}

/// A caption line below an image's description credits the image: a label or an
/// agency before a colon, a slash, a '©' or brackets ('Credit: Serious Eats', 'AP Photo/
/// Evan Vucci'), or a few words ('Photo Courtesy of Noble Desktop'). Not a line that the
/// caption rule read from a label word alone ('Photos can be shuffled or displayed in a
/// fixed order', a feature list's item, wcxb_dev 2740), over which the list's other items
/// were taken for descriptions.
fn credits(line: &Line) -> bool {
    line.n_words() <= CREDIT_LIKE_MAX_WORDS || line.text().contains(CREDIT_MARKS)
}

/// A credit line of this many words or fewer needs no mark ([`credits`]).
pub const CREDIT_LIKE_MAX_WORDS: u32 = 6;
/// What separates a credit's label or agency from its name ([`credits`]).
const CREDIT_MARKS: &[char] = &[':', '/', '©', '(', '|'];

/// The shape of an image's description ([`image_descriptions`]).
fn describes_image(line: &Line) -> bool {
    (IMAGE_DESCRIPTION_MIN_WORDS..=IMAGE_DESCRIPTION_MAX_WORDS).contains(&line.n_words())
        && !line.ends_sentence()
        && !line.ends_ellipsis()
        && !rstrip(line.text()).ends_with([':', ';'])
        && capital_share(split(line.text()).skip(1)) < IMAGE_DESCRIPTION_MAX_CAPITALISED
}

/// `_is_file_name`: 'dpa_5F9A6C00.jpg', 'GettyImages-2161234567', 'shutterstock_1234': a
/// file name or an agency photo id.
fn is_file_name(token: &str) -> bool {
    let low = lower(token);
    if FILE_EXTENSIONS.iter().any(|e| low.ends_with(e)) {
        return true;
    }
    let mut run = 0;
    for c in token.chars() {
        run = if rx_digit(c) { run + 1 } else { 0 };
        if run >= LONG_NUMBER_DIGITS {
            return true;
        }
    }
    token
        .find('_')
        .is_some_and(|u| token[u..].chars().any(rx_digit))
}

/// `_labelled_tail`: does the line end with '<label>: <credit>' ('... Colaj foto:
/// Profimedia Images', '(Foto: Russisches Außenministerium) |')? The label is the one or
/// two words before the last colon; the credit after it is short and has no other colon.
fn labelled_tail(text: &str, labels: &Set<Box<str>>) -> bool {
    let Some(colon) = text.rfind(':') else {
        return false;
    };
    // text[max(0, colon - LABEL_MAX_CHARS) : colon], in characters.
    let colon_chars = char_len(&text[..colon]);
    let from = char_offset(text, colon_chars.saturating_sub(LABEL_MAX_CHARS));
    let before = folded(&text[from..colon]);
    let before: Vec<&str> = tokens(&before).collect();
    let Some(last) = before.last() else {
        return false;
    };
    let two = before.len() > 1 && labels.contains(before[before.len() - 2..].join(" ").as_str());
    if !(labels.contains(*last) || two) {
        return false; // (the label first: it is the short piece, and rarely there)
    }
    let credit = n_fold_tokens(&text[colon + 1..]);
    credit > 0 && credit <= CREDIT_MAX_WORDS as usize
}

/// Does some 1- to 3-gram of the key's tokens stand in `set` (`_ngrams(tokens, 3)`)?
fn any_ngram_in(key: &str, set: &Set<Box<str>>) -> bool {
    let bounds: Vec<(usize, usize)> = key
        .split(' ')
        .scan(0, |pos, t| {
            let start = *pos;
            *pos += t.len() + 1;
            Some((start, start + t.len()))
        })
        .collect();
    if key.is_empty() {
        return false;
    }
    (0..bounds.len()).any(|i| {
        (1..=LABEL_MAX_TOKENS)
            .filter(|n| i + n <= bounds.len())
            .any(|n| set.contains(&key[bounds[i].0..bounds[i + n - 1].1]))
    })
}

/// 'Quelle: https://...', 'Sursa: Digi24', 'Source: Reuters'.
pub fn source_line(line: &Line, lexicon: &Lexicon) -> Option<MetaHit> {
    if !opens_with_label_head(line, lexicon) {
        return None;
    }
    let text = line.text();
    let n = label_prefix(line.key(), lexicon.meta(MetaSection::Source));
    let head = &text[..char_offset(text, LABEL_MAX_CHARS)];
    if n == 0
        || !head.contains(':')
        || label_prefix(line.key(), lexicon.meta(MetaSection::Caption)) > 0
    {
        return None; // "Sursa foto: X" is a photo credit
    }
    let rest = after_label(text, n);
    if let Some(url) = url_search(rest) {
        let url = url.trim_end_matches(['.', ',', ';', ')']);
        return Some(MetaHit::new(Rule::Source, vec![url.to_owned()]));
    }
    let words = n_fold_tokens(rest);
    if words > 0 && words <= CREDIT_MAX_WORDS as usize {
        return Some(MetaHit::new(Rule::Source, Vec::new()));
    }
    None
}

/// A dateline on a line of its own: 'BUCUREȘTI, 12 mai (Agerpres) -'.
pub fn dateline(line: &Line, lexicon: &Lexicon) -> Option<MetaHit> {
    let text = line.text();
    if line.n_words() > DATELINE_MAX_WORDS || !text.contains(['(', '/']) {
        return None;
    }
    let (agency, rest) = cut_dateline(text, lexicon.meta(MetaSection::NewsAgency), true)?;
    rest.is_empty()
        .then(|| MetaHit::new(Rule::Agency, vec![agency.to_owned()]))
}

/// The sponsored-content marker '(P)' on a line of its own.
pub fn sponsored(line: &Line) -> Option<MetaHit> {
    SPONSORED_MARKS
        .contains(&line.text())
        .then(|| MetaHit::new(Rule::Sponsored, Vec::new()))
}

/// The metadata field a line holds (`pipeline._metadata`); `month_first`: numeric dates
/// of the page's language put the month first (03/04/2025 is March 4). Specific before
/// generic: a source or dateline may name an agency that is also a photo credit
/// ("Source: https://www.reuters.com/...", "BUCUREȘTI (Agerpres) -").
pub fn line_metadata(line: &Line, lexicon: &Lexicon, month_first: bool) -> Option<MetaHit> {
    let mut hit = sponsored(line).or_else(|| byline(line, lexicon));
    if hit.is_none()
        && line.n_words() <= DATE_LINE_MAX_WORDS
        && line.text().chars().any(rx_digit)
        && !is_embed_signature(line)
        && !line.text().contains(CODE_MARKS)
    {
        hit = date_line(line, lexicon, None, month_first);
    }
    hit.or_else(|| source_line(line, lexicon))
        .or_else(|| dateline(line, lexicon))
        .or_else(|| portrait(line, lexicon))
        .or_else(|| caption(line, lexicon))
}

#[cfg(test)]
mod tests {
    use std::sync::LazyLock;

    use super::*;
    use crate::config::Config;
    use crate::features::{leak, make_line};
    use crate::lexicon::Sources;

    /// The packaged language data (without jusText's stop lists: the metadata readers
    /// read no stop words).
    static LEX: LazyLock<Lexicon> = LazyLock::new(|| {
        macro_rules! phrase_files {
            ($($name:literal),*) => {
                vec![$((
                    concat!("phrases/", $name, ".txt"),
                    include_str!(concat!("../../../../src/cleannews/langdata/phrases/", $name, ".txt")),
                )),*]
            };
        }
        let sources = Sources {
            phrases: phrase_files!(
                "de", "en", "es", "fr", "hu", "it", "nl", "pl", "pt", "ro", "vi"
            ),
            metadata: Some(include_str!(
                "../../../../src/cleannews/langdata/metadata.txt"
            )),
            months: include_str!("../../../../src/cleannews/langdata/months.tsv"),
            comment_thread: include_str!("../../../../src/cleannews/langdata/comment_thread.tsv"),
            date_order: include_str!("../../../../src/cleannews/langdata/date_order.tsv"),
            languages: include_str!("../../../../src/cleannews/langdata/languages.tsv"),
            stoplists: Vec::new(),
        };
        Lexicon::build(&sources).expect("the packaged files parse")
    });

    fn line(text: &str) -> Line<'_> {
        let none = Set::default();
        make_line(text, leak(fold(text)), &none, &Config::default(), &none)
    }

    fn strings(values: &[&str]) -> Vec<String> {
        values.iter().map(|&v| v.to_owned()).collect()
    }

    #[test]
    fn date_line_with_headline_between_dates() {
        let text = "date 2025-10-21 Ngoại trưởng Nga và Mỹ điện đàm 21/10/2025 08:00";
        let hit = date_line(&line(text), &LEX, None, false).expect("a date line");
        assert_eq!(hit.value, ["2025-10-21T08:00"]);
        assert_eq!(
            hit.title.as_deref(),
            Some("Ngoại trưởng Nga và Mỹ điện đàm")
        );
    }

    #[test]
    fn a_line_with_a_bare_year_is_no_date_line() {
        // The text path reads a date only where a day is written (issue 14, family 9).
        for text in [
            "Bugetul pe 2026",
            "Bugetul pe 2026: ce se schimbă",
            "© 2026 Gazeta",
            "Actualizat ianuarie 2026",
            "Publicat: 2026",
        ] {
            let l = line(text);
            assert_eq!(date_line(&l, &LEX, None, false), None, "{text}");
            assert_ne!(
                line_metadata(&l, &LEX, false).map(|h| h.rule),
                Some(Rule::Date),
                "{text}"
            );
        }
    }

    #[test]
    fn sentences_with_a_date_are_not_date_lines() {
        for text in [
            "Pe 20 octombrie 2025, ministrul a avut o convorbire cu omologul său american.",
            "Guvernul va stabili noua dată a alegerilor, a mai spus Curtea, în 6 decembrie 2024.",
            "Source: https://example.com/2025-02-15/story",
        ] {
            assert_eq!(date_line(&line(text), &LEX, None, false), None, "{text}");
        }
    }

    #[test]
    fn bylines() {
        let cases: &[(&str, &[&str])] = &[
            ("Editor : M.I.", &["M.I."]),
            ("By Jane Doe and John Roe", &["Jane Doe", "John Roe"]),
            ("De Ion Popescu", &["Ion Popescu"]),
            (
                "Autor: Ion Popescu, Maria Ionescu",
                &["Ion Popescu", "Maria Ionescu"],
            ),
            ("By Jason Rostar | SEO | 8 min Read", &["Jason Rostar"]),
        ];
        for (text, authors) in cases {
            let hit = byline(&line(text), &LEX).expect(text);
            assert_eq!(hit.value, strings(authors), "{text}");
        }
        for text in [
            "De asemenea, au fost prezenți liderii partidelor.",
            "By Industry", // a menu's facet
        ] {
            assert_eq!(byline(&line(text), &LEX), None, "{text}");
        }
    }

    #[test]
    fn bylines_on_date_lines() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Published August 7, 2023 by Nicole Burke",
                &["Nicole Burke"],
            ),
            ("by Karina Cohen | May 19, 2024", &["Karina Cohen"]),
            ("September 1st, 2023 By Emily Norwood", &["Emily Norwood"]),
            ("ByKathryn Giuffrida Mar 5, 2025", &["Kathryn Giuffrida"]),
        ];
        for (text, authors) in cases {
            let hit = date_line(&line(text), &LEX, None, false).expect(text);
            assert_eq!(hit.authors, strings(authors), "{text}");
        }
        let hit = date_line(&line("Zach Lezberg | May 22, 2025"), &LEX, None, false);
        assert_eq!(hit.map(|h| h.named), Some(strings(&["Zach Lezberg"])));
    }

    #[test]
    fn captions_and_credits() {
        for text in [
            "Serghei Lavrov și Marco Rubio. Colaj foto: Profimedia Images",
            "Ngoại trưởng Nga Sergey Lavrov (trái) và Ngoại trưởng Mỹ. Ảnh: BỘ NGOẠI GIAO NGA",
            "Der Außenminister telefonierte. (Foto: Russisches Außenministerium) |",
            "Inquam Photos / Octav Ganea",
            "Foto: Inquam Photos / George Călin",
        ] {
            let hit = caption(&line(text), &LEX);
            assert_eq!(hit.map(|h| h.value), Some(strings(&[text])), "{text}");
        }
        assert_eq!(caption(&line("dpa_5F9A6C00.jpg"), &LEX), None);
    }

    #[test]
    fn an_image_description_is_the_line_over_a_credit() {
        let lead = "The council approved the new budget for the schools on Wednesday, and the mayor said so.";
        let described = |above: &str, credit: &str| -> bool {
            let lines: Vec<Line> = [lead, above, credit, lead].map(line).to_vec();
            let credit_at = [2usize];
            image_descriptions(&lines, credit_at.into_iter(), |_| false).eq([1])
        };
        let credit = "Credit: Reviewed / Betsy Bauer";
        assert!(described(
            "A dark blue washing machine sits on a white sudsy background",
            credit
        ));
        assert!(described(
            "Ein Hund schaut in die Kamera",
            "Foto: dpa/Michael Kappeler"
        ));
        assert!(described(
            "Vedere aeriană asupra podului",
            "Photo Courtesy of Inquam"
        ));
        // Title case: a heading over a credit.
        assert!(!described("Full-Stack Web Development Certificate", credit));
        // A sentence: a caption or the article's own paragraph.
        assert!(!described(
            "The washing machine sits on a white background.",
            credit
        ));
        assert!(!described("Two words", credit));
        // A caption read from its label word alone, in a list of features.
        let feature = "Photos can be shuffled or displayed in a fixed order";
        assert!(!described(
            "Interval times range from three seconds to a day",
            feature
        ));
        // Not under a paragraph: the headline over the lead photo's credit.
        let headline = "A town approves its new budget";
        let lines: Vec<Line> = [lead, "Home", headline, credit, lead].map(line).to_vec();
        assert_eq!(
            image_descriptions(&lines, [3usize].into_iter(), |_| false).count(),
            0
        );
    }

    #[test]
    fn source_lines() {
        let hit = source_line(&line("Quelle: https://baodaknong.vn/a-242964.html"), &LEX);
        assert_eq!(
            hit.map(|h| h.value),
            Some(strings(&["https://baodaknong.vn/a-242964.html"]))
        );
        let hit = source_line(&line("Sursa: Digi24"), &LEX);
        assert_eq!(hit, Some(MetaHit::new(Rule::Source, Vec::new())));
    }

    #[test]
    fn bare_names() {
        assert_eq!(
            bare_name(&line("Cristina Petrache"), &LEX),
            Some(MetaHit {
                weak: true,
                ..MetaHit::new(Rule::Byline, strings(&["Cristina Petrache"]))
            })
        );
        for text in ["Live TV", "Politică", "Ministrul a declarat", "Jan de"] {
            assert_eq!(bare_name(&line(text), &LEX), None, "{text}");
        }
        assert!(bare_name(&line("Ludwig van Beethoven"), &LEX).is_some());
    }

    #[test]
    fn datelines_and_sponsored() {
        let hit = dateline(&line("BUCUREȘTI, 12 mai (Agerpres) -"), &LEX);
        assert_eq!(
            hit,
            Some(MetaHit::new(Rule::Agency, strings(&["Agerpres"])))
        );
        assert_eq!(
            sponsored(&line("(P)")),
            Some(MetaHit::new(Rule::Sponsored, Vec::new()))
        );
        assert_eq!(sponsored(&line("(P) x")), None);
    }

    #[test]
    fn line_metadata_order() {
        // A byline before a date line; a date line; an embedded post's signature is none.
        let hit = line_metadata(&line("By Jane Doe"), &LEX, false);
        assert_eq!(hit.map(|h| h.rule), Some(Rule::Byline));
        let hit = line_metadata(&line("Publicat: 3 martie 2024, 14:05"), &LEX, false);
        assert_eq!(hit.map(|h| h.value), Some(strings(&["2024-03-03T14:05"])));
        let text = "— Jane Doe (@janedoe) November 18, 2019";
        assert_eq!(line_metadata(&line(text), &LEX, false), None);
        assert!(labels_a_byline(
            &line("Reviewed By: Mike Rebold, PhD, CSCS"),
            &LEX
        ));
    }

    #[test]
    fn name_split_and_name_patterns() {
        assert_eq!(
            split_names("Ana Pop și Ion Pop, Dan Lup ȘI Eva Bu"),
            strings(&["Ana Pop", "Ion Pop", "Dan Lup", "Eva Bu"])
        );
        // 'İ' is a case of 'i' for the regex module's IGNORECASE.
        assert_eq!(
            split_names("Ana Pop İ Ion Pop"),
            strings(&["Ana Pop", "Ion Pop"])
        );
        assert!(NAME.is_match("Jan de Vries"));
        assert!(NAME.is_match("Jan de\n"));
        assert!(!NAME.is_match("Jan de"));
        assert!(!NAME.is_match("Jan Doe "));
        assert!(!NAME.is_match("jan Doe"));
    }

    #[test]
    fn first_tokens() {
        assert_eq!(after_label_raw("Foto: X", 1), ": X");
        assert_eq!(after_label_raw("Colaj foto - X", 2), "- X");
        assert_eq!(after_label("Colaj foto - X", 2), "X");
        // A separator run longer than ten characters: the token run is split instead
        // ('Abc' read as 'A', 'b', 'c'), or no match (as Python's _FIRST_TOKENS).
        assert_eq!(after_label_raw("Ab           C", 2), "C");
        assert_eq!(after_label_raw("Ab           Cd", 3), "");
        assert_eq!(after_label_raw("Abc           Cd e", 3), "Cd e");
    }
}
