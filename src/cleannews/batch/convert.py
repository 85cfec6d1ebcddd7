"""Records from one format to another: JSON values to an Arrow schema, Arrow values to JSON.

JSON Lines carry no schema and Parquet needs one before its first row. The schema is
inferred from the first records (``SCHEMA_SAMPLE_ROWS``), each JSON value mapped to a type:

- ``true``/``false`` -> bool, an integer -> int64 (beyond int64: string), a number with a
  fraction or exponent -> double, a string -> string, an array -> list of its items'
  type, an object -> struct of its fields (a field missing from some records is null
  there); a field only ever null (or an empty object) -> string;
- types that differ across records widen: int and double -> double, two structs ->
  the struct of both's fields, two lists -> the list of the widened item types, anything
  else (string and number, bool and int, list and object...) -> string.

A record is then *fitted* to the schema (``fit_row``), never rejected: a missing field is
null; a field the schema does not have is dropped; a value in a string column that is not
a string is written as its JSON text (``3`` -> ``"3"``, ``[1]`` -> ``"[1]"``); a value that
fits no other way (a string in an int64 column) is null. Each misfit is a ``Misfit``, for
the sink to report once per field.

The other way (``json_converter``), an Arrow value becomes JSON: timestamps, dates and
times as ISO 8601 strings, durations as seconds, decimals as strings (exact), bytes as
base64 strings, maps as objects (keys as text), NaN and infinities as the strings
``"NaN"``, ``"Infinity"``, ``"-Infinity"`` (JSON has no such numbers).

Pure functions: pyarrow is imported only where an Arrow type is built or read.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import math
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

__all__ = [
    "BOOL",
    "FLOAT",
    "INT",
    "NULL",
    "SCHEMA_SAMPLE_ROWS",
    "SCHEMA_SAMPLE_TEXT",
    "STRING",
    "JType",
    "ListOf",
    "Misfit",
    "Scalar",
    "StructOf",
    "arrow_schema",
    "fit_row",
    "from_arrow",
    "infer",
    "infer_fields",
    "json_converter",
    "json_line",
    "text_size",
    "widen",
]

# The records a Parquet output from JSON records looks at before it fixes its schema. The
# sink holds that many rows anyway before its first write (one row group batch), so the
# sample costs no memory of its own; a thousand records see the fields and the types of
# all but the rarest records, and those are fitted (a null, a dropped field, reported).
SCHEMA_SAMPLE_ROWS = 1024
# ... or fewer records, when they hold more text than this (characters of their top-level
# strings): a thousand records that carry whole pages (200 KB of HTML each) would hold
# gigabytes in memory before the first write. Batches written later end there too.
SCHEMA_SAMPLE_TEXT = 32 * 2**20

_INT64_MIN, _INT64_MAX = -(2**63), 2**63 - 1
_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True)
class Scalar:
    """``null`` (no value seen yet), ``bool``, ``int`` (int64), ``float`` (double), ``string``."""

    name: str


@dataclass(frozen=True)
class ListOf:
    item: JType


@dataclass(frozen=True)
class StructOf:
    fields: tuple[tuple[str, JType], ...]


JType = Scalar | ListOf | StructOf
NULL, BOOL, INT, FLOAT, STRING = (Scalar(n) for n in ("null", "bool", "int", "float", "string"))


@dataclass(frozen=True)
class Misfit:
    """A value that did not fit the schema: ``path`` is the field (``a.b`` inside a
    struct, ``a[]`` the items of a list), ``kind`` ``"extra"`` (a field the schema does not
    have: dropped) or ``"type"`` (a value of type ``found``: written as null), or
    ``"surrogate"`` (a lone surrogate, not UTF-8: replaced by U+FFFD)."""

    path: str
    kind: str
    found: str = ""

    def describe(self) -> str:
        if self.kind == "extra":
            return (
                f"field {self.path!r} is not in the schema inferred from the first records: dropped"
            )
        if self.kind == "surrogate":
            return f"field {self.path!r} holds a lone surrogate (not UTF-8): replaced by U+FFFD"
        return f"field {self.path!r} holds {self.found}, which does not fit its column: null"


# -- JSON values to types --------------------------------------------------------------------


def infer(value: Any) -> JType:
    """The type of one JSON value (as ``json.loads`` gives it)."""
    if value is None:
        return NULL
    if isinstance(value, bool):  # before int: a bool is an int in Python
        return BOOL
    if isinstance(value, int):
        return INT if _INT64_MIN <= value <= _INT64_MAX else STRING
    if isinstance(value, float):
        return FLOAT
    if isinstance(value, list):
        item: JType = NULL
        for v in value:
            item = widen(item, infer(v))
        return ListOf(item)
    if isinstance(value, dict):
        return StructOf(tuple((str(k), infer(v)) for k, v in value.items()))
    return STRING


def widen(a: JType, b: JType) -> JType:
    """The narrowest type that holds the values of both ``a`` and ``b``."""
    if a == b or b == NULL:
        return a
    if a == NULL:
        return b
    if {a, b} == {INT, FLOAT}:
        return FLOAT
    if isinstance(a, ListOf) and isinstance(b, ListOf):
        return ListOf(widen(a.item, b.item))
    if isinstance(a, StructOf) and isinstance(b, StructOf):
        return StructOf(_merge_fields(a.fields, b.fields))
    return STRING


def _merge_fields(
    a: Iterable[tuple[str, JType]], b: Iterable[tuple[str, JType]]
) -> tuple[tuple[str, JType], ...]:
    """The fields of both, in the order first seen, each type widened."""
    merged = dict(a)
    for name, type_ in b:
        merged[name] = widen(merged.get(name, NULL), type_)
    return tuple(merged.items())


def infer_fields(
    rows: Iterable[Mapping[str, Any]], fixed: Mapping[str, JType] | None = None
) -> tuple[tuple[str, JType], ...]:
    """The top-level fields of ``rows`` with their widened types, in the order first seen;
    a field of ``fixed`` keeps its type (the cleaned text, the added metadata). Types that
    Parquet cannot hold are made writable (``_writable``)."""
    fixed = fixed or {}
    fields: dict[str, JType] = {}
    for row in rows:
        for name, value in row.items():
            if name not in fixed:
                fields[name] = widen(fields.get(name, NULL), infer(value))
            else:
                fields.setdefault(name, fixed[name])
    return tuple((name, _writable(type_)) for name, type_ in fields.items())


def _writable(type_: JType) -> JType:
    """A type Parquet can store: a column never seen with a value, and an object with no
    fields (a struct needs one), become strings."""
    if type_ == NULL:
        return STRING
    if isinstance(type_, ListOf):
        return ListOf(_writable(type_.item))
    if isinstance(type_, StructOf):
        if not type_.fields:
            return STRING
        return StructOf(tuple((n, _writable(t)) for n, t in type_.fields))
    return type_


def text_size(row: Mapping[str, Any]) -> int:
    """The characters of ``row``'s top-level strings: what bounds a sample or a batch."""
    return sum(len(v) for v in row.values() if isinstance(v, str))


