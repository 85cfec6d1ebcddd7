"""What a worker process does: decode a chunk, clean it, encode the output.

Decoding and encoding run in the workers too, so that the parent process only frames
input and writes bytes: with JSON Lines it would otherwise be the bottleneck. Top-level
functions only, so that they pickle by reference into worker processes.

A chunk is decoded record by record, then cleaned through one ``cleaning.clean_chunk``
call (one per site profile when profiles are in use), then encoded record by record.
"""

from __future__ import annotations

import dataclasses
import gzip
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..article import Article
from ..config import DEFAULT, Config
from ..profile import Profile, site_of_url
from .cleaning import CleanFailure, clean_chunk
from .convert import json_line
from .fields import article_fields
from .records import Chunk, ChunkResult, Outcome

__all__ = [
    "ERROR_FORMAT",
    "URL_FIELD",
    "WorkOptions",
    "clean_one",
    "clean_texts",
    "document_text",
    "failed_chunk",
    "group_of",
    "process_chunk",
]

# The format of a chunk that only reports a read error (its one item is the message).
ERROR_FORMAT = "error"
_GZIP_LEVEL = 6
_UTF8_BOM = b"\xef\xbb\xbf"

Fields = dict[str, Any]
Cleaned = tuple[Fields | None, Outcome]


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


@dataclass(frozen=True)
class _Doc:
    """One record of a chunk, decoded: the text to clean, or the failure that stops it.

    ``obj`` is a JSON line's object; ``group`` names the profile to clean with.
    """

    text: str | bytes | None
    failure: Outcome = field(default_factory=Outcome)
    obj: Fields | None = None
    group: str = ""


def clean_texts(
    texts: Sequence[str | bytes], groups: Sequence[str], options: WorkOptions
) -> list[Cleaned]:
    """The fields and outcome of each text: one ``clean_chunk`` call for the texts of each
    profile (one call in all without profiles), results back in the texts' order."""
    by_profile: dict[str | None, list[int]] = {}
    for index, group in enumerate(groups):
        by_profile.setdefault(group if group in options.profiles else None, []).append(index)
    out: list[Cleaned] = [(None, Outcome())] * len(texts)
    for key, indices in by_profile.items():
        profile = None if key is None else options.profiles[key]
        results = clean_chunk([texts[i] for i in indices], options.config, profile)
        for index, result in zip(indices, results, strict=True):
            out[index] = _fields_of(result, options)
    return out


def clean_one(text: str | bytes, options: WorkOptions, group: str = "") -> Cleaned:
    """The cleaned text (``"text"``) and the asked-for fields, or ``None`` and the error."""
    return clean_texts([text], [group], options)[0]


def _fields_of(result: Article | CleanFailure, options: WorkOptions) -> Cleaned:
    if isinstance(result, CleanFailure):
        return None, Outcome(error=result.error)
    fields: Fields = {"text": result.text}
    fields.update(
        article_fields(result, options.prefix, metadata=options.metadata, reasons=options.reasons)
    )
    return fields, Outcome(rule_counts=result.rule_counts(), flags=result.flags)


def process_chunk(chunk: Chunk, options: WorkOptions) -> ChunkResult:
    """Clean every item of ``chunk``; the result holds the output ready to write."""
    if chunk.fmt == ERROR_FORMAT:
        return _error_chunk(chunk)
    docs = _decoders()[chunk.fmt](chunk, options)
    return _encode(chunk, docs, _clean_docs(docs, options), options)


def failed_chunk(chunk: Chunk, options: WorkOptions, message: str) -> ChunkResult:
    """Every record of ``chunk`` failed with ``message`` (its worker died): passed through,
    or skipped; a record that is not one (a malformed JSON line) is still left out."""
    if chunk.fmt == ERROR_FORMAT:
        return _error_chunk(chunk)
    docs = _decoders()[chunk.fmt](chunk, options)
    failed = [_with_raw(Outcome(error=message), doc) for doc in docs]
    return _encode(chunk, docs, [(None, o) for o in failed], options)


def _decoders() -> dict[str, Callable[[Chunk, WorkOptions], list[_Doc]]]:
    return {"text": _text_docs, "jsonl": _jsonl_docs, "parquet": _parquet_docs}


def _encode(
    chunk: Chunk, docs: list[_Doc], cleaned: list[Cleaned], options: WorkOptions
) -> ChunkResult:
    out = chunk.output_format
    if out == "text" and chunk.fmt != "text":
        return _documents_result(chunk, docs, cleaned, options)
    if chunk.fmt != "parquet" and out != chunk.fmt:
        return _records_result(chunk, docs, cleaned, options)
    encoders = {"text": _text_result, "jsonl": _jsonl_result, "parquet": _parquet_result}
    return encoders[chunk.fmt](chunk, docs, cleaned, options)


