"""Parity of the core's metadata readers with the Python pipeline (the oracle).

``pipeline._metadata`` (both numeric date orders), ``fields.bare_name``,
``fields.labels_a_byline``, ``agency.cut_dateline`` and ``dates.find_dates`` on every
distinct non-blank line of the dev corpora (``../shared/corpus``), the seeds and
``tests/cases``, and on hypothesis-generated date-like and byline-like lines.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleannews import core
from cleannews._core import _stages
from cleannews.config import Config
from cleannews.features import Line, make_line
from cleannews.lexicon import load_lexicon
from cleannews.metadata import dates, fields
from cleannews.metadata.agency import cut_dateline
from cleannews.normalize import fold_tokens, normalize_lines
from cleannews.pipeline import _metadata

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus"
LANGDATA = ROOT / "src" / "cleannews" / "langdata"
LEX = load_lexicon()
DEFAULT = Config()
# Differences shown when a comparison fails.
SHOWN = 10

Hit = tuple[str, list[str], str | None, list[str], bool, list[str]]


def corpus_texts() -> list[str]:
    """The text of every corpus document; empty without ../shared/corpus."""
    out: list[str] = []
    for path in sorted(CORPUS.glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as f:
            out.extend(json.loads(row)["text"] for row in f)
    return out


def local_texts() -> list[str]:
    """The seeds, every file of tests/cases, and each case row's line and expected value."""
    out: list[str] = []
    for path in sorted((ROOT / "seeds").glob("*")) + sorted((ROOT / "tests" / "cases").rglob("*")):
        if not path.is_file():
            continue
        text = path.read_text(encoding="utf-8")
        out.append(text)
        if path.suffix == ".tsv":
            rows = text.splitlines()
            header = rows[0].split("\t") if rows else []
            for row in rows[1:]:
                out.extend(row.split("\t")[: len(header)])
    return out


def distinct_lines(texts: Iterable[str]) -> list[str]:
    """Every distinct non-blank normalised line of ``texts``, in the order first read."""
    seen: dict[str, None] = {}
    for text in texts:
        for ln in normalize_lines(text):
            if ln.strip():
                seen.setdefault(ln, None)
    return list(seen)


def py_line(text: str) -> Line:
    return make_line(text, tuple(fold_tokens(text)), frozenset(), DEFAULT)


def features(ln: Line) -> tuple[str, str, int, int, bool, bool, bool]:
    return (
        ln.text,
        ln.key,
        ln.n_words,
        ln.n_stop,
        ln.ends_sentence,
        ln.ends_ellipsis,
        ln.is_prose,
    )


def as_tuple(hit: fields.MetaHit | None) -> Hit | None:
    if hit is None:
        return None
    return (hit.rule, list(hit.value), hit.title, list(hit.authors), hit.weak, list(hit.named))


@lru_cache(maxsize=1)
def engine() -> Any:
    return core.engine()


def differences(texts: Sequence[str]) -> list[tuple[str, str, object, object]]:
    """(check, line, Python's, the core's) for every line on which they differ."""
    lines = [py_line(t) for t in texts]
    feats = [features(ln) for ln in lines]
    out: list[tuple[str, str, object, object]] = []

    def compare(check: str, want: Sequence[object], got: Sequence[object]) -> None:
        assert len(want) == len(got)
        out.extend((check, t, w, g) for t, w, g in zip(texts, want, got, strict=True) if w != g)

    for month_first in (False, True):
        want = [as_tuple(_metadata(ln, LEX, month_first)) for ln in lines]
        got = _stages.line_metadata_many(engine(), feats, month_first)
        compare(f"_metadata(month_first={month_first})", want, got)
    want_names = [
        (
            list(hit.value) if (hit := fields.bare_name(ln, LEX)) is not None else None,
            fields.labels_a_byline(ln, LEX),
        )
        for ln in lines
    ]
    compare("bare_name, labels_a_byline", want_names, _stages.bare_name_many(engine(), feats))
    agencies = LEX.meta("news_agency")
    for allow_empty in (False, True):
        want_cut = [cut_dateline(t, agencies, allow_empty) for t in texts]
        got_cut = [
            tuple(c) if c is not None else None
            for c in _stages.cut_dateline_many(engine(), list(texts), allow_empty)
        ]
        compare(f"cut_dateline(allow_empty={allow_empty})", want_cut, got_cut)
    for hint, month_first in ((None, False), (2025, True)):
        want_dates = [
            [(h.iso, h.start, h.end) for h in dates.find_dates(t, LEX.months, hint, month_first)]
            for t in texts
        ]
        got_dates = [
            [tuple(h) for h in hits]
            for hits in _stages.find_dates_many(engine(), list(texts), hint, month_first)
        ]
        compare(f"find_dates(year_hint={hint}, month_first={month_first})", want_dates, got_dates)
    return out


