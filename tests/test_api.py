"""The public contract of clean / extract / explain."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import cleannews
from cleannews import _core
from cleannews.repair import repair_text
from conftest import ROOT

SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
SEED0 = (ROOT / "seeds" / "000_ad8701fed1632e2c.txt").read_text(encoding="utf-8")


def split_lines(text: str) -> list[str]:
    """The input's lines, cut at LF, CRLF and CR (a final break ends the last line), each
    as it is in the input: a lone surrogate stays one (``_core.split_lines`` makes it NUL,
    which ftfy, unlike a surrogate, leaves alone)."""
    lines = re.split("\r\n|\r|\n", text)
    return lines[:-1] if lines and lines[-1] == "" else lines


def normalised_lines(text: str, language: str | None) -> list[str]:
    """The input's lines as the library documents its normalisation: mojibake repaired,
    each line NFC with spaces folded, Romanian comma letters."""
    norm = _core.normalize_line
    lines = [norm(repair_text(norm(repair_text(t)))) for t in split_lines(text)]
    return [_core.romanian_comma_letters(t) for t in lines] if language == "ro" else lines


def drawn(part: str, line: str) -> bool:
    """Is ``part`` in ``line``, the line as read or with the Romanian comma letters? The
    fix follows the page's set of languages, and ``language`` shows only the first: on a
    page that reads as German first and Romanian second the kept lines have the fix."""
    return part in line or part in _core.romanian_comma_letters(line)


@pytest.mark.parametrize("bad", [None, 42, 3.5, ["text"], {"text": "x"}, object()])
def test_non_text_raises_type_error_naming_the_type(bad: object) -> None:
    with pytest.raises(TypeError, match=type(bad).__name__):
        cleannews.clean(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("empty", ["", "   ", "\n\n\t\n", b"", b"  \r\n"])
def test_empty_input_gives_empty_output(empty: str | bytes) -> None:
    assert cleannews.clean(empty) == ""
    art = cleannews.extract(empty)
    assert art.paragraphs == () and art.title is None and art.removed == ()


def test_bytes_utf8_and_legacy_charsets_decode_to_the_same_result() -> None:
    text = "\n".join(SEED0.splitlines()[:24])
    expected = cleannews.clean(text)
    assert cleannews.clean(text.encode("utf-8")) == expected
    # Romanian in Windows-1250 (the legacy code page with ş ţ): decoded, then comma letters.
    legacy = text.replace("ș", "ş").replace("ț", "ţ").replace("Ș", "Ş").replace("Ț", "Ţ")
    assert cleannews.clean(legacy.encode("cp1250")) == expected


def test_mojibake_is_repaired() -> None:
    broken = "\n".join(SEED0.splitlines()[:24]).encode("utf-8").decode("latin-1")
    assert cleannews.clean(broken) == cleannews.clean("\n".join(SEED0.splitlines()[:24]))


def test_romanian_cedilla_letters_become_comma_letters_and_option_turns_it_off() -> None:
    cedilla = SEED0.replace("ș", "ş").replace("ț", "ţ")
    assert "ş" not in cleannews.clean(cedilla) and "ș" in cleannews.clean(cedilla)
    assert "ş" in cleannews.clean(cedilla, romanian_comma_letters=False)


def test_unknown_option_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="no_such_option"):
        cleannews.clean("x", no_such_option=1)


def test_config_is_frozen_and_overrides_do_not_leak() -> None:
    cfg = cleannews.Config()
    with pytest.raises(AttributeError):
        cfg.min_body_words = 1  # type: ignore[misc]
    assert cfg.with_overrides(min_body_words=1).min_body_words == 1
    assert cleannews.Config().min_body_words == cfg.min_body_words


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem)
def test_idempotent_and_deterministic(path) -> None:  # type: ignore[no-untyped-def]
    text = path.read_text(encoding="utf-8")
    once = cleannews.clean(text)
    assert cleannews.clean(once) == once
    assert cleannews.clean(text) == once


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem)
def test_explanations_replay_to_the_body(path) -> None:  # type: ignore[no-untyped-def]
    """Removing what `removed` reports from the input gives back the body."""
    text = path.read_text(encoding="utf-8")
    art = cleannews.extract(text)
    lines = dict(enumerate(normalised_lines(text, art.language), start=1))
    for r in art.removed:
        if r.partial:
            lines[r.line] = " ".join(lines[r.line].replace(r.text, "", 1).split())
        else:
            assert lines[r.line] == r.text
            lines[r.line] = ""
    replayed = [t for _, t in sorted(lines.items()) if t]
    if art.title and art.title in replayed:
        replayed.remove(art.title)
    assert "\n\n".join(replayed) == art.body


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem)
def test_output_lines_come_from_input_lines(path) -> None:  # type: ignore[no-untyped-def]
    text = path.read_text(encoding="utf-8")
    source = normalised_lines(text, cleannews.extract(text).language)
    for paragraph in cleannews.clean(text).split("\n\n"):
        assert any(drawn(paragraph, s) for s in source), paragraph


def test_every_rule_name_is_in_the_catalogue() -> None:
    for path in SEEDS:
        for d in cleannews.extract(path.read_text(encoding="utf-8")).lines:
            assert d.rule in cleannews.RULES
            assert d.cut_rule is None or d.cut_rule in cleannews.RULES


def test_to_dict_is_json_ready_and_complete() -> None:
    data = cleannews.extract(SEED0).to_dict()
    assert json.loads(json.dumps(data)) == data
    assert data["title"].startswith("Serghei Lavrov și Marco Rubio au avut")
    assert data["published"] == "2025-10-20" and data["language"] == "ro"
    rules = {r["rule"] for r in data["removed"]}
    assert {"most_read", "partners", "follow", "image_name", "empty_label"} <= rules


def test_explain_has_one_row_per_non_blank_line_with_its_rule() -> None:
    report = cleannews.explain(SEED0)
    rows = [r for r in report.splitlines() if r[:5].strip().isdigit()]
    assert len(rows) == sum(1 for t in SEED0.splitlines() if t.strip())
    assert any(" drop most_read " in r and "Top Citite" in r for r in rows)
    assert any(" keep body " in r for r in rows)
    assert any(" meta date " in r for r in rows)


def test_rule_counts_sum_to_removed() -> None:
    art = cleannews.extract(SEED0)
    assert sum(art.rule_counts().values()) == len(art.removed)
    assert art.rule_counts()["partners"] == 37  # lines 72-108 of the seed


def test_profile_removes_known_lines_and_explain_names_it() -> None:
    lines = SEED0.splitlines()[:22]
    tagline = "Emisiunea de seară a redacției, de la ora 20"  # no rule knows it: a subheading
    page = "\n".join([*lines[:12], tagline, *lines[12:]])
    other_hour = "Emisiunea de seară a redacției, de la ora 21"
    known = {_core.profile_key(_core.fold(other_hour))}  # numbers fold
    assert tagline in cleannews.clean(page)
    assert tagline not in cleannews.clean(page, profile=known)
    assert " drop site_profile " in cleannews.explain(page, profile=known)


def test_loss_guard_keeps_prose_that_position_alone_would_drop() -> None:
    from conftest import FILLER

    en = FILLER["en"]["paragraphs"]
    # The located body holds three paragraphs; five more stand alone between walls of menu
    # lines, each too short to outweigh its wall, together more than the body.
    page = [en[0], en[1], en[2]]
    for i in range(5):
        page += [f"Menu item {j}" for j in range(10)] + [f"{en[3]} ({i + 1})"]
    guarded = cleannews.extract("\n".join(page))
    unguarded = cleannews.extract("\n".join(page), max_prose_loss=1.0)
    assert "loss_guard" in guarded.flags and "loss_guard" not in unguarded.flags
    assert f"{en[3]} (5)" in guarded.paragraphs and f"{en[3]} (5)" not in unguarded.paragraphs


def test_page_without_line_breaks_keeps_the_article_and_loses_the_tail() -> None:
    one_line = " ".join(t for t in SEED0.splitlines() if t.strip())
    art = cleannews.extract(one_line)
    body = art.body
    assert "Convorbirea lui Lavrov cu Rubio vine în contextul tensiunilor" in body
    assert "Top Citite" not in body and "Partenerii noștri" not in body
    assert [r.rule for r in art.removed] == ["follow"]  # the tail, cut at 'Urmărește știrile'
    assert cleannews.clean(cleannews.clean(one_line)) == cleannews.clean(one_line)


def test_a_name_between_title_and_body_is_the_author() -> None:
    from conftest import FILLER

    ro = FILLER["ro"]
    page = "\n".join(["Acasă", "Politică", ro["title"], "Ana-Maria Tapescu", *ro["paragraphs"]])
    art = cleannews.extract(page)
    assert art.authors == ("Ana-Maria Tapescu",)
    assert art.title == ro["title"]


def test_an_inline_read_also_link_does_not_cut_a_short_article() -> None:
    from conftest import FILLER

    ro = FILLER["ro"]["paragraphs"]
    art = cleannews.extract("\n".join([ro[0], "Citește și: Guvernul a aprobat bugetul", ro[1]]))
    assert art.paragraphs == (ro[0], ro[1])
    assert [r.rule for r in art.removed] == ["read_also"]


def test_the_language_data_is_read_once_per_process() -> None:
    # The core's engine holds the Lexicon, built from the langdata texts once per process
    # and set of extra phrase files: two cleanings read the files and build it once.
    from cleannews import core

    page = (
        "Bob Smith says:\nNovember 19, 2019 at 6:34 am\nGreat article, thanks for writing it.\n"
        "Alice Roe says:\nNovember 19, 2019 at 7:00 am\nI agree with every word of it, truly."
    )
    core.engine.cache_clear()
    core.lexicon_sources.cache_clear()
    art = cleannews.extract(page)
    cleannews.extract(page + "\nThanks.")
    assert {d.rule for d in art.lines} >= {"comment_thread"}
    assert core.engine.cache_info().misses == 1
    assert core.lexicon_sources.cache_info().misses == 1


LINES_PAGE = (
    "Acasă » Știri\n\n"
    "Guvernul a aprobat bugetul pe anul viitor după o ședință de cinci ore.\n"
    "Ministrul a declarat că cheltuielile pentru investiții vor crește cu zece la sută.\n"
    "Citește și: Ce se schimbă la pensii"
)


def test_article_lines_are_one_decision_per_input_line_like_a_tuple() -> None:
    art = cleannews.extract(LINES_PAGE)
    as_tuple = tuple(art.lines)
    assert [d.line for d in as_tuple] == [1, 2, 3, 4, 5]  # the blank line 2 included
    assert as_tuple[1] == cleannews.LineDecision(2, "", "blank")
    assert as_tuple[2].rule == "body" and as_tuple[2].kept == as_tuple[2].text
    assert as_tuple[4].rule == "read_also" and as_tuple[4].kept == ""
    # read as a tuple: index, negative index, slice, equality and hash with the tuple
    assert len(art.lines) == 5
    assert art.lines[-1] == as_tuple[4] and art.lines[1:3] == as_tuple[1:3]
    assert art.lines == as_tuple and as_tuple == art.lines
    assert hash(art.lines) == hash(as_tuple)
    assert art.lines != as_tuple[:4]
    with pytest.raises(IndexError):
        art.lines[5]


def test_article_lines_survive_pickling_and_compare_by_value() -> None:
    import pickle

    art = cleannews.extract(LINES_PAGE)
    again = pickle.loads(pickle.dumps(art))
    assert again == art and tuple(again.lines) == tuple(art.lines)
    assert cleannews.extract(LINES_PAGE) == art  # two runs: equal, not identical, objects


def test_a_line_cut_in_part_keeps_its_part_and_names_the_cutting_rule() -> None:
    lead = "BUCUREȘTI (Agerpres) - Guvernul a aprobat luni bugetul pe anul viitor, după ore."
    page = lead + "\nMinistrul a declarat că cheltuielile pentru investiții vor crește mult."
    art = cleannews.extract(page)
    first = art.lines[0]
    assert first.rule == "body" and first.cut_rule == "agency"
    assert first.text == lead and first.kept.startswith("Guvernul a aprobat luni")
    assert next(iter(art.lines)) == first  # read in turn as by index
    assert art.agency == "Agerpres"


# -- arguments checked when given, naming what is wrong (issue 15) ----------------------------


@pytest.mark.parametrize(
    ("options", "error", "names"),
    [
        ({"min_body_words": "20"}, TypeError, ["min_body_words", "int", "str"]),
        ({"min_body_words": True}, TypeError, ["min_body_words", "int", "bool"]),
        ({"min_body_words": 12.5}, TypeError, ["min_body_words", "int", "float"]),
        ({"fix_mojibake": 1}, TypeError, ["fix_mojibake", "bool"]),
        ({"barrier_families": "comments"}, TypeError, ["barrier_families", "tuple of str"]),
        ({"max_prose_loss": 2}, ValueError, ["max_prose_loss", "[0.0, 1.0]", "2"]),
        ({"max_prose_loss": float("nan")}, ValueError, ["max_prose_loss", "nan"]),
        (
            {"prose_min_stopword_ratio": -0.1},
            ValueError,
            ["prose_min_stopword_ratio", "[0.0, 1.0]"],
        ),
        ({"min_body_words": -1}, ValueError, ["min_body_words", "[0, inf]"]),
        ({"block_resume_prose_lines": 0}, ValueError, ["block_resume_prose_lines", "[1, inf]"]),
        ({"input_format": "pdf"}, ValueError, ["input_format", "auto, text, html"]),
        ({"extra_phrase_files": "nope.txt"}, FileNotFoundError, ["extra_phrase_files", "nope.txt"]),
        ({"extra_phrase_files": ("a.txt", 3)}, TypeError, ["extra_phrase_files", "int"]),
    ],
)
def test_config_fields_are_checked_when_built_naming_the_field(
    options: dict[str, object], error: type[Exception], names: list[str]
) -> None:
    for build in (lambda: cleannews.Config(**options), lambda: cleannews.clean("x", **options)):
        with pytest.raises(error) as raised:
            build()  # type: ignore[no-untyped-call]
        assert all(name in str(raised.value) for name in names), raised.value


def test_config_accepts_an_int_for_a_float_field_and_stores_a_float() -> None:
    cfg = cleannews.Config(max_prose_loss=1)
    assert cfg.max_prose_loss == 1.0 and isinstance(cfg.max_prose_loss, float)
    assert cfg == cleannews.Config(max_prose_loss=1.0)


def test_extra_phrase_files_one_path_is_one_file(tmp_path: Path) -> None:
    phrases = tmp_path / "mine.txt"
    phrases.write_text("[read_also]\nvezi acum pagina noastra ...\n", "utf-8")
    for one in (str(phrases), phrases):
        cfg = cleannews.Config(extra_phrase_files=one)  # type: ignore[arg-type]
        assert cfg.extra_phrase_files == (str(phrases),)
    marker = "la Budapesta.\n"  # the end of seed 000's first body paragraph
    page = SEED0.replace(marker, marker + "Vezi acum pagina noastră specială de Facebook\n", 1)
    assert "Vezi acum" in cleannews.clean(page)
    removed = cleannews.extract(page, extra_phrase_files=str(phrases)).removed
    assert [r.rule for r in removed if r.text.startswith("Vezi acum")] == ["read_also"]


@pytest.mark.parametrize("config", ["x", {"min_body_words": 3}, 12])
def test_config_argument_must_be_a_config(config: object) -> None:
    with pytest.raises(
        TypeError, match=rf"config must be a cleannews.Config.*{type(config).__name__}"
    ):
        cleannews.clean("x", config)  # type: ignore[arg-type]


@pytest.mark.parametrize("profile", ["a line", b"a line", 12, object()])
def test_profile_argument_must_be_a_profile(profile: object) -> None:
    with pytest.raises(TypeError, match=rf"profile must be .*{type(profile).__name__}"):
        cleannews.clean("x", profile=profile)  # type: ignore[arg-type]


def test_profile_argument_may_be_any_set_of_keys() -> None:
    assert cleannews.clean(SEED0, profile=frozenset()) == cleannews.clean(SEED0)


@pytest.mark.parametrize("texts", ["one document", b"one document"])
def test_learn_refuses_a_single_document(texts: str | bytes) -> None:
    with pytest.raises(TypeError, match="iterable of documents"):
        cleannews.learn(texts)


def test_dir_lists_only_the_documented_public_names() -> None:
    import types

    names = {
        n
        for n in dir(cleannews)
        if not (n.startswith("__") and n.endswith("__"))
        and not isinstance(getattr(cleannews, n), types.ModuleType)
    }
    assert names == set(cleannews.__all__)
    readme = (ROOT / "README.md").read_text("utf-8")
    assert [
        n for n in cleannews.__all__ if f"`{n}`" not in readme and f"cleannews.{n}" not in readme
    ] == []


def batch_inputs(html_page: bool = True) -> list[str | bytes]:
    """Documents of every kind a batch meets, in an order the threads do not take them in
    (they take the largest first): seeds of every size, a short page, blank and empty
    input, a page with mojibake (the repair path, in Python), bytes, and an HTML page
    (a batch with one goes by ``extract_many``; one without, by the core's ``clean_many``)."""
    short = "Titlu\n\nGuvernul a aprobat miercuri bugetul, care merge acum în Parlament."
    broken = "\n".join(SEED0.splitlines()[:24]).encode("utf-8").decode("latin-1")
    seeds = [p.read_text(encoding="utf-8") for p in SEEDS]
    html = f"<html><body><h1>Titlu</h1><p>{'Guvernul a aprobat bugetul. ' * 20}</p></body></html>"
    docs: list[str | bytes] = [short, *seeds[::-1], "", "  \n ", broken, SEED0.encode("utf-8")]
    return [*docs, html, short] if html_page else [*docs, short]


@pytest.mark.parametrize("html_page", [False, True])
@pytest.mark.parametrize("workers", [1, 2, 3, 64])
def test_clean_many_is_clean_of_each_text_in_order(workers: int, html_page: bool) -> None:
    docs = batch_inputs(html_page)
    expected = [cleannews.clean(d) for d in docs]
    assert len(set(expected)) >= len(SEEDS) + 2  # the documents give different texts
    assert cleannews.clean_many(docs, workers=workers) == expected


@pytest.mark.parametrize("workers", [1, 2])
def test_extract_many_is_extract_of_each_text_in_order(workers: int) -> None:
    docs = batch_inputs()
    got = [a.to_dict() for a in cleannews.extract_many(docs, workers=workers)]
    assert got == [cleannews.extract(d).to_dict() for d in docs]


def test_a_batch_of_none_is_an_empty_list() -> None:
    assert cleannews.clean_many([], workers=2) == []
    assert cleannews.extract_many(iter([]), workers=2) == []
