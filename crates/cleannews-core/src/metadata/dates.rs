//! Dates in text: ISO, numeric day-month-year, written months in many languages
//!.
//!
//! Month names come from `langdata/months.tsv` ([`Lexicon::months`]). The Python patterns
//! carry look-arounds (`(?<!\d)`, `(?!\d)`, `(?!\p{L})`, `(?<=\p{Ll})(?=\p{Lu})`) and a
//! back-reference (`(?P=sep)`); here each is a plain pattern for the part before its
//! optional tail, and code for the rest, scanned as the Python's backtracking scans it:
//!
//! - a look-behind only depends on where a match starts: a candidate start that fails it
//!   is dropped and the search goes on from the next character, as the Python's does;
//! - every other group is *forced* by what must follow it (a `\d{1,2}` followed by a
//!   separator, a `\p{L}{3,12}` followed by a space, a `\s{1,3}` followed by a digit), so a
//!   look-ahead that fails after it leaves no other path but the next optional one, which
//!   the code tries in the Python's order (with the seconds, without, no time);
//! - the optional time (`_TIME`) starts, if at all, at the first digit after the date (its
//!   lead-in holds no digit), so its hour and minute are forced too; its am/pm takes the
//!   dot after the 'm' unless a letter follows that dot.
//!
//! Offsets ([`DateHit::start`], [`DateHit::end`]) are byte offsets into the text, where
//! the Python's are code point indices: slicing the text with them gives the same pieces.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use regex::{Captures, Regex};

use super::{char_at, char_before, next_char, regex};
use crate::normalize::fold;
use crate::unicode::{decimal_value, is_decimal, is_lower, is_upper, rx_digit, rx_letter};
use crate::unicode::{rx_lower, rx_upper};
use crate::Map;

/// A date found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateHit {
    /// "2025-10-21" or "2025-10-21T08:00".
    pub iso: String,
    /// Byte offset of the date's first character.
    pub start: usize,
    /// Byte offset just past the date.
    pub end: usize,
}

/// The earliest year a date can have (`_iso`).
const MIN_YEAR: i32 = 1900;
/// The latest year a date can have (`_iso`).
const MAX_YEAR: i32 = 2100;
/// Months of a year.
const MONTHS: i32 = 12;
/// The largest day of a month that a date can name.
const MAX_DAY: i32 = 31;
/// Hours of a day.
const HOURS: u32 = 24;
/// Minutes of an hour.
const MINUTES: u32 = 60;
/// Hours of an am/pm clock, added for 'PM'.
const HALF_DAY: u32 = 12;

// `_ISO` up to its day; the time and the closing `(?!\d)` are read by `iso_end`.
static ISO: LazyLock<Regex> =
    LazyLock::new(|| regex(r"(?P<y>(?:19|20)[%d%]{2})-(?P<m>[%d%]{1,2})-(?P<d>[%d%]{1,2})"));
// `_ISO`'s optional time, anchored where the day ends.
static ISO_TIME: LazyLock<Regex> =
    LazyLock::new(|| regex(r"\A[T ](?P<H>[%d%]{1,2}):(?P<M>[%d%]{2})(?P<S>:[%d%]{2})?"));
// `_NUMERIC` without its look-behind, back-reference, look-ahead and time.
static NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?P<a>[%d%]{1,2})(?P<sep>[./-])(?P<b>[%d%]{1,2})(?P<sep2>[./-])(?P<y>(?:19|20)[%d%]{2})",
    )
});
// `_TIME` up to its minute, anchored where the date ends: the (?!\d) after the minute
// and the am/pm are read by `time_at`.
static TIME: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"\A[%s%]{0,3}[,|–-]?[%s%]{0,3}(?:ora|um|at|à|alle|a las|às|o|lúc|klo)?[%s%]{0,3}(?P<H>[%d%]{1,2})[:.h](?P<M>[%d%]{2})",
    )
});
// `_TIME`'s am/pm up to its 'm' (the dot after it and the (?!\p{L}): `time_at`).
static AMPM: LazyLock<Regex> = LazyLock::new(|| regex(r"\A[%s%]?(?P<ampm>[AaPp]\.?[Mm])"));
// `_DAY_MONTH` up to its month; the year and the time are optional tails.
static DAY_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?P<d>[%d%]{1,2})(?:\.|º|er|st|nd|rd|th)?[%s%]{1,3}(?:de[%s%]{1,3})?(?P<mon>[%L%]{3,12})\.?",
    )
});
// `_DAY_MONTH`'s optional year, anchored where the month ends.
static DAY_MONTH_YEAR: LazyLock<Regex> =
    LazyLock::new(|| regex(r"\A,?[%s%]{1,3}(?:de[%s%]{1,3})?(?P<y>(?:19|20)[%d%]{2})"));
