"""benchmarks/regex_audit.py's pure parts (which patterns it finds, which inputs it builds;
no timing), and the patterns it found super-linear: the same matches after the fix."""

from __future__ import annotations

import re

import pytest
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from benchmarks.regex_audit import (
    SCAN,
    Found,
    Input,
    Timing,
    classes,
    cuts,
    discover,
    example_texts,
    examples,
    inputs,
    ops_used,
    parse,
    patterns_in,
    pumped,
    quoted,
    row,
    table,
    units,
    verdict,
    worst,
)
from cleannews.metadata import agency, fields

# The stray-joiner pattern before commit 80b0216: quadratic in a run of joiners.
OLD_STRAY_JOINER = regex.compile(
    r"(?<=[\p{Latin}\p{Greek}\p{Cyrillic}])[\u200c\u200d]+"
    r"|[\u200c\u200d]+(?=[\p{Latin}\p{Greek}\p{Cyrillic}])"
)


def test_discovery_finds_module_patterns_patterns_in_tuples_and_literal_ones() -> None:
    found = {(f.module, f.name) for f in discover()}
    expected = {
        ("cleannews.normalize", "_STRAY_JOINER"),
        ("cleannews.normalize", "_TOKEN"),
        ("cleannews.metadata.fields", "_NAME_SPLIT"),
        ("cleannews.metadata.fields", "_NAME"),
        ("cleannews.metadata.dates", "_DAY_MONTH"),
        ("cleannews.html", "_SCRIPT"),
        ("cleannews.html", "_TAG"),  # a bytes pattern
        ("cleannews.rules.shapes", "_URL_LINE"),
        ("cleannews.features", "CJK_CHAR"),
        ("cleannews.pipeline", "_HAS_DIGIT"),
    } | {("cleannews.metadata.fields", f"_FIRST_TOKENS[{i}]") for i in range(4)}
    assert expected <= found
    # A pattern imported into another module (CJK_CHAR into language) is listed once,
    # where it is defined.
    assert [m for m, n in found if n == "CJK_CHAR"] == ["cleannews.features"]
    # regex.fullmatch(r"[\p{Ll}\p{N} '’-]+", text) in rules/shapes.py.
    assert any(m == "cleannews.rules.shapes" and n.startswith("fullmatch@") for m, n in found)
    assert len(found) == len(discover())


def test_patterns_inside_containers_are_named_by_their_place() -> None:
    a, b = re.compile("a"), regex.compile("b")
    value = {"x": (a, [b]), "y": 3}
    assert list(patterns_in(value, "T")) == [("T['x'][0]", a), ("T['x'][1][0]", b)]
    assert list(patterns_in("not a pattern", "S")) == []


def test_operations_are_read_from_the_source_with_the_whole_string_scan() -> None:
    source = "x = _P.split(t)\ny = _Q[2].match(t) or _P.search(t)\n"
    assert ops_used("_P", source) == ("search", "finditer", "split")
    assert ops_used("_Q[1]", source) == ("finditer", "match")
    assert ops_used("_R", source) == (SCAN,)
    assert set(next(f for f in discover() if f.name == "_NAME_SPLIT").ops) == {"split", "finditer"}


def test_parse_reads_classes_literals_escapes_and_words() -> None:
    atoms, chars, words = parse(r"(?<![\u200c\u200d])https?://\p{L}{1,3}\d+,|ngày\.(?P<x>a)")
    assert r"[\u200c\u200d]" in atoms and r"\p{L}" in atoms and r"\d" in atoms
    assert {"\u200c", "\u200d", ",", "."} <= chars
    assert words == ["https", "://", "ngày."]
    assert "," in atoms  # a lone literal is a class of its own; a word's letters are not
    assert "h" not in atoms


def test_classes_have_one_character_each() -> None:
    reps = classes(OLD_STRAY_JOINER)
    joiners = [c for c in reps if c in "\u200c\u200d"]
    latin = [c for c in reps if regex.match(r"\p{Latin}", c)]
    other = [c for c in reps if c not in joiners and c not in latin]
    assert len(joiners) == 1 and len(latin) == 1 and other  # ZWNJ and ZWJ: one class
    # A bytes pattern gets characters of one byte.
    assert all(ord(c) < 256 for c in classes(regex.compile(rb"<[^<>]*>")))
    ordinal = regex.compile(r"\d+(?:st|nd)")
    assert units(ordinal) == [*classes(ordinal), "st", "nd"]
    assert len(classes(ordinal)) == 2  # a digit, and a character that is none


def test_inputs_are_runs_pairs_and_tails() -> None:
    made = {(i.units, i.tail) for i in inputs(regex.compile(r"<[^<>]*>"))}
    assert (("<",), "") in made  # a run to the end of the text
    assert (("<",), "7") in made  # a run that a digit ends
    assert (("<", ">"), "q") in made  # two alternating characters that a letter ends
    heads = {(i.head, i.units, i.tail) for i in inputs(regex.compile(r"<[^<>]*>"))}
    assert ("<", (">",), "") in heads  # one character, then a run of another
    joiner = next(c for c in classes(OLD_STRAY_JOINER) if c in "\u200c\u200d")
    assert any(i.units == (joiner,) and i.tail == "7" for i in inputs(OLD_STRAY_JOINER))


def test_an_input_is_built_to_its_size_before_its_tail() -> None:
    case = Input("alternating 'ab' 'c' + '7'", ("ab", "c"), "7")
    assert case.build(7) == "abcabca7"
    assert Input("run", ("\u200d",), "").build(3) == "\u200d" * 3
    assert Input("'Z' then run of 'a'", ("a",), " ", "Z").build(4) == "Zaaaa "


