//! Single stages of the core, for the parity tests (`tests/parity/`): each submodule
//! registers the functions of one family. Removed with the Python pipeline.

use pyo3::prelude::*;

mod metadata;
mod neighbours;
mod pipeline;
mod read;
mod rules;

/// Adds every stage function to the `_core._stages` module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    neighbours::register(m)?;
    pipeline::register(m)?;
    read::register(m)?;
    metadata::register(m)?;
    rules::register(m)?;
    Ok(())
}
