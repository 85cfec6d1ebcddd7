"""Language data: phrase lists, metadata labels, month names and stop lists.

The data lives in files (``langdata/``, and jusText's stop lists), not in code. It is read
on first use and kept as immutable, folded look-up tables; ``load_lexicon`` memoises the
result per set of extra phrase files, so every thread and call shares one read-only copy.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING

from .normalize import fold

if TYPE_CHECKING:
    if sys.version_info >= (3, 11):
        from importlib.resources.abc import Traversable
    else:
        from importlib.abc import Traversable

__all__ = [
    "BLOCK_FAMILIES",
    "LINE_FAMILIES",
    "METADATA_SECTIONS",
    "VOTE_BITS",
    "Lexicon",
    "PhraseIndex",
    "PhraseMatch",
    "load_lexicon",
    "parse_sections",
]

# Families whose heading opens a block of clutter (a list follows the heading).
BLOCK_FAMILIES = frozenset(
    {"most_read", "read_also", "partners", "editors_picks", "latest_news", "author_bio"}
)
# Families that remove one line.
LINE_FAMILIES = frozenset(
    {"follow", "ad", "comments", "navigation", "cookie", "copyright", "empty_label", "embed"}
)
# Bits per language in a packed vote count: counts up to 65,535, above the tokens that
# ``language.MAX_TOKENS`` lets one identification read; 16 bits so that the counts unpack
# as an array of unsigned shorts (one C call instead of a shift per language).
VOTE_BITS = 16
_PREFIX_MARK = " ..."
METADATA_SECTIONS = frozenset(
    {
        "caption",
        "credit_agency",
        "byline",
        "source",
        "date_label",
        "news_agency",
        "portrait",
    }
)


@dataclass(frozen=True, slots=True)
class PhraseMatch:
    family: str
    whole_line: bool  # the line is the phrase (a heading), not a line that starts with it


@dataclass(frozen=True)
class PhraseIndex:
    """Folded phrases: whole-line phrases and line prefixes, each mapped to its family."""

    exact: Mapping[str, str]
    prefix: Mapping[str, str]
    prefix_lengths: tuple[int, ...]  # word counts that prefix entries have, longest first
    prefix_heads: frozenset[str]  # first words of prefix entries

    def match(self, key: str, tokens: tuple[str, ...]) -> PhraseMatch | None:
        """The family of a line given its folded key and tokens: one dict look-up for the
        whole line, then, when its first word starts some prefix entry, one per prefix
        length that an entry has."""
        family = self.exact.get(key)
        if family is not None:
            return PhraseMatch(family, True)
        if not tokens or tokens[0] not in self.prefix_heads:
            return None
        ends: list[int] = []  # ends[n - 1]: length of the key's first n tokens
        pos = -1
        for tok in tokens[: self.prefix_lengths[0]]:
            pos += len(tok) + 1
            ends.append(pos)
        for n in self.prefix_lengths:
            if n <= len(ends):
                family = self.prefix.get(key[: ends[n - 1]])
                if family is not None:
                    return PhraseMatch(family, n == len(tokens))
        return None


@dataclass(frozen=True)
class Lexicon:
    phrases: PhraseIndex
    metadata: Mapping[str, frozenset[str]]  # section -> folded entries
    months: Mapping[str, int]  # folded month name or abbreviation -> 1..12
    stopwords: Mapping[str, frozenset[str]]  # language code -> folded stop words
    # Language identification (``language.detect_language``): a folded stop word -> its
    # votes, one counter of ``VOTE_BITS`` bits per language in one integer (the language
    # of slot k is ``vote_codes[k]``), so that adding up the votes of a text is a sum of
    # integers. Single letters and numbers say nothing about the language: left out.
    stop_votes: Mapping[str, int]
    vote_codes: tuple[str, ...]
    # The folded words that end a comment's attribution line ('says', 'sagt', 'dit'):
    # ``langdata/comment_thread.tsv``, read by ``rules.threads``.
    says_words: frozenset[str]
    # Language codes whose numeric dates put the month first (03/04/2025 is March 4):
    # ``langdata/date_order.tsv``.
    month_first: frozenset[str]
    # Labels that can stand with no value ("Data publicării:"): empty_label phrases and
    # the date, byline and source labels.
    empty_labels: frozenset[str]
    # First tokens of every metadata entry: a line whose first token is not here has no
    # label, which one set look-up settles for most lines.
    label_heads: frozenset[str]

    def meta(self, section: str) -> frozenset[str]:
        return self.metadata.get(section, frozenset())


def parse_sections(lines: Iterable[str], where: str) -> Iterator[tuple[str, str, int]]:
    """(section, entry, line number) for a ``[section]``-headed data file; strict."""
    section = ""
    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1].strip()
            continue
        if not section:
            raise ValueError(f"{where}:{number}: entry before any [section] heading")
        yield section, line, number


def _phrase_entries(text: str, where: str) -> Iterator[tuple[str, str, bool]]:
    for family, entry, number in parse_sections(text.splitlines(), where):
        if family not in BLOCK_FAMILIES | LINE_FAMILIES:
            raise ValueError(f"{where}:{number}: unknown phrase family [{family}]")
        is_prefix = entry.endswith(_PREFIX_MARK)
        key = fold(entry[: -len(_PREFIX_MARK)] if is_prefix else entry)
        if not key:
            raise ValueError(f"{where}:{number}: entry {entry!r} has no letters or digits")
        yield family, key, is_prefix


def _data_dir() -> Traversable:
    return resources.files("cleannews") / "langdata"


def _build_phrases(extra_files: tuple[str, ...]) -> PhraseIndex:
    exact: dict[str, str] = {}
    prefix: dict[str, str] = {}
    sources: list[tuple[str, str]] = []
    phrase_dir = _data_dir() / "phrases"
    if phrase_dir.is_dir():
        for item in sorted(phrase_dir.iterdir(), key=lambda p: p.name):
            if item.name.endswith(".txt"):
                sources.append((f"phrases/{item.name}", item.read_text(encoding="utf-8")))
    for path in extra_files:
        sources.append((path, Path(path).read_text(encoding="utf-8")))
    for where, text in sources:
        for family, key, is_prefix in _phrase_entries(text, where):
            (prefix if is_prefix else exact).setdefault(key, family)
    lengths = tuple(sorted({k.count(" ") + 1 for k in prefix}, reverse=True)) or (0,)
    heads = frozenset(k.split(" ", 1)[0] for k in prefix)
    return PhraseIndex(MappingProxyType(exact), MappingProxyType(prefix), lengths, heads)


def _build_metadata() -> Mapping[str, frozenset[str]]:
    path = _data_dir() / "metadata.txt"
    table: dict[str, set[str]] = {}
    if path.is_file():
        text = path.read_text(encoding="utf-8")
        for section, entry, number in parse_sections(text.splitlines(), "metadata.txt"):
            if section not in METADATA_SECTIONS:
                raise ValueError(f"metadata.txt:{number}: unknown section [{section}]")
            table.setdefault(section, set()).add(fold(entry))
    return MappingProxyType({k: frozenset(v) for k, v in table.items()})


def _tsv_rows(name: str, header: str) -> Iterator[tuple[int, list[str]]]:
    """The data rows of ``langdata/<name>`` (line number, columns): a header row, then
    tab-separated rows of as many columns; blank lines and '#' comments are skipped."""
    columns = header.count("\t") + 1
    text = (_data_dir() / name).read_text(encoding="utf-8")
    for number, row in enumerate(text.splitlines(), start=1):
        if not row.strip() or row.startswith("#") or row == header:
            continue
        cols = row.split("\t")
        if len(cols) != columns:
            raise ValueError(f"{name}:{number}: expected {header.replace(chr(9), '<TAB>')}")
        yield number, cols


def _build_months() -> Mapping[str, int]:
    months: dict[str, int] = {}
    for number, (_lang, month, name) in _tsv_rows("months.tsv", "lang\tmonth\tname"):
        if not month.strip().isdigit():
            raise ValueError(f"months.tsv:{number}: the month is a number 1-12")
        key = fold(name)
        if key:
            months.setdefault(key, int(month))
    return MappingProxyType(months)


def _build_stopwords() -> Mapping[str, frozenset[str]]:
    table = (_data_dir() / "languages.tsv").read_text(encoding="utf-8").splitlines()
    codes = dict(row.split("\t") for row in table if row and not row.startswith(("#", "justext\t")))
    stop_dir = resources.files("justext") / "stoplists"
    out: dict[str, frozenset[str]] = {}
    for name, code in codes.items():
        if code == "simple":  # Simple English duplicates English
            continue
        path = stop_dir / f"{name}.txt"
        if path.is_file():
            words = {fold(w) for w in path.read_text(encoding="utf-8").splitlines()}
            out[code] = frozenset(w for w in words if w)
    return MappingProxyType(out)


def _build_stop_votes(
    stopwords: Mapping[str, frozenset[str]],
) -> tuple[Mapping[str, int], tuple[str, ...]]:
    codes = tuple(sorted(stopwords))
    votes: dict[str, int] = {}
    for slot, code in enumerate(codes):
        one = 1 << (slot * VOTE_BITS)
        for word in stopwords[code]:
            if len(word) > 1 and not word.isdigit():
                votes[word] = votes.get(word, 0) | one
    # Most words are in one or a few lists: equal vote integers share one object.
    shared: dict[int, int] = {}
    # A plain dict behind the read-only ``Mapping`` type, unlike the other tables: every
    # token of a text is looked up here, and a proxy's look-up costs 40% more (scrapinghub:
    # 0.26 -> 0.18 ms/doc for the count). Nothing writes to it after this function.
    return {w: shared.setdefault(v, v) for w, v in votes.items()}, codes


def _build_says_words() -> frozenset[str]:
    words: set[str] = set()
    for number, (_lang, word) in _tsv_rows("comment_thread.tsv", "lang\tword"):
        if not fold(word):
            raise ValueError(f"comment_thread.tsv:{number}: the word folds to nothing")
        words.add(fold(word))
    return frozenset(words)


def _build_month_first() -> frozenset[str]:
    rows = _tsv_rows("date_order.tsv", "lang\torder")
    return frozenset(lang for _, (lang, order) in rows if order == "month_first")


@functools.lru_cache(maxsize=8)
def load_lexicon(extra_phrase_files: tuple[str, ...] = ()) -> Lexicon:
    """The language data, read once per distinct ``extra_phrase_files`` (immutable)."""
    stopwords = _build_stopwords()
    stop_votes, vote_codes = _build_stop_votes(stopwords)
    phrases = _build_phrases(extra_phrase_files)
    metadata = _build_metadata()
    empty = {k for k, family in phrases.exact.items() if family == "empty_label"}
    for section in ("date_label", "byline", "source"):
        empty |= metadata.get(section, frozenset())
    heads = {entry.split(" ", 1)[0] for entries in metadata.values() for entry in entries}
    return Lexicon(
        phrases=phrases,
        metadata=metadata,
        months=_build_months(),
        stopwords=stopwords,
        stop_votes=stop_votes,
        vote_codes=vote_codes,
        says_words=_build_says_words(),
        month_first=_build_month_first(),
        empty_labels=frozenset(empty),
        label_heads=frozenset(heads),
    )
