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
from .marks import LineRule, Mark, mark

__all__ = ["PHRASE_RULES", "SHAPE_RULES", "Mark", "first_mark", "mark"]

# Tried before the metadata lines: a phrase names its clutter precisely ("Riproduzione
# riservata © ANSA" is a copyright line, not a photo credit).
PHRASE_RULES: tuple[LineRule, ...] = (
    phrases.phrase,
    phrases.labelled_link,
    phrases.counter_phrase,
    phrases.empty_labels,
)
# Tried after the metadata lines: shapes are generic ("Foto: X" is a caption first).
SHAPE_RULES: tuple[LineRule, ...] = (
    shapes.ad_placeholder,
    shapes.image_file_name,
    shapes.bare_url,
    shapes.list_marker,
    shapes.breadcrumb,
    shapes.copyright_notice,
    shapes.lowercase_alt_text,
    shapes.truncated_teaser,
)


def first_mark(line: Line, lexicon: Lexicon, rules: tuple[LineRule, ...]) -> Mark | None:
    """The verdict of the first of ``rules`` that fires, or None."""
    for rule in rules:
        found = rule(line, lexicon)
        if found is not None:
            return found
    return None
