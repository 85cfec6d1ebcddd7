"""Language identification from stop-word hits (the stop lists jusText ships for 99 languages)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from itertools import chain, islice
from operator import mul

from .lexicon import VOTE_BITS, Lexicon

__all__ = ["detect_language"]

# Tokens read for identification: enough for a stable vote (a news paragraph has ~40-60%
# stop words), bounded so that cost does not grow with document size. A language's
# count must fit its slot of the packed votes (``lexicon.VOTE_BITS``).
MAX_TOKENS = 2000
assert MAX_TOKENS < 1 << VOTE_BITS
# Fewer stop-word hits than this: too little text to name a language.
MIN_HITS = 5
_SLOT = (1 << VOTE_BITS) - 1


def detect_language(token_lines: Iterable[Sequence[str]], lexicon: Lexicon) -> str | None:
    """The ISO code of the language whose stop words cover most of the first
    ``MAX_TOKENS`` tokens, or ``None``.

    A word in several lists votes for each; ties break on the language whose list is
    smaller (a longer list finds more hits by chance), then on the code.
    """
    votes = lexicon.stop_votes
    tokens = islice(chain.from_iterable(token_lines), MAX_TOKENS)
    hits = Counter(filter(votes.__contains__, tokens))
    # Every language's count at once: each stop word adds its packed one-vote-per-language
    # integer times its count (no slot can carry into the next, see MAX_TOKENS).
    packed = sum(map(mul, hits.values(), map(votes.__getitem__, hits)))
    counts = {}
    for slot, code in enumerate(lexicon.vote_codes):
        n = (packed >> (slot * VOTE_BITS)) & _SLOT
        if n:
            counts[code] = n
    top = max(counts.values(), default=0)
    if top < MIN_HITS:
        return None
    sizes = lexicon.stopwords
    tied = [code for code, n in counts.items() if n == top]
    return min(tied, key=lambda code: (len(sizes[code]), code)) if len(tied) > 1 else tied[0]
