//! The catalogue of rule names: every decision carries one of these stable codes.
//!
//! This is the catalogue's one source: `cleannews.RULES` is built from it
//! (`_core.rule_catalog()`, read by `src/cleannews/catalog.py`). A rule's `u8` code is its
//! place here, and that code is what crosses into Python (`Article.lines` stores it).

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

impl Category {
    /// Every category, in the order `cleannews.Category` lists them.
    pub const ALL: &'static [Category] = &[
        Category::Body,
        Category::Metadata,
        Category::Clutter,
        Category::Blank,
    ];

    /// The category's stable name (`cleannews.Category`'s value: `"clutter"`).
    pub const fn name(self) -> &'static str {
        match self {
            Category::Body => "body",
            Category::Metadata => "metadata",
            Category::Clutter => "clutter",
            Category::Blank => "blank",
        }
    }
}

macro_rules! catalogue {
    ($($variant:ident = $name:literal, $category:ident, $description:literal;)*) => {
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

            /// What the rule finds, in one line (`cleannews.RULES[name].description`).
            pub const fn description(self) -> &'static str {
                match self { $(Rule::$variant => $description),* }
            }

            /// The rule named `name`, if the catalogue has one.
            pub fn from_name(name: &str) -> Option<Rule> {
                match name { $($name => Some(Rule::$variant),)* _ => None }
            }
        }
    };
}

catalogue! {
    Body = "body", Body,
        "inside the located article body";
    Title = "title", Metadata,
        "the article's title";
    Date = "date", Metadata,
        "a publication or update date line";
    Byline = "byline", Metadata,
        "author / editor line ('Editor : M.I.', 'By ...')";
    Caption = "caption", Metadata,
        "photo caption or credit ('Foto: ...', 'Ảnh: ...')";
    Source = "source", Metadata,
        "source line ('Quelle: <url>', 'Sursa: ...')";
    Agency = "agency", Metadata,
        "agency dateline at the start of the lead ('(PLO)-', '(AFP) -')";
    Sponsored = "sponsored", Metadata,
        "sponsored-content marker ('(P)', 'Advertorial')";
    MostRead = "most_read", Clutter,
        "most-read / top lists ('Top Citite', 'Most popular')";
    ReadAlso = "read_also", Clutter,
        "read-also and related links ('Citește și', 'Vezi și')";
    Partners = "partners", Clutter,
        "partner-site link blocks ('Partenerii noștri')";
    EditorsPicks = "editors_picks", Clutter,
        "editor's picks / recommended ('Recomandările redacției')";
    LatestNews = "latest_news", Clutter,
        "latest-news lists ('Ultimele știri', 'Latest news')";
    Follow = "follow", Clutter,
        "follow / subscribe / app / newsletter calls";
    Ad = "ad", Clutter,
        "ad placeholders and markers ('Publicitate', '[Anzeige_2]')";
    Comments = "comments", Clutter,
        "comment counters and prompts ('Kommentar (0)')";
    AuthorBio = "author_bio", Clutter,
        "the author's bio after the article ('About the author')";
    Navigation = "navigation", Clutter,
        "navigation and interface words ('Live TV', 'Home', 'Share')";
    Cookie = "cookie", Clutter,
        "cookie and consent notices";
    Copyright = "copyright", Clutter,
        "copyright and legal footers";
    EmptyLabel = "empty_label", Clutter,
        "field labels with no value ('Data publicării:')";
    Breadcrumb = "breadcrumb", Clutter,
        "breadcrumb trail ('Prima pagină » Știri » ...')";
    ImageName = "image_name", Clutter,
        "image file name or alt-text residue ('profimedia-0975326545')";
    Embed = "embed", Clutter,
        "embed leftovers: bare URLs, 'View this post on Instagram'";
    ListMarker = "list_marker", Clutter,
        "a bare list number or bullet";
    Separator = "separator", Clutter,
        "a separator line of dashes, stars or rules ('-----', '* * *')";
    Teaser = "teaser", Clutter,
        "truncated headline teaser ending in '...'";
    CommentThread = "comment_thread", Clutter,
        "a comment thread: several '<name> says:' lines and replies";
    RepeatedTitle = "repeated_title", Clutter,
        "a repeat of the title line";
    Repeated = "repeated", Clutter,
        "a repeat of an earlier line";
    BeforeBody = "before_body", Clutter,
        "page header before the article body";
    AfterBody = "after_body", Clutter,
        "page footer after the article body";
    LinkList = "link_list", Clutter,
        "short fragment, not a sentence (menu word, label, number)";
    SiteProfile = "site_profile", Clutter,
        "a line the site repeats on many pages (learned profile)";
    Blank = "blank", Blank,
        "an empty line";
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
        assert_eq!(Rule::Blank.category().name(), "blank");
        assert_eq!(
            Rule::ReadAlso.description(),
            "read-also and related links ('Citește și', 'Vezi și')"
        );
        assert!(Rule::ALL.iter().all(|r| !r.description().is_empty()));
        assert!(Category::ALL
            .iter()
            .all(|c| Rule::ALL.iter().any(|r| r.category() == *c)));
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
