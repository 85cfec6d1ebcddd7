"""An ``Article`` as flat, prefixed fields: the one shape the CLI, Spark and datatrove share."""

from __future__ import annotations

from typing import Any

from ..article import METADATA_FIELDS, Article

__all__ = ["META_FIELDS", "REASONS_FIELD", "arrow_fields", "article_fields"]

# The metadata fields, in output order (each prefixed, e.g. "cn_title"), then the flags.
META_FIELDS: tuple[str, ...] = (*METADATA_FIELDS, "flags")
# The removed lines with their rules: a list of {"line", "rule", "text", "partial"}.
REASONS_FIELD = "removed"


def article_fields(
    article: Article, prefix: str = "cn_", *, metadata: bool = True, reasons: bool = False
) -> dict[str, Any]:
    """The metadata (and optionally the removed lines) of ``article`` under prefixed names.

    Lists stay lists and absent values are ``None``, so every record has the same keys.
    """
    data = article.to_dict()
    out: dict[str, Any] = {}
    if metadata:
        out.update({prefix + name: data[name] for name in META_FIELDS})
    if reasons:
        out[prefix + REASONS_FIELD] = data[REASONS_FIELD]
    return out


def arrow_fields(prefix: str, metadata: bool, reasons: bool) -> list[tuple[str, Any]]:
    """The added fields with their Arrow types (Parquet output, the Spark adapter).

    pyarrow is imported here, not at module import: it is an optional dependency.
    """
    import pyarrow as pa

    lists = {"authors", "captions", "flags"}
    out: list[tuple[str, Any]] = []
    if metadata:
        out += [
            (prefix + name, pa.list_(pa.string()) if name in lists else pa.string())
            for name in META_FIELDS
        ]
    if reasons:
        removed = pa.struct(
            [
                ("line", pa.int64()),
                ("text", pa.string()),
                ("rule", pa.string()),
                ("partial", pa.bool_()),
            ]
        )
        out.append((prefix + REASONS_FIELD, pa.list_(removed)))
    return out