// `_MONTH_DAY` without its start condition and look-ahead.
static MONTH_DAY: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?P<mon>[%L%]{3,12})\.?[%s%]{1,3}(?P<d>[%d%]{1,2})(?:st|nd|rd|th)?,?[%s%]{1,3}(?P<y>(?:19|20)[%d%]{2})",
    )
});
// `_YEAR_MONTH_DAY` without its look-behind and the dot and look-ahead after the day.
static YEAR_MONTH_DAY: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"(?P<y>(?:19|20)[%d%]{2})\.[%s%]{1,3}(?P<mon>[%L%]{3,12})\.?[%s%]{1,3}(?P<d>[%d%]{1,2})")
});
// `_VI` (IGNORECASE): the letters spelt as the cases the `regex` module matches for them.
static VI: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"[nN][gG][àÀ][yY][%s%]{1,3}(?P<d>[%d%]{1,2})[%s%]{1,3}[tT][hH][áÁ][nN][gG][%s%]{1,3}(?P<m>[%d%]{1,2})(?:[%s%]{1,3}[nN][ăĂ][mM][%s%]{1,3}(?P<y>[%d%]{4}))?",
    )
});

/// Python's `int()` of a run of digits (the `regex` module's `\d`): `None` for a digit
/// that Python's Unicode 14 tables do not know (where Python raises `ValueError`).
fn py_int(digits: &str) -> Option<i32> {
    digits.chars().try_fold(0i32, |n, c| {
        let d = i32::try_from(decimal_value(c)?).ok()?;
        n.checked_mul(10)?.checked_add(d)
    })
}

/// The `regex` module's `\d` at byte `i`.
#[inline]
fn digit_at(text: &str, i: usize) -> bool {
    char_at(text, i).is_some_and(rx_digit)
}

/// `_ANY_YEAR` (`re`: `19\d\d|20\d\d|2100`, `\d` the standard library's decimal digits):
/// without a year hint, a text with no such digits holds no date.
fn any_year(text: &str) -> bool {
    text.match_indices(['1', '2']).any(|(i, _)| {
        let mut next = text[i..].chars();
        match (next.next(), next.next(), next.next(), next.next()) {
            (Some(a), Some(b), Some(c), Some(d)) => {
                ((a, b) == ('1', '9') || (a, b) == ('2', '0')) && is_decimal(c) && is_decimal(d)
                    || (a, b, c, d) == ('2', '1', '0', '0')
            }
            _ => false,
        }
    })
}

/// `_iso`: the ISO form of a date and its time (the time only when both parts are
/// valid); `None` for an impossible date.
fn iso(
    year: i32,
    month: i32,
    day: i32,
    hour: Option<&str>,
    minute: Option<&str>,
    ampm: Option<&str>,
) -> Option<String> {
    if !((1..=MONTHS).contains(&month)
        && (1..=MAX_DAY).contains(&day)
        && (MIN_YEAR..=MAX_YEAR).contains(&year))
    {
        return None;
    }
    let mut out = format!("{year:04}-{month:02}-{day:02}");
    if let (Some(hour), Some(minute)) = (hour, minute) {
        // Python: int() raises on a digit it does not know; such a time is dropped here.
        if let (Some(h), Some(m)) = (py_int(hour), py_int(minute)) {
            let (h, m) = (h.unsigned_abs(), m.unsigned_abs());
            if h < HOURS && m < MINUTES {
                let mut h = h;
                if let Some(ampm) = ampm.filter(|a| !a.is_empty()) {
                    if h <= HALF_DAY {
                        let pm = ampm.starts_with(['P', 'p']);
                        h = h % HALF_DAY + if pm { HALF_DAY } else { 0 };
                    }
                }
                out.push_str(&format!("T{h:02}:{m:02}"));
            }
        }
    }
    Some(out)
}

