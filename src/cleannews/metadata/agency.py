"""Agency datelines at the start of a lead: '(PLO)- ...', '(AFP) - ...',
'BUCUREŞTI, 12 mai (Agerpres) - ...'. The dateline is cut from the paragraph and kept as
the ``agency`` field."""

from __future__ import annotations

import regex

from ..normalize import fold

__all__ = ["cut_dateline"]

# An opening bracket and the white space after it, up to the name. Was '\(\s*': the name
# may start with a space too, so a run of spaces after the bracket that no name and ')'
# follow was tried split at each of its spaces, each time scanned to its end by the '\s*'
# after the name: quadratic in the run (benchmarks/regex_audit.py, '(' + ' ' * n + '7':
# _PAREN 2,000 spaces 0.9 s, 8,000 15.7 s; _PLACE the same after 'BUCUREŞTI, 12 mai ').
# Now the run is taken whole (possessively); only when a ')' closes it does the name start
# at its last space instead, once (atomic), as the old split with the first match did
# ('(   ) -': name ' '). 1,000,000 spaces: _PAREN 0.02 s, _PLACE 0.1 s. The same matches and
# groups: a hypothesis test against the old patterns.
_OPEN = r"\((?:\s*+|(?=\s*+\))(?>\s*(?= )))"
# "(PLO)-", "(AFP) –": a parenthesised short name, then a dash.
_PAREN = regex.compile(r"^" + _OPEN + r"(?P<name>[\p{L}\p{N}.&/ ]{1,30}?)\s*\)\s*\.?[-–—]{1,2}\s*")
# "BUCUREȘTI, 12 mai (Agerpres) -", "Berlin (dpa) -", "Madrid, 15 feb (EFE).-",
# "București, 15 feb /Agerpres/ -": a capitalised place of at most three words, an
# optional date, the agency in brackets or slashes, a dash.
_PLACE = regex.compile(
    r"^(?P<place>\p{Lu}[\p{L}'.-]{1,25}(?:\s\p{Lu}[\p{L}'.-]{1,25}){0,2}),?\s{0,3}[^()/\n]{0,30}?"
    r"(?:"
    + _OPEN
    + r"(?P<name>[\p{L}\p{N}.&/ ]{1,30}?)\s*\)|/(?P<slashed>[\p{L}\p{N}.& ]{1,30}?)/)"
    r"\s*\.?[-–—]{1,2}\s*"
)
# An unknown name counts as an agency when it is an upper-case code this long at most.
CODE_MAX_CHARS = 12


def cut_dateline(
    text: str, agencies: frozenset[str], allow_empty: bool = False
) -> tuple[str, str] | None:
    """(agency, rest of the paragraph) when ``text`` opens with a dateline, else None.

    The name must be a known news agency (``langdata/metadata.txt``) or, after a bare
    parenthesis, an upper-case code ('(PLO)-'). With ``allow_empty`` a line that is only a
    dateline matches, with an empty rest.
    """
    m = _PAREN.match(text)
    if m is not None:
        name = m["name"].strip()
        code = name.replace(".", "").replace(" ", "")
        if fold(name) not in agencies and not (code.isupper() and len(name) <= CODE_MAX_CHARS):
            return None
    else:
        m = _PLACE.match(text)
        if m is None:
            return None
        name = (m["name"] or m["slashed"] or "").strip()
        if fold(name) not in agencies:
            return None
    rest = text[m.end() :].strip()
    return (name, rest) if rest or allow_empty else None
