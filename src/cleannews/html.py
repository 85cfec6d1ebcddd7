"""HTML input: trafilatura finds the main text and the page metadata, cleannews's own rules
then run over that text, and the page's metadata is merged with what the text gave.

- Detection (``looks_like_html``) reads at most ``SNIFF_CHARS`` of the input: a markup
  opening (``<!doctype html``, ``<html``) or ``MIN_TAGS`` block tags near the start. It
  never fires on the text corpora (``tests/test_html.py`` and the benchmark check it).
- trafilatura (``bare_extraction``, comments left out, see ``TRAFILATURA_OPTIONS``) gives
  the article text, one paragraph a line, and title, date (htmldate), authors, site name
  and canonical URL; the page's ``lang`` attribute gives the language.
- The text pipeline runs over that text. trafilatura has already located the article in
  the page's structure, so only the rules that judge a line by *what it says* remove lines
  here (``HTML_DROP_RULES``); the text pipeline's guesses of where the body starts and
  ends are not applied: on trafilatura's output they cost recall for little precision.
- When trafilatura returns nothing or much less than the page's text dump holds
  (``FALLBACK_*``), the dump (block elements as line breaks) goes through the text
  pipeline with every rule, and the article is flagged ``html_fallback``.
"""

from __future__ import annotations

import html as html_lib
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

import regex

from . import _core
from .article import METADATA_FIELDS, Article, LineDecision
from .catalog import Category
from .config import Config
from .core import run
from .decode import to_text
from .profile import LineSet

__all__ = [
    "FALLBACK_CHECK_WORDS",
    "FALLBACK_RATIO",
    "HTML_DROP_RULES",
    "MIN_TAGS",
    "SNIFF_CHARS",
    "extract_html",
    "looks_like_html",
    "page_text",
]

# -- detection -----------------------------------------------------------------------------
# Characters of the input's start that detection looks at: a page's doctype, <html> or
# first block tags come well before this; reading no further keeps text input at full speed.
SNIFF_CHARS = 2048
# Block or inline tags in the first SNIFF_CHARS that make a fragment HTML. The 1,580 texts
# of the corpora (ro_news_dev, scrapinghub and wcxb_dev's texts, the seeds, the test cases)
# have at most 2 such tags at their start; an HTML fragment ("<p>..</p><p>..</p>") has 4+.
MIN_TAGS = 4
# A page's opening: "<!doctype html" or "<html", after any XML declaration and comments
# (skipped by ``_prolog_end``, not by the regex: a regex over repeated comments backtracks).
_OPENING = regex.compile(rb"<(?:!doctype\s+html|html)\b", regex.I)
_TAG = regex.compile(
    rb"<(?:html|head|body|div|p|span|a|br|li|ul|ol|table|tr|td|meta|link|script|style"
    rb"|article|section|header|footer|nav|main|h[1-6]|img|figure|title)\b[^<>]{0,500}>",
    regex.I,
)
_BOM = "\ufeff"

