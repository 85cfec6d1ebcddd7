//! `_core.Engine`: the language data, built once per process and per set of extra
//! phrase files (`cleannews.core.engine`), shared read-only by every call and thread.

use std::sync::Arc;

use cleannews_core::lexicon::{Lexicon, Sources};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

/// The cleaning engine: the lexicon now; the pipeline runs on it.
#[pyclass(frozen, module = "cleannews._core")]
pub struct Engine {
    /// The language data (immutable).
    pub lexicon: Arc<Lexicon>,
}

#[pymethods]
impl Engine {
    /// Builds the lexicon from the texts of the language-data files (see
    /// `cleannews.core.lexicon_sources`); a file that does not parse raises the Python
    /// loader's `ValueError`.
    #[new]
    #[pyo3(signature = (*, phrases, metadata, months, comment_thread, date_order, languages, stoplists))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        phrases: Vec<(String, String)>,
        metadata: Option<String>,
        months: String,
        comment_thread: String,
        date_order: String,
        languages: String,
        stoplists: Vec<(String, String)>,
    ) -> PyResult<Engine> {
        let sources = Sources {
            phrases: phrases
                .iter()
                .map(|(w, t)| (w.as_str(), t.as_str()))
                .collect(),
            metadata: metadata.as_deref(),
            months: &months,
            comment_thread: &comment_thread,
            date_order: &date_order,
            languages: &languages,
            stoplists: stoplists
                .iter()
                .map(|(n, t)| (n.as_str(), t.as_str()))
                .collect(),
        };
        let lexicon = py
            .detach(|| Lexicon::build(&sources))
            .map_err(|e| PyValueError::new_err(e.0))?;
        Ok(Engine {
            lexicon: Arc::new(lexicon),
        })
    }
}