/// `_TIME` matched where a date ends: (hour, minute, am/pm, end). The time is optional:
/// `(None, None, None, pos)` when none follows.
fn time_at(text: &str, pos: usize) -> (Option<&str>, Option<&str>, Option<&str>, usize) {
    let none = (None, None, None, pos);
    let Some(t) = TIME.captures(&text[pos..]) else {
        return none;
    };
    let (Some(h), Some(m)) = (t.name("H"), t.name("M")) else {
        return none;
    };
    let m_end = pos + m.end();
    if digit_at(text, m_end) {
        return none; // (?!\d): the hour and the minute are forced, no other path
    }
    let (hour, minute) = (h.as_str(), m.as_str());
    let Some(a) = AMPM.captures(&text[m_end..]).and_then(|a| a.name("ampm")) else {
        return (Some(hour), Some(minute), None, m_end);
    };
    let m_pos = m_end + a.end(); // just past the 'm'
    let letter_at = |i: usize| char_at(text, i).is_some_and(rx_letter);
    // '\.?(?!\p{L})': with the dot unless a letter follows it; then without it (a dot is
    // no letter); with no dot, unless a letter follows the 'm'.
    let end = if char_at(text, m_pos) == Some('.') {
        if letter_at(m_pos + 1) {
            m_pos
        } else {
            m_pos + 1
        }
    } else if letter_at(m_pos) {
        return (Some(hour), Some(minute), None, m_end);
    } else {
        m_pos
    };
    let ampm = &text[m_end + a.start()..end];
    (Some(hour), Some(minute), Some(ampm), end)
}

/// The next candidate of `re` at or after `pos` that `accept` takes: `accept` returns
/// `Some` for a match (the Python pattern matches at this start) or `None` (it does
/// not: the search goes on from the next character, as the Python's does).
fn next_match<'t, T>(
    re: &Regex,
    text: &'t str,
    mut pos: usize,
    mut accept: impl FnMut(Captures<'t>) -> Option<T>,
) -> Option<(T, usize)> {
    while pos <= text.len() {
        let c = re.captures_at(text, pos)?;
        let start = c.get(0).map_or(pos, |m| m.start());
        if let Some(found) = accept(c) {
            return Some((found, start));
        }
        pos = next_char(text, start);
    }
    None
}

/// `_glued_month`: a month glued to the word before it, in a word the pattern took
/// whole ('calendarApr'): the capitalised tail after a lower-case letter, when it names
/// a month. (start of the date, month).
fn glued_month(word: &str, start: usize, months: &Map<Box<str>, u8>) -> (usize, Option<u8>) {
    let chars: Vec<(usize, char)> = word.char_indices().collect();
    for k in (1..chars.len()).rev() {
        let (i, c) = chars[k];
        if is_upper(c) {
            if is_lower(chars[k - 1].1) {
                return (start + i, months.get(fold(&word[i..]).as_str()).copied());
            }
            break;
        }
    }
    (start, None)
}

/// The dates found so far, and the spans they take (start -> end; the spans never
/// overlap, so their ends rise with their starts).
#[derive(Default)]
struct Found {
    hits: Vec<DateHit>,
    taken: BTreeMap<usize, usize>,
}

