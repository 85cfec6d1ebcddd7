"""Site boilerplate learned from a site's own pages (``cleannews.learn``): a line that the
site repeats on many pages is clutter, unless it reads as prose inside the body (the body
heuristics veto: a standard legal sentence can be an article's own subject)."""

from __future__ import annotations

from typing import Protocol

import regex

from ..features import Line
from .marks import Mark, mark

__all__ = ["LineSet", "profile_key", "site_line"]

_DIGITS = regex.compile(r"\d+")


class LineSet(Protocol):
    """Anything that knows a set of normalised lines (a learned ``Profile``)."""

    def __contains__(self, key: object) -> bool: ...


def profile_key(folded: str) -> str:
    """A line's profile key: its folded key (case, diacritics, punctuation, spaces folded)
    with every number folded to 0, so that '12 comentarii' and '3 comentarii' agree."""
    return str(_DIGITS.sub("0", folded))


def site_line(line: Line, profile: LineSet) -> Mark | None:
    """A line the site repeats; weak (kept inside the body) when it reads as prose."""
    if not line.key or profile_key(line.key) not in profile:
        return None
    return mark("site_profile", weak=line.is_prose)
