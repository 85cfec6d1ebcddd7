"""What a line rule says about a line."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from itertools import product
from types import MappingProxyType

from ..features import Line
from ..lexicon import Lexicon
from .catalog import RULES

__all__ = ["LineRule", "Mark", "mark"]


@dataclass(frozen=True, slots=True)
class Mark:
    rule: str  # a clutter rule name from the catalogue
    opens_block: bool = False  # a heading: the lines after it belong to the same block
    weak: bool = False  # evidence only: removed outside the body, kept between body prose
    # Claimed by the block a heading opened ('Citește și' above a list), not by what the
    # line itself says: such a line may still be the page's headline (metadata.title).
    in_block: bool = False


# Marks are values: every possible one is made once, here, and shared (a page of a million
# list markers held a million equal marks, 56 bytes each).
_MARKS = MappingProxyType(
    {
        (rule, *flags): Mark(rule, *flags)
        for rule in RULES
        for flags in product((False, True), repeat=3)
    }
)


def mark(
    rule: str, *, opens_block: bool = False, weak: bool = False, in_block: bool = False
) -> Mark:
    """The ``Mark`` with these fields (``KeyError`` for a rule not in the catalogue)."""
    return _MARKS[rule, opens_block, weak, in_block]


LineRule = Callable[[Line, Lexicon], "Mark | None"]
