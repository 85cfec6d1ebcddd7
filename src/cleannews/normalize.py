"""Input normalisation: bytes to text, mojibake, line breaks, and the folded matching key.

Lines are separated by LF, CRLF or CR (Python's universal newlines: what an editor shows);
line numbers everywhere in cleannews count those lines of the decoded input, so a decision
can always be traced back to the line a user sees. Other separators (U+2028, U+0085 NEL,
form feed, ...) count as spaces: NEL is also what UTF-8 'ễ' becomes in Latin-1 mojibake,
which must stay on its line to be repaired.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

import regex

__all__ = [
    "fold",
    "fold_lines",
    "fold_tokens",
    "has_mojibake_hint",
    "normalize_line",
    "normalize_lines",
    "repair_text",
    "romanian_comma_letters",
    "split_lines",
    "to_text",
]

# Letters that NFKD does not decompose into base + mark, folded by hand for matching.
_FOLD_EXTRA = str.maketrans(
    {
        "ß": "ss",
        "đ": "d",
        "Đ": "d",
        "ł": "l",
        "Ł": "l",
        "ø": "o",
        "Ø": "o",
        "æ": "ae",
        "œ": "oe",
        "ı": "i",
        "þ": "th",
        "ð": "d",
    }
)
_FOLD_EXTRA_CHARS = re.compile("[ßđĐłŁøØæœıþð]")
_RO_COMMA = str.maketrans({"ş": "ș", "ţ": "ț", "Ş": "Ș", "Ţ": "Ț"})
_RO_CEDILLA = re.compile("[şţŞŢ]")
# A word token: a run of letters and digits ([\p{L}\p{N}]+ in Python's Unicode tables),
# with the standard library's engine, 1.6x faster than the regex module's on this class.
_TOKEN = re.compile(r"[^\W_]+")
# Invisible format characters.
# Format and control characters, but not the white space among them (tabs, line breaks):
# those become spaces or line breaks, never glue two words together.
# (the line boundaries of str.splitlines and the characters str.split treats as spaces).
# The zero-width joiner and non-joiner stay where they spell (Persian, Indic, emoji), and go
# where they are noise: next to a Latin, Greek or Cyrillic letter.
_INVISIBLE = regex.compile(
    r"[[\p{Cf}\p{Cc}]--[\t\n\x0b\x0c\r\x1c-\x1f\x85\u2028\u2029\u200c\u200d\s]]",
    flags=regex.V1,
)
_MARKS = regex.compile(r"\p{Mn}+")
# A whole run of them is matched from its first character, possessively: tried from every
# character of a run, '[...]+(?=<letter>)' scanned to the run's end each time, quadratic in a
# run that no letter follows (10,000 joiners: 7.8 s; finding 17 of benchmarks/ROBUSTNESS.md).
_STRAY_JOINER = regex.compile(
    r"(?<=[\p{Latin}\p{Greek}\p{Cyrillic}])[\u200c\u200d]++"
    r"|(?<![\u200c\u200d])[\u200c\u200d]++(?=[\p{Latin}\p{Greek}\p{Cyrillic}])"
)
_LINE_BREAK = re.compile("\r\n|\r|\n")
# White space as str.split and str.strip see it (both use the same Unicode table as \s in
# the standard library's engine: checked over every code point).
_WHITE_SPACE = re.compile(r"\s+")
# Lines are normalised and folded a block of lines at a time: each step is one pass over
# the joined block (the per-call cost is paid once a block, not once a line), while the
# copies that the steps make stay the size of a block, not of the document (corpus text
# at 1 MB: peak memory in reading 22x -> 9x the input; time unchanged).
BLOCK_CHARS = 1 << 16
# Control characters that are not white space (NUL, ESC, DEL, ...), in ASCII text.
_ASCII_CONTROL = re.compile("[\x00-\x08\x0e-\x1b\x7f]")
# One stray byte in a UTF-8 document is damage, not another charset: up to this share of
# the bytes may be invalid before the charset is detected instead.
MAX_INVALID_UTF8_SHARE = 0.001
_SURROGATE = re.compile("[\ud800-\udfff]")
# A UTF-8 lead byte read as Latin-1/cp1252 followed by a continuation byte so read: the
# signature of mojibake ("Ã®", "â€™"). Cheap pre-check before ftfy's own badness test.
_MOJIBAKE_HINT = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192"
    "\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)


def to_text(data: object) -> str:
    """Decode ``bytes`` (UTF-8, else the detected charset); pass ``str`` through.

    Anything else raises ``TypeError`` naming the type, so a pipeline learns at once that a
    record held ``None`` or a number instead of text.
    """
    if isinstance(data, str):
        return data
    if isinstance(data, (bytes, bytearray, memoryview)):
        raw = bytes(data)
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            damaged = raw.decode("utf-8", errors="replace")
            if damaged.count("\ufffd") <= max(1, MAX_INVALID_UTF8_SHARE * len(raw)):
                return damaged  # a stray byte or two: keep UTF-8, mark the damage
        from charset_normalizer import from_bytes  # only for non-UTF-8 input

        best = from_bytes(raw).best()
        return str(best) if best is not None else raw.decode("utf-8", errors="replace")
    raise TypeError(f"cleannews expects str or bytes, not {type(data).__name__}")


def repair_text(text: str) -> str:
    """Repair mojibake ("Ã®" for "î") with ftfy, only when ftfy's badness check flags it.

    Quotes, ligatures and line breaks are left as they are: the output must be made of
    the input's own lines.
    """
    if text.isascii() or not _MOJIBAKE_HINT.search(text):
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


def split_lines(text: str) -> list[str]:
    """The input's lines: cut at LF, CRLF and CR; a final line break ends the last line
    (as ``str.splitlines`` does), so "a\\nb\\n" has two lines and "" none."""
    lines = _LINE_BREAK.split(text)
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def normalize_line(line: str) -> str:
    """One line as it appears in the output: NFC, invisible characters gone, spaces folded.

    Lone surrogates (which Python strings allow but UTF-8 cannot carry) are dropped.
    """
    return " ".join(normalize_lines(line))


def normalize_lines(text: str) -> list[str]:
    """``normalize_line`` of every line of ``text`` (``split_lines``), done a block of
    lines at a time (``_blocks``): the lines are joined with LF, which no step removes or
    adds and across which NFC never composes, and split on it again."""
    out: list[str] = []
    for block in _blocks(split_lines(text)):
        if _is_long_line(block):
            # One long line, a piece at a time (see ``_pieces``): every step is local to a
            # run between spaces, and the pieces are joined by the one space that folds
            # the run of white space at each cut.
            pieces = (_normalize_block(piece)[0] for piece in _pieces(block[0]))
            out.append(" ".join(filter(None, pieces)))
        else:
            out += _normalize_block("\n".join(block))
    return out


def _normalize_block(joined: str) -> list[str]:
    if not joined.isascii() or _ASCII_CONTROL.search(joined):
        joined = _INVISIBLE.sub("", joined)
        if _SURROGATE.search(joined):
            joined = _SURROGATE.sub("", joined)
        if "\u200c" in joined or "\u200d" in joined:  # after the deletions: final neighbours
            joined = _STRAY_JOINER.sub("", joined)
        if not unicodedata.is_normalized("NFC", joined):
            joined = unicodedata.normalize("NFC", joined)
    return [" ".join(line.split()) for line in joined.split("\n")]


def _blocks(lines: list[str]) -> Iterator[list[str]]:
    """``lines`` in consecutive runs of about ``BLOCK_CHARS`` characters; a longer line is
    a block of its own (``_is_long_line``)."""
    start = size = 0
    for i, line in enumerate(lines):
        if len(line) > BLOCK_CHARS:
            if start < i:
                yield lines[start:i]
            yield lines[i : i + 1]
            start = i + 1
            size = 0
            continue
        size += len(line) + 1
        if size >= BLOCK_CHARS:
            yield lines[start : i + 1]
            start = i + 1
            size = 0
    if start < len(lines):
        yield lines[start:]


def _is_long_line(block: list[str]) -> bool:
    return len(block) == 1 and len(block[0]) > BLOCK_CHARS


def _pieces(line: str) -> Iterator[str]:
    """A long ``line`` cut into pieces of about ``BLOCK_CHARS`` characters, each cut just
    after a run of white space, so that no copy of the whole line and no list of all its
    words is made at once (a 10 MB line: a list of ~2 million strings). Every step of
    reading is local to a run between spaces: no token spans a space; lower-casing looks
    across none for a final sigma; NFC and NFKD never compose or reorder across one (a
    space is a starter that composes with nothing); the stray joiner test reads letters."""
    start = 0
    while start < len(line):
        space = _WHITE_SPACE.search(line, start + BLOCK_CHARS)
        end = len(line) if space is None else space.end()
        yield line[start:end]
        start = end


def has_mojibake_hint(text: str) -> bool:
    """Does ``text`` carry the signature of mojibake (then lines are repaired one by one)?"""
    return not text.isascii() and _MOJIBAKE_HINT.search(text) is not None


def fold_lines(lines: list[str]) -> list[tuple[str, ...]]:
    """``fold_tokens`` of every line, done a block of lines at a time (lines hold no breaks).

    A word that recurs is one string object (a page repeats its words: memory per token
    is then one pointer)."""
    words: dict[str, str] = {}
    shared = words.setdefault
    find = _TOKEN.findall
    out: list[tuple[str, ...]] = []
    for block in _blocks(lines):
        if _is_long_line(block):  # a piece at a time (``_pieces``)
            line_tokens: list[str] = []
            for toks in map(fold_tokens, _pieces(block[0])):
                line_tokens += map(shared, toks, toks)
            out.append(tuple(line_tokens))
            continue
        low = _folded("\n".join(block))
        out += [tuple(map(shared, toks, toks)) for toks in map(find, low.split("\n"))]
    return out


def romanian_comma_letters(line: str) -> str:
    """Romanian cedilla letters (legacy encodings) to the correct comma-below letters."""
    return line.translate(_RO_COMMA) if _RO_CEDILLA.search(line) else line


def fold(text: str) -> str:
    """The matching key: lower case, no diacritics, word tokens joined by one space.

    "Citește și:", "Citeşte si", "CITESTE SI" all fold to "citeste si".
    """
    return " ".join(fold_tokens(text))


def fold_tokens(text: str) -> list[str]:
    tokens: list[str] = _TOKEN.findall(_folded(text))
    return tokens


def _folded(text: str) -> str:
    """Lower case, letters folded to their base letters (``_FOLD_EXTRA``), marks gone."""
    low = text.lower()
    if not low.isascii():
        if _FOLD_EXTRA_CHARS.search(low):
            low = low.translate(_FOLD_EXTRA)
        low = _MARKS.sub("", unicodedata.normalize("NFKD", low))
    return low
