"""Each rule on its own: the rule name that fires, and lines it must leave alone."""

from __future__ import annotations

import pytest

import cleannews
from cleannews.body import BARRIER, best_span, line_score
from cleannews.config import DEFAULT
from cleannews.features import Line, make_line
from cleannews.lexicon import load_lexicon
from cleannews.metadata import fields
from cleannews.metadata.agency import cut_dateline
from cleannews.metadata.dates import find_dates
from cleannews.normalize import fold, fold_tokens
from cleannews.rules import PHRASE_RULES, SHAPE_RULES, first_mark, shapes
from cleannews.rules.blocks import spread_blocks
from cleannews.rules.repeats import body_repeats, title_repeats
from conftest import FILLER

LEX = load_lexicon()
RO = LEX.stopwords["ro"]
EN = LEX.stopwords["en"]


def line(text: str, stop: frozenset[str] = RO) -> Line:
    return make_line(text, tuple(fold_tokens(text)), stop, DEFAULT)


def rule_of(text: str, stop: frozenset[str] = RO) -> str | None:
    ln = line(text, stop)
    mark = first_mark(ln, LEX, PHRASE_RULES) or first_mark(ln, LEX, SHAPE_RULES)
    return mark.rule if mark else None


def test_fold_ignores_case_diacritics_cedilla_and_punctuation() -> None:
    assert fold("Citește și:") == fold("CITESTE SI") == fold("Citeşte şi") == "citeste si"
    assert fold("Đà Nẵng") == "da nang"


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Top Citite", "most_read"),
        ("Citește și", "read_also"),
        ("Citeşte şi: Guvernul a aprobat bugetul", "read_also"),
        ("Partenerii noștri", "partners"),
        ("Recomandările redacţiei", "editors_picks"),
        ("Ultimele știri", "latest_news"),
        ("Urmărește știrile Digi24.ro și pe Google News", "follow"),
        ("Descarcă aplicația Digi Sport", "follow"),
        ("Live TV", "navigation"),
        ("Kommentar (0)", "comments"),
        ("34 responses to “Anthony Lynn: We needed to win”", "comments"),
        ("Data actualizării: Data publicării:", "empty_label"),
        ("Read more: Fed holds rates steady", "read_also"),
        ("Despre autor", "author_bio"),
        ("Table of Contents", "navigation"),
    ],
)
def test_phrase_rules(text: str, rule: str) -> None:
    assert rule_of(text) == rule


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("URMARI_EXPLOZIE_39_INQUAM_Photos_Octav_Ganea", "image_name"),
        ("profimedia-0975326545", "image_name"),
        ("IMG_2034.jpg", "image_name"),
        ("rubio si lavrov", "image_name"),
        ("[Anzeige_2]", "ad"),
        ("https://www.facebook.com/photo/?fbid=918893992938724", "embed"),
        ("pic.twitter.com/Ab12Cd34Ef", "embed"),
        ("3", "list_marker"),
        ("•", "list_marker"),
        ("Prima pagină » Știri » Rusia a trimis o scrisoare", "breadcrumb"),
        ("Home > News > Politics", "breadcrumb"),
        ("© 2025 Example Media. All rights reserved.", "copyright"),
        ("Cum a ajuns după gratii unul...", "teaser"),
    ],
)
def test_shape_rules(text: str, rule: str) -> None:
    assert rule_of(text) == rule


@pytest.mark.parametrize(
    "text",
    [
        "Citește și raportul complet al comisiei, publicat ieri, care detaliază cheltuielile.",
        "„Citeşte şi tu Constituţia”, i-a replicat deputatul.",
        "Ministrul a declarat că guvernul va lua o decizie săptămâna viitoare.",
        "Rusia a trimis o scrisoare Statelor Unite privind criza din Ucraina",
        "Iran > Israel: the balance of power in 2025",  # one '>' is not a trail
        "Photos",  # a lone word: judged by its neighbours, not by shape
    ],
)
def test_no_rule_fires_on_text_lines(text: str) -> None:
    assert rule_of(text) is None


