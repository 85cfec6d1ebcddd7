"""Property tests (hypothesis): the contract holds on arbitrary and news-like input."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import cleannews
from cleannews.normalize import split_lines
from conftest import FILLER
from test_api import normalised_lines

# Clutter lines of real pages.
CLUTTER = [
    "Citește și: Guvernul a aprobat bugetul",
    "Top Citite",
    "1",
    "Partenerii noștri",
    "Foto: Inquam Photos / Octav Ganea",
    "date 2025-10-20 Live TV",
    "Kommentar (0)",
    "",
]
# Lines a page could hold: clutter, sentences, headlines, in several languages.
PIECES = [
    *CLUTTER,
    "Ministrul a declarat luni că guvernul va lua o decizie privind bugetul în ședința de joi.",
    "The minister said on Monday that the government would decide on the budget on Thursday.",
    "Rusia a trimis o scrisoare Statelor Unite privind criza din Ucraina",
    "(PLO)- Ngoại trưởng Nga Sergey Lavrov đã có cuộc điện đàm với Ngoại trưởng Mỹ.",
]
news_like = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=80)), max_size=30).map(
    "\n".join
)
any_text = st.text(max_size=400)
# Page-like text in one language: its real sentences and headline (tests/data/filler.json)
# among clutter lines.
LANGS = [lang for lang in FILLER.values() if isinstance(lang, dict)]
realistic = (
    st.sampled_from(LANGS)
    .flatmap(
        lambda lang: st.lists(
            st.one_of(
                st.sampled_from(CLUTTER),
                st.sampled_from(lang["paragraphs"]),
                st.just(lang["title"]),
            ),
            max_size=30,
        )
    )
    .map("\n".join)
)
SETTINGS = settings(
    max_examples=int(os.environ.get("CLEANNEWS_EXAMPLES", "150")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


@SETTINGS
@given(st.one_of(any_text, news_like))
def test_never_raises_and_output_lines_come_from_input(text: str) -> None:
    art = cleannews.extract(text)
    source = normalised_lines(text, art.language)
    for paragraph in art.text.split("\n\n") if art.text else []:
        assert any(paragraph in s for s in source)


@SETTINGS
@given(st.one_of(any_text, news_like))
def test_deterministic(text: str) -> None:
    assert cleannews.clean(text) == cleannews.clean(text)


@SETTINGS
@given(realistic)
def test_idempotent_on_page_like_text(text: str) -> None:
    once = cleannews.clean(text)
    assert cleannews.clean(once) == once


@SETTINGS
@given(st.binary(max_size=300))
def test_any_bytes_are_decoded_not_crashed_on(data: bytes) -> None:
    assert isinstance(cleannews.clean(data), str)


@SETTINGS
@given(news_like)
def test_every_non_blank_line_has_one_decision_with_a_catalogued_rule(text: str) -> None:
    art = cleannews.extract(text)
    assert [d.line for d in art.lines] == list(range(1, len(split_lines(text)) + 1))
    assert all(d.rule in cleannews.RULES for d in art.lines)
    assert all((d.rule == "blank") == (not d.text) for d in art.lines)


# Inputs that hypothesis once found not idempotent, fixed since; kept as regressions.
FORMER_FAILURES = [
    "0\u09cf¼\rTOP:CITITE\r0:0:0:0:0:0.\r0:0:0:NO:0:0:AS:0:GOVERNMENT:COULD:0:NO.",
    "B\r0:0:0:0:B:Z.\r0:I:SAID:0:THAT:0:0:COULD:0:P:0:NO.",
    "Â\t¡",
    "Ministrul a declarat luni că guvernul va lua o decizie privind bugetul în ședința de joi.\n"
    "0000\n"
    "Ministrul a declarat luni că guvernul va lua o decizie privind bugetul în ședința de joi.",
]


def test_idempotent_on_former_failures() -> None:
    for text in FORMER_FAILURES:
        once = cleannews.clean(text)
        assert cleannews.clean(once) == once, text
