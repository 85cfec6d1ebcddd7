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


def test_an_english_page_is_not_marathi_for_the_english_words_of_its_stop_list() -> None:
    # jusText's Marathi list holds English words in Latin script ("web", "user", "movies",
    # "especially"...): a stop list's words of another script than its own do not vote
    # (crates/cleannews-core/src/lexicon.rs, own_script_words). This page voted mr.
    page = [
        "Every user of the web leaves a trail, especially when cookies record which movies",
        "and films a person watches, and the study of such traces is now an industry.",
        "Generally, certain groups of words are related by meaning, and a list of them",
        "typically provides specific forms of communication in parts of a region.",
        "At least the women in the study treated love and marriage as separate rights,",
        "towards the traditional literature and the cultural truth of their region.",
    ]
    assert language([line.split() for line in page]) == "en"
