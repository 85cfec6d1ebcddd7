"""Repetition: a copy of an earlier line, or of the title, is clutter.

Copies of body lines are found once the body is decided (the pipeline then decides again
with the copies marked, so that the span is the one the cleaned text gives); copies of
the title are found once the title is chosen.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ..features import Line

__all__ = ["body_repeats", "title_repeats"]

# Very short lines repeat by chance ("Foto", "1"); they are judged by other rules.
REPEAT_MIN_WORDS = 3


def body_repeats(lines: Sequence[Line], rules: Sequence[str | None]) -> list[int]:
    """Indices of body lines that copy an earlier body line (a pull quote, a doubled
    paragraph). Lines outside the body do not count: a table of contents above the
    article names its subheadings, which are not copies."""
    found: list[int] = []
    seen: set[str] = set()
    for i, (line, rule) in enumerate(zip(lines, rules, strict=True)):
        if rule != "body" or line.n_words < REPEAT_MIN_WORDS:
            continue
        if line.key in seen:
            found.append(i)
        seen.add(line.key)
    return found


def title_repeats(
    lines: Sequence[Line], rules: Sequence[str | None], title_index: int
) -> Iterator[int]:
    """Indices of the lines, other than the title, that repeat it."""
    key = lines[title_index].key
    for i, (line, rule) in enumerate(zip(lines, rules, strict=True)):
        if (
            i != title_index
            and line.key == key
            and rule in ("body", "before_body", "after_body", "repeated", "repeated_title")
        ):
            yield i
