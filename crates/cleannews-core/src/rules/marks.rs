//! What a line rule says about a line.

use super::catalog::Rule;

/// A clutter rule's verdict on one line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Mark {
    /// A clutter rule of the catalogue.
    pub rule: Rule,
    /// A heading: the lines after it belong to the same block.
    pub opens_block: bool,
    /// Evidence only: removed outside the body, kept between body prose.
    pub weak: bool,
    /// Claimed by the block a heading opened, not by what the line itself says: such a
    /// line may still be the page's headline.
    pub in_block: bool,
    /// A heading that stands between two prose lines and claimed nothing ("You may also
    /// like:" between the lead and the next paragraph): removed, but it costs the body's
    /// span like an inline link, so that the article on both sides of it stays one.
    pub inline: bool,
}

impl Mark {
    /// The plain mark of `rule` (no flags): Python's `mark(rule)`.
    pub const fn of(rule: Rule) -> Mark {
        Mark {
            rule,
            opens_block: false,
            weak: false,
            in_block: false,
            inline: false,
        }
    }

    /// A heading's mark: it opens a block when `opens`.
    pub const fn heading(rule: Rule, opens: bool) -> Mark {
        Mark {
            rule,
            opens_block: opens,
            weak: false,
            in_block: false,
            inline: false,
        }
    }

    /// A weak mark of `rule` when `weak`: Python's `mark(rule, weak=weak)`.
    pub const fn weak(rule: Rule, weak: bool) -> Mark {
        Mark {
            rule,
            opens_block: false,
            weak,
            in_block: false,
            inline: false,
        }
    }
}