def check(texts: Sequence[str]) -> None:
    found = differences(texts)
    assert not found, f"{len(found)} differences, the first: " + repr(found[:SHOWN])


def test_local_lines() -> None:
    lines = distinct_lines(local_texts())
    assert len(lines) > 1000
    check(lines)


def test_corpus_lines() -> None:
    texts = corpus_texts()
    if not texts:
        pytest.skip("no ../shared/corpus")
    lines = distinct_lines(texts)
    print(f"{len(lines)} distinct corpus lines compared")
    check(lines)


def _month_names() -> list[str]:
    rows = (LANGDATA / "months.tsv").read_text(encoding="utf-8").splitlines()
    return [r.split("\t")[2] for r in rows[1:] if r and not r.startswith("#")]


def _section(name: str) -> list[str]:
    out: list[str] = []
    current = None
    for row in (LANGDATA / "metadata.txt").read_text(encoding="utf-8").splitlines():
        row = row.strip()
        if row.startswith("[") and row.endswith("]"):
            current = row[1:-1]
        elif row and not row.startswith("#") and current == name:
            out.append(row)
    return out


MONTHS = _month_names()
WORDS = [
    "By", "by", "BY", "Von", "par", "Por", "przez", "Autor:", "Author", "Posted by", "Written by",
    "Foto:", "Foto", "Photo by", "Image:", "Credit:", "Source:", "Sursa:", "Quelle:", "Ảnh:",
    "Colaj foto:", "Picture of", "Headshot of", "Publicat:", "Updated", "Published", "date",
    "Data publicării:", "am", "um", "Uhr", "at", "à", "alle", "a las", "às", "o", "lúc", "klo",
    "ora", "de", "van", "der", "and", "și", "si", "şi", "und", "et", "y", "e", "i", "İ", "ſi",
    "ngày", "tháng", "năm", "Ngày", "AM", "PM", "a.m.", "p.m.", "am.", "T", "st", "nd", "rd",
    "th", "er", "º", "Jane", "Doe", "John", "Roe", "M.", "Ion", "Popescu", "DeSantis",
    "ByKathryn", "GiuffridaMar", "calendarApr", "Live TV", "(P)", "[P]", "|", "/", "-", "–",
    "—", "·", "•", ",", ";", ":", ".", "(", ")", "(Agerpres)", "/Agerpres/", "(AFP)", "(PLO)-",
    "BUCUREȘTI,", "Berlin", "https://example.com/2025-02-15/a", "www.example.ro", "@jane",
    "(@janedoe)", "dpa_5F9A6C00.jpg", "GettyImages-2161234567", "Getty Images", "(Photo by",
    "(Image: GETTY)", "ß", "Ǆ", "ǅ", "١٢", "٢٠٢٥",
]  # fmt: skip
AGENCIES = _section("news_agency") + _section("credit_agency")
SPACES = [" ", " ", " ", "  ", "   ", "    ", "\t", "\xa0", "\u2009", "\u3000", "\x1c", ""]


