//! Input normalisation: line breaks, invisible characters, NFC, white space, and the
//! folded matching key.
//!
//! Lines are separated by LF, CRLF or CR (Python's universal newlines); other separators
//! (U+2028, NEL, form feed, ...) count as spaces. A line is normalised in four steps, each
//! local to the line, so the whole text is read once, a line at a time (the Python reads
//! it in blocks of lines as a memory device; every step of it is local to a line, so the
//! output is the same):
//!
//! 1. invisible characters go: format and control characters that are not white space
//!    ([`unicode::is_invisible`]);
//! 2. a run of zero-width joiners / non-joiners goes when a Latin, Greek or Cyrillic letter
//!    stands just before or just after it (it is noise there; in Persian, Indic scripts
//!    and emoji it spells). Python's pattern reads it by look-around; here a run is
//!    found and its two neighbours are looked at;
//! 3. NFC (Python's Unicode 14 tables: see [`nfc`]);
//! 4. white space runs become one space, none at either end (`" ".join(line.split())`).
//!
//! The matching key ([`fold`]) is the line lower-cased (Python's `str.lower`), with a few
//! letters folded by hand ([`fold_extra`]), decomposed (NFKD) and stripped of non-spacing
//! marks; its tokens are the runs of Python-alphanumeric characters.
//!
//! Python strings can hold lone surrogates, Rust strings cannot: the bindings make each
//! one NUL, which step 1 deletes, as the Python deletes the surrogates in that step.

use std::borrow::Cow;

use unicode_normalization::{is_nfc_quick, is_nfkd_quick, IsNormalized, UnicodeNormalization};

use crate::unicode;

/// ZERO WIDTH NON-JOINER.
const ZWNJ: char = '\u{200c}';
/// ZERO WIDTH JOINER.
const ZWJ: char = '\u{200d}';

/// Letters that NFKD does not decompose into base + mark, folded by hand for matching
/// (`normalize._FOLD_EXTRA`).
pub const FOLD_EXTRA: [(char, &str); 12] = [
    ('ß', "ss"),
    ('đ', "d"),
    ('Đ', "d"),
    ('ł', "l"),
    ('Ł', "l"),
    ('ø', "o"),
    ('Ø', "o"),
    ('æ', "ae"),
    ('œ', "oe"),
    ('ı', "i"),
    ('þ', "th"),
    ('ð', "d"),
];

/// Romanian cedilla letters (legacy encodings) and their comma-below letters
/// (`normalize._RO_COMMA`).
pub const RO_COMMA: [(char, char); 4] = [('ş', 'ș'), ('ţ', 'ț'), ('Ş', 'Ș'), ('Ţ', 'Ț')];

/// The input's lines: cut at LF, CRLF and CR; a final line break ends the last line (as
/// `str.splitlines` does), so "a\nb\n" has two lines and "" none.
pub fn split_lines(text: &str) -> Vec<&str> {
    line_slices(text).collect()
}

/// [`split_lines`] one line at a time: no list of all the lines is made (a document of a
/// million lines would hold 16 MB of slices for it).
pub fn line_slices(text: &str) -> impl Iterator<Item = &str> + '_ {
    let bytes = text.as_bytes();
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= text.len() {
            return None;
        }
        let Some(off) = memchr::memchr2(b'\n', b'\r', &bytes[start..]) else {
            let last = &text[start..];
            start = text.len();
            return Some(last);
        };
        let brk = start + off;
        let line = &text[start..brk];
        start = if bytes[brk] == b'\r' && bytes.get(brk + 1) == Some(&b'\n') {
            brk + 2
        } else {
            brk + 1
        };
        Some(line)
    })
}

/// One line as it appears in the output: NFC, invisible characters gone, spaces folded
/// (the lines of `line` joined by one space, as Python's `normalize_line`).
pub fn normalize_line(line: &str) -> String {
    normalize_lines(line).join(" ")
}

/// [`normalize_line`] of every line of `text` ([`split_lines`]).
pub fn normalize_lines(text: &str) -> Vec<String> {
    normalized_lines(text).collect()
}

/// [`normalize_lines`] one line at a time (the pipeline reads them into its distinct texts
/// as they come, holding no list of them).
pub fn normalized_lines(text: &str) -> impl Iterator<Item = String> + '_ {
    line_slices(text).map(normalize_one)
}

