"""Parity of the neighbour passes (``rules/{blocks,threads,repeats}``, ``body``,
``metadata/title``) with the core's.

Every document of the corpora, the seeds and ``tests/cases/**`` is cleaned by the Python
pipeline with its neighbour functions wrapped by a recorder (the pipeline itself is not
touched): each call's inputs are copied as the pipeline hands them over, and the core's
function is called on the same inputs, its lines built from the Python's features. What
is compared: every call of ``spread_blocks``, ``list_items``, ``scored_span``,
``cut_off_last``, ``choose_title``, ``body_copies`` (and ``body_repeats`` on its
inputs) and ``title_repeats``; and on every line of every page read, ``is_attribution``
(with the next line), ``is_stamp``, ``is_headline`` and ``opens_with_headline``.

The thread passes read dates: the core is first handed the dates the Python's
``find_dates`` found, text by text (the neighbour passes alone), then the pages are
compared again with the core's own date reader (``_stages.neighbour_dates_ported()``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from parity_inputs import CORPUS, as_tuple, case_texts, corpus_docs, mark_tuple

from cleannews import _core, pipeline
from cleannews.body import scored_span
from cleannews.config import DEFAULT
from cleannews.core import engine
from cleannews.features import Line
from cleannews.lexicon import load_lexicon
from cleannews.metadata.dates import find_dates
from cleannews.metadata.title import is_headline, opens_with_headline
from cleannews.rules import threads
from cleannews.rules.repeats import body_repeats

LEX = load_lexicon()
STAGES: Any = _core._stages

# The pipeline's names of the functions compared call by call.
RECORDED = (
    "spread_blocks",
    "list_items",
    "scored_span",
    "cut_off_last",
    "choose_title",
    "body_copies",
    "title_repeats",
)
# Mismatches shown when a comparison fails.
SHOWN = 10


def _copy(value: Any) -> Any:
    """A call's argument or result as it is now (the pipeline marks its lists in place)."""
    if isinstance(value, bytearray | bytes):
        return [bool(b) for b in value]
    if isinstance(value, list) and value and isinstance(value[0], Line):
        return value  # the page's lines: not changed once read
    if isinstance(value, list | tuple):
        return type(value)(_copy(v) for v in value)
    return value