def test_teaser_is_weak_and_list_marker_is_not() -> None:
    assert shapes.truncated_teaser(line("Cum a ajuns după gratii unul..."), LEX).weak  # type: ignore[union-attr]
    assert not shapes.list_marker(line("1"), LEX).weak  # type: ignore[union-attr]


def test_block_runs_until_prose_resumes_not_to_the_end() -> None:
    texts = [
        "Citește și",
        "Mediafax",
        "Cu cât s-au scumpit sărbătorile românilor",
        "Ministrul a declarat luni că guvernul va lua o decizie privind bugetul în ședința de joi.",
        "Potrivit surselor, proiectul va fi trimis Parlamentului pentru dezbatere și vot final.",
    ]
    lines = [line(t) for t in texts]
    marks = [first_mark(ln, LEX, PHRASE_RULES) for ln in lines]
    spread = spread_blocks(lines, marks, DEFAULT, LEX)
    assert [m.rule if m else None for m in spread] == [
        "read_also",
        "read_also",
        "read_also",
        None,
        None,
    ]


def test_comments_heading_is_a_barrier_and_block_heading_costs_a_paragraph() -> None:
    for text in ("Comentarii", "About the author"):
        heading = line(text)
        mark = first_mark(heading, LEX, PHRASE_RULES)
        assert line_score(heading, mark, False, DEFAULT) == BARRIER
    top = line("Top Citite")
    assert (
        line_score(top, first_mark(top, LEX, PHRASE_RULES), False, DEFAULT)
        == -DEFAULT.block_heading_cost
    )


def test_best_span_is_the_maximum_scoring_run() -> None:
    lines = [line(f"x{i}") for i in range(6)]
    assert best_span(lines, [-5, 10, -3, 10, -30, 4]) == best_span(lines, [-5, 10, -3, 10, -30, 4])
    span = best_span(lines, [-5, 10, -3, 10, -30, 4])
    assert span is not None and (span.start, span.end) == (1, 3)
    assert best_span(lines, [-1, -2]) is None


def test_later_copies_of_body_lines_are_repeats_but_not_copies_of_a_contents_list() -> None:
    texts = [
        "Primul subtitlu al articolului",
        "Primul subtitlu al articolului",
        "Un paragraf oarecare cu text",
        "Un paragraf oarecare cu text",
    ]
    lines = [line(t) for t in texts]
    assert body_repeats(lines, ["before_body", "body", "body", "body"]) == [3]


def test_a_contents_list_inside_the_body_is_the_copy_of_its_headings() -> None:
    texts = [
        "What Are the Current Trends?",  # 0: contents, entry 1
        "Five Trends in Event Management",  # 1: contents, entry 2
        "A paragraph that opens the article and says what it is about.",
        "What Are the Current Trends?",  # 3: the heading of its section
        "A paragraph of the first section, with enough words to read.",
        "Five Trends in Event Management",  # 5: the heading of its section
        "A paragraph of the second section, with enough words to read.",
    ]
    lines = [line(t) for t in texts]
    assert body_repeats(lines, ["body"] * len(texts)) == [0, 1]
    # a heading named twice, not in a row of such entries: the later one is the copy
    lone = [texts[0], texts[2], texts[0], texts[4]]
    lone_lines = [line(t) for t in lone]
    assert body_repeats(lone_lines, ["body"] * 4) == [2]
    # a sentence named twice is a pull quote or a doubled paragraph: the later one
    doubled = [texts[2], texts[4], texts[2], texts[4]]
    doubled_lines = [line(t) for t in doubled]
    assert body_repeats(doubled_lines, ["body"] * 4) == [2, 3]


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