def test_examples_are_matches_found_in_quoted_strings_and_project_texts() -> None:
    source = "# 'BUCUREȘTI, 12 mai (Agerpres) -', \"Berlin (dpa) -\"\nX = 'ab'\n"
    assert quoted(source) == ["BUCUREȘTI, 12 mai (Agerpres) -", "Berlin (dpa) -", "ab"]
    paren = regex.compile(r"\((\w+)\)")
    assert examples(paren, [*quoted(source), "(x)"]) == ["(Agerpres)", "(dpa)"]
    assert examples(paren, ["(x)", "(x)", "no"], limit=5) == ["(x)"]
    assert examples(regex.compile(rb"<p>"), ["a <p> b"]) == ["<p>"]
    assert any("Citește" in t for t in example_texts())  # the seeds' lines


def test_a_match_is_pumped_at_its_cuts() -> None:
    assert cuts("Berlin (dpa)") == [6, 7, 8, 11, 12]  # word ends, around punctuation, end
    made = {(i.head, i.units, i.tail) for i in pumped("Ab (x)", [" "])}
    assert ("Ab (", (" ",), "7") in made  # a class's character pumped after the bracket
    assert ("Ab (", ("(",), "") in made  # the character before the cut
    assert ("Ab (", ("x",), "") in made  # and the one after it
    assert all(i.build(3).startswith(i.head) for i in pumped("Ab (x)"))


def test_worst_and_verdict() -> None:
    quick = Timing("quick", 0.00001, 0.0001)  # ratio 10, too quick to mean anything
    linear = Timing("linear", 0.002, 0.008)
    quadratic = Timing("quadratic", 0.01, 0.16)
    assert worst([quick, linear]) == linear
    assert worst([quick, linear, quadratic]) == quadratic
    assert worst([quick]) == quick
    assert verdict(linear) == "linear" and verdict(quadratic) == "SUPER-LINEAR"
    assert verdict(Timing("slow but small", 0.0001, 0.009)) == "linear"
    assert verdict(Timing("not run", 6.0, float("inf"))) == "SUPER-LINEAR"


def test_table_lines_up() -> None:
    found = Found("_P", "cleannews.normalize", re.compile("a"), (SCAN,))
    text = table([row(found, Timing("run of 'a'", 0.001, 0.004))])
    _, rule, line = text.splitlines()
    assert line.split() == ["_P", "normalize", "run", "of", "'a'", "1.00", "4.00", "4.0", "linear"]
    assert len(rule) >= len(line)


# -- patterns the audit found super-linear: the same matches as before the fix ---------

OLD_NAME_SPLIT = regex.compile(
    r"\s*(?:,|;|&|\|)\s*(?:(?:and|și|und|et|y|e)\s+)?"
    r"|\s+(?:and|și|si|şi|und|e|y|et|i|és|và|en|og|och|a)\s+",
    regex.IGNORECASE,
)
NAME_PIECES = [" ", "  ", "\t", "\u3000", ",", ";", "&", "|", "and", "AND", "și", "e", "y"]
NAME_PIECES += ["a", "i", "og", "x", "Jo", "Ann", "-", ".", "\n"]


@settings(max_examples=1000, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(NAME_PIECES), max_size=30).map("".join))
def test_name_split_splits_as_before(text: str) -> None:
    assert fields._NAME_SPLIT.split(text) == OLD_NAME_SPLIT.split(text)
    new = [m.span() for m in fields._NAME_SPLIT.finditer(text)]
    assert new == [m.span() for m in OLD_NAME_SPLIT.finditer(text)]


OLD_PAREN = regex.compile(r"^\(\s*(?P<name>[\p{L}\p{N}.&/ ]{1,30}?)\s*\)\s*\.?[-–—]{1,2}\s*")
OLD_PLACE = regex.compile(
    r"^(?P<place>\p{Lu}[\p{L}'.-]{1,25}(?:\s\p{Lu}[\p{L}'.-]{1,25}){0,2}),?\s{0,3}[^()/\n]{0,30}?"
    r"(?:\(\s*(?P<name>[\p{L}\p{N}.&/ ]{1,30}?)\s*\)|/(?P<slashed>[\p{L}\p{N}.& ]{1,30}?)/)"
    r"\s*\.?[-–—]{1,2}\s*"
)
DATELINE_PIECES = ["(", ")", " ", "  ", "\t", "\u00a0", "/", "-", "–", ".", ",", "&", "7"]
DATELINE_PIECES += ["AFP", "dpa", "a", "Berlin", "BUCUREȘTI", "12 mai", "\n"]


def _same_match(new: regex.Pattern[str], old: regex.Pattern[str], text: str) -> None:
    got, want = new.match(text), old.match(text)
    assert (got and (got.span(), got.groupdict())) == (want and (want.span(), want.groupdict()))


@pytest.mark.parametrize(
    "text", ["(  \t) -", "( \t ) -", "(\t) -", "( ) -", "(  a  ) -", "( \t)x", "( \t \t) - x"]
)
def test_datelines_whose_name_is_a_space_match_as_before(text: str) -> None:
    _same_match(agency._PAREN, OLD_PAREN, text)
    _same_match(agency._PLACE, OLD_PLACE, "Berlin " + text)


@settings(max_examples=1500, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(["", "Berlin ", "BUCUREȘTI, 12 mai ", "Madrid, 15 feb"]),
    st.lists(st.sampled_from(DATELINE_PIECES), max_size=25).map("".join),
)
def test_datelines_match_as_before(head: str, text: str) -> None:
    _same_match(agency._PAREN, OLD_PAREN, text)
    _same_match(agency._PLACE, OLD_PLACE, head + text)
