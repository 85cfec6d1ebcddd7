//! The one-line rules (`rules/{phrases,shapes,inline,site}`) for
//! `tests/parity/test_rules.py`. A line is built from the features the Python computed
//! (`Line::new`), so that the rules are compared on equal input.

use cleannews_core::features::{Features, Line};
use cleannews_core::rules::{self, inline, phrases, shapes, site, LineRule, Mark};
use cleannews_core::Set;
use pyo3::prelude::*;

use crate::engine::Engine;

/// A Python `Line`'s text, key and features: (text, key, n_words, n_stop, ends_sentence,
/// ends_ellipsis, is_prose).
type LineTuple = (String, String, u32, u32, bool, bool, bool);
/// A mark as Python compares it: (rule, opens_block, weak, in_block).
type MarkTuple = (&'static str, bool, bool, bool);

fn line_of(t: &LineTuple) -> Line {
    let (text, key, n_words, n_stop, ends_sentence, ends_ellipsis, is_prose) = t;
    Line::new(
        text.as_str(),
        key.as_str(),
        Features {
            n_words: *n_words,
            n_stop: *n_stop,
            ends_sentence: *ends_sentence,
            ends_ellipsis: *ends_ellipsis,
            is_prose: *is_prose,
        },
    )
}

fn mark_tuple(mark: Option<Mark>) -> Option<MarkTuple> {
    mark.map(|m| (m.rule.name(), m.opens_block, m.weak, m.in_block))
}

/// The rule functions of [`rule_verdicts_many`], in its column order (after the two
/// registries): the Python names.
const RULES: [(&str, LineRule); 12] = [
    ("phrase", phrases::phrase),
    ("labelled_link", phrases::labelled_link),
    ("counter_phrase", phrases::counter_phrase),
    ("empty_labels", phrases::empty_labels),
    ("ad_placeholder", shapes::ad_placeholder),
    ("image_file_name", shapes::image_file_name),
    ("bare_url", shapes::bare_url),
    ("list_marker", shapes::list_marker),
    ("breadcrumb", shapes::breadcrumb),
    ("copyright_notice", shapes::copyright_notice),
    ("lowercase_alt_text", shapes::lowercase_alt_text),
    ("truncated_teaser", shapes::truncated_teaser),
];

/// The names of the rule columns of [`rule_verdicts_many`] after its first two.
#[pyfunction]
fn rule_function_names() -> Vec<&'static str> {
    RULES.iter().map(|(name, _)| *name).collect()
}

/// For each line: its marks by `first_mark(PHRASE_RULES)`, `first_mark(SHAPE_RULES)` and
/// each rule function, and (`is_embed_signature`, `is_truncated`).
#[pyfunction]
fn rule_verdicts_many(
    py: Python<'_>,
    engine: &Engine,
    lines: Vec<LineTuple>,
) -> Vec<(Vec<Option<MarkTuple>>, bool, bool)> {
    let lexicon = &engine.lexicon;
    py.detach(|| {
        lines
            .iter()
            .map(|t| {
                let line = line_of(t);
                let mut marks = Vec::with_capacity(RULES.len() + 2);
                marks.push(mark_tuple(rules::first_mark(
                    &line,
                    lexicon,
                    rules::PHRASE_RULES,
                )));
                marks.push(mark_tuple(rules::first_mark(
                    &line,
                    lexicon,
                    rules::SHAPE_RULES,
                )));
                marks.extend(
                    RULES
                        .iter()
                        .map(|(_, rule)| mark_tuple(rule(&line, lexicon))),
                );
                (
                    marks,
                    shapes::is_embed_signature(&line),
                    shapes::is_truncated(&line),
                )
            })
            .collect()
    })
}

/// `inline.cut_tail(text, lexicon, tokens)` for each (text, tokens or None): (kept, rule).
#[pyfunction]
fn cut_tail_many(
    py: Python<'_>,
    engine: &Engine,
    items: Vec<(String, Option<Vec<String>>)>,
) -> Vec<Option<(String, &'static str)>> {
    let lexicon = &engine.lexicon;
    py.detach(|| {
        items
            .iter()
            .map(|(text, tokens)| {
                let tokens: Option<Vec<&str>> = tokens
                    .as_ref()
                    .map(|t| t.iter().map(String::as_str).collect());
                inline::cut_tail(text, lexicon, tokens.as_deref())
                    .map(|cut| (cut.kept, cut.rule.name()))
            })
            .collect()
    })
}

/// `site.profile_key` of each folded key.
#[pyfunction]
fn profile_key_many(keys: Vec<String>) -> Vec<String> {
    keys.iter()
        .map(|k| site::profile_key(k).into_owned())
        .collect()
}

/// `site.site_line(line, profile)` for each line, `profile` given as its keys.
#[pyfunction]
fn site_line_many(profile: Vec<String>, lines: Vec<LineTuple>) -> Vec<Option<MarkTuple>> {
    let profile: Set<Box<str>> = profile.into_iter().map(String::into_boxed_str).collect();
    lines
        .iter()
        .map(|t| mark_tuple(site::site_line(&line_of(t), &profile)))
        .collect()
}

/// Adds the one-line rules' functions to `_core._stages`.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(rule_function_names, m)?)?;
    m.add_function(wrap_pyfunction!(rule_verdicts_many, m)?)?;
    m.add_function(wrap_pyfunction!(cut_tail_many, m)?)?;
    m.add_function(wrap_pyfunction!(profile_key_many, m)?)?;
    m.add_function(wrap_pyfunction!(site_line_many, m)?)?;
    Ok(())
}
