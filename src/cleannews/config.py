"""Every tunable number in one frozen, documented object.

``clean(text, min_body_chars=...)`` overrides a field for one call; ``Config`` itself is
immutable, so a configuration can be shared between threads and worker processes.
Each value says where it comes from: a peer's published default, or the dev corpora
(``../shared/corpus``; the benchmark in ``benchmarks/`` re-measures the effect).
"""

from __future__ import annotations

import math
import os
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from types import MappingProxyType
from typing import Any

__all__ = ["DEFAULT", "INPUT_FORMATS", "Config", "resolve_config"]

# Config.input_format values: detect, or force one reading.
INPUT_FORMATS = ("auto", "text", "html")

_UNBOUNDED = math.inf
# The range of each numeric field, both ends included. A share is a share (0..1); a count
# of words or lines below 1 would make the rule fire on every line or never end a block;
# a cost or a minimum below 0 would turn the score or the test upside down. Nothing in the
# measurements behind the defaults goes outside these ranges.
_RANGES: Mapping[str, tuple[float, float]] = MappingProxyType(
    {
        "prose_min_words": (1, _UNBOUNDED),
        "prose_min_words_unpunctuated": (1, _UNBOUNDED),
        "prose_min_stopword_ratio": (0.0, 1.0),
        "prose_unpunctuated_min_stopword_ratio": (0.0, 1.0),
        "non_prose_line_cost": (0.0, _UNBOUNDED),
        "isolated_prose_min_run": (1, _UNBOUNDED),
        "isolated_prose_weight": (0.0, 1.0),
        "clutter_line_cost": (0.0, _UNBOUNDED),
        "block_heading_cost": (0.0, _UNBOUNDED),
        "min_body_words": (0, _UNBOUNDED),
        "block_resume_prose_lines": (1, _UNBOUNDED),
        "block_resume_long_words": (1, _UNBOUNDED),
        "max_prose_loss": (0.0, 1.0),
    }
)


@dataclass(frozen=True)
class Config:
    # -- input ----------------------------------------------------------------------
    # Fold Romanian cedilla letters (ş ţ Ş Ţ) to the comma letters (ș ț Ș Ț) when the
    # text is Romanian: the cedilla forms are a legacy-encoding artefact (ISO 8859-2).
    romanian_comma_letters: bool = True
    # Repair mojibake with ftfy when its badness heuristic flags the text.
    fix_mojibake: bool = True
    # Input format: "auto" (HTML when the text looks like markup), "text" or "html".
    input_format: str = "auto"

    # -- prose: what a body line looks like (features.rs) -----------------------------
    # A line of at least this many word tokens with a sentence end counts as prose.
    # jusText's length_low is 70 characters (~10 words); a news sentence rarely has < 6.
    prose_min_words: int = 6
    # ...or this many words with no sentence end (a paragraph cut off by the scraper), with
    # at least ``prose_unpunctuated_min_stopword_ratio`` stop words.
    prose_min_words_unpunctuated: int = 25
    # Share of tokens that must be stop words of the detected language for a line to read
    # as running text. jusText's stopwords_low is 0.30; lines of news prose in the dev
    # corpora sit at 0.35-0.55, headline lists at 0.10-0.25.
    prose_min_stopword_ratio: float = 0.20
    # An unpunctuated line must read even more like running text: a menu concatenated
    # into one line, or a headline, has few function words; a paragraph cut off has many.
    # Measured (body P / F1, scrapinghub | wcxb_dev): 25 words at 0.20 -> 0.882 / 0.905 |
    # 0.922 / 0.926; at 0.40 -> 0.898 / 0.915 | 0.924 / 0.926; 20 words at 0.50 -> 0.904 /
    # 0.916 | 0.925 / 0.927; at 0.60 -> 0.910 / 0.918 | 0.926 / 0.925 (recall falls).
    # Chosen: 25 words at 0.35 -> 0.896 / 0.914 | 0.923 / 0.927. Fewer words or a higher
    # share break the seeds: Romanian headlines of 20 words have a share of 0.6, seed 003's
    # 28-word Italian standfirst 0.39.
    prose_unpunctuated_min_stopword_ratio: float = 0.35

    # -- locating the body (body.rs) --------------------------------------------------
    # Score of a line in the maximum-scoring span: prose lines add their word count,
    # other lines subtract this many words. The same trade-off as BTE (Finn et al. 2001),
    # where each tag token costs one text token; measured on wcxb_dev and scrapinghub.
    non_prose_line_cost: float = 8.0
    # A prose line between two runs of at least this many costly lines is a teaser-list item
    # and counts only ``isolated_prose_weight`` of its words. Measured (body P / F1):
    # weight 1.0 -> scrapinghub 0.876 / 0.904, wcxb_dev 0.918 / 0.927; 0.5 with runs of 2 ->
    # 0.882 / 0.905, 0.922 / 0.926; 0.3 -> 0.883 / 0.905, 0.923 / 0.926.
    isolated_prose_min_run: int = 2
    isolated_prose_weight: float = 0.5
    # A clutter line found by a rule costs this much more: it rarely sits inside a body.
    clutter_line_cost: float = 25.0
    # A heading that opens a clutter block ('Top Citite', 'Related articles') costs as much
    # as a long paragraph: the body rarely runs on past one.
    block_heading_cost: float = 60.0
    # Families whose heading ends the article: no body span crosses one (comment sections
    # and author bios follow the article and are prose, so nothing else would stop the span).
    # A comment thread found by its shape ('<name> says:' lines, rules/threads.rs) is one too.
    barrier_families: tuple[str, ...] = ("comments", "author_bio", "comment_thread")
    # Below this many words of prose in the best span the text has no located body, and
    # every line is judged by its own rules only (short texts, single paragraphs).
    min_body_words: int = 12

    # -- blocks opened by a clutter heading (rules/blocks.rs) ---------------------------
    # A clutter block ends when this many consecutive prose lines follow (the body resumes).
    block_resume_prose_lines: int = 2
    # ...or at one prose line of at least this many words.
    block_resume_long_words: int = 40

    # -- no silent loss (pipeline.rs) -------------------------------------------------
    # When position alone (outside the located body) would remove more than this share of
    # the prose that no rule claimed, keep that prose and flag the article ("loss_guard").
    # Measured (token F1 of the body): 0.5 -> scrapinghub 0.899 / wcxb_dev 0.923, 0.6 ->
    # 0.900 / 0.923, 0.8 -> 0.899 / 0.915, off (1.0) -> 0.899 / 0.913; it fires on 4/181 and
    # 44/788 pages at 0.6, on none of ro_news_dev.
    max_prose_loss: float = 0.6

    # -- language data ----------------------------------------------------------------
    # Extra phrase files (same format as langdata/phrases/*.txt) merged into the lists.
    # One path (``str`` or ``os.PathLike``) is one file; each file must exist.
    extra_phrase_files: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        """Check every field, naming it: ``TypeError`` for a wrong type, ``ValueError`` for
        a value out of range, ``FileNotFoundError`` for a missing phrase file."""
        for f in fields(self):
            value = _checked(f.name, getattr(self, f.name), f.default)
            object.__setattr__(self, f.name, value)
        if self.input_format not in INPUT_FORMATS:
            raise ValueError(
                f"input_format must be one of {', '.join(INPUT_FORMATS)}, not {self.input_format!r}"
            )
        for path in self.extra_phrase_files:
            if not os.path.isfile(path):
                raise FileNotFoundError(f"extra_phrase_files: no such file: {path!r}")

    def with_overrides(self, **overrides: Any) -> Config:
        """A copy with some fields changed; unknown names raise ``TypeError``."""
        if not overrides:
            return self
        known = {f.name for f in fields(self)}
        unknown = sorted(set(overrides) - known)
        if unknown:
            raise TypeError(f"unknown cleannews option(s): {', '.join(unknown)}")
        return replace(self, **overrides)