impl Found {
    /// `add`: a valid date that overlaps no date found before. (The Python compares it
    /// with every span taken; among the spans that start before this one ends, the last
    /// ends last, so it alone can tell.)
    fn add(&mut self, iso: Option<String>, start: usize, end: usize) {
        let Some(iso) = iso else {
            return;
        };
        let overlaps = self
            .taken
            .range(..end)
            .next_back()
            .is_some_and(|(_, &e)| start < e);
        if !overlaps {
            self.taken.insert(start, end);
            self.hits.push(DateHit { iso, start, end });
        }
    }
}

/// A group's text, or "" (an absent optional group).
fn group<'t>(c: &Captures<'t>, name: &str) -> &'t str {
    c.name(name).map_or("", |m| m.as_str())
}

/// A group's end, or the match's start.
fn group_end(c: &Captures<'_>, name: &str) -> usize {
    c.name(name).map_or(0, |m| m.end())
}

/// Every date in `text`, in order, non-overlapping.
///
/// `year_hint` completes dates written without a year ("12. Februar"); without it such
/// dates are skipped. `month_first` reads 03/04/2025 as March 4 (US English).
pub fn find_dates(
    text: &str,
    months: &Map<Box<str>, u8>,
    year_hint: Option<i32>,
    month_first: bool,
) -> Vec<DateHit> {
    if year_hint.is_none() && !any_year(text) {
        return Vec::new();
    }
    let mut found = Found::default();
    iso_dates(text, &mut found);
    numeric_dates(text, month_first, &mut found);
    year_month_day_dates(text, months, year_hint, &mut found);
    day_month_dates(text, months, year_hint, &mut found);
    month_day_dates(text, months, year_hint, &mut found);
    for c in VI.captures_iter(text) {
        let y = group(&c, "y");
        let year = if y.is_empty() { year_hint } else { py_int(y) };
        let (Some(year), Some(month), Some(day)) =
            (year, py_int(group(&c, "m")), py_int(group(&c, "d")))
        else {
            continue;
        };
        if let Some(m) = c.get(0) {
            found.add(iso(year, month, day, None, None, None), m.start(), m.end());
        }
    }
    let mut hits = found.hits;
    hits.sort_by_key(|h| h.start); // stable, as Python's sort
    hits
}

/// `_ISO`'s matches. Its month and hour are forced (a '-' or ':' follows), its day too
/// (a shorter day leaves a digit next); the `(?!\d)` at its end is tried after the time
/// with its seconds, then without them, then after the day alone.
fn iso_dates(text: &str, found: &mut Found) {
    let mut pos = 0;
    while let Some(((c, end, hour, minute), start)) = next_match(&ISO, text, pos, |c| {
        let start = c.get(0)?.start();
        if char_before(text, start).is_some_and(rx_digit) {
            return None;
        }
        let d_end = group_end(&c, "d");
        if let Some(t) = ISO_TIME.captures(&text[d_end..]) {
            let (h, m) = (t.name("H")?, t.name("M")?);
            if let Some(s) = t.name("S") {
                if !digit_at(text, d_end + s.end()) {
                    return Some((c, d_end + s.end(), Some(h.as_str()), Some(m.as_str())));
                }
            }
            if !digit_at(text, d_end + m.end()) {
                return Some((c, d_end + m.end(), Some(h.as_str()), Some(m.as_str())));
            }
        }
        (!digit_at(text, d_end)).then_some((c, d_end, None, None))
    }) {
        let (y, mo, d) = (
            py_int(group(&c, "y")),
            py_int(group(&c, "m")),
            py_int(group(&c, "d")),
        );
        if let (Some(y), Some(mo), Some(d)) = (y, mo, d) {
            found.add(iso(y, mo, d, hour, minute, None), start, end);
        }
        pos = end;
    }
}