def test_copies_of_the_title() -> None:
    texts = [
        "Titlul articolului de astăzi",
        "Un paragraf oarecare cu text",
        "Titlul articolului de astăzi",
    ]
    lines = [line(t) for t in texts]
    assert list(title_repeats(lines, ["title", "body", "body"], title_index=0)) == [2]


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("date 2025-10-20", "2025-10-20"),
        ("21/10/2025 08:00", "2025-10-21T08:00"),
        ("20 octombrie 2025", "2025-10-20"),
        ("12. Februar 2025", "2025-02-12"),
        ("March 3, 2024 2:05 PM", "2024-03-03T14:05"),
        ("2025. október 20.", "2025-10-20"),
        ("ngày 21 tháng 10 năm 2025", "2025-10-21"),
        ("20 de octubre de 2025", "2025-10-20"),
    ],
)
def test_dates(text: str, iso: str) -> None:
    assert [h.iso for h in find_dates(text, LEX.months)] == [iso]


def test_date_without_year_needs_a_hint() -> None:
    assert find_dates("am 12. Februar telefoniert", LEX.months) == []
    assert [h.iso for h in find_dates("am 12. Februar", LEX.months, year_hint=2025)] == [
        "2025-02-12"
    ]


def test_date_line_with_headline_between_dates() -> None:
    hit = fields.date_line(
        line("date 2025-10-21 Ngoại trưởng Nga và Mỹ điện đàm 21/10/2025 08:00"), LEX, None
    )
    assert hit is not None and hit.value == ("2025-10-21T08:00",)
    assert hit.title == "Ngoại trưởng Nga và Mỹ điện đàm"


def test_a_sentence_with_a_date_is_not_a_date_line() -> None:
    text = "Pe 20 octombrie 2025, ministrul a avut o convorbire cu omologul său american."
    assert fields.date_line(line(text), LEX, None) is None


@pytest.mark.parametrize(
    ("text", "authors"),
    [
        ("Editor : M.I.", ("M.I.",)),
        ("By Jane Doe and John Roe", ("Jane Doe", "John Roe")),
        ("De Ion Popescu", ("Ion Popescu",)),
    ],
)
def test_bylines(text: str, authors: tuple[str, ...]) -> None:
    hit = fields.byline(line(text, EN), LEX)
    assert hit is not None and hit.value == authors


def test_de_asemenea_is_not_a_byline() -> None:
    assert fields.byline(line("De asemenea, au fost prezenți liderii partidelor."), LEX) is None


@pytest.mark.parametrize(
    "text",
    [
        "Serghei Lavrov și Marco Rubio. Colaj foto: Profimedia Images",
        "Ngoại trưởng Nga Sergey Lavrov (trái) và Ngoại trưởng Mỹ. Ảnh: BỘ NGOẠI GIAO NGA",
        "Der Außenminister telefonierte. (Foto: Russisches Außenministerium) |",
        "Inquam Photos / Octav Ganea",
        "Foto: Inquam Photos / George Călin",
    ],
)
def test_captions_and_credits(text: str) -> None:
    assert fields.caption(line(text), LEX) is not None


def test_source_line_gives_url() -> None:
    hit = fields.source_line(line("Quelle: https://baodaknong.vn/a-242964.html"), LEX)
    assert hit is not None and hit.value == ("https://baodaknong.vn/a-242964.html",)


@pytest.mark.parametrize(
    ("text", "agency", "rest"),
    [
        (
            "(PLO)- Ngoại trưởng Nga đã có cuộc điện đàm.",
            "PLO",
            "Ngoại trưởng Nga đã có cuộc điện đàm.",
        ),
        ("BUCUREȘTI, 12 mai (Agerpres) - Guvernul a aprobat.", "Agerpres", "Guvernul a aprobat."),
        ("Berlin (dpa) - Die Regierung hat.", "dpa", "Die Regierung hat."),
    ],
)
def test_agency_datelines(text: str, agency: str, rest: str) -> None:
    assert cut_dateline(text, LEX.meta("news_agency")) == (agency, rest)


def test_parenthesis_in_a_sentence_is_not_a_dateline() -> None:
    assert cut_dateline("(Reuters is a news agency) and more text", LEX.meta("news_agency")) is None
    assert cut_dateline("Paris (la capitale) - une ville", LEX.meta("news_agency")) is None


