"""cleannews: strip boilerplate from scraped news text, keep the article and its metadata.

>>> import cleannews
>>> page = "Citește și: Alt articol\\nPrimul paragraf, cu destule cuvinte ca să fie un text."
>>> cleannews.clean(page)
'Primul paragraf, cu destule cuvinte ca să fie un text.'
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from typing import Any

from . import core
from .article import Article, LineDecision, LineDecisions, Removal
from .catalog import RULES, Category, RuleInfo
from .config import INPUT_FORMATS, Config, resolve_config
from .core import run
from .explain import format_report
from .html import extract_html, looks_like_html
from .profile import LineSet, Profile, check_profile, learn

__all__ = [
    "RULES",
    "Article",
    "Category",
    "Config",
    "LineDecision",
    "LineDecisions",
    "Profile",
    "Removal",
    "RuleInfo",
    "clean",
    "clean_many",
    "explain",
    "extract",
    "extract_many",
    "learn",
]

__version__ = "0.1.0"


def __dir__() -> list[str]:
    """The public names, the dunders and the submodules: not the names this module
    imports for its own use (``Any``, ``annotations``, ``run``, ...). PEP 562."""
    here = sys.modules[__name__]
    names = set(__all__) | {n for n in globals() if n.startswith("__") and n.endswith("__")}
    names |= {n for n, v in vars(here).items() if getattr(v, "__name__", "") == f"{__name__}.{n}"}
    return sorted(names)


def extract(
    text: str | bytes,
    config: Config | None = None,
    *,
    profile: LineSet | None = None,
    **options: Any,
) -> Article:
    """The article with its metadata, and every removed line with the rule that removed it.

    ``options`` override fields of ``config`` (default: ``Config()``) for this call.
    ``profile`` is a site's learned boilerplate (``learn``): lines it knows are removed as
    ``site_profile`` unless they read as prose inside the body.
    HTML (detected, or ``input_format="html"``) goes through trafilatura first
    (``cleannews.html``); then line numbers are those of the extracted text.
    Raises ``TypeError`` when ``text`` is neither ``str`` nor ``bytes``, ``config`` not a
    ``Config``, ``profile`` not a profile, or an option of the wrong type (naming it);
    ``ValueError`` for an option out of its range (naming the field and the range),
    ``FileNotFoundError`` for a missing ``extra_phrase_files`` file.
    """
    cfg = resolve_config(config, options)
    check_profile(profile)
    if not isinstance(text, (str, bytes)):
        raise TypeError(f"cleannews expects str or bytes, not {type(text).__name__}")
    if _is_html(text, cfg.input_format):
        return extract_html(text, cfg, profile)
    return run(text, cfg, profile)


def _is_html(text: str | bytes, input_format: str) -> bool:
    if input_format == "auto":
        return looks_like_html(text)
    assert input_format in INPUT_FORMATS  # Config checks it
    return input_format == "html"


def clean(
    text: str | bytes,
    config: Config | None = None,
    *,
    profile: LineSet | None = None,
    **options: Any,
) -> str:
    """The article as plain text: the title (when found), then the body paragraphs,
    separated by one blank line. Clutter and metadata lines are removed."""
    return extract(text, config, profile=profile, **options).text


def explain(
    text: str | bytes,
    config: Config | None = None,
    *,
    profile: LineSet | None = None,
    **options: Any,
) -> str:
    """A readable report: every input line, kept or removed, and the rule that decided."""
    return format_report(extract(text, config, profile=profile, **options))


def _batch(
    texts: Iterable[str | bytes],
    config: Config | None,
    profile: LineSet | None,
    options: dict[str, Any],
) -> tuple[list[str | bytes], Config]:
    cfg = resolve_config(config, options)
    check_profile(profile)
    docs = list(texts)
    for doc in docs:
        if not isinstance(doc, (str, bytes)):
            raise TypeError(f"cleannews expects str or bytes, not {type(doc).__name__}")
    return docs, cfg


def _workers(workers: int | None) -> int:
    if workers is None:
        return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1)
    if not isinstance(workers, int) or isinstance(workers, bool) or workers < 1:
        raise ValueError(f"workers must be a positive int, not {workers!r}")
    return workers


def extract_many(
    texts: Iterable[str | bytes],
    config: Config | None = None,
    *,
    profile: LineSet | None = None,
    workers: int | None = None,
    **options: Any,
) -> list[Article]:
    """``extract`` of every text, in order, on ``workers`` threads (default: the CPUs
    available). Plain text runs in the native core with the GIL released, a batch at a
    time; HTML pages (detected, or ``input_format="html"``) go through trafilatura one by
    one, as ``extract`` does."""
    docs, cfg = _batch(texts, config, profile, options)
    html = [_is_html(d, cfg.input_format) for d in docs]
    plain = [d for d, h in zip(docs, html, strict=True) if not h]
    done = iter(core.extract_many(plain, cfg, profile, _workers(workers)))
    return [
        extract_html(d, cfg, profile) if h else next(done) for d, h in zip(docs, html, strict=True)
    ]


def clean_many(
    texts: Iterable[str | bytes],
    config: Config | None = None,
    *,
    profile: LineSet | None = None,
    workers: int | None = None,
    **options: Any,
) -> list[str]:
    """``clean`` of every text, in order, on ``workers`` threads (see ``extract_many``)."""
    docs, cfg = _batch(texts, config, profile, options)
    if any(_is_html(d, cfg.input_format) for d in docs):
        return [a.text for a in extract_many(docs, cfg, profile=profile, workers=workers)]
    return core.clean_many(docs, cfg, profile, _workers(workers))
