//! Metadata lines: each function looks at one line and says whether it is a date line, a
//! byline, a caption or credit, a source line or a sponsored marker, and what value it
//! holds (`src/cleannews/metadata/fields.py`).

use crate::rules::catalog::Rule;

/// A metadata line's verdict: its field and what it holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MetaHit {
    /// A metadata rule of the catalogue (`Rule::Date`, `Rule::Byline`, ...).
    pub rule: Rule,
    /// Authors, the ISO date, the source URL, ...
    pub value: Vec<String>,
    /// A headline found on a date line (date + title + date).
    pub title: Option<String>,
    /// A byline found on a date line ("May 19, 2024 by X").
    pub authors: Vec<String>,
    /// A name alone on a line: an author only when no byline names one.
    pub weak: bool,
    /// Names beside a date with no byline label ("Zach Lezberg | May 22, 2025").
    pub named: Vec<String>,
}
