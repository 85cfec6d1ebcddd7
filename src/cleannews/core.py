"""The native core's engine, built once per process and per set of extra phrase files.

The core reads no files itself: this module reads the language data that ``lexicon.py``
reads (``langdata/`` through ``importlib.resources``, the extra phrase files by path, and
jusText's stop lists) and hands their texts to ``_core.Engine``, which parses and folds
them (``crates/cleannews-core/src/lexicon.rs``) and raises the same ``ValueError`` for a
file that does not parse.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from . import _core

__all__ = ["LexiconSources", "engine", "lexicon_sources"]


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
    """The texts of the files that ``lexicon.load_lexicon`` reads."""
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
    stop_dir = resources.files("justext") / "stoplists"
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
