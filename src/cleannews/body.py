"""Locating the article body: the span of lines where running text is densest.

Each line gets a score (prose adds its words, other lines cost a fixed number of words,
lines that a rule marked as clutter cost more) and the body is the contiguous span with
the highest total: the maximum-subarray formulation of Body Text Extraction (Finn,
Kushmerick & Smyth 2001), on lines instead of tag tokens. One pass, linear in the lines.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import repeat

from .config import Config
from .features import Line
from .rules.marks import Mark

# Families whose single lines (not headings: those open blocks) stand inside articles:
# 'Citește și: <headline>', 'Urmărește știrile ... pe Google News', 'Publicitate' between two
# paragraphs. They cost like a short line, so the article goes on after them. Measured:
# scrapinghub F1 0.914 -> 0.913 (P 0.895 -> 0.894) with follow and ad added, wcxb_dev 0.928.
INLINE_LINK_FAMILIES = frozenset({"read_also", "follow", "ad"})
# A comments heading or counter is short ('Comments', '[ 167 comments ]').
BARRIER_MAX_WORDS = 6
# Prose words before a barrier that make a body of their own: the best span after the
# barrier is then the comment thread. Measured on the pages whose best span follows a
# barrier: the spans before it of 82-677 words are the article (macrumors 273, zdnet 110,
# startuplessonslearned 380, prairiehomestead 677), those of 9-78 words are a standfirst,
# a teaser or an author box above the article (foxbusiness 62, fool.com 78). Body P / F1,
# scrapinghub | wcxb_dev: off 0.904 / 0.920 | 0.924 / 0.929; 50 words 0.905 / 0.919 |
# 0.926 / 0.929; 100 words 0.909 / 0.924 | 0.926 / 0.931; 200 words 0.908 / 0.924 | same.
BARRIER_BODY_MIN_WORDS = 100
# The text's last line, cut off by the scraper mid-sentence, is still the body's last
# paragraph when it has this many words or more (gds.ro-745's has 21). Shorter lines
# there are headlines, quotes and footers: at 6 words (``prose_min_words``) the rule
# also took 'Contact Us/FAQ | Terms of Use | Privacy Policy' (scrapinghub) and two short
# lines of ro_news_dev; at 15, gds.ro-745 only (ro_labelled F1 0.9877 -> 0.9885).
CUT_OFF_MIN_WORDS = 15

__all__ = ["Span", "best_span", "cut_off_last", "line_score", "scored_span"]


@dataclass(frozen=True)
class Span:
    start: int  # index of the first line of the body (inclusive)
    end: int  # index of the last line (inclusive)
    prose_words: int


# The score of a barrier line: lower than any article can make up for.
BARRIER = -1e9


# A list item that a lead-in introduces: a little evidence for the body, so that a list at
# the end of an article stays in its span.
LIST_ITEM_SCORE = 1.0


def line_score(
    line: Line, mark: Mark | None, metadata: bool, config: Config, list_item: bool = False
) -> float:
    if mark is not None and mark.rule in ("repeated", "repeated_title"):
        return 0.0  # a copy of a body line: removed, but no evidence about where the body runs
    if mark is not None and not mark.weak:
        if mark.opens_block or (
            mark.rule in config.barrier_families and line.n_words <= BARRIER_MAX_WORDS
        ):
            return BARRIER if mark.rule in config.barrier_families else -config.block_heading_cost
        if mark.rule in INLINE_LINK_FAMILIES:
            # 'Citește și: <headline>' between two paragraphs: the article goes on after it
            return -config.non_prose_line_cost
        return -config.clutter_line_cost
    if metadata:
        return 0.0
    if list_item:
        return LIST_ITEM_SCORE
    if line.is_prose:
        return float(line.n_words)
    if line.ends_sentence and line.n_stop:
        return 0.0  # a short sentence: neither evidence for nor against
    return -config.non_prose_line_cost


# A list item is evidence for the body only under its lead-in: a span that opens on items
# leaves their lead-in out (it adds nothing, and the span's edges are lines that add to
# it), and the cleaned text then holds items with nothing to introduce them, which a second
# cleaning reads as a menu. Such items are scored as the lines they are and the span is
# found again, as often as this (real pages need two at most: a page's second list can
# open the span found once the first was left out).
ORPHAN_ITEM_ROUNDS = 3


def scored_span(
    lines: Sequence[Line],
    marks: Sequence[Mark | None],
    metadata: Sequence[int],
    items: Sequence[int],
    config: Config,
) -> tuple[bytearray, bytearray, Span | None]:
    """Which lines are isolated prose (``isolated_prose``: scored down), which are list
    items that count, and the body span of the lines so scored (``best_span``).

    List items that the span would open on lose their evidence (``ORPHAN_ITEM_ROUNDS``):
    the span was carried over a menu by them, above the article, with their lead-in left
    out ('Check out our:' above 'Accounting Software', 'Payroll Software', ...; a
    breadcrumb ending in a colon above the headline); a second cleaning, which no longer
    has the lead-in, found the body lower and another title. Measured: idempotent pages
    scrapinghub 179 -> 180 of 181, wcxb_dev 786 -> 788 of 788; body P / R scrapinghub
    0.93176 / 0.94600 -> 0.93218 / 0.94600 (1 page: a teaser list under 'More On:' above
    the article); wcxb_dev 0.92730 / 0.93549 -> 0.92729 / 0.93534, F1 0.93137 -> 0.93130
    (4462 P 0.955 -> 0.982; 4414, a page of SQL listings, R 0.401 -> 0.283: the span
    moved off a list of the article's own); titles 498 of 788 (4462 right; 0406 wrong: its
    headline was the item of a breadcrumb ending in a colon, and the question that opens
    the body now wins it by nearness, as a second cleaning chose before), dates 462 -> 463,
    authors same; ro_news_dev unchanged."""
    items = bytearray(items)  # (flags: a byte a line)
    n = len(lines)
    for _ in range(ORPHAN_ITEM_ROUNDS + 1):
        scores = array(
            "d",
            (
                line_score(ln, marks[i], bool(metadata[i]), config, bool(items[i]))
                for i, ln in enumerate(lines)
            ),
        )
        isolated = isolated_prose(lines, scores, config.isolated_prose_min_run)
        for i, alone in enumerate(isolated):
            if alone:
                scores[i] *= config.isolated_prose_weight
        span = best_span(lines, scores)
        if span is None or not items[span.start]:
            break
        first = span.start
        while first > 0 and items[first - 1]:
            first -= 1
        last = span.start
        while last < n and items[last]:
            last += 1
        items[first:last] = bytes(last - first)
    return isolated, items, span


def isolated_prose(lines: Sequence[Line], scores: Sequence[float], min_run: int) -> bytearray:
    """Prose lines that stand alone between runs of ``min_run`` or more lines that cost
    (menus, headlines, author names): the shape of a teaser list, where each item is an
    image's alt text, a headline, a byline and one paragraph. An article's paragraphs come
    in runs, or between single subheadings. (A flag a line: a byte each.)"""
    n = len(lines)
    costly = bytearray(map(float.__lt__, scores, repeat(0.0)))  # (sc < 0 at C speed)
    # A line with no evidence that is not a sentence and has a number (a date line between
    # an item's headline and its paragraph) neither breaks nor extends a run. Nor does prose
    # with no evidence: a copy of a body line or a metadata line that reads as prose, which
    # the cleaned text no longer holds; as a break, it kept a listing's items in the first
    # cleaning that the second then found isolated and dropped (wcxb_dev 0341). Measured,
    # body P / R: scrapinghub 0.93168 / 0.94600 -> 0.93176 / 0.94600 (1 page); wcxb_dev
    # 0.92713 / 0.93472 -> 0.92734 / 0.93502 (3 pages), idempotent 783 -> 784 of 788;
    # titles, dates, authors same. (Every line with no evidence that is not a short
    # sentence: wcxb_dev F1 0.9309 -> 0.9306.)
    neutral = bytearray(
        sc == 0 and (ln.is_prose or (not ln.ends_sentence and any(c.isdigit() for c in ln.text)))
        for sc, ln in zip(scores, lines, strict=True)
    )
    out = bytearray(n)
    for i in range(n):
        if not lines[i].is_prose or scores[i] <= 0:
            continue
        before = 0
        j = i - 1
        while j >= 0 and (costly[j] or neutral[j]) and before < min_run:
            before += costly[j]
            j -= 1
        after = 0
        j = i + 1
        while j < n and (costly[j] or neutral[j]) and after < min_run:
            after += costly[j]
            j += 1
        out[i] = before >= min_run and after >= min_run
    return out


def best_span(lines: Sequence[Line], scores: Sequence[float]) -> Span | None:
    """The contiguous span with the highest total score (Kadane), or None if all <= 0.

    A barrier (a comments heading, a comment thread) ends the article: when the best span
    lies after one and the lines before it hold a body of ``BARRIER_BODY_MIN_WORDS`` or
    more, the span after the barrier is the comment thread, and the body is the earlier one
    (found the same way among the lines before the barrier). One pass: Kadane's best span
    of the lines above each barrier is recorded as the pass goes by it.
    """
    above: dict[int, tuple[int, int] | None] = {}  # barrier index -> best span above it
    best = _kadane(scores, above)
    barriers = sorted(above)
    chain: list[Span] = []  # the best span, the best above its barrier, and so on up
    while best is not None:
        chain.append(_span(lines, scores, *best))
        k = bisect_left(barriers, chain[-1].start) - 1  # the last barrier above the span
        best = above[barriers[k]] if k >= 0 else None
    if not chain:
        return None
    result = chain[-1]
    for span in reversed(chain[:-1]):
        result = result if result.prose_words >= BARRIER_BODY_MIN_WORDS else span
    return result


def _kadane(
    scores: Sequence[float], above: dict[int, tuple[int, int] | None]
) -> tuple[int, int] | None:
    """The first span of the highest total (start, end), or None; records in ``above`` the
    best span of the lines above each barrier."""
    best_total, best_start, best_end = 0.0, -1, -1
    total, start = 0.0, 0
    for i, s in enumerate(scores):
        if s <= BARRIER:
            above[i] = (best_start, best_end) if best_start >= 0 else None
        if total <= 0:
            total, start = s, i
        else:
            total += s
        if total > best_total:
            best_total, best_start, best_end = total, start, i
    return (best_start, best_end) if best_start >= 0 else None


def _span(lines: Sequence[Line], scores: Sequence[float], start: int, end: int) -> Span:
    # Canonical edges: the span starts and ends on lines that add to it, so that cleaning
    # the output again finds the same span (zero-score lines may fall either way above).
    while scores[start] <= 0:
        start += 1
    while scores[end] <= 0:
        end -= 1
    words = sum(ln.n_words for ln in lines[start : end + 1] if ln.is_prose)
    return Span(start, end, words)


def cut_off_last(
    lines: Sequence[Line], end: int, marks: Sequence[Mark | None], config: Config
) -> bool:
    """Is the text's last line the body's last paragraph, cut off by the scraper? It
    follows the body span directly, no rule claimed it, and it reads as running text
    (``CUT_OFF_MIN_WORDS`` words or more, with the stop-word share of an unpunctuated
    paragraph) but stops without a sentence end."""
    last = len(lines) - 1
    if end != last - 1 or marks[last] is not None:
        return False
    line = lines[last]
    return (
        not line.ends_sentence
        and not line.ends_ellipsis
        and line.n_words >= CUT_OFF_MIN_WORDS
        and line.stop_ratio >= config.prose_unpunctuated_min_stopword_ratio
    )
