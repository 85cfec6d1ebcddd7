//! TODO: port of src/cleannews/metadata/title.py (see the module table in lib.rs).

/// A headline has at most this many words (`title.TITLE_MAX_WORDS`; wcxb_dev's gold
/// titles: median 9, 99th percentile 22).
pub const TITLE_MAX_WORDS: usize = 25;
