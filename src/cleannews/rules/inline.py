"""Clutter inside one very long line: a page that reached us with no line breaks at all.

The markers that open a block on a line of their own ('Top Citite', 'Citește și',
'Partenerii noștri') or start a call ('Urmărește știrile ...') still cut the tail of such a
line: what follows the first marker past the article's opening is clutter.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import regex

from ..lexicon import BLOCK_FAMILIES, Lexicon
from ..normalize import fold_tokens

__all__ = ["LONG_LINE_WORDS", "TailCut", "cut_tail"]

# A line this long holds a whole page, not a paragraph (news paragraphs: under 200 words).
LONG_LINE_WORDS = 400
# Markers in the first words are the page header, not the end of the article.
MIN_HEAD_WORDS = 50
# Inside running text only markers of two words or more are trusted ("popular" alone is
# a word of many sentences; "Top Citite", "Citește și", "Partenerii noștri" are not).
MIN_MARKER_WORDS = 2
# The text read to check a marker where the cut falls: this many characters per character
# of its folded key (folding drops marks; "ß" -> "ss" only lengthens the key).
CHECK_WINDOW_CHARS = 2
_WORD = regex.compile(r"[\p{L}\p{N}]+")


@dataclass(frozen=True)
class TailCut:
    kept: str  # the text before the marker
    rule: str  # the marker's family


def cut_tail(text: str, lexicon: Lexicon, tokens: Sequence[str] | None = None) -> TailCut | None:
    """The line without its clutter tail, or None when no marker stands past the opening.

    ``tokens``: the line's folded tokens, when the caller has them. The marker is found
    among them, and the cut is made where the text's word of the same index starts, once
    that word is checked to fold to the marker's start. Where a token and a word part ways
    (a letter that folds to nothing, marks inside a word), the words are folded one by one.
    """
    markers = _markers(lexicon)
    found = _first_marker(fold_tokens(text) if tokens is None else tokens, markers)
    if found is None:
        return None
    i, key = found
    start = _word_start(text, i, key)
    if start is None:
        return _cut_tail_by_words(text, lexicon, markers)
    return _cut_at(text, start, key, lexicon)


def _markers(lexicon: Lexicon) -> frozenset[str]:
    phrases = lexicon.phrases
    markers = {k for k, f in phrases.exact.items() if f in BLOCK_FAMILIES and " " in k}
    markers |= {k for k in phrases.prefix if " " in k}
    return frozenset(markers)


def _first_marker(folded: Sequence[str], markers: frozenset[str]) -> tuple[int, str] | None:
    """The index of the first word past the opening that starts a marker, and the marker."""
    heads = {k.split(" ", 1)[0] for k in markers}
    longest = max((k.count(" ") + 1 for k in markers), default=0)
    for i in range(MIN_HEAD_WORDS, len(folded)):
        if folded[i] not in heads:
            continue
        for n in range(min(longest, len(folded) - i), MIN_MARKER_WORDS - 1, -1):
            key = " ".join(folded[i : i + n])
            if key in markers:
                return i, key
    return None


def _word_start(text: str, index: int, key: str) -> int | None:
    """Where the ``index``-th word of ``text`` starts, if the text from there folds to
    ``key``'s words; else None."""
    for k, word in enumerate(_WORD.finditer(text)):
        if k == index:
            window = text[word.start() : word.start() + CHECK_WINDOW_CHARS * len(key)]
            n = key.count(" ") + 1
            return word.start() if " ".join(fold_tokens(window)[:n]) == key else None
    return None


def _cut_tail_by_words(text: str, lexicon: Lexicon, markers: frozenset[str]) -> TailCut | None:
    pairs = [(m.start(), fold_tokens(m.group())) for m in _WORD.finditer(text)]
    found = _first_marker([toks[0] for _, toks in pairs if toks], markers)
    if found is None:
        return None
    starts = [start for start, toks in pairs if toks]
    return _cut_at(text, starts[found[0]], found[1], lexicon)


def _cut_at(text: str, start: int, key: str, lexicon: Lexicon) -> TailCut:
    family = lexicon.phrases.exact.get(key) or lexicon.phrases.prefix[key]
    return TailCut(text[:start].rstrip(" ,;:-–—|"), family)
