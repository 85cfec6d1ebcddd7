"""Repetition: a copy of the title, or of an earlier kept line, is clutter."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ..features import Line

__all__ = ["repeated_lines"]

# Very short lines repeat by chance ("Foto", "1"); they are judged by other rules.
REPEAT_MIN_WORDS = 3


def repeated_lines(
    lines: Sequence[Line], rules: Sequence[str | None], title_index: int | None
) -> Iterator[tuple[int, str]]:
    """(index, rule) for each body line that repeats the title or an earlier body line."""
    title_key = lines[title_index].key if title_index is not None else None
    seen: set[str] = set()
    for i, (line, rule) in enumerate(zip(lines, rules)):
        if line.n_words < REPEAT_MIN_WORDS or rule not in ("body", "before_body", "after_body"):
            continue
        if title_key is not None and line.key == title_key and i != title_index:
            yield i, "repeated_title"
        elif rule == "body":
            if line.key in seen:
                yield i, "repeated"
            seen.add(line.key)
