"""The clutter rules, one family a module, and the ordered registry that applies them.

Like ftfy's fixers, each rule is a small pure function ``(line, lexicon) -> Mark | None``
named after what it finds; ``LINE_RULES`` lists them in the order they are tried (the
first that fires decides). Rules that look at neighbouring lines live in ``blocks`` and
``repeats``; where the article body runs is decided in ``cleannews.body``.
"""

from __future__ import annotations

from ..features import Line
from ..lexicon import Lexicon
from . import phrases, shapes
from .marks import LineRule, Mark

__all__ = ["LINE_RULES", "Mark", "first_mark"]

LINE_RULES: tuple[LineRule, ...] = (
    phrases.phrase,
    phrases.counter_phrase,
    phrases.empty_labels,
    shapes.ad_placeholder,
    shapes.image_file_name,
    shapes.bare_url,
    shapes.list_marker,
    shapes.breadcrumb,
    shapes.copyright_notice,
    shapes.lowercase_alt_text,
    shapes.truncated_teaser,
)


def first_mark(line: Line, lexicon: Lexicon) -> Mark | None:
    """The verdict of the first line rule that fires, or None."""
    for rule in LINE_RULES:
        mark = rule(line, lexicon)
        if mark is not None:
            return mark
    return None
