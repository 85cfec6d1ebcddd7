"""The catalogue of rule names: every decision cleannews makes carries one of these.

A rule name is a stable, documented code (like datatrove's drop reasons): pipelines count
them, tests assert them, and they never change meaning between releases. ``RULES`` maps a
name to its category and a one-line description; ``explain`` and the docs read it from here.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from types import MappingProxyType

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


_B, _M, _C = Category.BODY, Category.METADATA, Category.CLUTTER

_CATALOGUE: tuple[RuleInfo, ...] = (
    # -- body -------------------------------------------------------------------------
    RuleInfo("body", _B, "inside the located article body"),
    # -- metadata ---------------------------------------------------------------------
    RuleInfo("title", _M, "the article's title"),
    RuleInfo("date", _M, "a publication or update date line"),
    RuleInfo("byline", _M, "author / editor line ('Editor : M.I.', 'By ...')"),
    RuleInfo("caption", _M, "photo caption or credit ('Foto: ...', 'Ảnh: ...')"),
    RuleInfo("source", _M, "source line ('Quelle: <url>', 'Sursa: ...')"),
    RuleInfo("agency", _M, "agency dateline at the start of the lead ('(PLO)-', '(AFP) -')"),
    RuleInfo("sponsored", _M, "sponsored-content marker ('(P)', 'Advertorial')"),
    # -- clutter: phrase families (language data in langdata/phrases/*.txt) ------------
    RuleInfo("most_read", _C, "most-read / top lists ('Top Citite', 'Most popular')"),
    RuleInfo("read_also", _C, "read-also and related links ('Citește și', 'Vezi și')"),
    RuleInfo("partners", _C, "partner-site link blocks ('Partenerii noștri')"),
    RuleInfo("editors_picks", _C, "editor's picks / recommended ('Recomandările redacției')"),
    RuleInfo("latest_news", _C, "latest-news lists ('Ultimele știri', 'Latest news')"),
    RuleInfo("follow", _C, "follow / subscribe / app / newsletter calls"),
    RuleInfo("ad", _C, "ad placeholders and markers ('Publicitate', '[Anzeige_2]')"),
    RuleInfo("comments", _C, "comment counters and prompts ('Kommentar (0)')"),
    RuleInfo("author_bio", _C, "the author's bio after the article ('About the author')"),
    RuleInfo("navigation", _C, "navigation and interface words ('Live TV', 'Home', 'Share')"),
    RuleInfo("cookie", _C, "cookie and consent notices"),
    RuleInfo("copyright", _C, "copyright and legal footers"),
    RuleInfo("empty_label", _C, "field labels with no value ('Data publicării:')"),
    # -- clutter: shapes (rules/shapes.py) ---------------------------------------------
    RuleInfo("breadcrumb", _C, "breadcrumb trail ('Prima pagină » Știri » ...')"),
    RuleInfo("image_name", _C, "image file name or alt-text residue ('profimedia-0975326545')"),
    RuleInfo("embed", _C, "embed leftovers: bare URLs, 'View this post on Instagram'"),
    RuleInfo("list_marker", _C, "a bare list number or bullet"),
    RuleInfo("teaser", _C, "truncated headline teaser ending in '...'"),
    RuleInfo("comment_thread", _C, "a comment thread: several '<name> says:' lines and replies"),
    # -- clutter: repetition (rules/repeats.py) ----------------------------------------
    RuleInfo("repeated_title", _C, "a repeat of the title line"),
    RuleInfo("repeated", _C, "a repeat of an earlier line"),
    # -- clutter: position relative to the body (body.py) ------------------------------
    RuleInfo("before_body", _C, "page header before the article body"),
    RuleInfo("after_body", _C, "page footer after the article body"),
    RuleInfo("link_list", _C, "short fragment, not a sentence (menu word, label, number)"),
    # -- clutter: learned per site (profile.py) ----------------------------------------
    RuleInfo("site_profile", _C, "a line the site repeats on many pages (learned profile)"),
    # -- blank --------------------------------------------------------------------------
    RuleInfo("blank", Category.BLANK, "an empty line"),
)

RULES: MappingProxyType[str, RuleInfo] = MappingProxyType({r.name: r for r in _CATALOGUE})


def category_of(rule: str) -> Category:
    """The category of a rule name; ``KeyError`` for an unknown name."""
    return RULES[rule].category
