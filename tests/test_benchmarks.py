"""Unit tests of the benchmark's scoring: expected values worked out by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.corpora import Doc
from benchmarks.evaluate import meta_vs_clutter, snippets
from benchmarks.gate import Check, checks, idempotent_shares, updated
from benchmarks.robustness import (
    CASES,
    HEADER,
    family,
    load_results,
    record,
    row,
    save_results,
    series,
    slope_one,
    tiny_lines,
    tiny_unique_lines,
)
from benchmarks.robustness import main as robustness_main
from benchmarks.scoring import (
    PR,
    author_matches,
    date_matches,
    f1,
    line_pr,
    multiset_pr,
    snippet_counts,
    summarise,
    title_matches,
    token_pr,
    tokens,
)
from benchmarks.speed import synthetic_input
from benchmarks.systems import Output, c4_line, lines_found_in, wrap_paragraphs


def test_tokens_lowercase_words_and_numbers() -> None:
    assert tokens("Hello, World! 2025-10-20 e-mail") == [
        "hello",
        "world",
        "2025",
        "10",
        "20",
        "e",
        "mail",
    ]


def test_tokens_keep_diacritics_and_split_on_punctuation() -> None:
    assert tokens("Citește și: Ștefan’s ţară") == ["citește", "și", "ștefan", "s", "ţară"]


def test_tokens_one_per_cjk_character() -> None:
    assert tokens("東京タワー is 高い") == ["東", "京", "タ", "ワ", "ー", "is", "高", "い"]


def test_multiset_counts_repeats() -> None:
    # output a a b c (4), gold a b b (3): shared = min(2,1) + min(1,2) = 2
    pr = multiset_pr(["a", "a", "b", "c"], ["a", "b", "b"])
    assert pr == PR(2 / 4, 2 / 3)
    assert pr.f1 == pytest.approx(2 * 0.5 * (2 / 3) / (0.5 + 2 / 3))  # 4/7


def test_multiset_empty_output_scores_zero() -> None:
    assert multiset_pr([], ["a"]) == PR(0.0, 0.0)


def test_multiset_empty_gold() -> None:
    assert multiset_pr([], []) == PR(1.0, 1.0)
    assert multiset_pr(["a"], []) == PR(0.0, 1.0)


def test_token_pr_ignores_case_and_punctuation() -> None:
    # output: the cat sat | the end  -> 5 tokens; gold: the cat sat on the mat -> 6 tokens
    # shared: the x2, cat, sat = 4
    pr = token_pr("The cat sat.\nThe end!", "the cat sat on the mat")
    assert pr == PR(4 / 5, 4 / 6)


def test_line_pr() -> None:
    assert line_pr([1, 2, 3, 4], [2, 3, 5]) == PR(2 / 4, 2 / 3)
    assert line_pr([], [1]) == PR(0.0, 0.0)


def test_summary_f1_of_means_and_median() -> None:
    s = summarise([PR(1.0, 0.5), PR(0.5, 0.5), PR(0.0, 0.0)])
    assert s is not None
    assert s.precision == pytest.approx(0.5)
    assert s.recall == pytest.approx(1 / 3)
    assert s.f1 == pytest.approx(2 * 0.5 * (1 / 3) / (0.5 + 1 / 3))  # 0.4
    assert s.median_f1 == pytest.approx(0.5)  # doc F1s: 2/3, 0.5, 0
    assert summarise([]) is None
    assert f1(0.0, 0.0) == 0.0


def test_snippets_count_only_those_in_the_input() -> None:
    text = "Read more\nThe  Quick brown fox jumps.\nSubscribe now"
    # "never there" is not in the text, so it is not counted
    assert snippet_counts(
        ["the quick brown", "never there"], text, "The quick  brown fox jumps."
    ) == (1, 1)
    assert snippet_counts(["Read more", "Subscribe now"], text, "Subscribe NOW") == (2, 1)


def test_snippet_rows_keep_and_drop() -> None:
    doc = Doc(
        id="d",
        text="Home\nA long sentence here.\nLogin",
        keep=("a long sentence",),
        drop=("Home", "Login"),
    )
    keep, drop = snippets(doc, Output("A long sentence here.\nLogin"))
    assert (keep.hits, keep.total, drop.hits, drop.total) == (1, 1, 1, 2)


def test_drop_lines_use_line_numbers() -> None:
    doc = Doc(
        id="d", text="Politică\nPolitică is a word here.\nFoto: X", drop_lines=frozenset({1, 3})
    )
    _, drop = snippets(doc, Output("Politică is a word here.", lines=(2,)))
    assert (drop.hits, drop.total) == (2, 2)


def test_meta_vs_clutter() -> None:
    labels = ((1, "title"), (2, "metadata"), (3, "body"), (4, "clutter"), (5, "clutter"))
    doc = Doc(id="d", text="", labels=labels)
    # 1 meta (right), 2 clutter (wrong), 4 clutter (right), 5 kept as body (wrong)
    r = meta_vs_clutter(doc, Output("", lines=(3, 5), meta_lines=(1,)))
    assert (r.hits, r.total) == (2, 4)


def test_title_matching_rule() -> None:
    assert title_matches("“The Title!”", "the  title")
    assert title_matches("The Title | Site", "The Title")  # containment, 9 of 16 chars
    assert not title_matches("Title", "The Title of a Much Longer Headline")
    assert not title_matches(None, "x")
    assert title_matches("A Beginner’s Guide", "A Beginner's Guide")  # typographic quotes
    assert title_matches("The results? ‘Sobering’ now", "The results? 'Sobering' now")
    assert author_matches(("Conan O’Brien",), "Conan O'Brien")


def test_date_and_author_matching_rules() -> None:
    assert date_matches("2025-10-20T08:00:00", "2025-10-20 08:32:13")
    assert not date_matches("2025-10-21", "2025-10-20")
    assert not date_matches(None, "2025-10-20")
    assert author_matches(("Andrew King",), "Andrew King")
    assert author_matches(("Donna Enzmann",), "Danielle DeSiato, Donna Enzmann, and Natalie Nguyen")
    assert author_matches(("A. B.", "C. D."), "A. B., C. D.")
    assert not author_matches((), "Andrew King")
    assert not author_matches(("Jane Doe",), "Andrew King")


def test_c4_line_rules() -> None:
    assert c4_line("This is a sentence.")
    assert c4_line("He said “this is it.”")
    assert not c4_line("Two words.")
    assert not c4_line("No terminal punctuation here")
    assert not c4_line("Please enable JavaScript to continue.")
    assert not c4_line("Read our privacy policy for details.")


def test_wrapping_and_line_mapping() -> None:
    assert (
        wrap_paragraphs("a < b\n\nc") == "<html><body>\n<p>a &lt; b</p>\n<p>c</p>\n</body></html>"
    )
    text = "Menu\nFirst  paragraph here.\n\nSecond paragraph."
    assert lines_found_in(text, "first paragraph here.\nSecond paragraph.") == (2, 4)


def test_synthetic_input_size_and_line_boundary() -> None:
    out = synthetic_input(["abc\ndefgh", "ij"], 14)
    # lines cost len+1 bytes: abc(4) defgh(6) ij(3) = 13, then abc(4) would exceed 14
    assert out == "abc\ndefgh\nij"


def test_gate_tolerance_and_floors() -> None:
    base = {"tolerance": 0.005, "floors": {"seeds": {"f1": 0.9, "precision": 1.0}}}
    got = {"seeds": {"f1": 0.896, "precision": 0.99}}
    result = {c.metric: c.ok for c in checks(got, base)}
    assert result == {"f1": True, "precision": False}  # 0.896 >= 0.895; 0.99 < 0.995
    assert Check("x", "f1", 0.5, 0.6, 0.005).describe().startswith("DROP")


def test_gate_update_raises_but_lowers_only_with_reason() -> None:
    base = {"tolerance": 0.005, "floors": {"seeds": {"f1": 0.9, "precision": 1.0}}, "history": []}
    got = {"seeds": {"f1": 0.95678, "precision": 0.98}, "wcxb_dev": {"f1": 0.9, "precision": 0.91}}
    new, refused = updated(got, base, None)
    assert new["floors"]["seeds"] == {"f1": 0.9567, "precision": 1.0}
    assert new["floors"]["wcxb_dev"] == {"precision": 0.91, "f1": 0.9}
    assert refused == ["seeds precision: 0.9800 < floor 1.0000"]
    new, refused = updated(got, base, "labels fixed")
    assert new["floors"]["seeds"]["precision"] == 0.98
    assert refused == []
    assert new["history"][-1]["reason"] == "labels fixed"
    same, _ = updated({"seeds": {"f1": 0.9, "precision": 1.0}}, base, None)
    assert same["history"] == []  # nothing changed, nothing recorded


def test_gate_pins_metadata_accuracy_where_it_is_measured() -> None:
    base = {"tolerance": 0.005, "floors": {"wcxb_dev": {"f1": 0.9, "title": 0.54}}, "history": []}
    got = {"wcxb_dev": {"f1": 0.91, "precision": 0.92, "title": 0.53, "date": 0.69}}
    assert {c.metric: c.ok for c in checks(got, base)} == {"f1": True, "title": False}
    new, refused = updated(got, base, None)
    assert new["floors"]["wcxb_dev"] == {"precision": 0.92, "f1": 0.91, "title": 0.54, "date": 0.69}
    assert refused == ["wcxb_dev title: 0.5300 < floor 0.5400"]
    # a pinned field that was not measured fails instead of passing unseen
    assert [c.ok for c in checks({"wcxb_dev": {"f1": 0.95}}, base)] == [True, False]


def test_gate_counts_the_pages_that_a_second_cleaning_leaves_alone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from benchmarks.corpora import Corpus, Doc

    docs = (Doc("a", "Un paragraf.\nAlt paragraf."), Doc("b", "x"))
    seeds = Corpus("seeds", "line", docs, digest="-")
    other = Corpus("elsewhere", "token", docs, digest="-")
    # a cleaner that drops the last character: each page but the empty one changes again
    monkeypatch.setattr("cleannews.clean", lambda text: text[:-1])
    assert idempotent_shares([seeds, other]) == {"seeds": 0.5}


@pytest.mark.parametrize(
    ("cleannews_p", "justext_p", "verdict"),
    [(1.0, 1.0, "PASS"), (0.98, 1.0, "SHORT"), (0.99, 0.98, "PASS"), (0.98, 0.98, "SHORT")],
)
def test_a_text_only_row_is_beaten_or_tied_only_at_a_perfect_score(
    cleannews_p: float, justext_p: float, verdict: str
) -> None:
    from benchmarks.evaluate import Ratio, Row
    from benchmarks.report import target_checks
    from benchmarks.scoring import Summary

    def row(system: str, precision: float) -> Row:
        none = Ratio(0, 0)
        scores = Summary(precision, 1.0, 1.0, 44)
        return Row(system, "ro_labelled", scores, none, none, none, none, none, none, None, None)

    checks = target_checks([row("cleannews", cleannews_p), row("justext-text", justext_p)])
    line = next(c for c in checks if "best text-only row" in c)
    assert line.startswith(verdict)


# -- benchmarks/robustness.py: records, table rows, series of the curve ----------------


def measured(size: int, seconds: float, base: float, peak: float) -> dict[str, float | int]:
    return {
        "bytes": size,
        "lines": 10,
        "seconds": seconds,
        "runs": 1,
        "base_mb": base,
        "peak_mb": peak,
        "out_bytes": 5,
    }


def test_robustness_row_from_a_measurement_and_from_an_error() -> None:
    rec = record("corpus_1mb", {**measured(2_000_000, 1.0, 100.0, 150.0), "runs": 3})
    assert list(rec) == [
        "name", "what", "bytes", "lines", "seconds", "runs", "base_mb", "peak_mb", "out_bytes"
    ]  # fmt: skip
    # 2 MB in 1 s: 0.5 s/MB; 50 MB above base for 2 MB of input: 25x
    assert row(rec) == (
        "| corpus_1mb | corpus pages, 1 MB | 2.00 | 10 | 1.000 (n=3) | 0.500 | "
        "150 (50 above base) | 25.0x |"
    )
    failed = record("short_run_64k", "not done in 900 s")
    assert failed == {
        "name": "short_run_64k",
        "what": "prose + 64,000 one-letter lines + prose",
        "error": "not done in 900 s",
    }
    assert row(failed).count("|") == HEADER.splitlines()[0].count("|")
    assert "| not done in 900 s |" in row(failed)


def test_robustness_families_are_the_names_less_their_size() -> None:
    assert family("corpus_50mb") == "corpus"
    assert family("char_underscore_25k") == "char_underscore"
    assert family("tiny_lines_1m") == "tiny_lines"
    assert family("tiny_lines_unique_300k") == "tiny_lines_unique"
    # every case's name ends in its size, so none is a family of its own by mistake
    assert all(family(name) != name for name in CASES)
    sizes: dict[str, list[str]] = {}
    for name in CASES:
        sizes.setdefault(family(name), []).append(name)
    for curve in ("corpus", "one_line", "char_underscore", "short_run"):
        assert len(sizes[curve]) >= 2, curve
    assert sizes["tiny_lines"] == ["tiny_lines_100k", "tiny_lines_300k", "tiny_lines_1m"]
    assert len(sizes["tiny_lines_unique"]) == 3


def test_robustness_tiny_lines_repeat_and_unique_lines_do_not() -> None:
    same = tiny_lines(30).split("\n")
    assert len(same) == 30 and len(set(same)) == 10
    unique = tiny_unique_lines(30).split("\n")
    assert len(unique) == 30 and len(set(unique)) == 30
    assert all(1 <= len(line.split()) <= 2 for line in same + unique)


def test_robustness_series_group_by_family_sorted_by_size() -> None:
    records = [
        record("corpus_5mb", measured(5_000_000, 2.5, 100.0, 160.0)),
        record("tiny_lines_1m", measured(4_200_000, 14.0, 90.0, 590.0)),
        record("corpus_1mb", measured(1_000_000, 0.5, 100.0, 112.0)),
        record("tiny_lines_unique_100k", measured(1_000_000, 3.0, 80.0, 135.0)),
        record("short_run_64k", "not done in 900 s"),
        record("tiny_lines_100k", measured(420_000, 1.4, 80.0, 120.0)),
    ]
    found = series(records)
    assert [s.family for s in found] == ["corpus", "tiny_lines", "tiny_lines_unique"]
    corpus, tiny, unique = found
    assert corpus.names == ("corpus_1mb", "corpus_5mb")
    assert corpus.mb == (1.0, 5.0)
    assert corpus.seconds == (0.5, 2.5)
    assert corpus.above_base_mb == (12.0, 60.0)
    assert tiny.names == ("tiny_lines_100k", "tiny_lines_1m")
    assert unique.names == ("tiny_lines_unique_100k",)
    assert series([records[4]]) == []


def test_robustness_reference_line_is_the_median_ratio() -> None:
    assert slope_one([1.0, 2.0, 4.0], [0.5, 2.0, 40.0]) == 1.0  # ratios 0.5, 1, 10


def test_robustness_json_round_trip(tmp_path: Path) -> None:
    records = [
        record("corpus_1mb", measured(1_000_000, 0.5, 100.0, 112.0)),
        record("short_run_64k", "not done in 900 s"),
    ]
    meta = {"commit": "abc1234", "date": "2026-11-22", "machine": "test"}
    path = tmp_path / "robustness.json"
    save_results(path, records, meta)
    assert load_results(path) == (meta, records)
    assert [row(r) for r in load_results(path)[1]] == [row(r) for r in records]


def test_robustness_json_without_a_measured_field_is_refused(tmp_path: Path) -> None:
    rec = record("corpus_1mb", measured(1_000_000, 0.5, 100.0, 112.0))
    del rec["peak_mb"]
    path = tmp_path / "robustness.json"
    save_results(path, [rec], {"commit": "abc1234"})
    with pytest.raises(ValueError, match="corpus_1mb has no peak_mb"):
        load_results(path)


def test_robustness_from_json_redraws_table_and_chart(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("matplotlib")
    records = [
        record("char_underscore_25k", measured(25_000, 0.001, 80.0, 80.0)),  # 0 above base
        record("char_underscore_50k", measured(50_000, 0.002, 80.0, 80.5)),
        record("tiny_lines_100k", measured(420_000, 1.4, 80.0, 120.0)),
        record("short_run_64k", "not done in 900 s"),
    ]
    save_results(tmp_path / "robustness.json", records, {"commit": "abc1234", "date": "d"})
    out = tmp_path / "out"
    out.mkdir()
    argv = ["--from-json", str(tmp_path / "robustness.json"), "--out", str(out)]
    assert robustness_main(argv) == 0
    printed = capsys.readouterr().out.splitlines()
    assert printed[:6] == [*HEADER.splitlines(), *(row(r) for r in records)]
    assert (out / "robustness.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    # --only picks cases from the file; the chart goes beside the file without --out
    assert robustness_main([*argv[:2], "--only", "tiny_lines_100k"]) == 0
    assert capsys.readouterr().out.splitlines()[2] == row(records[2])
    assert (tmp_path / "robustness.png").exists()
