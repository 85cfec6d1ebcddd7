"""The rule column of ``Article.lines``: one rule name a line, in a byte rather than a
pointer (a page of a million one-word lines is 5 MB of text; a list slot a line is 8 MB).
The core returns the column as bytes, one code a line (its place in the catalogue).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import overload

from .catalog import RULES

__all__ = ["RuleColumn"]

# A rule name's code is its place in the catalogue: one byte holds them all.
_NAMES: tuple[str, ...] = tuple(RULES)
_CODES: dict[str, int] = {name: code for code, name in enumerate(_NAMES)}
if len(_NAMES) > 256:  # pragma: no cover - a guard for whoever grows the catalogue
    raise AssertionError("rule codes no longer fit in a byte")


class RuleColumn(Sequence[str]):
    """One rule name a line, held as a byte (its code in the catalogue). Reads as a
    sequence of names; ``KeyError`` for a name that is not in the catalogue."""

    __slots__ = ("_codes",)

    def __init__(self, names: Iterable[str] = ()) -> None:
        self._codes = bytearray(map(_CODES.__getitem__, names))

    @classmethod
    def from_codes(cls, codes: bytes) -> RuleColumn:
        """A column of the given one-byte codes (what the native core returns)."""
        column = cls()
        column._codes = bytearray(codes)
        return column

    def __len__(self) -> int:
        return len(self._codes)

    @overload
    def __getitem__(self, i: int) -> str: ...
    @overload
    def __getitem__(self, i: slice) -> list[str]: ...
    def __getitem__(self, i: int | slice) -> str | list[str]:
        if isinstance(i, slice):
            return list(map(_NAMES.__getitem__, self._codes[i]))
        return _NAMES[self._codes[i]]

    def __setitem__(self, i: int, name: str) -> None:
        self._codes[i] = _CODES[name]

    def __iter__(self) -> Iterator[str]:
        return map(_NAMES.__getitem__, self._codes)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, RuleColumn):
            return self._codes == other._codes
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # mutable

    def __repr__(self) -> str:
        return f"RuleColumn({list(self)!r})"

    def __reduce__(self) -> tuple[type[RuleColumn], tuple[list[str]]]:
        # By name, not by code: a pickle stays readable when the catalogue grows.
        return (RuleColumn, (list(self),))