def _error_chunk(chunk: Chunk) -> ChunkResult:
    outcomes = tuple(Outcome(error=str(message), rejected=True) for message in chunk.items)
    return ChunkResult(outcomes, b"")


def _clean_docs(docs: list[_Doc], options: WorkOptions) -> list[Cleaned]:
    """Each record's fields and outcome: the decoded ones cleaned in one go."""
    ready = [i for i, doc in enumerate(docs) if doc.text is not None]
    texts = [docs[i].text or "" for i in ready]
    cleaned = clean_texts(texts, [docs[i].group for i in ready], options)
    out: list[Cleaned] = [(None, doc.failure) for doc in docs]
    for index, (fields, outcome) in zip(ready, cleaned, strict=True):
        out[index] = (fields, outcome if fields is not None else _with_raw(outcome, docs[index]))
    return out


def _with_raw(outcome: Outcome, doc: _Doc) -> Outcome:
    """A JSON line's failure carries its bytes, for the errors file."""
    return outcome if doc.failure.raw is None else dataclasses.replace(outcome, raw=doc.failure.raw)


# -- plain text: one document per file -----------------------------------------------------


def _text_docs(chunk: Chunk, options: WorkOptions) -> list[_Doc]:
    docs = []
    for raw in chunk.items:
        text, failure = _decode_text_file(raw, options)
        docs.append(_Doc(text, failure))
    return docs


def _decode_text_file(raw: bytes, options: WorkOptions) -> tuple[str | bytes | None, Outcome]:
    if options.encoding == "auto":
        return raw, Outcome()  # the library detects the charset
    try:
        return raw.decode(options.encoding), Outcome()
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        error = f"cannot decode as {options.encoding}: byte 0x{raw[exc.start]:02x} at line {line}"
        return None, Outcome(error=error, line=line)


def _text_result(
    chunk: Chunk, docs: list[_Doc], cleaned: list[Cleaned], options: WorkOptions
) -> ChunkResult:
    parts: list[bytes] = []
    for raw, (fields, _) in zip(chunk.items, cleaned, strict=True):
        if fields is not None:
            parts.append(_utf8(fields["text"]) + b"\n")
        elif not options.skip_failed:
            parts.append(raw)
    sidecars = tuple(_sidecar(fields) for fields, _ in cleaned)
    return ChunkResult(tuple(o for _, o in cleaned), b"".join(parts), sidecars)


def _sidecar(fields: Fields | None) -> bytes | None:
    extra = {k: v for k, v in (fields or {}).items() if k != "text"}
    return _utf8(json.dumps(extra, ensure_ascii=False, indent=1) + "\n") if extra else None


# -- JSON Lines: one object a line -----------------------------------------------------------


def _jsonl_docs(chunk: Chunk, options: WorkOptions) -> list[_Doc]:
    docs = []
    for raw in chunk.items:
        obj, failure = _decode_json_line(raw, options.field)
        failure = dataclasses.replace(failure, raw=raw)
        if obj is None:
            docs.append(_Doc(None, failure))
        else:
            group = group_of(obj, options.group_field) if options.profiles else ""
            docs.append(_Doc(obj[options.field], failure, obj, group))
    return docs


def _jsonl_result(
    chunk: Chunk, docs: list[_Doc], cleaned: list[Cleaned], options: WorkOptions
) -> ChunkResult:
    """Only JSON objects are written: a cleaned record, or (``--on-error pass``) a record
    that parses but failed, byte for byte; never a line that is not an object."""
    lines: list[bytes] = []
    for raw, doc, (fields, outcome) in zip(chunk.items, docs, cleaned, strict=True):
        if fields is not None and doc.obj is not None:
            lines.append(json_line(_merged(doc.obj, fields, options.target)))
        elif not (outcome.rejected or options.skip_failed):
            lines.append(_terminated(raw))
    return ChunkResult(tuple(o for _, o in cleaned), _encode_lines(lines, chunk.compress))


def _terminated(line: bytes) -> bytes:
    return line if line.endswith(b"\n") else line + b"\n"


def _encode_lines(lines: list[bytes], compress: bool) -> bytes:
    """The lines as one block: a gzip member of its own when ``compress``."""
    payload = b"".join(lines)
    if compress and payload:
        payload = gzip.compress(payload, compresslevel=_GZIP_LEVEL)
    return payload


def _decode_json_line(raw: bytes, name: str) -> tuple[Fields | None, Outcome]:
    """The object, when the line is one and ``name`` holds a string; else the error.

    A line that is not a JSON object (malformed, not UTF-8, ``NaN``, an array) is
    ``rejected``: it has no place in a JSON Lines output.
    """
    obj, failure = _parse_json_line(raw)
    missing = None if obj is None else field_error(obj, name)
    return (obj, failure) if missing is None else (None, Outcome(error=missing))


