"""Loading the benchmark corpora: the seeds and the labelled Romanian set (line labels) and
the shared development corpora (``../shared/corpus/*.jsonl.gz``, see its README)."""

from __future__ import annotations

import gzip
import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from .scoring import normalise, tokens

PROJECT = Path(__file__).resolve().parent.parent
LABELS = PROJECT / "benchmarks" / "labels"
DEFAULT_CORPUS_DIR = PROJECT.parent / "shared" / "corpus"

# Token-scored corpora, in table order.
TOKEN_CORPORA = ("scrapinghub", "wcxb_dev")
RO_CORPUS = "ro_news_dev"
# ro_news_dev: a line that recurs in this many documents of one site is site boilerplate.
SITE_REPEAT_MIN_DOCS = 3
# Label classes that count as "not body" but as metadata (the rest is clutter).
META_CLASSES = frozenset({"title", "metadata"})


@dataclass(frozen=True)
class Doc:
    """One benchmark document and what is known about its right answer.

    ``gold`` is the article body (token scoring); ``labels`` the class of every non-blank
    line (line scoring). Metadata fields are ``None`` where they are not scored.
    """

    id: str
    text: str
    html: str | None = None
    gold: str | None = None
    labels: tuple[tuple[int, str], ...] | None = None
    keep: tuple[str, ...] = ()
    drop: tuple[str, ...] = ()
    drop_lines: frozenset[int] = frozenset()
    title: str | None = None
    published: str | None = None
    author: str | None = None
    url: str | None = None

    @cached_property
    def gold_tokens(self) -> tuple[str, ...]:
        """The gold body's tokens, computed once for all systems."""
        return tuple(tokens(self.gold or ""))

    @property
    def body_lines(self) -> frozenset[int]:
        return frozenset(n for n, c in self.labels or () if c == "body")


@dataclass(frozen=True)
class Corpus:
    """A named list of documents; ``level`` says how P/R are scored ("token", "line", "")."""

    name: str
    level: str
    docs: tuple[Doc, ...]
    digest: str
    note: str = ""
    has_html: bool = False

    def limited(self, limit: int | None) -> Corpus:
        if limit is None or limit >= len(self.docs):
            return self
        return Corpus(
            self.name, self.level, self.docs[:limit], self.digest, self.note, self.has_html
        )


def file_digest(paths: Iterable[Path]) -> str:
    """SHA-256 over the files' bytes, in the given order."""
    h = hashlib.sha256()
    for p in paths:
        h.update(p.read_bytes())
    return h.hexdigest()


def read_jsonl(path: Path, keep_html: bool = True) -> Iterator[dict[str, Any]]:
    """The records of a gzipped JSON Lines file; ``html`` dropped unless ``keep_html``."""
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                rec: dict[str, Any] = json.loads(line)
                if not keep_html:
                    rec.pop("html", None)
                yield rec


def _str_or_none(value: object) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def token_corpus(path: Path, keep_html: bool = True) -> Corpus:
    """scrapinghub / wcxb_dev: gold body, snippets, and (WCXB) title, author, date."""
    docs = tuple(
        Doc(
            id=str(r["id"]),
            text=r["text"],
            html=r.get("html") if keep_html else None,
            gold=r.get("gold") or "",
            keep=tuple(r.get("with") or ()),
            drop=tuple(r.get("without") or ()),
            title=_str_or_none(r.get("title")),
            published=_str_or_none(r.get("date")),
            author=_str_or_none(r.get("author")),
            url=_str_or_none(r.get("url")),
        )
        for r in read_jsonl(path, keep_html)
    )
    name = path.name.removesuffix(".jsonl.gz")
    return Corpus(name, "token", docs, file_digest([path]), has_html=any(d.html for d in docs))


