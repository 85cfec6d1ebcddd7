"""Outputs: the workers' encoded chunks written in order, one output per input.

Text and JSON Lines chunks arrive as bytes ready to write (gzip members for a ``.gz``
output); Parquet chunks as the fields to set on each row, which stays in this process.
"""

from __future__ import annotations

import gzip
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Protocol

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


def compresses(inp: Input, dest: Path | None) -> bool:
    """Whether the workers should gzip this input's chunks."""
    return inp.fmt == "jsonl" and dest is not None and dest.name.endswith(".gz")


def open_sink(inp: Input, dest: Path | None, options: SinkOptions, first: bool = True) -> Sink:
    """A sink for ``inp`` writing to ``dest`` (``None``: standard output).

    ``first`` is false for a later input sharing standard output with earlier ones.
    """
    if dest is not None:
        dest.parent.mkdir(parents=True, exist_ok=True)
    openers: dict[str, Callable[[Input, Path | None, SinkOptions, bool], Sink]] = {
        "text": TextSink,
        "jsonl": JsonlSink,
        "parquet": ParquetSink,
    }
    return openers[inp.fmt](inp, dest, options, first)


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
    (``NAME.json``): plain text has no place for fields.
    """

    def __init__(self, inp: Input, dest: Path | None, options: SinkOptions, first: bool) -> None:
        self._dest = dest
        self._stream: IO[bytes] | None = None  # opened at the first write: a skipped
        self._separate = not first  # document leaves no file

    def write(self, records: list[Record], result: ChunkResult) -> None:
        if not result.payload:
            return
        assert isinstance(result.payload, bytes)
        if self._stream is None:
            self._stream = _binary_out(self._dest)
        if self._separate:
            self._stream.write(_TEXT_SEPARATOR)
        self._separate = True
        self._stream.write(result.payload)
        sidecar = next((s for s in result.sidecars if s is not None), None)
        if sidecar is not None and self._dest is not None:
            self._dest.with_name(self._dest.name + ".json").write_bytes(sidecar)

    def close(self) -> None:
        if self._stream is not None:
            _close(self._stream, self._dest)


class JsonlSink:
    """JSON Lines: the chunks' bytes, in order (already compressed for a ``.gz`` output)."""

    def __init__(self, inp: Input, dest: Path | None, options: SinkOptions, first: bool) -> None:
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


class ParquetSink:
    """Parquet: the input's columns, the cleaned text column and typed added columns."""

    def __init__(self, inp: Input, dest: Path | None, options: SinkOptions, first: bool) -> None:
        import pyarrow.parquet as pq  # optional: pip install 'cleannews[parquet]'

        if inp.path is None or dest is None:
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
