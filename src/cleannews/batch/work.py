"""What a worker process does: decode a chunk, clean it, encode the output.

Decoding and encoding run in the workers too, so that the parent process only frames
input and writes bytes: with JSON Lines it would otherwise be the bottleneck. Top-level
functions only, so that they pickle by reference into worker processes.
"""

from __future__ import annotations

import dataclasses
import gzip
import json
import traceback
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from .. import extract
from ..config import DEFAULT, Config
from ..profile import Profile, site_of_url
from .fields import article_fields
from .records import Chunk, ChunkResult, Outcome

__all__ = [
    "ERROR_FORMAT",
    "URL_FIELD",
    "WorkOptions",
    "clean_one",
    "document_text",
    "failed_chunk",
    "group_of",
    "process_chunk",
]

# The format of a chunk that only reports a read error (its one item is the message).
ERROR_FORMAT = "error"
_GZIP_LEVEL = 6

Fields = dict[str, Any]


@dataclass(frozen=True)
class WorkOptions:
    """How to clean and what to write; sent to the workers with every chunk."""

    config: Config = field(default=DEFAULT)
    field: str = "text"
    output_field: str | None = None  # None: the cleaned text replaces ``field``
    metadata: bool = False
    reasons: bool = False
    prefix: str = "cn_"
    # "utf-8" (strict: undecodable text files fail) or "auto" (the library detects).
    encoding: str = "utf-8"
    skip_failed: bool = False
    # Site profiles by group (``--learn`` / ``--profiles``), and the field that names a
    # record's group ("url": the URL's host; see ``batch.learning.group_of``).
    profiles: Mapping[str, Profile] = dataclasses.field(default_factory=dict)
    group_field: str | None = None

    @property
    def target(self) -> str:
        return self.output_field or self.field

    def profile_for(self, row: Mapping[str, Any] | None) -> Profile | None:
        """The profile of a record's group (``row``: its fields; ``None`` for plain text)."""
        if not self.profiles:
            return None
        return self.profiles.get(group_of(row, self.group_field))


# The --group-field value that groups by the URL's host rather than by the field's value.
URL_FIELD = "url"


def group_of(row: Mapping[str, Any] | None, group_field: str | None) -> str:
    """The group (site) of a record: with ``group_field == "url"`` the host of the URL in
    that field, else the field's value; ``""`` without a usable field (plain text files,
    a missing or non-string value)."""
    if group_field is None or row is None:
        return ""
    value = row.get(group_field)
    if not isinstance(value, str):
        return ""
    return site_of_url(value) if group_field == URL_FIELD else value.strip()


def clean_one(
    text: str | bytes, options: WorkOptions, profile: Profile | None = None
) -> tuple[Fields | None, Outcome]:
    """The cleaned text (``"text"``) and the asked-for fields, or ``None`` and the error.

    An exception from the library becomes an error outcome: a bug costs one record.
    """
    try:
        article = (
            extract(text, options.config)
            if profile is None
            else extract(text, options.config, profile=profile)
        )
        fields: Fields = {"text": article.text}
        fields.update(
            article_fields(
                article, options.prefix, metadata=options.metadata, reasons=options.reasons
            )
        )
        return fields, Outcome(rule_counts=article.rule_counts(), flags=article.flags)
    except Exception as exc:
        return None, Outcome(error=_describe(exc))


def process_chunk(chunk: Chunk, options: WorkOptions) -> ChunkResult:
    """Clean every item of ``chunk``; the result holds the output ready to write."""
    handlers: dict[str, Callable[[Chunk, WorkOptions], ChunkResult]] = {
        "text": _text_chunk,
        "jsonl": _jsonl_chunk,
        "parquet": _parquet_chunk,
        ERROR_FORMAT: _error_chunk,
    }
    return handlers[chunk.fmt](chunk, options)


def _error_chunk(chunk: Chunk, options: WorkOptions) -> ChunkResult:
    return ChunkResult(tuple(Outcome(error=str(message)) for message in chunk.items), b"")


def failed_chunk(chunk: Chunk, options: WorkOptions, message: str) -> ChunkResult:
    """Every record of ``chunk`` failed with ``message``: passed through, or skipped."""
    outcomes = tuple(Outcome(error=message) for _ in chunk.items)
    if chunk.fmt == "parquet":
        return ChunkResult(
            outcomes, tuple(None if options.skip_failed else {} for _ in chunk.items)
        )
    if chunk.fmt == "jsonl" and not options.skip_failed:
        return ChunkResult(
            outcomes, _encode_lines([_terminated(raw) for raw in chunk.items], chunk.compress)
        )
    passed = b"" if options.skip_failed or chunk.fmt == ERROR_FORMAT else b"".join(chunk.items)
    return ChunkResult(outcomes, passed, tuple(None for _ in chunk.items))


def _text_chunk(chunk: Chunk, options: WorkOptions) -> ChunkResult:
    outcomes: list[Outcome] = []
    parts: list[bytes] = []
    sidecars: list[bytes | None] = []
    for raw in chunk.items:
        fields, outcome = _clean_text_file(raw, options)
        outcomes.append(outcome)
        sidecars.append(_sidecar(fields))
        if fields is not None:
            parts.append(_utf8(fields["text"]) + b"\n")
        elif not options.skip_failed:
            parts.append(raw)
    return ChunkResult(tuple(outcomes), b"".join(parts), tuple(sidecars))


