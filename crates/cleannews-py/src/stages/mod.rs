//! Single stages of the core, for the parity tests (`tests/parity/`): each submodule
//! registers the functions of one family. Removed with the Python pipeline.

use pyo3::prelude::*;

mod pipeline;

/// Adds every stage function to the `_core._stages` module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    pipeline::register(m)?;
    Ok(())
}
