"""Outputs: the workers' encoded chunks written in order, one output per input.

Text and JSON Lines chunks arrive as bytes ready to write (gzip members for a ``.gz``
output); Parquet chunks as the fields to set on each row, which stays in this process.

An output in another format than its input's is converted (``batch.convert``): records
written as text arrive as one document each; JSON lines and text documents written to
Parquet as whole records, fitted to a schema inferred from the first ones; Parquet rows
written as JSON Lines are turned into JSON here, where the rows are.
"""

from __future__ import annotations

import gzip
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Protocol, cast

from .convert import (
    SCHEMA_SAMPLE_ROWS,
    SCHEMA_SAMPLE_TEXT,
    STRING,
    JType,
    arrow_schema,
    fit_row,
    from_arrow,
    infer_fields,
    json_converter,
    json_line,
    text_size,
)
from .fields import arrow_fields
from .records import ChunkResult, Record
from .sources import Input, InputError

__all__ = ["Sink", "SinkOptions", "compresses", "open_sink"]

_PARQUET_BATCH = 1024
_TEXT_SEPARATOR = b"\f\n"  # between documents when several text inputs go to stdout


@dataclass(frozen=True)
class SinkOptions:
    target: str = "text"  # the field that receives the cleaned text
    prefix: str = "cn_"
    metadata: bool = False
    reasons: bool = False


class Sink(Protocol):
    def write(self, records: list[Record], result: ChunkResult) -> None: ...
    def close(self) -> None: ...


def compresses(inp: Input, dest: Path | None, out_fmt: str | None = None) -> bool:
    """Whether the workers should gzip this input's chunks (a JSON Lines output named
    ``.gz``, from JSON lines or text: Parquet rows are made JSON here)."""
    out = out_fmt or inp.fmt
    return (
        out == "jsonl" and inp.fmt != "parquet" and dest is not None and dest.name.endswith(".gz")
    )


Note = Callable[[str], None]


def _stderr_note(message: str) -> None:
    print(message, file=sys.stderr)


def open_sink(
    inp: Input,
    dest: Path | None,
    options: SinkOptions,
    first: bool = True,
    out_fmt: str | None = None,
    note: Note = _stderr_note,
) -> Sink:
    """A sink for ``inp`` writing to ``dest`` (``None``: standard output) in ``out_fmt``
    (``None``: the input's format); ``note`` reports what a conversion had to change.

    ``first`` is false for a later input sharing standard output with earlier ones.
    """
    if dest is not None:
        dest.parent.mkdir(parents=True, exist_ok=True)
    out = out_fmt or inp.fmt
    if out == "text":
        return TextSink(dest, first)
    if out == "jsonl":
        return RowsJsonlSink(inp, dest) if inp.fmt == "parquet" else JsonlSink(dest)
    if dest is None:
        raise ValueError("Parquet is written to files only")
    if inp.fmt == "parquet":
        return ParquetSink(inp, dest, options)
    return RecordsParquetSink(dest, options, note)


def _binary_out(dest: Path | None) -> IO[bytes]:
    return sys.stdout.buffer if dest is None else open(dest, "wb")


def _close(stream: IO[bytes], dest: Path | None) -> None:
    if dest is None:
        stream.flush()
    else:
        stream.close()


class TextSink:
    """One cleaned document per output (on standard output: separated by a form feed).

    The metadata and reasons, when asked for, go to a JSON file beside the output
    (``NAME.json``): plain text has no place for fields. Records written as text (JSON
    lines, Parquet rows) are one document each, separated by a form feed.
    """

    def __init__(self, dest: Path | None, first: bool) -> None:
        self._dest = dest
        self._stream: IO[bytes] | None = None  # opened at the first write: a skipped
        self._separate = not first  # document leaves no file

    def write(self, records: list[Record], result: ChunkResult) -> None:
        documents = [result.payload] if isinstance(result.payload, bytes) else list(result.payload)
        for document in documents:
            if document:
                assert isinstance(document, bytes)
                self._write(document)
        sidecar = next((s for s in result.sidecars if s is not None), None)
        if sidecar is not None and self._dest is not None:
            self._dest.with_name(self._dest.name + ".json").write_bytes(sidecar)

    def _write(self, document: bytes) -> None:
        if self._stream is None:
            self._stream = _binary_out(self._dest)
        if self._separate:
            self._stream.write(_TEXT_SEPARATOR)
        self._separate = True
        self._stream.write(document)

    def close(self) -> None:
        if self._stream is not None:
            _close(self._stream, self._dest)


class JsonlSink:
    """JSON Lines: the chunks' bytes, in order (already compressed for a ``.gz`` output)."""

    def __init__(self, dest: Path | None) -> None:
        self._dest = dest
        self._stream = _binary_out(dest)
        self._empty = True

    def write(self, records: list[Record], result: ChunkResult) -> None:
        assert isinstance(result.payload, bytes)
        if result.payload:
            self._stream.write(result.payload)
            self._empty = False

    def close(self) -> None:
        if self._empty and self._dest is not None and self._dest.name.endswith(".gz"):
            self._stream.write(gzip.compress(b""))  # a valid, empty gzip file
        _close(self._stream, self._dest)


