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
    # Claimed by the block a heading opened ('Citește și' above a list), not by what the
    # line itself says: such a line may still be the page's headline (metadata.title).
    in_block: bool = False


LineRule = Callable[[Line, Lexicon], "Mark | None"]
