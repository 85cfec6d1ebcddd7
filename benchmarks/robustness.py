"""Size and time on hostile input (issue 6): big documents, one huge line, many tiny
lines, one repeated character, and the time-vs-size curve.

    .venv/bin/python -m benchmarks.robustness               # every case, a table on stdout
    .venv/bin/python -m benchmarks.robustness --quick       # the cases up to 10 MB that are quick
    .venv/bin/python -m benchmarks.robustness --only NAME ...   # these cases
    .venv/bin/python -m benchmarks.robustness --write       # also robustness.json and .png
    .venv/bin/python -m benchmarks.robustness --from-json benchmarks/robustness.json
    .venv/bin/python -m benchmarks.robustness --case NAME   # one case, JSON (used internally)

Each case runs in a fresh interpreter so that its peak memory belongs to that input alone:
import cleannews, build the input, warm up on a small text (the language data is loaded),
reset the kernel's high-water mark (``/proc/self/clear_refs``) and read the resident size
("base": interpreter, library, data and the input string), then time ``cleannews.clean``
(median of the runs) and read the high-water mark (``VmHWM``). "Above base" is what
cleaning holds at once beyond its input, given as a multiple of the input's UTF-8 size.
A case that does not finish in ``--timeout`` seconds is reported as such (super-linear).

``--write`` saves the results as ``robustness.json`` (per case: name, what, bytes, lines,
seconds, runs, base_mb, peak_mb, out_bytes, or the error; with the git commit, the date and
the machine) and draws ``robustness.png`` in ``--out`` (default ``benchmarks/``): (a) seconds
and (b) peak MB above base against the input's MB, log-log, one series per family of cases
(the name less its size: ``corpus_5mb`` is of ``corpus``; a family of one case is a point),
with a dashed line of slope 1: a series parallel to it grows linearly. ``--from-json FILE``
prints the table and redraws the chart from such a file without running anything (the chart
beside FILE unless ``--out`` is given; ``--only`` picks cases from it).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import statistics
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from .chart import pyplot, save
from .corpora import PROJECT
from .report import git_revision, machine
from .speed import json_from_subprocess, source_texts, synthetic_input

MB = 1_000_000
CORPUS = PROJECT.parent / "shared" / "corpus"
SOURCES = [
    CORPUS / "ro_news_dev.jsonl.gz",
    CORPUS / "scrapinghub.jsonl.gz",
    CORPUS / "wcxb_dev.jsonl.gz",
]
SEEDS = sorted((PROJECT / "seeds").glob("*.txt"))
TIMEOUT_S = 900
OUT = PROJECT / "benchmarks"
JSON_NAME = "robustness.json"
CHART_NAME = "robustness.png"
MEASURED = ("bytes", "lines", "seconds", "runs", "base_mb", "peak_mb", "out_bytes")


def _texts() -> list[str]:
    """The pages of the corpora interleaved (one of each in turn), so that every prefix of
    their concatenation has the same mix: the sizes of the curve are comparable."""
    per_source = [source_texts([p]) for p in SOURCES if p.exists()] or [source_texts(SEEDS)]
    longest = max(len(texts) for texts in per_source)
    return [texts[i] for i in range(longest) for texts in per_source if i < len(texts)]


def corpus_text(size: int) -> str:
    """Corpus pages concatenated (repeated when needed), cut at a line boundary to ``size``
    bytes."""
    return synthetic_input(_texts(), size)


def one_line(size: int) -> str:
    """Corpus text with every line break replaced by a space: one line of ``size`` bytes."""
    return corpus_text(size).replace("\n", " ")


MENU_WORDS = ("Foto", "1", "Top", "x", "Acasă", "»", "12", "Share", "ab", "Știri")


def tiny_lines(count: int) -> str:
    """``count`` lines of one or two short tokens: menu words, numbers, labels, the same ten
    in turn."""
    return "\n".join(MENU_WORDS[i % len(MENU_WORDS)] for i in range(count))


def tiny_unique_lines(count: int) -> str:
    """``count`` lines that do not repeat: a menu word and the line's number ("Foto 0",
    "1 1", "Top 2", ...), so that no line, and no number, is shared with another line."""
    return "\n".join(f"{MENU_WORDS[i % len(MENU_WORDS)]} {i}" for i in range(count))


def short_lines_in_body(count: int) -> str:
    """Two long paragraphs with ``count`` one-letter lines between them, and enough prose
    (12 words a line of the run) for the body span to cover the run: each short line costs
    8 words of score (``Config.non_prose_line_cost``)."""
    a = "Ministrul a declarat luni că guvernul va lua o decizie privind bugetul. " * count
    b = "Premierul a spus marți că executivul nu are bani pentru pensii și salarii. " * count
    return a + "\n" + "x\n" * count + b


@dataclass(frozen=True)
class Case:
    name: str
    what: str
    build: Callable[[], str]
    runs: int = 1
    quick: bool = True  # in --quick: up to 10 MB, seconds, not known to be super-linear


TINY_LINE_COUNTS = ((100_000, "100k"), (300_000, "300k"), (MB, "1m"))


def _tiny_lines_cases() -> list[Case]:
    """The same ten menu words in turn, and lines that never repeat, at 100k, 300k and 1M
    lines (the 1M ones take 15 s and more: not quick)."""
    kinds = (
        ("tiny_lines", "lines of 1-2 tokens", tiny_lines),
        ("tiny_lines_unique", "lines of a word and a number, none repeated", tiny_unique_lines),
    )
    return [
        Case(
            f"{prefix}_{label}",
            f"{count:,} {what}",
            partial(build, count),
            quick=count < MB,
        )
        for prefix, what, build in kinds
        for count, label in TINY_LINE_COUNTS
    ]


def _cases() -> list[Case]:
    cases = [
        Case(
            f"corpus_{n}mb",
            f"corpus pages, {n} MB",
            lambda n=n: corpus_text(n * MB),
            runs,
            quick=n <= 10,
        )
        for n, runs in ((1, 5), (5, 3), (10, 3), (50, 1))
    ]
    cases += [
        Case("one_line_1mb", "one line of corpus text, 1 MB", lambda: one_line(MB), 3),
        Case("one_line_10mb", "one line of corpus text, 10 MB", lambda: one_line(10 * MB), 1),
        *_tiny_lines_cases(),
        Case("char_a_1mb", "'a' x 1,000,000 (one line)", lambda: "a" * MB, 3),
        Case("char_dot_1mb", "'.' x 1,000,000 (one line)", lambda: "." * MB, 3),
        Case("char_7_1mb", "'7' x 1,000,000 (one line)", lambda: "7" * MB, 3),
        Case("char_ae_1mb", "'ă' x 500,000 (1 MB, one line)", lambda: "ă" * (MB // 2), 3),
        Case("char_underscore_25k", "'_' x 25,000 (one line)", lambda: "_" * 25_000, 1),
        Case("char_underscore_50k", "'_' x 50,000 (one line)", lambda: "_" * 50_000, 1),
        Case("char_underscore_100k", "'_' x 100,000 (one line)", lambda: "_" * 100_000, 1),
        Case(
            "char_underscore_1mb",
            "'_' x 1,000,000 (one line)",
            lambda: "_" * MB,
            1,
            quick=False,
        ),
        Case(
            "short_run_4k",
            "prose + 4,000 one-letter lines + prose",
            lambda: short_lines_in_body(4000),
        ),
        Case(
            "short_run_8k",
            "prose + 8,000 one-letter lines + prose",
            lambda: short_lines_in_body(8000),
        ),
        Case(
            "short_run_16k",
            "prose + 16,000 one-letter lines + prose",
            lambda: short_lines_in_body(16000),
        ),
        Case(
            "short_run_64k",
            "prose + 64,000 one-letter lines + prose",
            lambda: short_lines_in_body(64000),
            quick=False,
        ),
    ]
    return cases


CASES = {c.name: c for c in _cases()}
QUICK = [c.name for c in CASES.values() if c.quick]


def _status_mb(field: str) -> float:
    """A memory field of /proc/self/status (``VmRSS``, ``VmHWM``) in MB."""
    for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no {field} in /proc/self/status (Linux only)")


def _reset_peak() -> None:
    """Reset ``VmHWM`` to the current RSS (Linux >= 4.0), so that the peak that follows is
    cleaning's own and not building the input's."""
    Path("/proc/self/clear_refs").write_text("5", encoding="ascii")


def run_case(name: str) -> dict[str, float | int]:
    """In this process: build the input, warm up, time ``clean``."""
    import gc

    import cleannews

    case = CASES[name]
    text = case.build()
    gc.collect()
    cleannews.clean("Titlu\nMinistrul a declarat luni că guvernul va lua o decizie.")
    _reset_peak()
    base = _status_mb("VmRSS")  # the interpreter, cleannews and its data, the input
    times = []
    out = ""
    for _ in range(case.runs):
        start = time.perf_counter()
        out = cleannews.clean(text)
        times.append(time.perf_counter() - start)
    return {
        "bytes": len(text.encode("utf-8", errors="surrogatepass")),
        "lines": text.count("\n") + 1,
        "seconds": statistics.median(times),
        "runs": case.runs,
        "base_mb": base,
        "peak_mb": _status_mb("VmHWM"),
        "out_bytes": len(out.encode("utf-8")),
    }


def run_in_subprocess(name: str, timeout: float) -> dict[str, float | int] | str:
    result: dict[str, float | int] | str = json_from_subprocess(
        ["benchmarks.robustness", "--case", name], timeout
    )
    return result


def record(name: str, result: dict[str, float | int] | str) -> dict[str, Any]:
    """A case's line of ``robustness.json``: its name and input, then what was measured, or
    the error (a timeout, a crash)."""
    head: dict[str, Any] = {"name": name, "what": CASES[name].what}
    if isinstance(result, str):
        return {**head, "error": result}
    return {**head, **{key: result[key] for key in MEASURED}}


def row(rec: dict[str, Any]) -> str:
    """The table's row of a record (from this run or from a saved file)."""
    name, what = rec["name"], rec["what"]
    if "error" in rec:
        return f"| {name} | {what} | | | {rec['error']} | | | |"
    size_mb = rec["bytes"] / MB
    extra = rec["peak_mb"] - rec["base_mb"]
    return (
        f"| {name} | {what} | {size_mb:,.2f} | {rec['lines']:,} | "
        f"{rec['seconds']:.3f} (n={rec['runs']}) | {rec['seconds'] / size_mb:.3f} | "
        f"{rec['peak_mb']:,.0f} ({extra:,.0f} above base) | {extra / size_mb:.1f}x |"
    )


