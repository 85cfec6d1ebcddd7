"""Site profiles: the lines one source repeats on many of its pages, learned from a sample.

``learn(texts)`` counts, over the documents of one site, in how many documents each
normalised line occurs (once per document); a line that occurs in at least ``min_share`` of
the documents *and* in at least ``min_docs`` distinct documents is the site's boilerplate.
The core removes such a line as ``site_profile`` unless it reads as prose inside the
article body (``crates/cleannews-core/src/rules/site.rs``: the body heuristics veto). A
line is keyed here by the core's own functions (``_core.normalize_line``, ``fold_tokens``,
``profile_key``), so that the key learned is the key the core looks up.

Memory is bounded for any number of documents: the counts live in a ``LineCounter``, a
space-saving table (Metwally, Agrawal and El Abbadi 2005) of at most ``max_lines`` entries.
When the table is full, a new line replaces the entry with the smallest count and inherits
that count as its possible over-estimate (``error``). Its guarantees, with ``N`` the number
of (document, distinct line) pairs counted and ``m`` the table size:

- every line that occurs in more than ``N / m`` documents is in the table;
- a stored count over-estimates the true count by at most its ``error`` (itself <= ``N / m``).

``learn`` keeps a line only when its *guaranteed* count (count - error) reaches the
thresholds, so an eviction can make it miss a line (when ``N / m`` nears the threshold),
never learn one that the thresholds would reject. With ``L`` distinct lines per document
on average, ``N = L * documents`` and a line at share ``s`` is guaranteed a slot when
``m > L / s``: the default table (``MAX_TRACKED_LINES`` = 50,000) covers ``L`` up to 5,000
at the default share of 0.1, whatever the number of documents.
"""

from __future__ import annotations

import heapq
import json
import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import urlsplit

from . import _core
from .decode import to_text

__all__ = [
    "MAX_TRACKED_LINES",
    "MIN_DOCS",
    "MIN_SHARE",
    "MIN_WORDS",
    "PROFILE_VERSION",
    "Learner",
    "LineCounter",
    "LineSet",
    "Profile",
    "check_profile",
    "learn",
    "line_keys",
    "site_of_url",
]

# Format version of the saved JSON; ``Profile.load`` refuses other versions.
PROFILE_VERSION = 1
# A line is site boilerplate when at least this share of the site's documents has it.
# ro_news_dev (two sites, ~300 documents each): the site's own lines sit at 0.38-0.42
# ("Rămâi conectat la știrile care contează...", the section label "Politică"); staff
# authors' names at 0.01-0.10; photo credits at 0.01-0.02. A paragraph that several
# articles quote reaches 2-3 documents in 300 (< 0.01).
MIN_SHARE = 0.1
# ...and at least this many distinct documents, whatever the sample size: a quote shared
# by two or three articles (a press release, a statement) is never learned, and a
# profile learned from a handful of pages learns nothing.
MIN_DOCS = 5
# Lines of fewer word tokens are not counted: one word ("Politică", "Share") is too
# ambiguous with a subheading to learn from repetition alone.
MIN_WORDS = 2
# Entries of the counting table (see the module docstring for the bound it gives).
# 50,000 entries of a line key and two integers: about 10 MB at most.
MAX_TRACKED_LINES = 50_000


class LineSet(Protocol):
    """Anything that knows a set of profile keys (a learned ``Profile``)."""

    def __contains__(self, key: object) -> bool: ...


def line_keys(text: str | bytes, min_words: int = MIN_WORDS) -> set[str]:
    """The distinct profile keys of one document's lines with ``min_words`` or more words:
    the key the pipeline compares (``profile_key`` of the folded line)."""
    keys: set[str] = set()
    for raw in to_text(text).splitlines():
        tokens = _core.fold_tokens(_core.normalize_line(raw))
        if len(tokens) >= min_words:
            keys.add(_core.profile_key(" ".join(tokens)))
    return keys


@dataclass
class LineCounter:
    """A space-saving table: document counts of at most ``capacity`` lines (see module doc).

    Mutable, and owned by one ``learn`` call; never shared.
    """

    capacity: int = MAX_TRACKED_LINES
    # key -> [count, error]: ``count`` over-estimates the true count by at most ``error``.
    _entries: dict[str, list[int]] = field(default_factory=dict)
    # (count, key) of every entry; a count here may be stale (lower than the entry's):
    # a stale minimum is refreshed when it surfaces.
    _heap: list[tuple[int, str]] = field(default_factory=list)
    documents: int = 0
    pairs: int = 0  # (document, distinct line) pairs counted: N in the bounds

    def __post_init__(self) -> None:
        if self.capacity < 1:
            raise ValueError(f"capacity must be at least 1, not {self.capacity}")

    def __len__(self) -> int:
        return len(self._entries)

    def add_document(self, keys: Iterable[str]) -> None:
        """Count each key once for one more document."""
        self.documents += 1
        for key in set(keys):
            self.pairs += 1
            entry = self._entries.get(key)
            if entry is not None:
                entry[0] += 1
            elif len(self._entries) < self.capacity:
                self._entries[key] = [1, 0]
                heapq.heappush(self._heap, (1, key))
            else:
                self._replace_minimum(key)

    def _replace_minimum(self, key: str) -> None:
        while True:
            count, old = heapq.heappop(self._heap)
            current = self._entries[old][0]
            if current == count:
                break
            heapq.heappush(self._heap, (current, old))
        del self._entries[old]
        self._entries[key] = [count + 1, count]
        heapq.heappush(self._heap, (count + 1, key))

    def guaranteed(self) -> Iterator[tuple[str, int]]:
        """Every key with the count it certainly reached (count minus its error)."""
        for key, (count, error) in self._entries.items():
            yield key, count - error

    @property
    def max_error(self) -> int:
        """The largest over-estimate a count in the table can carry (``N / capacity``)."""
        return self.pairs // self.capacity