def _checked(name: str, value: Any, default: Any) -> Any:
    """``value`` as field ``name`` stores it (an int for a float field becomes a float, one
    path or a list of paths a tuple), or the error that names the field."""
    if isinstance(default, bool):
        if not isinstance(value, bool):
            raise _wrong_type(name, "bool", value)
        return value
    if isinstance(default, (int, float)):
        # bool is an int in Python, but True is not a number of words.
        allowed = (int,) if isinstance(default, int) else (int, float)
        if isinstance(value, bool) or not isinstance(value, allowed):
            raise _wrong_type(name, type(default).__name__, value)
        low, high = _RANGES[name]
        if not low <= value <= high:  # NaN fails both comparisons
            raise ValueError(f"{name} must be in [{low}, {high}], not {value!r}")
        return type(default)(value)
    if isinstance(default, str):
        if not isinstance(value, str):
            raise _wrong_type(name, "str", value)
        return value
    return _string_tuple(name, value)


def _string_tuple(name: str, value: Any) -> tuple[str, ...]:
    """A tuple of strings from a tuple or list; for ``extra_phrase_files`` one path too."""
    if name == "extra_phrase_files" and isinstance(value, (str, os.PathLike)):
        value = (value,)
    if not isinstance(value, (tuple, list)):
        raise _wrong_type(name, "tuple of str", value)
    items = tuple(os.fspath(v) if isinstance(v, os.PathLike) else v for v in value)
    bad = next((v for v in items if not isinstance(v, str)), None)
    if bad is not None:
        raise TypeError(f"{name} must hold str, not {type(bad).__name__} ({bad!r})")
    return items


def _wrong_type(name: str, expected: str, value: Any) -> TypeError:
    return TypeError(f"{name} must be {expected}, not {type(value).__name__} ({value!r})")


def resolve_config(config: Config | None, options: dict[str, Any]) -> Config:
    """``config`` (default ``DEFAULT``) with ``options`` applied; ``TypeError`` when
    ``config`` is not a ``Config`` (``extract(text, "x")``)."""
    if config is not None and not isinstance(config, Config):
        raise TypeError(f"config must be a cleannews.Config or None, not {type(config).__name__}")
    return (config or DEFAULT).with_overrides(**options)


DEFAULT = Config()