HEADER = (
    "| case | input | MB | lines | seconds (median of n) | s/MB | peak RSS MB | "
    "peak above base / input |\n|---|---|---|---|---|---|---|---|"
)


def run_meta() -> dict[str, str]:
    """What the figures belong to: the commit (``+dirty`` when ``src/`` has changes), the
    day, the machine."""
    return {"commit": git_revision(), "date": dt.date.today().isoformat(), "machine": machine()}


def save_results(path: Path, records: Sequence[dict[str, Any]], meta: dict[str, str]) -> None:
    """``robustness.json``: the meta fields and ``cases``, one record a case in run order."""
    text = json.dumps({**meta, "cases": list(records)}, indent=1, ensure_ascii=False)
    path.write_text(text + "\n", encoding="utf-8")


def load_results(path: Path) -> tuple[dict[str, str], list[dict[str, Any]]]:
    """The meta fields and the records of a file ``save_results`` wrote; ``ValueError`` when a
    record lacks what the table and the chart read."""
    data = json.loads(path.read_text(encoding="utf-8"))
    records: list[dict[str, Any]] = data.pop("cases")
    for rec in records:
        needed = ("name", "what", *(() if "error" in rec else MEASURED))
        missing = [key for key in needed if key not in rec]
        if missing:
            raise ValueError(f"{path}: case {rec.get('name', '?')} has no {', '.join(missing)}")
    return data, records


