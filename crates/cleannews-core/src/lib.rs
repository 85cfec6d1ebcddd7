//! cleannews-core: strip boilerplate from scraped news text, keep the article and its
//! metadata, and give a reason for every line removed.
//!
//! This crate is the whole per-document pipeline of cleannews, with no Python in it; the
//! bindings crate (`crates/cleannews-py`) exposes it as the extension module
//! `cleannews._core`. Its modules mirror the passes, in the order they run:
//!
//! | step | module |
//! |---|---|
//! | input: lines, normalisation, the folded matching key | [`normalize`], [`unicode`] |
//! | language data, read once from the `langdata/` files and jusText's stop lists | [`lexicon`] |
//! | the page's language: a stop-word vote | [`language`] |
//! | a line's features, computed once | [`features`] |
//! | clutter rules, one family a module | [`rules`] |
//! | metadata lines: dates, bylines, captions, sources, datelines, the title | [`metadata`] |
//! | where the article body runs | [`body`] |
//! | the passes, in order, and the fixed point that makes cleaning idempotent | [`pipeline`] |
//! | thresholds | [`config`] |
//!
//! Two passes, as in jusText: each line on its own (phrase lists, shapes, metadata
//! readers), then by its neighbours (blocks opened by clutter headings, comment threads,
//! copies, the body span).
//!
//! The core was ported from a Python pipeline, module for module, and compared with it on
//! every stage and corpus line until the two agreed everywhere; the Python pipeline was then
//! deleted (issue 13), and this is the one implementation. Where Python's semantics show in
//! the output (case folding, white space, Unicode tables), they are kept exactly.
#![warn(missing_docs)]

pub mod body;
pub mod config;
pub mod features;
pub mod language;
pub mod lexicon;
pub mod metadata;
pub mod normalize;
pub mod pipeline;
pub mod rules;
pub mod unicode;

/// A hash map keyed by text of the page or the language data (foldhash: fast, seeded).
pub type Map<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;
/// A hash set of text (see [`Map`]).
pub type Set<T> = std::collections::HashSet<T, foldhash::fast::RandomState>;