# -- fitting a record to the schema ----------------------------------------------------------


def fit_row(
    row: Mapping[str, Any], fields: tuple[tuple[str, JType], ...]
) -> tuple[dict[str, Any], list[Misfit]]:
    """``row`` with exactly the schema's fields, each value fitted to its type."""
    misfits: list[Misfit] = []
    return _fit_struct(row, fields, "", misfits), misfits


def _fit_struct(
    obj: Mapping[str, Any], fields: tuple[tuple[str, JType], ...], path: str, out: list[Misfit]
) -> dict[str, Any]:
    names = {name for name, _ in fields}
    for key in obj:
        if key not in names:
            out.append(Misfit(_join(path, str(key)), "extra"))
    return {name: _fit(obj.get(name), t, _join(path, name), out) for name, t in fields}


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


def _fit(value: Any, type_: JType, path: str, out: list[Misfit]) -> Any:
    if value is None:
        return None
    if type_ == STRING:
        text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
        return _utf8_safe(text, path, out)
    if type_ == BOOL and isinstance(value, bool):
        return value
    if type_ == INT and _is_int64(value):
        return value
    if type_ == FLOAT and _is_number(value):
        return float(value)
    if isinstance(type_, ListOf) and isinstance(value, list):
        return [_fit(v, type_.item, path + "[]", out) for v in value]
    if isinstance(type_, StructOf) and isinstance(value, dict):
        return _fit_struct(value, type_.fields, path, out)
    out.append(Misfit(path, "type", _kind(value)))
    return None


def _is_int64(value: Any) -> bool:
    return (
        isinstance(value, int) and not isinstance(value, bool) and _INT64_MIN <= value <= _INT64_MAX
    )


def _is_number(value: Any) -> bool:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    return isinstance(value, float) or abs(value) < 2**1023  # float() of a larger int fails


def _utf8_safe(text: str, path: str, out: list[Misfit]) -> str:
    """``text``, lone surrogates (JSON's ``"\\ud800"``) replaced: Parquet strings are UTF-8."""
    if text.isascii():
        return text
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        out.append(Misfit(path, "surrogate"))
        return _SURROGATE.sub("\ufffd", text)
    return text


