"""Clutter inside one very long line: a page that reached us with no line breaks at all.

The markers that open a block on a line of their own ('Top Citite', 'Citește și',
'Partenerii noștri') or start a call ('Urmărește știrile ...') still cut the tail of such a
line: what follows the first marker past the article's opening is clutter.
"""

from __future__ import annotations

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
_WORD = regex.compile(r"[\p{L}\p{N}]+")


@dataclass(frozen=True)
class TailCut:
    kept: str  # the text before the marker
    rule: str  # the marker's family


def cut_tail(text: str, lexicon: Lexicon) -> TailCut | None:
    """The line without its clutter tail, or None when no marker stands past the opening."""
    phrases = lexicon.phrases
    longest = max((k.count(" ") + 1 for k in phrases.exact), default=0)
    longest = max(longest, *phrases.prefix_lengths)
    starts: list[int] = []  # where each word starts in ``text``
    folded: list[str] = []  # the word, folded
    for m in _WORD.finditer(text):
        toks = fold_tokens(m.group())
        if toks:
            starts.append(m.start())
            folded.append(toks[0])
    for i in range(MIN_HEAD_WORDS, len(folded)):
        for n in range(min(longest, len(folded) - i), MIN_MARKER_WORDS - 1, -1):
            key = " ".join(folded[i : i + n])
            family = phrases.exact.get(key)
            if family not in BLOCK_FAMILIES:
                family = phrases.prefix.get(key)
            if family is not None:
                return TailCut(text[: starts[i]].rstrip(" ,;:-–—|"), family)
    return None
