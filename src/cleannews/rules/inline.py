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
    markers = {k for k, f in phrases.exact.items() if f in BLOCK_FAMILIES and " " in k}
    markers |= {k for k in phrases.prefix if " " in k}
    heads = {k.split(" ", 1)[0] for k in markers}
    longest = max((k.count(" ") + 1 for k in markers), default=0)
    starts = [m.start() for m in _WORD.finditer(text)]  # where each word starts
    folded = fold_tokens(text)  # folding keeps word boundaries: one token per word
    if len(folded) != len(starts):  # a letter that folds to nothing: fold word by word
        pairs = [(m.start(), fold_tokens(m.group())) for m in _WORD.finditer(text)]
        starts = [start for start, toks in pairs if toks]
        folded = [toks[0] for _, toks in pairs if toks]
    for i in range(MIN_HEAD_WORDS, len(folded)):
        if folded[i] not in heads:
            continue
        for n in range(min(longest, len(folded) - i), MIN_MARKER_WORDS - 1, -1):
            key = " ".join(folded[i : i + n])
            if key in markers:
                family = phrases.exact.get(key) or phrases.prefix[key]
                return TailCut(text[: starts[i]].rstrip(" ,;:-–—|"), family)
    return None
