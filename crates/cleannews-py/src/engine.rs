//! `Engine`: the language data read once (a `Lexicon`), shared by every document and
//! thread, and the pipeline's entry points (`extract.rs`).

use std::sync::Arc;

use cleannews_core::lexicon::Lexicon;
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::PyList;

use crate::extract::{self, Extracted};

/// Threads of a batch call unless told (one: the caller's process may run its own pool).
const DEFAULT_WORKERS: usize = 1;

/// The native cleaner: its language data, immutable and shared by every thread.
#[pyclass(module = "cleannews._core", frozen)]
pub struct Engine {
    lexicon: Arc<Lexicon>,
}

impl Engine {
    /// An engine over `lexicon`.
    pub fn new(lexicon: Lexicon) -> Engine {
        Engine {
            lexicon: Arc::new(lexicon),
        }
    }
}

#[pymethods]
impl Engine {
    /// An engine with empty language data (until `Lexicon::build` is bound: core-read).
    #[new]
    fn py_new() -> Engine {
        Engine::new(Lexicon::default())
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
            texts,
            config,
            profile,
            workers,
            extract::extracted,
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
            texts,
            config,
            profile,
            workers,
            extract::cleaned,
        )
    }
}
