//! The metadata readers (`metadata/{dates,fields,agency}.rs`) for
//! `tests/parity/test_metadata.py`.

use cleannews_core::features::{Features, Line};
use cleannews_core::lexicon::MetaSection;
use cleannews_core::metadata::{agency, dates, fields};
use pyo3::prelude::*;

use crate::engine::Engine;

/// A line's text, key and features, as the Python `Line` holds them: (text, key,
/// n_words, n_stop, ends_sentence, ends_ellipsis, is_prose).
type LineFeatures = (String, String, u32, u32, bool, bool, bool);

/// A `MetaHit` as a tuple: (rule, value, title, authors, weak, named).
type Hit = (
    &'static str,
    Vec<String>,
    Option<String>,
    Vec<String>,
    bool,
    Vec<String>,
);

/// The core's `Line` from the Python `Line`'s features.
fn line(
    (text, key, n_words, n_stop, ends_sentence, ends_ellipsis, is_prose): LineFeatures,
) -> Line {
    let features = Features {
        n_words,
        n_stop,
        ends_sentence,
        ends_ellipsis,
        is_prose,
    };
    Line::new(text, key, features)
}

/// `pipeline._metadata(line, lexicon, month_first)` of each line.
#[pyfunction]
fn line_metadata_many(
    py: Python<'_>,
    engine: &Engine,
    lines: Vec<LineFeatures>,
    month_first: bool,
) -> Vec<Option<Hit>> {
    let lexicon = &engine.lexicon;
    py.detach(|| {
        lines
            .into_iter()
            .map(|features| {
                fields::line_metadata(&line(features), lexicon, month_first)
                    .map(|h| (h.rule.name(), h.value, h.title, h.authors, h.weak, h.named))
            })
            .collect()
    })
}

/// `fields.bare_name` and `fields.labels_a_byline` of each line.
#[pyfunction]
fn bare_name_many(
    py: Python<'_>,
    engine: &Engine,
    lines: Vec<LineFeatures>,
) -> Vec<(Option<Vec<String>>, bool)> {
    let lexicon = &engine.lexicon;
    py.detach(|| {
        lines
            .into_iter()
            .map(|features| {
                let line = line(features);
                let name = fields::bare_name(&line, lexicon).map(|h| h.value);
                (name, fields::labels_a_byline(&line, lexicon))
            })
            .collect()
    })
}

/// `agency.cut_dateline(text, lexicon.meta("news_agency"), allow_empty)` of each text.
#[pyfunction]
fn cut_dateline_many(
    py: Python<'_>,
    engine: &Engine,
    texts: Vec<String>,
    allow_empty: bool,
) -> Vec<Option<(String, String)>> {
    let agencies = engine.lexicon.meta(MetaSection::NewsAgency);
    py.detach(|| {
        texts
            .iter()
            .map(|t| {
                agency::cut_dateline(t, agencies, allow_empty)
                    .map(|(a, r)| (a.to_owned(), r.to_owned()))
            })
            .collect()
    })
}

/// `dates.find_dates(text, lexicon.months, year_hint, month_first)` of each text, as
/// (iso, start, end) with Python's code point offsets.
#[pyfunction]
#[pyo3(signature = (engine, texts, year_hint, month_first))]
fn find_dates_many(
    py: Python<'_>,
    engine: &Engine,
    texts: Vec<String>,
    year_hint: Option<i32>,
    month_first: bool,
) -> Vec<Vec<(String, usize, usize)>> {
    let months = &engine.lexicon.months;
    py.detach(|| {
        texts
            .iter()
            .map(|t| {
                // Byte offsets to code points, counted once along the text (hits are
                // in order and do not overlap).
                let (mut byte, mut chars) = (0, 0);
                let mut to_chars = |i: usize| {
                    chars += t[byte..i].chars().count();
                    byte = i;
                    chars
                };
                dates::find_dates(t, months, year_hint, month_first)
                    .into_iter()
                    .map(|h| {
                        let start = to_chars(h.start);
                        (h.iso, start, to_chars(h.end))
                    })
                    .collect()
            })
            .collect()
    })
}

/// Adds the metadata stage's functions to `_core._stages`.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(line_metadata_many, m)?)?;
    m.add_function(wrap_pyfunction!(bare_name_many, m)?)?;
    m.add_function(wrap_pyfunction!(cut_dateline_many, m)?)?;
    m.add_function(wrap_pyfunction!(find_dates_many, m)?)?;
    Ok(())
}