class RowsJsonlSink:
    """Parquet rows as JSON Lines: each row's values made JSON by its column's Arrow type
    (``convert.json_converter``), the cleaned and added fields set; gzipped here for a
    ``.gz`` output."""

    def __init__(self, inp: Input, dest: Path | None) -> None:
        import pyarrow.parquet as pq  # optional: pip install 'cleannews[parquet]'

        if inp.path is None:
            raise ValueError("Parquet is read from files only")
        self._convert = json_converter(pq.read_schema(inp.path))
        self._dest = dest
        self._raw = _binary_out(dest)
        self._stream: IO[bytes] = self._raw
        if dest is not None and dest.name.endswith(".gz"):
            self._stream = cast(IO[bytes], gzip.GzipFile(fileobj=self._raw, mode="wb"))

    def write(self, records: list[Record], result: ChunkResult) -> None:
        lines = []
        for record, fields in zip(records, result.payload, strict=True):
            if fields is not None:
                assert isinstance(fields, dict)
                lines.append(json_line({**self._convert(record.row or {}), **fields}))
        self._stream.write(b"".join(lines))

    def close(self) -> None:
        if self._stream is not self._raw:
            self._stream.close()  # the gzip trailer; the file stays open
        _close(self._raw, self._dest)


class ParquetSink:
    """Parquet: the input's columns, the cleaned text column and typed added columns."""

    def __init__(self, inp: Input, dest: Path, options: SinkOptions) -> None:
        import pyarrow.parquet as pq  # optional: pip install 'cleannews[parquet]'

        if inp.path is None:
            raise ValueError("Parquet is read from and written to files only")
        self._schema = _parquet_schema(pq.read_schema(inp.path), options)
        self._writer = pq.ParquetWriter(dest, self._schema)
        self._rows: list[dict[str, Any]] = []

    def write(self, records: list[Record], result: ChunkResult) -> None:
        for record, fields in zip(records, result.payload, strict=True):
            if fields is not None:
                assert isinstance(fields, dict)
                self._rows.append({**(record.row or {}), **fields})
        if len(self._rows) >= _PARQUET_BATCH:
            self._flush()

    def _flush(self) -> None:
        import pyarrow as pa

        if self._rows:
            self._writer.write_table(pa.Table.from_pylist(self._rows, schema=self._schema))
            self._rows = []

    def close(self) -> None:
        self._flush()
        self._writer.close()


class RecordsParquetSink:
    """JSON lines or text documents as Parquet: the schema is inferred from the first
    ``SCHEMA_SAMPLE_ROWS`` records, fewer when they hold more than ``SCHEMA_SAMPLE_TEXT``
    characters of text (the cleaned text and the added fields have their
    own types), then every record is fitted to it (``convert.fit_row``); what a record
    loses is reported once per field through ``note``."""

    def __init__(self, dest: Path, options: SinkOptions, note: Note) -> None:
        self._dest = dest
        self._note = note
        added = arrow_fields(options.prefix, options.metadata, options.reasons)
        self._fixed: dict[str, JType] = {options.target: STRING}
        self._fixed.update((name, from_arrow(type_)) for name, type_ in added)
        self._pending: list[tuple[str, dict[str, Any]]] = []
        self._pending_text = 0
        self._fields: tuple[tuple[str, JType], ...] | None = None
        self._schema: Any = None
        self._writer: Any = None
        self._reported: set[tuple[str, str]] = set()

    def write(self, records: list[Record], result: ChunkResult) -> None:
        for record, row in zip(records, result.payload, strict=True):
            if row is not None:
                assert isinstance(row, dict)
                self._pending.append((record.where, row))
                self._pending_text += text_size(row)
        full = self._pending_text >= SCHEMA_SAMPLE_TEXT
        if self._fields is None and (full or len(self._pending) >= SCHEMA_SAMPLE_ROWS):
            self._start()
        if self._fields is not None and (full or len(self._pending) >= _PARQUET_BATCH):
            self._flush()

    def _start(self) -> None:
        import pyarrow.parquet as pq

        sample = [row for _, row in self._pending[:SCHEMA_SAMPLE_ROWS]]
        self._fields = infer_fields(sample, self._fixed) or tuple(self._fixed.items())
        self._schema = arrow_schema(self._fields)
        self._writer = pq.ParquetWriter(self._dest, self._schema)

    def _flush(self) -> None:
        import pyarrow as pa

        assert self._fields is not None
        rows = []
        for where, row in self._pending:
            fitted, misfits = fit_row(row, self._fields)
            for misfit in misfits:
                if (misfit.path, misfit.kind) not in self._reported:
                    self._reported.add((misfit.path, misfit.kind))
                    self._note(f"cleannews: {where}: {misfit.describe()} (reported once)")
            rows.append(fitted)
        self._pending, self._pending_text = [], 0
        if rows:
            self._writer.write_table(pa.Table.from_pylist(rows, schema=self._schema))

    def close(self) -> None:
        if self._fields is None:
            self._start()
        self._flush()
        self._writer.close()


def _parquet_schema(schema: Any, options: SinkOptions) -> Any:
    """The input schema plus the cleaned text column and the added columns."""
    import pyarrow as pa

    index = schema.get_field_index(options.target)
    if index >= 0 and not _is_string(schema.field(index).type):
        raise InputError(
            f"column {options.target!r} is {schema.field(index).type}, not text: "
            "name another column for the output (--output-field)"
        )
    added = [(options.target, pa.string())]
    added += arrow_fields(options.prefix, options.metadata, options.reasons)
    for name, type_ in added:
        index = schema.get_field_index(name)
        field = pa.field(name, type_)
        schema = schema.set(index, field) if index >= 0 else schema.append(field)
    return schema


def _is_string(type_: Any) -> bool:
    import pyarrow as pa

    return bool(pa.types.is_string(type_) or pa.types.is_large_string(type_))
