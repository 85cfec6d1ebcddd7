"""The native core (``cleannews._core``), which runs the whole pipeline.

``run(data, config, profile)`` returns the ``Article`` of one document: bytes are decoded
here (``decode.to_text``), the whole pipeline runs
in Rust, and the result crosses back once (``_core.Extracted``: the paragraphs, the
metadata fields, one rule code a line as bytes, the lines kept in part). ``Article.lines``
stays lazy over the codes and over the line texts, which the core holds.

Mojibake is repaired by ftfy, in Python: the core reports a document that carries the
signature, and its lines, repaired by ``repair.repaired_lines``, are cleaned by the core.

``extract_many`` / ``clean_many`` clean a batch on a pool of threads with the GIL released.

The core reads no files itself: ``lexicon_sources`` reads the language data
(``langdata/`` through ``importlib.resources``, the extra phrase files by path, and
jusText's stop lists) and ``engine`` hands their texts to ``_core.Engine``,
which parses and folds them (``crates/cleannews-core/src/lexicon.rs``) and raises the same
``ValueError`` for a file that does not parse.
"""

from __future__ import annotations

import functools
import importlib.util
import re
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from . import _core
from .article import Article, LineDecisions
from .columns import RuleColumn
from .config import Config
from .decode import to_text
from .profile import LineSet
from .repair import repaired_lines

if TYPE_CHECKING:
    from importlib.abc import Traversable

__all__ = [
    "LexiconSources",
    "clean_many",
    "engine",
    "extract_many",
    "lexicon_sources",
    "run",
]


@dataclass(frozen=True)
class LexiconSources:
    """The texts of the language-data files, as ``_core.Engine`` takes them."""

    # (where, text) of each phrase file: the packaged ones in file-name order, named
    # "phrases/<name>.txt", then the extra ones by their path.
    phrases: tuple[tuple[str, str], ...]
    metadata: str | None  # metadata.txt, when the package has one
    months: str
    comment_thread: str
    date_order: str
    languages: str
    # (name, text) of each of jusText's stop lists: "English" for stoplists/English.txt.
    stoplists: tuple[tuple[str, str], ...]


@functools.lru_cache(maxsize=8)
def lexicon_sources(extra_phrase_files: tuple[str, ...] = ()) -> LexiconSources:
    """The texts of the language-data files, in the order the core reads them."""
    data = resources.files("cleannews") / "langdata"
    phrases: list[tuple[str, str]] = []
    phrase_dir = data / "phrases"
    if phrase_dir.is_dir():
        for item in sorted(phrase_dir.iterdir(), key=lambda p: p.name):
            if item.name.endswith(".txt"):
                phrases.append((f"phrases/{item.name}", item.read_text(encoding="utf-8")))
    for path in extra_phrase_files:
        phrases.append((path, Path(path).read_text(encoding="utf-8")))
    metadata = data / "metadata.txt"
    stop_dir = _stoplists()
    stoplists = tuple(
        (item.name[: -len(".txt")], item.read_text(encoding="utf-8"))
        for item in sorted(stop_dir.iterdir(), key=lambda p: p.name)
        if item.name.endswith(".txt") and item.is_file()
    )
    return LexiconSources(
        phrases=tuple(phrases),
        metadata=metadata.read_text(encoding="utf-8") if metadata.is_file() else None,
        months=(data / "months.tsv").read_text(encoding="utf-8"),
        comment_thread=(data / "comment_thread.tsv").read_text(encoding="utf-8"),
        date_order=(data / "date_order.tsv").read_text(encoding="utf-8"),
        languages=(data / "languages.tsv").read_text(encoding="utf-8"),
        stoplists=stoplists,
    )


def _stoplists() -> Traversable:
    """jusText's ``stoplists`` directory, found without importing jusText when it lies in a
    directory: the import (lxml's with it) cost 23 ms of a new process's first ``clean``,
    a tenth of it (``python -X importtime``)."""
    spec = importlib.util.find_spec("justext")
    for where in (spec.submodule_search_locations or []) if spec else []:
        if (found := Path(where) / "stoplists").is_dir():
            return found
    return resources.files("justext") / "stoplists"  # a zipped install, or none (raises)


@functools.lru_cache(maxsize=8)
def engine(extra_phrase_files: tuple[str, ...] = ()) -> _core.Engine:
    """The engine for ``extra_phrase_files``: built once, shared by every call and thread."""
    src = lexicon_sources(extra_phrase_files)
    return _core.Engine(
        phrases=list(src.phrases),
        metadata=src.metadata,
        months=src.months,
        comment_thread=src.comment_thread,
        date_order=src.date_order,
        languages=src.languages,
        stoplists=list(src.stoplists),
    )


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


# A lone surrogate (a str from ``surrogateescape`` decoding) has no UTF-8 form to cross into
# the core: it becomes NUL, which normalisation deletes (as it deletes a surrogate).
_SURROGATE = re.compile("[\ud800-\udfff]")


def _crossable(text: str, config: Config) -> str:
    """``text`` as the core can take it. A page that takes the repair path is repaired
    here, from the text with its surrogates (ftfy sees them as they are): its repaired
    lines hold none (normalising drops them) and are a fixed point of reading. The test is
    the core's: the signature in the text, or in a line once normalised ('Â\x08¡')."""
    hint = _core.has_mojibake_hint
    if config.fix_mojibake and (hint(text) or any(map(hint, _core.normalize_lines(text)))):
        return "".join(line + "\n" for line in repaired_lines(text))  # a break ends each
    return _SURROGATE.sub("\x00", text)


def run(data: object, config: Config, profile: LineSet | None = None) -> Article:
    """The ``Article`` of one document (``str`` or ``bytes``), by the native core."""
    text = to_text(data)
    core = engine(config.extra_phrase_files)
    try:
        return article_of(core.extract(text, config, profile))
    except UnicodeEncodeError:  # lone surrogates: rare, so only then looked for
        return article_of(core.extract(_crossable(text, config), config, profile))


def extract_many(
    data: Iterable[object], config: Config, profile: LineSet | None = None, workers: int = 1
) -> list[Article]:
    """``run`` of every document, on ``workers`` threads."""
    texts = [to_text(d) for d in data]
    core = engine(config.extra_phrase_files)
    try:
        results = core.extract_many(texts, config, profile, workers)
    except UnicodeEncodeError:
        results = core.extract_many(
            [_crossable(t, config) for t in texts], config, profile, workers
        )
    return [article_of(r) for r in results]


def clean_many(
    data: Iterable[object], config: Config, profile: LineSet | None = None, workers: int = 1
) -> list[str]:
    """``run(d).text`` of every document, on ``workers`` threads."""
    texts = [to_text(d) for d in data]
    core = engine(config.extra_phrase_files)
    try:
        return core.clean_many(texts, config, profile, workers)
    except UnicodeEncodeError:
        return core.clean_many([_crossable(t, config) for t in texts], config, profile, workers)