def _number() -> st.SearchStrategy[str]:
    return st.one_of(
        st.integers(0, 99).map(str),
        st.integers(0, 9).map(lambda n: f"0{n}"),
        st.integers(1890, 2110).map(str),
        st.integers(0, 999999).map(str),
        st.sampled_from(["12:30", "9.05", "21h20", "10:20:30", "2025-10-21", "21/10/2025"]),
        st.sampled_from(["03.04.2025", "3-4-2025", "1.2.3.2025", "2025-1-123", "12:345"]),
    )


def _token() -> st.SearchStrategy[str]:
    month = st.sampled_from(MONTHS).flatmap(
        lambda m: st.sampled_from([m, m.title(), m.upper(), m + ".", m[:3]])
    )
    return st.one_of(
        _number(),
        month,
        st.sampled_from(WORDS),
        st.sampled_from(AGENCIES),
        st.text(
            st.characters(
                blacklist_categories=("Cs",), blacklist_characters="\n\r\x0b\x0c\x1d\x1e\x85"
            ),
            min_size=1,
            max_size=4,
        ).filter(lambda s: "\u2028" not in s and "\u2029" not in s),
    )


@st.composite
def token_lines(draw: st.DrawFn) -> str:
    """A line of date, byline, caption, source and dateline pieces, and odd characters,
    joined by assorted white space."""
    tokens = draw(st.lists(_token(), min_size=1, max_size=12))
    out = tokens[0]
    for t in tokens[1:]:
        out += draw(st.sampled_from(SPACES)) + t
    return out


NAME_WORDS = ["Jane", "Doe", "Ana-Maria", "O'Neil", "M.", "I.", "Ludwig", "Beethoven", "Éva"]
NAME_WORDS += ["Ion", "Pop", "Zach", "Lezberg", "Kathryn", "McKay", "DeSantis", "ION", "X"]
NAME_WORDS += ["van", "de", "der", "al", "-", "bin", "jane", "Live", "TV", "Doe2"]
JOINS = [", ", " and ", " And ", " & ", " | ", "; ", " și ", " şi ", " si ", " und ", " e "]
JOINS += [" y ", " İ ", ",", " ,  and ", " og ", " a "]
TAILS = ["", ".", " | May 19, 2024", " • 5 min read", " on Friday", " — 10 min read", " - SEO"]
TAILS += [" on January 21, 2023", ", PhD, CSCS", " in Workshop", " 2025-12-17", " (Agerpres)"]
LABELS = [lab for sec in ("byline", "source", "caption", "portrait", "date_label") for lab in
          _section(sec)]  # fmt: skip


def _cased(text: str) -> st.SearchStrategy[str]:
    return st.sampled_from([text, text.title(), text.upper(), text.lower()])


@st.composite
def _names(draw: st.DrawFn) -> str:
    names = [
        " ".join(draw(st.lists(st.sampled_from(NAME_WORDS), min_size=1, max_size=4)))
        for _ in range(draw(st.integers(1, 3)))
    ]
    out = names[0]
    for n in names[1:]:
        out += draw(st.sampled_from(JOINS)) + n
    return out


@st.composite
def labelled_lines(draw: st.DrawFn) -> str:
    """'<label><separator><names or a value><tail>': bylines, sources, captions, portraits."""
    label = draw(st.sampled_from(LABELS).flatmap(_cased))
    sep = draw(st.sampled_from([": ", " : ", " ", " - ", "：", ". ", ":", " | "]))
    value = draw(
        st.one_of(
            _names(),
            _names().map(lambda n: n + " " + n),
            st.sampled_from(["https://www.reuters.com/a/b.html).", "Digi24", "Reuters", ""]),
            st.sampled_from(AGENCIES),
        )
    )
    lead = draw(st.sampled_from(["", "", "Serghei Lavrov și Marco Rubio. ", "Posted ", "("]))
    return lead + label + sep + value + draw(st.sampled_from(TAILS))


