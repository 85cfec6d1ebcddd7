"""The CI quality gate: cleannews's precision and F1, the accuracy of the title, date and
author it reads, and the share of pages that a second cleaning leaves as they are, must not
drop below the pinned floors.

    python -m benchmarks.gate                           # check; exit 1 when a figure drops
    python -m benchmarks.gate --update                  # raise floors to the current figures
    python -m benchmarks.gate --update --allow-lower "why"   # also lower floors; reason stored

Only cleannews runs (no peers). Scores: line-level on the seeds and the labelled Romanian set,
token-level on scrapinghub and wcxb_dev. A corpus that is absent is skipped with a message, so
the gate passes on a clone that has only the seeds.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import cleannews

from .corpora import DEFAULT_CORPUS_DIR, PROJECT, Corpus, load_all
from .evaluate import Row, evaluate
from .report import HEADER, git_revision, markdown_table, row_cells
from .runner import run_system
from .systems import all_systems

BASELINE = PROJECT / "benchmarks" / "baseline.json"
GATED_CORPORA = ("seeds", "ro_labelled", "scrapinghub", "wcxb_dev")
BODY_METRICS = ("precision", "f1")
# Metadata accuracy, pinned where the gold has the field (wcxb_dev: all three; the seeds and
# the Romanian set: what their labels give). A floor of 0.005 is ~4 of wcxb_dev's titles.
METADATA_METRICS = ("title", "date", "author")
# The share of a corpus's pages for which cleaning the cleaned text changes nothing
# (issue 6's idempotence, on real pages: the property tests generate their own).
IDEMPOTENT = "idempotent"
METRICS = (*BODY_METRICS, *METADATA_METRICS, IDEMPOTENT)
DEFAULT_TOLERANCE = 0.005
DIGITS = 4


@dataclass(frozen=True)
class Check:
    corpus: str
    metric: str
    value: float
    floor: float
    tolerance: float

    @property
    def ok(self) -> bool:
        return self.value >= self.floor - self.tolerance

    def describe(self) -> str:
        state = "ok  " if self.ok else "DROP"
        return (
            f"{state} {self.corpus:<12} {self.metric:<9} {self.value:.4f}"
            f"  floor {self.floor:.4f} (tolerance {self.tolerance})"
        )


def figures(rows: Sequence[Row]) -> dict[str, dict[str, float]]:
    """Precision and F1 of every gated corpus that was measured, and the accuracy of each
    metadata field that its gold has."""
    out: dict[str, dict[str, float]] = {}
    for r in rows:
        if r.corpus in GATED_CORPORA and r.scores is not None:
            out[r.corpus] = {"precision": r.scores.precision, "f1": r.scores.f1}
            for metric in METADATA_METRICS:
                accuracy = getattr(r, metric).value
                if accuracy is not None:
                    out[r.corpus][metric] = accuracy
    return out


def checks(current: dict[str, dict[str, float]], baseline: dict[str, Any]) -> list[Check]:
    tol = float(baseline.get("tolerance", DEFAULT_TOLERANCE))
    floors: dict[str, dict[str, float]] = baseline.get("floors", {})
    # A pinned figure that was not measured (the gold lost a field) fails: nan >= x is False.
    return [
        Check(corpus, metric, current[corpus].get(metric, math.nan), float(floor), tol)
        for corpus, metrics in floors.items()
        if corpus in current
        for metric, floor in metrics.items()
    ]


def _round_down(value: float) -> float:
    scale = 10.0**DIGITS
    return math.floor(value * scale + 1e-9) / scale


def updated(
    current: dict[str, dict[str, float]], baseline: dict[str, Any], reason: str | None
) -> tuple[dict[str, Any], list[str]]:
    """The baseline with floors raised to ``current`` (lowered too when ``reason`` is given),
    and the floors that would drop but were kept because no reason was given. A history
    entry is appended only when a floor changed."""
    floors: dict[str, dict[str, float]] = {
        c: dict(m) for c, m in baseline.get("floors", {}).items()
    }
    refused: list[str] = []
    lowered: list[str] = []
    for corpus, metrics in current.items():
        for metric in (m for m in METRICS if m in metrics):
            new = _round_down(metrics[metric])
            old = floors.get(corpus, {}).get(metric)
            if old is not None and new < old:
                if reason is None:
                    refused.append(f"{corpus} {metric}: {new:.4f} < floor {old:.4f}")
                    continue
                lowered.append(f"{corpus} {metric} {old:.4f} -> {new:.4f}")
            floors.setdefault(corpus, {})[metric] = new
    history = list(baseline.get("history", []))
    if floors != baseline.get("floors", {}):
        entry: dict[str, Any] = {"date": dt.date.today().isoformat(), "revision": git_revision()}
        if lowered:
            entry.update(lowered=lowered, reason=reason)
        history.append(entry)
    result = {
        "tolerance": baseline.get("tolerance", DEFAULT_TOLERANCE),
        "floors": {c: floors[c] for c in sorted(floors, key=_corpus_order)},
        "history": history,
    }
    return result, refused


def _corpus_order(name: str) -> int:
    return GATED_CORPORA.index(name) if name in GATED_CORPORA else len(GATED_CORPORA)


def load_baseline(path: Path) -> dict[str, Any]:
    if not path.exists():
        return {"tolerance": DEFAULT_TOLERANCE, "floors": {}, "history": []}
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def measure(corpora: Sequence[Corpus]) -> list[Row]:
    system = next(s for s in all_systems() if s.name == "cleannews")
    rows = []
    for corpus in corpora:
        if corpus.name in GATED_CORPORA:
            rows.append(evaluate(system, corpus, run_system(system, corpus)))
    return rows


def idempotent_shares(corpora: Sequence[Corpus]) -> dict[str, float]:
    """Per gated corpus, the share of pages whose cleaned text a second cleaning returns
    unchanged (``clean(clean(page)) == clean(page)``)."""
    shares: dict[str, float] = {}
    for corpus in corpora:
        if corpus.name in GATED_CORPORA and corpus.docs:
            cleaned = [cleannews.clean(doc.text) for doc in corpus.docs]
            same = sum(cleannews.clean(text) == text for text in cleaned)
            shares[corpus.name] = same / len(cleaned)
    return shares


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m benchmarks.gate", description=__doc__)
    p.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS_DIR)
    p.add_argument("--baseline", type=Path, default=BASELINE)
    p.add_argument("--update", action="store_true", help="raise floors to the current figures")
    p.add_argument("--allow-lower", metavar="REASON", help="with --update: lower floors too")
    args = p.parse_args(argv)
    if args.allow_lower is not None and not args.update:
        p.error("--allow-lower goes with --update")
    if args.allow_lower is not None and not args.allow_lower.strip():
        p.error("--allow-lower needs a reason")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    corpora, missing = load_all(args.corpus, keep_html=False)
    for m in missing:
        if m.split(":")[0] in GATED_CORPORA:
            print(f"skipped: {m}")
    rows = measure(corpora)
    print(markdown_table(("corpus", *HEADER), [[r.corpus, *row_cells(r)] for r in rows]))
    current = figures(rows)
    for corpus, share in idempotent_shares(corpora).items():
        current.setdefault(corpus, {})[IDEMPOTENT] = share
    baseline = load_baseline(args.baseline)
    if args.update:
        new, refused = updated(current, baseline, args.allow_lower)
        args.baseline.write_text(
            json.dumps(new, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        print(f"\nwrote {args.baseline}")
        for r in refused:
            print(f"kept floor (lowering needs --allow-lower REASON): {r}")
        failed = [c for c in checks(current, new) if not c.ok]
        for c in failed:
            print(f"GATE FAILED: {c.corpus} {c.metric} {c.value:.4f} < {c.floor - c.tolerance:.4f}")
        return 1 if failed else 0
    results = checks(current, baseline)
    print()
    for c in results:
        print(c.describe())
    unpinned = sorted(set(current) - set(baseline.get("floors", {})))
    for corpus in unpinned:
        print(f"note: {corpus} has no floor in {args.baseline.name}; run --update to pin it")
    failed = [c for c in results if not c.ok]
    if failed:
        print(f"\nGATE FAILED: {len(failed)} figure(s) dropped below floor - tolerance:")
        for c in failed:
            print(f"  {c.corpus} {c.metric}: {c.value:.4f} < {c.floor - c.tolerance:.4f}")
        print("Fix the regression, or lower the floor with: python -m benchmarks.gate --update")
        print('  --allow-lower "reason" (and give the reason in the commit message).')
        return 1
    print(f"\ngate passed: {len(results)} figure(s) at or above their floors")
    return 0


if __name__ == "__main__":
    sys.exit(main())