# -- trafilatura -----------------------------------------------------------------------------
# Comments left out (include_comments=False): the gold bodies of scrapinghub and wcxb_dev do
# not contain reader comments; with them (trafilatura's default) token F1 is 0.958 / 0.942,
# without 0.965 / 0.948. favor_precision was measured and rejected: wcxb_dev recall
# 0.955 -> 0.921 for precision 0.941 -> 0.939; favor_recall: scrapinghub F1 0.965 -> 0.964;
# fast=True (no fallback extractors): wcxb_dev recall 0.955 -> 0.925.
TRAFILATURA_OPTIONS: Mapping[str, Any] = {
    "include_comments": False,
    "with_metadata": True,
}
# Rules whose removals stand on trafilatura's output: what a line says (clutter phrases,
# metadata lines, copies, the learned site profile, the title line). Each was measured by
# token F1 on trafilatura's text (scrapinghub / wcxb_dev): together +0.0045 / +0.0010, with
# precision +0.012 / +0.006 for recall -0.003 / -0.004. Left out because they cost F1 there:
# before_body / after_body (-0.003 / -0.011: trafilatura already cut the page), breadcrumb
# (-0.001 on wcxb_dev), teaser, image_name, embed, copyright, date (-0.0001 to -0.0004).
# Any line that is the page's <title> (folded) is removed as repeated_title as well.
HTML_DROP_RULES = frozenset(
    {
        # clutter phrase lists
        "most_read",
        "read_also",
        "partners",
        "editors_picks",
        "latest_news",
        "follow",
        "ad",
        "comments",
        "navigation",
        "cookie",
        "empty_label",
        "link_list",
        "list_marker",
        # repetition and the site profile
        "repeated",
        "repeated_title",
        "site_profile",
        # metadata lines (the value goes into the Article's fields)
        "title",
        "byline",
        "caption",
        "source",
        "agency",
        "sponsored",
    }
)
# -- fallback --------------------------------------------------------------------------------
# trafilatura's text is checked against the page's text dump only when it has fewer than
# this many words (longer outputs were never a miss on the dev corpora: the misses are
# 0, 38 and 90 words for pages of 2,000, 800 and 5,500 gold words).
FALLBACK_CHECK_WORDS = 100
# ...and the dump's cleaned body replaces it when it has at least this many times its
# words. On the dev corpora (15 pages under FALLBACK_CHECK_WORDS) the one miss with words
# has a ratio of 60 (a 5,500-word list page cut to 90 words); pages that trafilatura got
# right reach 14 (an open thread whose comments the dump keeps) and otherwise stay under 4.
FALLBACK_RATIO = 20.0

# -- dates -----------------------------------------------------------------------------------
# A year is not a date. htmldate (trafilatura's dates) gives a date in full even where the
# page writes only a year: its last resorts read a copyright year or any year in the page
# ("Bugetul pe 2026" in the headline) as January 1st of that year. So a January 1st from
# the page stands only where the page writes that day: its ISO form in the markup (a meta
# tag, JSON-LD) or the date that the text rules read. On wcxb_dev's 788 pages htmldate gives
# 65 January 1sts: this drops 63 (the 7 of them on pages whose gold has a date were all
# wrong) and keeps 2 that the markup writes, one of them gold's only January 1st of its 657
# dates. cleannews-html date accuracy stays 557 of 657; wrong dates 99 -> 92; of the 131
# pages whose gold has no date, 73 get one (was 129). A year and a month (htmldate's day 01
# of another month) is a date, as in wcxb_dev's gold ("2015-11").
_YEAR_ONLY_TAIL = "-01-01"

# Elements whose text is never article text (the <head> itself is kept: broken markup can
# leave the whole page inside it, as on 1 of the 969 pages of the dev corpora); block
# elements that end a line in the dump.
_SKIP_TAGS = ("script", "style", "noscript", "template", "svg", "title", "iframe", "object")
_BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "dd",
        "details",
        "dialog",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "td",
        "th",
        "tr",
        "ul",
        "caption",
        "title",
    ]
)
_SCRIPT = regex.compile(r"<(script|style|noscript|template)\b.*?(?:</\1\s*>|$)", regex.I | regex.S)
_TAG_TEXT = regex.compile(r"<[^<>]*>")
_CHARSET = regex.compile(
    rb"""<meta[^>]{0,200}?charset\s*+=\s*+["']?\s*+([A-Za-z0-9_.:-]+)""", regex.I
)
_LANG = regex.compile(r"""<html\b[^>]{0,1000}?\blang\s*+=\s*+["']?\s*+([A-Za-z]{2,3})\b""", regex.I)


def looks_like_html(data: str | bytes) -> bool:
    """Does the input start like an HTML page or fragment? Reads ``SNIFF_CHARS`` at most."""
    head = data[:SNIFF_CHARS]
    if isinstance(head, str):
        head = head.lstrip(_BOM).encode("utf-8", errors="replace")
    if b"<" not in head:
        return False
    if _OPENING.match(head, _prolog_end(head)):
        return True
    return len(_TAG.findall(head, overlapped=False)) >= MIN_TAGS


