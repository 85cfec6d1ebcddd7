"""Language identification: the packed vote count agrees with a plain count."""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from cleannews.language import MAX_TOKENS, MIN_HIT_SHARE, MIN_HITS, detect_language
from cleannews.lexicon import load_lexicon

LEXICON = load_lexicon()
# Stop words shared by several languages and words of one language only, plus noise.
WORDS = sorted(
    set(list(LEXICON.stopwords["ro"])[:40])
    | set(list(LEXICON.stopwords["it"])[:40])
    | set(list(LEXICON.stopwords["de"])[:40])
    | {"de", "la", "in", "a", "1", "2025", "xyzzy", "blockchain"}
)


def plain_vote(lines: list[list[str]]) -> str | None:
    """The definition: count each language's stop words among the first MAX_TOKENS
    tokens (single letters and numbers excepted), the most hits wins if they make
    MIN_HIT_SHARE of the tokens, ties go to the smaller list, then to the code."""
    tokens = [t for line in lines for t in line][:MAX_TOKENS]
    votes: Counter[str] = Counter()
    for code, words in LEXICON.stopwords.items():
        votes[code] = sum(1 for t in tokens if t in words and len(t) > 1 and not t.isdigit())
    top = max(votes.values())
    if top < MIN_HITS or top < MIN_HIT_SHARE * len(tokens):
        return None
    tied = [c for c, n in votes.items() if n == top]
    return min(tied, key=lambda c: (len(LEXICON.stopwords[c]), c))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.sampled_from(WORDS), max_size=30), max_size=12))
def test_packed_votes_agree_with_a_plain_count(lines: list[list[str]]) -> None:
    assert detect_language(lines, LEXICON) == plain_vote(lines)


def test_counts_stop_at_max_tokens() -> None:
    # Romanian first, Italian after the cut-off: only the first MAX_TOKENS tokens vote.
    ro = ["si", "care", "este"] * (MAX_TOKENS // 3)
    it = ["della", "sono", "questo"] * MAX_TOKENS
    assert detect_language([ro[:MAX_TOKENS], it], LEXICON) == "ro"
    assert detect_language([it], LEXICON) == "it"


def test_single_letters_and_numbers_do_not_vote() -> None:
    assert detect_language([["a", "e", "o", "1", "2025"] * 50], LEXICON) is None


def test_a_few_latin_stop_words_do_not_name_the_language_of_a_cjk_page() -> None:
    # 16 English stop words (for, the) from a menu, 434 Japanese characters of text:
    # 5% of the words is the least a language's stop words must make.
    menu = ["follow", "us", "on", "twitter", "for", "the", "latest", "news"] * 4
    japanese = ["大阪市交通局は十二日", "市の中心部と湾岸地区を結ぶ新しい地下鉄路線"] * 14
    assert detect_language([menu, japanese], LEXICON) is None
    assert detect_language([menu], LEXICON) == "en"
    assert detect_language([menu, japanese[:4]], LEXICON) == "en"
