"""Unit tests of benchmarks/views.py (issue 14's loss count and by-site views) on small
synthetic scores; every expected value is worked out by hand in the comments."""

from __future__ import annotations

import pytest

from benchmarks.corpora import Corpus, Doc
from benchmarks.runner import Run
from benchmarks.scoring import PR
from benchmarks.systems import Output
from benchmarks.views import (
    CorpusViews,
    Loss,
    Names,
    common_labels,
    corpus_views,
    loss_checks,
    losses,
    registered,
    site_view,
    worst_mean,
)


def test_a_loss_needs_recall_below_half_and_the_peer_above_nine_tenths() -> None:
    docs = [Doc(i, "", url=f"https://www.{i}.com/x") for i in "abcde"]
    subject = {"a": PR(1.0, 0.4), "b": PR(1.0, 0.5), "c": PR(1.0, 0.1), "d": PR(1.0, 0.0)}
    # b: 0.5 is not below 0.5; c: 0.9 is not above 0.9; d: the peer has no score; e: nor
    # the subject.
    peer = {"a": PR(0.3, 0.95), "b": PR(0.3, 1.0), "c": PR(0.3, 0.9), "e": PR(1.0, 1.0)}
    assert losses(docs, subject, peer) == (Loss("a", "a.com", 0.4, 0.95),)


@pytest.mark.parametrize(
    ("host", "expected"),
    [
        ("fool.com", ("fool.com", "fool")),
        ("health.ucdavis.edu", ("ucdavis.edu", "ucdavis")),
        ("news.bbc.co.uk", ("bbc.co.uk", "bbc")),
        ("fool.com.au", ("fool.com.au", "fool")),
        ("run.outsideonline.com", ("outsideonline.com", "outsideonline")),
    ],
)
def test_registered_domain_and_label(host: str, expected: tuple[str, str]) -> None:
    assert registered(host) == expected


def test_a_site_is_named_by_host_domain_or_an_uncommon_long_label() -> None:
    rules = Names(
        "(foxbusiness 62, fool.com 78) macrumors 273; monday; zdnetwork", frozenset({"monday"})
    )
    assert rules.named("fool.com")  # the domain
    assert rules.named("foxbusiness.com")  # its label, 11 characters, as a word
    assert rules.named("forums.macrumors.com")  # the registered domain's label
    assert not rules.named("myfool.com")  # "fool.com" inside a longer name
    assert not rules.named("fool.com.au")  # another domain; "fool" is under 5 characters
    assert not rules.named("monday.com")  # an ordinary word
    assert not rules.named("zdnet.com")  # only inside a longer word


def test_a_label_is_an_ordinary_word_from_five_other_sites_texts() -> None:
    other = [Doc(str(k), "see you on Monday", url=f"https://s{k}.org/") for k in range(4)]
    own = Doc("own", "Monday, the app", url="https://monday.com/blog")
    # 4 other sites and the label's own: not yet 5 other sites.
    assert common_labels({"monday"}, [*other, own]) == frozenset()
    fifth = Doc("5", "monday again", url="https://s5.org/")
    assert common_labels({"monday", "zdnet"}, [*other, own, fifth]) == {"monday"}


def test_worst_mean_takes_the_lowest_share_rounded_up() -> None:
    values = [0.9] * 9 + [0.1, 0.3]  # 11 values: ceil(1.1) = 2 lowest, mean 0.2
    assert worst_mean(values) == pytest.approx(0.2)
    assert worst_mean([0.7, 0.4]) == pytest.approx(0.4)  # ceil(0.2) = 1


def test_site_view_macro_worst_and_named_split() -> None:
    groups = {"a.com": ["1", "2"], "b.com": ["3"], "c.com": ["4"]}
    # a.com: mean P 0.75, mean R 0.75 -> F1 0.75; b.com: F1 0; c.com has no score.
    scores = {"1": PR(1.0, 1.0), "2": PR(0.5, 0.5), "3": PR(0.0, 0.0)}
    view = site_view("s", groups, scores, lambda site: site == "a.com")
    assert view is not None
    assert view.sites == 2
    assert view.macro_f1 == pytest.approx(0.375)  # (0.75 + 0) / 2
    assert view.worst_f1 == 0.0  # ceil(0.1 * 2) = 1 site: b.com
    assert view.named is not None and view.named.precision == pytest.approx(0.75)
    assert view.never_named is not None and view.never_named.docs == 1
    assert view.never_named.f1 == 0.0
    assert site_view("s", {"c.com": ["4"]}, scores, bool) is None


def test_loss_checks_pass_only_at_zero_and_skip_unmeasured() -> None:
    def views(name: str, found: tuple[Loss, ...] | None) -> CorpusViews:
        return CorpusViews(name, 3, found, (), (), 0, 0, 0)

    one = (Loss("x", None, 0.2, 1.0),)
    out = loss_checks([views("a", ()), views("b", one), views("c", None)])
    assert [line.split()[:3] for line in out] == [["PASS", "a:", "0"], ["SHORT", "b:", "1"]]


def test_corpus_views_from_runs_on_a_token_corpus() -> None:
    gold = "one two three four"
    docs = (
        Doc("1", "", gold=gold, url="https://www.fool.com/a"),
        Doc("2", "", gold=gold, url="https://other.org/b"),
    )
    corpus = Corpus("c", "token", docs, "digest")
    # cleannews keeps 1 of 4 gold tokens of doc 1 (R 0.25), all of doc 2; the peer all of both.
    subject = Run({"1": Output("one"), "2": Output(gold)}, {})
    peer = Run({"1": Output(gold), "2": Output(gold)}, {})
    views = corpus_views(corpus, {"cleannews": subject, "lines>=80": peer}, Names("fool.com"))
    assert views.losses == (Loss("1", "fool.com", 0.25, 1.0),)
    assert (views.named_sites, views.site_count, views.named_docs) == (("fool.com",), 2, 1)
    cn = views.sites[0]
    assert cn.named is not None and cn.named.recall == 0.25
    assert cn.never_named is not None and cn.never_named.recall == 1.0
