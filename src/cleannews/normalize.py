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
from collections.abc import Iterable, Iterator
from itertools import chain, islice

import regex

__all__ = [
    "fold",
    "fold_each",
    "fold_lines",
    "fold_tokens",
    "has_mojibake_hint",
    "normalize_line",
    "normalize_lines",
    "normalized_blocks",
    "raw_blocks",
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
# Lines taken at a time by ``fold_each``: a list of this many references (32 KB), the
# calls per batch then weigh nothing beside those per block of ``BLOCK_CHARS``.
FOLD_BATCH_LINES = 1 << 12
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
    """``normalize_line`` of every line of ``text`` (``split_lines``)."""
    out: list[str] = []
    for block in normalized_blocks(text):
        out += block
    return out


def normalized_blocks(text: str) -> Iterator[list[str]]:
    """``normalize_lines`` of ``text``, a block of lines at a time (``_spans``), so that a
    reader can keep what it needs of a block before the next is made: no list of all the
    raw lines, nor of all the normalised ones, is made (a million tiny lines: ~50 bytes a
    line for each such list, over 10 times the input). A run of short lines is normalised
    in one pass, its line breaks made LF, which no step removes or adds and across which
    NFC never composes, and split on it again."""
    for start, end, long in _spans(text):
        if long:
            yield [_normalize_long_line(text, start, end)]
            continue
        run = text[start:end]
        if "\r" in run:
            run = _LINE_BREAK.sub("\n", run)
        lines = _normalize_block(run)
        if run.endswith("\n"):  # a final line break ends the last line (``split_lines``)
            lines.pop()
        yield lines


def raw_blocks(text: str) -> Iterator[list[str]]:
    """``split_lines`` of ``text``, a block of lines at a time (``_spans``)."""
    for start, end, long in _spans(text):
        yield [text[start:end]] if long else split_lines(text[start:end])


def _spans(text: str) -> Iterator[tuple[int, int, bool]]:
    """``text`` cut into consecutive spans ``(start, end, long)``, without copying it: a run
    of whole lines of at most ``BLOCK_CHARS`` characters, with their line breaks, or
    (``long``) one line that a block cannot hold, without its break (read a piece at a
    time: ``_pieces``)."""
    pos, size = 0, len(text)
    while pos < size:
        window = pos + BLOCK_CHARS
        if window >= size:
            yield pos, size, False
            return
        cut = max(text.rfind("\n", pos, window), text.rfind("\r", pos, window))
        if cut >= 0:
            end = cut + 2 if text.startswith("\r\n", cut) else cut + 1
            yield pos, end, False
            pos = end
            continue
        brk = _LINE_BREAK.search(text, window)
        end = size if brk is None else brk.start()
        yield pos, end, True
        pos = size if brk is None else brk.end()


def _normalize_long_line(text: str, start: int, end: int) -> str:
    """The line ``text[start:end]`` normalised a piece at a time (see ``_pieces``): every
    step is local to a run between spaces, and the pieces are joined by the one space that
    folds the run of white space at each cut."""
    pieces = (_normalize_block(piece)[0] for piece in _pieces(text, start, end))
    return " ".join(filter(None, pieces))


def _normalize_block(joined: str) -> list[str]:
    if not joined.isascii() or _ASCII_CONTROL.search(joined):
        joined = _INVISIBLE.sub("", joined)
        if _SURROGATE.search(joined):
            joined = _SURROGATE.sub("", joined)
        if "\u200c" in joined or "\u200d" in joined:  # after the deletions: final neighbours
            joined = _STRAY_JOINER.sub("", joined)
        if not unicodedata.is_normalized("NFC", joined):
            joined = _stray_joiners_composed(unicodedata.normalize("NFC", joined))
    return [" ".join(line.split()) for line in joined.split("\n")]


def _stray_joiners_composed(text: str) -> str:
    """``text`` (NFC) without the joiners that composing made stray: a combining mark
    between a joiner and a letter composes into the letter ('l' U+0331 ZWJ -> 'ḻ' ZWJ), and
    the joiner then stands next to a Latin letter. Such joiners go, and what their removal
    brings together is composed, until nothing changes (each round removes a joiner), so
    that normalising the result again changes nothing (found by the core's fuzz target)."""
    while "\u200c" in text or "\u200d" in text:
        again = _STRAY_JOINER.sub("", text)
        if again == text:
            break
        text = unicodedata.normalize("NFC", again)
    return text


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


def _pieces(line: str, start: int = 0, end: int | None = None) -> Iterator[str]:
    """A long ``line`` (or its span ``line[start:end]``) cut into pieces of about
    ``BLOCK_CHARS`` characters, each cut just after a run of white space, so that no copy
    of the whole line and no list of all its words is made at once (a 10 MB line: a list
    of ~2 million strings). Every step of reading is local to a run between spaces: no
    token spans a space; lower-casing looks across none for a final sigma; NFC and NFKD
    never compose or reorder across one (a space is a starter that composes with nothing);
    the stray joiner test reads letters."""
    stop = len(line) if end is None else end
    while start < stop:
        space = _WHITE_SPACE.search(line, start + BLOCK_CHARS, stop)
        cut = stop if space is None else space.end()
        yield line[start:cut]
        start = cut


def has_mojibake_hint(text: str) -> bool:
    """Does ``text`` carry the signature of mojibake (then lines are repaired one by one)?"""
    return not text.isascii() and _MOJIBAKE_HINT.search(text) is not None


def fold_lines(lines: list[str], words: dict[str, str] | None = None) -> list[tuple[str, ...]]:
    """``fold_tokens`` of every line, done a block of lines at a time (lines hold no breaks).

    A word that recurs is one string object, the one kept in ``words`` (a page repeats its
    words: memory per token is then one pointer); a reader that folds a page in parts
    passes the same ``words`` to every call."""
    shared = ({} if words is None else words).setdefault
    find = _TOKEN.findall
    out: list[tuple[str, ...]] = []
    for block in _blocks(lines):
        if _is_long_line(block):  # a piece at a time (``_pieces``), into the tuple directly
            pieces = map(fold_tokens, _pieces(block[0]))
            out.append(tuple(chain.from_iterable(map(shared, t, t) for t in pieces)))
            continue
        low = _folded("\n".join(block))
        out += [tuple(map(shared, toks, toks)) for toks in map(find, low.split("\n"))]
    return out


def fold_each(lines: Iterable[str]) -> Iterator[tuple[str, tuple[str, ...]]]:
    """Each line of ``lines`` with its ``fold_tokens`` as a tuple, folded a batch of lines
    at a time (``fold_lines``) with one string a word for them all. Lines are taken as they
    come: no list of them all is made (a reader passes the keys of its dict of lines)."""
    words: dict[str, str] = {}
    rest = iter(lines)
    while batch := list(islice(rest, FOLD_BATCH_LINES)):
        yield from zip(batch, fold_lines(batch, words), strict=True)


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
