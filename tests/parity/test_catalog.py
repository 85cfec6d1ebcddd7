"""The core's rule codes are the catalogue's places: `Article.lines` stores them as bytes."""

from __future__ import annotations

from cleannews import RULES, _core


def test_core_rule_codes_follow_the_catalogue() -> None:
    assert _core.rule_names() == list(RULES)