# A case's name ends in its size: corpus_5mb, char_underscore_25k, tiny_lines_1m.
_SIZE_SUFFIX = re.compile(r"_\d+(?:k|m|kb|mb)$")


def family(name: str) -> str:
    """The name less its size: the cases of one family differ in size only."""
    return _SIZE_SUFFIX.sub("", name)


@dataclass(frozen=True)
class Series:
    """The measured cases of one family, smallest input first."""

    family: str
    names: tuple[str, ...]
    mb: tuple[float, ...]
    seconds: tuple[float, ...]
    above_base_mb: tuple[float, ...]


def series(records: Iterable[dict[str, Any]]) -> list[Series]:
    """One series per family, in the order the families first appear; failed cases left out."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for rec in records:
        if "error" not in rec:
            groups.setdefault(family(rec["name"]), []).append(rec)
    found = []
    for name, recs in groups.items():
        recs = sorted(recs, key=lambda r: r["bytes"])
        found.append(
            Series(
                name,
                tuple(r["name"] for r in recs),
                tuple(r["bytes"] / MB for r in recs),
                tuple(r["seconds"] for r in recs),
                tuple(r["peak_mb"] - r["base_mb"] for r in recs),
            )
        )
    return found


FLOOR_MB = 1.0  # memory above base under it is allocator noise; a log axis has no 0


def slope_one(xs: Sequence[float], ys: Sequence[float]) -> float:
    """The factor k of the reference line y = k x: the median of y / x over the points."""
    return statistics.median(y / x for x, y in zip(xs, ys, strict=True) if x > 0)


def write_curves(records: Sequence[dict[str, Any]], path: Path, meta: dict[str, str]) -> bool:
    """Two log-log panels against the input's MB: (a) seconds, (b) peak MB above base (drawn
    at ``FLOOR_MB`` when under it). A family of several cases is a line, of one case a point;
    the dashed line of slope 1 (through the median ratio) is what linear growth looks like.
    False when no case was measured (nothing drawn)."""
    found = series(records)
    if not found:
        return False
    plt = pyplot()
    fig, (ax_time, ax_mem) = plt.subplots(1, 2, figsize=(13, 5.5))
    panels = (
        (ax_time, "(a) time", "seconds (median of the runs)", [s.seconds for s in found]),
        (
            ax_mem,
            "(b) memory",
            f"peak RSS above base, MB (under {FLOOR_MB:g} drawn at {FLOOR_MB:g})",
            [[max(v, FLOOR_MB) for v in s.above_base_mb] for s in found],
        ),
    )
    for ax, title, ylabel, values in panels:
        for k, (s, ys) in enumerate(zip(found, values, strict=True)):
            style = "o-" if len(s.mb) > 1 else "D"
            ax.plot(s.mb, ys, style, color=f"C{k % 10}", label=s.family, markersize=5)
        xs = [x for s in found for x in s.mb]
        factor = slope_one(xs, [y for ys in values for y in ys])
        ends = (min(xs), max(xs))
        ax.plot(ends, [factor * x for x in ends], "--", color="grey", label="slope 1 (linear)")
        ax.set_xscale("log")
        ax.set_yscale("log")
        plain = plt.FuncFormatter(lambda v, _: f"{v:g}")  # 0.1, 1, 10 rather than powers
        for axis in (ax.xaxis, ax.yaxis):
            axis.set_major_formatter(plain)
        ax.grid(which="major", alpha=0.3)
        ax.set_title(title)
        ax.set_xlabel("input, MB of UTF-8 (log scale)")
        ax.set_ylabel(ylabel)
    ax_mem.set_ylim(bottom=FLOOR_MB / 2)
    handles, _ = ax_time.get_legend_handles_labels()
    title = (
        "cleannews on big and hostile input: time and memory against size "
        f"(commit {meta.get('commit', '?')}, {meta.get('date', '?')})"
    )
    save(fig, path, title, handles, ncol=6)
    return True


def _parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--case", help="run one case in this process, print JSON")
    parser.add_argument("--quick", action="store_true", help="only the quick cases (<= 10 MB)")
    parser.add_argument("--only", nargs="*", help="these cases (names from the table)")
    parser.add_argument("--timeout", type=float, default=TIMEOUT_S)
    parser.add_argument(
        "--write", action="store_true", help=f"also save {JSON_NAME} and draw {CHART_NAME}"
    )
    parser.add_argument(
        "--out",
        type=Path,
        help="folder for --write (default benchmarks/) and --from-json (default: the file's)",
    )
    parser.add_argument(
        "--from-json",
        type=Path,
        metavar="FILE",
        help=f"no run: the table and {CHART_NAME} from a saved {JSON_NAME}",
    )
    args = parser.parse_args(argv)
    if not args.from_json:
        unknown = [n for n in args.only or () if n not in CASES]
        if unknown:
            parser.error(f"unknown case(s): {', '.join(unknown)}")
    return args


def _print_table(records: Iterable[dict[str, Any]]) -> None:
    print(HEADER)
    for rec in records:
        print(row(rec))


def main(argv: list[str] | None = None) -> int:
    args = _parse_args(argv)
    if args.case:
        print(json.dumps(run_case(args.case)))
        return 0
    if args.from_json:
        meta, records = load_results(args.from_json)
        records = [r for r in records if not args.only or r["name"] in args.only]
        _print_table(records)
        chart = (args.out or args.from_json.parent) / CHART_NAME
        if write_curves(records, chart, meta):
            print(f"\nwrote {chart}")
        return 0
    out = args.out or OUT
    names = args.only or (QUICK if args.quick else list(CASES))
    meta = run_meta()
    records = []
    print(HEADER, flush=True)
    for name in names:
        records.append(record(name, run_in_subprocess(name, args.timeout)))
        print(row(records[-1]), flush=True)
        if args.write:  # after each case: a long run that is stopped keeps what it measured
            save_results(out / JSON_NAME, records, meta)
    if args.write:
        chart = out / CHART_NAME
        drawn = write_curves(records, chart, meta)
        print(f"\nwrote {out / JSON_NAME}" + (f" and {chart}" if drawn else ""))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
