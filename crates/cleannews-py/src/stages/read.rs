//! The reading stage (unicode tables, normalisation, folding, the lexicon, the language
//! vote, line features) for `tests/parity/test_read.py`.

use std::collections::{BTreeMap, BTreeSet};

use cleannews_core::config::Config;
use cleannews_core::lexicon::MetaSection;
use cleannews_core::{features, language, normalize, unicode, Set};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString};

use crate::engine::Engine;
use crate::text::text;

/// The class names of `unicode_class_bits`, in bit order.
#[pyfunction]
fn unicode_class_names() -> Vec<&'static str> {
    unicode::class_names().to_vec()
}

/// Every class's bits for each character of `chars`.
#[pyfunction]
fn unicode_class_bits(chars: &str) -> Vec<u32> {
    chars.chars().map(unicode::class_bits).collect()
}

/// `str.lower`, `str.upper`, `str.splitlines`, `repr` as the core computes them.
#[pyfunction]
fn unicode_lower(s: &str) -> String {
    unicode::lower(s).into_owned()
}

/// See [`unicode_lower`].
#[pyfunction]
fn unicode_upper(s: &str) -> String {
    unicode::upper(s).into_owned()
}

/// See [`unicode_lower`].
#[pyfunction]
fn unicode_splitlines(s: &str) -> Vec<&str> {
    unicode::splitlines(s)
}

/// See [`unicode_lower`].
#[pyfunction]
fn unicode_repr(s: &str) -> String {
    unicode::repr(s)
}

/// `normalize.split_lines`.
#[pyfunction]
fn split_lines(s: &Bound<'_, PyString>) -> PyResult<Vec<String>> {
    Ok(normalize::split_lines(&text(s)?)
        .into_iter()
        .map(str::to_owned)
        .collect())
}

/// `normalize.normalize_lines`.
#[pyfunction]
fn normalize_lines(s: &Bound<'_, PyString>) -> PyResult<Vec<String>> {
    Ok(normalize::normalize_lines(&text(s)?))
}

/// `normalize.normalize_line`.
#[pyfunction]
fn normalize_line(s: &Bound<'_, PyString>) -> PyResult<String> {
    Ok(normalize::normalize_line(&text(s)?))
}

/// `normalize.has_mojibake_hint`.
#[pyfunction]
fn has_mojibake_hint(s: &Bound<'_, PyString>) -> PyResult<bool> {
    Ok(normalize::has_mojibake_hint(&text(s)?))
}

/// `unicodedata.normalize("NFC", s)` as the core computes it.
#[pyfunction]
fn nfc(s: &str) -> String {
    normalize::nfc(s).into_owned()
}

/// `unicodedata.normalize("NFKD", s)` as the core computes it.
#[pyfunction]
fn nfkd(s: &str) -> String {
    normalize::nfkd(s).into_owned()
}

/// `normalize.fold_tokens` of each line.
#[pyfunction]
fn fold_tokens_many(lines: Vec<String>) -> Vec<Vec<String>> {
    lines.iter().map(|l| normalize::fold_tokens(l)).collect()
}

/// `normalize.fold`.
#[pyfunction]
fn fold(s: &str) -> String {
    normalize::fold(s)
}

/// `normalize.romanian_comma_letters`.
#[pyfunction]
fn romanian_comma_letters(s: &str) -> String {
    normalize::romanian_comma_letters(s).into_owned()
}

fn strings<'a>(set: impl IntoIterator<Item = &'a Box<str>>) -> BTreeSet<String> {
    set.into_iter().map(|s| s.to_string()).collect()
}

/// The engine's lexicon tables, as Python values named like `lexicon.Lexicon`'s fields.
#[pyfunction]
fn lexicon_tables<'py>(py: Python<'py>, engine: &Engine) -> PyResult<Bound<'py, PyDict>> {
    let lex = &engine.lexicon;
    let out = PyDict::new(py);
    let families = |m: &cleannews_core::Map<Box<str>, cleannews_core::rules::Rule>| {
        m.iter()
            .map(|(k, r)| (k.to_string(), r.name()))
            .collect::<BTreeMap<String, &str>>()
    };
    out.set_item("exact", families(&lex.phrases.exact))?;
    out.set_item("prefix", families(&lex.phrases.prefix))?;
    out.set_item("prefix_lengths", lex.phrases.prefix_lengths.clone())?;
    out.set_item("prefix_heads", strings(&lex.phrases.prefix_heads))?;
    let meta: BTreeMap<&str, BTreeSet<String>> = MetaSection::ALL
        .iter()
        .filter(|s| !lex.meta(**s).is_empty())
        .map(|&s| (s.name(), strings(lex.meta(s))))
        .collect();
    out.set_item("metadata", meta)?;
    let months: BTreeMap<String, u8> = lex
        .months
        .iter()
        .map(|(k, v)| (k.to_string(), *v))
        .collect();
    out.set_item("months", months)?;
    let stop: BTreeMap<String, BTreeSet<String>> = lex
        .stopwords
        .iter()
        .map(|(k, v)| (k.to_string(), strings(v)))
        .collect();
    out.set_item("stopwords", stop)?;
    out.set_item(
        "vote_codes",
        lex.vote_codes
            .iter()
            .map(|c| c.to_string())
            .collect::<Vec<_>>(),
    )?;
    let votes: BTreeMap<String, Vec<u16>> = lex
        .stop_votes
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_vec()))
        .collect();
    out.set_item("stop_votes", votes)?;
    out.set_item("says_words", strings(&lex.says_words))?;
    out.set_item("month_first", strings(&lex.month_first))?;
    out.set_item("empty_labels", strings(&lex.empty_labels))?;
    out.set_item("label_heads", strings(&lex.label_heads))?;
    Ok(out)
}

