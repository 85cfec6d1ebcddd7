"""One batch run: read every input, clean in order, write every output, count."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack, closing
from dataclasses import dataclass, field, replace
from itertools import chain
from pathlib import Path
from typing import TextIO

from .engine import run_chunks
from .failures import FailureLog, NoteLog, action_of
from .progress import Progress
from .records import Chunk, ChunkResult, Record
from .sinks import Sink, SinkOptions, compresses, open_sink
from .sources import (
    FORMAT_SUFFIXES,
    KNOWN_SUFFIXES,
    Input,
    InputError,
    Tracker,
    named_format,
    read_input,
)
from .tally import Tally
from .work import ERROR_FORMAT, WorkOptions, group_of

__all__ = [
    "UNIFORM_FAILURES_TO_STOP",
    "BatchOptions",
    "UniformFailure",
    "check_output_formats",
    "plan_destinations",
    "run_batch",
]

# A run stops, before writing anything, when its first this many records all fail with
# the same reason: a wrong --field or --encoding, not bad records. Ten: a file whose first
# few records are bad but whose others are fine goes on; ten identical failures in a row
# at the start have been, in every run tried, the whole input failing.
UNIFORM_FAILURES_TO_STOP = 10


@dataclass(frozen=True)
class BatchOptions:
    work: WorkOptions = field(default_factory=WorkOptions)
    workers: int = 1
    chunk_size: int = 16

    @property
    def sink(self) -> SinkOptions:
        w = self.work
        return SinkOptions(target=w.target, prefix=w.prefix, metadata=w.metadata, reasons=w.reasons)


def plan_destinations(
    inputs: list[Input], output: str | None, folder: bool, output_format: str | None = None
) -> list[Path | None]:
    """Where each input's output goes: ``None`` is standard output.

    ``output`` is a folder (mirroring the inputs' relative paths) when ``folder`` is true,
    it exists as a folder or ends with a path separator; otherwise it is one file, which
    needs exactly one input. In a folder, an input converted to ``output_format`` takes
    that format's suffix (``a.txt`` -> ``a.jsonl``). Raises ``InputError`` for plans that
    would lose data.
    """
    if output is None:
        return [None] * len(inputs)
    as_folder = folder or len(inputs) > 1 or os.path.isdir(output) or output.endswith(os.sep)
    if as_folder and any(inp.path is None for inp in inputs):
        raise InputError("standard input goes to standard output or to one -o file")
    dests: list[Path | None] = [
        Path(output, _renamed(inp, output_format)) if as_folder else Path(output) for inp in inputs
    ]
    _check_destinations(inputs, dests)
    return dests


def _renamed(inp: Input, output_format: str | None) -> Path:
    """``inp``'s path in an output folder: with the suffix of ``output_format`` when the
    input is converted to it."""
    if output_format is None or output_format == inp.fmt:
        return inp.rel
    name = inp.rel.name
    for suffix in sorted(KNOWN_SUFFIXES, key=len, reverse=True):
        if name.lower().endswith(suffix):
            name = name[: -len(suffix)]
            break
    return inp.rel.with_name(name + FORMAT_SUFFIXES[output_format])


def check_output_formats(
    inputs: list[Input], dests: list[Path | None], option: str | None = None
) -> list[str]:
    """Each output's format: what its name says (``-o clean.parquet``), or ``option``
    (``--output-format``), else its input's; the records are converted when it is not
    the input's (``batch.convert``). ``InputError`` when the name and the option
    disagree, and for Parquet on standard output."""
    formats = []
    for inp, dest in zip(inputs, dests, strict=True):
        named = None if dest is None else named_format(dest)
        if option is not None and named not in (None, option):
            raise InputError(
                f"the output {dest} is named as {named}, --output-format says {option}"
            )
        fmt = option or named or inp.fmt
        if fmt == "parquet" and dest is None:
            raise InputError(
                "Parquet output needs -o/--output (a file); --output-format jsonl writes "
                "JSON Lines to standard output"
            )
        formats.append(fmt)
    return formats


def _check_destinations(inputs: list[Input], dests: list[Path | None]) -> None:
    seen: set[Path] = set()
    for inp, dest in zip(inputs, dests, strict=True):
        if dest is None:
            continue
        resolved = dest.resolve()
        if inp.path is not None and inp.path.resolve() == resolved:
            raise InputError(f"the output would overwrite the input {inp.path}")
        if resolved in seen:
            raise InputError(f"two inputs would be written to {dest}")
        seen.add(resolved)


class UniformFailure(Exception):
    """The first records all failed for one reason: the run stopped, nothing written."""

    def __init__(self, reason: str, count: int, first: str) -> None:
        super().__init__(
            f"the first {count} records all failed with: {reason} (the first at {first}); "
            "stopped before writing anything"
        )
        self.reason = reason


@dataclass(frozen=True)
class _Context:
    """What stays in this process while a chunk is cleaned: the records' locations and
    Parquet rows (not their raw bytes), and how far the reading had got."""

    records: list[Record]
    fraction: float | None


@dataclass(frozen=True)
class _Plan:
    """Each input's destination and output format."""

    inputs: list[Input]
    dests: list[Path | None]
    formats: list[str]


def make_chunks(
    records: Iterable[Record], plan: _Plan, options: BatchOptions
) -> Iterator[tuple[list[Record], Chunk]]:
    """Group records into chunks of one input each; a read error is a chunk of its own."""
    buffer: list[Record] = []
    for record in records:
        if buffer and (record.input_index != buffer[0].input_index or record.error):
            yield _chunk(buffer, plan, options)
            buffer = []
        buffer.append(record)
        if len(buffer) >= options.chunk_size or record.error:
            yield _chunk(buffer, plan, options)
            buffer = []
    if buffer:
        yield _chunk(buffer, plan, options)


def _chunk(records: list[Record], plan: _Plan, options: BatchOptions) -> tuple[list[Record], Chunk]:
    index = records[0].input_index
    inp, out = plan.inputs[index], plan.formats[index]
    out_fmt = None if out == inp.fmt else out
    kept = [replace(r, raw=None) for r in records]
    if records[0].error is not None:
        return kept, Chunk(ERROR_FORMAT, (records[0].error,))
    if inp.fmt == "parquet":
        name, work = options.work.field, options.work
        items = tuple(
            (name in (r.row or {}), (r.row or {}).get(name), _group(r, work)) for r in records
        )
        return kept, Chunk("parquet", items, out_fmt=out_fmt)
    compress = compresses(inp, plan.dests[index], out)
    return kept, Chunk(inp.fmt, tuple(r.raw for r in records), compress, out_fmt)


def _group(record: Record, work: WorkOptions) -> str:
    """A Parquet record's group travels with its text (the row stays in this process)."""
    return group_of(record.row, work.group_field) if work.profiles else ""


class _Sinks:
    """The sink of the input being written; inputs are written one after the other."""

    def __init__(self, plan: _Plan, options: SinkOptions, note: Callable[[str], None]):
        self._inputs = plan.inputs
        self._dests = plan.dests
        self._formats = plan.formats
        self._options = options
        self._note = note
        self._index = -1
        self._sink: Sink | None = None
        self._stdout_used = False

    def for_input(self, index: int) -> Sink:
        while self._index < index or self._sink is None:
            self._sink = self._next()
        return self._sink

    def finish(self) -> None:
        """Open (and so create) the outputs of inputs that had no records."""
        while self._index < len(self._inputs) - 1:
            self._sink = self._next()
        self.close()

    def close(self) -> None:
        if self._sink is not None:
            self._sink.close()
            self._sink = None

    def _next(self) -> Sink:
        self.close()
        self._index += 1
        dest = self._dests[self._index]
        first = dest is not None or not self._stdout_used
        self._stdout_used = self._stdout_used or dest is None
        inp, fmt = self._inputs[self._index], self._formats[self._index]
        return open_sink(inp, dest, self._options, first, fmt, self._note)


def run_batch(
    inputs: list[Input],
    dests: list[Path | None],
    options: BatchOptions,
    stderr: TextIO,
    show_progress: bool,
    failures: FailureLog | None = None,
    formats: list[str] | None = None,
) -> Tally:
    """Clean every input into its destination, in ``formats`` (default: the inputs'; see
    ``check_output_formats``); bad records are reported to ``failures`` (default: a line
    each on ``stderr``). Raises ``UniformFailure`` when the first
    ``UNIFORM_FAILURES_TO_STOP`` records all fail with the same reason."""
    plan = _Plan(inputs, dests, formats or [inp.fmt for inp in inputs])
    tracker = Tracker(inputs)
    records = chain.from_iterable(read_input(inp, tracker) for inp in inputs)
    jobs = (
        (_Context(kept, tracker.fraction()), chunk)
        for kept, chunk in make_chunks(records, plan, options)
    )
    progress = Progress(stderr, show_progress)
    log = failures or NoteLog(progress.note)
    sinks = _Sinks(plan, options.sink, progress.note)
    gate = _StartGate(UNIFORM_FAILURES_TO_STOP)
    tally = Tally()

    def write(context: _Context, result: ChunkResult) -> None:
        sinks.for_input(context.records[0].input_index).write(context.records, result)
        _count(context.records, result, tally, log, options.work.skip_failed)
        progress.update(len(context.records), context.fraction)

    with ExitStack() as cleanup:  # each closes even when another raises (a closed pipe)
        cleanup.callback(log.close)
        cleanup.callback(sinks.close)
        cleanup.callback(progress.close)
        results = cleanup.enter_context(closing(run_chunks(jobs, options.work, options.workers)))
        for context, result in results:
            for held in gate.admit(context, result):
                write(*held)
        for held in gate.release():
            write(*held)
        sinks.finish()
    return tally


@dataclass
class _StartGate:
    """Holds the first results back while every record so far failed with one reason, so
    that a run that fails on every record stops before writing any (``UniformFailure``)."""

    limit: int
    _held: list[tuple[_Context, ChunkResult]] = field(default_factory=list)
    _reason: str | None = None
    _failed: int = 0
    _open: bool = False

    def admit(self, context: _Context, result: ChunkResult) -> list[tuple[_Context, ChunkResult]]:
        """The results to write now: none while held, all held ones once the gate opens."""
        if self._open:
            return [(context, result)]
        self._held.append((context, result))
        for outcome in result.outcomes:
            if outcome.error is None or self._reason not in (None, outcome.error):
                return self.release()
            self._reason = outcome.error
            self._failed += 1
            if self._failed >= self.limit:
                raise UniformFailure(outcome.error, self._failed, self._first())
        return []

    def release(self) -> list[tuple[_Context, ChunkResult]]:
        self._open = True
        held, self._held = self._held, []
        return held

    def _first(self) -> str:
        return self._held[0][0].records[0].where


def _count(
    records: list[Record], result: ChunkResult, tally: Tally, log: FailureLog, skip: bool
) -> None:
    for record, outcome in zip(records, result.outcomes, strict=True):
        if not tally.add(outcome, skipped=skip and not outcome.rejected):
            log.report(record, outcome, action_of(outcome, skip))
