//! TODO: port of src/cleannews/rules/shapes.py (see the module table in lib.rs).
//!
//! For now only [`is_embed_signature`], which the metadata readers need
//! (`metadata::fields::line_metadata`); the rules engineer's port replaces this file.

use std::sync::LazyLock;

use regex::Regex;

use crate::features::Line;

// `_EMBED_SIGNATURE`. The signature under an embedded post: '— Jane Doe (@janedoe)
// November 18, 2019'. Bounds: a display name (X: 50 characters) and the date's words, a
// handle (X: 15, Threads: 30). Measured: 17 such lines in 9 scrapinghub pages, all in
// the gold body (they were read as date lines); 3 in wcxb_dev, whose gold leaves them
// out. (No look-around: the crate matches it as the `regex` module does; Python's `$`
// also matches before a final line break: `\n?\z`.)
static EMBED_SIGNATURE: LazyLock<Regex> = LazyLock::new(|| {
    crate::metadata::regex(r"\A[—–-] ?[^()]{1,80} \(@[%w%]{1,30}\) [^()]{1,40}[%d%]\n?\z")
});

/// The signature under an embedded post (X/Twitter, Threads): a dash, the author's name
/// and handle, the post's date. Part of the quoted post, not the article's date line.
pub fn is_embed_signature(line: &Line) -> bool {
    line.text().starts_with(['—', '–', '-']) && EMBED_SIGNATURE.is_match(line.text())
}
