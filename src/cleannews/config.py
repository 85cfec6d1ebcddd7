"""Every tunable number in one frozen, documented object.

``clean(text, min_body_chars=...)`` overrides a field for one call; ``Config`` itself is
immutable, so a configuration can be shared between threads and worker processes.
Each value says where it comes from: a peer's published default, or the dev corpora
(``../shared/corpus``; the benchmark in ``benchmarks/`` re-measures the effect).
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any

__all__ = ["DEFAULT", "Config"]


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

    # -- prose: what a body line looks like (features.py) -----------------------------
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

    # -- locating the body (body.py) --------------------------------------------------
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
    # A comment thread found by its shape ('<name> says:' lines, rules/threads.py) is one too.
    barrier_families: tuple[str, ...] = ("comments", "author_bio", "comment_thread")
    # Below this many words of prose in the best span the text has no located body, and
    # every line is judged by its own rules only (short texts, single paragraphs).
    min_body_words: int = 12

    # -- blocks opened by a clutter heading (rules/blocks.py) ---------------------------
    # A clutter block ends when this many consecutive prose lines follow (the body resumes).
    block_resume_prose_lines: int = 2
    # ...or at one prose line of at least this many words.
    block_resume_long_words: int = 40

    # -- no silent loss (pipeline.py) -------------------------------------------------
    # When position alone (outside the located body) would remove more than this share of
    # the prose that no rule claimed, keep that prose and flag the article ("loss_guard").
    # Measured (token F1 of the body): 0.5 -> scrapinghub 0.899 / wcxb_dev 0.923, 0.6 ->
    # 0.900 / 0.923, 0.8 -> 0.899 / 0.915, off (1.0) -> 0.899 / 0.913; it fires on 4/181 and
    # 44/788 pages at 0.6, on none of ro_news_dev.
    max_prose_loss: float = 0.6

    # -- language data ----------------------------------------------------------------
    # Extra phrase files (same format as langdata/phrases/*.txt) merged into the lists.
    extra_phrase_files: tuple[str, ...] = ()

    def with_overrides(self, **overrides: Any) -> Config:
        """A copy with some fields changed; unknown names raise ``TypeError``."""
        if not overrides:
            return self
        known = {f.name for f in fields(self)}
        unknown = sorted(set(overrides) - known)
        if unknown:
            raise TypeError(f"unknown cleannews option(s): {', '.join(unknown)}")
        return replace(self, **overrides)


DEFAULT = Config()