@dataclass
class Recorder:
    """The calls of the wrapped functions: (name, lines, the other arguments, result)."""

    calls: list[tuple[str, list[Line], tuple[Any, ...], Any]] = field(default_factory=list)

    def wrap(self, name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def recorded(lines: list[Line], *args: Any) -> Any:
            before = _copy(args)
            result = fn(lines, *args)
            if name == "title_repeats":  # a generator, read while the pipeline marks
                result = list(result)  # lines it already yielded: the same as eagerly
                self.calls.append((name, lines, before, list(result)))
                return iter(result)
            self.calls.append((name, lines, before, _copy(result)))
            return result

        return recorded


@pytest.fixture
def recorder(monkeypatch: pytest.MonkeyPatch) -> Recorder:
    rec = Recorder()
    for name in RECORDED:
        monkeypatch.setattr(pipeline, name, rec.wrap(name, getattr(pipeline, name)))
    return rec


def marks_of(marks: Iterable[Any]) -> list[Any]:
    return [mark_tuple(m) for m in marks]


def span_of(span: Any) -> tuple[int, int, int] | None:
    return None if span is None else (span.start, span.end, span.prose_words)


def python_thread_flags(lines: list[Line]) -> list[tuple[bool, bool] | str]:
    out: list[tuple[bool, bool] | str] = []
    for i, ln in enumerate(lines):
        after = lines[i + 1] if i + 1 < len(lines) else None
        try:
            out.append((threads.is_attribution(ln, LEX, after), threads.is_stamp(ln, LEX)))
        except IndexError:  # a line with words but no token that ends in a colon
            out.append("IndexError")
    return out


def python_dates(lines: list[Line]) -> list[tuple[str, list[tuple[int, int]]]]:
    texts = dict.fromkeys(ln.text for ln in lines)
    return [(t, [(h.start, h.end) for h in find_dates(t, LEX.months)]) for t in texts]


@dataclass
class Tally:
    """Calls compared by function, and the mismatches."""

    compared: Counter[str] = field(default_factory=Counter)
    fired: Counter[str] = field(default_factory=Counter)  # what the comparisons cover
    bad: list[str] = field(default_factory=list)
    raised: list[str] = field(default_factory=list)

    def check(self, name: str, where: str, want: Any, have: Any) -> None:
        self.compared[name] += 1
        if want != have:
            self.bad.append(f"{name} {where}: {_difference(want, have)}")


def _difference(want: Any, have: Any) -> str:
    """Where two results differ: the first differing item of each differing part."""
    if isinstance(want, tuple | list) and isinstance(have, tuple | list):
        if len(want) == len(have) and any(isinstance(w, list) for w in want):
            parts = (_difference(w, h) for w, h in zip(want, have, strict=True) if w != h)
            return "; ".join(parts)
        at = next((k for k, (w, h) in enumerate(zip(want, have, strict=False)) if w != h), None)
        if at is not None:
            return f"at {at}: python {want[at]!r}, core {have[at]!r}"
        return f"lengths: python {len(want)}, core {len(have)}"
    return f"python {want!r}, core {have!r}"


def compare_calls(rec: Recorder, where: str, tally: Tally, own_dates: bool) -> None:
    """Each recorded call against the core's, one core page per list of lines read."""
    pages: dict[int, Any] = {}
    for name, lines, args, want in rec.calls:
        page = pages.get(id(lines))
        if page is None:
            dates = None if own_dates else python_dates(lines)
            page = pages[id(lines)] = STAGES.NeighbourPage(
                engine(), [as_tuple(ln) for ln in lines], dates
            )
            compare_lines(page, lines, where, tally)
        if name == "spread_blocks":
            marks, config, _lexicon = args
            assert config is DEFAULT
            have = page.spread_blocks(marks_of(marks))
            tally.check(name, where, marks_of(want), [tuple_or_none(m) for m in have])
            tally.fired.update(f"{m.rule} marks" for m in want if m is not None and m.in_block)
            tally.fired["comment_thread marks"] += sum(
                m is not None and m.rule == "comment_thread" for m in want
            )
            tally.fired["teaser marks"] += sum(
                m is not None and m.rule == "teaser" and not m.weak for m in want
            )
        elif name == "list_items":
            (marks,) = args
            tally.check(name, where, want, page.list_items(marks_of(marks)))
        elif name == "scored_span":
            marks, metadata, items, _config = args
            isolated, items_out, span = want
            have = page.scored_span(marks_of(marks), metadata, items)
            tally.check(name, where, (isolated, items_out, span_of(span)), tuple(have))
            tally.fired["spans"] += span is not None
            tally.fired["isolated prose lines"] += sum(isolated)
            tally.fired["list items"] += sum(items)
        elif name == "cut_off_last":
            end, marks, _config = args
            tally.check(name, where, want, page.cut_off_last(end, marks_of(marks)))
            tally.fired["cut-off last lines"] += want
        elif name == "choose_title":
            tally.check(name, where, want, page.choose_title(*args))
            tally.fired["titles"] += want is not None
        elif name == "body_copies":
            rules, marks = args
            tally.check(name, where, want, page.body_copies(rules, marks_of(marks)))
            tally.fired["body copies"] += len(want)
            tally.check("body_repeats", where, body_repeats(lines, rules), page.body_repeats(rules))
        elif name == "title_repeats":
            rules, title_index = args
            tally.check(name, where, want, page.title_repeats(rules, title_index))


def tuple_or_none(mark: Any) -> Any:
    return None if mark is None else tuple(mark)


def compare_lines(page: Any, lines: list[Line], where: str, tally: Tally) -> None:
    """The per-line predicates of the thread and title passes, on every line read."""
    flags = python_thread_flags(lines)
    core_flags = page.thread_flags()
    for i, (want, have) in enumerate(zip(flags, core_flags, strict=True)):
        if want == "IndexError":
            tally.raised.append(f"{where}: is_attribution({lines[i].text!r}) raises IndexError")
            continue
        tally.check("is_attribution/is_stamp", f"{where} {lines[i].text!r}", want, tuple(have))
        tally.fired["attributions"] += want[0]
        tally.fired["stamps"] += want[1]
    heads = [(is_headline(ln), opens_with_headline(ln)) for ln in lines]
    for ln, want, have in zip(lines, heads, page.headlines(), strict=True):
        tally.check("is_headline/opens_with_headline", f"{where} {ln.text!r}", want, tuple(have))
        tally.fired["headline-shaped lines"] += want[0]


def run_and_compare(
    texts: Iterable[tuple[str, str]], rec: Recorder, own_dates: bool = False
) -> Tally:
    tally = Tally()
    for where, text in texts:
        rec.calls.clear()
        try:
            pipeline.run(text, DEFAULT)
        except IndexError as error:  # the Python pipeline's own failure: reported
            tally.raised.append(f"{where}: pipeline.run raises {error!r}")
        compare_calls(rec, where, tally, own_dates)
    return tally


def report(tally: Tally, what: str) -> None:
    counts = ", ".join(f"{k} {v}" for k, v in sorted(tally.compared.items()))
    fired = ", ".join(f"{k} {v}" for k, v in sorted(tally.fired.items()))
    print(f"\n{what}: {sum(tally.compared.values())} compared ({counts}); covering {fired}")
    for line in tally.raised:
        print(f"  python raised: {line}")
    assert not tally.bad, f"{len(tally.bad)} mismatches:\n" + "\n".join(tally.bad[:SHOWN])


def corpus_texts() -> Iterator[tuple[str, str]]:
    for doc in corpus_docs():
        yield f"{doc['corpus']}/{doc['id']}", doc["text"]


def seed_and_case_texts() -> Iterator[tuple[str, str]]:
    for k, text in enumerate(case_texts()):
        yield f"case {k}", text


needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is absent")


@needs_corpus
def test_corpus_pages(recorder: Recorder, capsys: pytest.CaptureFixture[str]) -> None:
    tally = run_and_compare(corpus_texts(), recorder)
    with capsys.disabled():
        report(tally, "corpora")


def test_seeds_and_cases(recorder: Recorder, capsys: pytest.CaptureFixture[str]) -> None:
    tally = run_and_compare(seed_and_case_texts(), recorder)
    with capsys.disabled():
        report(tally, "seeds and cases")


@needs_corpus
@pytest.mark.skipif(
    not STAGES.neighbour_dates_ported(), reason="the core's date reader is not merged yet"
)
def test_corpus_pages_with_the_cores_dates(
    recorder: Recorder, capsys: pytest.CaptureFixture[str]
) -> None:
    tally = run_and_compare(corpus_texts(), recorder, own_dates=True)
    with capsys.disabled():
        report(tally, "corpora, the core's dates")


# Lines of the shapes these passes read: attributions and stamps, dates and clock times,
# lead-ins and list items, truncated teasers, headlines, block headings, copies.
PIECES = [
    "alice says:",
    "Bob on September 17, 2018 at 6:34 am said:",
    "Ministrul spune:",
    "November 19, 2019 at 6:34 am",
    "12. März 2025 um 10:14 Uhr",
    "10 h 14",
    "at",
    "14:05",
    "Citește și",
    "Top Citite",
    "Comments",
    "The band will play these dates:",
    "June 9 – West Palm Beach",
    "Cum a ajuns după gratii unul dintre cei mai bogați oameni...",
    "The Council Approves the New Budget",
    "the council voted late on monday after a long debate",
    "Why Did the Council Approve It?",
    "U.S. budget approved. Here's why:",
    "The council said on Monday that the budget would be approved next week after a vote.",
    "Ministrul a declarat luni că guvernul va lua o decizie privind bugetul în ședința de joi.",
    "\u0669\u0660:\u0663\u0660",
    "ǅungla Este Un Cuvânt",
    "שלום עולם זה מבחן קטן",
    "Ⅻ ² ½ \u00a0 \u2028 x",
]
ODD = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)
LINE = st.one_of(st.sampled_from(PIECES), ODD, st.builds("{} says:".format, ODD))


@settings(max_examples=300, deadline=None)
@given(st.lists(LINE, max_size=30))
def test_generated_pages(lines: list[str]) -> None:
    rec = Recorder()
    with pytest.MonkeyPatch.context() as mp:
        for name in RECORDED:
            mp.setattr(pipeline, name, rec.wrap(name, getattr(pipeline, name)))
        tally = run_and_compare([("generated", "\n".join(lines))], rec)
    assert not tally.bad, "\n".join(tally.bad[:SHOWN])


def test_scored_span_of_an_empty_page() -> None:
    page = STAGES.NeighbourPage(engine(), [], [])
    assert page.scored_span([], [], []) == ([], [], None)
    assert scored_span([], [], [], [], DEFAULT) == (bytearray(), bytearray(), None)
