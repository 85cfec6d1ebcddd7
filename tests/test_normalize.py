"""Reading input by blocks of lines gives what reading it line by line gives."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleannews import normalize
from cleannews.normalize import (
    fold_lines,
    fold_tokens,
    normalize_line,
    normalize_lines,
    split_lines,
)

# Lines with what the block steps act on: invisible characters, joiners, combining marks,
# cedillas, letters folded by hand, CJK, spaces of several kinds (U+0301 after a letter:
# NFC composes), a capital sigma (lower case depends on the next letter).
LINE = st.text(
    alphabet=st.sampled_from([*"ab Ţşßø\u0301\u200b\u200d\x00\t\xa0\u2003漢é.,:-Σ"]),
    max_size=30,
)


@pytest.fixture(params=[4, 64, 1 << 16], ids=["tiny-blocks", "small-blocks", "default"])
def block_chars(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setattr(normalize, "BLOCK_CHARS", request.param)
    return int(request.param)


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],  # the same size each example
)
@given(lines=st.lists(LINE, max_size=25), sep=st.sampled_from(["\n", "\r\n", "\r"]))
def test_blocks_read_like_single_lines(block_chars: int, lines: list[str], sep: str) -> None:
    text = sep.join(lines)
    normalized = normalize_lines(text)
    # The references read each line whole, whatever the block size (a line longer than a
    # block is read a piece at a time).
    assert normalized == [normalize._normalize_block(line)[0] for line in split_lines(text)]
    assert normalized == [normalize_line(line) for line in split_lines(text)]
    assert fold_lines(normalized) == [tuple(fold_tokens(line)) for line in normalized]


def test_a_line_longer_than_a_block_is_one_block(block_chars: int) -> None:
    text = "Ştiri  de azi\n" + "cuvânt " * 50 + "\n\nfinal"
    assert normalize_lines(text) == ["Ştiri de azi", ("cuvânt " * 50).strip(), "", "final"]


def test_a_long_line_is_not_joined_to_its_neighbours(block_chars: int) -> None:
    lines = ["a", "b" * (block_chars + 1), "c", "d"]
    blocks = list(normalize._blocks(lines))
    assert ["b" * (block_chars + 1)] in blocks
    assert [line for block in blocks for line in block] == lines


def test_repeated_words_share_one_string() -> None:
    first, second = fold_lines(["Guvernul a decis", "guvernul a amânat"])
    assert first[0] == second[0] == "guvernul"
    assert first[0] is second[0]


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
    assert normalize._STRAY_JOINER.sub("", text) == _joiners_removed_by_definition(text)
