"""Orchestration: input -> lines -> features -> rules -> body -> metadata -> Article."""

from __future__ import annotations

from .article import Article, LineDecision
from .config import Config
from .normalize import normalize_line, split_lines, to_text

__all__ = ["run"]


def run(data: object, config: Config) -> Article:
    text = to_text(data)
    decisions = []
    paragraphs = []
    for i, raw in enumerate(split_lines(text), start=1):
        line = normalize_line(raw)
        if not line:
            decisions.append(LineDecision(i, line, "blank"))
            continue
        decisions.append(LineDecision(i, line, "body", kept=line))
        paragraphs.append(line)
    return Article(title=None, paragraphs=tuple(paragraphs), lines=tuple(decisions))
