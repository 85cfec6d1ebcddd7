"""Integrity of the table-driven cases in ``tests/cases/*.tsv`` (the data, not the cleaner).

The behaviour tests read these files; this module checks that every file is well formed so that a
broken row fails here, with its file and line number, rather than as a puzzling cleaner failure.

Format: UTF-8, ``\\n`` line ends, one header row, fields separated by one tab, no quoting: a field
never starts with ``"``, so ``csv.reader(..., delimiter="\\t")`` and ``line.split("\\t")``
agree. No leading or trailing spaces in a field. An optional last field may be empty.

- ``must_remove.tsv`` (lang, rule, line, context): a line cleannews must remove, the rule that fires
- ``must_keep.tsv`` (lang, line, why): a body line that looks like clutter and must be kept
- ``metadata.tsv`` (lang, kind, line, expected): a metadata line (or a page header, its lines
  joined by ' ⏎ ') and the value its field gets, ``none`` for a title, date or byline that must
  stay empty
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import Counter
from pathlib import Path
from typing import NamedTuple

import pytest

from cleannews import RULES, Category

CASES = Path(__file__).parent / "cases"

LANGS = frozenset({"ro", "en", "de", "fr", "it", "es", "pt", "pl", "hu", "vi"})
CONTEXTS = frozenset({"", "after_body", "inline", "header"})
KINDS = frozenset({"title", "date", "byline", "caption", "source", "agency"})
NONE = "none"  # a title, date or byline row whose field must stay empty

HEADERS = {
    "must_remove.tsv": ("lang", "rule", "line", "context"),
    "must_keep.tsv": ("lang", "line", "why"),
    "metadata.tsv": ("lang", "kind", "line", "expected"),
}
OPTIONAL_LAST = {"must_remove.tsv"}  # the context column may be empty
MIN_ROWS = {"must_remove.tsv": 120, "must_keep.tsv": 60, "metadata.tsv": 60}

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
ISO_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?")


class Row(NamedTuple):
    lineno: int  # 1-based line number in the file (the header is line 1)
    fields: dict[str, str]


def read_cases(name: str) -> list[Row]:
    """The rows of ``tests/cases/<name>`` as dicts keyed by the header (no validation)."""
    text = (CASES / name).read_text(encoding="utf-8")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    header = tuple(lines[0].split("\t"))
    return [
        Row(n, dict(zip(header, ln.split("\t"), strict=False))) for n, ln in enumerate(lines[1:], 2)
    ]


@pytest.fixture(params=sorted(HEADERS), ids=str)
def name(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def test_file_encoding_and_line_ends(name: str) -> None:
    raw = (CASES / name).read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf"), f"{name}: no BOM"
    assert b"\r" not in raw, f"{name}: use \\n line ends"
    assert raw.endswith(b"\n") and not raw.endswith(b"\n\n"), f"{name}: end with one newline"
    raw.decode("utf-8")


def test_header(name: str) -> None:
    first = (CASES / name).read_text(encoding="utf-8").split("\n", 1)[0]
    assert tuple(first.split("\t")) == HEADERS[name]


def test_columns_and_fields(name: str) -> None:
    width = len(HEADERS[name])
    text = (CASES / name).read_text(encoding="utf-8")
    for n, ln in enumerate(text.rstrip("\n").split("\n")[1:], 2):
        where = f"{name}:{n}"
        cells = ln.split("\t")
        assert len(cells) == width, f"{where}: {len(cells)} columns, want {width}"
        for col, cell in zip(HEADERS[name], cells, strict=True):
            assert cell == cell.strip(), f"{where}: {col} has leading/trailing spaces"
            assert not cell.startswith('"'), f"{where}: {col} starts with a double quote"
            control = any(unicodedata.category(ch) == "Cc" for ch in cell)
            assert not control, f"{where}: {col} has a control character"
            optional = name in OPTIONAL_LAST and col == HEADERS[name][-1]
            assert cell or optional, f"{where}: {col} is empty"


def test_languages(name: str) -> None:
    rows = read_cases(name)
    langs = Counter(r.fields["lang"] for r in rows)
    unknown = set(langs) - LANGS
    assert not unknown, f"{name}: unknown languages {sorted(unknown)}"
    assert set(langs) == LANGS, f"{name}: missing languages {sorted(LANGS - set(langs))}"


def test_minimum_size(name: str) -> None:
    assert len(read_cases(name)) >= MIN_ROWS[name]


def test_no_duplicates(name: str) -> None:
    rows = read_cases(name)
    seen: dict[tuple[str, ...], int] = {}
    for r in rows:
        key: tuple[str, ...] = (r.fields["lang"], r.fields["line"])
        if name == "metadata.tsv":  # one line may legitimately test two kinds
            key = (*key, r.fields["kind"])
        assert key not in seen, f"{name}:{r.lineno} repeats line {seen[key]}"
        seen[key] = r.lineno


def test_must_remove_rules_and_contexts() -> None:
    for r in read_cases("must_remove.tsv"):
        where = f"must_remove.tsv:{r.lineno}"
        rule = r.fields["rule"]
        assert rule in RULES, f"{where}: unknown rule {rule!r}"
        assert RULES[rule].category in (Category.CLUTTER, Category.METADATA), (
            f"{where}: rule {rule!r} does not remove a line"
        )
        assert r.fields["context"] in CONTEXTS, f"{where}: bad context {r.fields['context']!r}"


def test_must_remove_covers_tolerant_romanian() -> None:
    """Romanian rows include spellings without diacritics and with cedilla letters (ş ţ)."""
    ro = [r.fields["line"] for r in read_cases("must_remove.tsv") if r.fields["lang"] == "ro"]
    letters = set("ăâîșțşţĂÂÎȘȚŞŢ")
    assert any(set(line) & set("şţŞŢ") for line in ro), "no cedilla spelling"
    assert any(
        any(ch.isalpha() for ch in line) and not set(line) & letters and " " in line for line in ro
    ), "no spelling without diacritics"


def test_keep_and_remove_do_not_overlap() -> None:
    remove = {(r.fields["lang"], r.fields["line"]) for r in read_cases("must_remove.tsv")}
    for r in read_cases("must_keep.tsv"):
        key = (r.fields["lang"], r.fields["line"])
        assert key not in remove, f"must_keep.tsv:{r.lineno} is also in must_remove.tsv"


def _valid_iso(value: str) -> bool:
    try:
        if ISO_DATE.fullmatch(value):
            dt.date.fromisoformat(value)
            return True
        if ISO_DATETIME.fullmatch(value):
            dt.datetime.fromisoformat(value)
            return True
    except ValueError:
        return False
    return False


def test_metadata_kinds_and_expected_values() -> None:
    for r in read_cases("metadata.tsv"):
        where = f"metadata.tsv:{r.lineno}"
        kind, line, expected = r.fields["kind"], r.fields["line"], r.fields["expected"]
        assert kind in KINDS, f"{where}: unknown kind {kind!r}"
        assert kind in RULES and RULES[kind].category is Category.METADATA, f"{where}: {kind!r}"
        if expected == NONE and kind in ("title", "date", "byline"):
            continue
        if kind == "title":
            assert expected in line, f"{where}: title not in line"
        elif kind == "date":
            assert _valid_iso(expected), f"{where}: {expected!r} is not an ISO date or datetime"
        elif kind == "byline":
            names = expected.split(" | ")
            assert all(nm and nm == nm.strip() and "|" not in nm for nm in names), where
            assert len(set(names)) == len(names), f"{where}: repeated author"
            assert all(nm.lower() in line.lower() for nm in names), f"{where}: name not in line"
        elif kind == "caption":
            assert expected == "1", f"{where}: caption rows expect '1'"
        elif kind == "source":
            assert re.fullmatch(r"https?://\S+", expected), f"{where}: not a URL"
            assert expected in line, f"{where}: URL not in line"
        elif kind == "agency":
            assert re.fullmatch(r"[\w .&-]+", expected), f"{where}: odd agency code"
            assert expected.lower() in line.lower(), f"{where}: agency not in line"


def test_read_cases_matches_header(name: str) -> None:
    for r in read_cases(name):
        assert tuple(r.fields) == HEADERS[name]
