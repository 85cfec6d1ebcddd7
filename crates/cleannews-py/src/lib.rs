//! The extension module `cleannews._core`: a thin layer over `cleannews-core` that turns
//! Python values into the core's and back. No cleaning logic lives here.

use pyo3::prelude::*;

mod engine;
mod extract;
mod text;
mod text_fns;

#[pymodule(gil_used = false)]
fn _core(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_class::<engine::Engine>()?;
    extract::register(m)?;
    text_fns::register(m)?;
    Ok(())
}