def _clean_text_file(raw: bytes, options: WorkOptions) -> tuple[Fields | None, Outcome]:
    text, failure = _decode_text_file(raw, options)
    return (None, failure) if text is None else clean_one(text, options, options.profile_for(None))


def _decode_text_file(raw: bytes, options: WorkOptions) -> tuple[str | bytes | None, Outcome]:
    if options.encoding == "auto":
        return raw, Outcome()  # the library detects the charset
    try:
        return raw.decode(options.encoding), Outcome()
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        error = f"cannot decode as {options.encoding}: byte 0x{raw[exc.start]:02x} at line {line}"
        return None, Outcome(error=error, line=line)


def _sidecar(fields: Fields | None) -> bytes | None:
    extra = {k: v for k, v in (fields or {}).items() if k != "text"}
    return _utf8(json.dumps(extra, ensure_ascii=False, indent=1) + "\n") if extra else None


def _jsonl_chunk(chunk: Chunk, options: WorkOptions) -> ChunkResult:
    outcomes: list[Outcome] = []
    lines: list[bytes] = []
    for raw in chunk.items:
        out, outcome = _clean_json_line(raw, options)
        outcomes.append(outcome)
        if out is not None:
            lines.append(out)
        elif not options.skip_failed:
            lines.append(_terminated(raw))
    return ChunkResult(tuple(outcomes), _encode_lines(lines, chunk.compress))


def _terminated(line: bytes) -> bytes:
    return line if line.endswith(b"\n") else line + b"\n"


def _encode_lines(lines: list[bytes], compress: bool) -> bytes:
    """The lines as one block: a gzip member of its own when ``compress``."""
    payload = b"".join(lines)
    if compress and payload:
        payload = gzip.compress(payload, compresslevel=_GZIP_LEVEL)
    return payload


def _clean_json_line(raw: bytes, options: WorkOptions) -> tuple[bytes | None, Outcome]:
    """The output line, or ``None`` and the error outcome."""
    obj, failure = _decode_json_line(raw, options.field)
    if obj is None:
        return None, failure
    fields, outcome = clean_one(obj[options.field], options, options.profile_for(obj))
    if fields is None:
        return None, outcome
    return _dump_json(_merged(obj, fields, options.target)), outcome


def _decode_json_line(raw: bytes, name: str) -> tuple[Fields | None, Outcome]:
    """The object, when it is one and ``name`` holds a string; else the error outcome."""
    try:
        obj = json.loads(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        return None, Outcome(error=f"malformed JSON: {exc}")
    if not isinstance(obj, dict):
        return None, Outcome(error=f"not a JSON object but {type(obj).__name__}")
    error = field_error(obj, name)
    return (obj, Outcome()) if error is None else (None, Outcome(error=error))


def document_text(
    fmt: str, raw: bytes | None, row: Fields | None, options: WorkOptions
) -> tuple[str | bytes | None, Outcome]:
    """The text to clean in one record (as the batch would see it), or the error."""
    if fmt == "text":
        return _decode_text_file(raw or b"", options)
    if fmt == "jsonl":
        obj, failure = _decode_json_line(raw or b"", options.field)
        return (None, failure) if obj is None else (obj[options.field], failure)
    error = field_error(row or {}, options.field)
    return (None, Outcome(error=error)) if error else ((row or {})[options.field], Outcome())


def _parquet_chunk(chunk: Chunk, options: WorkOptions) -> ChunkResult:
    outcomes: list[Outcome] = []
    rows: list[Fields | None] = []
    for present, value, group in chunk.items:
        if isinstance(value, str):
            fields, outcome = clean_one(value, options, options.profiles.get(group))
        else:
            error = _not_a_string(options.field, value) if present else _no_field(options.field)
            fields, outcome = None, Outcome(error=error)
        outcomes.append(outcome)
        if fields is not None:
            rows.append(_merged({}, fields, options.target))
        else:
            rows.append(None if options.skip_failed else {})
    return ChunkResult(tuple(outcomes), tuple(rows))


def field_error(row: dict[str, Any], name: str) -> str | None:
    """Why ``row[name]`` cannot be cleaned, or ``None`` when it is a string."""
    if name not in row:
        return _no_field(name)
    value = row[name]
    return None if isinstance(value, str) else _not_a_string(name, value)


def _no_field(name: str) -> str:
    return f"no field {name!r}"


def _not_a_string(name: str, value: object) -> str:
    kind = "null" if value is None else type(value).__name__
    return f"field {name!r} is {kind}, not a string"


def _merged(obj: Fields, fields: Fields, target: str) -> Fields:
    """``obj`` with the cleaned text in ``target`` and the added fields after it."""
    out = dict(obj)
    out[target] = fields["text"]
    out.update((k, v) for k, v in fields.items() if k != "text")
    return out


def _dump_json(obj: Fields) -> bytes:
    line = json.dumps(obj, ensure_ascii=False)
    try:
        return line.encode("utf-8") + b"\n"
    except UnicodeEncodeError:  # lone surrogates from "\ud800" escapes: keep them escaped
        return json.dumps(obj).encode("ascii") + b"\n"


def _utf8(text: str) -> bytes:
    return text.encode("utf-8", errors="replace")


def _describe(exc: BaseException) -> str:
    """The exception and the innermost frame that raised it, on one line."""
    frames = traceback.extract_tb(exc.__traceback__)
    where = f" (at {frames[-1].filename}:{frames[-1].lineno})" if frames else ""
    return f"{type(exc).__name__}: {exc}{where}"