/// `_NUMERIC`'s matches: day, month and year with one separator ('21.10.2025'), then an
/// optional time. Every group is forced, so the look-behind, the back-reference and the
/// `(?!\d)` after the year each decide the start alone.
///
/// The Python reads a time before the date too (`_TIME_FIRST`, '10:30 21.10.2025'), but
/// searches it with `endpos` at the date's start, where its look-ahead for the date sees
/// the end of the string: it never matches (`find_dates('10:30 12/05/2025')` starts at
/// the date), so it is left out here.
fn numeric_dates(text: &str, month_first: bool, found: &mut Found) {
    let mut pos = 0;
    while let Some((c, start)) = next_match(&NUMERIC, text, pos, |c| {
        let start = c.get(0)?.start();
        let ok = !char_before(text, start).is_some_and(|p| p == '.' || rx_digit(p))
            && group(&c, "sep") == group(&c, "sep2")
            && !digit_at(text, group_end(&c, "y"));
        ok.then_some(c)
    }) {
        let (hour, minute, ampm, end) = time_at(text, group_end(&c, "y"));
        let (a, b, y) = (
            py_int(group(&c, "a")),
            py_int(group(&c, "b")),
            py_int(group(&c, "y")),
        );
        if let (Some(a), Some(b), Some(y)) = (a, b, y) {
            let us = month_first && group(&c, "sep") == "/" && a <= MONTHS;
            let (month, day) = if us || b > MONTHS { (a, b) } else { (b, a) };
            found.add(iso(y, month, day, hour, minute, ampm), start, end);
        }
        pos = end;
    }
}

/// The year of a date with a written month, or the hint; `None` skips the date.
fn year_of(y: &str, year_hint: Option<i32>) -> Option<i32> {
    if y.is_empty() {
        year_hint
    } else {
        py_int(y)
    }
}

/// `_YEAR_MONTH_DAY`'s matches ('2025. október 20.'). The day is forced (a shorter one
/// leaves a digit next); after it, '\.?(?!\d)' takes the dot unless a digit follows it.
fn year_month_day_dates(
    text: &str,
    months: &Map<Box<str>, u8>,
    year_hint: Option<i32>,
    found: &mut Found,
) {
    let mut pos = 0;
    while let Some(((c, d_end), start)) = next_match(&YEAR_MONTH_DAY, text, pos, |c| {
        let start = c.get(0)?.start();
        if char_before(text, start).is_some_and(rx_digit) {
            return None;
        }
        let d_end = group_end(&c, "d");
        let end = if char_at(text, d_end) == Some('.') && !digit_at(text, d_end + 1) {
            d_end + 1
        } else if !digit_at(text, d_end) {
            d_end
        } else {
            return None;
        };
        Some((c, end))
    }) {
        let (hour, minute, ampm, end) = time_at(text, d_end);
        let named = months.get(fold(group(&c, "mon")).as_str()).copied();
        add_named(
            found,
            &c,
            named,
            year_hint,
            start,
            end,
            (hour, minute, ampm),
        );
        pos = end;
    }
}

/// Adds a date with a written month, when the month is one and the year is known.
fn add_named(
    found: &mut Found,
    c: &Captures<'_>,
    named: Option<u8>,
    year_hint: Option<i32>,
    start: usize,
    end: usize,
    (hour, minute, ampm): (Option<&str>, Option<&str>, Option<&str>),
) {
    let (Some(month), Some(year)) = (named, year_of(group(c, "y"), year_hint)) else {
        return;
    };
    if let Some(day) = py_int(group(c, "d")) {
        found.add(
            iso(year, i32::from(month), day, hour, minute, ampm),
            start,
            end,
        );
    }
}

