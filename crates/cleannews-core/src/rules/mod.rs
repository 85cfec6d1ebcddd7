//! The clutter rules, one family a module, and the ordered registries that apply them
//!.
//!
//! Like ftfy's fixers, each line rule is a small pure function
//! `fn(&Line, &Lexicon) -> Option<Mark>` named after what it finds; [`PHRASE_RULES`] and
//! [`SHAPE_RULES`] list them in the order they are tried (the first that fires decides).
//! Rules that look at neighbouring lines live in [`blocks`], [`threads`] and [`repeats`];
//! where the article body runs is decided in [`crate::body`].

pub mod blocks;
pub mod catalog;
pub mod inline;
pub mod marks;
pub mod phrases;
pub mod repeats;
pub mod shapes;
pub mod site;
pub mod threads;

use crate::features::Line;
use crate::lexicon::Lexicon;
pub use catalog::Rule;
pub use marks::Mark;

/// A rule that judges one line by itself.
pub type LineRule = fn(&Line, &Lexicon) -> Option<Mark>;

/// Tried before the metadata lines: a phrase names its clutter precisely ("Riproduzione
/// riservata © ANSA" is a copyright line, not a photo credit).
pub const PHRASE_RULES: &[LineRule] = &[
    phrases::phrase,
    phrases::labelled_link,
    phrases::counter_phrase,
    phrases::empty_labels,
];

/// Tried after the metadata lines: shapes are generic ("Foto: X" is a caption first).
pub const SHAPE_RULES: &[LineRule] = &[
    shapes::ad_placeholder,
    shapes::image_file_name,
    shapes::bare_url,
    shapes::list_marker,
    shapes::separator_line,
    shapes::breadcrumb,
    shapes::copyright_notice,
    shapes::lowercase_alt_text,
    shapes::joined_teasers,
    shapes::truncated_teaser,
];

/// The verdict of the first of `rules` that fires, or `None`.
pub fn first_mark(line: &Line, lexicon: &Lexicon, rules: &[LineRule]) -> Option<Mark> {
    rules.iter().find_map(|rule| rule(line, lexicon))
}

/// What the rules' unit tests share: the packaged language data and lines built as the
/// pipeline builds them.
#[cfg(test)]
pub(crate) mod testing {
    use std::path::PathBuf;
    use std::sync::LazyLock;

    use super::{first_mark, PHRASE_RULES, SHAPE_RULES};
    use crate::config::Config;
    use crate::features::{leak, make_line, Line};
    use crate::lexicon::{LangData, Lexicon};
    use crate::normalize::fold;
    use crate::rules::catalog::Rule;
    use crate::Set;

    fn langdata() -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../src/cleannews/langdata")
    }

    /// The lexicon of the packaged `langdata/` files, without stop lists (jusText's are
    /// not in the repository; the one-line rules read none).
    pub fn lexicon() -> &'static Lexicon {
        static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
            let data = LangData::read(&langdata(), None).expect("the langdata files read");
            Lexicon::build(&data.sources()).unwrap_or_else(|e| panic!("langdata: {e}"))
        });
        &LEXICON
    }

    /// `text`'s line, read with no stop list (`features.make_line`).
    pub fn line(text: &str) -> Line<'_> {
        let none = Set::default();
        make_line(text, leak(fold(text)), &none, &Config::default(), &none)
    }

    /// jusText's stop words of the test texts of the neighbour passes (`blocks`,
    /// `threads`, `repeats`, `body`, `metadata::title`), by language: the words of
    /// `tests/test_rules.py`'s lines that its stop lists hold, so that these lines read
    /// as the Python reads them (the full lists are not in the repository).
    fn test_stopwords(language: &str) -> &'static [&'static str] {
        match language {
            "ro" => &[
                "a",
                "al",
                "astazi",
                "au",
                "ca",
                "cat",
                "cu",
                "de",
                "declarat",
                "dupa",
                "fi",
                "george",
                "guvernul",
                "in",
                "luni",
                "o",
                "parlamentului",
                "pe",
                "pentru",
                "primul",
                "privind",
                "si",
                "titlul",
                "trimis",
                "un",
                "va",
            ],
            "en" => &[
                "a", "about", "air", "and", "are", "at", "band", "before", "can", "current",
                "first", "five", "home", "in", "include", "is", "it", "june", "live", "must", "of",
                "on", "play", "second", "that", "the", "these", "to", "united", "west", "what",
                "will", "with", "you",
            ],
            _ => &[],
        }
    }

    /// `text`'s line, read with the stop words of `language` (see [`test_stopwords`]).
    pub fn line_in<'a>(text: &'a str, language: &str) -> Line<'a> {
        let stop: Set<Box<str>> = test_stopwords(language).iter().map(|&w| w.into()).collect();
        make_line(
            text,
            leak(fold(text)),
            &stop,
            &Config::default(),
            &Set::default(),
        )
    }

    /// The rule of the first registry rule that fires on `text` (phrases, then shapes),
    /// as `tests/test_rules.py`'s `rule_of`.
    pub fn rule_of(text: &str) -> Option<Rule> {
        let ln = line(text);
        first_mark(&ln, lexicon(), PHRASE_RULES)
            .or_else(|| first_mark(&ln, lexicon(), SHAPE_RULES))
            .map(|m| m.rule)
    }
}

#[cfg(test)]
mod tests {
    use super::testing::rule_of;

    #[test]
    fn no_rule_fires_on_text_lines() {
        // tests/test_rules.py::test_no_rule_fires_on_text_lines
        let texts = [
            "Citește și raportul complet al comisiei, publicat ieri, care detaliază cheltuielile.",
            "„Citeşte şi tu Constituţia”, i-a replicat deputatul.",
            "Ministrul a declarat că guvernul va lua o decizie săptămâna viitoare.",
            "Rusia a trimis o scrisoare Statelor Unite privind criza din Ucraina",
            "Iran > Israel: the balance of power in 2025", // one '>' is not a trail
            "Photos", // a lone word: judged by its neighbours, not by shape
        ];
        for text in texts {
            assert_eq!(rule_of(text), None, "{text:?}");
        }
    }
}
