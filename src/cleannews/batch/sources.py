"""Inputs: files, folders and standard input, read as a stream of ``Record``.

Nothing is read whole except a single text document: JSON Lines are read line by line
(gzip-compressed when the name ends in ``.gz``) and Parquet row batch by row batch.
Every input except standard input can be read again, which a two-pass mode needs.
"""

from __future__ import annotations

import gzip
import io
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, cast

from .records import Record

__all__ = [
    "FORMATS",
    "FORMAT_SUFFIXES",
    "GZIP_MAGIC",
    "KNOWN_SUFFIXES",
    "Input",
    "InputError",
    "Tracker",
    "detect_format",
    "discover",
    "named_format",
    "read_input",
]

FORMATS = ("text", "jsonl", "parquet")
STDIN = "<stdin>"
_JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz", ".json.gz")
_PARQUET_SUFFIXES = (".parquet", ".pq")
_TEXT_SUFFIXES = (".txt", ".txt.gz")
KNOWN_SUFFIXES = (*_JSONL_SUFFIXES, *_PARQUET_SUFFIXES, *_TEXT_SUFFIXES)
# The suffix of a file converted into each format, in an output folder.
FORMAT_SUFFIXES = {"text": ".txt", "jsonl": ".jsonl", "parquet": ".parquet"}
_PARQUET_BATCH = 1024
# The first two bytes of every gzip member (RFC 1952, section 2.3.1: ID1, ID2).
GZIP_MAGIC = b"\x1f\x8b"


class InputError(ValueError):
    """An input that cannot be used at all (missing path, stdin twice): a usage error."""


@dataclass(frozen=True)
class Input:
    """One input: a file, or standard input when ``path`` is ``None``.

    ``rel`` is its path below the folder that was named on the command line (or its file
    name), which is where its output goes in an output folder.
    """

    path: Path | None
    fmt: str
    rel: Path
    index: int

    @property
    def name(self) -> str:
        return STDIN if self.path is None else str(self.path)

    def size(self) -> int | None:
        return None if self.path is None else self.path.stat().st_size


def named_format(path: Path) -> str | None:
    """The format a file name says (``.jsonl``, ``.jsonl.gz``, ``.parquet``, ``.txt``), or
    ``None`` for a name that says none."""
    name = path.name.lower()
    if name.endswith(_JSONL_SUFFIXES):
        return "jsonl"
    if name.endswith(_PARQUET_SUFFIXES):
        return "parquet"
    return "text" if name.endswith(_TEXT_SUFFIXES) else None


def detect_format(path: Path) -> str:
    name = path.name.lower()
    if name.endswith(_JSONL_SUFFIXES):
        return "jsonl"
    if name.endswith(_PARQUET_SUFFIXES):
        return "parquet"
    return "text"


def discover(args: list[str], fmt: str = "auto") -> list[Input]:
    """The inputs named by ``args`` (files, folders, ``-`` for stdin; none means stdin).

    A folder contributes its non-hidden files, recursively, in sorted order. With
    ``fmt == "auto"`` each file's format follows its name; otherwise every file is read
    in ``fmt``. Standard input is text unless ``fmt`` says otherwise.
    """
    found: list[tuple[Path | None, Path]] = []
    for arg in args or ["-"]:
        if arg == "-":
            found.append((None, Path("stdin")))
        elif os.path.isdir(arg):
            found.extend((p, p.relative_to(arg)) for p in _walk(Path(arg)))
        elif os.path.exists(arg):
            found.append((Path(arg), Path(Path(arg).name)))
        else:
            raise InputError(f"no such file or folder: {arg}")
    if sum(path is None for path, _ in found) > 1:
        raise InputError("standard input ('-') can be read only once")
    return [
        Input(path, _format_of(path, fmt), rel, index) for index, (path, rel) in enumerate(found)
    ]


def _format_of(path: Path | None, fmt: str) -> str:
    if fmt != "auto":
        return fmt
    return "text" if path is None else detect_format(path)


def _walk(folder: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root, name)


