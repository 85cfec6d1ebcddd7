"""Comment threads recognised by their shape, in any language that has a word for 'says'.

A blog's comment thread comes as attribution lines, each opening one comment
('thelastchargersfan says:', 'Alex on September 17, 2018 at 6:34 am said:'), with the
comment's text after each. Several such lines make a thread: it ends the article as a
comments heading does (``Config.barrier_families``), and every line of it is marked, so
that the thread's own prose can never be taken for the body. The words come from
``langdata/comment_thread.tsv``.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from importlib import resources

from ..features import Line
from ..normalize import fold
from .marks import Mark

__all__ = [
    "ATTRIBUTION_MAX_WORDS",
    "THREAD_MAX_GAP",
    "THREAD_MIN_ATTRIBUTIONS",
    "is_attribution",
    "mark_threads",
    "says_words",
]

# An attribution is a name, at most with a date and time: "Catherine (GiveWell) on
# September 13, 2018 at 5:23 pm said:" has 11 words; pingbacks name a post title ("15 DIY
# Wood Projects- Merry Monday #217 - Cookies Coffee and Crafts says:", 12 words).
ATTRIBUTION_MAX_WORDS = 14
# Attribution lines that make a thread. In the dev corpora the lines ending in a 'says'
# word with a colon stand in 15 pages (scrapinghub 3, wcxb_dev 12), none of them in the
# gold body; an article quoting one speaker ("The report says:") has one such line, a
# thread has two or more (13 of the 15 pages).
THREAD_MIN_ATTRIBUTIONS = 2
# ...no further apart than this many lines: one comment runs to a few paragraphs (the
# longest in the dev corpora: 17 lines, a reply with a list); two quotes far apart in an
# article are not a thread.
THREAD_MAX_GAP = 30
RULE = "comment_thread"


@functools.lru_cache(maxsize=1)
def says_words() -> frozenset[str]:
    """The folded attribution words of every language (``langdata/comment_thread.tsv``)."""
    path = resources.files("cleannews") / "langdata" / "comment_thread.tsv"
    words: set[str] = set()
    for number, row in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not row.strip() or row.startswith("#") or row.startswith("lang\t"):
            continue
        cols = row.split("\t")
        if len(cols) != 2 or not fold(cols[1]):
            raise ValueError(f"comment_thread.tsv:{number}: expected lang<TAB>word")
        words.add(fold(cols[1]))
    return frozenset(words)


def is_attribution(line: Line, words: frozenset[str]) -> bool:
    """'<name> says:': a short line that ends in a colon after a 'says' word."""
    return (
        line.text.endswith(":")
        and 2 <= line.n_words <= ATTRIBUTION_MAX_WORDS
        and line.tokens[-1] in words
    )


def mark_threads(lines: Sequence[Line], marks: Sequence[Mark | None]) -> list[Mark | None]:
    """Marks with the comment thread, when there is one, marked ``comment_thread``: from
    its first attribution to its last, and the last comment's text after that (the lines
    up to the first one that is not a sentence or that another rule claimed)."""
    out = list(marks)
    words = says_words()
    found = [i for i, ln in enumerate(lines) if is_attribution(ln, words)]
    for thread in _clusters(found):
        if len(thread) < THREAD_MIN_ATTRIBUTIONS:
            continue
        end = thread[-1] + 1
        while end < len(lines) and _comment_text(lines[end], marks[end]):
            end += 1
        for i in range(thread[0], end):
            mark = out[i]
            if mark is None or mark.weak or i in thread:
                out[i] = Mark(RULE)
    return out


def _clusters(found: list[int]) -> list[list[int]]:
    """Attribution indices grouped where each is within ``THREAD_MAX_GAP`` of the last."""
    groups: list[list[int]] = []
    for i in found:
        if groups and i - groups[-1][-1] <= THREAD_MAX_GAP:
            groups[-1].append(i)
        else:
            groups.append([i])
    return groups


def _comment_text(line: Line, mark: Mark | None) -> bool:
    return (mark is None or mark.weak) and (line.is_prose or line.ends_sentence)
