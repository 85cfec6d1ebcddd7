"""What a line rule says about a line."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..features import Line
from ..lexicon import Lexicon

__all__ = ["LineRule", "Mark"]


@dataclass(frozen=True, slots=True)
class Mark:
    rule: str  # a clutter rule name from the catalogue
    opens_block: bool = False  # a heading: the lines after it belong to the same block
    weak: bool = False  # evidence only: removed outside the body, kept between body prose


LineRule = Callable[[Line, Lexicon], "Mark | None"]