def test_site_profile_marks_known_lines_weakly_when_prose() -> None:
    from cleannews.rules.site import profile_key, site_line

    known = {profile_key(fold("Urmărește-ne pe Facebook: 12 comentarii"))}
    mark = site_line(line("Urmareste-ne pe facebook: 3 comentarii"), known)
    assert mark is not None and mark.rule == "site_profile" and not mark.weak
    assert site_line(line("Un alt rând, pe care profilul nu îl știe."), known) is None
    prose = (
        "Ministrul a declarat luni că guvernul va lua o decizie privind bugetul în ședința de joi."
    )
    prose_mark = site_line(line(prose), {profile_key(fold(prose))})
    assert prose_mark is not None and prose_mark.weak  # the body may veto it


def test_a_sentence_ending_in_a_date_is_not_a_date_line_with_a_title() -> None:
    text = "Guvernul va stabili noua dată a alegerilor, a mai spus Curtea, în 6 decembrie 2024."
    assert fields.date_line(line(text), LEX, None) is None


def test_one_line_page_is_cut_at_the_first_clutter_marker_past_its_opening() -> None:
    from cleannews.rules.inline import cut_tail

    article = " ".join(["Guvernul a aprobat bugetul pentru școli."] * 20)  # 120 words
    cut = cut_tail(
        f"{article} Top Citite Imperiul de 27 de miliarde. Partenerii noștri Cancan", LEX
    )
    assert cut is not None and cut.rule == "most_read" and cut.kept == article
    # one-word headings are words of many sentences: they do not cut running text
    assert cut_tail(f"{article} Cel mai popular proiect a fost aprobat ieri.", LEX) is None


@pytest.mark.parametrize(
    "odd_word",
    [
        "½",  # one word of the text, two tokens once folded ("1", "2")
        "ca\u0301\u0301t",  # a mark inside a word: two words of the text, one token
        "",  # words and tokens agree
    ],
)
def test_a_tail_cut_falls_on_the_marker_when_words_and_tokens_part_ways(odd_word: str) -> None:
    from cleannews.normalize import fold_tokens
    from cleannews.rules.inline import cut_tail

    article = " ".join([f"Guvernul a aprobat {odd_word} bugetul pentru școli."] * 20)
    text = f"{article} Top Citite Imperiul de 27 de miliarde."
    for tokens in (None, fold_tokens(text)):
        cut = cut_tail(text, LEX, tokens)
        assert cut is not None and cut.rule == "most_read" and cut.kept == article


def test_a_lead_in_with_a_colon_makes_the_short_lines_after_it_list_items() -> None:
    from cleannews.rules.blocks import list_items

    texts = [
        "Ordinea pe buletinul de vot:",
        "George Simion",
        "Crin Antonescu",
        "Ministrul a declarat luni că guvernul va lua o decizie privind bugetul.",
        "Elena Lasconi",
    ]
    lines = [line(t) for t in texts]
    # the run ends at the first prose line; a short line after it is not an item
    assert list_items(lines, [None] * len(lines)) == bytes([0, 1, 1, 0, 0])
    # a one-word label is not a lead-in
    labels = [line("Tags:"), line("Politică"), line("Externe")]
    assert list_items(labels, [None] * 3) == bytes([0, 0, 0])


def test_a_prose_line_alone_between_runs_of_short_lines_is_a_teaser() -> None:
    from cleannews.body import isolated_prose

    prose = (
        "Ministrul a declarat luni că guvernul va lua o decizie privind bugetul în ședința de joi."
    )
    texts = ["Foto alt", "Titlu de știre", prose, "Autor Nume", "Alt titlu", prose + " Da."]
    lines = [line(t) for t in texts]
    scores = [-8.0, -8.0, 16.0, -8.0, -8.0, 17.0]
    assert isolated_prose(lines, scores, 2) == bytes([0, 0, 1, 0, 0, 0])