def _kind(value: Any) -> str:
    kinds = {bool: "a bool", int: "an integer", float: "a number", str: "a string"}
    kinds |= {list: "an array", dict: "an object"}
    return kinds.get(type(value), type(value).__name__)


# -- types to Arrow, and back ----------------------------------------------------------------


def arrow_schema(fields: tuple[tuple[str, JType], ...]) -> Any:
    """The ``pyarrow.Schema`` of ``fields``."""
    import pyarrow as pa

    return pa.schema([pa.field(name, _to_arrow(t)) for name, t in fields])


def _to_arrow(type_: JType) -> Any:
    import pyarrow as pa

    if isinstance(type_, ListOf):
        return pa.list_(_to_arrow(type_.item))
    if isinstance(type_, StructOf):
        return pa.struct([pa.field(n, _to_arrow(t)) for n, t in type_.fields])
    scalars = {"bool": pa.bool_(), "int": pa.int64(), "float": pa.float64()}
    return scalars.get(type_.name, pa.string())


def from_arrow(type_: Any) -> JType:
    """The ``JType`` of an Arrow type built from JSON-like values (the fields the cleaner
    adds); a type with no JSON counterpart is string."""
    import pyarrow as pa

    t = pa.types
    if t.is_boolean(type_):
        return BOOL
    if t.is_integer(type_):
        return INT
    if t.is_floating(type_):
        return FLOAT
    if t.is_list(type_) or t.is_large_list(type_):
        return ListOf(from_arrow(type_.value_type))
    if t.is_struct(type_):
        return StructOf(tuple((f.name, from_arrow(f.type)) for f in type_))
    return STRING


def json_line(obj: Mapping[str, Any]) -> bytes:
    """``obj`` as one JSON line, UTF-8."""
    line = json.dumps(obj, ensure_ascii=False)
    try:
        return line.encode("utf-8") + b"\n"
    except UnicodeEncodeError:  # lone surrogates from "\ud800" escapes: keep them escaped
        return json.dumps(obj).encode("ascii") + b"\n"


# -- Arrow values to JSON --------------------------------------------------------------------

Converter = Callable[[Any], Any]


def json_converter(schema: Any) -> Callable[[Mapping[str, Any]], dict[str, Any]]:
    """A function turning a row of ``schema`` (as ``Table.to_pylist`` gives it) into a
    JSON-ready object; a field the schema does not have is kept as it is."""
    converters = {f.name: _converter(f.type) for f in schema}

    def convert(row: Mapping[str, Any]) -> dict[str, Any]:
        return {k: converters.get(k, _identity)(v) for k, v in row.items()}

    return convert


def _identity(value: Any) -> Any:
    return value


def _nullable(convert: Converter) -> Converter:
    return lambda v: None if v is None else convert(v)


def _converter(type_: Any) -> Converter:
    """How to turn a Python value of Arrow type ``type_`` into a JSON value."""
    import pyarrow as pa

    t = pa.types
    if t.is_dictionary(type_):
        return _converter(type_.value_type)
    if t.is_null(type_) or t.is_boolean(type_) or t.is_integer(type_):
        return _identity
    if t.is_string(type_) or t.is_large_string(type_):
        return _identity
    if t.is_floating(type_):
        return _nullable(_float)
    if t.is_decimal(type_):
        return _nullable(str)
    if t.is_binary(type_) or t.is_large_binary(type_) or t.is_fixed_size_binary(type_):
        return _nullable(lambda v: base64.b64encode(v).decode("ascii"))
    if t.is_temporal(type_) and not t.is_duration(type_) and not t.is_interval(type_):
        return _nullable(_iso)
    if t.is_duration(type_):
        return _nullable(lambda v: v.total_seconds())
    if t.is_map(type_):
        keys, items = _converter(type_.key_type), _converter(type_.item_type)
        return _nullable(lambda v: {_key(keys(k)): items(x) for k, x in v})
    if t.is_list(type_) or t.is_large_list(type_) or t.is_fixed_size_list(type_):
        item = _converter(type_.value_type)
        return _nullable(lambda v: [item(x) for x in v])
    if t.is_struct(type_):
        fields = {f.name: _converter(f.type) for f in type_}
        return _nullable(lambda v: {k: fields.get(k, _identity)(x) for k, x in v.items()})
    return _nullable(_fallback)


def _float(value: float) -> float | str:
    if math.isfinite(value):
        return value
    return "NaN" if math.isnan(value) else ("Infinity" if value > 0 else "-Infinity")


def _iso(value: dt.date | dt.time) -> str:
    return value.isoformat()


def _key(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _fallback(value: Any) -> Any:
    """A type without a rule above (intervals, extension types): its value when it is
    JSON already, else its text."""
    return value if isinstance(value, str | int | float | bool) else str(value)
