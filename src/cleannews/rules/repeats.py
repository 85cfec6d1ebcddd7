"""Repetition: a copy of an earlier line, or of the title, is clutter.

Copies of body lines are found once the body is decided (the pipeline then decides again
with the copies marked, so that the span is the one the cleaned text gives); copies of
the title are found once the title is chosen.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ..features import Line
from .blocks import list_items
from .marks import Mark

__all__ = ["body_copies", "body_repeats", "title_repeats"]

# Very short lines repeat by chance ("Foto", "1"); they are judged by other rules.
REPEAT_MIN_WORDS = 3
# A section heading: at most this many words (wcxb_dev's section headings named twice in
# the body, in a table of contents and above their section: 3-12 words).
HEADING_MAX_WORDS = 12


def body_repeats(lines: Sequence[Line], rules: Sequence[str | None]) -> list[int]:
    """Indices of body lines that copy an earlier body line (a pull quote, a doubled
    paragraph): the later one is the copy. Lines outside the body do not count: a table
    of contents above the article names its subheadings, which are not copies.

    A table of contents that the body's span took in is the exception: headings
    (``_is_heading``) in a row, each named again further down above its section. There
    the entries are the copies, so that each heading stays where its section starts.
    (Removing the later ones left the contents in the text and the sections without
    headings; cleaning that text again no longer saw the copies and dropped the contents:
    not idempotent.)"""
    copies: list[int] = []
    heading_pairs: list[tuple[int, int]] = []  # (first, later) of a heading named twice
    first_at: dict[tuple[str, ...], int] = {}
    for i, (line, rule) in enumerate(zip(lines, rules, strict=True)):
        if rule != "body" or line.n_words < REPEAT_MIN_WORDS:
            continue
        j = first_at.setdefault(line.tokens, i)
        if j == i:
            continue
        if _is_heading(line) and _is_heading(lines[j]):
            heading_pairs.append((j, i))
            first_at[line.tokens] = i  # a third copy copies the heading, not the entry
        else:
            copies.append(i)
    entries = {j for j, _ in heading_pairs}
    for j, i in heading_pairs:
        in_contents = j - 1 in entries or j + 1 in entries
        copies.append(j if in_contents else i)
    return sorted(set(copies))


def body_copies(
    lines: Sequence[Line], rules: Sequence[str | None], marks: Sequence[Mark | None]
) -> list[int]:
    """The copies among the body lines (``body_repeats``) that no rule claimed for itself:
    a line with no mark, or with a weak one. A prose teaser cut off with '...' (weakly
    marked) that a teaser list repeats word for word was kept three times, each between two
    copies of its headline; cleaning the output again found the three in a row, a teaser
    run, and dropped them all (wcxb_dev 4151). Measured: wcxb_dev idempotent 782 -> 783 of
    788, P 0.92708 -> 0.92713, R 0.93474 -> 0.93472 (3 pages: teaser copies removed; one a
    listing whose gold keeps its repeated blurb, R 0.715 -> 0.698); scrapinghub unchanged.

    A list's lead-in that each section of a listicle repeats ('Top picks:', 'What you'll
    learn:') is not a copy: it introduces the list under it, as the first one does. Removed,
    it left its items without one in the cleaned text, where a second cleaning read them as
    a menu between paragraphs and lost the sections (not idempotent). Measured: wcxb_dev
    idempotent 784 -> 786 of 788; body P / R 0.92734 / 0.93502 -> 0.92730 / 0.93549, F1
    0.93116 -> 0.93137 (17 pages keep their repeated lead-ins, as their gold does: one R
    0.943 -> 0.997; 'Best Prices Today:' above each retailer table, P -0.003 on 3 pages);
    scrapinghub and ro_news_dev unchanged; titles, dates, authors same."""
    repeats = body_repeats(lines, rules)
    if not repeats:  # (most pages: the list items are not read)
        return []
    items = list_items(lines, marks)
    out = []
    for i in repeats:
        mark = marks[i]
        lead_in = i + 1 < len(lines) and items[i + 1] and not items[i]
        if (mark is None or mark.weak) and not lead_in:
            out.append(i)
    return out


def _is_heading(line: Line) -> bool:
    """A short line that does not end with a full stop: a heading or a question heading
    ("What Are Some Current Trends?"), not a pull quote or a doubled paragraph."""
    return line.n_words <= HEADING_MAX_WORDS and not line.text.endswith(".")


def title_repeats(
    lines: Sequence[Line], rules: Sequence[str | None], title_index: int
) -> Iterator[int]:
    """Indices of the lines, other than the title, that repeat it."""
    key = lines[title_index].tokens
    for i, (line, rule) in enumerate(zip(lines, rules, strict=True)):
        if (
            i != title_index
            and line.tokens == key
            and rule in ("body", "before_body", "after_body", "repeated", "repeated_title")
        ):
            yield i
