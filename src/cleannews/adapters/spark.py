"""Apache Spark: add cleaned text and metadata columns to a DataFrame.

    from cleannews.adapters.spark import clean_dataframe
    cleaned = clean_dataframe(df, text_col="text")        # + cn_text, cn_title, ...

Runs with ``DataFrame.mapInArrow``: each Arrow batch is cleaned in the Python worker and
handed back with the new columns; Spark schedules the batches over the executors.
A row whose text is null, not a string, or makes the library raise keeps its columns, gets
a null cleaned text and the reason in ``<prefix>error``: one row never fails the job.

The Python workers of a local session (``master("local[*]")``) run this interpreter, the
one that has cleannews, unless ``PYSPARK_PYTHON`` says otherwise: PySpark's default is
``python3`` from ``PATH``, which in a virtual environment run as ``.venv/bin/python job.py``
has no cleannews. On a cluster the executors' Python is the cluster's to set.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from functools import partial
from typing import Any

from ..batch.fields import arrow_fields
from ..batch.work import WorkOptions, clean_texts
from ..config import DEFAULT, Config

__all__ = ["clean_dataframe", "output_columns"]

ERROR_FIELD = "error"
# What PySpark's SparkContext runs for its Python workers when PYSPARK_PYTHON is not set
# (pyspark/core/context.py: ``os.environ.get("PYSPARK_PYTHON", "python3")``).
PYSPARK_DEFAULT_PYTHON = "python3"


def clean_dataframe(
    df: Any,
    text_col: str = "text",
    *,
    output_col: str | None = None,
    prefix: str = "cn_",
    metadata: bool = True,
    reasons: bool = False,
    config: Config | None = None,
) -> Any:
    """``df`` with the cleaned text in ``output_col`` (default ``<prefix>text``) and, with
    ``metadata``, the columns ``<prefix>title``, ``<prefix>published``, ``<prefix>authors``,
    ... (``reasons``: ``<prefix>removed``), plus ``<prefix>error``.

    Pass ``output_col=text_col`` to replace the text column.
    """
    from pyspark.sql.pandas.types import from_arrow_schema

    options = WorkOptions(
        config or DEFAULT,
        field=text_col,
        output_field=output_col or prefix + "text",
        metadata=metadata,
        reasons=reasons,
        prefix=prefix,
    )
    if text_col not in df.columns:
        raise ValueError(f"no column {text_col!r} in {df.columns}")
    arrow_schema = _arrow_schema(df, options)
    _use_this_python_locally(df.sparkSession.sparkContext)
    return df.mapInArrow(
        partial(_clean_batches, options=options, schema=arrow_schema),
        from_arrow_schema(arrow_schema),
    )


def _use_this_python_locally(sc: Any) -> None:
    """Make a local session's workers run ``sys.executable`` when the user chose no Python
    for them (neither ``PYSPARK_PYTHON`` nor ``spark.pyspark.python``)."""
    chosen = "PYSPARK_PYTHON" in os.environ or sc.getConf().contains("spark.pyspark.python")
    local = str(sc.master).startswith("local")
    if local and not chosen and sc.pythonExec == PYSPARK_DEFAULT_PYTHON:
        sc.pythonExec = sys.executable


def output_columns(options: WorkOptions) -> list[tuple[str, Any]]:
    """The columns that cleaning sets, with their Arrow types."""
    import pyarrow as pa

    return [
        (options.target, pa.string()),
        *arrow_fields(options.prefix, options.metadata, options.reasons),
        (options.prefix + ERROR_FIELD, pa.string()),
    ]


def _arrow_schema(df: Any, options: WorkOptions) -> Any:
    import pyarrow as pa
    from pyspark.sql.pandas.types import to_arrow_schema

    schema = to_arrow_schema(df.schema)
    for name, type_ in output_columns(options):
        index = schema.get_field_index(name)
        field = pa.field(name, type_)
        schema = schema.set(index, field) if index >= 0 else schema.append(field)
    return schema


def _clean_batches(batches: Iterator[Any], options: WorkOptions, schema: Any) -> Iterator[Any]:
    """Runs on the executors: each Arrow batch with the cleaned columns set."""
    import pyarrow as pa

    for batch in batches:
        values = _clean_column(batch.column(options.field).to_pylist(), options)
        columns = {name: batch.column(name) for name in batch.schema.names}
        for name, type_ in output_columns(options):
            columns[name] = pa.array([v.get(name) for v in values], type=type_)
        yield pa.RecordBatch.from_arrays([columns[n] for n in schema.names], schema=schema)


def _clean_column(texts: list[Any], options: WorkOptions) -> list[dict[str, Any]]:
    """The new columns' values for each text (the cleaned text under ``options.target``):
    the batch's strings are cleaned in one call."""
    error_col = options.prefix + ERROR_FIELD
    out: list[dict[str, Any]] = [
        {error_col: f"{options.field!r} is {_kind(text)}, not a string"} for text in texts
    ]
    ready = [i for i, text in enumerate(texts) if isinstance(text, str)]
    cleaned = clean_texts([texts[i] for i in ready], [""] * len(ready), options)
    for index, (fields, outcome) in zip(ready, cleaned, strict=True):
        if fields is None:
            out[index] = {error_col: outcome.error}
        else:
            fields[options.target] = fields.pop("text")
            out[index] = fields
    return out


def _kind(value: Any) -> str:
    return "null" if value is None else type(value).__name__