@st.composite
def dateline_lines(draw: st.DrawFn) -> str:
    """'BUCUREȘTI, 12 mai (Agerpres) - ...' and its variants."""
    place = draw(st.sampled_from(["BUCUREȘTI", "Berlin", "New York", "Cluj-Napoca", "paris", ""]))
    date = draw(st.sampled_from(["", ", 12 mai", ", 15 feb", " 3", ",   "]))
    agency = draw(st.sampled_from([*AGENCIES, "PLO", "AFP", "U.S.", "foo", "  ", "A B C D E F"]))
    opener, closer = draw(st.sampled_from([("(", ")"), ("/", "/"), ("( ", "  )"), ("(", "")]))
    dash = draw(st.sampled_from([" - ", "-", " – ", ".- ", " —— ", " ", " -"]))
    rest = draw(st.sampled_from(["", "Guvernul a aprobat.", "text", "   "]))
    return place + date + " " + opener + agency + closer + dash + rest


@st.composite
def date_lines(draw: st.DrawFn) -> str:
    """A date in one of the written forms, a time after it (lead-in words, separators,
    am/pm with and without dots), and what follows: the look-aheads' edge cases."""
    d, m, y = draw(st.integers(0, 35)), draw(st.integers(0, 14)), draw(st.integers(1895, 2105))
    mon = draw(st.sampled_from(MONTHS).flatmap(lambda n: st.sampled_from([n, n.title(), n[:3]])))
    sep = draw(st.sampled_from(["/", ".", "-"]))
    sep2 = draw(st.sampled_from([sep, sep, "/", "."]))
    pad = draw(st.sampled_from(["", "0"]))
    sp = draw(st.sampled_from(SPACES))
    date = draw(
        st.sampled_from(
            [
                f"{y}-{pad}{m}-{pad}{d}",
                f"{pad}{d}{sep}{pad}{m}{sep2}{y}",
                f"{d}.{sp}{mon}{sp}{y}",
                f"{d}{sp}de{sp}{mon}{sp}de{sp}{y}",
                f"{d}{draw(st.sampled_from(['', 'st', 'th', 'er', 'º', '.']))}{sp}{mon}.,{sp}{y}",
                f"{mon}.{sp}{d}{draw(st.sampled_from(['', 'st', 'nd']))},{sp}{y}",
                f"{draw(st.sampled_from(['calendar', 'Zeldman', 'x', '1']))}{mon.title()} {d}, {y}",
                f"{y}.{sp}{mon}.{sp}{d}.",
                f"ngày {d} tháng {m} năm {y}",
                f"{d} {mon}",
            ]
        )
    )
    time = draw(
        st.sampled_from(["", "", " ", ", ", " | ", " - ", " – ", "T", " at ", " à ", " um ", "  "])
    )
    if time or draw(st.booleans()):
        h, mi = draw(st.integers(0, 30)), draw(st.integers(0, 99))
        time += f"{h}{draw(st.sampled_from([':', '.', 'h']))}{mi:02d}"
        time += draw(st.sampled_from(["", ":30", ":3", "1", " ", ""]))
        time += draw(st.sampled_from(["", " am", " PM", "a.m.", " p.m", " am.", "AM.", " a.m"]))
    tail = draw(st.sampled_from(["", "", "x", "X", "1", ".", ". ", " Uhr", ".5", "é", " by Jane"]))
    lead = draw(st.sampled_from(["", "", "Publicat: ", "x", "1", ".", "Updated ", "date "]))
    return lead + date + time + tail


def metadata_lines() -> st.SearchStrategy[str]:
    return st.one_of(
        token_lines(), labelled_lines(), labelled_lines(), dateline_lines(), _names(), date_lines()
    )


@settings(max_examples=3000, deadline=None)
@given(st.lists(metadata_lines(), min_size=1, max_size=20))
def test_generated_lines(texts: list[str]) -> None:
    # Lines as the pipeline holds them: normalised and not blank.
    lines = [ln for t in texts for ln in normalize_lines(t) if ln.strip()]
    if lines:
        check(lines)


@settings(max_examples=1000, deadline=None)
@given(st.lists(metadata_lines(), min_size=1, max_size=20))
def test_generated_raw_text(texts: list[str]) -> None:
    """The readers on text that normalisation did not touch (white-space runs, odd spaces):
    the same functions, the same answers."""
    lines = [t for t in texts if t.strip()]
    if lines:
        check(lines)
