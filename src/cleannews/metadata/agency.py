"""Agency datelines at the start of a lead: '(PLO)- ...', '(AFP) - ...',
'BUCUREŞTI, 12 mai (Agerpres) - ...'. The dateline is cut from the paragraph and kept as
the ``agency`` field."""

from __future__ import annotations

import regex

from ..normalize import fold

__all__ = ["cut_dateline"]

# "(PLO)-", "(AFP) –": a parenthesised short name, then a dash.
_PAREN = regex.compile(r"^\(\s*(?P<name>[\p{L}\p{N}.&/ ]{1,30}?)\s*\)\s*[-–—]{1,2}\s*")
# "BUCUREȘTI, 12 mai (Agerpres) -": a place, optional date, the agency in brackets, a dash.
_PLACE = regex.compile(
    r"^(?P<place>\p{Lu}[\p{Lu}\p{L} .'-]{1,40}?),?\s{0,3}[^()\n]{0,30}?\(\s*(?P<name>[\p{L}\p{N}.&/ ]{1,30}?)\s*\)\s*[-–—]{1,2}\s*"
)


def cut_dateline(text: str, agencies: frozenset[str]) -> tuple[str, str] | None:
    """(agency, rest of the paragraph) when ``text`` opens with a dateline, else None."""
    m = _PAREN.match(text)
    if m is None:
        m = _PLACE.match(text)
        if m is None or not m["place"].split(",")[0].replace(" ", "").isupper():
            return None
    name = m["name"].strip()
    known = fold(name) in agencies
    if not known and not (name.replace(".", "").replace(" ", "").isupper() and len(name) <= 12):
        return None
    rest = text[m.end() :].strip()
    return (name, rest) if rest else None
