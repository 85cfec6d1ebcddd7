"""The result types: what ``extract`` returns, line by line and as a whole."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, overload

from .catalog import Category, category_of

__all__ = ["METADATA_FIELDS", "Article", "LineDecision", "LineDecisions", "Removal"]

# The metadata fields of an ``Article``, in order: the HTML reader reports where each came
# from (``Article.sources``), the CLI and the adapters output each as a column.
METADATA_FIELDS: tuple[str, ...] = (
    "title",
    "published",
    "authors",
    "source_url",
    "agency",
    "captions",
    "language",
    "site_name",
    "url",
)


@dataclass(frozen=True, slots=True)
class LineDecision:
    """What happened to one input line (1-based ``line`` number, after normalisation).

    ``kept`` is the text that went into the body (or into a metadata field); it equals
    ``text`` unless a rule cut part of the line, in which case ``cut_rule`` names that rule
    and ``text`` minus ``kept`` is what it removed.
    """

    line: int
    text: str
    rule: str
    kept: str = ""
    cut_rule: str | None = None

    @property
    def category(self) -> Category:
        return category_of(self.rule)


class LineDecisions(Sequence[LineDecision]):
    """``Article.lines``: a ``LineDecision`` for every input line, held as columns (the
    page's line texts, one rule name a line, the few lines kept in part) and built when
    read. An object a line cost ~80 bytes a line for as long as the article lived: 17x
    the text of a page of short lines.

    Behaves as a tuple of ``LineDecision``: equal to one with the same decisions, hashed
    the same, pickled as its columns.
    """

    __slots__ = ("_cuts", "_rules", "_texts")

    def __init__(
        self,
        texts: Sequence[str],
        rules: Sequence[str],
        cuts: Mapping[int, tuple[str, str]] | None = None,
    ) -> None:
        """``texts[i]`` and ``rules[i]``: line i + 1 ("" and "blank" for a blank line);
        ``cuts``: a body line kept in part, by index -> (the kept part, the rule that cut
        the rest)."""
        if len(texts) != len(rules):
            raise ValueError(f"{len(texts)} texts for {len(rules)} rules")
        self._texts = texts
        self._rules = rules
        self._cuts = dict(cuts or {})

    def _at(self, i: int) -> LineDecision:
        text, rule = self._texts[i], self._rules[i]
        if rule != "body":
            return LineDecision(i + 1, text, rule)
        kept, cut_rule = self._cuts.get(i, (text, None))
        return LineDecision(i + 1, text, rule, kept, cut_rule)

    def __len__(self) -> int:
        return len(self._rules)

    @overload
    def __getitem__(self, i: int) -> LineDecision: ...
    @overload
    def __getitem__(self, i: slice) -> tuple[LineDecision, ...]: ...
    def __getitem__(self, i: int | slice) -> LineDecision | tuple[LineDecision, ...]:
        if isinstance(i, slice):
            return tuple(map(self._at, range(len(self))[i]))
        n = len(self)
        if not -n <= i < n:
            raise IndexError("line index out of range")
        return self._at(i % n)

    def __iter__(self) -> Iterator[LineDecision]:
        cuts = self._cuts
        for i, (text, rule) in enumerate(zip(self._texts, self._rules, strict=True)):
            if rule != "body":
                yield LineDecision(i + 1, text, rule)
            else:
                kept, cut_rule = cuts.get(i, (text, None))
                yield LineDecision(i + 1, text, rule, kept, cut_rule)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, LineDecisions):
            return (
                list(self._rules) == list(other._rules)
                and list(self._texts) == list(other._texts)
                and self._cuts == other._cuts
            )
        if isinstance(other, tuple):
            return tuple(self) == other
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return f"LineDecisions({tuple(self)!r})"

    def __reduce__(
        self,
    ) -> tuple[type[LineDecisions], tuple[list[str], list[str], dict[int, tuple[str, str]]]]:
        return (LineDecisions, (list(self._texts), list(self._rules), self._cuts))


@dataclass(frozen=True, slots=True)
class Removal:
    """One removed line (or part of a line) and the rule that removed it."""

    line: int
    text: str
    rule: str
    partial: bool = False

    @property
    def category(self) -> Category:
        return category_of(self.rule)


@dataclass(frozen=True)
class Article:
    """An article cleaned of clutter, with its metadata and the reasons for every removal."""

    title: str | None
    paragraphs: tuple[str, ...]
    published: str | None = None
    authors: tuple[str, ...] = ()
    source_url: str | None = None
    agency: str | None = None
    captions: tuple[str, ...] = ()
    language: str | None = None
    lines: Sequence[LineDecision] = ()  # a LineDecisions from ``extract``
    # Warnings raised while cleaning, e.g. "loss_guard" when the body heuristics were
    # overruled to avoid losing prose (see Config.max_prose_loss).
    flags: tuple[str, ...] = ()
    # Where each metadata field came from: "text" or "html".
    sources: tuple[tuple[str, str], ...] = field(default=())
    # HTML input: the page's site name and canonical URL (None for text input).
    site_name: str | None = None
    url: str | None = None

    @property
    def body(self) -> str:
        """The body paragraphs (without the title), separated by one blank line."""
        return "\n\n".join(self.paragraphs)

    @property
    def text(self) -> str:
        """What ``clean`` returns: the title as the first paragraph, then the body."""
        parts = ([self.title] if self.title else []) + list(self.paragraphs)
        return "\n\n".join(parts)

    @property
    def removed(self) -> tuple[Removal, ...]:
        """Every removed line, or part of a line, with its rule (metadata lines included)."""
        out: list[Removal] = []
        for d in self.lines:
            cat = d.category
            if cat is Category.BLANK:
                continue
            if cat is not Category.BODY:
                out.append(Removal(d.line, d.text, d.rule))
            elif d.cut_rule is not None:
                out.append(Removal(d.line, _cut_part(d.text, d.kept), d.cut_rule, partial=True))
        return tuple(out)

    def rule_counts(self) -> dict[str, int]:
        """How many lines each rule removed (partial cuts included)."""
        counts: dict[str, int] = {}
        for r in self.removed:
            counts[r.rule] = counts.get(r.rule, 0) + 1
        return counts

    def to_dict(self) -> dict[str, Any]:
        """Plain, JSON-ready data."""
        return {
            "title": self.title,
            "body": self.body,
            "paragraphs": list(self.paragraphs),
            "published": self.published,
            "authors": list(self.authors),
            "source_url": self.source_url,
            "agency": self.agency,
            "captions": list(self.captions),
            "language": self.language,
            "site_name": self.site_name,
            "url": self.url,
            "flags": list(self.flags),
            "sources": dict(self.sources),
            "removed": [
                {"line": r.line, "text": r.text, "rule": r.rule, "partial": r.partial}
                for r in self.removed
            ],
        }


def _cut_part(text: str, kept: str) -> str:
    """The part of ``text`` that is not ``kept`` (kept is a contiguous piece of text)."""
    i = text.find(kept)
    if i < 0 or not kept:
        return text
    return (text[:i] + " " + text[i + len(kept) :]).strip()
