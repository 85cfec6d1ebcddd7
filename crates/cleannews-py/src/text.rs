//! Python text into Rust text.
//!
//! A Python `str` can hold lone surrogates (from `surrogateescape` decoding, or built by
//! hand), which UTF-8 cannot carry. The Python pipeline drops them when it normalises a
//! line (with the invisible characters, before any step that looks at neighbours), so
//! dropping them here, before the core sees the text, gives the same output.

use std::borrow::Cow;

use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};

/// The first byte of a surrogate encoded as UTF-8 (`surrogatepass`): ED A0..BF xx.
const SURROGATE_LEAD: u8 = 0xed;
/// The lowest second byte of an encoded surrogate (ED 80..9F are ordinary characters).
const SURROGATE_SECOND_MIN: u8 = 0xa0;
/// Bytes of one encoded surrogate.
const SURROGATE_LEN: usize = 3;

/// The text of `s`, lone surrogates dropped (borrowed when it has none).
pub fn text<'a>(s: &'a Bound<'_, PyString>) -> PyResult<Cow<'a, str>> {
    if let Ok(text) = s.to_str() {
        return Ok(Cow::Borrowed(text));
    }
    let encoded = s.call_method1("encode", ("utf-8", "surrogatepass"))?;
    let bytes = encoded.downcast::<PyBytes>()?.as_bytes();
    let mut kept = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == SURROGATE_LEAD && bytes.get(i + 1).is_some_and(|&n| n >= SURROGATE_SECOND_MIN) {
            i += SURROGATE_LEN;
            continue;
        }
        kept.push(b);
        i += 1;
    }
    String::from_utf8(kept)
        .map(Cow::Owned)
        .map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()))
}
