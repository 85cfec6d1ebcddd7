"""Site profiles (issue 4): learning, thresholds, the bounded table, save/load/merge, and
the effect on cleaning (known lines removed, prose kept, unseen sites unchanged)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import cleannews
from cleannews.profile import MIN_DOCS, PROFILE_VERSION, LineCounter, Profile, line_keys

PROSE = (
    "Guvernul a anunțat marți că bugetul pentru anul viitor va include fonduri suplimentare "
    "pentru spitale și școli, potrivit unui comunicat al ministerului."
)
SITE_LINE = "Urmărește Gazeta Nordului pe Facebook și Instagram"
QUOTE = (
    "„Nu vom majora taxele în acest an și nici în anul care vine”, a declarat premierul "
    "într-o conferință de presă la Palatul Victoria."
)


def name(i: int) -> str:
    """A distinct word per number (numbers themselves fold to 0 in profile keys)."""
    return "".join("bcdfghklmn"[int(c)] + "a" for c in str(i)) + "escu"


def article(i: int, *extra: str) -> str:
    """A distinct article: its own title and paragraphs, with ``extra`` lines inside."""
    w = name(i)
    paras = [
        f"Consiliul local din orașul {w} a aprobat ieri un buget de reparații pentru "
        f"strada {w}, iar lucrările încep luna viitoare în cartierul {w}.",
        f"Potrivit consilierului {w}, banii vin din bugetul local și din fonduri europene, "
        "iar licitația pentru lucrări a fost câștigată de o firmă din județ.",
        *extra,
        f"Primarul {w} a spus că străzile vor fi asfaltate până la sfârșitul anului și că "
        "locuitorii vor fi anunțați din timp despre restricțiile de circulație.",
    ]
    return f"Titlul știrii despre bugetul orașului {w}\n" + "\n".join(p for p in paras if p)


def test_keys_fold_case_diacritics_punctuation_and_numbers() -> None:
    keys = line_keys("Urmărește-ne pe FACEBOOK!\n12 comentarii\nx\n")
    assert keys == {"urmareste ne pe facebook", "0 comentarii"}  # "x": one word, not counted


def test_a_line_in_every_document_is_learned_and_article_lines_are_not() -> None:
    docs = [article(i, SITE_LINE) for i in range(20)]
    profile = cleannews.learn(docs)
    assert list(profile) == ["urmareste gazeta nordului pe facebook si instagram"]
    assert profile.documents == 20 and len(profile) == 1
    assert profile.counts == (("urmareste gazeta nordului pe facebook si instagram", 20),)


def test_min_share_and_min_docs_both_hold() -> None:
    # In 5 of 60 documents: share 0.083 < 0.1 -> not learned; in 6 of 60 (0.1) -> learned.
    five = [article(i, SITE_LINE if i < 5 else "") for i in range(60)]
    six = [article(i, SITE_LINE if i < 6 else "") for i in range(60)]
    assert len(cleannews.learn(five)) == 0
    assert len(cleannews.learn(six)) == 1
    # In 4 of 10 documents: share 0.4 but fewer than MIN_DOCS (5) documents.
    assert MIN_DOCS == 5
    four = [article(i, SITE_LINE if i < 4 else "") for i in range(10)]
    assert len(cleannews.learn(four)) == 0
    assert len(cleannews.learn(four, min_docs=4)) == 1


def test_a_quoted_paragraph_in_two_articles_is_not_learned() -> None:
    docs = [article(i, QUOTE if i in (3, 7) else "") for i in range(8)]
    profile = cleannews.learn(docs, min_share=0.05)
    assert len(profile) == 0


def test_a_line_counts_once_per_document() -> None:
    docs = [article(0, SITE_LINE, SITE_LINE, SITE_LINE)] * 2 + [article(i) for i in range(1, 10)]
    assert len(cleannews.learn(docs, min_docs=3, min_share=0.1)) == 0


def test_thresholds_out_of_range_raise() -> None:
    with pytest.raises(ValueError, match="min_share"):
        cleannews.learn([], min_share=0.0)
    with pytest.raises(ValueError, match="min_docs"):
        cleannews.learn([], min_docs=0)
    with pytest.raises(TypeError):
        cleannews.learn([None])  # type: ignore[list-item]


def test_the_counting_table_stays_at_its_bound() -> None:
    counter = LineCounter(capacity=50)
    for doc in range(400):
        counter.add_document(f"distinct line {doc} {k}" for k in range(10))
        assert len(counter) <= 50
    assert len(counter) == 50 and counter.pairs == 4000
    assert counter.max_error == 80  # N / m = 4000 / 50


def test_a_frequent_line_survives_a_flood_of_distinct_lines() -> None:
    # 1,000 documents of 20 new lines each (20,000 distinct keys) and one line in 30% of
    # them, through a table of 200 entries: N/m = 100 < 300, so it must be kept, and its
    # guaranteed count never exceeds its true count.
    counter = LineCounter(capacity=200)
    for doc in range(1000):
        keys = [f"noise {doc} {k}" for k in range(20)]
        counter.add_document([*keys, "site line"] if doc % 10 < 3 else keys)
    got = dict(counter.guaranteed())
    assert len(counter) == 200
    assert "site line" in got and got["site line"] <= 300
    texts = (
        f"noise {name(d)} a\nnoise {name(d)} b\n" + ("Site line here\n" if d % 2 else "")
        for d in range(600)
    )
    profile = cleannews.learn(texts, max_lines=10)
    assert list(profile) == ["site line here"]


def test_no_line_is_learned_above_its_true_count() -> None:
    # Every key appears in exactly one document: whatever the evictions, no guaranteed
    # count can reach 2, so nothing is learned with min_docs=2.
    texts = [f"unique line {name(d)} one\nunique line {name(d)} two" for d in range(500)]
    assert len(cleannews.learn(texts, max_lines=16, min_docs=2, min_share=0.001)) == 0


def test_save_load_round_trip(tmp_path: Path) -> None:
    profile = cleannews.learn([article(i, SITE_LINE, "Politică externă") for i in range(10)])
    path = tmp_path / "site.json"
    profile.save(path)
    data = json.loads(path.read_text("utf-8"))
    assert data["version"] == PROFILE_VERSION and data["documents"] == 10
    assert {e["key"] for e in data["lines"]} == {
        "urmareste gazeta nordului pe facebook si instagram",
        "politica externa",
    }
    loaded = Profile.load(path)
    assert loaded == profile and list(loaded) == list(profile)
    assert "politica externa" in loaded and "politica" not in loaded


def test_load_refuses_other_files(tmp_path: Path) -> None:
    path = tmp_path / "p.json"
    path.write_text('{"version": 99, "lines": []}', "utf-8")
    with pytest.raises(ValueError, match="version"):
        Profile.load(path)
    path.write_text('{"version": 1, "documents": 1, "lines": [{"k": 1}]}', "utf-8")
    with pytest.raises(ValueError, match="malformed"):
        Profile.load(path)


def test_merge_is_immutable_and_adds_counts() -> None:
    a = Profile((("line a", 10), ("shared line", 6)), documents=10)
    b = Profile((("shared line", 7), ("line b", 5)), documents=8)
    merged = a.merge(b)
    assert merged.counts == (("shared line", 13), ("line a", 10), ("line b", 5))
    assert merged.documents == 18 and len(merged) == 3
    assert a.counts == (("line a", 10), ("shared line", 6)) and len(b) == 2  # unchanged


def test_cleaning_with_a_profile_removes_the_site_line_and_keeps_the_article() -> None:
    profile = cleannews.learn([f"{article(i)}\n{SITE_LINE}" for i in range(10)])
    new = f"{article(99)}\n{SITE_LINE}"
    plain, art = cleannews.extract(new), cleannews.extract(new, profile=profile)
    # No phrase list knows the line: without the profile only its position removes it.
    assert [d.rule for d in plain.lines][-1] == "after_body"
    assert [d.rule for d in art.lines][-1] == "site_profile"
    assert art.rule_counts() == {"title": 1, "site_profile": 1}
    assert art.paragraphs == plain.paragraphs and len(art.paragraphs) == 3
    assert " drop site_profile " in cleannews.explain(new, profile=profile)


def test_prose_the_site_repeats_is_kept_inside_the_body() -> None:
    # A standard sentence that every article prints inside its body: learned, but it
    # reads as prose, so the body heuristics keep it.
    profile = cleannews.learn([article(i, PROSE) for i in range(10)])
    assert len(profile) == 1
    art = cleannews.extract(article(50, PROSE), profile=profile)
    assert PROSE in art.paragraphs


def test_documents_of_an_unseen_site_are_unchanged() -> None:
    profile = cleannews.learn([article(i, SITE_LINE) for i in range(10)])
    for seed in sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt")):
        text = seed.read_text("utf-8")
        assert cleannews.extract(text, profile=profile) == cleannews.extract(text)
