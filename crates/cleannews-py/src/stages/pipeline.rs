//! The pipeline's panic guard, for the parity tests: a panic inside the core reaches
//! Python as `CoreError`, never as `PanicException`.

use pyo3::prelude::*;

use crate::extract::{core_error, guarded};

/// Panics inside the core's guard with `message`: raises `CoreError`.
#[pyfunction]
fn panic_in_core(message: String) -> PyResult<()> {
    guarded(|| -> () { panic!("{message}") }).map_err(core_error)
}

/// Adds the pipeline's stage functions to `_core._stages`.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(panic_in_core, m)?)
}