/// The four steps of the module docs on one line (no line break in it).
pub fn normalize_one(line: &str) -> String {
    match ascii_shape(line.as_bytes()) {
        AsciiShape::Folded => return line.to_owned(),
        AsciiShape::Spaced => return fold_spaces_ascii(line),
        AsciiShape::Other => {}
    }
    if is_plain(line) {
        return nfc(line).into_owned();
    }
    normalize_general(line)
}

/// [`normalize_one`] step by step.
fn normalize_general(line: &str) -> String {
    let visible: Cow<'_, str> = if line.chars().any(unicode::is_invisible) {
        Cow::Owned(
            line.chars()
                .filter(|&c| !unicode::is_invisible(c))
                .collect(),
        )
    } else {
        Cow::Borrowed(line)
    };
    let joined = if visible.contains([ZWNJ, ZWJ]) {
        Cow::Owned(remove_stray_joiners(&visible))
    } else {
        visible
    };
    let composed = nfc(&joined);
    if composed.contains([ZWNJ, ZWJ]) {
        return fold_spaces(&stray_joiners_composed(composed.into_owned()));
    }
    fold_spaces(&composed)
}

/// A line that steps 1, 2 and 4 leave as it is, checked in one pass: no invisible
/// character, no joiner, and no white space but single spaces between words. Its
/// normalised form is then its NFC: composing (step 3) makes no white space, no invisible
/// character and no joiner (the white space that composes to another, U+2000 and U+2001,
/// is white space already).
fn is_plain(line: &str) -> bool {
    let bytes = line.as_bytes();
    if bytes.first() == Some(&b' ') || bytes.last() == Some(&b' ') {
        return false;
    }
    let mut after_space = false;
    for c in line.chars() {
        if c == ' ' {
            if after_space {
                return false;
            }
            after_space = true;
            continue;
        }
        after_space = false;
        let odd = if c.is_ascii() {
            is_ascii_invisible(c as u8) || is_ascii_py_space(c as u8)
        } else {
            c == ZWJ || c == ZWNJ || unicode::is_space(c) || unicode::is_invisible(c)
        };
        if odd {
            return false;
        }
    }
    true
}

/// `text` (NFC) without the joiners that composing made stray (`normalize.
/// _stray_joiners_composed`): a combining mark between a joiner and a letter composes into
/// the letter ('l' U+0331 ZWJ -> 'ḻ' ZWJ), so the joiner then stands next to a Latin
/// letter. Such joiners go and what their removal joins is composed, until nothing changes
/// (each round removes a joiner): normalising the result again changes nothing.
fn stray_joiners_composed(mut text: String) -> String {
    while text.contains([ZWNJ, ZWJ]) {
        let again = remove_stray_joiners(&text);
        if again == text {
            break;
        }
        text = nfc(&again).into_owned();
    }
    text
}

/// ASCII control characters that are not white space (`normalize._ASCII_CONTROL`).
fn is_ascii_invisible(b: u8) -> bool {
    matches!(b, 0x00..=0x08 | 0x0e..=0x1b | 0x7f)
}

/// Python's white space among the ASCII bytes (`str.split()`'s: `\t\n\v\f\r`, the
/// separators `\x1c`-`\x1f` and the space).
fn is_ascii_py_space(b: u8) -> bool {
    matches!(b, 0x09..=0x0d | 0x1c..=0x20)
}

/// What [`normalize_one`] has to do to a line, read in one pass over its bytes.
#[derive(Debug, PartialEq, Eq)]
enum AsciiShape {
    /// ASCII, no invisible character, single spaces between words: the line is its own
    /// normal form.
    Folded,
    /// ASCII with no invisible character, but with white space to fold.
    Spaced,
    /// A non-ASCII or invisible byte: the general path.
    Other,
}

/// The [`AsciiShape`] of `bytes`.
fn ascii_shape(bytes: &[u8]) -> AsciiShape {
    let mut spaced = false;
    let mut after_space = true; // a leading space is folded away
    for &b in bytes {
        if !b.is_ascii() || is_ascii_invisible(b) {
            return AsciiShape::Other;
        }
        if b == b' ' {
            spaced |= after_space;
            after_space = true;
        } else {
            spaced |= is_ascii_py_space(b);
            after_space = false;
        }
    }
    if spaced || (after_space && !bytes.is_empty()) {
        AsciiShape::Spaced
    } else {
        AsciiShape::Folded
    }
}

