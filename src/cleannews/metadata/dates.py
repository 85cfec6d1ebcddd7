"""Dates in text: ISO, numeric day-month-year, written months in many languages.

Every pattern is linear: bounded quantifiers, no nesting, so no input can make it backtrack.
Month names come from ``langdata/months.tsv``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

import regex

from ..normalize import fold

__all__ = ["DateHit", "find_dates"]


@dataclass(frozen=True, slots=True)
class DateHit:
    iso: str  # "2025-10-21" or "2025-10-21T08:00"
    start: int
    end: int


_TIME = (
    r"(?:\s{0,3}[,|–-]?\s{0,3}(?:ora|um|at|à|alle|a las|às|o|lúc|klo)?\s{0,3}"
    r"(?P<H>\d{1,2})[:.h](?P<M>\d{2})(?!\d)"
    r"(?:\s?(?P<ampm>[AaPp]\.?[Mm]\.?)(?!\p{L}))?)?"
)
_ISO = regex.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d{2})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"
    r"(?:[T ](?P<H>\d{1,2}):(?P<M>\d{2})(?::\d{2})?)?(?!\d)"
)
_NUMERIC = regex.compile(
    r"(?<![\d.])(?P<a>\d{1,2})(?P<sep>[./-])(?P<b>\d{1,2})(?P=sep)(?P<y>(?:19|20)\d{2})(?!\d)"
    + _TIME
)
_TIME_FIRST = regex.compile(
    r"(?<!\d)(?P<H>\d{1,2}):(?P<M>\d{2})\s{1,3}(?=\d{1,2}[./-]\d{1,2}[./-]\d{4})"
)
# "20 octombrie 2025", "12. Februar 2025", "20 de octubre de 2025", "12. Februar" (no year)
_DAY_MONTH = regex.compile(
    r"(?<![\p{L}\d])(?P<d>\d{1,2})(?:\.|º|er|st|nd|rd|th)?\s{1,3}(?:de\s{1,3})?(?P<mon>\p{L}{3,12})\.?"
    r"(?:,?\s{1,3}(?:de\s{1,3})?(?P<y>(?:19|20)\d{2})(?!\d))?" + _TIME
)
# "October 20, 2025", "Oct. 20 2025"; also glued to the word before it by a scraper that
# dropped the space ("calendarApr 16, 2024", "Jeffrey ZeldmanNovember 20, 2007"): wcxb_dev
# dates 448 -> 456 of 657, none lost.
_MONTH_DAY = regex.compile(
    r"(?:(?<!\p{L})|(?<=\p{Ll})(?=\p{Lu}))(?P<mon>\p{L}{3,12})\.?\s{1,3}(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s{1,3}(?P<y>(?:19|20)\d{2})(?!\d)"
    + _TIME
)
# "2025. október 20." (Hungarian)
_YEAR_MONTH_DAY = regex.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d{2})\.\s{1,3}(?P<mon>\p{L}{3,12})\.?\s{1,3}(?P<d>\d{1,2})\.?(?!\d)"
    + _TIME
)
# "ngày 21 tháng 10 năm 2025" (Vietnamese)
_VI = regex.compile(
    r"ngày\s{1,3}(?P<d>\d{1,2})\s{1,3}tháng\s{1,3}(?P<m>\d{1,2})(?:\s{1,3}năm\s{1,3}(?P<y>\d{4}))?",
    regex.IGNORECASE,
)


# Every year a date can carry (1900-2100, see ``_iso``): without a year hint, a text with
# no such digits holds no date, which one scan settles for most lines.
_ANY_YEAR = re.compile(r"19\d\d|20\d\d|2100")


def _int(digits: str | None) -> int | None:
    """``int()`` of a run of the regex module's ``\\d`` digits; ``None`` for none, or for a
    digit that Python's own Unicode tables do not know (the regex module's are newer, and
    ``int()`` raised ValueError: '2025-01-' followed by two Garay digits crashed ``clean``)."""
    if digits is None:
        return None
    try:
        return int(digits)
    except ValueError:
        return None


def _iso(
    year: int | None,
    month: int | None,
    day: int | None,
    hour: str | None,
    minute: str | None,
    ampm: str | None = None,
) -> str | None:
    """The ISO date (and time) of the parts, or None; a time whose digits do not read is
    dropped, the date kept."""
    if year is None or month is None or day is None:
        return None
    if not (1 <= month <= 12 and 1 <= day <= 31 and 1900 <= year <= 2100):
        return None
    out = f"{year:04d}-{month:02d}-{day:02d}"
    h, minutes = _int(hour), _int(minute)
    if h is not None and minutes is not None and h < 24 and minutes < 60:
        if ampm and h <= 12:
            h = h % 12 + (12 if ampm[0] in "Pp" else 0)
        out += f"T{h:02d}:{minutes:02d}"
    return out


def _ampm(m: regex.Match[str]) -> str | None:
    value = m.groupdict().get("ampm")
    return str(value) if value else None


def _glued_month(m: regex.Match[str], months: Mapping[str, int]) -> tuple[int, int | None]:
    """A month glued to the word before it, in a word the pattern took whole ('calendarApr'):
    the capitalised tail after a lower-case letter, when it names a month."""
    word = m["mon"]
    for k in range(len(word) - 1, 0, -1):
        if word[k].isupper():
            if word[k - 1].islower():
                return m.start("mon") + k, months.get(fold(word[k:]))
            break
    return m.start(), None


def find_dates(
    text: str,
    months: Mapping[str, int],
    year_hint: int | None = None,
    month_first: bool = False,
) -> list[DateHit]:
    """Every date in ``text``, in order, non-overlapping.

    ``year_hint`` completes dates written without a year ("12. Februar"); without it such
    dates are skipped. ``month_first`` reads 03/04/2025 as March 4 (US English).
    """
    if year_hint is None and _ANY_YEAR.search(text) is None:
        return []
    hits: list[DateHit] = []
    taken: list[tuple[int, int]] = []

    def add(iso: str | None, start: int, end: int) -> None:
        if iso and not any(s < end and start < e for s, e in taken):
            taken.append((start, end))
            hits.append(DateHit(iso, start, end))

    for m in _ISO.finditer(text):
        add(_iso(_int(m["y"]), _int(m["m"]), _int(m["d"]), m["H"], m["M"]), m.start(), m.end())
    for m in _NUMERIC.finditer(text):
        a, b = _int(m["a"]), _int(m["b"])
        if a is None or b is None:
            continue
        month, day = (a, b) if (month_first and m["sep"] == "/" and a <= 12) or b > 12 else (b, a)
        start = m.start()
        hour, minute = m["H"], m["M"]
        t = _TIME_FIRST.search(text, max(0, start - 9), start)
        if hour is None and t is not None and t.end() == start:
            hour, minute, start = t["H"], t["M"], t.start()
        add(_iso(_int(m["y"]), month, day, hour, minute, _ampm(m)), start, m.end())
    for pattern in (_YEAR_MONTH_DAY, _DAY_MONTH, _MONTH_DAY):
        for m in pattern.finditer(text):
            start, named = m.start(), months.get(fold(m["mon"]))
            if named is None and pattern is _MONTH_DAY:
                start, named = _glued_month(m, months)
            year = _int(m["y"]) if m["y"] else year_hint
            if named is None or year is None:
                continue
            add(_iso(year, named, _int(m["d"]), m["H"], m["M"], _ampm(m)), start, m.end())
    for m in _VI.finditer(text):
        year = _int(m["y"]) if m["y"] else year_hint
        if year is not None:
            add(_iso(year, _int(m["m"]), _int(m["d"]), None, None), m.start(), m.end())
    hits.sort(key=lambda h: h.start)
    return hits
