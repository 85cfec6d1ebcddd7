"""Scoring functions: token multisets against a gold body, line labels, snippets, metadata.

The token scoring follows ``../shared/corpus/README.md``: lower-cased ``[\\p{L}\\p{N}]+`` word
tokens, one token per CJK character, compared as multisets per document.
"""

from __future__ import annotations

import statistics
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import regex

_CJK = r"\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}"
_TOKEN = regex.compile(rf"[{_CJK}]|[[\p{{L}}\p{{N}}]--[{_CJK}]]+", regex.V1)
_EDGE_PUNCT = regex.compile(r"^[\p{P}\p{S}\s]+|[\p{P}\p{S}\s]+$")


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens; every CJK character is a token of its own."""
    found: list[str] = _TOKEN.findall(text.lower())
    return found


@dataclass(frozen=True)
class PR:
    """Precision and recall of one document."""

    precision: float
    recall: float

    @property
    def f1(self) -> float:
        return f1(self.precision, self.recall)


def f1(precision: float, recall: float) -> float:
    """Harmonic mean; 0 when both are 0."""
    total = precision + recall
    return 2 * precision * recall / total if total else 0.0


def multiset_pr(output: Sequence[str], gold: Sequence[str]) -> PR:
    """Precision = shared / output tokens, recall = shared / gold tokens (multisets).

    An empty output scores precision 0 and recall 0 against a non-empty gold: that is the
    convention behind the corpus README's reference figures (jusText's 0.751 on scrapinghub
    is reproduced only with it). Empty output and empty gold score 1 and 1.
    """
    return _pr(sum((Counter(output) & Counter(gold)).values()), len(output), len(gold))


def _pr(shared: int, n_output: int, n_gold: int) -> PR:
    if not n_gold:
        return PR(0.0 if n_output else 1.0, 1.0)
    if not n_output:
        return PR(0.0, 0.0)
    return PR(shared / n_output, shared / n_gold)


def token_pr(output: str, gold: str) -> PR:
    """Token-level precision and recall of ``output`` against ``gold``."""
    return multiset_pr(tokens(output), tokens(gold))


def line_pr(kept: Iterable[int], gold_body: Iterable[int]) -> PR:
    """Line-level precision and recall of the kept line numbers against the gold body lines
    (same empty-output convention as ``multiset_pr``)."""
    kept_set, gold_set = set(kept), set(gold_body)
    return _pr(len(kept_set & gold_set), len(kept_set), len(gold_set))


@dataclass(frozen=True)
class Summary:
    """Corpus-level precision/recall: means over documents, their F1, the median document F1."""

    precision: float
    recall: float
    median_f1: float
    docs: int

    @property
    def f1(self) -> float:
        return f1(self.precision, self.recall)


def summarise(scores: Sequence[PR]) -> Summary | None:
    """Mean precision, mean recall and median document F1; None for no documents."""
    if not scores:
        return None
    return Summary(
        precision=statistics.fmean(s.precision for s in scores),
        recall=statistics.fmean(s.recall for s in scores),
        median_f1=statistics.median(s.f1 for s in scores),
        docs=len(scores),
    )


def normalise(text: str) -> str:
    """NFKC, lower case, whitespace collapsed: the form snippets and metadata are compared in."""
    return " ".join(unicodedata.normalize("NFKC", text).split()).lower()


def snippet_counts(snippets: Iterable[str], text: str, output: str) -> tuple[int, int]:
    """(snippets present in ``text``, of those present in ``output``), whitespace-normalised
    and case-insensitive."""
    text_n, output_n = normalise(text), normalise(output)
    present = [s for s in (normalise(s) for s in snippets) if s and s in text_n]
    return len(present), sum(s in output_n for s in present)


# Typographic quotes as their plain forms: a page's text writes "Beginner’s Guide" where the
# gold (taken from the HTML's <title>) writes "Beginner's Guide". NFKC leaves them apart:
# wcxb_dev had 13 pages whose text-chosen title differed from the gold only so.
_PLAIN_QUOTES = str.maketrans("‘’‚‛′“”„‟″", "'''''\"\"\"\"\"")


def _meta_form(value: str) -> str:
    """Normalised, typographic quotes made plain, punctuation and symbols trimmed from
    both ends."""
    trimmed: str = _EDGE_PUNCT.sub("", normalise(value).translate(_PLAIN_QUOTES))
    return trimmed


def title_matches(predicted: str | None, gold: str) -> bool:
    """Normalised exact match, or one contains the other and the shorter has at least
    half the characters of the longer (site-name suffixes, subtitles)."""
    if not predicted:
        return False
    p, g = _meta_form(predicted), _meta_form(gold)
    if not p or not g:
        return False
    short, long_ = sorted((p, g), key=len)
    return p == g or (short in long_ and 2 * len(short) >= len(long_))


def date_matches(predicted: str | None, gold: str) -> bool:
    """Same calendar day: the first 10 characters (YYYY-MM-DD) of the ISO forms agree."""
    return bool(predicted) and str(predicted)[:10] == gold.strip()[:10]


def author_matches(predicted: Sequence[str], gold: str) -> bool:
    """The predicted names, joined with ", ", equal the gold after normalisation, or one
    contains the other (gold "A, B and C" vs predicted "A", or the reverse)."""
    p = _meta_form(", ".join(a for a in predicted if a))
    g = _meta_form(gold)
    return bool(p) and bool(g) and (p == g or p in g or g in p)
