//! The core's text functions for the Python side: what keys a line for a profile
//! (`cleannews.profile`), folds the HTML path's titles (`cleannews.html`) and finds the
//! mojibake signature (`cleannews.repair`) must be the core's own, so that a line learned
//! in Python is the line the core looks up. A lone surrogate in the input is treated as
//! the core treats it (`crate::text`): deleted where a line is normalised.

use cleannews_core::lexicon::MetaSection;
use cleannews_core::normalize;
use cleannews_core::rules::catalog::Rule;
use cleannews_core::rules::site;
use cleannews_core::unicode;
use pyo3::prelude::*;
use pyo3::types::PyString;

use crate::text::text;

/// Python functions of one `str`, each the core function of its text (`crate::text`).
macro_rules! text_functions {
    ($($(#[$doc:meta])* fn $name:ident($s:ident) -> $out:ty = $body:expr;)*) => {$(
        $(#[$doc])*
        #[pyfunction]
        fn $name(s: &Bound<'_, PyString>) -> PyResult<$out> {
            let $s = text(s)?;
            Ok($body)
        }
    )*};
}

text_functions! {
    /// The input's lines, cut at LF, CRLF and CR (a final break ends the last line).
    fn split_lines(s) -> Vec<String> =
        normalize::split_lines(&s).into_iter().map(str::to_owned).collect();
    /// One line as it appears in the output: NFC, invisible characters gone, spaces
    /// folded (the lines of `s` joined by one space).
    fn normalize_line(s) -> String = normalize::normalize_line(&s);
    /// `normalize_line` of every line of `s` (`split_lines`).
    fn normalize_lines(s) -> Vec<String> = normalize::normalize_lines(&s);
    /// Does `s` carry the signature of mojibake (a UTF-8 lead byte read as
    /// Latin-1/cp1252, then a continuation byte so read: "Ã®", "â€™")?
    fn has_mojibake_hint(s) -> bool = normalize::has_mojibake_hint(&s);
    /// The matching key: lower case (Python's `str.lower`), no diacritics, word tokens
    /// joined by one space ("Citește și:" -> "citeste si").
    fn fold(s) -> String = normalize::fold(&s);
    /// The word tokens of `fold(s)`.
    fn fold_tokens(s) -> Vec<String> = normalize::fold_tokens(&s);
    /// Romanian cedilla letters (legacy encodings) made the comma-below letters.
    fn romanian_comma_letters(s) -> String =
        normalize::romanian_comma_letters(&s).into_owned();
    /// A folded line's profile key: every number folded to 0 ("12 comentarii" and
    /// "3 comentarii" agree).
    fn profile_key(s) -> String = site::profile_key(&s).into_owned();
}

/// The class names of [`unicode_class_bits`], in bit order (the core's character tables,
/// generated from CPython's by `crates/cleannews-core/tools/gen_unicode.py`).
#[pyfunction]
fn unicode_class_names() -> Vec<&'static str> {
    unicode::class_names().to_vec()
}

/// Every class's bits for each character of `chars`: `tests/test_unicode_tables.py` asks
/// the running Python the same of every code point.
#[pyfunction]
fn unicode_class_bits(chars: &str) -> Vec<u32> {
    chars.chars().map(unicode::class_bits).collect()
}

/// The core's mappings of `s`, named as Python's: `str.lower`, `str.upper`,
/// `str.splitlines`, `repr`, `unicodedata.normalize("NFC"/"NFKD")`.
#[pyfunction]
fn unicode_map(how: &str, s: &str) -> PyResult<Vec<String>> {
    let one = |t: std::borrow::Cow<'_, str>| vec![t.into_owned()];
    Ok(match how {
        "lower" => one(unicode::lower(s)),
        "upper" => one(unicode::upper(s)),
        "nfc" => one(normalize::nfc(s)),
        "nfkd" => one(normalize::nfkd(s)),
        "repr" => vec![unicode::repr(s)],
        "splitlines" => unicode::splitlines(s)
            .into_iter()
            .map(str::to_owned)
            .collect(),
        _ => {
            return Err(pyo3::exceptions::PyValueError::new_err(format!(
                "no mapping {how:?}"
            )))
        }
    })
}

/// The catalogue of rule names, in code order: (name, category, description) of each.
#[pyfunction]
fn rule_catalog() -> Vec<(&'static str, &'static str, &'static str)> {
    Rule::ALL
        .iter()
        .map(|r| (r.name(), r.category().name(), r.description()))
        .collect()
}

/// The phrase families of the phrase files' `[sections]`: (those whose heading opens a
/// block of clutter, those that remove one line), each in catalogue order.
#[pyfunction]
fn phrase_families() -> (Vec<&'static str>, Vec<&'static str>) {
    let names = |keep: fn(Rule) -> bool| {
        Rule::ALL
            .iter()
            .filter(|r| keep(**r))
            .map(|r| r.name())
            .collect()
    };
    (names(Rule::is_block_family), names(Rule::is_line_family))
}

/// The `[sections]` that `langdata/metadata.txt` may hold.
#[pyfunction]
fn metadata_sections() -> Vec<&'static str> {
    MetaSection::ALL.iter().map(|s| s.name()).collect()
}

/// Adds the text functions and the rule catalogue to the module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(split_lines, m)?)?;
    m.add_function(wrap_pyfunction!(normalize_line, m)?)?;
    m.add_function(wrap_pyfunction!(normalize_lines, m)?)?;
    m.add_function(wrap_pyfunction!(has_mojibake_hint, m)?)?;
    m.add_function(wrap_pyfunction!(fold, m)?)?;
    m.add_function(wrap_pyfunction!(fold_tokens, m)?)?;
    m.add_function(wrap_pyfunction!(romanian_comma_letters, m)?)?;
    m.add_function(wrap_pyfunction!(profile_key, m)?)?;
    m.add_function(wrap_pyfunction!(rule_catalog, m)?)?;
    m.add_function(wrap_pyfunction!(phrase_families, m)?)?;
    m.add_function(wrap_pyfunction!(metadata_sections, m)?)?;
    m.add_function(wrap_pyfunction!(unicode_class_names, m)?)?;
    m.add_function(wrap_pyfunction!(unicode_class_bits, m)?)?;
    m.add_function(wrap_pyfunction!(unicode_map, m)?)?;
    Ok(())
}
