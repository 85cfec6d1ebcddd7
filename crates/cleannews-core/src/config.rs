//! Every tunable number, in one immutable object: the Rust side of `cleannews.Config`
//! (`src/cleannews/config.py` says where each value comes from; the defaults here are the
//! same, and the bindings build a [`Config`] from the Python one field by field).

use crate::rules::catalog::Rule;

/// The thresholds of one cleaning (see `src/cleannews/config.py` for each field's source).
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// Fold Romanian cedilla letters (ş ţ) to the comma letters (ș ț) on Romanian text.
    pub romanian_comma_letters: bool,
    /// Repair mojibake (the repair itself is ftfy's, on the Python side).
    pub fix_mojibake: bool,
    /// A line of at least this many words with a sentence end counts as prose.
    pub prose_min_words: u32,
    /// ...or this many words with no sentence end, with enough stop words.
    pub prose_min_words_unpunctuated: u32,
    /// Share of tokens that must be stop words for a line to read as running text.
    pub prose_min_stopword_ratio: f64,
    /// The share an unpunctuated line needs.
    pub prose_unpunctuated_min_stopword_ratio: f64,
    /// What a non-prose line costs in the body span's score, in words.
    pub non_prose_line_cost: f64,
    /// Runs of costly lines around a prose line that make it a teaser item.
    pub isolated_prose_min_run: u32,
    /// The weight of such an isolated prose line's words.
    pub isolated_prose_weight: f64,
    /// The extra cost of a line that a clutter rule found.
    pub clutter_line_cost: f64,
    /// The cost of a heading that opens a clutter block.
    pub block_heading_cost: f64,
    /// Families whose heading ends the article (no body span crosses one).
    pub barrier_families: Vec<Rule>,
    /// Below this many prose words in the best span the text has no located body.
    pub min_body_words: u32,
    /// A clutter block ends when this many consecutive prose lines follow.
    pub block_resume_prose_lines: u32,
    /// ...or at one prose line of at least this many words.
    pub block_resume_long_words: u32,
    /// The share of unclaimed prose that position alone may remove before the guard keeps it.
    pub max_prose_loss: f64,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            romanian_comma_letters: true,
            fix_mojibake: true,
            prose_min_words: 6,
            prose_min_words_unpunctuated: 25,
            prose_min_stopword_ratio: 0.20,
            prose_unpunctuated_min_stopword_ratio: 0.35,
            non_prose_line_cost: 8.0,
            isolated_prose_min_run: 2,
            isolated_prose_weight: 0.5,
            clutter_line_cost: 25.0,
            block_heading_cost: 60.0,
            barrier_families: vec![Rule::Comments, Rule::AuthorBio, Rule::CommentThread],
            min_body_words: 12,
            block_resume_prose_lines: 2,
            block_resume_long_words: 40,
            max_prose_loss: 0.6,
        }
    }
}