def _prolog_end(head: bytes) -> int:
    """Where the markup starts after blanks, an XML declaration and comments (linear)."""
    pos = len(head) - len(head.lstrip())
    if head.startswith(b"<?xml", pos):
        close = head.find(b">", pos)
        pos = len(head) if close < 0 else close + 1
    while True:
        while pos < len(head) and head[pos : pos + 1].isspace():
            pos += 1
        if not head.startswith(b"<!--", pos):
            return pos
        close = head.find(b"-->", pos + 4)
        if close < 0:
            return len(head)
        pos = close + 3


def decode_html(data: str | bytes) -> str:
    """The page as text: UTF-8, else the charset its ``<meta>`` declares, else detected."""
    if isinstance(data, str):
        return data
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = _CHARSET.search(data[: SNIFF_CHARS * 4])
    if declared is not None:
        try:
            return data.decode(declared.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            pass
    return to_text(data)


def extract_html(data: str | bytes, config: Config, profile: LineSet | None = None) -> Article:
    """The article of an HTML page (see the module docstring)."""
    page = decode_html(data).lstrip(_BOM)
    meta = _page_metadata(page)
    body = meta.pop("text", None) or ""
    title = meta.get("title")
    article = _trafilatura_article(body, title, config, profile) if body.strip() else None
    words = _words(article)
    if article is None or words < FALLBACK_CHECK_WORDS:
        dump = _fallback_article(page, config, profile)
        if article is None or _words(dump) >= FALLBACK_RATIO * max(words, 1):
            article = dump
    meta["published"] = _written_date(meta.get("published"), page, article.published)
    return merge_metadata(article, meta)


def _written_date(date: str | None, page: str, text_date: str | None) -> str | None:
    """The page's date, unless it is a January 1st that the page does not write (a bare
    year that htmldate completed; see ``_YEAR_ONLY_TAIL``)."""
    if date is None or date[4:10] != _YEAR_ONLY_TAIL:
        return date
    day = date[:10]
    return date if day in page or (text_date or "")[:10] == day else None


def _words(article: Article | None) -> int:
    return 0 if article is None else sum(len(p.split()) for p in article.paragraphs)


def _page_metadata(page: str) -> dict[str, Any]:
    """trafilatura's text and metadata (empty when it finds nothing or fails)."""
    import trafilatura

    lang = _LANG.search(page[: SNIFF_CHARS * 8])
    found: dict[str, Any] = {"language": lang.group(1).lower() if lang else None}
    try:
        doc = trafilatura.bare_extraction(page, **TRAFILATURA_OPTIONS)
    except Exception:  # a parser failure on hostile markup must not fail the record
        doc = None
    if doc is None:
        return found
    data = doc if isinstance(doc, dict) else doc.as_dict()
    authors = tuple(a.strip() for a in (data.get("author") or "").split(";") if a.strip())
    found.update(
        text=data.get("text"),
        title=_clean(data.get("title")),
        published=_clean(data.get("date")),
        authors=authors,
        site_name=_clean(data.get("sitename")),
        url=_clean(data.get("url")),
    )
    return found


def _clean(value: object) -> str | None:
    return " ".join(value.split()) or None if isinstance(value, str) else None


def _trafilatura_article(
    text: str, page_title: str | None, config: Config, profile: LineSet | None
) -> Article:
    """The text pipeline over trafilatura's text, keeping what only position removed; a
    body line that is the page's title (trafilatura keeps the <h1>) is a repeated title."""
    article = run(text, config, profile)
    title_key = _core.fold(page_title) if page_title else None
    lines = tuple(_kept_unless_said(d, title_key) for d in article.lines)
    paragraphs = tuple(d.kept or d.text for d in lines if d.rule == "body")
    title = article.title if any(d.rule == "title" for d in lines) else None
    return replace(article, lines=lines, paragraphs=paragraphs, title=title)


def _kept_unless_said(d: LineDecision, title_key: str | None) -> LineDecision:
    cat = d.category
    if d.rule == "title" and title_key and not _names_title(_core.fold(d.text), title_key):
        # The page says what its title is; a line the text rules took for the headline
        # that is not it (an opening question, a standfirst) is the article's first line.
        # cleannews-html P / R, scrapinghub 0.962 / 0.978 -> 0.961 / 0.981, wcxb_dev
        # 0.948 / 0.951 -> 0.948 / 0.952 (titles unchanged: 0.772).
        return LineDecision(d.line, d.text, "body", d.text)
    if cat is Category.BLANK or d.rule in HTML_DROP_RULES:
        return d
    if title_key and _core.fold(d.text) == title_key:
        return LineDecision(d.line, d.text, "repeated_title")
    return d if cat is Category.BODY else LineDecision(d.line, d.text, "body", d.text)


def _names_title(key: str, title_key: str) -> bool:
    """Is the folded line the page's folded title, or the title without its site name
    ('<headline> - Example News')?"""
    return key == title_key or (bool(key) and key in title_key) or title_key in key


def _fallback_article(page: str, config: Config, profile: LineSet | None) -> Article:
    article = run(page_text(page), config, profile)
    return replace(article, flags=(*article.flags, "html_fallback"))


def page_text(page: str) -> str:
    """The page's text, one block element a line (scripts, styles and the title left out).
    When libxml2 gives up (nesting deeper than its limit, 2048 with ``huge_tree``), every
    tag becomes a line break instead."""
    import lxml.etree  # type: ignore[import-untyped]
    import lxml.html  # type: ignore[import-untyped]

    # huge_tree: libxml2 otherwise stops at 256 nested elements and drops the rest.
    parser = lxml.html.HTMLParser(huge_tree=True)
    try:
        tree = lxml.html.document_fromstring(page, parser=parser)
    except (lxml.etree.LxmlError, ValueError):
        return _tags_as_breaks(page)
    lxml.etree.strip_elements(tree, *_SKIP_TAGS, with_tail=False)
    # Comments and processing instructions go, their tails stay (iterwalk skips both).
    lxml.etree.strip_tags(tree, lxml.etree.Comment, lxml.etree.ProcessingInstruction)
    parts: list[str] = []
    # Iterative (iterwalk), not recursive: hostile pages nest thousands of elements deep.
    for event, el in lxml.etree.iterwalk(tree, events=("start", "end")):
        is_element = isinstance(el.tag, str)
        block = is_element and el.tag.lower() in _BLOCK_TAGS
        if block:
            parts.append("\n")
        if event == "start" and is_element and el.text:
            parts.append(el.text)
        elif event == "end" and el.tail:
            parts.append(el.tail)
    return _tidy("".join(parts)) or _tags_as_breaks(page)


def _tags_as_breaks(page: str) -> str:
    """The last resort: scripts and styles dropped, every tag a line break, entities read."""
    text = html_lib.unescape(_TAG_TEXT.sub("\n", _SCRIPT.sub("", page)))
    return _tidy(text)


def _tidy(text: str) -> str:
    return "\n".join(s for line in text.splitlines() if (s := " ".join(line.split())))


def merge_metadata(article: Article, page: Mapping[str, Any]) -> Article:
    """``article`` with the page's metadata where the page has a value (HTML wins), and
    ``sources`` naming where each field that has a value came from."""
    changes: dict[str, Any] = {}
    sources: list[tuple[str, str]] = []
    for name in METADATA_FIELDS:
        value = page.get(name)
        if value:
            changes[name] = value
            sources.append((name, "html"))
        elif getattr(article, name):
            sources.append((name, "text"))
    return replace(article, **changes, sources=tuple(sources))
