"""Choosing the title among the lines before the body."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from ..features import Line

__all__ = ["TITLE_MAX_WORDS", "TITLE_MIN_WORDS", "TITLE_SEARCH_LINES", "choose_title", "is_headline"]

# A headline has 3-40 words (the seeds' longest, an Italian one, has 30).
TITLE_MIN_WORDS = 3
TITLE_MAX_WORDS = 40
# How far above the body the title may stand (share bars, bylines and captions between).
TITLE_SEARCH_LINES = 25


def is_headline(line: Line) -> bool:
    """Headline shape: 3-40 words, starts with a capital, digit or quote, no final period."""
    if not (TITLE_MIN_WORDS <= line.n_words <= TITLE_MAX_WORDS):
        return False
    first = line.text[0]
    if not (first.isupper() or first.isdigit() or first in "\"'„“«‘(¿¡" or not first.isalpha()):
        return False
    return not line.text.rstrip("\"'”’») ").endswith(".")


def choose_title(lines: Sequence[Line], free: Sequence[bool], body_start: int) -> int | None:
    """The index of the title line among ``lines[:body_start]``, or None.

    ``free[i]`` is False for lines that a rule already claimed (clutter or metadata). A
    headline repeated in the header (page title + h1) wins; else the nearest headline
    above the body.
    """
    lo = max(0, body_start - TITLE_SEARCH_LINES)
    header = [i for i in range(lo, body_start) if free[i] and is_headline(lines[i])]
    if not header:
        return None
    counts = Counter(lines[i].key for i in header)
    repeated = [i for i in header if counts[lines[i].key] > 1]
    return repeated[0] if repeated else header[-1]
