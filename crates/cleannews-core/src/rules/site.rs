//! Site boilerplate learned from a site's own pages (`cleannews.learn`,
//! in `src/cleannews/profile.py`): a line that the site repeats on many pages is clutter,
//! unless it reads as prose inside the body (the body heuristics veto: a standard legal
//! sentence can be an article's own subject).
//!
//! The profile is the set of the learned lines' [`profile_key`]s: `&Set<Box<str>>`. The
//! Python takes any `LineSet` (an object with `__contains__`); the only one there is a
//! learned `Profile`, whose `__contains__` is a look-up in its frozenset of keys, so the
//! set itself is what crosses into the core (no trait: one implementation, no dynamic
//! call per line).

use std::borrow::Cow;

use crate::features::Line;
use crate::rules::catalog::Rule;
use crate::rules::marks::Mark;
use crate::unicode;
use crate::Set;

/// What every number of a key becomes.
const NUMBER_KEY: &str = "0";

/// A line's profile key: its folded key (case, diacritics, punctuation, spaces folded)
/// with every number (a run of `regex`-module `\d`) folded to 0, so that '12 comentarii'
/// and '3 comentarii' agree. Borrows the key when it has no digit (most lines).
pub fn profile_key(folded: &str) -> Cow<'_, str> {
    let is_digit = unicode::rx_digit;
    if !folded.contains(is_digit) {
        return Cow::Borrowed(folded);
    }
    let mut out = String::with_capacity(folded.len());
    let mut in_number = false;
    for c in folded.chars() {
        if is_digit(c) {
            if !in_number {
                out.push_str(NUMBER_KEY);
            }
            in_number = true;
        } else {
            out.push(c);
            in_number = false;
        }
    }
    Cow::Owned(out)
}

/// A line the site repeats; weak (kept inside the body) when it reads as prose.
pub fn site_line(line: &Line, profile: &Set<Box<str>>) -> Option<Mark> {
    let key = line.key();
    if key.is_empty() || !profile.contains(&*profile_key(key)) {
        return None;
    }
    Some(Mark::weak(Rule::SiteProfile, line.is_prose()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::fold;
    use crate::rules::testing::line;

    fn profile(texts: &[&str]) -> Set<Box<str>> {
        texts.iter().map(|t| profile_key(&fold(t)).into()).collect()
    }

    #[test]
    fn numbers_fold_to_zero() {
        assert_eq!(profile_key("12 comentarii"), "0 comentarii");
        assert_eq!(profile_key("a1b22c ٣٤"), "a0b0c 0");
        assert!(matches!(profile_key("no digits"), Cow::Borrowed(_)));
    }

    #[test]
    fn site_profile_marks_known_lines_weakly_when_prose() {
        // tests/test_rules.py::test_site_profile_marks_known_lines_weakly_when_prose
        let known = profile(&["Urmărește-ne pe Facebook: 12 comentarii"]);
        let mark = site_line(&line("Urmareste-ne pe facebook: 3 comentarii"), &known);
        assert_eq!(mark, Some(Mark::weak(Rule::SiteProfile, false)));
        assert_eq!(
            site_line(&line("Un alt rând, pe care profilul nu îl știe."), &known),
            None
        );
        let prose =
            "Ministrul a declarat luni că guvernul va lua o decizie privind bugetul în ședința de joi.";
        let mark = site_line(&line(prose), &profile(&[prose]));
        assert_eq!(mark, Some(Mark::weak(Rule::SiteProfile, true))); // the body may veto it
        assert_eq!(site_line(&line("..."), &profile(&[""])), None); // no key, no match
    }
}
