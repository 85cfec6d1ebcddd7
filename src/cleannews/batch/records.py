"""The units of batch work: input records, chunks of them, and what cleaning returns."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["Chunk", "ChunkResult", "Outcome", "Record"]


@dataclass(frozen=True)
class Record:
    """One document as framed by a reader, not yet decoded.

    ``source`` names the input (a path or ``<stdin>``); ``line`` is the 1-based line of a
    JSON Lines file, the row of a Parquet file, or 1 for a text file. ``raw`` holds the
    exact bytes (a text file, one JSON line), ``row`` a Parquet row. ``error`` is set when
    the input could not be read at all.
    """

    source: str
    line: int
    input_index: int = 0
    raw: bytes | None = None
    row: dict[str, Any] | None = None
    error: str | None = None

    @property
    def where(self) -> str:
        return f"{self.source}:{self.line}"


@dataclass(frozen=True)
class Chunk:
    """Records of one input sent to a worker together: the unit of parallel work.

    Text and JSON Lines records travel as their raw bytes; Parquet records as the value of
    the text field only (the rows stay with the writer). ``compress`` asks for the chunk's
    output as one gzip member (members concatenate into a valid ``.gz`` file). ``out_fmt``
    is the output's format when it is not the input's (``None``): the records are
    converted (``batch.convert``).
    """

    fmt: str
    items: tuple[Any, ...]
    compress: bool = False
    out_fmt: str | None = None

    @property
    def output_format(self) -> str:
        return self.out_fmt or self.fmt


@dataclass(frozen=True)
class Outcome:
    """What happened to one record: counts for the summary, or the error that failed it.

    ``line`` corrects the record's line for the report (a bad byte deep in a text file).
    ``rejected``: the record is not one (a line that is not a JSON object, an input that
    cannot be read), so it is never written, whatever ``--on-error`` says. ``raw`` holds a
    failed JSON line's bytes, for the errors file.
    """

    error: str | None = None
    line: int | None = None
    rejected: bool = False
    raw: bytes | None = None
    rule_counts: dict[str, int] = field(default_factory=dict)
    flags: tuple[str, ...] = ()


@dataclass(frozen=True)
class ChunkResult:
    """The outcomes of a chunk's records, in order, and the output to write.

    ``payload`` is bytes for text and JSON Lines (ready to write: cleaned, passed through,
    failed records left out when skipping), and for Parquet one entry per record: the
    fields to set, ``{}`` to pass the row through, ``None`` to skip it. ``sidecars``
    holds, for text records, the metadata file's content (or ``None``).

    Converted chunks: records written as text have one entry per record, the document's
    bytes or ``None``; records written to Parquet from JSON Lines or text have one entry
    per record, the whole record (``None``: not written). A Parquet input's payload is
    the same whatever the output: its rows stay with the writer.
    """

    outcomes: tuple[Outcome, ...]
    payload: bytes | tuple[dict[str, Any] | None, ...] | tuple[bytes | None, ...]
    sidecars: tuple[bytes | None, ...] = ()
