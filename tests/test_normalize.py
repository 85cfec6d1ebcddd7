"""Reading: the core's normalisation and folding (``_core``), as the profile and the HTML
path use them. Each step against Python's own definition is checked by the core's unit
tests (``crates/cleannews-core/src/normalize.rs``)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleannews import _core

# Lines with what normalising acts on: invisible characters, joiners, combining marks,
# cedillas, letters folded by hand, CJK, spaces of several kinds (U+0301 after a letter:
# NFC composes), a capital sigma (lower case depends on the next letter), a surrogate.
LINE = st.text(
    alphabet=st.sampled_from([*"ab Ţşßø\u0301\u200b\u200d\x00\t\xa0\u2003漢é.,:-Σ\ud800"]),
    max_size=30,
)


def split(text: str) -> list[str]:
    """Lines cut at LF, CRLF and CR; a final break ends the last line."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return lines[:-1] if lines[-1] == "" else lines


@settings(max_examples=300, deadline=None)
@given(lines=st.lists(LINE, max_size=25), sep=st.sampled_from(["\n", "\r\n", "\r"]))
def test_a_text_reads_as_its_lines_one_by_one(lines: list[str], sep: str) -> None:
    text = sep.join(lines) + sep * (len(lines) % 2)  # with and without a final break
    assert _core.split_lines(text) == [line.replace("\ud800", "\x00") for line in split(text)]
    normalized = _core.normalize_lines(text)
    assert normalized == [_core.normalize_line(line) for line in split(text)]
    assert _core.normalize_line(text) == " ".join(normalized)


def test_a_long_line_reads_whole() -> None:
    text = "Ştiri  de azi\n" + "cuvânt " * 50_000 + "\n\nfinal"
    assert _core.normalize_lines(text) == [
        "Ştiri de azi",
        ("cuvânt " * 50_000).strip(),
        "",
        "final",
    ]


def test_a_crlf_is_one_break() -> None:
    assert _core.normalize_lines("a\r\nb\r\n\r\nc") == ["a", "b", "", "c"]
    assert _core.normalize_lines("a\r\rb\n") == ["a", "", "b"]


def test_lone_surrogates_are_deleted_and_their_line_stays() -> None:
    assert _core.normalize_lines("a\ud800b\n\udfff") == ["ab", ""]


def _joiners_removed_by_definition(text: str) -> str:
    """The stray-joiner rule spelt out: a run of ZWJ/ZWNJ goes when a Latin, Greek or
    Cyrillic letter stands right before or right after it."""
    import regex

    letter = regex.compile(r"[\p{Latin}\p{Greek}\p{Cyrillic}]")
    out, i = [], 0
    for run in regex.finditer(r"[\u200c\u200d]+", text):
        before = text[run.start() - 1] if run.start() else ""
        after = text[run.end()] if run.end() < len(text) else ""
        out.append(text[i : run.start()])
        if not (letter.fullmatch(before) or letter.fullmatch(after)):
            out.append(run.group())
        i = run.end()
    return "".join(out) + text[i:]


@settings(max_examples=500, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.sampled_from(["a", "ж", "α", "ب", "1", " ", "\u200c", "\u200d"])))
def test_stray_joiners_go_by_their_definition(text: str) -> None:
    # Nothing else in this alphabet changes but the spaces, which fold.
    assert _core.normalize_line(text) == " ".join(_joiners_removed_by_definition(text).split())


@settings(max_examples=500, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.text(
        alphabet=st.sampled_from(["l", "a", "ب", "1", " ", "\u0331", "\u0301", "\u200c", "\u200d"])
    )
)
def test_normalising_twice_changes_nothing(text: str) -> None:
    """Composing can make a joiner stray ('l' U+0331 ZWJ -> 'ḻ' ZWJ): it goes in the same
    pass, so a second normalisation finds nothing to do (the core's fuzz target found it)."""
    once = _core.normalize_line(text)
    assert _core.normalize_line(once) == once


def test_a_joiner_made_stray_by_composing_goes() -> None:
    assert _core.normalize_line("l\u0331\u200d") == "\u1e3b"
    assert _core.normalize_line("ب\u0331\u200d") == "ب\u0331\u200d"  # Arabic: it spells


@settings(max_examples=300, deadline=None)
@given(LINE)
def test_fold_joins_the_fold_tokens(text: str) -> None:
    assert _core.fold(text) == " ".join(_core.fold_tokens(text))


def test_profile_keys_fold_numbers_and_the_mojibake_hint() -> None:
    assert _core.profile_key("12 comentarii 3") == "0 comentarii 0"
    assert _core.profile_key("fara cifre") == "fara cifre"
    assert _core.has_mojibake_hint("Ã®n") and _core.has_mojibake_hint("itâ€™s")
    assert not _core.has_mojibake_hint("în") and not _core.has_mojibake_hint("Ã")
    assert _core.romanian_comma_letters("Ştiri ţară") == "Știri țară"
