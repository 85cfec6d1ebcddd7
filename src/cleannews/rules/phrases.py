"""Phrase-list rules: the language data of langdata/phrases/*.txt matched on folded text."""

from __future__ import annotations

from ..features import Line
from ..lexicon import BLOCK_FAMILIES, Lexicon
from ..normalize import fold
from .marks import Mark, mark

__all__ = ["counter_phrase", "empty_labels", "phrase"]

# Counters are short: "Kommentar (0)", "12 comments", "Shares 40".
COUNTER_MAX_WORDS = 4
# Families whose words come with a count ("Kommentar (0)", "Share 40", "Like 12").
COUNTED_FAMILIES = frozenset({"comments", "navigation", "follow"})
# Nouns that follow a count at the head of a comment thread ("34 responses to ...").
THREAD_WORDS = frozenset({"responses", "replies", "reactions", "thoughts"})
# A label before a colon: "Read more:", "Citește și:", "Te-ar putea interesa și:".
LABEL_MAX_WORDS = 5
# A heading of a block family is short; a longer line that starts with one is inline.
HEADING_MAX_WORDS = 8


def phrase(line: Line, lexicon: Lexicon) -> Mark | None:
    """A line that is, or starts with, a phrase of a clutter family.

    A line that only starts with a read-also phrase is a link when what follows reads as a
    headline: not a quotation ("„Citește și tu Constituția”, i-a replicat"), not a
    sentence that goes on ("Citește și raportul complet al comisiei, ... .").
    """
    hit = lexicon.phrases.match(line.key, line.tokens)
    if hit is None:
        return None
    if (
        not hit.whole_line
        and hit.family in BLOCK_FAMILIES
        and (
            not line.text[0].isalnum() or (line.ends_sentence and not _colon_after_label(line.text))
        )
    ):
        return None
    heading = hit.whole_line or line.text.endswith(":")  # "Related coverage from X:"
    opens = heading and hit.family in BLOCK_FAMILIES and line.n_words <= HEADING_MAX_WORDS
    return mark(hit.family, opens_block=opens)


def labelled_link(line: Line, lexicon: Lexicon) -> Mark | None:
    """A label and a colon, then a link: 'Read more: <headline>', 'Related: <headline>',
    'Vezi și: <headline>' (the label is a whole-line phrase of its family)."""
    head, sep, rest = line.text.partition(":")
    if not sep or not rest.strip() or len(head.split()) > LABEL_MAX_WORDS:
        return None
    family = lexicon.phrases.exact.get(fold(head))
    if family is None or family == "empty_label":
        return None
    return mark(family)


def _colon_after_label(text: str) -> bool:
    head, sep, _ = text.partition(":")
    return bool(sep) and len(head.split()) <= LABEL_MAX_WORDS


def counter_phrase(line: Line, lexicon: Lexicon) -> Mark | None:
    """A phrase with a count: 'Kommentar (0)', '12 comments', 'Share 40', and a count
    that opens a comment thread: '34 responses to "<title>"'."""
    tokens = line.tokens
    if len(tokens) > 1 and tokens[0].isdigit() and line.n_words <= HEADING_MAX_WORDS * 2:
        family = lexicon.phrases.exact.get(tokens[1])
        if family == "comments" or (family is None and tokens[1] in THREAD_WORDS):
            return mark("comments")
    if line.n_words > COUNTER_MAX_WORDS or not any(t.isdigit() for t in tokens):
        return None
    words = tuple(t for t in line.tokens if not t.isdigit())
    if not words:
        return None
    family = lexicon.phrases.exact.get(" ".join(words))
    return mark(family) if family in COUNTED_FAMILIES else None


def empty_labels(line: Line, lexicon: Lexicon) -> Mark | None:
    """Field labels with no value: 'Data actualizării: Data publicării:'."""
    text = line.text.rstrip()
    if not text.endswith(":"):
        return None
    parts = [p.strip() for p in text.split(":")[:-1]]
    if parts and all(fold(p) in lexicon.empty_labels for p in parts):
        return mark("empty_label")
    return None
