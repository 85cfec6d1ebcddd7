"""The PNG charts: F1 and documents/s per system, one bar per corpus (``write_chart``); the
helpers every chart of the benchmarks shares (``pyplot``, ``save``)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .evaluate import Row

BAR_HEIGHT = 0.8
DPI = 110
LEGEND_ROW = 0.04  # of the figure's height, a row of the legend below the panels


def pyplot() -> Any:
    """matplotlib's pyplot on the Agg backend (files only, no display), imported when a chart
    is drawn: matplotlib is a ``bench`` extra."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def save(fig: Any, path: Path, title: str, handles: Sequence[Any], ncol: int) -> None:
    """The house style: one legend for all panels below them, the title above, written at
    ``DPI`` and closed."""
    labels = [h.get_label() for h in handles]
    fig.legend(handles, labels, loc="lower center", ncol=ncol, fontsize=9)
    fig.suptitle(title)
    rows = -(-len(handles) // ncol)
    fig.tight_layout(rect=(0, LEGEND_ROW * rows, 1, 1))
    fig.savefig(path, dpi=DPI)
    pyplot().close(fig)


def _matrix(
    rows: Sequence[Row], systems: Sequence[str], corpora: Sequence[str], f1: bool
) -> list[list[float]]:
    table = {(r.system, r.corpus): r for r in rows}
    values: list[list[float]] = []
    for corpus in corpora:
        col = []
        for system in systems:
            r = table.get((system, corpus))
            v = (r.scores.f1 if r and r.scores else None) if f1 else (r.docs_per_s if r else None)
            col.append(v if v is not None else float("nan"))
        values.append(col)
    return values


def write_chart(rows: Sequence[Row], path: Path) -> None:
    """Two panels sharing the system axis: F1 (left) and docs/s on a log scale (right)."""
    plt = pyplot()
    systems = list(dict.fromkeys(r.system for r in rows))[::-1]
    corpora = list(dict.fromkeys(r.corpus for r in rows if r.scores is not None))
    fig, (ax_f1, ax_speed) = plt.subplots(
        1, 2, figsize=(13, 0.55 * len(systems) * max(1, len(corpora)) / 2 + 2), sharey=True
    )
    step = BAR_HEIGHT / max(1, len(corpora))
    for ax, f1 in ((ax_f1, True), (ax_speed, False)):
        for k, (corpus, col) in enumerate(
            zip(corpora, _matrix(rows, systems, corpora, f1), strict=True)
        ):
            ys = [i + BAR_HEIGHT / 2 - (k + 0.5) * step for i in range(len(systems))]
            bars = ax.barh(ys, col, height=step, label=corpus, color=f"C{k}")
            ax.bar_label(bars, fmt="%.3f" if f1 else "%.0f", fontsize=7, padding=2)
        ax.grid(axis="x", alpha=0.3)
    ax_f1.set_yticks(range(len(systems)), systems)
    ax_f1.set_xlim(0, 1.08)
    ax_f1.set_xlabel("F1 (token-level; line-level on seeds and ro_labelled)")
    ax_speed.set_xscale("log")
    ax_speed.set_xlim(right=ax_speed.get_xlim()[1] * 4)  # room for the labels
    ax_speed.set_xlabel("documents per second (log scale, single process)")
    handles, _ = ax_f1.get_legend_handles_labels()
    title = "cleannews benchmarks: quality and speed per system and corpus"
    save(fig, path, title, handles, ncol=max(1, len(corpora)))
