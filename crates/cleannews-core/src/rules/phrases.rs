//! Phrase-list rules: the language data of `langdata/phrases/*.txt` matched on folded
//! text.
//!
//! A line is clutter of a family when its folded key is a whole-line phrase of the family
//! or starts with a prefix phrase ([`phrase`]); when a whole-line phrase is the label
//! before a colon ([`labelled_link`]); when it is a counted phrase ([`counter_phrase`]);
//! or when it is nothing but field labels with no value ([`empty_labels`]).

use crate::features::Line;
use crate::lexicon::Lexicon;
use crate::normalize::fold;
use crate::rules::catalog::Rule;
use crate::rules::marks::Mark;
use crate::unicode;

/// Counters are short: "Kommentar (0)", "12 comments", "Shares 40".
pub const COUNTER_MAX_WORDS: u32 = 4;
/// Families whose words come with a count ("Kommentar (0)", "Share 40", "Like 12").
pub const COUNTED_FAMILIES: [Rule; 3] = [Rule::Comments, Rule::Navigation, Rule::Follow];
/// Nouns that follow a count at the head of a comment thread ("34 responses to ...").
pub const THREAD_WORDS: [&str; 4] = ["responses", "replies", "reactions", "thoughts"];
/// A label before a colon: "Read more:", "Citește și:", "Te-ar putea interesa și:".
pub const LABEL_MAX_WORDS: usize = 5;
/// A heading of a block family is short; a longer line that starts with one is inline.
pub const HEADING_MAX_WORDS: u32 = 8;

/// Python's `len(s.split())`: the words of `s` between runs of Python white space.
pub(crate) fn split_count(s: &str) -> usize {
    unicode::split(s).count()
}

/// A line that is, or starts with, a phrase of a clutter family.
///
/// A line that only starts with a read-also phrase is a link when what follows reads as a
/// headline: not a quotation ("„Citește și tu Constituția”, i-a replicat"), not a
/// sentence that goes on ("Citește și raportul complet al comisiei, ... .").
pub fn phrase(line: &Line, lexicon: &Lexicon) -> Option<Mark> {
    let hit = lexicon.phrases.match_line(line.key(), line.tokens())?;
    let text = line.text();
    if !hit.whole_line
        && hit.family.is_block_family()
        && (!text.chars().next().is_some_and(unicode::is_alnum)
            || (line.ends_sentence() && !colon_after_label(text)))
    {
        return None;
    }
    let heading = hit.whole_line || text.ends_with(':'); // "Related coverage from X:"
    let opens = heading && hit.family.is_block_family() && line.n_words() <= HEADING_MAX_WORDS;
    Some(Mark::heading(hit.family, opens))
}

/// A label and a colon, then a link: 'Read more: <headline>', 'Related: <headline>',
/// 'Vezi și: <headline>' (the label is a whole-line phrase of its family).
pub fn labelled_link(line: &Line, lexicon: &Lexicon) -> Option<Mark> {
    let (head, rest) = line.text().split_once(':')?;
    if unicode::strip(rest).is_empty() || split_count(head) > LABEL_MAX_WORDS {
        return None;
    }
    match lexicon.phrases.exact.get(fold(head).as_str()) {
        None | Some(Rule::EmptyLabel) => None,
        Some(&family) => Some(Mark::of(family)),
    }
}

fn colon_after_label(text: &str) -> bool {
    text.split_once(':')
        .is_some_and(|(head, _)| split_count(head) <= LABEL_MAX_WORDS)
}

/// A phrase with a count: 'Kommentar (0)', '12 comments', 'Share 40', and a count that
/// opens a comment thread: '34 responses to "<title>"'.
pub fn counter_phrase(line: &Line, lexicon: &Lexicon) -> Option<Mark> {
    let mut tokens = line.tokens();
    if line.n_tokens() > 1 && line.n_words() <= HEADING_MAX_WORDS * 2 {
        if let (Some(first), Some(second)) = (tokens.next(), tokens.next()) {
            if unicode::str_is_digit(first) {
                let family = lexicon.phrases.exact.get(second);
                if family == Some(&Rule::Comments)
                    || (family.is_none() && THREAD_WORDS.contains(&second))
                {
                    return Some(Mark::of(Rule::Comments));
                }
            }
        }
    }
    if line.n_words() > COUNTER_MAX_WORDS || !line.tokens().any(unicode::str_is_digit) {
        return None;
    }
    let mut words = String::new();
    for t in line.tokens().filter(|t| !unicode::str_is_digit(t)) {
        if !words.is_empty() {
            words.push(' ');
        }
        words.push_str(t);
    }
    if words.is_empty() {
        return None;
    }
    match lexicon.phrases.exact.get(words.as_str()) {
        Some(&family) if COUNTED_FAMILIES.contains(&family) => Some(Mark::of(family)),
        _ => None,
    }
}

