"""The Spark adapter on a local session (skipped without the ``spark`` extra)."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("pyspark")
pytest.importorskip("pyarrow")
pytest.importorskip("pandas")
if shutil.which("java") is None:
    pytest.skip("pyspark needs a Java runtime", allow_module_level=True)

import cleannews
from cleannews.adapters.spark import clean_dataframe
from conftest import README_PAGE, run_readme_example

SEEDS = sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"))


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    from pyspark.sql import SparkSession

    # The Python workers must be this interpreter (the one with cleannews installed).
    saved = os.environ.get("PYSPARK_PYTHON")
    os.environ["PYSPARK_PYTHON"] = sys.executable
    session = (
        SparkSession.builder.master("local[1]")
        .appName("cleannews-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "1")
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", "2")
        .getOrCreate()
    )
    yield session
    session.stop()
    if saved is None:
        os.environ.pop("PYSPARK_PYTHON", None)
    else:
        os.environ["PYSPARK_PYTHON"] = saved


def rows() -> list[tuple[int, str | None]]:
    texts: list[str | None] = [p.read_text("utf-8") for p in SEEDS]
    return list(enumerate([*texts, None]))


def test_clean_dataframe_adds_columns(spark: Any) -> None:
    df = spark.createDataFrame(rows(), "id long, text string")
    out = clean_dataframe(df, reasons=True).orderBy("id").collect()
    assert len(out) == len(rows())
    for (_, text), row in zip(rows()[:-1], out[:-1], strict=True):
        assert text is not None
        art = cleannews.extract(text)
        assert row["text"] == text  # the input column is kept
        assert row["cn_text"] == art.text
        assert row["cn_title"] == art.title
        assert list(row["cn_authors"]) == list(art.authors)
        assert len(row["cn_removed"]) == len(art.removed)
        assert row["cn_error"] is None
    last = out[-1]
    assert last["cn_text"] is None and "null" in last["cn_error"]


def test_clean_dataframe_replaces_text_column(spark: Any) -> None:
    df = spark.createDataFrame(rows()[:2], "id long, text string")
    out = clean_dataframe(df, output_col="text", metadata=False).orderBy("id").collect()
    assert out[0].asDict().keys() == {"id", "text", "cn_error"}
    assert out[1]["text"] == cleannews.clean(rows()[1][1] or "")


def test_unknown_column(spark: Any) -> None:
    df = spark.createDataFrame(rows()[:1], "id long, body string")
    with pytest.raises(ValueError, match="no column"):
        clean_dataframe(df)


def test_readme_example_runs_as_the_readme_runs_it(tmp_path: Path) -> None:
    """`.venv/bin/python job.py` with nothing set: the workers must find cleannews."""
    out = run_readme_example("## Apache Spark", tmp_path)
    cleaned = cleannews.clean(README_PAGE)
    assert cleaned == README_PAGE.splitlines()[1]  # the read-also line removed, the text kept
    row = next(line for line in out.splitlines() if line.startswith("|1 "))
    assert [cell.strip() for cell in row.strip("|").split("|")] == ["1", cleaned, "ro", "NULL"]