/// `" ".join(line.split())` with Python's white space.
fn fold_spaces(line: &str) -> String {
    if line.is_ascii() {
        return fold_spaces_ascii(line);
    }
    let mut out = String::with_capacity(line.len());
    for word in unicode::split(line) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// [`fold_spaces`] of an ASCII line, by bytes; a line already folded (the common case)
/// is copied whole.
fn fold_spaces_ascii(line: &str) -> String {
    let bytes = line.as_bytes();
    let folded_already = bytes.first().is_none_or(|&b| b != b' ')
        && bytes.last().is_none_or(|&b| b != b' ')
        && !bytes.windows(2).any(|w| w == b"  ")
        && !bytes.iter().any(|&b| b != b' ' && is_ascii_py_space(b));
    if folded_already {
        return line.to_owned();
    }
    let mut out = String::with_capacity(line.len());
    for word in line.split(|c: char| c.is_ascii() && is_ascii_py_space(c as u8)) {
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// A letter next to which a zero-width joiner is noise (`[\p{Latin}\p{Greek}\p{Cyrillic}]`).
fn is_joiner_noise_letter(c: char) -> bool {
    unicode::rx_latin(c) || unicode::rx_greek(c) || unicode::rx_cyrillic(c)
}

/// `normalize._STRAY_JOINER` removed: each maximal run of ZWNJ/ZWJ goes whole when the
/// character before it or the one after it is a Latin, Greek or Cyrillic letter. (The
/// pattern's possessive runs match a run from its first character or not at all, and a
/// match cannot start inside a run, since its look-behinds then see a joiner.)
fn remove_stray_joiners(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut prev: Option<char> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c != ZWNJ && c != ZWJ {
            out.push(c);
            prev = Some(c);
            continue;
        }
        let mut end = start + c.len_utf8();
        while let Some(&(i, d)) = chars.peek() {
            if d != ZWNJ && d != ZWJ {
                break;
            }
            end = i + d.len_utf8();
            chars.next();
        }
        let next = chars.peek().map(|&(_, d)| d);
        let stray =
            prev.is_some_and(is_joiner_noise_letter) || next.is_some_and(is_joiner_noise_letter);
        if !stray {
            out.push_str(&text[start..end]);
        }
        // The character before the next run is never a joiner: `prev` stays the last
        // character outside a run, which is all the test reads.
    }
    out
}

/// Splits `text` at the characters that Python's Unicode 14 database does not know and
/// applies `normalise` to each piece between them. Python gives such a character no
/// decomposition and combining class 0, so normalisation passes it through and nothing
/// reorders or composes across it; the `unicode-normalization` crate's newer tables may
/// know it. For characters that Unicode 14 assigns, Unicode's normalisation stability
/// policy makes the two tables agree.
fn by_known_pieces(text: &str, mut normalise: impl FnMut(&str, &mut String)) -> String {
    let mut out = String::with_capacity(text.len());
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if unicode::is_unassigned(c) {
            normalise(&text[start..i], &mut out);
            out.push(c);
            start = i + c.len_utf8();
        }
    }
    normalise(&text[start..], &mut out);
    out
}

/// `unicodedata.normalize("NFC", text)` of Python 3.11 (borrows when already NFC).
///
/// The crate's quick check comes first: when it says the text is NFC under its newer
/// tables, Python's agrees (a character unknown to Unicode 14 is, for Python, a starter
/// with no decomposition, which only relaxes the check's ordering test).
pub fn nfc(text: &str) -> Cow<'_, str> {
    if text.is_ascii() || is_nfc_quick(text.chars()) == IsNormalized::Yes {
        return Cow::Borrowed(text);
    }
    if text.chars().any(unicode::is_unassigned) {
        return Cow::Owned(by_known_pieces(text, |piece, out| out.extend(piece.nfc())));
    }
    let composed: String = text.nfc().collect();
    if composed == text {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(composed)
    }
}

/// `unicodedata.normalize("NFKD", text)` of Python 3.11 (see [`nfc`]; borrows when the
/// text is already NFKD).
pub fn nfkd(text: &str) -> Cow<'_, str> {
    if text.is_ascii() || is_nfkd_quick(text.chars()) == IsNormalized::Yes {
        return Cow::Borrowed(text);
    }
    if text.chars().any(unicode::is_unassigned) {
        return Cow::Owned(by_known_pieces(text, |piece, out| out.extend(piece.nfkd())));
    }
    Cow::Owned(text.nfkd().collect())
}