def ro_news_corpus(path: Path) -> Corpus:
    """ro_news_dev without gold bodies: must-drop lines are the lines that recur verbatim in
    ``SITE_REPEAT_MIN_DOCS``+ documents of the same site; title and author are scored where
    the text contains them (the texts never print the date, so it is not scored)."""
    records = list(read_jsonl(path, keep_html=False))
    repeated = _site_repeated_lines(records)
    docs = []
    for r in records:
        text: str = r["text"]
        norm = normalise(text)
        site = _site(r["id"])
        title, author = _str_or_none(r.get("title")), _str_or_none(r.get("author"))
        docs.append(
            Doc(
                id=str(r["id"]),
                text=text,
                drop_lines=frozenset(
                    i
                    for i, ln in enumerate(text.splitlines(), 1)
                    if (site, normalise(ln)) in repeated
                ),
                title=title if title and normalise(title) in norm else None,
                author=author if author and normalise(author) in norm else None,
                url=_str_or_none(r.get("url")),
            )
        )
    note = (
        f"no gold body: must-drop = lines recurring in {SITE_REPEAT_MIN_DOCS}+ documents of a site;"
        " "
        "title/author scored where the text contains them"
    )
    return Corpus(RO_CORPUS, "", tuple(docs), file_digest([path]), note)


def _site(doc_id: str) -> str:
    return doc_id.rsplit("-", 1)[0]


def _site_repeated_lines(records: list[dict[str, Any]]) -> frozenset[tuple[str, str]]:
    counts: Counter[tuple[str, str]] = Counter()
    for r in records:
        site = _site(r["id"])
        counts.update({(site, normalise(ln)) for ln in r["text"].splitlines() if ln.strip()})
    return frozenset(k for k, n in counts.items() if n >= SITE_REPEAT_MIN_DOCS)


def _label_doc(doc_id: str, text: str, label: dict[str, Any], in_text: dict[str, bool]) -> Doc:
    authors = label.get("authors") or []
    return Doc(
        id=doc_id,
        text=text,
        labels=tuple((int(n), str(c)) for n, c in label["lines"]),
        title=label.get("title") if in_text.get("title", True) else None,
        published=label.get("published") if in_text.get("published", True) else None,
        author=", ".join(authors) if authors and in_text.get("authors", True) else None,
    )


def seeds_corpus(labels_dir: Path = LABELS / "seeds") -> Corpus | None:
    """The seeds with their line labels; None when the labels are absent."""
    files = sorted(labels_dir.glob("*.json"))
    if not files:
        return None
    docs, paths = [], []
    for f in files:
        label = json.loads(f.read_text(encoding="utf-8"))
        src = PROJECT / label["source"]
        paths += [f, src]
        docs.append(_label_doc(f.stem, src.read_text(encoding="utf-8"), label, {}))
    return Corpus("seeds", "line", tuple(docs), file_digest(paths))


def ro_labelled_corpus(corpus_path: Path, labels_dir: Path = LABELS / "ro_news") -> Corpus | None:
    """The hand-labelled ro_news_dev documents; None when labels or corpus are absent."""
    files = sorted(labels_dir.glob("*.json"))
    if not files or not corpus_path.exists():
        return None
    texts = {str(r["id"]): r["text"] for r in read_jsonl(corpus_path, keep_html=False)}
    docs = []
    for f in files:
        label = json.loads(f.read_text(encoding="utf-8"))
        docs.append(_label_doc(label["id"], texts[label["id"]], label, label.get("in_text", {})))
    note = "title/date/author scored only where the label says the text contains them"
    return Corpus("ro_labelled", "line", tuple(docs), file_digest([*files, corpus_path]), note)


def load_all(corpus_dir: Path, keep_html: bool = True) -> tuple[list[Corpus], list[str]]:
    """Every corpus that is present, in table order, and a message for each one that is not."""
    found: list[Corpus] = []
    missing: list[str] = []
    seeds = seeds_corpus()
    if seeds is None:
        missing.append(f"seeds: no label files in {LABELS / 'seeds'}; skipped")
    else:
        found.append(seeds)
    ro_path = corpus_dir / f"{RO_CORPUS}.jsonl.gz"
    ro_labelled = ro_labelled_corpus(ro_path)
    if ro_labelled is None:
        missing.append(f"ro_labelled: needs {LABELS / 'ro_news'}/*.json and {ro_path}; skipped")
    else:
        found.append(ro_labelled)
    for name in TOKEN_CORPORA:
        path = corpus_dir / f"{name}.jsonl.gz"
        if path.exists():
            found.append(token_corpus(path, keep_html))
        else:
            missing.append(f"{name}: {path} not found; skipped")
    if ro_path.exists():
        found.append(ro_news_corpus(ro_path))
    else:
        missing.append(f"{RO_CORPUS}: {ro_path} not found; skipped")
    return found, missing
