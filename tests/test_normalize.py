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

# Examples for the tests that take the block size fixture: lines joined by each break.
_BLOCK_EXAMPLES = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],  # the same size each example
)
_LINES_AND_BREAKS = given(
    lines=st.lists(LINE, max_size=25), sep=st.sampled_from(["\n", "\r\n", "\r"])
)


@pytest.fixture(params=[4, 64, 1 << 16], ids=["tiny-blocks", "small-blocks", "default"])
def block_chars(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setattr(normalize, "BLOCK_CHARS", request.param)
    return int(request.param)


@_BLOCK_EXAMPLES
@_LINES_AND_BREAKS
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


@_BLOCK_EXAMPLES
@_LINES_AND_BREAKS
def test_blocks_hold_the_lines_in_order(block_chars: int, lines: list[str], sep: str) -> None:
    text = sep.join(lines) + sep * (len(lines) % 2)  # with and without a final break
    raw = [line for block in normalize.raw_blocks(text) for line in block]
    normalized = [line for block in normalize.normalized_blocks(text) for line in block]
    assert raw == split_lines(text)
    assert normalized == [normalize_line(line) for line in raw]


def test_a_crlf_across_a_block_edge_is_one_break(block_chars: int) -> None:
    # The window of a block ends between the CR and the LF of one break.
    text = "a" * (block_chars - 1) + "\r\nb\r\n\r\nc"
    assert [x for block in normalize.raw_blocks(text) for x in block] == split_lines(text)
    assert normalize_lines(text) == ["a" * (block_chars - 1), "b", "", "c"]


def test_a_long_line_is_read_from_the_text_in_pieces(block_chars: int) -> None:
    text = "x\n" + "cuvânt  " * block_chars + "\nz"
    spans = list(normalize._spans(text))
    long_spans = [(start, end) for start, end, long in spans if long]
    assert [text[start:end] for start, end in long_spans] == ["cuvânt  " * block_chars]
    pieces = list(normalize._pieces(text, *long_spans[0]))
    assert len(pieces) > 1
    assert "".join(pieces) == "cuvânt  " * block_chars


@pytest.mark.parametrize("batch", [1, 3, 1 << 12])
def test_fold_each_folds_every_line_with_one_string_a_word(
    batch: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(normalize, "FOLD_BATCH_LINES", batch)
    lines = ["Guvernul a decis", "", "guvernul a amânat", "Știri", "STIRI azi"]
    folded = list(normalize.fold_each(iter(lines)))
    assert folded == [(line, tuple(fold_tokens(line))) for line in lines]
    assert folded[0][1][0] is folded[2][1][0]  # "guvernul", across batches too
    assert folded[3][1][0] is folded[4][1][0]  # "stiri"


@settings(max_examples=500, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.text(
        alphabet=st.sampled_from(["l", "a", "ب", "1", " ", "\u0331", "\u0301", "\u200c", "\u200d"])
    )
)
def test_normalising_twice_changes_nothing(text: str) -> None:
    """Composing can make a joiner stray ('l' U+0331 ZWJ -> 'ḻ' ZWJ): it goes in the same
    pass, so a second normalisation finds nothing to do (the core's fuzz target found it)."""
    once = normalize.normalize_line(text)
    assert normalize.normalize_line(once) == once


def test_a_joiner_made_stray_by_composing_goes() -> None:
    assert normalize.normalize_line("l\u0331\u200d") == "\u1e3b"
    assert normalize.normalize_line("ب\u0331\u200d") == "ب\u0331\u200d"  # Arabic: it spells
