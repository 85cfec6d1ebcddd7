"""What the parity tests read: the corpora's documents, the seeds and ``tests/cases/**``,
and the Python values as the core's stage functions take them (a line's features, a mark).

(A module of its own, not a test file: ``tests/test_rules.py`` and
``tests/parity/test_rules.py`` share a module name, so one test file cannot import
another's helpers by name.)
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from cleannews.features import Line
from cleannews.rules import Mark

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus"
CASES = ROOT / "tests" / "cases"
SEEDS = ROOT / "seeds"

LineTuple = tuple[str, str, int, int, bool, bool, bool]
MarkTuple = tuple[str, bool, bool, bool] | None


def corpus_docs() -> Iterator[dict[str, Any]]:
    """Every document of ``../shared/corpus/*.jsonl.gz``, file by file."""
    for path in sorted(CORPUS.glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for row in f:
                yield json.loads(row)


def case_texts() -> Iterator[str]:
    """The seeds, the adversarial pages, and every cell of the case tables (a ' | ' in a
    cell separates lines, as tests/test_cases.py reads runs.tsv)."""
    for path in sorted(SEEDS.glob("*.txt")):
        yield path.read_text(encoding="utf-8")
    for path in sorted(CASES.rglob("*.txt")):
        yield path.read_text(encoding="utf-8")
    for path in sorted(CASES.rglob("*.tsv")):
        for row in path.read_text(encoding="utf-8").splitlines()[1:]:
            for cell in row.split("\t"):
                yield cell
                yield cell.replace(" | ", "\n")


def as_tuple(line: Line) -> LineTuple:
    """A line's text, key and features, as the stages build a core ``Line`` from them."""
    return (
        line.text,
        line.key,
        line.n_words,
        line.n_stop,
        line.ends_sentence,
        line.ends_ellipsis,
        line.is_prose,
    )


def mark_tuple(mark: Mark | None) -> MarkTuple:
    """A mark as the stages take and give it: (rule, opens_block, weak, in_block)."""
    return None if mark is None else (mark.rule, mark.opens_block, mark.weak, mark.in_block)
