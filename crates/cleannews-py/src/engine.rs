//! `_core.Engine`: the language data, built once per process and per set of extra
//! phrase files (`cleannews.core.engine`), shared read-only by every call and thread, and
//! the pipeline's entry points (`extract.rs`).

use std::sync::Arc;

use cleannews_core::lexicon::{LangData, Lexicon};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::PyList;

use crate::extract::{self, Extracted};

/// Threads of a batch call unless told (one: the caller's process may run its own pool).
const DEFAULT_WORKERS: usize = 1;

/// The cleaning engine: its language data, immutable and shared by every thread.
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
        let data = LangData {
            phrases,
            metadata,
            months,
            comment_thread,
            date_order,
            languages,
            stoplists,
        };
        let sources = data.sources();
        let lexicon = py
            .detach(|| Lexicon::build(&sources))
            .map_err(|e| PyValueError::new_err(e.0))?;
        Ok(Engine {
            lexicon: Arc::new(lexicon),
        })
    }

    /// Clean one document: `cleannews.Config` `config`, an optional site profile.
    #[pyo3(signature = (text, config, profile=None))]
    fn extract(
        &self,
        py: Python<'_>,
        text: PyBackedStr,
        config: &Bound<'_, PyAny>,
        profile: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Extracted> {
        extract::extract_one(py, &self.lexicon, text, config, profile)
    }

    /// Clean many documents (strings) on `workers` threads, the GIL released.
    #[pyo3(signature = (texts, config, profile=None, workers=DEFAULT_WORKERS))]
    fn extract_many<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        config: &Bound<'py, PyAny>,
        profile: Option<&Bound<'py, PyAny>>,
        workers: usize,
    ) -> PyResult<Bound<'py, PyList>> {
        extract::batch(
            py,
            &self.lexicon,
            (texts, config, profile),
            workers,
            extract::extracted(),
        )
    }

    /// `clean` of many documents on `workers` threads: each one's text.
    #[pyo3(signature = (texts, config, profile=None, workers=DEFAULT_WORKERS))]
    fn clean_many<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        config: &Bound<'py, PyAny>,
        profile: Option<&Bound<'py, PyAny>>,
        workers: usize,
    ) -> PyResult<Bound<'py, PyList>> {
        extract::batch(
            py,
            &self.lexicon,
            (texts, config, profile),
            workers,
            extract::cleaned(),
        )
    }
}
