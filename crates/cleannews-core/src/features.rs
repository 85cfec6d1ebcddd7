//! Per-line features, computed once per distinct line: the only per-line work that every
//! rule shares (`src/cleannews/features.py`).

/// One non-blank input line and its features: what it says, not where it stands (two
/// lines of a page with the same text share one `Line`; their numbers are the pipeline's).
///
/// The folded tokens are held as the matching key, the tokens joined by one space (tokens
/// are non-empty and hold no space, so the key gives them back): one string, not one a
/// token. Fields are private so that the representation can change; read them through
/// the accessors.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    text: Box<str>,
    key: Box<str>,
    n_tokens: u32,
    n_words: u32,
    n_stop: u32,
    ends_sentence: bool,
    ends_ellipsis: bool,
    is_prose: bool,
}

/// The computed features of a line, to build a [`Line`] from (see [`make_line`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Features {
    /// Word tokens, each CJK/Thai character counted as a word.
    pub n_words: u32,
    /// Tokens in the page's stop list (the larger count of two languages).
    pub n_stop: u32,
    /// The line ends a sentence (after closing quotes and brackets).
    pub ends_sentence: bool,
    /// The line ends with an ellipsis.
    pub ends_ellipsis: bool,
    /// The line reads as running text.
    pub is_prose: bool,
}

impl Line {
    /// A line from its normalised text, its folded key and its features.
    pub fn new(text: impl Into<Box<str>>, key: impl Into<Box<str>>, features: Features) -> Line {
        let key = key.into();
        let n_tokens = if key.is_empty() {
            0
        } else {
            key.split(' ').count() as u32
        };
        Line {
            text: text.into(),
            key,
            n_tokens,
            n_words: features.n_words,
            n_stop: features.n_stop,
            ends_sentence: features.ends_sentence,
            ends_ellipsis: features.ends_ellipsis,
            is_prose: features.is_prose,
        }
    }

    /// The normalised text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The folded tokens joined by one space: the phrase-matching key. Two lines have the
    /// same key exactly when they have the same tokens.
    pub fn key(&self) -> &str {
        &self.key
    }

    /// The folded word tokens.
    pub fn tokens(&self) -> impl DoubleEndedIterator<Item = &str> + Clone + '_ {
        let key: &str = &self.key;
        key.split(' ').filter(|t| !t.is_empty())
    }

    /// How many folded tokens the line has.
    pub fn n_tokens(&self) -> usize {
        self.n_tokens as usize
    }

    /// Word tokens, with each CJK/Thai character counted as a word (as the scorer does).
    pub fn n_words(&self) -> u32 {
        self.n_words
    }

    /// Tokens in the detected language's stop list.
    pub fn n_stop(&self) -> u32 {
        self.n_stop
    }

    /// The line ends a sentence.
    pub fn ends_sentence(&self) -> bool {
        self.ends_sentence
    }

    /// The line ends with an ellipsis ("...", "…", ". . .").
    pub fn ends_ellipsis(&self) -> bool {
        self.ends_ellipsis
    }

    /// The line reads as running text (see `Config.prose_*`).
    pub fn is_prose(&self) -> bool {
        self.is_prose
    }

    /// Stop words per word (0 for a line without words).
    pub fn stop_ratio(&self) -> f64 {
        if self.n_words == 0 {
            0.0
        } else {
            f64::from(self.n_stop) / f64::from(self.n_words)
        }
    }
}