@dataclass
class Tracker:
    """How far the reading has got, as a share of all input bytes (``None``: unknown).

    Readers report each file they open; the progress bar asks for ``fraction()``.
    """

    inputs: list[Input]
    _sizes: list[int] = field(init=False, default_factory=list)
    _done: int = field(init=False, default=0)
    _current: IO[bytes] | None = field(init=False, default=None)

    def __post_init__(self) -> None:
        sizes = [inp.size() for inp in self.inputs]
        self._sizes = [s for s in sizes if s is not None] if None not in sizes else []

    def opened(self, index: int, raw: IO[bytes] | None) -> None:
        self._done = sum(self._sizes[:index])
        self._current = raw

    def fraction(self) -> float | None:
        total = sum(self._sizes)
        if not self._sizes or total == 0:
            return None
        pos = self._done
        if self._current is not None and not self._current.closed:
            pos += self._current.tell()
        return min(1.0, pos / total)


def read_input(inp: Input, tracker: Tracker | None = None) -> Iterator[Record]:
    """The records of one input, framed but not decoded (workers decode them).

    An input that cannot be read ends with a record that carries the error.
    """
    readers = {"text": _read_text, "jsonl": _read_jsonl, "parquet": _read_parquet}
    last = 0
    try:
        for record in readers[inp.fmt](inp, tracker):
            last = record.line
            yield record
    except (OSError, EOFError, ValueError) as exc:  # vanished file, truncated gzip, bad Parquet
        yield Record(inp.name, last + 1, inp.index, error=f"cannot read {inp.name}: {exc}")


def _open_raw(inp: Input, tracker: Tracker | None) -> IO[bytes]:
    raw: IO[bytes] = sys.stdin.buffer if inp.path is None else open(inp.path, "rb")  # noqa: SIM115
    if tracker is not None:
        tracker.opened(inp.index, None if inp.path is None else raw)
    return raw


def _read_text(inp: Input, tracker: Tracker | None) -> Iterator[Record]:
    raw = _open_raw(inp, tracker)
    stream = _decompressed(raw)
    try:
        data = stream.read()
    finally:
        if inp.path is not None:
            stream.close()
            raw.close()
    yield Record(inp.name, 1, inp.index, raw=data)


def _read_jsonl(inp: Input, tracker: Tracker | None) -> Iterator[Record]:
    raw = _open_raw(inp, tracker)
    stream = _decompressed(raw)
    try:
        for number, line in enumerate(stream, start=1):
            if line.strip():
                yield Record(inp.name, number, inp.index, raw=line)
    finally:
        if inp.path is not None:
            stream.close()
            raw.close()


def _decompressed(raw: IO[bytes]) -> IO[bytes]:
    """``raw``, gunzipped when it starts with gzip's magic bytes, whatever its name: a
    file, or standard input (``... | gzip | cleannews -f jsonl``)."""
    head, stream = _peek(raw, len(GZIP_MAGIC))
    return cast(IO[bytes], gzip.GzipFile(fileobj=stream)) if head == GZIP_MAGIC else stream


def _peek(raw: IO[bytes], size: int) -> tuple[bytes, IO[bytes]]:
    """The first ``size`` bytes of ``raw`` and a stream that still starts with them."""
    if raw.seekable():
        start = raw.tell()
        head = raw.read(size)
        raw.seek(start)
        return head, raw
    head = b""
    while len(head) < size and (more := raw.read(size - len(head))):
        head += more
    return head, io.BufferedReader(_Prefixed(head, raw))


class _Prefixed(io.RawIOBase):
    """``prefix``, then the rest of ``rest``: a pipe's first bytes read back in front."""

    def __init__(self, prefix: bytes, rest: IO[bytes]) -> None:
        self._prefix = prefix
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        view = memoryview(buffer).cast("B")
        if self._prefix:
            n = min(len(view), len(self._prefix))
            view[:n], self._prefix = self._prefix[:n], self._prefix[n:]
            return n
        data = self._rest.read(len(view))
        view[: len(data)] = data
        return len(data)


def _read_parquet(inp: Input, tracker: Tracker | None) -> Iterator[Record]:
    import pyarrow.parquet as pq  # optional: pip install 'cleannews[parquet]'

    raw = _open_raw(inp, tracker)
    try:
        number = 0
        for batch in pq.ParquetFile(raw).iter_batches(batch_size=_PARQUET_BATCH):
            for row in batch.to_pylist():
                number += 1
                yield Record(inp.name, number, inp.index, row=row)
    finally:
        if inp.path is not None:
            raw.close()
