"""The one call that cleans a chunk of documents: every front end goes through it.

The CLI's workers, the Spark adapter (one call per Arrow batch) and the datatrove step
(one call per document) clean through ``clean_chunk``, so that a batch API of the
library (one call for many texts, as a native core offers) replaces its body and nothing
else: what the front ends write does not change.
"""

from __future__ import annotations

import traceback
from collections.abc import Sequence
from dataclasses import dataclass

from .. import extract, extract_many
from ..article import Article
from ..config import Config
from ..profile import LineSet

__all__ = ["CleanFailure", "clean_chunk", "describe"]

# Threads of the core for one chunk: the CLI's worker processes (-j) and Spark's or
# datatrove's tasks already take the cores, and more threads each would oversubscribe them.
CHUNK_THREADS = 1


@dataclass(frozen=True)
class CleanFailure:
    """The library raised on one document: the exception, on one line."""

    error: str


def clean_chunk(
    texts: Sequence[str | bytes], config: Config, profile: LineSet | None = None
) -> list[Article | CleanFailure]:
    """One ``Article`` per text, in order, or the failure of that text alone: an
    exception from the library costs one document, never the chunk: the chunk is one
    ``extract_many`` call, and only when that raises is each text cleaned alone, to find
    the one that failed."""
    try:
        return list(extract_many(texts, config, profile=profile, workers=CHUNK_THREADS))
    except Exception:
        return [_extract_one(text, config, profile) for text in texts]


def _extract_one(
    text: str | bytes, config: Config, profile: LineSet | None
) -> Article | CleanFailure:
    try:
        return extract(text, config) if profile is None else extract(text, config, profile=profile)
    except Exception as exc:
        return CleanFailure(describe(exc))


def describe(exc: BaseException) -> str:
    """The exception and the innermost frame that raised it, on one line."""
    frames = traceback.extract_tb(exc.__traceback__)
    where = f" (at {frames[-1].filename}:{frames[-1].lineno})" if frames else ""
    return f"{type(exc).__name__}: {exc}{where}"
