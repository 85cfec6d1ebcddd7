"""Per-line features, computed once per line: the only per-line work that every rule shares."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from .config import Config

__all__ = ["CJK_CHAR", "TERMINAL", "Line", "make_line"]

# Sentence-final characters (Latin, CJK, Arabic, Devanagari), looked at after closing
# quotes and brackets are stripped.
TERMINAL = frozenset(".!?…:;。！？؟।")
_CLOSERS = "\"'”’»)]›」』"
# A character that is a word of its own (the scorer counts one token per CJK character).
CJK_CHAR = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}]")
_ELLIPSIS = ("...", "…", ". . .")


@dataclass(frozen=True, slots=True)
class Line:
    """One non-blank input line and its features: what it says, not where it stands (two
    lines of a page with the same text share one ``Line``; their numbers are the pipeline's)."""

    text: str  # normalised text
    tokens: tuple[str, ...]  # folded word tokens
    n_words: int
    n_stop: int  # tokens in the detected language's stop list
    ends_sentence: bool
    ends_ellipsis: bool
    is_prose: bool  # reads as running text (see Config.prose_*)

    @property
    def key(self) -> str:
        """The folded tokens joined by one space: the phrase-matching key. Made when read,
        not held: a string a line as long as its text (for a page of short lines, ~57 bytes
        a line). Two lines have the same key exactly when they have the same ``tokens``
        (tokens are non-empty and hold no space): comparing lines, compare those."""
        return " ".join(self.tokens)

    @property
    def stop_ratio(self) -> float:
        return self.n_stop / self.n_words if self.n_words else 0.0


def word_count(text: str, tokens: tuple[str, ...]) -> int:
    """Word tokens, with each CJK/Thai character counted as a word (as the scorer does)."""
    if text.isascii():
        return len(tokens)
    cjk = len(CJK_CHAR.findall(text))
    return len(tokens) + cjk if cjk else len(tokens)


def make_line(
    text: str,
    tokens: tuple[str, ...],
    stopwords: frozenset[str],
    config: Config,
    second: frozenset[str] = frozenset(),
) -> Line:
    """The features of one line; ``tokens`` are its folded tokens (``fold_tokens``).
    ``second``: the stop words of the page's second language, if it has one (a line is
    read in whichever of the two finds more of its stop words)."""
    n_words = word_count(text, tokens)
    n_stop = sum(map(stopwords.__contains__, tokens)) if stopwords else 0
    if second:
        n_stop = max(n_stop, sum(map(second.__contains__, tokens)))
    tail = text.rstrip(_CLOSERS + " ")
    ends_ellipsis = tail.endswith(_ELLIPSIS)
    ends_sentence = bool(tail) and tail[-1] in TERMINAL and not ends_ellipsis
    ratio = n_stop / n_words if n_words else 0.0
    has_stop = not stopwords or ratio >= config.prose_min_stopword_ratio
    # Without a stop list (a CJK page, an unknown language) an unpunctuated line is not
    # prose whatever its length: nothing tells a cut-off paragraph from a headline, and
    # CJK headlines are 25 words (characters) long. scrapinghub's two CJK pages: related
    # headlines kept, P 0.59 / 0.70 -> 1.00 / 1.00, R 1.00 both.
    is_prose = has_stop and (
        (ends_sentence and n_words >= config.prose_min_words)
        or (
            n_words >= config.prose_min_words_unpunctuated
            and bool(stopwords)
            and ratio >= config.prose_unpunctuated_min_stopword_ratio
        )
    )
    return Line(
        text=text,
        tokens=tokens,
        n_words=n_words,
        n_stop=n_stop,
        ends_sentence=ends_sentence,
        ends_ellipsis=ends_ellipsis,
        is_prose=is_prose,
    )
