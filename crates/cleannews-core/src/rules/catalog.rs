//! The catalogue of rule names: every decision carries one of these stable codes.
//!
//! The order is that of `src/cleannews/rules/catalog.py` (`RULES`): a rule's `u8` code is
//! its place there, and that code is what crosses into Python (`Article.lines` stores it).
//! A test in the bindings checks the two lists are the same.

/// What a line is, once classified.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Category {
    /// A paragraph of the article.
    Body,
    /// Title, date, byline, caption, source: kept as structured fields.
    Metadata,
    /// Boilerplate: removed.
    Clutter,
    /// An empty input line.
    Blank,
}

macro_rules! catalogue {
    ($($variant:ident = $name:literal, $category:ident;)*) => {
        /// A rule name of the catalogue (`cleannews.RULES`), as a one-byte code.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[repr(u8)]
        pub enum Rule {
            $(
                #[doc = concat!("`", $name, "`")]
                $variant,
            )*
        }

        impl Rule {
            /// Every rule, in catalogue order (a rule's code is its index here).
            pub const ALL: &'static [Rule] = &[$(Rule::$variant),*];

            /// The rule's stable name (`"read_also"`).
            pub const fn name(self) -> &'static str {
                match self { $(Rule::$variant => $name),* }
            }

            /// The rule's category.
            pub const fn category(self) -> Category {
                match self { $(Rule::$variant => Category::$category),* }
            }

            /// The rule named `name`, if the catalogue has one.
            pub fn from_name(name: &str) -> Option<Rule> {
                match name { $($name => Some(Rule::$variant),)* _ => None }
            }
        }
    };
}

catalogue! {
    Body = "body", Body;
    Title = "title", Metadata;
    Date = "date", Metadata;
    Byline = "byline", Metadata;
    Caption = "caption", Metadata;
    Source = "source", Metadata;
    Agency = "agency", Metadata;
    Sponsored = "sponsored", Metadata;
    MostRead = "most_read", Clutter;
    ReadAlso = "read_also", Clutter;
    Partners = "partners", Clutter;
    EditorsPicks = "editors_picks", Clutter;
    LatestNews = "latest_news", Clutter;
    Follow = "follow", Clutter;
    Ad = "ad", Clutter;
    Comments = "comments", Clutter;
    AuthorBio = "author_bio", Clutter;
    Navigation = "navigation", Clutter;
    Cookie = "cookie", Clutter;
    Copyright = "copyright", Clutter;
    EmptyLabel = "empty_label", Clutter;
    Breadcrumb = "breadcrumb", Clutter;
    ImageName = "image_name", Clutter;
    Embed = "embed", Clutter;
    ListMarker = "list_marker", Clutter;
    Teaser = "teaser", Clutter;
    CommentThread = "comment_thread", Clutter;
    RepeatedTitle = "repeated_title", Clutter;
    Repeated = "repeated", Clutter;
    BeforeBody = "before_body", Clutter;
    AfterBody = "after_body", Clutter;
    LinkList = "link_list", Clutter;
    SiteProfile = "site_profile", Clutter;
    Blank = "blank", Blank;
}

impl Rule {
    /// The rule's one-byte code (its place in the catalogue).
    pub const fn code(self) -> u8 {
        self as u8
    }

    /// Phrase families whose heading opens a block of clutter (a list follows the heading):
    /// `lexicon.BLOCK_FAMILIES`.
    pub const fn is_block_family(self) -> bool {
        matches!(
            self,
            Rule::MostRead
                | Rule::ReadAlso
                | Rule::Partners
                | Rule::EditorsPicks
                | Rule::LatestNews
                | Rule::AuthorBio
        )
    }

    /// Phrase families that remove one line: `lexicon.LINE_FAMILIES`.
    pub const fn is_line_family(self) -> bool {
        matches!(
            self,
            Rule::Follow
                | Rule::Ad
                | Rule::Comments
                | Rule::Navigation
                | Rule::Cookie
                | Rule::Copyright
                | Rule::EmptyLabel
                | Rule::Embed
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_places_and_names_round_trip() {
        for (i, rule) in Rule::ALL.iter().enumerate() {
            assert_eq!(rule.code() as usize, i);
            assert_eq!(Rule::from_name(rule.name()), Some(*rule));
        }
        assert_eq!(Rule::from_name("no_such_rule"), None);
        assert_eq!(Rule::ReadAlso.name(), "read_also");
        assert_eq!(Rule::Blank.category(), Category::Blank);
    }

    #[test]
    fn phrase_families_are_clutter_and_disjoint() {
        for rule in Rule::ALL {
            assert!(
                !(rule.is_block_family() && rule.is_line_family()),
                "{rule:?}"
            );
            if rule.is_block_family() || rule.is_line_family() {
                assert_eq!(rule.category(), Category::Clutter);
            }
        }
    }
}
