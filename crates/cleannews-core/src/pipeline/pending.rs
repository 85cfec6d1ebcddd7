//! Stand-ins for the stage functions that other branches port at the same time as the
//! pipeline (`core-read`, `core-meta`, `core-rules`, `core-neighbours`), with the mirrored
//! names and the signatures the pipeline calls them by. Each is replaced by a `use` of the
//! real function as its branch is merged; none of them cleans anything (they say "no
//! verdict"), so the pipeline builds and runs end to end meanwhile.
//!
//! This module goes when the last stage lands.
#![allow(dead_code, unused_variables)]

use crate::config::Config;
use crate::features::{Features, Line};
use crate::lexicon::Lexicon;
use crate::metadata::fields::MetaHit;
use crate::rules::{Mark, Rule};
use crate::Set;

/// The branches whose stages still stand in here (emptied as each is merged): while any
/// is listed, the whole-pipeline parity test skips itself.
pub const PENDING_BRANCHES: &[&str] = &["core-read", "core-meta", "core-rules", "core-neighbours"];

// ---- core-read: features, language (normalize merged) ----

/// `features.make_line` (stand-in: counts tokens, no stop words).
pub fn make_line(
    text: &str,
    key: &str,
    stopwords: Option<&Set<Box<str>>>,
    config: &Config,
    second: Option<&Set<Box<str>>>,
) -> Line {
    let n_words = key.split(' ').filter(|t| !t.is_empty()).count() as u32;
    Line::new(
        text,
        key,
        Features {
            n_words,
            n_stop: 0,
            ends_sentence: text.ends_with('.'),
            ends_ellipsis: false,
            is_prose: false,
        },
    )
}

/// `language.detect_languages` over lines given by their folded keys (stand-in: none).
pub fn detect_languages<I, S>(keys: I, lexicon: &Lexicon) -> Vec<String>
where
    I: IntoIterator<Item = S>,
    S: AsRef<str>,
{
    Vec::new()
}

// ---- core-meta: metadata ----

/// `pipeline._metadata` = `metadata.fields.line_metadata` (stand-in: none).
pub fn line_metadata(line: &Line, lexicon: &Lexicon, month_first: bool) -> Option<MetaHit> {
    None
}

/// `metadata.fields.bare_name` (stand-in: none).
pub fn bare_name(line: &Line, lexicon: &Lexicon) -> Option<MetaHit> {
    None
}

/// `metadata.fields.labels_a_byline` (stand-in: no).
pub fn labels_a_byline(line: &Line, lexicon: &Lexicon) -> bool {
    false
}

/// `metadata.agency.cut_dateline` (stand-in: none).
pub fn cut_dateline(
    text: &str,
    agencies: &Set<Box<str>>,
    allow_empty: bool,
) -> Option<(String, String)> {
    None
}

// ---- core-rules: phrases, shapes, inline, site ----

/// The phrase rules' verdict (`first_mark(line, lexicon, PHRASE_RULES)`; stand-in: none).
pub fn phrase_mark(line: &Line, lexicon: &Lexicon) -> Option<Mark> {
    None
}

/// The shape rules' verdict (`first_mark(line, lexicon, SHAPE_RULES)`; stand-in: none).
pub fn shape_mark(line: &Line, lexicon: &Lexicon) -> Option<Mark> {
    None
}

/// `rules.inline.LONG_LINE_WORDS`.
pub const LONG_LINE_WORDS: u32 = 400;

/// `rules.inline.TailCut`.
pub struct TailCut {
    /// The text before the marker.
    pub kept: String,
    /// The marker's family.
    pub rule: Rule,
}

/// `rules.inline.cut_tail` (stand-in: none).
pub fn cut_tail(text: &str, lexicon: &Lexicon, key: Option<&str>) -> Option<TailCut> {
    None
}

/// `rules.site.site_line` (stand-in: none).
pub fn site_line(line: &Line, profile: &Set<Box<str>>) -> Option<Mark> {
    None
}

// ---- core-neighbours: blocks, threads, repeats, body, title ----

/// `rules.blocks.spread_blocks` (stand-in: the marks as they are).
pub fn spread_blocks(
    lines: &[Line],
    marks: &[Option<Mark>],
    config: &Config,
    lexicon: &Lexicon,
) -> Vec<Option<Mark>> {
    marks.to_vec()
}

/// `rules.blocks.list_items` (stand-in: none).
pub fn list_items(lines: &[Line], marks: &[Option<Mark>]) -> Vec<bool> {
    vec![false; lines.len()]
}

/// `rules.repeats.body_copies` (stand-in: none).
pub fn body_copies(lines: &[Line], rules: &[Option<Rule>], marks: &[Option<Mark>]) -> Vec<usize> {
    Vec::new()
}

/// `rules.repeats.title_repeats` (stand-in: none).
pub fn title_repeats(lines: &[Line], rules: &[Option<Rule>], title_index: usize) -> Vec<usize> {
    Vec::new()
}

/// `body.Span`.
#[derive(Debug, Clone, Copy)]
pub struct Span {
    /// Index of the first line of the body.
    pub start: usize,
    /// Index of the last line (inclusive).
    pub end: usize,
    /// Prose words in the span.
    pub prose_words: u32,
}

/// `body.scored_span` (stand-in: no span).
pub fn scored_span(
    lines: &[Line],
    marks: &[Option<Mark>],
    metadata: &[bool],
    items: Vec<bool>,
    config: &Config,
) -> (Vec<bool>, Vec<bool>, Option<Span>) {
    (vec![false; lines.len()], items, None)
}

/// `body.cut_off_last` (stand-in: no).
pub fn cut_off_last(lines: &[Line], end: usize, marks: &[Option<Mark>], config: &Config) -> bool {
    false
}

/// `metadata.title.TITLE_SEARCH_LINES`.
pub const TITLE_SEARCH_LINES: usize = 40;

/// `metadata.title.TITLE_BLOCK_RULES`.
pub const TITLE_BLOCK_RULES: [Rule; 4] = [
    Rule::EditorsPicks,
    Rule::LatestNews,
    Rule::ReadAlso,
    Rule::MostRead,
];

/// `metadata.title.choose_title` (stand-in: none).
pub fn choose_title(
    lines: &[Line],
    free: &[bool],
    is_meta: &[bool],
    body_start: usize,
    copies: &[bool],
    claimed: &[bool],
) -> Option<usize> {
    None
}

/// `metadata.title.opens_with_headline` (stand-in: no).
pub fn opens_with_headline(line: &Line) -> bool {
    false
}