/// `_DAY_MONTH`'s matches ('20 octombrie 2025', '12. Februar'). Day, suffix, spaces and
/// month are forced by what follows each; the year is an optional tail whose `(?!\d)`
/// failing leaves it out; then the optional time.
fn day_month_dates(
    text: &str,
    months: &Map<Box<str>, u8>,
    year_hint: Option<i32>,
    found: &mut Found,
) {
    let mut pos = 0;
    while let Some((c, start)) = next_match(&DAY_MONTH, text, pos, |c| {
        let start = c.get(0)?.start();
        let behind = char_before(text, start).is_some_and(|p| rx_letter(p) || rx_digit(p));
        (!behind).then_some(c)
    }) {
        let mut mon_end = c.get(0).map_or(start, |m| m.end());
        let mut year = "";
        if let Some(y) = DAY_MONTH_YEAR
            .captures(&text[mon_end..])
            .and_then(|t| t.name("y"))
        {
            if !digit_at(text, mon_end + y.end()) {
                year = y.as_str();
                mon_end += y.end();
            }
        }
        let (hour, minute, ampm, end) = time_at(text, mon_end);
        let named = months.get(fold(group(&c, "mon")).as_str()).copied();
        if let (Some(month), Some(year)) = (named, year_of(year, year_hint)) {
            if let Some(day) = py_int(group(&c, "d")) {
                found.add(
                    iso(year, i32::from(month), day, hour, minute, ampm),
                    start,
                    end,
                );
            }
        }
        pos = end;
    }
}

