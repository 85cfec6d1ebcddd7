"""Tables (Markdown, also printed), target checks, the machine and versions, the chart."""

from __future__ import annotations

import os
import platform
import subprocess
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path

from .corpora import PROJECT, Corpus
from .evaluate import Ratio, Row
from .systems import TEXT_ONLY_BASELINES

LEVEL_NAMES = {"token": "token-level", "line": "line-level (body vs not body)", "": "no gold body"}
HEADER = (
    "system", "P", "R", "F1", "med F1", "keep", "drop", "title", "date", "author", "meta/clut",
    "docs/s", "MB/s",
)  # fmt: skip
TOOLS = ("cleannews", "trafilatura", "jusText", "Resiliparse", "lxml", "regex", "matplotlib")

# Targets of issue 3.
MIN_F1 = 0.91
MIN_PRECISION = 0.92
TARGET_CORPORA = ("scrapinghub", "wcxb_dev")
SPEED_FACTOR = 20.0
# Targets of issue 4 (cleannews on HTML against trafilatura on HTML): F1 above, precision
# up, recall at most this much below, and at most this many times its seconds per document.
HTML_RECALL_SLACK = 0.005
HTML_COST_FACTOR = 1.2


def num(value: float | None, digits: int = 3) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def _ratio(r: Ratio) -> str:
    return num(r.value)


def _speed(value: float | None) -> str:
    if value is None:
        return "–"
    return f"{value:.0f}" if value >= 100 else f"{value:.1f}" if value >= 1 else f"{value:.2f}"


def row_cells(row: Row) -> list[str]:
    s = row.scores
    return [
        row.system + (" (cached)" if row.from_cache else ""),
        num(s.precision if s else None),
        num(s.recall if s else None),
        num(s.f1 if s else None),
        num(s.median_f1 if s else None),
        _ratio(row.must_keep),
        _ratio(row.must_drop),
        _ratio(row.title),
        _ratio(row.date),
        _ratio(row.author),
        _ratio(row.meta_vs_clutter),
        _speed(row.docs_per_s),
        _speed(row.mb_per_s),
    ]


def markdown_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    widths = [max(len(str(c)) for c in col) for col in zip(header, *rows, strict=True)]

    def line(cells: Sequence[str]) -> str:
        return "| " + " | ".join(str(c).ljust(w) for c, w in zip(cells, widths, strict=True)) + " |"

    sep = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    return "\n".join([line(header), sep, *(line(r) for r in rows)])


def corpus_section(corpus: Corpus, rows: Sequence[Row]) -> str:
    """A heading with the corpus name, its size and scoring level, and its table."""
    head = f"### {corpus.name} ({len(corpus.docs)} docs, {LEVEL_NAMES[corpus.level]})"
    note = f"\n\n{corpus.note}" if corpus.note else ""
    return f"{head}{note}\n\n{markdown_table(HEADER, [row_cells(r) for r in rows])}"


def _f1(row: Row) -> float | None:
    return row.scores.f1 if row.scores else None


def target_checks(rows: Sequence[Row]) -> list[str]:
    """The issue's targets for cleannews, each as "PASS ..." or "SHORT ..." with the figures."""
    out: list[str] = []
    by_corpus: dict[str, dict[str, Row]] = {}
    for r in rows:
        by_corpus.setdefault(r.corpus, {})[r.system] = r
    for corpus, systems in by_corpus.items():
        out += _html_checks(corpus, systems.get("cleannews-html"), systems.get("trafilatura-html"))
        cn = systems.get("cleannews")
        if cn is None:
            continue
        out += _quality_checks(corpus, cn, systems)
        out += _speed_check(corpus, cn, systems.get("trafilatura-text"))
    return out


def verdict(ok: bool, text: str) -> str:
    return ("PASS  " if ok else "SHORT ") + text