/// `PhraseIndex.match(key, tokens)` for each (key, tokens): (family, whole_line) or None.
#[pyfunction]
fn phrase_match_many(
    engine: &Engine,
    lines: Vec<(String, Vec<String>)>,
) -> Vec<Option<(&'static str, bool)>> {
    lines
        .iter()
        .map(|(key, tokens)| {
            engine
                .lexicon
                .phrases
                .match_line(key, tokens.iter().map(String::as_str))
                .map(|m| (m.family.name(), m.whole_line))
        })
        .collect()
}

/// `language.detect_languages` of each document's token lines.
#[pyfunction]
fn detect_languages_many(engine: &Engine, docs: Vec<Vec<Vec<String>>>) -> Vec<Vec<String>> {
    docs.iter()
        .map(|doc| {
            let lines = doc.iter().map(|line| line.iter().map(String::as_str));
            language::detect_languages(lines, &engine.lexicon)
        })
        .collect()
}

/// `features.make_line` of each (text, tokens) with the page's languages (the pipeline's
/// choice of stop lists: the first language's, the second's), default `Config`:
/// (n_words, n_stop, ends_sentence, ends_ellipsis, is_prose) of each.
#[pyfunction]
fn make_line_many(
    engine: &Engine,
    lines: Vec<(String, Vec<String>)>,
    languages: Vec<String>,
) -> Vec<(u32, u32, bool, bool, bool)> {
    let empty = Set::default();
    let stop_of = |i: usize| {
        languages
            .get(i)
            .and_then(|code| engine.lexicon.stopwords.get(code.as_str()))
            .unwrap_or(&empty)
    };
    let (stop, second) = (stop_of(0), stop_of(1));
    let config = Config::default();
    lines
        .into_iter()
        .map(|(text, tokens)| {
            let line = features::make_line(text, tokens.join(" "), stop, &config, second);
            (
                line.n_words(),
                line.n_stop(),
                line.ends_sentence(),
                line.ends_ellipsis(),
                line.is_prose(),
            )
        })
        .collect()
}

/// Adds the reading stage's functions to `_core._stages`.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(unicode_class_names, m)?)?;
    m.add_function(wrap_pyfunction!(unicode_class_bits, m)?)?;
    m.add_function(wrap_pyfunction!(unicode_lower, m)?)?;
    m.add_function(wrap_pyfunction!(unicode_upper, m)?)?;
    m.add_function(wrap_pyfunction!(unicode_splitlines, m)?)?;
    m.add_function(wrap_pyfunction!(unicode_repr, m)?)?;
    m.add_function(wrap_pyfunction!(split_lines, m)?)?;
    m.add_function(wrap_pyfunction!(normalize_lines, m)?)?;
    m.add_function(wrap_pyfunction!(normalize_line, m)?)?;
    m.add_function(wrap_pyfunction!(has_mojibake_hint, m)?)?;
    m.add_function(wrap_pyfunction!(nfc, m)?)?;
    m.add_function(wrap_pyfunction!(nfkd, m)?)?;
    m.add_function(wrap_pyfunction!(fold_tokens_many, m)?)?;
    m.add_function(wrap_pyfunction!(fold, m)?)?;
    m.add_function(wrap_pyfunction!(romanian_comma_letters, m)?)?;
    m.add_function(wrap_pyfunction!(lexicon_tables, m)?)?;
    m.add_function(wrap_pyfunction!(phrase_match_many, m)?)?;
    m.add_function(wrap_pyfunction!(detect_languages_many, m)?)?;
    m.add_function(wrap_pyfunction!(make_line_many, m)?)?;
    Ok(())
}