def test_a_copy_of_prose_does_not_break_a_run_of_short_lines() -> None:
    """A copy of a body line (score 0) leaves the cleaned text: it neither breaks nor
    extends the runs around a prose line, which reads as cleaning the output again will."""
    from cleannews.body import isolated_prose

    prose = (
        "Ministrul a declarat luni că guvernul va lua o decizie privind bugetul în ședința de joi."
    )
    copy = "Guvernul a anunțat că decizia privind bugetul va fi luată după ședința de joi."
    texts = ["Foto alt", "Titlu de știre", prose, copy, "Autor Nume", "Alt titlu"]
    lines = [line(t) for t in texts]
    scores = [-8.0, -8.0, 16.0, 0.0, -8.0, -8.0]
    assert isolated_prose(lines, scores, 2) == bytes([0, 0, 1, 0, 0, 0])


@pytest.mark.parametrize(
    ("text", "authors"),
    [
        ("Published August 7, 2023 by Nicole Burke", ("Nicole Burke",)),
        ("by Karina Cohen | May 19, 2024", ("Karina Cohen",)),
        ("September 1st, 2023 By Emily Norwood", ("Emily Norwood",)),
    ],
)
def test_byline_on_a_date_line(text: str, authors: tuple[str, ...]) -> None:
    hit = fields.date_line(line(text, EN), LEX, None)
    assert hit is not None and hit.authors == authors


def test_bare_names_are_bylines_but_not_interface_words_or_sentences() -> None:
    assert fields.bare_name(line("Cristina Petrache"), LEX) == fields.MetaHit(
        "byline", ("Cristina Petrache",), weak=True
    )
    assert fields.bare_name(line("Live TV"), LEX) is None  # a phrase-list word
    assert fields.bare_name(line("Politică"), LEX) is None  # one word
    assert fields.bare_name(line("Ministrul a declarat"), LEX) is None  # lower-case word


# A list's items are alike in length: past the first, an item of more than 12 words stays
# in the list when it is at most twice as long as the longest item before it.
TOUR_DATES = [
    "June 9 – West Palm Beach, FL @ Coral Sky Amphitheatre",
    "June 23 – Virginia Beach, VA @ Veterans United Home Loans Amphitheater at Virginia Beach",
    "June 24 – Bristow, VA @ Jiffy Lube Live",
]
# case -> (lines joined by ' | ', which are items: '+' item, '-' not)
LIST_RUNS = {
    "tour-dates-one-item-longer-than-12-words": (
        " | ".join(["The band will play these dates:", *TOUR_DATES]),
        "-+++",
    ),
    "headline-after-short-tags-is-not-an-item": (
        "Related Tags: | Delhi Smog | Air Quality | Happy Birthday Rajkumar Hirani: 5 Movies Of"
        " The Director That You Can Watch On Loop",
        "-++-",
    ),
    "a-first-item-of-more-than-12-words-is-not-an-item": (
        "The changes include: | Holders of a learner permit must log fifty hours of supervised"
        " driving before the test",
        "--",
    ),
}


@pytest.mark.parametrize("case", sorted(LIST_RUNS))
def test_list_items_are_alike_in_length(case: str) -> None:
    from cleannews.rules.blocks import list_items

    joined, expected = LIST_RUNS[case]
    lines = [line(t) for t in joined.split(" | ")]
    assert "".join("+" if item else "-" for item in list_items(lines, [None] * len(lines))) == (
        expected
    )


def test_a_list_at_the_end_of_the_article_keeps_its_longer_items() -> None:
    f = FILLER["en"]
    lead_in = "The band will play these dates:"
    text = "\n".join([f["title"], *f["paragraphs"], lead_in, *TOUR_DATES])
    art = cleannews.extract(text + "\n")
    for item in TOUR_DATES:
        assert item in art.paragraphs, item


def test_marks_are_shared_values_and_only_catalogue_rules_have_one() -> None:
    from cleannews.rules import Mark, mark

    teaser = mark("teaser", weak=True)
    assert teaser == Mark("teaser", weak=True) and teaser is mark("teaser", weak=True)
    assert mark("read_also", in_block=True) != mark("read_also")
    with pytest.raises(KeyError):
        mark("no_such_rule")
