"""Scoring a system's outputs on a corpus: one table row."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .corpora import META_CLASSES, Corpus, Doc
from .runner import Run, system_input
from .scoring import (
    PR,
    Summary,
    author_matches,
    date_matches,
    line_pr,
    multiset_pr,
    snippet_counts,
    summarise,
    title_matches,
    tokens,
)
from .systems import Output, System

MB = 1_000_000


@dataclass(frozen=True)
class Ratio:
    """``hits`` out of ``total``; ``value`` is None when there is nothing to count."""

    hits: int
    total: int

    @property
    def value(self) -> float | None:
        return self.hits / self.total if self.total else None


@dataclass(frozen=True)
class Row:
    """One system on one corpus."""

    system: str
    corpus: str
    scores: Summary | None
    must_keep: Ratio
    must_drop: Ratio
    title: Ratio
    date: Ratio
    author: Ratio
    meta_vs_clutter: Ratio
    docs_per_s: float | None
    mb_per_s: float | None
    from_cache: bool = False


def doc_pr(level: str, doc: Doc, out: Output) -> PR | None:
    """Token-level against the gold body, or line-level against the body labels."""
    if level == "token" and doc.gold is not None:
        return multiset_pr(tokens(out.text), doc.gold_tokens)
    if level == "line" and doc.labels is not None and out.lines is not None:
        return line_pr(out.lines, doc.body_lines)
    return None


def doc_scores(corpus: Corpus, run: Run) -> dict[str, PR]:
    """Per document (by id, in corpus order): the precision and recall of ``run``'s output,
    for the documents that have an output and something to score it against."""
    return {
        d.id: p
        for d in corpus.docs
        if d.id in run.outputs and (p := doc_pr(corpus.level, d, run.outputs[d.id])) is not None
    }


def snippets(doc: Doc, out: Output) -> tuple[Ratio, Ratio]:
    """Must-keep snippets kept, must-drop snippets (or lines) removed, of those in the input."""
    kp, kk = snippet_counts(doc.keep, doc.text, out.text)
    dp, dk = snippet_counts(doc.drop, doc.text, out.text)
    drop = Ratio(dp - dk, dp)
    if doc.drop_lines and out.lines is not None:
        present = len(doc.drop_lines)
        drop = Ratio(present - len(doc.drop_lines & set(out.lines)), present)
    return Ratio(kk, kp), drop


def meta_vs_clutter(doc: Doc, out: Output) -> Ratio:
    """Of the gold non-body lines, those the system classed right as metadata or clutter
    (a line kept as body counts as wrong)."""
    if doc.labels is None or out.meta_lines is None or out.lines is None:
        return Ratio(0, 0)
    body, meta = set(out.lines), set(out.meta_lines)
    gold = [(n, c in META_CLASSES) for n, c in doc.labels if c != "body"]
    hits = sum(n not in body and (n in meta) == is_meta for n, is_meta in gold)
    return Ratio(hits, len(gold))


def _field(
    docs: Sequence[Doc],
    outs: Sequence[Output],
    gold: Callable[[Doc], str | None],
    ok: Callable[[Output, str], bool],
) -> Ratio:
    if any(o.authors is None for o in outs):  # the system extracts no metadata
        return Ratio(0, 0)
    pairs = [(g, o) for d, o in zip(docs, outs, strict=True) if (g := gold(d)) is not None]
    return Ratio(sum(ok(o, g) for g, o in pairs), len(pairs))


def _sum(ratios: Sequence[Ratio]) -> Ratio:
    return Ratio(sum(r.hits for r in ratios), sum(r.total for r in ratios))


def _speed(system: System, docs: Sequence[Doc], run: Run) -> tuple[float | None, float | None]:
    seconds = sum(run.seconds.get(d.id, 0.0) for d in docs)
    if seconds <= 0:
        return None, None
    size = sum(len((system_input(system, d) or "").encode("utf-8")) for d in docs)
    return len(docs) / seconds, size / MB / seconds


def evaluate(system: System, corpus: Corpus, run: Run) -> Row:
    """Score ``run`` (the outputs of one system) on ``corpus``."""
    docs = [d for d in corpus.docs if d.id in run.outputs]
    outs = [run.outputs[d.id] for d in docs]
    prs = list(doc_scores(corpus, run).values())
    snips = [snippets(d, o) for d, o in zip(docs, outs, strict=True)]
    docs_per_s, mb_per_s = _speed(system, docs, run)
    return Row(
        system=system.name,
        corpus=corpus.name,
        scores=summarise(prs),
        must_keep=_sum([s[0] for s in snips]),
        must_drop=_sum([s[1] for s in snips]),
        title=_field(docs, outs, lambda d: d.title, lambda o, g: title_matches(o.title, g)),
        date=_field(docs, outs, lambda d: d.published, lambda o, g: date_matches(o.published, g)),
        author=_field(
            docs, outs, lambda d: d.author, lambda o, g: author_matches(o.authors or (), g)
        ),
        meta_vs_clutter=_sum([meta_vs_clutter(d, o) for d, o in zip(docs, outs, strict=True)]),
        docs_per_s=docs_per_s,
        mb_per_s=mb_per_s,
        from_cache=run.from_cache,
    )


def applicable(source: str, corpus: Corpus) -> bool:
    """HTML systems run only where the corpus has the pages' HTML."""
    return source == "text" or corpus.has_html