/// `_MONTH_DAY`'s matches ('October 20, 2025', glued 'calendarApr 16, 2024'). It starts
/// after a non-letter, or between a lower-case and an upper-case letter; every group is
/// forced, so the `(?!\d)` after the year decides the start alone.
fn month_day_dates(
    text: &str,
    months: &Map<Box<str>, u8>,
    year_hint: Option<i32>,
    found: &mut Found,
) {
    let mut pos = 0;
    while let Some((c, start)) = next_match(&MONTH_DAY, text, pos, |c| {
        let start = c.get(0)?.start();
        let opens = match char_before(text, start) {
            None => true,
            Some(p) if !rx_letter(p) => true,
            Some(p) => rx_lower(p) && char_at(text, start).is_some_and(rx_upper),
        };
        (opens && !digit_at(text, group_end(&c, "y"))).then_some(c)
    }) {
        let (hour, minute, ampm, end) = time_at(text, group_end(&c, "y"));
        let mon = group(&c, "mon");
        let mut date_start = start;
        let mut named = months.get(fold(mon).as_str()).copied();
        if named.is_none() {
            (date_start, named) = glued_month(mon, start, months);
        }
        add_named(
            found,
            &c,
            named,
            year_hint,
            date_start,
            end,
            (hour, minute, ampm),
        );
        pos = end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Month names enough for the tests (folded, as `months.tsv` gives them).
    fn months() -> Map<Box<str>, u8> {
        let names = [
            ("octombrie", 10),
            ("februar", 2),
            ("october", 10),
            ("oct", 10),
            ("apr", 4),
            ("november", 11),
            ("mar", 3),
            ("martie", 3),
            ("may", 5),
            ("mai", 5),
            ("octubre", 10),
            ("oktober", 10),
            ("iul", 7),
            ("march", 3),
        ];
        names.iter().map(|&(n, m)| (n.into(), m)).collect()
    }

    fn isos(text: &str, year_hint: Option<i32>, month_first: bool) -> Vec<(String, usize, usize)> {
        find_dates(text, &months(), year_hint, month_first)
            .into_iter()
            .map(|h| (h.iso, h.start, h.end))
            .collect()
    }

    fn one(text: &str) -> Vec<String> {
        isos(text, None, false).into_iter().map(|h| h.0).collect()
    }

    #[test]
    fn a_bare_year_is_no_date() {
        // A year, or a month and a year, names no day: no date (issue 14, family 9: a
        // headline's "Bugetul pe 2026" became 2026-01-01 on the HTML route).
        for text in [
            "Bugetul pe 2026",
            "Bugetul pe 2026, adoptat de Guvern",
            "© 2026 Gazeta. Toate drepturile rezervate.",
            "2026",
            "Octombrie 2026",
            "octombrie, 2026",
            "Oct. 2026",
            "2026. október",
            "10/2026",
            "2026-10",
            "the 2025-2026 season",
        ] {
            assert_eq!(one(text), Vec::<String>::new(), "{text}");
        }
    }

    #[test]
    fn finds_dates_as_python() {
        // (text, ISO dates) as dates.find_dates gives them (checked by hand).
        let cases: &[(&str, &[&str])] = &[
            ("date 2025-10-20", &["2025-10-20"]),
            ("2025-10-20T08:05", &["2025-10-20T08:05"]),
            ("2025-10-20 08:05:30", &["2025-10-20T08:05"]),
            ("21/10/2025 08:00", &["2025-10-21T08:00"]),
            ("20 octombrie 2025", &["2025-10-20"]),
            ("12. Februar 2025", &["2025-02-12"]),
            ("20 de octubre de 2025", &["2025-10-20"]),
            ("October 20, 2025", &["2025-10-20"]),
            ("Oct. 20 2025", &["2025-10-20"]),
            ("calendarApr 16, 2024", &["2024-04-16"]),
            ("Jeffrey ZeldmanNovember 20, 2007", &["2007-11-20"]),
            ("2025. oktober 20.", &["2025-10-20"]),
            ("ngày 21 tháng 10 năm 2025", &["2025-10-21"]),
            ("Ngày 21 Tháng 10 Năm 2025", &["2025-10-21"]),
            ("March 3, 2024 2:05 PM", &["2024-03-03T14:05"]),
            ("March 3, 2024 12:05 a.m.", &["2024-03-03T00:05"]),
            ("19 iul. 2024, 07:48", &["2024-07-19T07:48"]),
            ("21.10.2025", &["2025-10-21"]),
            ("21.13.2025", &[]),
            ("13/12/2025", &["2025-12-13"]),
            ("1.2.3.2025", &[]),
            ("12025-01-02", &[]),
            ("2025-01-023", &[]),
            ("12 mai 2025 și 13 mai 2025", &["2025-05-12", "2025-05-13"]),
            ("no date here", &[]),
            ("May 2025", &[]),
            ("12 mai", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(one(text), *want, "{text}");
        }
    }

    #[test]
    fn spans_and_the_time_after_a_date() {
        // The time's end: "am." keeps its dot unless a letter follows it.
        assert_eq!(
            isos("May 3, 2024 10:30 am.", None, false),
            [("2024-05-03T10:30".into(), 0, 21)]
        );
        assert_eq!(
            isos("May 3, 2024 10:30 am.x", None, false),
            [("2024-05-03T10:30".into(), 0, 20)]
        );
        // A letter after 'am': no am/pm, the time ends at the minute.
        assert_eq!(
            isos("May 3, 2024 10:30 amx", None, false),
            [("2024-05-03T10:30".into(), 0, 17)]
        );
        // A third digit after the minute: no time.
        assert_eq!(
            isos("May 3, 2024 10:304", None, false),
            [("2024-05-03".into(), 0, 11)]
        );
        // Seconds that a digit follows are left out, the time kept.
        assert_eq!(
            isos("2025-01-02 10:20:304", None, false),
            [("2025-01-02T10:20".into(), 0, 16)]
        );
        // A time before the date is never read (see numeric_dates).
        assert_eq!(
            isos("10:30 12/05/2025", None, false),
            [("2025-05-12".into(), 6, 16)]
        );
        // Byte offsets: the date after a two-byte letter starts at byte 3.
        assert_eq!(
            isos("ă, 2025-01-02", None, false),
            [("2025-01-02".into(), 4, 14)]
        );
    }

    #[test]
    fn month_first_and_year_hint() {
        assert_eq!(isos("03/04/2025", None, true)[0].0, "2025-03-04");
        assert_eq!(isos("03/04/2025", None, false)[0].0, "2025-04-03");
        assert_eq!(isos("03.04.2025", None, true)[0].0, "2025-04-03");
        assert_eq!(isos("12. Februar", Some(2025), false)[0].0, "2025-02-12");
        assert!(isos("12. Februar", None, false).is_empty());
    }

    #[test]
    fn any_year_as_python() {
        assert!(any_year("in 1999"));
        assert!(any_year("2100"));
        assert!(!any_year("2101 1899 21"));
        assert!(any_year("19\u{661}\u{662}")); // Arabic-Indic digits are decimals
    }
}
