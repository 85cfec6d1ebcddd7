"""Input normalisation: bytes to text, mojibake, line breaks, and the folded matching key.

Line numbers everywhere in cleannews refer to ``str.splitlines()`` of the decoded input,
so a decision can always be traced back to the line a user sees in an editor.
"""

from __future__ import annotations

import unicodedata

import regex

__all__ = [
    "fold",
    "fold_tokens",
    "normalize_line",
    "repair_text",
    "romanian_comma_letters",
    "split_lines",
    "to_text",
]

# Letters that NFKD does not decompose into base + mark, folded by hand for matching.
_FOLD_EXTRA = str.maketrans(
    {"ß": "ss", "đ": "d", "Đ": "d", "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "æ": "ae",
     "œ": "oe", "ı": "i", "þ": "th", "ð": "d"}
)
_RO_COMMA = str.maketrans({"ş": "ș", "ţ": "ț", "Ş": "Ș", "Ţ": "Ț"})
_TOKEN = regex.compile(r"[\p{L}\p{N}]+")
# Whitespace runs (Unicode spaces included), and invisible format characters.
_SPACES = regex.compile(r"[\s\p{Zs}]+")
_INVISIBLE = regex.compile(r"[\p{Cf}\p{Cc}]")


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
            pass
        from charset_normalizer import from_bytes  # only for non-UTF-8 input

        best = from_bytes(raw).best()
        return str(best) if best is not None else raw.decode("utf-8", errors="replace")
    raise TypeError(f"cleannews expects str or bytes, not {type(data).__name__}")


def repair_text(text: str) -> str:
    """Repair mojibake ("Ã®" for "î") with ftfy, only when ftfy's badness check flags it.

    Quotes, ligatures and line breaks are left as they are: the output must be made of
    the input's own lines.
    """
    if text.isascii():
        return text
    from ftfy import TextFixerConfig, fix_text
    from ftfy.badness import is_bad

    if not is_bad(text):
        return text
    cfg = TextFixerConfig(
        unescape_html=False,
        uncurl_quotes=False,
        fix_latin_ligatures=False,
        fix_character_width=False,
        fix_line_breaks=False,
        normalization="NFC",
        explain=False,
    )
    return str(fix_text(text, cfg))


def split_lines(text: str) -> list[str]:
    """The input's lines, as ``str.splitlines`` cuts them (CR, LF, CRLF, U+2028, ...)."""
    return text.splitlines()


def normalize_line(line: str) -> str:
    """One line as it appears in the output: NFC, invisible characters gone, spaces folded.

    Lone surrogates (which Python strings allow but UTF-8 cannot carry) are dropped.
    """
    if not line.isascii():
        line = _INVISIBLE.sub("", line)
        if not unicodedata.is_normalized("NFC", line):
            line = unicodedata.normalize("NFC", line)
        if any("\ud800" <= ch <= "\udfff" for ch in line):
            line = "".join(ch for ch in line if not "\ud800" <= ch <= "\udfff")
        return _SPACES.sub(" ", line).strip()
    return " ".join(line.split())


def romanian_comma_letters(line: str) -> str:
    """Romanian cedilla letters (legacy encodings) to the correct comma-below letters."""
    return line.translate(_RO_COMMA)


def fold(text: str) -> str:
    """The matching key: lower case, no diacritics, word tokens joined by one space.

    "Citește și:", "Citeşte si", "CITESTE SI" all fold to "citeste si".
    """
    return " ".join(fold_tokens(text))


def fold_tokens(text: str) -> list[str]:
    low = text.lower()
    if not low.isascii():
        low = unicodedata.normalize("NFKD", low.translate(_FOLD_EXTRA))
        low = "".join(ch for ch in low if not unicodedata.combining(ch))
    return _TOKEN.findall(low)