/// Does `text` carry the signature of mojibake (`normalize._MOJIBAKE_HINT`): a UTF-8 lead
/// byte read as Latin-1/cp1252 ("Ã", "â") followed by a continuation byte so read?
///
/// By bytes: the leads U+00C2-U+00F4 are encoded `C3 82`-`C3 B4`, and `C3` is always the
/// first byte of a character, so `memchr` finds every candidate.
pub fn has_mojibake_hint(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr_iter(0xc3, bytes).any(|i| {
        matches!(bytes.get(i + 1), Some(0x82..=0xb4))
            && text
                .get(i + 2..)
                .and_then(|rest| rest.chars().next())
                .is_some_and(is_mojibake_continuation)
    })
}

/// The second character of `normalize._MOJIBAKE_HINT`: a continuation byte (0x80-0xBF)
/// as Latin-1 or cp1252 shows it.
fn is_mojibake_continuation(c: char) -> bool {
    matches!(
        c,
        '\u{80}'..='\u{bf}'
            | '\u{152}'
            | '\u{153}'
            | '\u{160}'
            | '\u{161}'
            | '\u{178}'
            | '\u{17d}'
            | '\u{17e}'
            | '\u{192}'
            | '\u{2c6}'
            | '\u{2dc}'
            | '\u{2013}'
            | '\u{2014}'
            | '\u{2018}'..='\u{201e}'
            | '\u{2020}'..='\u{2022}'
            | '\u{2026}'
            | '\u{2030}'
            | '\u{2039}'
            | '\u{203a}'
            | '\u{20ac}'
            | '\u{2122}'
    )
}

/// Romanian cedilla letters (legacy encodings) to the correct comma-below letters.
pub fn romanian_comma_letters(line: &str) -> Cow<'_, str> {
    if !line.contains(['ş', 'ţ', 'Ş', 'Ţ']) {
        return Cow::Borrowed(line);
    }
    Cow::Owned(
        line.chars()
            .map(|c| {
                RO_COMMA
                    .iter()
                    .find(|&&(from, _)| from == c)
                    .map_or(c, |&(_, to)| to)
            })
            .collect(),
    )
}

/// The hand fold of `c` ([`FOLD_EXTRA`]), if it has one.
pub fn fold_extra(c: char) -> Option<&'static str> {
    FOLD_EXTRA
        .iter()
        .find(|&&(from, _)| from == c)
        .map(|&(_, to)| to)
}

/// Lower case, letters folded to their base letters ([`FOLD_EXTRA`]), marks gone
/// (`normalize._folded`).
pub fn folded(text: &str) -> Cow<'_, str> {
    let low = unicode::lower(text);
    if low.is_ascii() {
        return low;
    }
    let extra: Cow<'_, str> = if low.chars().any(|c| fold_extra(c).is_some()) {
        let mut out = String::with_capacity(low.len() + 1);
        for c in low.chars() {
            match fold_extra(c) {
                Some(to) => out.push_str(to),
                None => out.push(c),
            }
        }
        Cow::Owned(out)
    } else {
        Cow::Borrowed(&low)
    };
    let decomposed = nfkd(&extra);
    if !decomposed.chars().any(unicode::rx_mark_nonspacing) {
        return Cow::Owned(decomposed.into_owned());
    }
    Cow::Owned(
        decomposed
            .chars()
            .filter(|&c| !unicode::rx_mark_nonspacing(c))
            .collect(),
    )
}