def _quality_checks(corpus: str, cn: Row, systems: dict[str, Row]) -> list[str]:
    out: list[str] = []
    f1, s = _f1(cn), cn.scores
    if f1 is None or s is None:
        return out
    if corpus == "seeds":
        ok = s.precision == 1.0 and s.recall == 1.0
        out.append(
            verdict(ok, f"seeds line P {s.precision:.3f} R {s.recall:.3f} (target 1.0 / 1.0)")
        )
    best = max(
        (
            (name, v)
            for name in TEXT_ONLY_BASELINES
            if name in systems and (v := _f1(systems[name])) is not None
        ),
        key=lambda t: t[1],
        default=None,
    )
    if best is not None:
        # "Above every text-only row": a perfect score ties a perfect row, and no row can
        # be above 1.0 (ro_labelled: cleannews and jusText both 1.000 on its 44 pages).
        perfect_tie = f1 == best[1] == 1.0
        note = " (both perfect)" if perfect_tie else ""
        out.append(
            verdict(
                f1 > best[1] or perfect_tie,
                f"{corpus}: F1 {f1:.3f} vs best text-only row {best[0]} {best[1]:.3f}{note}",
            )
        )
    if corpus in TARGET_CORPORA:
        ok = f1 >= MIN_F1 and s.precision >= MIN_PRECISION
        out.append(
            verdict(
                ok, f"{corpus}: F1 {f1:.3f} (≥ {MIN_F1}), P {s.precision:.3f} (≥ {MIN_PRECISION})"
            )
        )
    return out


def _html_checks(corpus: str, cn: Row | None, peer: Row | None) -> list[str]:
    """Issue 4: cleannews-html against trafilatura-html on the same pages."""
    if cn is None or peer is None or cn.scores is None or peer.scores is None:
        return []
    c, t = cn.scores, peer.scores
    out = [
        verdict(
            c.f1 > t.f1, f"{corpus}: cleannews-html F1 {c.f1:.3f} vs trafilatura-html {t.f1:.3f}"
        ),
        verdict(
            c.precision > t.precision,
            f"{corpus}: cleannews-html P {c.precision:.3f} vs trafilatura-html {t.precision:.3f}",
        ),
        verdict(
            c.recall >= t.recall - HTML_RECALL_SLACK,
            f"{corpus}: cleannews-html R {c.recall:.3f} vs trafilatura-html {t.recall:.3f}"
            f" (at most {HTML_RECALL_SLACK} below)",
        ),
    ]
    if cn.docs_per_s and peer.docs_per_s:
        cost = peer.docs_per_s / cn.docs_per_s
        cached = " (trafilatura's time from its cache run)" if peer.from_cache else ""
        text = f"{corpus}: cleannews-html costs {cost:.2f}× trafilatura-html's time per document"
        out.append(verdict(cost <= HTML_COST_FACTOR, f"{text} (≤ {HTML_COST_FACTOR}×){cached}"))
    return out


def _speed_check(corpus: str, cn: Row, peer: Row | None) -> list[str]:
    if peer is None or not cn.docs_per_s or not peer.docs_per_s:
        return []
    factor = cn.docs_per_s / peer.docs_per_s
    text = f"{corpus}: {factor:.1f}× the docs/s of trafilatura-text (target ≥ {SPEED_FACTOR:.0f}×)"
    return [verdict(factor >= SPEED_FACTOR, text)]


def _git(*args: str) -> str | None:
    try:
        out = subprocess.run(
            ["git", "-C", str(PROJECT), *args], capture_output=True, text=True, check=True
        )
    except (OSError, subprocess.CalledProcessError):
        return None
    return out.stdout.strip()


def git_revision() -> str:
    """The short commit, with "+dirty" when ``src/`` has uncommitted changes (the figures
    then belong to work in progress, not to the commit)."""
    rev = _git("rev-parse", "--short", "HEAD")
    if rev is None:
        return "unknown"
    return rev + ("+dirty" if _git("status", "--porcelain", "--", "src") else "")


def versions() -> dict[str, str]:
    """Python and every tool the benchmark runs, by installed distribution version."""
    found = {"python": platform.python_version()}
    for tool in TOOLS:
        try:
            found[tool] = metadata.version(tool)
        except metadata.PackageNotFoundError:
            found[tool] = "not installed"
    found["cleannews"] += f" (git {git_revision()})"
    return found


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    model = _cpu_model()
    return f"{platform.system()} {platform.release()}, {model or cpu}, {os.cpu_count()} cores"


def _cpu_model() -> str | None:
    path = Path("/proc/cpuinfo")
    if not path.exists():
        return None
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return None
