"""The native core (``cleannews._core``) behind the Python pipeline's interface.

``run(data, config, profile)`` takes what ``cleannews.pipeline.run`` takes and returns the
same ``Article``: bytes are decoded here (``normalize.to_text``), the whole pipeline runs
in Rust, and the result crosses back once (``_core.Extracted``: the paragraphs, the
metadata fields, one rule code a line as bytes, the lines kept in part). ``Article.lines``
stays lazy over the codes and over the line texts, which the core holds.

Mojibake is repaired by ftfy, here: the core reports a document that carries the
signature, and its lines, repaired by ``repaired_lines`` (the pipeline's own repair),
are cleaned by the core.

``extract_many`` / ``clean_many`` clean a batch on a pool of threads with the GIL released.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from . import _core
from .article import Article, LineDecisions
from .columns import RuleColumn
from .config import Config
from .normalize import to_text
from .pipeline import _repaired_blocks
from .rules.site import LineSet

__all__ = ["clean_many", "engine", "extract_many", "repaired_lines", "run"]


@lru_cache(maxsize=8)
def engine(extra_phrase_files: tuple[str, ...] = ()) -> _core.Engine:
    """The engine for a configuration's language data (read once a process)."""
    return _core.Engine()


def repaired_lines(text: str) -> list[str]:
    """The lines of ``text``, each repaired and normalised as the pipeline repairs them
    (``pipeline._repaired``): the core cleans them as they are."""
    lines: list[str] = []
    for block in _repaired_blocks(text):
        lines += block
    return lines


def article_of(result: _core.Extracted) -> Article:
    """The ``Article`` of a core result."""
    return Article(
        title=result.title,
        paragraphs=result.paragraphs,
        published=result.published,
        authors=result.authors,
        source_url=result.source_url,
        agency=result.agency,
        captions=result.captions,
        language=result.language,
        lines=LineDecisions(result.texts, RuleColumn.from_codes(result.rules), result.cuts),
        flags=result.flags,
    )


def run(data: object, config: Config, profile: LineSet | None = None) -> Article:
    """``pipeline.run`` by the native core."""
    text = to_text(data)
    return article_of(engine(config.extra_phrase_files).extract(text, config, profile))


def extract_many(
    data: Iterable[object], config: Config, profile: LineSet | None = None, workers: int = 1
) -> list[Article]:
    """``run`` of every document, on ``workers`` threads."""
    texts = [to_text(d) for d in data]
    results = engine(config.extra_phrase_files).extract_many(texts, config, profile, workers)
    return [article_of(r) for r in results]


def clean_many(
    data: Iterable[object], config: Config, profile: LineSet | None = None, workers: int = 1
) -> list[str]:
    """``run(d).text`` of every document, on ``workers`` threads."""
    texts = [to_text(d) for d in data]
    return engine(config.extra_phrase_files).clean_many(texts, config, profile, workers)
