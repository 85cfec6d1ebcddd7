"""The body span: Kadane's maximum-scoring run, and the body above a barrier."""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import given, settings
from hypothesis import strategies as st

from cleannews.body import BARRIER, BARRIER_BODY_MIN_WORDS, Span, best_span
from cleannews.config import DEFAULT
from cleannews.features import Line, make_line


def prose(words: int) -> Line:
    text = " ".join(["cuvânt"] * max(words - 1, 1) + ["final."])
    return make_line(text, tuple(text.lower().rstrip(".").split()), frozenset(), DEFAULT)


def reference_span(lines: Sequence[Line], scores: Sequence[float]) -> Span | None:
    """The definition, written as recursion on the lines above the barrier."""
    best_total, best_start, best_end, total, start = 0.0, -1, -1, 0.0, 0
    for i, s in enumerate(scores):
        total, start = (s, i) if total <= 0 else (total + s, start)
        if total > best_total:
            best_total, best_start, best_end = total, start, i
    if best_start < 0:
        return None
    while scores[best_start] <= 0:
        best_start += 1
    while scores[best_end] <= 0:
        best_end -= 1
    words = sum(ln.n_words for ln in lines[best_start : best_end + 1] if ln.is_prose)
    span = Span(best_start, best_end, words)
    barrier = next((i for i in range(span.start - 1, -1, -1) if scores[i] <= BARRIER), None)
    if barrier is None:
        return span
    above = reference_span(lines[:barrier], scores[:barrier])
    return above if above is not None and above.prose_words >= BARRIER_BODY_MIN_WORDS else span


SCORE = st.one_of(
    st.just(BARRIER), st.integers(-30, 150).map(float), st.sampled_from([0.0, 1.0, -2.0])
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(SCORE, st.integers(1, 160)), max_size=40))
def test_one_pass_agrees_with_the_recursive_definition(rows: list[tuple[float, int]]) -> None:
    scores = [s for s, _ in rows]
    lines = [prose(words) for _, words in rows]
    assert best_span(lines, scores) == reference_span(lines, scores)


def test_a_body_above_the_comments_wins_over_a_longer_thread() -> None:
    lines = [prose(120), prose(30), prose(5), prose(200), prose(200)]
    scores = [120.0, 30.0, BARRIER, 200.0, 200.0]
    span = best_span(lines, scores)
    assert span is not None and (span.start, span.end) == (0, 1)


def test_thousands_of_barriers_before_ever_longer_paragraphs() -> None:
    # Each paragraph outscores all above it, so the body above each barrier is looked for
    # once per barrier: the recursive version ran out of stack (RecursionError) at ~1,000.
    n = 5_000
    scores = [BARRIER if i % 2 == 0 else float(i) for i in range(2 * n)]
    lines = [prose(5) if i % 2 == 0 else prose(150) for i in range(2 * n)]
    span = best_span(lines, scores)
    assert span is not None and (span.start, span.end) == (1, 1)
