//! Agency datelines at the start of a lead: '(PLO)- ...', '(AFP) - ...',
//! 'BUCUREŞTI, 12 mai (Agerpres) - ...'. The
//! dateline is cut from the paragraph and kept as the `agency` field.
//!
//! The Python opens the bracket with `_OPEN`, `\((?:\s*+|(?=\s*+\))(?>\s*(?= )))`: the
//! white space after the bracket taken whole, possessively, or (only when a ')' closes
//! it) up to its last space. That was made from `\(\s*`, with the same matches and
//! groups (its commit 7566215 checks it against the old pattern with hypothesis), only
//! linear under backtracking. The `regex` crate is linear on any pattern, so the old,
//! plain form is used here: its leftmost-first match is the old backtracking's.

use std::sync::LazyLock;

use regex::Regex;

use super::{char_len, regex};
use crate::normalize::fold;
use crate::unicode::{str_is_upper, strip};
use crate::Set;

/// An unknown name counts as an agency when it is an upper-case code this long at most.
pub const CODE_MAX_CHARS: usize = 12;

// `_PAREN`: "(PLO)-", "(AFP) –": a parenthesised short name, then a dash.
static PAREN: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"\A\([%s%]*(?P<name>[%L%%N%.&/ ]{1,30}?)[%s%]*\)[%s%]*\.?[-–—]{1,2}[%s%]*")
});
// `_PLACE`: "BUCUREȘTI, 12 mai (Agerpres) -", "Berlin (dpa) -", "Madrid, 15 feb (EFE).-",
// "București, 15 feb /Agerpres/ -": a capitalised place of at most three words, an
// optional date, the agency in brackets or slashes, a dash.
static PLACE: LazyLock<Regex> = LazyLock::new(|| {
    regex(concat!(
        r"\A(?P<place>[%Lu%][%L%'.\-]{1,25}(?:[%s%][%Lu%][%L%'.\-]{1,25}){0,2}),?[%s%]{0,3}",
        r"[^()/\n]{0,30}?",
        r"(?:\([%s%]*(?P<name>[%L%%N%.&/ ]{1,30}?)[%s%]*\)|/(?P<slashed>[%L%%N%.& ]{1,30}?)/)",
        r"[%s%]*\.?[-–—]{1,2}[%s%]*",
    ))
});

/// (agency, rest of the paragraph) when `text` opens with a dateline, else `None`.
///
/// The name must be a known news agency (`langdata/metadata.txt`) or, after a bare
/// parenthesis, an upper-case code ('(PLO)-'). With `allow_empty` a line that is only a
/// dateline matches, with an empty rest.
pub fn cut_dateline<'t>(
    text: &'t str,
    agencies: &Set<Box<str>>,
    allow_empty: bool,
) -> Option<(&'t str, &'t str)> {
    // What each pattern needs before it is run (the captures of these Unicode-class
    // patterns fall back to a backtracker sized by the whole line): `PAREN` opens with a
    // parenthesis, `PLACE` with a letter and holds a parenthesis or a slash.
    let opens_paren = text.starts_with('(');
    if !opens_paren && memchr::memchr2(b'(', b'/', text.as_bytes()).is_none() {
        return None;
    }
    let paren = if opens_paren {
        PAREN.captures(text)
    } else {
        None
    };
    let (name, end) = if let Some(m) = paren {
        let name = strip(m.name("name").map_or("", |g| g.as_str()));
        let code = name.replace(['.', ' '], "");
        let coded = str_is_upper(&code) && char_len(name) <= CODE_MAX_CHARS;
        if !agencies.contains(fold(name).as_str()) && !coded {
            return None;
        }
        (name, m.get(0)?.end())
    } else {
        let m = PLACE.captures(text)?;
        let name = m
            .name("name")
            .or(m.name("slashed"))
            .map_or("", |g| g.as_str());
        let name = strip(name);
        if !agencies.contains(fold(name).as_str()) {
            return None;
        }
        (name, m.get(0)?.end())
    };
    let rest = strip(&text[end..]);
    (!rest.is_empty() || allow_empty).then_some((name, rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn agencies() -> Set<Box<str>> {
        ["agerpres", "afp", "dpa", "efe", "reuters", "mediafax"]
            .iter()
            .map(|&a| a.into())
            .collect()
    }

    #[test]
    fn agency_datelines() {
        // tests/test_rules.py test_agency_datelines: (text, agency, rest).
        let cases = [
            ("(PLO)- Lorem ipsum", "PLO", "Lorem ipsum"),
            ("(AFP) - Le président a dit", "AFP", "Le président a dit"),
            (
                "BUCUREŞTI, 12 mai (Agerpres) - Guvernul a aprobat",
                "Agerpres",
                "Guvernul a aprobat",
            ),
            ("Berlin (dpa) - Die Regierung", "dpa", "Die Regierung"),
            ("Madrid, 15 feb (EFE).- El Gobierno", "EFE", "El Gobierno"),
            (
                "București, 15 feb /Agerpres/ - Guvernul",
                "Agerpres",
                "Guvernul",
            ),
            ("(  AFP  ) -  text", "AFP", "text"),
        ];
        for (text, agency, rest) in cases {
            assert_eq!(
                cut_dateline(text, &agencies(), false),
                Some((agency, rest)),
                "{text}"
            );
        }
    }

    #[test]
    fn not_datelines() {
        let lex = agencies();
        assert_eq!(
            cut_dateline("(Reuters is a news agency) and more text", &lex, false),
            None
        );
        assert_eq!(
            cut_dateline("Paris (la capitale) - une ville", &lex, false),
            None
        );
        // A lower-case unknown name after a bare bracket is no code.
        assert_eq!(cut_dateline("(foo) - text", &lex, false), None);
        // Only a dateline: a match only with allow_empty.
        assert_eq!(cut_dateline("Berlin (dpa) -", &lex, false), None);
        assert_eq!(
            cut_dateline("Berlin (dpa) -", &lex, true),
            Some(("dpa", ""))
        );
        // '(   ) -': the name is the last space (the old backtracking's first match),
        // stripped to nothing: no code, no agency.
        assert_eq!(cut_dateline("(   ) - x", &lex, false), None);
    }
}
