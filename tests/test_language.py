"""Language identification, seen through ``Article.language``.

The vote itself (ties to the smaller list, the share of hits, reading at most
``MAX_TOKENS`` tokens) is checked against its definition by the core's unit tests
(``crates/cleannews-core/src/language.rs``); here, what a page of such words is said to be
written in.
"""

from __future__ import annotations

import cleannews

# Tokens of a page that vote (``MAX_TOKENS`` in crates/cleannews-core/src/language.rs).
MAX_TOKENS = 2000


def language(lines: list[list[str]]) -> str | None:
    """The language of a page of these words, one line a list."""
    return cleannews.extract("\n".join(" ".join(line) for line in lines)).language


def test_counts_stop_at_max_tokens() -> None:
    # Romanian first, Italian after the cut-off: only the first MAX_TOKENS tokens vote.
    ro = ["si", "care", "este"] * (MAX_TOKENS // 3)
    it = ["della", "sono", "questo"] * MAX_TOKENS
    assert language([ro[:MAX_TOKENS], it]) == "ro"
    assert language([it]) == "it"


def test_single_letters_and_numbers_do_not_vote() -> None:
    assert language([["a", "e", "o", "1", "2025"] * 50]) is None


def test_a_few_latin_stop_words_do_not_name_the_language_of_a_cjk_page() -> None:
    # 16 English stop words (for, the) from a menu, 434 Japanese characters of text:
    # 5% of the words is the least a language's stop words must make.
    menu = ["follow", "us", "on", "twitter", "for", "the", "latest", "news"] * 4
    japanese = ["大阪市交通局は十二日", "市の中心部と湾岸地区を結ぶ新しい地下鉄路線"] * 14
    assert language([menu, japanese]) is None
    assert language([menu]) == "en"
    assert language([menu, japanese[:4]]) == "en"
