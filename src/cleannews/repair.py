"""The mojibake repair path: ftfy, in Python, for the documents the core sends here.

The core detects the signature of mojibake (``_core.has_mojibake_hint``: "Ã®" for "î",
"â€™" for "’"); a document that carries it is handed to ``repaired_lines`` (by
``crates/cleannews-py/src/extract.rs``), and the core cleans the lines it returns. A line
is repaired only when ftfy's badness check flags it, and each line stays one line, so that
line numbers are the input's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from . import _core

__all__ = ["repair_text", "repaired_line", "repaired_lines"]

_LINE_BREAK = re.compile("\r\n|\r|\n")


def repair_text(text: str) -> str:
    """Repair mojibake ("Ã®" for "î") with ftfy, only when ftfy's badness check flags it.

    Quotes, ligatures and line breaks are left as they are: the output must be made of
    the input's own lines.
    """
    if text.isascii() or not _core.has_mojibake_hint(text):
        return text
    from ftfy import TextFixerConfig, fix_text
    from ftfy.badness import is_bad

    if not is_bad(text):
        return text
    # One line in, one line out: line breaks that ftfy might introduce are folded.
    cfg = TextFixerConfig(
        unescape_html=False,
        uncurl_quotes=False,
        fix_latin_ligatures=False,
        fix_character_width=False,
        fix_line_breaks=False,
        normalization="NFC",
        explain=False,
    )
    fixed = str(fix_text(text, cfg))
    return " ".join(fixed.splitlines()) if len(fixed.splitlines()) > 1 else fixed


def repaired_line(raw: str) -> str:
    """Repair, normalise (the core's ``normalize_line``), and repair once more what
    normalising exposed: the result is a fixed point, so that the cleaned text comes
    through a second cleaning unchanged."""
    line = _core.normalize_line(repair_text(raw))
    again = repair_text(line)
    return line if again == line else _core.normalize_line(again)


def repaired_lines(text: str) -> list[str]:
    """The lines of ``text`` (cut at LF, CRLF and CR; a final break ends the last line),
    each repaired and normalised (``repaired_line``): the core cleans them as they are.
    The lines are cut here, not by the core, so that a lone surrogate reaches ftfy as it
    is in the input."""
    return [repaired_line(raw) for raw in _raw_lines(text)]


def _raw_lines(text: str) -> Iterator[str]:
    """The lines of ``text`` one at a time: no list of all the raw lines is made."""
    pos = 0
    for brk in _LINE_BREAK.finditer(text):
        yield text[pos : brk.start()]
        pos = brk.end()
    if pos < len(text):
        yield text[pos:]
