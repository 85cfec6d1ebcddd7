"""Shape rules: clutter recognised by its form, in any language."""

from __future__ import annotations

import regex

from ..features import Line
from ..lexicon import Lexicon
from .marks import Mark, mark

__all__ = [
    "ad_placeholder",
    "bare_url",
    "breadcrumb",
    "copyright_notice",
    "image_file_name",
    "is_embed_signature",
    "is_truncated",
    "list_marker",
    "lowercase_alt_text",
    "truncated_teaser",
]

# Image file names: "IMG_2034.jpg", "profimedia-0975326545", "URMARI_EXPLOZIE_39_INQUAM_...".
_FILE_EXT = regex.compile(r"\.(?:jpe?g|png|gif|webp|avif|bmp|tiff?|svg)$", regex.IGNORECASE)
_ID_SUFFIX = regex.compile(r"^[\p{L}]{2,30}[-_]\d{5,}$")
_UNDERSCORED = regex.compile(r"^[\p{L}\p{N}]{1,40}(?:_[\p{L}\p{N}]{1,40}){2,30}$")
_URL_LINE = regex.compile(
    r"^(?:https?://|www\.)\S{1,2000}$|^[\w-]{1,63}(?:\.[\w-]{1,63}){1,5}/\S{0,2000}$"
)
_PLACEHOLDER = regex.compile(r"^\[[^\[\]\s]{1,40}\]$")
_LIST_MARKER = regex.compile(r"^(?:#?\d{1,3}[.)]?|[•·▪◦●■□►▶*\-–—]|\(\d{1,3}\))$")
_BREADCRUMB_SEP = regex.compile(r"\s[»›→>]\s|\s?[»›]\s?")
# The signature under an embedded post: '— Jane Doe (@janedoe) November 18, 2019'. Bounds:
# a display name (X: 50 characters) and the date's words, a handle (X: 15, Threads: 30).
# Measured: 17 such lines in 9 scrapinghub pages, all in the gold body (they were read as
# date lines); 3 in wcxb_dev, whose gold leaves them out.
_EMBED_SIGNATURE = regex.compile(r"^[—–-] ?[^()]{1,80} \(@\w{1,30}\) [^()]{1,40}\d$")
_COPYRIGHT = regex.compile(r"^(?:©|\(c\)\s|copyright\b|\u2117)", regex.IGNORECASE)

# "#123.", "(12)": the longest list marker.
LIST_MARKER_MAX_CHARS = 5
# File names are short (most file systems: 255 bytes); longer lines are not file names.
MAX_FILE_NAME_CHARS = 255
# The shortest image file name or id worth a regex ("a_b_c", "x.jpg").
MIN_FILE_NAME_CHARS = 5
# A file name used as alt text, with spaces: a caption-length line.
ALT_FILE_MAX_WORDS = 25
# A breadcrumb trail ends in a headline: a line of a few dozen words at most.
BREADCRUMB_MAX_WORDS = 40
# Breadcrumb trail: a short first crumb ("Home", "Prima pagină").
BREADCRUMB_FIRST_MAX_WORDS = 4
# Alt texts and teasers are short.
ALT_TEXT_MAX_WORDS = 8
TEASER_MIN_WORDS = 3
TEASER_MAX_WORDS = 40
COPYRIGHT_MAX_WORDS = 40


def image_file_name(line: Line, lexicon: Lexicon) -> Mark | None:
    """A line that is an image file name or a photo-agency id."""
    text = line.text
    if not MIN_FILE_NAME_CHARS <= len(text) <= MAX_FILE_NAME_CHARS:
        return None
    if " " in text:  # an alt text that is a file name: "Vindman at the hearing.jpeg"
        return (
            mark("image_name")
            if _FILE_EXT.search(text) and line.n_words <= ALT_FILE_MAX_WORDS
            else None
        )
    if _FILE_EXT.search(text) or _ID_SUFFIX.match(text) or _UNDERSCORED.match(text):
        return mark("image_name")
    return None


def lowercase_alt_text(line: Line, lexicon: Lexicon) -> Mark | None:
    """A short all-lower-case line with no punctuation: an image's alt text left in the
    page ('rubio si lavrov'). Only in scripts with letter case."""
    text = line.text
    if line.n_words > ALT_TEXT_MAX_WORDS or line.n_words < 2 or line.ends_sentence:
        return None
    if not text.islower() or not regex.fullmatch(r"[\p{Ll}\p{N} '’-]+", text):
        return None
    return mark("image_name")


def bare_url(line: Line, lexicon: Lexicon) -> Mark | None:
    """A bare URL on its own line: an embed that did not render."""
    text = line.text
    return mark("embed") if " " not in text and "/" in text and _URL_LINE.match(text) else None


def ad_placeholder(line: Line, lexicon: Lexicon) -> Mark | None:
    """A template slot such as '[Anzeige_2]' or '[ad]'."""
    text = line.text
    return mark("ad") if text[0] == "[" and _PLACEHOLDER.match(text) else None


def list_marker(line: Line, lexicon: Lexicon) -> Mark | None:
    """A bare list number or bullet ('1', '2.', '•')."""
    text = line.text
    return (
        mark("list_marker")
        if len(text) <= LIST_MARKER_MAX_CHARS and _LIST_MARKER.match(text)
        else None
    )


def breadcrumb(line: Line, lexicon: Lexicon) -> Mark | None:
    """'Prima pagină » Știri » <headline>', 'Home > News > Politics'."""
    text = line.text
    if line.n_words > BREADCRUMB_MAX_WORDS:
        return None  # a paragraph, or a whole page on one line, that quotes a '»'
    if "»" not in text and "›" not in text and " > " not in text and " → " not in text:
        return None
    parts = _BREADCRUMB_SEP.split(text)
    if len(parts) < 2:
        return None
    first = parts[0].split()
    if "»" not in line.text and "›" not in line.text and len(parts) < 3:
        return None
    return mark("breadcrumb") if 0 < len(first) <= BREADCRUMB_FIRST_MAX_WORDS else None


def is_embed_signature(line: Line) -> bool:
    """The signature under an embedded post (X/Twitter, Threads): a dash, the author's name
    and handle, the post's date. Part of the quoted post, not the article's date line."""
    return line.text[0] in "—–-" and _EMBED_SIGNATURE.match(line.text) is not None


def copyright_notice(line: Line, lexicon: Lexicon) -> Mark | None:
    """'© 2025 Example Media', 'Copyright 2024 ...'."""
    first = line.text[0]
    if first not in "©(cC℗" or line.n_words > COPYRIGHT_MAX_WORDS:
        return None
    if _COPYRIGHT.match(line.text):
        return mark("copyright")
    return None


def is_truncated(line: Line) -> bool:
    """Cut off with '...' mid-word or mid-sentence: a letter or digit right before the
    dots, and at least ``TEASER_MIN_WORDS`` words."""
    core = line.text.rstrip(" .…")
    return line.ends_ellipsis and line.n_words >= TEASER_MIN_WORDS and core[-1:].isalnum()


def truncated_teaser(line: Line, lexicon: Lexicon) -> Mark | None:
    """A headline cut off with '...' mid-sentence (teasers of other articles); weak.
    (A run of them, at any length, is a teaser list: ``blocks.teaser_runs``.)"""
    if line.n_words > TEASER_MAX_WORDS or not is_truncated(line):
        return None
    return mark("teaser", weak=True)