/// The matching key: lower case, no diacritics, word tokens joined by one space.
/// "Citește și:", "Citeşte si", "CITESTE SI" all fold to "citeste si".
///
/// One pass over the bytes, a character at a time: an ASCII letter or digit is pushed
/// lower-cased, any other ASCII byte ends a token; another character is pushed as its
/// piece of [`unicode::fold_piece`]'s table (the whole chain's result for it alone). A
/// character the table does not hold sends its word (the piece between ASCII spaces) down
/// the general path ([`folded`], then [`tokens`]): what the word had pushed is taken back,
/// and the word folded whole.
///
/// That is the fold of the whole text: no token spans a space; lower-casing looks at
/// context only for a final sigma (whose word takes the general path), and a space ends
/// that context (it is neither cased nor case-ignorable); NFKD decomposes each character
/// alone and reorders only runs of combining marks, which a space (a starter) cannot be
/// inside, and which the table's pieces drop.
pub fn fold(text: &str) -> String {
    use unicode::FoldPiece;
    let bytes = text.as_bytes();
    let mut key = String::with_capacity(text.len());
    let mut gap = true; // a token ended (or none began) since the last token character
    let push = |piece: &str, key: &mut String, gap: &mut bool| {
        if *gap && !key.is_empty() {
            key.push(' ');
        }
        *gap = false;
        key.push_str(piece);
    };
    // Where the current word starts, in `text` and in `key` (with `gap` set there).
    let (mut word_start, mut word_mark) = (0, 0);
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b.is_ascii() {
            if b.is_ascii_alphanumeric() {
                if gap && !key.is_empty() {
                    key.push(' ');
                }
                gap = false;
                key.push(char::from(b.to_ascii_lowercase()));
            } else {
                gap = true;
                if b == b' ' {
                    (word_start, word_mark) = (i + 1, key.len());
                }
            }
            i += 1;
            continue;
        }
        let Some(c) = text[i..].chars().next() else {
            break; // not reached: `i` is at a character's first byte
        };
        match unicode::fold_piece(c) {
            FoldPiece::Alnum(piece) => push(piece, &mut key, &mut gap),
            FoldPiece::Separator => gap = true,
            FoldPiece::Empty => {}
            FoldPiece::Mixed(piece) => {
                for p in piece.chars() {
                    if unicode::is_alnum(p) {
                        push(p.encode_utf8(&mut [0; 4]), &mut key, &mut gap);
                    } else {
                        gap = true;
                    }
                }
            }
            FoldPiece::General => {
                key.truncate(word_mark);
                let end = memchr::memchr(b' ', &bytes[i..]).map_or(bytes.len(), |at| i + at);
                for token in tokens(&folded(&text[word_start..end])) {
                    if !key.is_empty() {
                        key.push(' ');
                    }
                    key.push_str(token);
                }
                gap = true;
                i = end;
                continue;
            }
        }
        i += c.len_utf8();
    }
    key
}

/// The word tokens of [`fold`]: runs of Python-alphanumeric characters of the folded text.
pub fn fold_tokens(text: &str) -> Vec<String> {
    tokens(&folded(text)).map(str::to_owned).collect()
}

/// The tokens of a matching key ([`fold`]): its pieces between single spaces, the empty
/// key having none. A hand-written byte scan rather than `str::split(' ')`: tokens are a
/// few bytes long, and `split` pays a `memchr` call (with its setup) per token, which was
/// the largest single cost of the line features. A space byte never occurs inside a
/// multi-byte UTF-8 sequence, so every piece is a valid `&str`.
pub fn key_tokens(key: &str) -> KeyTokens<'_> {
    KeyTokens { rest: key }
}

/// The iterator of [`key_tokens`]; empty pieces (never made by [`fold`]) are skipped.
#[derive(Debug, Clone)]
pub struct KeyTokens<'k> {
    rest: &'k str,
}

impl<'k> Iterator for KeyTokens<'k> {
    type Item = &'k str;

    fn next(&mut self) -> Option<&'k str> {
        while !self.rest.is_empty() {
            let bytes = self.rest.as_bytes();
            let end = bytes.iter().position(|&b| b == b' ').unwrap_or(bytes.len());
            let token = &self.rest[..end];
            self.rest = self.rest.get(end + 1..).unwrap_or("");
            if !token.is_empty() {
                return Some(token);
            }
        }
        None
    }
}

impl DoubleEndedIterator for KeyTokens<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        while !self.rest.is_empty() {
            let bytes = self.rest.as_bytes();
            let start = bytes.iter().rposition(|&b| b == b' ').map_or(0, |i| i + 1);
            let token = &self.rest[start..];
            self.rest = &self.rest[..start.saturating_sub(1)];
            if !token.is_empty() {
                return Some(token);
            }
        }
        None
    }
}

