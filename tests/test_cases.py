"""Table-driven cases (tests/cases/*.tsv): each line judged in a small article of its language."""

from __future__ import annotations

import pytest

import cleannews
from conftest import FILLER, article_with, cases

HEADER_JOIN = " ⏎ "  # joins the lines of a page header in one metadata.tsv cell


def decision(text: str, number: int) -> cleannews.LineDecision:
    return next(d for d in cleannews.extract(text).lines if d.line == number)


@pytest.mark.parametrize("row", cases("must_remove.tsv", ("lang", "rule")))
def test_must_remove(row: dict[str, str]) -> None:
    text, number = article_with(row["lang"], row["line"], row["context"] or "inline")
    d = decision(text, number)
    assert d.category is not cleannews.Category.BODY, f"kept: {row['line']!r}"
    assert d.rule == row["rule"]


@pytest.mark.parametrize("row", cases("must_keep.tsv", ("lang",)))
def test_must_keep(row: dict[str, str]) -> None:
    text, number = article_with(row["lang"], row["line"], "inline")
    d = decision(text, number)
    assert d.rule == "body", f"removed by {d.rule}: {row['why']}"


@pytest.mark.parametrize("row", cases("metadata.tsv", ("lang", "kind")))
def test_metadata(row: dict[str, str]) -> None:
    """A metadata line (or a page header: lines joined by ' ⏎ ') and the value its field
    gets; 'none' where the field must stay empty. A header replaces the article's title
    line (it holds its own title where the case needs one)."""
    kind, expected = row["kind"], row["expected"]
    if HEADER_JOIN in row["line"]:
        paras = FILLER[row["lang"]]["paragraphs"]
        text = "\n".join([*row["line"].split(HEADER_JOIN), *paras]) + "\n"
    else:
        text, _ = article_with(row["lang"], row["line"], "lead" if kind == "agency" else "header")
    art = cleannews.extract(text)
    if kind == "title":
        assert art.title == (None if expected == "none" else expected)
    elif kind == "date":
        assert art.published == (None if expected == "none" else expected)
    elif kind == "byline":
        assert list(art.authors) == ([] if expected == "none" else expected.split(" | "))
    elif kind == "caption":
        assert row["line"] in art.captions
    elif kind == "source":
        assert art.source_url == expected
    elif kind == "agency":
        assert art.agency == expected
        assert not any(expected in p[: len(expected) + 3] for p in art.paragraphs)
    else:
        pytest.fail(f"unknown kind {kind}")


@pytest.mark.parametrize("row", cases("runs.tsv", ("lang", "rule")))
def test_runs(row: dict[str, str]) -> None:
    """Clutter recognised by the shape of several lines (tests/cases/runs.tsv: the lines
    joined by ' | '): placed after the body, every line is removed and the rule fires (a
    dated attribution near the body may be read as a date line first); 'body' rows are
    placed inside the body and must all be kept."""
    block = row["line"].split(" | ")
    rule = row["rule"]
    text, first = article_with(row["lang"], block[0], "inline" if rule == "body" else "after_body")
    lines = text.splitlines()
    lines[first - 1 : first] = block
    text = "\n".join(lines) + "\n"
    got = [decision(text, first + k).rule for k in range(len(block))]
    if rule == "body":
        assert got == ["body"] * len(block), f"{row['why']}: {got}"
    else:
        assert "body" not in got and rule in got, f"{row['why']}: {got}"
        assert set(got) <= {rule, "date"}, f"{row['why']}: {got}"


@pytest.mark.parametrize("row", cases("guard.tsv", ("lang", "expect")))
def test_prose_guard(row: dict[str, str]) -> None:
    """The no-silent-loss guard (tests/cases/guard.tsv, lines joined by ' | '): after the
    article (its first paragraph for 'keep' rows, all four for 'drop' rows), a block whose
    prose outweighs it is kept ('keep': the article's own items) or dropped ('drop':
    another article's teasers)."""
    f = FILLER[row["lang"]]
    paras = f["paragraphs"][:1] if row["expect"] == "keep" else f["paragraphs"]
    block = row["line"].split(" | ")
    text = "\n".join([f["title"], *paras, *block]) + "\n"
    art = cleannews.extract(text)
    prose = [d for d in art.lines[1 + len(paras) :] if len(d.text.split()) >= 15]
    got = {d.rule == "body" for d in prose}
    assert got == {row["expect"] == "keep"}, f"{row['why']}: {[d.rule for d in prose]}"


@pytest.mark.parametrize("row", cases("cut_off.tsv", ("lang", "expect")))
def test_cut_off_last_line(row: dict[str, str]) -> None:
    """The text's last line without a sentence end (tests/cases/cut_off.tsv), right after
    the body: 'body' when it is a paragraph the scraper cut off, 'drop' otherwise."""
    text, number = article_with(row["lang"], row["line"], "after_body")
    d = decision(text, number)
    assert (d.rule == "body") == (row["expect"] == "body"), f"{row['why']}: {d.rule}"


@pytest.mark.parametrize("row", cases("idempotent.tsv", ("lang",)))
def test_idempotent_page_shapes(row: dict[str, str]) -> None:
    """Page shapes that a second cleaning once changed (tests/cases/idempotent.tsv, lines
    joined by ' | '): cleaning the cleaned text changes nothing, and the first cleaning
    keeps the 'kept' lines (as many times as they are listed)."""
    once = cleannews.clean("\n".join(row["line"].split(" | ")) + "\n")
    assert cleannews.clean(once) == once, row["why"]
    paragraphs = once.split("\n\n")
    want = row["kept"].split(" | ")
    for line in set(want):
        assert paragraphs.count(line) >= want.count(line), f"{row['why']}: {line!r}"


# A text with no located body (too little prose): each short line is kept when text that the
# body keeps follows it, and a short sentence ('Smith had 25 for them.') is such text.
NO_BODY_TEXTS = [
    pytest.param(
        [
            "Friday night results",
            "Rockledge 70, Titusville 44",
            "Smith had 25 for them.",
            "Melbourne 8, Cocoa 0",
            "Jones was in the goal.",
        ],
        [True, True, True, True, True],
        id="en-results-between-short-sentences",
    ),
    pytest.param(
        [
            "Friday night results",
            "Rockledge 70, Titusville 44",
            "Smith had 25 for them.",
            "It was their third win.",
            "Melbourne 8, Cocoa 0",
            "Viera 3, Eau Gallie 1",
        ],
        [True, True, True, True, False, False],
        id="en-results-after-the-last-sentence-dropped",
    ),
]


@pytest.mark.parametrize(("lines", "kept"), NO_BODY_TEXTS)
def test_short_lines_before_a_short_sentence_without_a_body(
    lines: list[str], kept: list[bool]
) -> None:
    art = cleannews.extract("\n".join(lines) + "\n")
    assert [d.rule == "body" for d in art.lines] == kept, [d.rule for d in art.lines]


@pytest.mark.parametrize("row", cases("one_line_pages.tsv", ("lang",)))
def test_one_line_pages(row: dict[str, str]) -> None:
    """A page of one line (tests/cases/one_line_pages.tsv): a sentence is kept ('yes', or
    the part of it that is kept), clutter gives an empty text ('no'); either way cleaning
    the output again changes nothing."""
    once = cleannews.clean(row["line"])
    want = {"yes": row["line"], "no": ""}.get(row["kept"], row["kept"])
    assert once == want, row["why"]
    assert cleannews.clean(once) == once, row["why"]
