"""Rules seen through the public API: what a whole page cleans to.

Each rule on its own (the rule name that fires on a line, and the lines it must leave
alone) is tested where the rule lives, in the core's unit tests
(``crates/cleannews-core/src/rules/``, ``metadata/``, ``body.rs``), and line by line
through ``cleannews.extract`` by ``tests/cases``.
"""

from __future__ import annotations

import cleannews
from cleannews import _core
from conftest import FILLER


def test_fold_ignores_case_diacritics_cedilla_and_punctuation() -> None:
    fold = _core.fold
    assert fold("Citește și:") == fold("CITESTE SI") == fold("Citeşte şi") == "citeste si"
    assert fold("Đà Nẵng") == "da nang"


def test_a_page_with_a_contents_list_cleans_to_a_fixed_point() -> None:
    sections = "\n".join(
        f"{heading}\nThe organisers said that the {n} trend changed how events are planned, "
        "and that attendees now expect it at every conference they pay to attend this year."
        for n, heading in (
            ("first", "What Are the Current Trends?"),
            ("second", "Five Trends in Event Management"),
            ("third", "How to Use Event Trends?"),
        )
    )
    page = (
        "Event Trends for 2026\nIn this article:\nWhat Are the Current Trends?\n"
        "Five Trends in Event Management\nHow to Use Event Trends?\n" + sections
    )
    once = cleannews.clean(page)
    assert cleannews.clean(once) == once
    assert once.count("Five Trends in Event Management") == 1
    assert "Five Trends in Event Management\nThe organisers said that the second" in once.replace(
        "\n\n", "\n"
    )


# A list's items are alike in length: a tour's dates, one of more than 12 words.
TOUR_DATES = [
    "June 9 – West Palm Beach, FL @ Coral Sky Amphitheatre",
    "June 23 – Virginia Beach, VA @ Veterans United Home Loans Amphitheater at Virginia Beach",
    "June 24 – Bristow, VA @ Jiffy Lube Live",
]


def test_a_list_at_the_end_of_the_article_keeps_its_longer_items() -> None:
    f = FILLER["en"]
    lead_in = "The band will play these dates:"
    text = "\n".join([f["title"], *f["paragraphs"], lead_in, *TOUR_DATES])
    art = cleannews.extract(text + "\n")
    for item in TOUR_DATES:
        assert item in art.paragraphs, item
