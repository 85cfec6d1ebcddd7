"""batch.convert's pure functions: JSON types, widening, fitting a record to a schema."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from cleannews.batch.convert import (
    BOOL,
    FLOAT,
    INT,
    NULL,
    STRING,
    JType,
    ListOf,
    Misfit,
    StructOf,
    fit_row,
    infer,
    infer_fields,
    widen,
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, NULL),
        (True, BOOL),  # not int, though a bool is one in Python
        (7, INT),
        (2**63 - 1, INT),
        (2**63, STRING),  # beyond int64
        (1.5, FLOAT),
        ("x", STRING),
        ([], ListOf(NULL)),
        ([1, 2.5], ListOf(FLOAT)),
        ({"a": 1, "b": [True]}, StructOf((("a", INT), ("b", ListOf(BOOL))))),
    ],
)
def test_infer(value: Any, expected: JType) -> None:
    assert infer(value) == expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (INT, FLOAT, FLOAT),
        (FLOAT, INT, FLOAT),
        (NULL, BOOL, BOOL),
        (BOOL, INT, STRING),
        (INT, STRING, STRING),
        (ListOf(INT), INT, STRING),
        (ListOf(NULL), ListOf(STRING), ListOf(STRING)),
        (
            StructOf((("a", INT),)),
            StructOf((("b", BOOL), ("a", FLOAT))),
            StructOf((("a", FLOAT), ("b", BOOL))),
        ),
        (StructOf(()), ListOf(INT), STRING),
    ],
)
def test_widen(a: JType, b: JType, expected: JType) -> None:
    assert widen(a, b) == expected


def test_fields_never_seen_with_a_value_or_empty_objects_are_strings() -> None:
    rows = [{"a": None, "o": {}, "l": []}, {"a": None, "text": 3}]
    assert infer_fields(rows, {"text": STRING}) == (
        ("a", STRING),
        ("o", STRING),
        ("l", ListOf(STRING)),
        ("text", STRING),
    )


def test_fit_row() -> None:
    fields = (("n", INT), ("f", FLOAT), ("s", STRING), ("o", StructOf((("p", BOOL),))))
    row = {"n": "7", "f": 2, "s": {"k": [1]}, "o": {"p": True, "q": 1}, "x": 1}
    fitted, misfits = fit_row(row, fields)
    assert fitted == {"n": None, "f": 2.0, "s": '{"k": [1]}', "o": {"p": True}}
    assert misfits == [
        Misfit("x", "extra"),
        Misfit("n", "type", "a string"),
        Misfit("o.q", "extra"),
    ]
    assert fit_row({}, fields) == ({"n": None, "f": None, "s": None, "o": None}, [])


def test_fit_replaces_a_lone_surrogate_parquet_cannot_store() -> None:
    fitted, misfits = fit_row(
        {"s": "a\ud800b", "l": ["\udfff"]}, (("s", STRING), ("l", ListOf(STRING)))
    )
    assert fitted == {"s": "a\ufffdb", "l": ["\ufffd"]}
    assert misfits == [Misfit("s", "surrogate"), Misfit("l[]", "surrogate")]


def test_a_sample_ends_early_when_its_records_hold_much_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    from cleannews.batch import sinks
    from cleannews.batch.records import ChunkResult, Outcome, Record
    from cleannews.batch.sinks import RecordsParquetSink, SinkOptions

    monkeypatch.setattr(sinks, "SCHEMA_SAMPLE_TEXT", 10)
    notes: list[str] = []
    sink = RecordsParquetSink(tmp_path / "out.parquet", SinkOptions(), notes.append)
    first = {"text": "twelve chars", "n": 1}  # 12 characters: the sample ends here
    later = {"text": "x", "n": 2, "late": True}
    for line, row in enumerate([first, later], start=1):
        sink.write([Record("in.jsonl", line)], ChunkResult((Outcome(),), (row,)))
    sink.close()
    table = pq.read_table(tmp_path / "out.parquet")
    assert table.schema.names == ["text", "n"]
    assert table.to_pylist() == [{"text": "twelve chars", "n": 1}, {"text": "x", "n": 2}]
    assert notes == [
        "cleannews: in.jsonl:2: field 'late' is not in the schema inferred from the first "
        "records: dropped (reported once)"
    ]
