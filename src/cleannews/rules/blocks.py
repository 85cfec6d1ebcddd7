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

__all__ = ["spread_blocks"]


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
