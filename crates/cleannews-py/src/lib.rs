//! The extension module `cleannews._core`: a thin layer over `cleannews-core` that turns
//! Python values into the core's and back. No cleaning logic lives here.
//!
//! `_core._stages` exposes single stages of the core (normalisation, features, rules) to
//! the parity tests in `tests/parity/`, which compare them with the Python pipeline while
//! the port is under way; it goes when the Python pipeline does.

use pyo3::prelude::*;

mod engine;
mod extract;
mod stages;
mod text;

/// The catalogue's rule names in code order: `cleannews.RULES` must list the same.
#[pyfunction]
fn rule_names() -> Vec<&'static str> {
    cleannews_core::rules::Rule::ALL
        .iter()
        .map(|r| r.name())
        .collect()
}

#[pymodule(gil_used = false)]
fn _core(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_function(wrap_pyfunction!(rule_names, m)?)?;
    m.add_class::<engine::Engine>()?;
    extract::register(m)?;
    let stages = PyModule::new(m.py(), "_stages")?;
    stages::register(&stages)?;
    m.add_submodule(&stages)?;
    Ok(())
}