@dataclass(frozen=True)
class Profile:
    """A site's boilerplate lines (profile keys) with the documents each was seen in.

    ``documents`` is the number of documents it was learned from. Immutable; ``merge``
    returns a new profile. ``key in profile`` is what the pipeline asks.
    """

    counts: tuple[tuple[str, int], ...] = ()
    documents: int = 0
    _keys: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_keys", frozenset(k for k, _ in self.counts))

    def __contains__(self, key: object) -> bool:
        return key in self._keys

    def __len__(self) -> int:
        return len(self.counts)

    def __iter__(self) -> Iterator[str]:
        return (k for k, _ in self.counts)

    def merge(self, other: Profile) -> Profile:
        """Both profiles' lines (a line in both: the counts add up), and their documents."""
        merged = dict(self.counts)
        for key, n in other.counts:
            merged[key] = merged.get(key, 0) + n
        return Profile(_sorted(merged), self.documents + other.documents)

    def to_json(self) -> dict[str, Any]:
        return {
            "version": PROFILE_VERSION,
            "documents": self.documents,
            "lines": [{"key": k, "documents": n} for k, n in self.counts],
        }

    @staticmethod
    def from_json(data: Any) -> Profile:
        """A profile from ``to_json``'s data; ``ValueError`` when it is not one."""
        if not isinstance(data, dict) or data.get("version") != PROFILE_VERSION:
            found = data.get("version") if isinstance(data, dict) else type(data).__name__
            raise ValueError(f"not a cleannews profile of version {PROFILE_VERSION}: {found!r}")
        try:
            counts = {str(e["key"]): int(e["documents"]) for e in data["lines"]}
            return Profile(_sorted(counts), int(data["documents"]))
        except (KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"malformed cleannews profile: {exc}") from None

    def save(self, path: str | Path) -> None:
        """Write the profile as JSON (UTF-8)."""
        text = json.dumps(self.to_json(), ensure_ascii=False, indent=1)
        Path(path).write_text(text + "\n", encoding="utf-8")

    @staticmethod
    def load(path: str | Path) -> Profile:
        """Read a profile written by ``save``; ``ValueError`` when the file is not one."""
        return Profile.from_json(json.loads(Path(path).read_text(encoding="utf-8")))


def _sorted(counts: dict[str, int]) -> tuple[tuple[str, int], ...]:
    """Most frequent first, then by key: one order, so equal profiles save the same bytes."""
    return tuple(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


@dataclass
class Learner:
    """``learn`` one document at a time (the CLI learns one profile per site in one pass).

    Mutable, and owned by its caller; ``profile()`` may be asked at any time.
    """

    min_share: float = MIN_SHARE
    min_docs: int = MIN_DOCS
    max_lines: int = MAX_TRACKED_LINES
    min_words: int = MIN_WORDS
    _counter: LineCounter = field(init=False)

    def __post_init__(self) -> None:
        if not 0.0 < self.min_share <= 1.0:
            raise ValueError(f"min_share must be in (0, 1], not {self.min_share}")
        if self.min_docs < 1:
            raise ValueError(f"min_docs must be at least 1, not {self.min_docs}")
        self._counter = LineCounter(self.max_lines)

    @property
    def documents(self) -> int:
        return self._counter.documents

    def add(self, text: str | bytes) -> None:
        self._counter.add_document(line_keys(text, self.min_words))

    def profile(self) -> Profile:
        needed = max(self.min_docs, math.ceil(self.min_share * self.documents - 1e-9))
        kept = {k: n for k, n in self._counter.guaranteed() if n >= needed}
        return Profile(_sorted(kept), self.documents)


def learn(
    texts: Iterable[str | bytes],
    *,
    min_share: float = MIN_SHARE,
    min_docs: int = MIN_DOCS,
    max_lines: int = MAX_TRACKED_LINES,
    min_words: int = MIN_WORDS,
) -> Profile:
    """The boilerplate of one source: lines found in at least ``min_share`` of ``texts``
    and in at least ``min_docs`` of them (each document counts a line once).

    ``texts`` is read once, as a stream: memory is bounded by ``max_lines`` (the counting
    table), not by the number of documents. Raises ``TypeError`` for an item that is
    neither ``str`` nor ``bytes``, ``ValueError`` for thresholds out of range.
    """
    if isinstance(texts, (str, bytes)):
        kind = type(texts).__name__
        raise TypeError(
            f"learn expects an iterable of documents (str or bytes), not one {kind}: "
            "pass [text] to learn from a single document"
        )
    learner = Learner(min_share, min_docs, max_lines, min_words)
    for text in texts:
        learner.add(text)
    return learner.profile()


def check_profile(profile: object) -> None:
    """``TypeError`` unless ``profile`` is ``None`` or a set of profile keys: a ``Profile``
    (``learn``, ``Profile.load``) or any container of keys (``LineSet``). A string is a
    container of its letters, not of lines: it is refused too."""
    if profile is None or isinstance(profile, Profile):
        return
    if isinstance(profile, (str, bytes)) or not hasattr(type(profile), "__contains__"):
        raise TypeError(
            "profile must be a cleannews.Profile (from learn or Profile.load), a set of "
            f"line keys, or None; not {type(profile).__name__}"
        )


def site_of_url(url: str) -> str:
    """The site a URL belongs to: its host, lower case, without a leading "www."
    (empty when the URL has no host)."""
    try:
        host = urlsplit(url.strip()).hostname or ""
    except ValueError:  # a malformed URL ("http://[::1")
        return ""
    return host.removeprefix("www.")
