"""Phrase-list rules: the language data of langdata/phrases/*.txt matched on folded text."""

from __future__ import annotations

from ..features import Line
from ..lexicon import BLOCK_FAMILIES, Lexicon
from .marks import Mark

__all__ = ["counter_phrase", "empty_labels", "phrase"]

# Counters are short: "Kommentar (0)", "12 comments", "Shares 40".
COUNTER_MAX_WORDS = 4
# A heading of a block family is short; a longer line that starts with one is inline.
HEADING_MAX_WORDS = 8


def phrase(line: Line, lexicon: Lexicon) -> Mark | None:
    """A line that is, or starts with, a phrase of a clutter family."""
    hit = lexicon.phrases.match(line.key, line.tokens)
    if hit is None:
        return None
    opens = hit.whole_line and hit.family in BLOCK_FAMILIES and line.n_words <= HEADING_MAX_WORDS
    return Mark(hit.family, opens_block=opens)


def counter_phrase(line: Line, lexicon: Lexicon) -> Mark | None:
    """A phrase with a count: 'Kommentar (0)', '12 comments', 'Share 40'."""
    if line.n_words > COUNTER_MAX_WORDS or not any(t.isdigit() for t in line.tokens):
        return None
    words = tuple(t for t in line.tokens if not t.isdigit())
    if not words:
        return None
    family = lexicon.phrases.exact.get(" ".join(words))
    return Mark(family) if family is not None and family not in BLOCK_FAMILIES else None


def empty_labels(line: Line, lexicon: Lexicon) -> Mark | None:
    """Field labels with no value: 'Data actualizării: Data publicării:'."""
    text = line.text.rstrip()
    if not text.endswith(":"):
        return None
    labels = lexicon.meta("date_label") | lexicon.meta("byline") | lexicon.meta("source")
    empty = {k for k, f in lexicon.phrases.exact.items() if f == "empty_label"} | labels
    parts = [p.strip() for p in text.split(":")[:-1]]
    from ..normalize import fold

    if parts and all(fold(p) in empty for p in parts):
        return Mark("empty_label")
    return None
