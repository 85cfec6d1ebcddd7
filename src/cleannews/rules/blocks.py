"""Blocks opened by a clutter heading ('Top Citite', 'Citește și', 'Partenerii noștri').

A heading claims the lines after it for its family until the article body clearly
resumes (jusText's second pass, by neighbours): a run of prose lines, or one long
paragraph. Another heading starts a new block. The end of the text is not assumed.
Blocks that have no heading but a shape are found here too: a comment thread
(``threads``) and a run of truncated teasers.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..config import Config
from ..features import Line
from ..lexicon import Lexicon
from .marks import Mark, mark
from .shapes import is_truncated
from .threads import mark_threads

__all__ = ["list_items", "spread_blocks", "teaser_runs"]

# A lead-in that opens a list: a line of two words or more ending in a colon ("Ordinea pe
# buletinul de vot:", "Clasamentul complet:", "The changes include:"), not a one-word label
# ("Tags:"). Lead-ins that name clutter ("Related articles:") carry a mark and are skipped.
LEAD_IN_MIN_WORDS = 2
# List items are short lines.
LIST_ITEM_MAX_WORDS = 12
# ...or, past the first, at most this many times as long as the longest item before them:
# the items of one list are alike ('June 9 – West Palm Beach, FL @ Coral Sky Amphitheatre',
# then 'June 23 – Virginia Beach, VA @ Veterans United Home Loans Amphitheater at Virginia
# Beach'), while a headline of 14 words after a run of one-word tags is not one of them.
# Measured, body P / R (scrapinghub | wcxb_dev), from 0.9314 / 0.9443 | 0.9270 / 0.9342:
# a flat limit of 20 words -> 0.9307 / 0.9483 | 0.9266 / 0.9354 (teaser headlines after
# 'Related Tags:' kept); 1.5x -> 0.9314 / 0.9460 | 0.9269 / 0.9343; 2x -> 0.9314 / 0.9460 |
# 0.9269 / 0.9350; 3x -> 0.9307 / 0.9460 | 0.9268 / 0.9352.
LIST_ITEM_GROWTH = 2
# Consecutive lines cut off with '...' that make a teaser list, whatever their length (an
# article's paragraphs end in a sentence). In the dev corpora, runs of 3 or more such lines
# hold 94 lines (scrapinghub 39, wcxb_dev 55, ro_news_dev 0), 1 of them in a gold body.
TEASER_RUN_MIN = 3


def _resumes(lines: Sequence[Line], i: int, config: Config) -> bool:
    """Does the body resume at line ``i``?"""
    if not lines[i].is_prose:
        return False
    if lines[i].n_words >= config.block_resume_long_words:
        return True
    need = config.block_resume_prose_lines
    run = lines[i : i + need]
    return len(run) == need and all(ln.is_prose for ln in run)


def spread_blocks(
    lines: Sequence[Line], marks: Sequence[Mark | None], config: Config, lexicon: Lexicon
) -> list[Mark | None]:
    """Marks with every line of an open block marked with the block's family, the lines
    of a comment thread marked ``comment_thread`` and runs of truncated lines ``teaser``
    (one copy of ``marks``, marked in place by each pass)."""
    out = list(marks)
    family: str | None = None
    for i, own in enumerate(marks):
        if own is not None and own.opens_block:
            family = own.rule
            continue
        if family is None:
            continue
        if _resumes(lines, i, config):
            family = None
            continue
        if own is None or own.weak:
            out[i] = mark(family, in_block=True)
    teaser_runs(lines, out)
    mark_threads(lines, out, lexicon)
    return out


def teaser_runs(lines: Sequence[Line], marks: list[Mark | None]) -> None:
    """Marks, in place, every run of ``TEASER_RUN_MIN`` or more consecutive truncated lines
    (headline teasers cut off with '...') ``teaser``: a list of other articles, which a
    single truncated line between paragraphs is not (that one stays weak)."""
    run: list[int] = []
    for i in range(len(lines) + 1):
        if i < len(lines) and is_truncated(lines[i]):
            run.append(i)
            continue
        if len(run) >= TEASER_RUN_MIN:
            for j in run:
                own = marks[j]
                if own is None or own.weak:
                    marks[j] = mark("teaser")
        run = []


def list_items(lines: Sequence[Line], marks: Sequence[Mark | None]) -> bytearray:
    """Which lines are items of a list that a lead-in line introduces: the run of short
    (or alike in length), unmarked, non-prose lines right after a line that ends in a
    colon. An article that
    lists candidates or ministers keeps its list; a menu has no such lead-in. (A flag a
    line: a byte each.)"""
    items = bytearray(len(lines))
    i = 0
    while i < len(lines):
        lead = lines[i]
        if marks[i] is None and lead.text.endswith(":") and lead.n_words >= LEAD_IN_MIN_WORDS:
            j = i + 1
            longest = 0  # words of the longest item so far
            while (
                j < len(lines)
                and marks[j] is None
                and not lines[j].is_prose
                and 0 < lines[j].n_words <= max(LIST_ITEM_MAX_WORDS, LIST_ITEM_GROWTH * longest)
            ):
                items[j] = True
                longest = max(longest, lines[j].n_words)
                j += 1
            i = j
        else:
            i += 1
    return items
