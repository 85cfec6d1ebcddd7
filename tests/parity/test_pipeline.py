"""Whole-pipeline parity: the native core (``cleannews.core.run``) against the Python
pipeline (``cleannews.pipeline.run``), the oracle.

For every input, ``to_dict()`` and every line decision (``Article.lines``) must be the
same. Inputs: the seeds, every case of ``tests/cases`` (each table line in every place the
case tests put it, and the multi-line blocks as pages), every document of the corpora in
``../shared/corpus`` (the text, and for HTML documents the two texts the HTML path hands to
the rules: trafilatura's and ``html.page_text``), a hypothesis strategy of odd Unicode
text; plus the core's idempotence wherever the Python pipeline is idempotent.

``pytest -s`` prints, per corpus, how many documents are identical and what differs in the
first that are not.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleannews import _core, core, pipeline
from cleannews.article import Article
from cleannews.config import DEFAULT, Config

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus"
CORPORA = ("scrapinghub", "wcxb_dev", "ro_news_dev")
FILLER: dict[str, Any] = json.loads(
    (ROOT / "tests" / "data" / "filler.json").read_text(encoding="utf-8")
)
PLACES = ("header", "inline", "after_body", "lead")
# Differences described in full for the first documents that differ, per corpus.
SHOWN_DIFFERENCES = 5


def difference(text: str, config: Config = DEFAULT) -> str | None:
    """What differs between the two pipelines on ``text`` (None: nothing)."""
    want = pipeline.run(text, config)
    got = core.run(text, config)
    return describe(want, got)


def describe(want: Article, got: Article) -> str | None:
    a, b = want.to_dict(), got.to_dict()
    for key in a:
        if a[key] != b.get(key) and key != "removed":
            return f"{key}: python {a[key]!r:.300} / core {b.get(key)!r:.300}"
    lw, lg = list(want.lines), list(got.lines)
    if len(lw) != len(lg):
        return f"lines: python {len(lw)} / core {len(lg)}"
    for dw, dg in zip(lw, lg, strict=True):
        if dw != dg:
            return f"line {dw.line}: python {dw!r:.300} / core {dg!r:.300}"
    if a["removed"] != b["removed"]:
        return "removed differs"
    return None


def _seeds() -> list[Path]:
    return sorted((ROOT / "seeds").glob("*.txt"))


@pytest.mark.parametrize("path", _seeds(), ids=lambda p: p.name)
def test_seeds(path: Path) -> None:
    assert difference(path.read_text(encoding="utf-8")) is None


def _case_texts() -> Iterator[tuple[str, str]]:
    """(id, text): every case line in every place the case tests put it, and each block
    of lines joined by ' | ' as a page of its own; the adversarial pages."""
    cases = ROOT / "tests" / "cases"
    for path in sorted(cases.glob("*.tsv")):
        rows = path.read_text(encoding="utf-8").splitlines()
        head = rows[0].split("\t")
        if "line" not in head:
            continue
        col, lang_col = head.index("line"), head.index("lang") if "lang" in head else None
        for n, row in enumerate(rows[1:], 2):
            cells = row.split("\t")
            line = cells[col]
            lang = cells[lang_col] if lang_col is not None else "en"
            block = line.split(" | ")
            yield f"{path.name}:{n}:block", "\n".join(block) + "\n"
            if lang in FILLER:
                f = FILLER[lang]
                paras = list(f["paragraphs"])
                for place in PLACES:
                    if place == "header":
                        lines = [f["title"], *block, *paras]
                    elif place == "after_body":
                        lines = [f["title"], *paras, *block]
                    elif place == "lead":
                        lines = [f["title"], *block, *paras[1:]]
                    else:
                        lines = [f["title"], *paras[:2], *block, *paras[2:]]
                    yield f"{path.name}:{n}:{place}", "\n".join(lines) + "\n"
    for path in sorted(cases.rglob("*.txt")):
        yield path.name, path.read_text(encoding="utf-8")


def test_cases() -> None:
    texts = list(_case_texts())
    differing = [(i, d) for i, t in texts if (d := difference(t)) is not None]
    print(f"\ncases: {len(texts) - len(differing)} of {len(texts)} texts identical")
    assert differing == [], differing[:SHOWN_DIFFERENCES]


def _documents(corpus: str) -> list[dict[str, Any]]:
    path = CORPUS / f"{corpus}.jsonl.gz"
    if not path.exists():
        pytest.skip(f"{path} is absent")
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def _report(corpus: str, what: str, ids: list[str], diffs: list[str | None]) -> None:
    bad = [(i, d) for i, d in zip(ids, diffs, strict=True) if d is not None]
    print(f"\n{corpus} {what}: {len(ids) - len(bad)} of {len(ids)} documents identical")
    for i, d in bad[:SHOWN_DIFFERENCES]:
        print(f"  {i}: {d}")
    assert bad == [], bad[:SHOWN_DIFFERENCES]


@pytest.mark.parametrize("corpus", CORPORA)
def test_corpus_text(corpus: str) -> None:
    docs = _documents(corpus)
    _report(corpus, "text", [d["id"] for d in docs], [difference(d["text"]) for d in docs])


def _html_texts(corpus: str, cache: pytest.Cache | None) -> list[tuple[str, str]]:
    """(id, text) for the texts the HTML path hands to the rules: trafilatura's text of the
    page and ``html.page_text`` (cached: trafilatura takes a minute a corpus)."""
    from cleannews import html

    path = None if cache is None else cache.mkdir("parity-html") / f"{corpus}.json"
    if path is not None and path.exists():
        return [tuple(p) for p in json.loads(path.read_text(encoding="utf-8"))]  # type: ignore[misc]
    out: list[tuple[str, str]] = []
    for d in _documents(corpus):
        if not d.get("html"):
            continue
        page = html.decode_html(d["html"])
        body = html._page_metadata(page).get("text") or ""
        if body.strip():
            out.append((f"{d['id']}:trafilatura", body))
        out.append((f"{d['id']}:page_text", html.page_text(page)))
    if path is not None:
        path.write_text(json.dumps(out), encoding="utf-8")
    return out


@pytest.mark.parametrize("corpus", CORPORA)
def test_corpus_html_texts(corpus: str, pytestconfig: pytest.Config) -> None:
    texts = _html_texts(corpus, pytestconfig.cache)
    if not texts:
        pytest.skip(f"{corpus} has no HTML")
    _report(corpus, "html texts", [i for i, _ in texts], [difference(t) for _, t in texts])


@pytest.mark.parametrize("corpus", CORPORA)
def test_core_idempotent_where_python_is(corpus: str) -> None:
    """Cleaning the core's output again changes nothing, wherever the Python pipeline's
    output comes through a second cleaning unchanged; the second cleanings agree too."""
    ids, diffs = [], []
    for d in _documents(corpus):
        once = pipeline.run(d["text"], DEFAULT).text
        twice = pipeline.run(once, DEFAULT).text
        core_once = core.run(d["text"], DEFAULT).text
        core_twice = core.run(core_once, DEFAULT).text
        ids.append(d["id"])
        if core_once != once:
            diffs.append("first cleaning differs")
        elif core_twice != twice:
            diffs.append("second cleaning differs")
        elif twice == once and core_twice != core_once:
            diffs.append("core not idempotent")
        else:
            diffs.append(None)
    _report(corpus, "idempotence", ids, diffs)


_ODD = st.characters(
    codec="utf-8",
    categories=("L", "M", "N", "P", "S", "Z", "Cc", "Cf"),
)
_LINE = st.one_of(
    st.text(_ODD, max_size=60),
    st.sampled_from(
        [
            "Citește și: Alt articol",
            "Foto: Reuters",
            "By John Smith",
            "© 2024 Example News",
            "12 comentarii",
            "21/10/2025 08:00",
            "BUCUREȘTI (Agerpres) - Primul paragraf cu destule cuvinte.",
            "The quick brown fox jumps over the lazy dog, and then it runs away again.",
            "Ã®n Ã®nceput â€™",
            "",
        ]
    ),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_LINE, max_size=25), st.sampled_from(["\n", "\r\n", "\r"]))
def test_hypothesis(lines: list[str], sep: str) -> None:
    assert difference(sep.join(lines)) is None


def test_batch_is_the_single_call() -> None:
    """``extract_many`` on threads gives what ``run`` gives, document by document."""
    texts = [p.read_text(encoding="utf-8") for p in _seeds()]
    texts += ["", "Ã®n Ã®nceput", "one line"]
    many = core.extract_many(texts, DEFAULT, workers=2)
    for text, got in zip(texts, many, strict=True):
        assert describe(core.run(text, DEFAULT), got) is None
    assert core.clean_many(texts, DEFAULT, workers=2) == [a.text for a in many]


def test_a_core_panic_is_a_normal_exception() -> None:
    """A panic in the core reaches Python as ``CoreError`` (a ``RuntimeError``), which
    ``except Exception`` catches, never as pyo3's ``PanicException`` (a BaseException)."""
    with pytest.raises(_core.CoreError, match="boom") as info:
        _core._stages.panic_in_core("boom")
    assert isinstance(info.value, RuntimeError)


# Lone surrogates have no UTF-8 form: the text crosses with NUL in their place, and a page
# that takes the mojibake repair is repaired in Python from the text with its surrogates.
SURROGATE_TEXTS = (
    "\ud800",
    "\ud800Ã®nsÄƒ È™i\n\x00",
    "Ministrul a declarat luni că guvernul va lua o decizie privind bugetul.\udfff\n\n",
    "Titlu\n\udc80Ministrul a declarat că bugetul va fi aprobat joi, după o ședință lungă.",
)


@pytest.mark.parametrize("text", SURROGATE_TEXTS)
def test_lone_surrogates(text: str) -> None:
    assert difference(text) is None
    assert (
        core.extract_many([text, "x"], DEFAULT)[0].to_dict()
        == pipeline.run(text, DEFAULT).to_dict()
    )
