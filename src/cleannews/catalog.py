"""The catalogue of rule names: every decision cleannews makes carries one of these.

A rule name is a stable, documented code (like datatrove's drop reasons): pipelines count
them, tests assert them, and they never change meaning between releases. ``RULES`` maps a
name to its category and a one-line description; ``explain`` and the docs read it from here.

The catalogue has one source, the core's (``crates/cleannews-core/src/rules/catalog.rs``,
read through ``_core.rule_catalog()``): a rule's one-byte code in ``Article.lines`` is its
place there, so the names here can never drift from the codes the core returns.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from types import MappingProxyType

from . import _core

__all__ = ["RULES", "Category", "RuleInfo", "category_of"]


class Category(str, Enum):
    """What a line is, once classified."""

    BODY = "body"  # a paragraph of the article
    METADATA = "metadata"  # title, date, byline, caption, source: kept as structured fields
    CLUTTER = "clutter"  # boilerplate: removed
    BLANK = "blank"  # an empty input line


@dataclass(frozen=True)
class RuleInfo:
    name: str
    category: Category
    description: str


# In code order: a rule's code is its place here (``columns.RuleColumn``).
_CATALOGUE: tuple[RuleInfo, ...] = tuple(
    RuleInfo(name, Category(category), description)
    for name, category, description in _core.rule_catalog()
)

RULES: MappingProxyType[str, RuleInfo] = MappingProxyType({r.name: r for r in _CATALOGUE})


def category_of(rule: str) -> Category:
    """The category of a rule name; ``KeyError`` for an unknown name."""
    return RULES[rule].category
