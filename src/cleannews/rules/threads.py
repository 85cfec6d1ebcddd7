"""Comment threads recognised by their shape, in any language that has a word for 'says'.

A blog's comment thread comes as attribution lines, each opening one comment
('thelastchargersfan says:', 'Alex on September 17, 2018 at 6:34 am said:'), with the
comment's text after each. Several such lines make a thread: it ends the article as a
comments heading does (``Config.barrier_families``), and every line of it is marked, so
that the thread's own prose can never be taken for the body. The words come from
``langdata/comment_thread.tsv`` (``Lexicon.says_words``).

An article can quote speakers the same way ('The mayor says:', 'Ministrul spune:') and a
false thread would cut the rest of the article, so an attribution must also carry the
comment template's time stamp: a date and time just before the 'says' word ('<name> on
September 12, 2018 at 4:47 pm said:'), or a stamp alone on the next line ('November 19,
2019 at 6:34 am', '14:05', or the bare 'at' that a page leaves when a script fills in the
date). In an article the line after 'The mayor says:' is the quote.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from ..features import Line
from ..lexicon import Lexicon
from ..metadata.dates import find_dates
from ..normalize import fold_tokens
from .marks import Mark, mark

__all__ = [
    "ATTRIBUTION_MAX_WORDS",
    "STAMP_OTHER_MAX_WORDS",
    "STAMP_WORD_MAX_CHARS",
    "THREAD_MAX_GAP",
    "THREAD_MIN_ATTRIBUTIONS",
    "is_attribution",
    "is_stamp",
    "mark_threads",
]

# An attribution is a name, at most with a date and time: "Catherine (GiveWell) on
# September 13, 2018 at 5:23 pm said:" has 11 words; pingbacks name a post title ("15 DIY
# Wood Projects- Merry Monday #217 - Cookies Coffee and Crafts says:", 12 words).
ATTRIBUTION_MAX_WORDS = 14
# Attribution lines that make a thread. In the dev corpora the lines ending in a 'says'
# word with a colon stand in 15 pages (scrapinghub 3, wcxb_dev 12), none of them in the
# gold body; an article quoting one speaker ("The report says:") has one such line, a
# thread has two or more (13 of the 15 pages).
THREAD_MIN_ATTRIBUTIONS = 2
# ...no further apart than this many lines: one comment runs to a few paragraphs (the
# longest in the dev corpora: 17 lines, a reply with a list); two quotes far apart in an
# article are not a thread.
THREAD_MAX_GAP = 30
# The stamp after an attribution is a date and time alone ('November 19, 2019 at 6:34 am',
# '12. März 2025 um 10:14 Uhr', '12 mars 2025 à 10 h 14 min') or what a script left of it
# ('at'): besides the date and the clock time, at most this many words, each of at most
# ``STAMP_WORD_MAX_CHARS`` characters ('at', 'um', 'à', 'la', 'pm', 'Uhr', 'min'). In the
# dev corpora all 208 attributions of the 13 threads have their stamp (a date before
# 'said:' on givewell, the next line on 12 pages); no gold body holds a 'says:' line.
STAMP_OTHER_MAX_WORDS = 2
STAMP_WORD_MAX_CHARS = 3
# What follows the date in a dated attribution: the 'says' word alone, no comma.
_SAYS_TAIL = regex.compile(r"\s{1,3}\p{L}+\s?:")
# A clock time ('14:05', '6:34 pm', '10 h 14').
_CLOCK = regex.compile(r"(?<!\d)\d{1,2}(?:[:.]|\s?h\s?)\d{2}(?!\d)")
RULE = "comment_thread"


def is_attribution(line: Line, lexicon: Lexicon, after: Line | None = None) -> bool:
    """'<name> says:': a short line that ends in a colon after a 'says' word, with the
    comment's time stamp just before that word or on the next line (``after``)."""
    if not (
        line.text.endswith(":")
        and 2 <= line.n_words <= ATTRIBUTION_MAX_WORDS
        and line.tokens  # words but no tokens: a run of Thai vowel signs ('ัั:')
        and line.tokens[-1] in lexicon.says_words
    ):
        return False
    dates = find_dates(line.text, lexicon.months)
    if dates and _SAYS_TAIL.fullmatch(line.text, dates[-1].end):
        return True  # '<name> on <date> at <time> said:', not '..., dated <date>, says:'
    return after is not None and is_stamp(after, lexicon)


def is_stamp(line: Line, lexicon: Lexicon) -> bool:
    """A comment's time stamp: a date or a clock time, and at most
    ``STAMP_OTHER_MAX_WORDS`` short words ('at', 'Uhr'); or one stop word alone (an 'at'
    whose date and time a script fills in: lower case, unlike an answer such as 'No')."""
    if line.n_words == 1 and line.n_stop == 1 and line.text.isalpha() and line.text.islower():
        return True
    rest = line.text
    for hit in reversed(find_dates(line.text, lexicon.months)):
        rest = rest[: hit.start] + " " + rest[hit.end :]
    rest = _CLOCK.sub(" ", rest)
    if rest == line.text:
        return False
    other = fold_tokens(rest)
    return len(other) <= STAMP_OTHER_MAX_WORDS and all(
        len(t) <= STAMP_WORD_MAX_CHARS for t in other
    )


def mark_threads(lines: Sequence[Line], marks: list[Mark | None], lexicon: Lexicon) -> None:
    """Marks, in place, the comment thread, when there is one, ``comment_thread``: from
    its first attribution to its last, and the last comment's stamp and text after that
    (the lines up to the first one that is not a sentence or that another rule claimed;
    claimed before this pass: the threads are found first, then marked)."""
    found = [
        i
        for i, ln in enumerate(lines)
        if is_attribution(ln, lexicon, lines[i + 1] if i + 1 < len(lines) else None)
    ]
    threads: list[tuple[int, int, set[int]]] = []  # first line, end, attributions
    for thread in _clusters(found):
        if len(thread) < THREAD_MIN_ATTRIBUTIONS:
            continue
        end = thread[-1] + 1
        if end < len(lines) and is_stamp(lines[end], lexicon):
            end += 1  # the last comment's stamp
        while end < len(lines) and _comment_text(lines[end], marks[end]):
            end += 1
        # (a set: a thread may hold thousands of lines)
        threads.append((thread[0], end, set(thread)))
    for first, end, attributions in threads:
        for i in range(first, end):
            own = marks[i]
            if own is None or own.weak or i in attributions:
                marks[i] = mark(RULE)


def _clusters(found: list[int]) -> list[list[int]]:
    """Attribution indices grouped where each is within ``THREAD_MAX_GAP`` of the last."""
    groups: list[list[int]] = []
    for i in found:
        if groups and i - groups[-1][-1] <= THREAD_MAX_GAP:
            groups[-1].append(i)
        else:
            groups.append([i])
    return groups


def _comment_text(line: Line, mark: Mark | None) -> bool:
    return (mark is None or mark.weak) and (line.is_prose or line.ends_sentence)
