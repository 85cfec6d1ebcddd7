"""The per-line report: one row per input line, kept or removed, and the rule that decided."""

from __future__ import annotations

from .article import Article
from .catalog import Category

__all__ = ["format_article", "format_report"]

_MARK = {
    Category.BODY: "keep",
    Category.METADATA: "meta",
    Category.CLUTTER: "drop",
    Category.BLANK: "    ",
}


def _metadata_rows(article: Article) -> list[str]:
    rows = [
        f"language: {article.language or '?'}   title: {article.title or '-'}",
        f"published: {article.published or '-'}   authors: {', '.join(article.authors) or '-'}"
        f"   source: {article.source_url or '-'}   agency: {article.agency or '-'}",
    ]
    rows += [f"caption: {c}" for c in article.captions]
    if article.flags:
        rows.append(f"flags: {', '.join(article.flags)}")
    return rows


def format_article(article: Article) -> str:
    """The metadata fields, then the cleaned article (what ``clean`` returns)."""
    return "\n".join([*_metadata_rows(article), "", article.text]) + "\n"


def format_report(article: Article, width: int = 100) -> str:
    """A fixed-width table: line number, verdict, rule, the line (cut to ``width``)."""
    rows = [*_metadata_rows(article), ""]
    for d in article.lines:
        if d.category is Category.BLANK:
            continue
        text = d.text if len(d.text) <= width else d.text[: width - 1] + "…"
        rows.append(f"{d.line:5d} {_MARK[d.category]} {d.rule:<15} {text}")
        if d.cut_rule is not None:
            rows.append(f"{'':5} {'cut':4} {d.cut_rule:<15} kept: {d.kept[:width]}")
    return "\n".join(rows) + "\n"