/// The runs of Python-alphanumeric characters (`re`'s `[^\W_]+`) of `text`.
pub fn tokens(text: &str) -> impl Iterator<Item = &str> + '_ {
    text.split(|c: char| !unicode::is_alnum(c))
        .filter(|t| !t.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A pseudo-random index generator (Knuth's MMIX LCG): the same draws every run.
    fn lcg(seed: u64) -> impl FnMut() -> usize {
        let mut state = seed;
        move || {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1);
            (state >> 33) as usize
        }
    }

    /// `fold` by the general path (lower, fold, decompose, drop marks, tokens).
    fn fold_general(text: &str) -> String {
        tokens(&folded(text)).collect::<Vec<_>>().join(" ")
    }

    /// `fold`, by the table's pieces, gives the general path's key for every character of
    /// the table alone and between letters, marks, spaces and punctuation, and for
    /// pseudo-random words of the table's characters (an LCG, so the words are the same
    /// every run), with and without a character the table does not hold among them.
    #[test]
    fn fold_by_table_is_the_general_fold() {
        use unicode::FoldPiece;
        let table: Vec<char> = (0x80..0x2200).filter_map(char::from_u32).collect();
        let mut words: Vec<String> = Vec::new();
        for &c in &table {
            words.extend([
                format!("{c}"),
                format!("a{c}b"),
                format!("{c}{c}"),
                format!("X{c}\u{301}-{c}9"),
                format!("\u{300}{c}ł"),
                format!("Ab {c}Σ c{c}"),
            ]);
        }
        let mut next = lcg(0x2545_f491_4f6c_dd1d);
        for _ in 0..20_000 {
            let mut w = String::new();
            for _ in 0..1 + next() % 12 {
                match next() % 10 {
                    0 => w.push(' '),
                    1 => w.push(['Σ', '日', 'x', '.'][next() % 4]),
                    _ => w.push(table[next() % table.len()]),
                }
            }
            words.push(w);
        }
        for w in &words {
            assert_eq!(fold(w), fold_general(w), "{w:?}");
        }
        // Nearly every character of the table has its own piece; the capital sigma (final
        // or not by its neighbours) and the characters past the table have none.
        let general = table
            .iter()
            .filter(|&&c| unicode::fold_piece(c) == FoldPiece::General);
        assert!(general.count() < 10);
        assert_eq!(unicode::fold_piece('Σ'), FoldPiece::General);
        assert_eq!(unicode::fold_piece('日'), FoldPiece::General);
        assert_eq!(unicode::fold_piece('é'), FoldPiece::Alnum("e"));
        assert_eq!(unicode::fold_piece('\u{301}'), FoldPiece::Empty);
        assert_eq!(fold("ΟΔΟΣ Citeşte"), "οδος citeste");
    }

    /// The one-pass check of [`is_plain`] lines gives what the four steps give, on
    /// pseudo-random lines of letters, marks, spaces of every kind, invisible characters
    /// and joiners (an LCG, so the lines are the same every run).
    #[test]
    fn plain_lines_normalise_as_the_four_steps_do() {
        let odd = [
            ' ', ' ', '\t', '\u{a0}', '\u{2000}', '\u{2001}', '\u{3000}', '\u{ad}', '\u{200b}',
            ZWJ, ZWNJ, '\u{301}', '\u{327}', '\x07', '\u{85}', '\u{feff}',
        ];
        let letters: Vec<char> = "aZ9.ăîșțşéñøßΣωжЖ日ｱ\u{1100}\u{1161}".chars().collect();
        let mut next = lcg(0x9e37_79b9_7f4a_7c15);
        let mut plain = 0;
        for _ in 0..50_000 {
            let line: String = (0..1 + next() % 10)
                .map(|_| match next() % 6 {
                    0 => odd[next() % odd.len()],
                    _ => letters[next() % letters.len()],
                })
                .collect();
            plain += usize::from(is_plain(&line));
            assert_eq!(normalize_one(&line), normalize_general(&line), "{line:?}");
        }
        assert!(plain > 5_000, "{plain} plain lines");
    }

    /// Every ASCII string of up to 3 bytes from a set that covers each class of byte.
    fn ascii_samples() -> Vec<String> {
        let alphabet: Vec<char> = (0u8..=127).map(char::from).collect();
        let mut out: Vec<String> = alphabet.iter().map(|c| c.to_string()).collect();
        let few = [
            'a', 'Z', '0', ' ', '\t', '_', '-', '\x1c', '\x0b', '\x00', '.',
        ];
        for a in few {
            for b in few {
                for c in few {
                    out.push([a, b, c].iter().collect());
                }
            }
        }
        out.push("  Citeste   SI: Foo_bar 12-34\r ".into());
        out
    }

    #[test]
    fn mojibake_hint_by_bytes_is_the_hint_by_characters() {
        let by_chars = |text: &str| {
            let chars: Vec<char> = text.chars().collect();
            chars
                .windows(2)
                .any(|w| ('\u{c2}'..='\u{f4}').contains(&w[0]) && is_mojibake_continuation(w[1]))
        };
        let leads = ['\u{c1}', '\u{c2}', 'Ã', 'â', '\u{f4}', '\u{f5}', 'a'];
        let seconds = [
            '\u{7f}', '\u{80}', '©', '\u{bf}', '\u{c0}', '€', '™', '–', 'x', 'Ș',
        ];
        for a in leads {
            for b in seconds {
                for text in [format!("{a}{b}"), format!("x{a}{a}{b} "), format!("{b}{a}")] {
                    assert_eq!(has_mojibake_hint(&text), by_chars(&text), "{text:?}");
                }
            }
        }
        assert!(has_mojibake_hint("CÃ¢nd"));
        assert!(!has_mojibake_hint("Când și"));
    }

    #[test]
    fn folding_word_by_word_is_folding_the_whole() {
        let texts = [
            "Citește și: ΟΔΟΣ ΟΔΟΣ. Straße x",
            "a\u{301} b \u{301}c ΣΑΣ Σ ς",
            "ﬁne \u{a0}x\u{2002}y Đà Nẵng",
            " lead  trail ",
            "ΑΣ'Σ Α.Σ ΑΣ:x",
        ];
        for text in texts {
            assert_eq!(fold(text), fold_general(text), "{text:?}");
        }
        for a in ascii_samples().iter().take(200) {
            for b in ["Σ", "é", "\u{301}", "ß"] {
                let text = format!("{a}{b} {b}{a}");
                assert_eq!(fold(&text), fold_general(&text), "{text:?}");
            }
        }
    }

    #[test]
    fn ascii_fast_paths_agree_with_the_general_ones() {
        for text in ascii_samples() {
            assert_eq!(fold(&text), fold_general(&text), "fold {text:?}");
            let general: Vec<&str> = unicode::split(&text).collect();
            assert_eq!(
                fold_spaces_ascii(&text),
                general.join(" "),
                "spaces {text:?}"
            );
        }
        for b in 0u8..=127 {
            assert_eq!(
                is_ascii_py_space(b),
                unicode::is_space(char::from(b)),
                "{b:#x}"
            );
        }
    }

    #[test]
    fn key_tokens_are_split_s_pieces() {
        for key in ["", "a", "ab cd", "citeste si", " a  b ", "é ü ß", "x "] {
            let want: Vec<&str> = key.split(' ').filter(|t| !t.is_empty()).collect();
            assert_eq!(key_tokens(key).collect::<Vec<_>>(), want, "{key:?}");
            let mut back: Vec<&str> = key_tokens(key).rev().collect();
            back.reverse();
            assert_eq!(back, want, "{key:?} from the back");
        }
        let mut both = key_tokens("a b c d");
        assert_eq!((both.next(), both.next_back()), (Some("a"), Some("d")));
        assert_eq!(both.collect::<Vec<_>>(), ["b", "c"]);
    }

    #[test]
    fn splits_lines_as_python() {
        // (text, split_lines(text)) as normalize.split_lines gives them.
        let cases: [(&str, &[&str]); 7] = [
            ("", &[]),
            ("a", &["a"]),
            ("a\nb\n", &["a", "b"]),
            ("a\r\nb\rc", &["a", "b", "c"]),
            ("\n", &[""]),
            ("a\n\nb", &["a", "", "b"]),
            ("a\r\r\nb\u{2028}c\u{85}d", &["a", "", "b\u{2028}c\u{85}d"]),
        ];
        for (text, lines) in cases {
            assert_eq!(split_lines(text), lines, "{text:?}");
        }
    }

    #[test]
    fn normalizes_lines_as_python() {
        // (text, normalize_lines(text)), checked against normalize.py.
        let cases: [(&str, &[&str]); 10] = [
            ("  a   b  \n\tc", &["a b", "c"]),
            ("a\u{0}b\u{7f}c", &["abc"]),
            ("a\u{200b}b\u{ad}c\u{feff}", &["abc"]),
            ("x\u{1c}y\u{85}z\u{2028}w", &["x y z w"]),
            ("e\u{301}", &["é"]),
            ("wo\u{200d}rd", &["word"]),
            (
                "\u{200d}a \u{200c}\u{200d} b\u{200c}",
                &["a \u{200c}\u{200d} b"],
            ),
            ("می\u{200c}خواهم", &["می\u{200c}خواهم"]),
            ("👨\u{200d}👩", &["👨\u{200d}👩"]),
            ("a\u{200b}\u{200d}b", &["ab"]),
        ];
        for (text, lines) in cases {
            assert_eq!(normalize_lines(text), lines, "{text:?}");
        }
        assert_eq!(normalize_line("a\nb\r\nc"), "a b c");
    }

    #[test]
    fn folds_as_python() {
        // (text, fold(text)) as normalize.fold gives them.
        let cases = [
            ("Citește și:", "citeste si"),
            ("Citeşte si", "citeste si"),
            ("CITESTE SI", "citeste si"),
            ("Straße Łódź Øre Æble", "strasse lodz ore aeble"),
            ("İstanbul", "istanbul"),
            ("ΟΔΟΣ", "οδος"),
            ("snake_case x²", "snake case x2"),
            ("ﬁnance", "finance"),
            ("中文 字", "中文 字"),
            ("", ""),
        ];
        for (text, key) in cases {
            assert_eq!(fold(text), key, "{text:?}");
        }
        assert_eq!(fold_tokens("A-b c"), ["a", "b", "c"]);
    }

    #[test]
    fn stray_joiners_go_by_their_definition() {
        // (text, normalize._STRAY_JOINER.sub("", text)), as the Python gives them: a run
        // goes when a Latin, Greek or Cyrillic letter stands right before or after it.
        let cases = [
            ("a\u{200c}b", "ab"),
            ("ж\u{200d}\u{200c}1", "ж1"),
            ("1\u{200d}α", "1α"),
            ("ب\u{200c}ب", "ب\u{200c}ب"),
            ("1\u{200c}\u{200d} ب", "1\u{200c}\u{200d} ب"),
            ("\u{200d}", "\u{200d}"),
            ("a \u{200d}", "a \u{200d}"),
            ("\u{200c}a\u{200d}\u{200d}ب\u{200c}", "aب\u{200c}"),
        ];
        for (text, kept) in cases {
            assert_eq!(remove_stray_joiners(text), kept, "{text:?}");
        }
    }

    #[test]
    fn joiners_made_stray_by_composing_go_and_normalising_is_idempotent() {
        // 'l' U+0331 composes into 'ḻ' (Latin), which makes the joiner after it stray;
        // an Arabic letter with the same mark keeps its joiner (Python gives the same).
        let cases = [
            ("l\u{331}\u{200d}", "\u{1e3b}"),
            ("(¸mhȣl\u{331}{l\u{331}\u{200d}", "(¸mhȣ\u{1e3b}{\u{1e3b}"),
            ("\u{628}\u{331}\u{200d}", "\u{628}\u{331}\u{200d}"),
        ];
        for (text, want) in cases {
            let once = normalize_line(text);
            assert_eq!(once, want, "{text:?}");
            assert_eq!(normalize_line(&once), once, "{text:?}");
        }
    }

    #[test]
    fn nfc_and_nfkd_pass_unknown_characters() {
        assert_eq!(nfc("e\u{301}"), "é");
        assert_eq!(nfkd("é"), "e\u{301}");
        assert_eq!(nfkd("ﬁ²"), "fi2");
        // U+1DFA (Unicode 14) is known; U+16D67 (Unicode 16) is not: Python leaves it as
        // it is and composes nothing across it.
        assert_eq!(nfc("a\u{16d67}\u{301}"), "a\u{16d67}\u{301}");
        assert_eq!(nfc("e\u{301}\u{16d67}e\u{301}"), "é\u{16d67}é");
        // Unicode 16 composes U+16D67 twice into U+16D68; Python 3.11 does not.
        assert_eq!(nfc("\u{16d67}\u{16d67}"), "\u{16d67}\u{16d67}");
        let composed: String = "\u{16d67}\u{16d67}".nfc().collect();
        assert_eq!(composed, "\u{16d68}");
    }

    #[test]
    fn mojibake_hint_and_romanian() {
        assert!(has_mojibake_hint("CÃ®nd"));
        assert!(has_mojibake_hint("itâ€™s"));
        assert!(!has_mojibake_hint("Când"));
        assert!(!has_mojibake_hint("plain"));
        assert_eq!(romanian_comma_letters("Şi ţară"), "Și țară");
        assert!(matches!(romanian_comma_letters("și"), Cow::Borrowed(_)));
    }
}
