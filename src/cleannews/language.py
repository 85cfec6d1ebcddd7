"""Language identification from stop-word hits (the stop lists jusText ships for 99 languages)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from .lexicon import Lexicon

__all__ = ["detect_language"]

# Tokens read for identification: enough for a stable vote (a news paragraph has ~40-60%
# stop words), bounded so that cost does not grow with document size.
MAX_TOKENS = 2000
# Fewer stop-word hits than this: too little text to name a language.
MIN_HITS = 5


def detect_language(token_lines: Iterable[Sequence[str]], lexicon: Lexicon) -> str | None:
    """The ISO code of the language whose stop words cover most tokens, or ``None``.

    A word in several lists votes for each; ties break on the language whose list is
    smaller (a longer list finds more hits by chance), then on the code.
    """
    counts: Counter[str] = Counter()
    seen = 0
    for tokens in token_lines:
        counts.update(tokens)
        seen += len(tokens)
        if seen >= MAX_TOKENS:
            break
    votes: dict[str, int] = {}
    index = lexicon.stop_index
    for tok, count in counts.items():
        if len(tok) < 2 or tok.isdigit():
            continue  # single letters and numbers say nothing about the language
        for code in index.get(tok, ()):
            votes[code] = votes.get(code, 0) + count
    top = max(votes.values(), default=0)
    if top < MIN_HITS:
        return None
    sizes = lexicon.stopwords
    tied = [code for code, n in votes.items() if n == top]
    return min(tied, key=lambda code: (len(sizes[code]), code)) if len(tied) > 1 else tied[0]
