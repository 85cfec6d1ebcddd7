"""The five seeds end to end, against the hand-checked gold in benchmarks/labels/seeds/."""

from __future__ import annotations

import json

import pytest

import cleannews
from conftest import ROOT

LABELS = sorted((ROOT / "benchmarks" / "labels" / "seeds").glob("*.json"))


def load(path):  # type: ignore[no-untyped-def]
    gold = json.loads(path.read_text(encoding="utf-8"))
    text = (ROOT / gold["source"]).read_text(encoding="utf-8")
    return gold, text, cleannews.extract(text)


def test_all_five_seeds_are_labelled() -> None:
    assert len(LABELS) == 5


@pytest.mark.parametrize("path", LABELS, ids=lambda p: p.stem)
def test_body_lines_exactly(path) -> None:  # type: ignore[no-untyped-def]
    gold, _, art = load(path)
    want = {n for n, cls in gold["lines"] if cls == "body"}
    got = {d.line for d in art.lines if d.category is cleannews.Category.BODY}
    assert got == want


@pytest.mark.parametrize("path", LABELS, ids=lambda p: p.stem)
def test_metadata_vs_clutter(path) -> None:  # type: ignore[no-untyped-def]
    gold, _, art = load(path)
    by_line = {d.line: d.category for d in art.lines}
    for n, cls in gold["lines"]:
        if cls in ("metadata", "title"):
            assert by_line[n] is cleannews.Category.METADATA, f"line {n}"
        elif cls == "clutter":
            assert by_line[n] is cleannews.Category.CLUTTER, f"line {n}"


@pytest.mark.parametrize("path", LABELS, ids=lambda p: p.stem)
def test_fields(path) -> None:  # type: ignore[no-untyped-def]
    gold, _, art = load(path)
    assert art.title == gold["title"]
    assert art.published == gold["published"]
    assert list(art.authors) == gold["authors"]
    assert art.source_url == gold["source_url"]
    assert art.agency == gold["agency"]


@pytest.mark.parametrize("path", LABELS, ids=lambda p: p.stem)
def test_clean_is_title_then_body(path) -> None:  # type: ignore[no-untyped-def]
    gold, text, art = load(path)
    out = cleannews.clean(text)
    paragraphs = out.split("\n\n")
    if gold["title"]:
        assert paragraphs[0] == gold["title"]
        paragraphs = paragraphs[1:]
    assert paragraphs == list(art.paragraphs)
    assert "\n\n\n" not in out and not out.startswith("\n") and not out.endswith("\n")


def test_seed_without_clutter_is_kept_whole() -> None:
    text = (ROOT / "seeds" / "003_e7578cc26835deea.txt").read_text(encoding="utf-8")
    assert cleannews.clean(text) == "\n\n".join(line for line in text.splitlines() if line)


def test_agency_dateline_is_cut_from_the_lead() -> None:
    text = (ROOT / "seeds" / "001_f9b850b45a61ace5.txt").read_text(encoding="utf-8")
    art = cleannews.extract(text)
    assert art.paragraphs[0].startswith("Ngoại trưởng Nga Sergey Lavrov đã có")
    assert [r.rule for r in art.removed if r.partial] == ["agency"]
