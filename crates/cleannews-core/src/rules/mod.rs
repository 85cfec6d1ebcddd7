//! The clutter rules, one family a module, and the ordered registries that apply them
//! (`src/cleannews/rules/`).
//!
//! Like ftfy's fixers, each line rule is a small pure function
//! `fn(&Line, &Lexicon) -> Option<Mark>` named after what it finds; [`PHRASE_RULES`] and
//! [`SHAPE_RULES`] list them in the order they are tried (the first that fires decides).
//! Rules that look at neighbouring lines live in [`blocks`], [`threads`] and [`repeats`];
//! where the article body runs is decided in [`crate::body`].

pub mod blocks;
pub mod catalog;
pub mod inline;
pub mod marks;
pub mod phrases;
pub mod repeats;
pub mod shapes;
pub mod site;
pub mod threads;

use crate::features::Line;
use crate::lexicon::Lexicon;
pub use catalog::Rule;
pub use marks::Mark;

/// A rule that judges one line by itself.
pub type LineRule = fn(&Line, &Lexicon) -> Option<Mark>;

/// Tried before the metadata lines: a phrase names its clutter precisely ("Riproduzione
/// riservata © ANSA" is a copyright line, not a photo credit).
pub const PHRASE_RULES: &[LineRule] = &[
    phrases::phrase,
    phrases::labelled_link,
    phrases::counter_phrase,
    phrases::empty_labels,
];

/// Tried after the metadata lines: shapes are generic ("Foto: X" is a caption first).
pub const SHAPE_RULES: &[LineRule] = &[
    shapes::ad_placeholder,
    shapes::image_file_name,
    shapes::bare_url,
    shapes::list_marker,
    shapes::breadcrumb,
    shapes::copyright_notice,
    shapes::lowercase_alt_text,
    shapes::truncated_teaser,
];

/// The verdict of the first of `rules` that fires, or `None`.
pub fn first_mark(line: &Line, lexicon: &Lexicon, rules: &[LineRule]) -> Option<Mark> {
    rules.iter().find_map(|rule| rule(line, lexicon))
}