def _parse_json_line(raw: bytes) -> tuple[Fields | None, Outcome]:
    """The object of a JSON line, or why it is not one (``rejected``)."""
    try:
        line = raw.removeprefix(_UTF8_BOM).rstrip(b"\r\n")
        obj = json.loads(line.decode("utf-8"), parse_constant=_no_constant)
    except UnicodeDecodeError as exc:
        error = f"not UTF-8: byte 0x{raw[exc.start]:02x} at column {exc.start + 1}"
        return None, Outcome(error=error, rejected=True)
    except ValueError as exc:
        return None, Outcome(error=f"malformed JSON: {exc}", rejected=True)
    if not isinstance(obj, dict):
        return None, Outcome(error=f"not a JSON object but {_json_kind(obj)}", rejected=True)
    return obj, Outcome()


def _no_constant(name: str) -> Any:
    """``NaN``, ``Infinity``: Python's json reads them, JSON (RFC 8259) has no such value."""
    raise ValueError(f"{name} is not a JSON value")


def _json_kind(value: Any) -> str:
    kinds = {list: "an array", str: "a string", int: "a number", float: "a number"}
    return "null" if value is None else kinds.get(type(value), type(value).__name__)


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


# -- Parquet: the text field's value travels, the row stays with the writer ------------------


def _parquet_docs(chunk: Chunk, options: WorkOptions) -> list[_Doc]:
    docs = []
    for present, value, group in chunk.items:
        if isinstance(value, str):
            docs.append(_Doc(value, group=group))
        else:
            error = _not_a_string(options.field, value) if present else _no_field(options.field)
            docs.append(_Doc(None, Outcome(error=error)))
    return docs


def _parquet_result(
    chunk: Chunk, docs: list[_Doc], cleaned: list[Cleaned], options: WorkOptions
) -> ChunkResult:
    rows: list[Fields | None] = []
    for fields, _ in cleaned:
        if fields is not None:
            rows.append(_merged({}, fields, options.target))
        else:
            rows.append(None if options.skip_failed else {})
    return ChunkResult(tuple(o for _, o in cleaned), tuple(rows))


# -- converted: records written as text, documents and JSON lines written as records ---------


def _documents_result(
    chunk: Chunk, docs: list[_Doc], cleaned: list[Cleaned], options: WorkOptions
) -> ChunkResult:
    """JSON lines or Parquet rows written as text: each record's cleaned text (a failed
    record's own text under ``--on-error pass``); a record with no text to write is left
    out. The sink separates the documents."""
    outcomes, texts = [], []
    for item, doc, (fields, outcome) in zip(chunk.items, docs, cleaned, strict=True):
        text: str | None = None
        if fields is not None:
            text = fields["text"]
        elif not (outcome.rejected or options.skip_failed):
            text = _own_text(chunk.fmt, item, doc, options.field)
            outcome = outcome if text is not None else dataclasses.replace(outcome, rejected=True)
        outcomes.append(outcome)
        texts.append(None if text is None else _utf8(text if text.endswith("\n") else text + "\n"))
    return ChunkResult(tuple(outcomes), tuple(texts))


def _own_text(fmt: str, item: Any, doc: _Doc, name: str) -> str | None:
    """A failed record's text field, when it is a string (a cleaner error, not a missing
    field)."""
    if fmt == "parquet":
        _, value, _ = item
    else:
        value = (doc.obj or _parsed(item) or {}).get(name)
    return value if isinstance(value, str) else None


def _parsed(raw: bytes) -> Fields | None:
    """A failed JSON line's object (it parsed: only a rejected line does not)."""
    obj, _ = _parse_json_line(raw)
    return obj


def _records_result(
    chunk: Chunk, docs: list[_Doc], cleaned: list[Cleaned], options: WorkOptions
) -> ChunkResult:
    """JSON lines written to Parquet, text documents to JSON Lines or Parquet: each record
    whole (a text document: the cleaned text in ``--output-field`` and the added fields).
    A failed JSON line that parsed passes through as it was, a text document that could
    not be decoded has no record to pass through: left out."""
    outcomes, records = [], []
    for item, doc, (fields, outcome) in zip(chunk.items, docs, cleaned, strict=True):
        record: Fields | None = None
        if fields is not None:
            record = _merged(doc.obj or {}, fields, options.target)
        elif not (outcome.rejected or options.skip_failed):
            record = _parsed(item) if chunk.fmt == "jsonl" else None
            outcome = outcome if record is not None else dataclasses.replace(outcome, rejected=True)
        outcomes.append(outcome)
        records.append(record)
    if chunk.output_format == "parquet":
        return ChunkResult(tuple(outcomes), tuple(records))
    lines = [json_line(r) for r in records if r is not None]
    return ChunkResult(tuple(outcomes), _encode_lines(lines, chunk.compress))


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


def _utf8(text: str) -> bytes:
    return text.encode("utf-8", errors="replace")
