"""Language identification from stop-word hits (the stop lists jusText ships for 99 languages)."""

from __future__ import annotations

import sys
from array import array
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from itertools import chain, islice
from operator import mul

from .features import CJK_CHAR
from .lexicon import VOTE_BITS, Lexicon

__all__ = ["detect_language", "detect_languages"]

# Tokens read for identification: enough for a stable vote (a news paragraph has ~40-60%
# stop words), bounded so that cost does not grow with document size. A language's
# count must fit its slot of the packed votes (``lexicon.VOTE_BITS``).
MAX_TOKENS = 2000
assert MAX_TOKENS < 1 << VOTE_BITS and VOTE_BITS == 16  # slots are read as array("H")
# Fewer stop-word hits than this: too little text to name a language.
MIN_HITS = 5
# A second language (a page that alternates two, paragraph by paragraph): its stop words
# among the tokens that are not stop words of the first language hit at least this share
# of the first language's hits (and MIN_HITS). See pipeline: a line is then read with
# the stop words of both.
SECOND_LANGUAGE_SHARE = 0.3
# A language's stop words must make at least this share of the words read (a CJK or Thai
# character counts as a word, as the scorer counts it). Below it, the hits come from a
# few Latin words of a page written in a script that has no stop list (Japanese, Chinese,
# Thai): 'for', 'pc' on a Japanese page voted Estonian, and the page's prose, having no
# Estonian stop words, was not read as prose (scrapinghub note100yen.com, recall 0.44).
# Measured over the three dev corpora: the two CJK pages sit at 0.010 and 0.010, every
# other page at 0.135 or more (a news paragraph: 0.35-0.55).
MIN_HIT_SHARE = 0.05


def detect_language(token_lines: Iterable[Sequence[str]], lexicon: Lexicon) -> str | None:
    """The ISO code of the language whose stop words cover most of the first
    ``MAX_TOKENS`` tokens, or ``None``.

    A word in several lists votes for each; ties break on the language whose list is
    smaller (a longer list finds more hits by chance), then on the code.
    """
    languages = detect_languages(token_lines, lexicon)
    return languages[0] if languages else None


def detect_languages(token_lines: Iterable[Sequence[str]], lexicon: Lexicon) -> tuple[str, ...]:
    """The language of the text (``detect_language``), then a second one when the text
    alternates two: among the tokens that are not stop words of the first, the stop words
    of another language hit ``SECOND_LANGUAGE_SHARE`` of the first's hits or more.
    Empty when no language reaches ``MIN_HITS``."""
    votes = lexicon.stop_votes
    tokens = list(islice(chain.from_iterable(token_lines), MAX_TOKENS))
    hits = Counter(filter(votes.__contains__, tokens))
    first = _winner(hits.keys(), hits, lexicon)
    if first is None or _too_few_hits(first[1], tokens):
        return ()
    rest = hits.keys() - lexicon.stopwords[first[0]]
    needed = max(MIN_HITS, SECOND_LANGUAGE_SHARE * first[1])
    if sum(map(hits.__getitem__, rest)) < needed:
        return (first[0],)  # too few other stop words for any second language
    second = _winner(rest, hits, lexicon)
    if second is not None and second[1] >= needed:
        return (first[0], second[0])
    return (first[0],)


def _too_few_hits(hits: int, tokens: Sequence[str]) -> bool:
    """Do ``hits`` make under ``MIN_HIT_SHARE`` of the words ``tokens`` hold, counted as
    ``features.word_count`` counts them (a token each, and a CJK or Thai character each: a
    run of them is one token)? The characters are counted only when it can matter: each
    CJK or Thai character takes two UTF-8 bytes more than it counts as, so the surplus of
    bytes over characters, halved, bounds their number (one pass in C; the regex pass over
    the page's tokens, 0.2 ms, then runs on pages in those scripts alone)."""
    words = len(tokens)
    if hits < MIN_HIT_SHARE * words:
        return True
    joined = " ".join(tokens)
    at_most = (len(joined.encode("utf-8", "surrogatepass")) - len(joined)) // 2
    if hits >= MIN_HIT_SHARE * (words + at_most):
        return False
    return hits < MIN_HIT_SHARE * (words + len(CJK_CHAR.findall(joined)))


def _winner(words: Collection[str], hits: Counter[str], lexicon: Lexicon) -> tuple[str, int] | None:
    """The language with the most votes from ``words`` (counted in ``hits``) and its
    votes (``MIN_HITS`` or more), or None."""
    votes = lexicon.stop_votes
    # Every language's count at once: each stop word adds its packed one-vote-per-language
    # integer times its count (no slot can carry into the next, see MAX_TOKENS).
    packed = sum(map(mul, map(hits.__getitem__, words), map(votes.__getitem__, words)))
    # The slots, unpacked in C: 16-bit counters, read as an array of unsigned shorts.
    counts = array("H")
    counts.frombytes(packed.to_bytes(len(lexicon.vote_codes) * 2, sys.byteorder))
    top = max(counts, default=0)
    if top < MIN_HITS:
        return None
    codes = lexicon.vote_codes
    if counts.count(top) == 1:
        return codes[counts.index(top)], top
    sizes = lexicon.stopwords
    tied = [codes[slot] for slot, n in enumerate(counts) if n == top]
    code = min(tied, key=lambda c: (len(sizes[c]), c))
    return code, top
