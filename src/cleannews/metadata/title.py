"""Choosing the title among the lines above the body.

Every headline-shaped line in the header is a candidate, scored on evidence: a copy of it
elsewhere on the page (the h1 repeats the page title), a date or byline just below it,
a typical headline length, and nearness to the body. The best score wins.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from ..features import Line

__all__ = ["choose_title", "is_headline", "opens_with_headline"]

# A headline has 4-25 words (wcxb_dev's gold titles: median 9, 99th percentile 22).
TITLE_MIN_WORDS = 4
TITLE_MAX_WORDS = 25
# A page that starts with its headline: the first line, at most this long (a longer
# unpunctuated first line is a standfirst, as in seed 003).
OPENING_HEADLINE_MAX_WORDS = 20
# How far above the body the title may stand (share bars, bylines, captions between):
# wcxb_dev's gold title stands within 30 lines of the body in 90% of pages.
TITLE_SEARCH_LINES = 40
# Evidence weights, chosen by title accuracy on wcxb_dev (788 pages): repetition counted
# above the body only, 1.0 / distance 0.05 / date-or-byline below 2.0 / length 1.0 -> 386
# right; repetition 3.0 -> 366-368; distance 0.1 -> 373, 0.2 -> 349; repetition counted on
# the whole page (menus repeat in the footer) -> 318.
REPEATED_BONUS = 1.0
METADATA_BELOW_BONUS = 2.0
METADATA_BELOW_LINES = 4
TYPICAL_LENGTH_BONUS = 1.0
TYPICAL_WORDS = (5, 22)  # wcxb_dev gold titles: median 9 words, 99th percentile 22
DISTANCE_PENALTY = 0.05  # per line between the candidate and the body


def is_headline(line: Line, max_words: int = TITLE_MAX_WORDS) -> bool:
    """Headline shape: 4-25 words, starts with a capital, digit or quote, no final period."""
    if not (TITLE_MIN_WORDS <= line.n_words <= max_words):
        return False
    first = line.text[0]
    if first.isalpha() and not first.isupper() and first.lower() != first.upper():
        return False  # starts with a lower-case letter of a cased script
    return not line.text.rstrip("\"'”’») ").endswith(".")


def opens_with_headline(line: Line) -> bool:
    """The body's first line is the page's headline (a page that starts with it)."""
    return is_headline(line, OPENING_HEADLINE_MAX_WORDS) and not line.ends_sentence


def choose_title(
    lines: Sequence[Line],
    free: Sequence[bool],
    is_meta: Sequence[bool],
    body_start: int,
    copies: Sequence[bool] | None = None,
) -> int | None:
    """The index of the title among ``lines[:body_start]``, or None.

    ``free[i]`` is False for lines a rule already claimed; ``is_meta[i]`` marks date and
    byline lines (evidence for the headline just above them); ``copies[i]`` marks the
    copies of an earlier choice of title (``repeated_title``): they stand where they stood
    when it was chosen, so the choice is scored at them again and does not move (without
    them, the copy rounds moved the title off its first copy: wcxb_dev titles 378 -> 382).
    """
    lo = max(0, body_start - TITLE_SEARCH_LINES)
    candidates = [
        i
        for i in range(lo, body_start)
        if (free[i] or (copies is not None and copies[i])) and is_headline(lines[i])
    ]
    if not candidates:
        return None
    # Copies above the body: the page title repeated by the h1. Menus repeat too, but in
    # the footer, below the body; those copies do not count.
    counts = Counter(ln.key for ln in lines[:body_start])

    def score(i: int) -> float:
        line = lines[i]
        s = -DISTANCE_PENALTY * (body_start - i)
        if counts[line.key] > 1:
            s += REPEATED_BONUS
        below = range(i + 1, min(body_start, i + 1 + METADATA_BELOW_LINES))
        if any(is_meta[j] for j in below):
            s += METADATA_BELOW_BONUS
        if TYPICAL_WORDS[0] <= line.n_words <= TYPICAL_WORDS[1]:
            s += TYPICAL_LENGTH_BONUS
        return s

    best = max(candidates, key=lambda i: (score(i), i))
    # Of several copies, the first free one is the title and the others are repeats.
    key = lines[best].key
    return next((i for i in candidates if free[i] and lines[i].key == key), best)
