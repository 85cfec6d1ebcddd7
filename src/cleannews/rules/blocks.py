"""Blocks opened by a clutter heading ('Top Citite', 'Citește și', 'Partenerii noștri').

A heading claims the lines after it for its family until the article body clearly
resumes (jusText's second pass, by neighbours): a run of prose lines, or one long
paragraph. Another heading starts a new block. The end of the text is not assumed.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..config import Config
from ..features import Line
from .marks import Mark

__all__ = ["list_items", "spread_blocks"]

# A lead-in that opens a list: a line of two words or more ending in a colon ("Ordinea pe
# buletinul de vot:", "Clasamentul complet:", "The changes include:"), not a one-word label
# ("Tags:"). Lead-ins that name clutter ("Related articles:") carry a mark and are skipped.
LEAD_IN_MIN_WORDS = 2
# List items are short lines.
LIST_ITEM_MAX_WORDS = 12


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
    lines: Sequence[Line], marks: Sequence[Mark | None], config: Config
) -> list[Mark | None]:
    """Marks with every line of an open block marked with the block's family."""
    out = list(marks)
    family: str | None = None
    for i, mark in enumerate(marks):
        if mark is not None and mark.opens_block:
            family = mark.rule
            continue
        if family is None:
            continue
        if _resumes(lines, i, config):
            family = None
            continue
        if mark is None or mark.weak:
            out[i] = Mark(family)
    return out


def list_items(lines: Sequence[Line], marks: Sequence[Mark | None]) -> list[bool]:
    """Which lines are items of a list that a lead-in line introduces: the run of short,
    unmarked, non-prose lines right after a line that ends in a colon. An article that
    lists candidates or ministers keeps its list; a menu has no such lead-in."""
    items = [False] * len(lines)
    i = 0
    while i < len(lines):
        lead = lines[i]
        if marks[i] is None and lead.text.endswith(":") and lead.n_words >= LEAD_IN_MIN_WORDS:
            j = i + 1
            while (
                j < len(lines)
                and marks[j] is None
                and not lines[j].is_prose
                and 0 < lines[j].n_words <= LIST_ITEM_MAX_WORDS
            ):
                items[j] = True
                j += 1
            i = j
        else:
            i += 1
    return items
