"""Metadata lines: each function looks at one line and says whether it is a date line, a
byline, a caption or credit, a source line or a sponsored marker, and what value it holds."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import regex

from ..features import Line
from ..lexicon import Lexicon
from ..normalize import fold, fold_tokens
from .agency import cut_dateline
from .dates import DateHit, find_dates
from .title import TITLE_MAX_WORDS

__all__ = [
    "MetaHit",
    "bare_name",
    "byline",
    "caption",
    "date_line",
    "dateline",
    "labels_a_byline",
    "portrait",
    "source_line",
    "sponsored",
]


@dataclass(frozen=True, slots=True)
class MetaHit:
    rule: str  # a metadata rule name from the catalogue
    value: tuple[str, ...] = ()  # authors, the ISO date, the source URL, ...
    title: str | None = None  # a headline found on a date line (date + title + date)
    authors: tuple[str, ...] = ()  # a byline found on a date line ("May 19, 2024 by X")
    weak: bool = False  # a name alone on a line: an author only when no byline names one
    # Names beside a date with no byline label ("Zach Lezberg | May 22, 2025"): authors only
    # when no byline names one, as a name alone on a line.
    named: tuple[str, ...] = ()


# A date line may carry a few words besides the date ("Live TV", "Actualizat", "|").
DATE_LINE_MAX_OTHER_WORDS = 4
# A byline names at most this many words after its label ("By Jane Doe and John Roe").
BYLINE_MAX_WORDS = 10
# A caption/credit line before or after its label: captions are one or two sentences.
CAPTION_MAX_WORDS = 45
CREDIT_MAX_WORDS = 12
# A caption that closes with its photo credit in brackets ('... in Shanghai, China. (Photo by
# Zhao Yun/VCG via Getty Images)', '(Image: GETTY)', '(Credit: iStock)') is a caption at any
# length up to this: Getty's captions run to 116 words in the dev corpora. Lines closing
# with such a credit: scrapinghub 46 on 14 pages, wcxb_dev 22 on 4, ro_news_dev 0; in a
# gold body 2, both the credit alone ('(Image credit: All About Space)', space.com).
CLOSING_CREDIT_MAX_WORDS = 150
# A credit line without a '/' separator names the agency and little else ("Pixabay",
# "Foto Facebook", "AFP / Getty" has one).
CREDIT_ALONE_MAX_WORDS = 4
# A caption label ("Colaj foto", "Ảnh minh họa") stands in this many characters before its colon.
LABEL_MAX_CHARS = 30
# A name alone on a line: two to four words ('Taya Iv', 'Ana-Maria Tapescu').
BARE_NAME_WORDS = (2, 4)
# A byline label inside a date line opens its piece when at most this many words stand
# before it ('by X on', 'Author Posted by X on'); only then (or after a sentence's end:
# 'By X on') do the names end at a lower-case word, not in 'The bill was passed by
# Congress on May 3'. wcxb_dev authors: any position 296 of 616, 2 words 295, 1 word 294.
LABEL_LEAD_WORDS = 2
# Byline words that introduce a name inside a date line in any case ("By X | May 19").
_BY_WORDS = frozenset({"by", "von", "par", "por", "przez"})
# Those of them that a scraper glues to the name ('ByKathryn GiuffridaMar 5, 2025'): not
# 'von', a particle inside names ('VonDerHeide'). wcxb_dev authors 303 -> 310 of 616.
_GLUED_BY_WORDS = ("by", "par", "por", "przez")
# A dateline alone on its line: a place, a date, the agency.
DATELINE_MAX_WORDS = 8
# A headline found beside a date has at least this many words (one word fewer than a
# free-standing headline: the date makes the line's role clear); at most title.py's maximum.
DATE_TITLE_MIN_WORDS = 3

_URL = regex.compile(r"https?://\S{1,2000}|www\.\S{1,2000}")
# What separates two names. Both alternatives start where the search does (\G: the end of
# the previous match) or at the first space of a run (or with no space), possessively:
# tried from every space of a run that no separator or joining word follows, '\s*[,;&|]'
# and '\s+(?:and|...)' scanned to the run's end each time, quadratic in the run
# (benchmarks/regex_audit.py: 2,000 spaces 0.39 s, 8,000 6.0 s in split; now 1,000,000
# in 0.09 s). The same splits: from inside a run they match only if they match from the
# run's first space at or after the search's start, which comes first.
_NAME_SPLIT = regex.compile(
    r"(?:\G|(?<!\s))\s*+(?:,|;|&|\|)\s*(?:(?:and|și|und|et|y|e)\s+)?"
    r"|(?:\G|(?<!\s))\s++(?:and|și|si|şi|und|e|y|et|i|és|và|en|og|och|a)\s+",
    regex.IGNORECASE,
)
# A name: capitalised words (initials such as "M." included: a capital and its dot),
# joined by single spaces or particles. No two alternatives match the same text, so a
# failing match cannot backtrack through combinations.
_NAME = regex.compile(
    r"^\p{Lu}[\p{L}'’.-]*(?:\s{1,2}(?:\p{Lu}[\p{L}'’.-]*|(?:de|da|van|von|der|di|del|la|le|bin|al|-)(?=\s)))*$"
)
# Lower-case words that a run of names may hold: particles ('Ludwig van Beethoven') and the
# words that join two names ('Jane Doe and John Roe', as in _NAME_SPLIT and _NAME). Any
# other lower-case word ends the names: 'By Alyssa Maio on January 21, 2023', 'By
# MixmasterFred in WorkshopWoodworking', 'Posted by BeauHD on Friday December 19, 2025'.
_NAME_PARTICLES = frozenset({"de", "da", "van", "von", "der", "di", "del", "la", "le", "bin", "al"})
_NAME_JOINERS = frozenset(
    {"and", "și", "si", "şi", "und", "e", "y", "et", "i", "és", "và", "en", "og", "och", "a"}
)
# Matchers for "the first n word tokens" (labels have at most 3 words).
_FIRST_TOKENS = tuple(
    regex.compile(
        r"^[^\p{L}\p{N}]{0,10}(?:[\p{L}\p{N}]+[^\p{L}\p{N}]{0,10}?){"
        + str(n)
        + r"}(?=[^\p{L}\p{N}]|$)"
    )
    for n in range(4)
)
# A single token that is a file name or an agency photo id: not a credit line.
_FILE_EXTENSIONS = (".jpg", ".jpeg", ".png", ".gif", ".webp")
_LONG_NUMBER = regex.compile(r"\d{5}")
_DIGIT = regex.compile(r"\d")
_INITIAL_END = regex.compile(r"(?:^|[\s.])\p{Lu}\.$")
_LABEL_SEP = regex.compile(r"^\s*[:：\-–—|]?\s*")
# A closing credit: '(<label>: <credit>)' or '(<label> by <credit>)' ending the line.
_CLOSING_CREDIT = regex.compile(
    r"\((?P<label>[^():]{1,30}?)(?:\s?:|\s(?:by|von|par|por|de|di|door)\s)[^()]{1,120}\)\W{0,3}$"
)
_EDGE_PUNCT = " |-–—:·•,;/"
# A word right before a colon ('Reviewed By:', 'Autor:'): a byline label when it is one.
_WORD_BEFORE_COLON = regex.compile(r"(\p{L}{1,30})\s?[:：]")
# What ends the names of a byline and starts another field on the same line ('Jason Rostar |
# SEO | 8 min Read'): wcxb_dev authors 266 -> 270 of 616, no page lost.
_FIELD_SPLIT = regex.compile(r"[|•·—]| [–-] ")


def date_line(
    line: Line, lexicon: Lexicon, year_hint: int | None, month_first: bool = False
) -> MetaHit | None:
    """A line that is a date (with a label, a time, a few words), or date + headline;
    ``month_first`` reads 03/04/2025 as March 4."""
    hits = find_dates(line.text, lexicon.months, year_hint, month_first)
    if not hits or _URL.search(line.text):
        return None  # a date inside a URL is not a date line ("Source: https://.../2025-02-15/")
    labels = lexicon.meta("date_label")
    pieces: list[str] = []
    cursor = 0
    for h in hits:
        pieces.append(line.text[cursor : h.start])
        cursor = h.end
    pieces.append(line.text[cursor:])
    rest = [p.strip(_EDGE_PUNCT) for p in pieces]
    rest = [_strip_labels(p, labels) for p in rest if p]
    rest = [p for p in rest if p]
    authors = tuple(a for piece in rest for a in _names_after_label(piece, lexicon))
    if authors:  # "Published August 7, 2023 by Nicole Burke", "by Karina Cohen | May 19, 2024"
        return MetaHit("date", (_most_precise(hits),), authors=authors)
    other_words = sum(len(fold_tokens(p)) for p in rest)
    iso = _most_precise(hits)
    if other_words <= DATE_LINE_MAX_OTHER_WORDS:
        return MetaHit("date", (iso,), named=_names_beside(rest, lexicon))
    if line.ends_sentence:
        return None  # a sentence that mentions a date
    longest = max(rest, key=len)
    title_words = len(fold_tokens(longest))
    if (
        DATE_TITLE_MIN_WORDS <= title_words <= TITLE_MAX_WORDS
        and other_words - title_words <= DATE_LINE_MAX_OTHER_WORDS
    ):
        return MetaHit("date", (iso,), title=longest)
    return None


def _names_beside(pieces: list[str], lexicon: Lexicon) -> tuple[str, ...]:
    """The fields of a date line's other words that read as a person's name ('Zach
    Lezberg | May 22, 2025', '2025-12-17·Trond Teigen')."""
    fields = (f.strip() for p in pieces for f in _FIELD_SPLIT.split(p))
    return tuple(
        f
        for f in fields
        if BARE_NAME_WORDS[0] <= len(f.split()) <= BARE_NAME_WORDS[1]
        and _person_name(f, fold_tokens(f), lexicon) is not None
    )


def _most_precise(hits: list[DateHit]) -> str:
    """The first date, with its time when another reading of the same day has one."""
    return max((h.iso for h in hits if h.iso[:10] == hits[0].iso[:10]), key=len)


def _names_after_label(piece: str, lexicon: Lexicon) -> tuple[str, ...]:
    """Names after a byline label inside a piece of a date line: 'by Nicole Burke'; after
    a label that opens the piece or a sentence, the names before a lower-case word ('Posted
    by BeauHD on Friday', '... Canada. By Lisa Jennings on'; not 'The budget was passed by
    Congress on')."""
    words = [part for word in piece.split() for part in _unglued(word)]
    labels = lexicon.meta("byline")
    for i, word in enumerate(words[:-1]):
        if (fold(word) in labels and word[:1].islower()) or fold(word) in _BY_WORDS:
            names = " ".join(words[i + 1 : i + 1 + BYLINE_MAX_WORDS])
            opens = i <= LABEL_LEAD_WORDS or word[:1].isupper()
            names = (_names_head(names) if opens else names).strip(_EDGE_PUNCT)
            found = [n.strip() for n in _NAME_SPLIT.split(names) if n and n.strip()]
            if found and all(_NAME.match(n) for n in found):
                return tuple(found)
    return ()


def _names_head(text: str) -> str:
    """``text`` up to its first lower-case word that is neither a particle nor a joiner."""
    words = text.split()
    for k, word in enumerate(words):
        if word[:1].islower() and word not in _NAME_PARTICLES and word not in _NAME_JOINERS:
            return " ".join(words[:k])
    return text


def _unglued(word: str) -> tuple[str, ...]:
    """A byline word glued to the name after it by a scraper that dropped the space
    ('ByKathryn' -> 'By', 'Kathryn'); not a name particle ('DeSantis', 'VonDerHeide')."""
    for by in _GLUED_BY_WORDS:
        k = len(by)
        glued = len(word) > k + 1 and word[k].isupper() and word[k - 1].islower()
        if glued and word[:k].lower() == by:
            return (word[:k], word[k:])
    return (word,)


def bare_name(line: Line, lexicon: Lexicon) -> MetaHit | None:
    """A person's name alone on a line ('Taya Iv', 'Cristina Petrache'): a byline when it
    stands between the title and the body (the caller checks the position)."""
    if not BARE_NAME_WORDS[0] <= line.n_words <= BARE_NAME_WORDS[1]:
        return None
    name = _person_name(line.text.rstrip("."), line.tokens, lexicon)
    return MetaHit("byline", (name,), weak=True) if name is not None else None


def _person_name(text: str, tokens: Sequence[str], lexicon: Lexicon) -> str | None:
    """``text`` when it reads as a person's name: capitalised words, no digit, no interface
    word ('Live TV', 'Digi Sport')."""
    if any(ch.isdigit() for ch in text) or not _NAME.match(text):
        return None
    exact = lexicon.phrases.exact
    if " ".join(tokens) in exact or any(t in exact for t in tokens):
        return None
    return text


def portrait(line: Line, lexicon: Lexicon) -> MetaHit | None:
    """The alt text of an author's photo: 'Picture of Andrew King', 'Headshot of Liz Kenny'
    (a name given twice, 'Picture of Adam Hamilton Adam Hamilton', once): a weak byline."""
    if not line.tokens or line.tokens[0] not in lexicon.label_heads:
        return None
    n = _label_prefix(line.tokens, lexicon.meta("portrait"))
    if not n or not BARE_NAME_WORDS[0] <= line.n_words - n <= 2 * BARE_NAME_WORDS[1]:
        return None
    words = _after_label(line.text, n).split()
    half = len(words) // 2
    if len(words) % 2 == 0 and words[:half] == words[half:]:
        words = words[:half]
    if not BARE_NAME_WORDS[0] <= len(words) <= BARE_NAME_WORDS[1]:
        return None
    name = _person_name(" ".join(words), line.tokens[n:], lexicon)
    return MetaHit("byline", (name,), weak=True) if name is not None else None


def _strip_labels(piece: str, labels: frozenset[str]) -> str:
    """Drop date labels ("Publicat", "Data publicării:", "date") at the edges of a piece."""
    words = piece.split()
    changed = True
    while words and changed:
        changed = False
        for n in (3, 2, 1):
            if len(words) >= n and fold(" ".join(words[:n])) in labels:
                words = words[n:]
                changed = True
                break
            if len(words) >= n and fold(" ".join(words[-n:])) in labels:
                words = words[:-n]
                changed = True
                break
    return " ".join(words).strip(_EDGE_PUNCT)


def _label_prefix(tokens: tuple[str, ...], labels: frozenset[str]) -> int:
    """How many leading tokens form a label from ``labels`` (0 when none)."""
    for n in (3, 2, 1):
        if len(tokens) >= n and " ".join(tokens[:n]) in labels:
            return n
    return 0


def _after_label_raw(text: str, n_tokens: int) -> str:
    """The text right after the first ``n_tokens`` word tokens (separators kept)."""
    m = _FIRST_TOKENS[min(n_tokens, len(_FIRST_TOKENS) - 1)].match(text)
    return str(text[m.end() :]).lstrip(" ") if m else ""


def _after_label(text: str, n_tokens: int) -> str:
    """The text after the first ``n_tokens`` word tokens and any ':' / '-' separator."""
    return str(_LABEL_SEP.sub("", _after_label_raw(text, n_tokens), count=1)).strip()


def byline(line: Line, lexicon: Lexicon) -> MetaHit | None:
    """'Editor : M.I.', 'By Jane Doe and John Roe', 'De Ion Popescu', 'Autor: X'."""
    if not line.tokens or line.tokens[0] not in lexicon.label_heads:
        return None
    n = _label_prefix(line.tokens, lexicon.meta("byline"))
    if not n or line.n_words - n > BYLINE_MAX_WORDS or line.n_words == n:
        return None
    raw = _after_label_raw(line.text, n)
    if n == 1 and line.n_words == 2 and not raw.startswith((":", "：")):
        # 'By Industry', 'By Role': a menu's facets (38 such lines on 16 wcxb_dev pages, one
        # a byline: 'By Clay'), not 'Autor: admin' or 'Written by Kristin'.
        return None
    names_text = _after_label(line.text, n)
    first = _first_segment(names_text)
    if len(first) < len(names_text) and not find_dates(names_text[len(first) :], lexicon.months):
        names_text = first  # (a date after the names: the date line reads both)
    # Names end at a lower-case word, in a line that is not a sentence ('Reporter: Will
    # every school open on time?' names nobody).
    head = _names_head(names_text)
    if (
        len(head) < len(names_text)
        and not line.ends_sentence
        and not find_dates(names_text[len(head) :], lexicon.months)
    ):
        names_text = head
    names_text = names_text.rstrip()
    if names_text.endswith(".") and not _INITIAL_END.search(names_text):
        names_text = names_text[:-1]  # a sentence's full stop, not an initial's
    names = [s.strip() for s in _NAME_SPLIT.split(names_text) if s and s.strip()]
    if not names or not all(_NAME.match(s) for s in names):
        return None
    return MetaHit("byline", tuple(names))


def labels_a_byline(line: Line, lexicon: Lexicon) -> bool:
    """A line with a byline label before a colon ('Reviewed By: Mike Rebold, PhD, CSCS',
    'Edited by: Kristina Zagame'), even one whose names ``byline`` does not read: no
    headline. wcxb_dev: 5 such lines were chosen as the title, no gold title has one."""
    text = line.text
    if ":" not in text and "：" not in text:  # most lines: no regex pass
        return False
    labels = lexicon.meta("byline")
    return any(fold(m[1]) in labels for m in _WORD_BEFORE_COLON.finditer(text))


def _first_segment(text: str) -> str:
    """The names before a separator that starts the line's next field: 'Jason Rostar |
    SEO | 8 min Read', 'Jacob Trussell—10 min read', 'Jane Doe • 5 min'."""
    separator = _FIELD_SPLIT.search(text, 1)
    return text[: separator.start()] if separator is not None else text


def caption(line: Line, lexicon: Lexicon) -> MetaHit | None:
    """A photo caption or credit: 'Foto: X', '... Colaj foto: X', '(Foto: X) |', 'Ảnh: X',
    a caption closing with its credit in brackets ('... (Photo by X/Getty Images)'), or a
    short credit line naming a photo agency ('Inquam Photos / Octav Ganea')."""
    text = line.text
    labels = lexicon.meta("caption")
    if line.n_words <= CLOSING_CREDIT_MAX_WORDS and text.endswith((")", ").")):
        credit = _CLOSING_CREDIT.search(text)
        if credit is not None and fold(credit["label"]) in labels:
            return MetaHit("caption", (text,))
    if line.n_words > CAPTION_MAX_WORDS or (" " not in text and _is_file_name(text)):
        return None
    n = (
        _label_prefix(line.tokens, labels)
        if line.tokens and line.tokens[0] in lexicon.label_heads
        else 0
    )
    if n:
        after = _after_label_raw(text, n)
        # "Foto: X" / "Fot. PAP/X" / "Foto Lucian Alecu / Profimedia"; not "Fotos aus der
        # Region zeigen ... ." (a sentence that starts with the word).
        if after.startswith((":", ".", "：")) or (
            line.n_words <= CREDIT_MAX_WORDS and not line.ends_sentence
        ):
            return MetaHit("caption", (text,))
    if ":" in text and _labelled_tail(text, labels):
        return MetaHit("caption", (text,))
    if (
        ("/" in text or line.n_words <= CREDIT_ALONE_MAX_WORDS)
        and line.n_words <= CREDIT_MAX_WORDS
        and not line.ends_sentence
        and not _URL.search(text)
    ):
        credits = lexicon.meta("credit_agency")
        heads = lexicon.label_heads
        if any(t in heads for t in line.tokens) and any(
            g in credits for g in _ngrams(line.tokens, 3)
        ):
            return MetaHit("caption", (text,))
    return None


def _is_file_name(token: str) -> bool:
    """'dpa_5F9A6C00.jpg', 'GettyImages-2161234567', 'shutterstock_1234': a file name or an
    agency photo id (string tests and linear searches: no backtracking on a long token)."""
    underscore = token.find("_")
    return (
        token.lower().endswith(_FILE_EXTENSIONS)
        or _LONG_NUMBER.search(token) is not None
        or (underscore >= 0 and _DIGIT.search(token, underscore) is not None)
    )


def _labelled_tail(text: str, labels: frozenset[str]) -> bool:
    """Does the line end with '<label>: <credit>' ('... Colaj foto: Profimedia Images',
    '(Foto: Russisches Außenministerium) |')? The label is the one or two words before the
    last colon; the credit after it is short and has no other colon."""
    colon = text.rfind(":")
    before = fold_tokens(text[max(0, colon - LABEL_MAX_CHARS) : colon])
    if not before or not (
        before[-1] in labels or (len(before) > 1 and " ".join(before[-2:]) in labels)
    ):
        return False  # (the label first: it is the short piece, and rarely there)
    credit = fold_tokens(text[colon + 1 :])
    return 0 < len(credit) <= CREDIT_MAX_WORDS


def _ngrams(tokens: tuple[str, ...], longest: int) -> set[str]:
    return {
        " ".join(tokens[i : i + n])
        for n in range(1, longest + 1)
        for i in range(len(tokens) - n + 1)
    }


def source_line(line: Line, lexicon: Lexicon) -> MetaHit | None:
    """'Quelle: https://...', 'Sursa: Digi24', 'Source: Reuters'."""
    if not line.tokens or line.tokens[0] not in lexicon.label_heads:
        return None
    n = _label_prefix(line.tokens, lexicon.meta("source"))
    if not n or ":" not in line.text[:30] or _label_prefix(line.tokens, lexicon.meta("caption")):
        return None  # "Sursa foto: X" is a photo credit
    rest = _after_label(line.text, n)
    url = _URL.search(rest)
    if url is not None:
        return MetaHit("source", (url.group(0).rstrip(".,;)"),))
    if 0 < len(fold_tokens(rest)) <= CREDIT_MAX_WORDS:
        return MetaHit("source", ())
    return None


def dateline(line: Line, lexicon: Lexicon) -> MetaHit | None:
    """A dateline on a line of its own: 'BUCUREȘTI, 12 mai (Agerpres) -'."""
    if line.n_words > DATELINE_MAX_WORDS or ("(" not in line.text and "/" not in line.text):
        return None
    cut = cut_dateline(line.text, lexicon.meta("news_agency"), allow_empty=True)
    return MetaHit("agency", (cut[0],)) if cut is not None and not cut[1] else None


def sponsored(line: Line) -> MetaHit | None:
    """The sponsored-content marker '(P)' on a line of its own."""
    return MetaHit("sponsored") if line.text in ("(P)", "[P]", "(p)") else None