/// Field labels with no value: 'Data actualizării: Data publicării:'.
pub fn empty_labels(line: &Line, lexicon: &Lexicon) -> Option<Mark> {
    let text = unicode::rstrip(line.text());
    let body = text.strip_suffix(':')?;
    // Python: `text.split(":")[:-1]`, each stripped: the pieces before the last colon.
    body.split(':')
        .all(|p| {
            lexicon
                .empty_labels
                .contains(fold(unicode::strip(p)).as_str())
        })
        .then_some(Mark::of(Rule::EmptyLabel))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{lexicon, line, rule_of};

    #[test]
    fn phrase_rules() {
        // tests/test_rules.py::test_phrase_rules
        let cases = [
            ("Top Citite", Rule::MostRead),
            ("Citește și", Rule::ReadAlso),
            ("Citeşte şi: Guvernul a aprobat bugetul", Rule::ReadAlso),
            ("Partenerii noștri", Rule::Partners),
            ("Recomandările redacţiei", Rule::EditorsPicks),
            ("Ultimele știri", Rule::LatestNews),
            (
                "Urmărește știrile Digi24.ro și pe Google News",
                Rule::Follow,
            ),
            ("Descarcă aplicația Digi Sport", Rule::Follow),
            ("Live TV", Rule::Navigation),
            ("Kommentar (0)", Rule::Comments),
            (
                "34 responses to “Anthony Lynn: We needed to win”",
                Rule::Comments,
            ),
            ("Data actualizării: Data publicării:", Rule::EmptyLabel),
            ("Read more: Fed holds rates steady", Rule::ReadAlso),
            ("Despre autor", Rule::AuthorBio),
            ("Table of Contents", Rule::Navigation),
        ];
        for (text, rule) in cases {
            assert_eq!(rule_of(text), Some(rule), "{text:?}");
        }
    }

    #[test]
    fn each_rule_on_its_own() {
        // (rule, text, the mark it gives), read off the Python functions' code.
        type Case = (LineRule, &'static str, Option<Mark>);
        use crate::rules::LineRule;
        let cases: [Case; 12] = [
            // a whole-line heading of a block family opens a block
            (
                phrase,
                "Citește și",
                Some(Mark::heading(Rule::ReadAlso, true)),
            ),
            // a prefix with a colon after it: a heading too
            (
                phrase,
                "Citește și:",
                Some(Mark::heading(Rule::ReadAlso, true)),
            ),
            // a line that starts with the phrase and is a headline: inline, no block
            (
                phrase,
                "Citește și Guvernul a aprobat bugetul",
                Some(Mark::heading(Rule::ReadAlso, false)),
            ),
            // a label and a colon, then a sentence: still a link
            (
                phrase,
                "Citește și: Guvernul a aprobat bugetul.",
                Some(Mark::heading(Rule::ReadAlso, false)),
            ),
            (
                labelled_link,
                "Read more: Fed holds rates steady",
                Some(Mark::of(Rule::ReadAlso)),
            ),
            (labelled_link, "Read more:", None),
            // more than LABEL_MAX_WORDS words before the colon
            (labelled_link, "one two three four five six: x", None),
            (
                counter_phrase,
                "12 comments",
                Some(Mark::of(Rule::Comments)),
            ),
            (
                counter_phrase,
                "12 replies to the post",
                Some(Mark::of(Rule::Comments)),
            ),
            (counter_phrase, "12 34", None),
            (
                empty_labels,
                "Data actualizării: Data publicării:",
                Some(Mark::of(Rule::EmptyLabel)),
            ),
            (empty_labels, "Data actualizării: 3 mai:", None),
        ];
        for (rule, text, want) in cases {
            assert_eq!(rule(&line(text), lexicon()), want, "{text:?}");
        }
    }

    #[test]
    fn python_str_helpers() {
        assert_eq!(split_count(" a\u{a0}b\u{1c}c  "), 3);
        assert_eq!(split_count("\u{200b}"), 1); // not white space in Python
        assert!(unicode::str_is_digit("²3"));
        assert!(!unicode::str_is_digit(""));
    }
}
