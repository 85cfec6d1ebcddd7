"""Size and time on hostile input (issue 6): big documents, one huge line, a million tiny
lines, one repeated character, and the time-vs-size curve.

    .venv/bin/python -m benchmarks.robustness               # every case, a table on stdout
    .venv/bin/python -m benchmarks.robustness --quick       # the cases up to 10 MB
    .venv/bin/python -m benchmarks.robustness --case NAME   # one case, JSON (used internally)

Each case runs in a fresh interpreter so that its peak memory belongs to that input alone:
import cleannews, build the input, warm up on a small text (the language data is loaded),
reset the kernel's high-water mark (``/proc/self/clear_refs``) and read the resident size
("base": interpreter, library, data and the input string), then time ``cleannews.clean``
(median of the runs) and read the high-water mark (``VmHWM``). "Above base" is what
cleaning holds at once beyond its input, given as a multiple of the input's UTF-8 size.
A case that does not finish in ``--timeout`` seconds is reported as such (super-linear).
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .corpora import PROJECT
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


def tiny_lines(count: int) -> str:
    """``count`` lines of one or two short tokens: menu words, numbers, labels."""
    words = ("Foto", "1", "Top", "x", "Acasă", "»", "12", "Share", "ab", "Știri")
    return "\n".join(words[i % len(words)] for i in range(count))


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


def _cases() -> list[Case]:
    cases = [
        Case(f"corpus_{n}mb", f"corpus pages, {n} MB", lambda n=n: corpus_text(n * MB), runs)
        for n, runs in ((1, 5), (5, 3), (10, 3), (50, 1))
    ]
    cases += [
        Case("one_line_1mb", "one line of corpus text, 1 MB", lambda: one_line(MB), 3),
        Case("one_line_10mb", "one line of corpus text, 10 MB", lambda: one_line(10 * MB), 1),
        Case("tiny_lines_1m", "1,000,000 lines of 1-2 tokens", lambda: tiny_lines(MB), 1),
        Case("char_a_1mb", "'a' x 1,000,000 (one line)", lambda: "a" * MB, 3),
        Case("char_dot_1mb", "'.' x 1,000,000 (one line)", lambda: "." * MB, 3),
        Case("char_7_1mb", "'7' x 1,000,000 (one line)", lambda: "7" * MB, 3),
        Case("char_ae_1mb", "'ă' x 500,000 (1 MB, one line)", lambda: "ă" * (MB // 2), 3),
        Case("char_underscore_25k", "'_' x 25,000 (one line)", lambda: "_" * 25_000, 1),
        Case("char_underscore_50k", "'_' x 50,000 (one line)", lambda: "_" * 50_000, 1),
        Case("char_underscore_100k", "'_' x 100,000 (one line)", lambda: "_" * 100_000, 1),
        Case("char_underscore_1mb", "'_' x 1,000,000 (one line)", lambda: "_" * MB, 1),
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
        ),
    ]
    return cases


CASES = {c.name: c for c in _cases()}
# Up to 10 MB and no case known to be super-linear at its size.
QUICK = [
    n
    for n in CASES
    if n not in ("corpus_50mb", "tiny_lines_1m", "char_underscore_1mb", "short_run_64k")
]


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


def row(name: str, result: dict[str, float | int] | str) -> str:
    case = CASES[name]
    if isinstance(result, str):
        return f"| {name} | {case.what} | | | {result} | | | |"
    size_mb = result["bytes"] / MB
    extra = result["peak_mb"] - result["base_mb"]
    return (
        f"| {name} | {case.what} | {size_mb:,.2f} | {result['lines']:,} | "
        f"{result['seconds']:.3f} (n={result['runs']}) | {result['seconds'] / size_mb:.3f} | "
        f"{result['peak_mb']:,.0f} ({extra:,.0f} above base) | {extra / size_mb:.1f}x |"
    )


HEADER = (
    "| case | input | MB | lines | seconds (median of n) | s/MB | peak RSS MB | "
    "peak above base / input |\n|---|---|---|---|---|---|---|---|"
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--case", help="run one case in this process, print JSON")
    parser.add_argument("--quick", action="store_true", help="only the cases up to 10 MB")
    parser.add_argument("--only", nargs="*", help="these cases (names from the table)")
    parser.add_argument("--timeout", type=float, default=TIMEOUT_S)
    args = parser.parse_args(argv)
    if args.case:
        print(json.dumps(run_case(args.case)))
        return 0
    names = args.only or (QUICK if args.quick else list(CASES))
    print(HEADER, flush=True)
    for name in names:
        print(row(name, run_in_subprocess(name, args.timeout)), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
