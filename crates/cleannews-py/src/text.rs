//! Python text into Rust text.
//!
//! A Python `str` can hold lone surrogates (from `surrogateescape` decoding, or built by
//! hand), which UTF-8 cannot carry. The Python pipeline deletes them when it normalises a
//! line, with the invisible characters and before any step that looks at neighbours. Each
//! becomes NUL here, an invisible character that the core deletes in that same step: the
//! output is the same, and a line that held only surrogates stays a (blank) line.
//! (Dropping them at once would lose such a line: "a\n\u{d800}" has two lines.)

use std::borrow::Cow;

use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};

/// The first byte of a surrogate encoded as UTF-8 (`surrogatepass`): ED A0..BF xx.
const SURROGATE_LEAD: u8 = 0xed;
/// The lowest second byte of an encoded surrogate (ED 80..9F are ordinary characters).
const SURROGATE_SECOND_MIN: u8 = 0xa0;
/// Bytes of one encoded surrogate.
const SURROGATE_LEN: usize = 3;

/// What a lone surrogate becomes: NUL, deleted by normalisation as Python deletes it.
const SURROGATE_STAND_IN: u8 = 0x00;

/// The text of `s`, each lone surrogate made NUL (borrowed when it has none).
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
            kept.push(SURROGATE_STAND_IN);
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
