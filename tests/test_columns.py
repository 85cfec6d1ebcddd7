"""The rule column of ``Article.lines`` (``cleannews.columns``)."""

from __future__ import annotations

import pickle

import pytest

from cleannews.catalog import RULES
from cleannews.columns import RuleColumn


def test_rule_column_reads_back_every_catalogue_name_in_a_byte_each() -> None:
    names = list(RULES)
    column = RuleColumn(names)
    assert list(column) == names and len(column) == len(names)
    assert column[0] == names[0] and column[-1] == names[-1]
    assert column[1:3] == names[1:3]
    assert len(column._codes) == len(names)  # one byte a line


def test_rule_column_is_written_by_name_and_refuses_unknown_names() -> None:
    column = RuleColumn(["blank"] * 3)
    column[1] = "body"
    assert list(column) == ["blank", "body", "blank"]
    with pytest.raises(KeyError):
        column[0] = "no_such_rule"
    with pytest.raises(KeyError):
        RuleColumn(["body", "no_such_rule"])


def test_rule_column_compares_by_value_and_pickles_by_name() -> None:
    column = RuleColumn(["title", "body", "after_body"])
    assert column == RuleColumn(["title", "body", "after_body"])
    assert column != RuleColumn(["title", "body", "before_body"])
    assert pickle.loads(pickle.dumps(column)) == column
    assert "after_body" in column and column.index("body") == 1
