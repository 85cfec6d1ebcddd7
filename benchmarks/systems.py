"""The systems under comparison: naive line rules, the peers, and cleannews.

Every system maps one input (the text, or the page's HTML) to an ``Output``: the text that is
scored against the gold body, the input lines it kept (text systems), and metadata where it
extracts any.
"""

from __future__ import annotations

import html as html_lib
from collections.abc import Callable
from dataclasses import asdict, dataclass
from functools import cache
from importlib import metadata
from typing import Any

from .scoring import normalise

# Bump when a wrapper below changes what it returns: cached peer outputs are keyed by it.
WRAPPER_REVISION = "1"

C4_END_MARKS = (".", "?", "!", '"', "”", "’", "'")
C4_MIN_WORDS = 3
C4_POLICY = (
    "terms of use",
    "privacy policy",
    "cookie policy",
    "uses cookies",
    "use of cookies",
    "use cookies",
)
MIN_LINE_CHARS = 80


@dataclass(frozen=True)
class Output:
    """What a system returned for one document."""

    text: str
    lines: tuple[int, ...] | None = None  # kept input lines (1-based), text systems only
    meta_lines: tuple[int, ...] | None = None  # lines classed as metadata (cleannews only)
    title: str | None = None
    published: str | None = None
    authors: tuple[str, ...] | None = None  # None: the system extracts no metadata

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @staticmethod
    def from_json(data: dict[str, Any]) -> Output:
        def tup(key: str) -> tuple[Any, ...] | None:
            value = data.get(key)
            return None if value is None else tuple(value)

        return Output(
            text=data["text"],
            lines=tup("lines"),
            meta_lines=tup("meta_lines"),
            title=data.get("title"),
            published=data.get("published"),
            authors=tup("authors"),
        )


@dataclass(frozen=True)
class System:
    """A named extractor; ``source`` is "text" or "html"; ``cached`` peers are cached on disk."""

    name: str
    source: str
    run: Callable[[str], Output]
    package: str | None = None
    options: str = ""
    cached: bool = False

    @property
    def installed(self) -> bool:
        if self.package is None:
            return True
        try:
            metadata.version(self.package)
        except metadata.PackageNotFoundError:
            return False
        return True

    @property
    def version(self) -> str:
        pkg = f"{self.package} {metadata.version(self.package)}" if self.package else "builtin"
        return f"{pkg}; {self.options}; wrapper {WRAPPER_REVISION}"


def kept_lines(text: str, predicate: Callable[[str], bool]) -> Output:
    """Keep the lines for which ``predicate`` holds (on the stripped line)."""
    lines = text.splitlines()
    kept = tuple(i for i, ln in enumerate(lines, 1) if ln.strip() and predicate(ln.strip()))
    return Output("\n".join(lines[i - 1].strip() for i in kept), kept)


def lines_found_in(text: str, output: str) -> tuple[int, ...]:
    """The input lines that appear, whitespace-normalised, as a line of ``output``."""
    out = {normalise(ln) for ln in output.splitlines() if ln.strip()}
    return tuple(
        i for i, ln in enumerate(text.splitlines(), 1) if ln.strip() and normalise(ln) in out
    )


def keep_all(text: str) -> Output:
    return kept_lines(text, lambda _: True)


def long_lines(text: str) -> Output:
    return kept_lines(text, lambda ln: len(ln) >= MIN_LINE_CHARS)


def c4_line(line: str) -> bool:
    """C4's line rules (Raffel et al. 2020, tfds c4_utils): at least 3 words, ends in terminal
    punctuation or a closing quote, no "javascript", no cookie/privacy-policy wording."""
    low = line.lower()
    return (
        len(line.split()) >= C4_MIN_WORDS
        and line.endswith(C4_END_MARKS)
        and "javascript" not in low
        and not any(p in low for p in C4_POLICY)
    )


def c4_rules(text: str) -> Output:
    return kept_lines(text, c4_line)


def wrap_paragraphs(text: str) -> str:
    """The text as an HTML page, one ``<p>`` per non-blank line."""
    paras = "".join(
        f"<p>{html_lib.escape(ln.strip())}</p>\n" for ln in text.splitlines() if ln.strip()
    )
    return f"<html><body>\n{paras}</body></html>"


def trafilatura_text(text: str) -> Output:
    import trafilatura

    out = trafilatura.extract(wrap_paragraphs(text)) or ""
    return Output(out, lines_found_in(text, out))


def trafilatura_html(page: str) -> Output:
    import trafilatura

    result = trafilatura.bare_extraction(page, with_metadata=True)
    doc: dict[str, Any] = (
        {} if result is None else result if isinstance(result, dict) else result.as_dict()
    )
    authors = tuple(a.strip() for a in (doc.get("author") or "").split(";") if a.strip())
    # extract() appends the comments (include_comments=True by default) to the text.
    text = "\n".join(part for part in (doc.get("text"), doc.get("comments")) if part)
    return Output(text, title=doc.get("title"), published=doc.get("date"), authors=authors)


@cache
def all_stopwords() -> frozenset[str]:
    """The union of jusText's stop lists (all 100 languages)."""
    import justext

    return frozenset().union(*(justext.get_stoplist(name) for name in justext.get_stoplists()))


def justext_text(text: str) -> Output:
    import justext

    paras = justext.justext(wrap_paragraphs(text), all_stopwords())
    out = "\n".join(p.text for p in paras if not p.is_boilerplate)
    return Output(out, lines_found_in(text, out))


def resiliparse_html(page: str) -> Output:
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.html import HTMLTree

    return Output(extract_plain_text(HTMLTree.parse(page), main_content=True))


def cleannews_text(text: str) -> Output:
    import cleannews

    art = cleannews.extract(text)
    body = tuple(d.line for d in art.lines if d.category is cleannews.Category.BODY)
    meta = tuple(d.line for d in art.lines if d.category is cleannews.Category.METADATA)
    return Output(art.body, body, meta, art.title, art.published, art.authors)


def cleannews_html(page: str) -> Output:
    import cleannews

    art = cleannews.extract(page, input_format="html")
    return Output(art.body, title=art.title, published=art.published, authors=art.authors)


def all_systems() -> tuple[System, ...]:
    """Every system, in table order."""
    traf, res, cached = "trafilatura", "resiliparse", True
    return (
        System("keep-all", "text", keep_all),
        System("lines>=80", "text", long_lines),
        System("c4-rules", "text", c4_rules),
        System("trafilatura-text", "text", trafilatura_text, traf, "extract() defaults", cached),
        System("justext-text", "text", justext_text, "justext", "union of all stop lists", cached),
        System("cleannews", "text", cleannews_text, "cleannews"),
        System("cleannews-html", "html", cleannews_html, "cleannews"),
        System("trafilatura-html", "html", trafilatura_html, traf, "text+comments", cached),
        System("resiliparse-html", "html", resiliparse_html, res, "main_content=True", cached),
    )


TEXT_ONLY_BASELINES = ("keep-all", "lines>=80", "c4-rules", "trafilatura-text", "justext-text")
