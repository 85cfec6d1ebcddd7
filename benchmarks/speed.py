"""cleannews's time and peak memory on synthetic inputs of growing size.

Each size runs in a fresh subprocess (``python -m benchmarks.speed SIZE SOURCE...``) so that its
peak RSS (``VmHWM`` of ``/proc/self/status``, the kernel's high-water mark of the process image;
``ru_maxrss`` where there is no /proc) belongs to that input alone. The input is built by
concatenating corpus texts, cut at a line boundary; the process imports cleannews, builds the
input, cleans a small document once (warm-up), records its RSS, then times ``cleannews.clean``
on the input (median of the runs).
"""

from __future__ import annotations

import json
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .corpora import PROJECT, read_jsonl

SIZES = (10_000, 100_000, 1_000_000, 10_000_000)
RUNS_SMALL = 5
RUNS_LARGE = 3
LARGE = 1_000_000
TIMEOUT_S = 600


@dataclass(frozen=True)
class ScalePoint:
    """cleannews on one synthetic input."""

    size: int  # bytes of UTF-8 input
    seconds: float  # median of the runs
    base_rss_mb: float  # after import, input built, warm-up
    peak_rss_mb: float  # process high-water mark

    @property
    def seconds_per_mb(self) -> float:
        return self.seconds / (self.size / 1_000_000)


def source_texts(sources: Sequence[Path]) -> list[str]:
    """The texts of the sources: ``.jsonl.gz`` corpora or plain ``.txt`` files."""
    texts: list[str] = []
    for path in sources:
        if path.name.endswith(".jsonl.gz"):
            texts += [r["text"] for r in read_jsonl(path, keep_html=False)]
        else:
            texts.append(path.read_text(encoding="utf-8"))
    return texts


def synthetic_input(texts: Iterable[str], size: int) -> str:
    """Texts joined by newlines, repeated as needed, cut to at most ``size`` UTF-8 bytes at a
    line boundary."""
    pool = [t for t in texts if t.strip()]
    if not pool:
        raise ValueError("no source text")
    lines: list[str] = []
    total = 0
    while total < size:
        for text in pool:
            for line in text.splitlines():
                n = len(line.encode("utf-8")) + 1
                if total + n > size:
                    return "\n".join(lines)
                lines.append(line)
                total += n
    return "\n".join(lines)


def _rss_mb() -> float:
    """Peak resident set size of this process, in MB: ``VmHWM`` from ``/proc/self/status``
    (the high-water mark of this process image), else ``ru_maxrss``. ``ru_maxrss`` alone is not
    used on Linux because it carries over the parent's peak across fork + exec."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text(encoding="ascii", errors="replace").splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024  # kB
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux


def measure(size: int, sources: Sequence[Path]) -> ScalePoint:
    """Run in the current process: warm up, then time ``clean`` on a ``size``-byte input."""
    import cleannews

    text = synthetic_input(source_texts(sources), size)
    cleannews.clean(text[:5000])
    base = _rss_mb()
    runs = RUNS_SMALL if size < LARGE else RUNS_LARGE
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        cleannews.clean(text)
        times.append(time.perf_counter() - start)
    return ScalePoint(len(text.encode("utf-8")), statistics.median(times), base, _rss_mb())


def json_from_subprocess(module_args: Sequence[str], timeout: float) -> Any:
    """``python -m <module_args>`` in a fresh interpreter (so that its peak memory is its
    own), its standard output read as JSON; a message string when it fails or times out."""
    cmd = [sys.executable, "-m", *module_args]
    try:
        proc = subprocess.run(
            cmd, cwd=PROJECT, capture_output=True, text=True, timeout=timeout, check=False
        )
    except subprocess.TimeoutExpired:
        return f"not done in {timeout:.0f} s"
    if proc.returncode != 0:
        return "failed: " + " ".join(proc.stderr.strip().splitlines()[-1:])
    return json.loads(proc.stdout)


def measure_in_subprocess(size: int, sources: Sequence[Path]) -> ScalePoint | str:
    """``measure`` in a fresh interpreter; an error message when it fails."""
    result = json_from_subprocess(["benchmarks.speed", str(size), *map(str, sources)], TIMEOUT_S)
    return f"{size} bytes: {result}" if isinstance(result, str) else ScalePoint(**result)


def scaling(
    sources: Sequence[Path], sizes: Sequence[int] = SIZES
) -> tuple[list[ScalePoint], list[str]]:
    points: list[ScalePoint] = []
    errors: list[str] = []
    for size in sizes:
        result = measure_in_subprocess(size, sources)
        if isinstance(result, str):
            errors.append(result)
        else:
            points.append(result)
    return points, errors


def scaling_table(points: Sequence[ScalePoint]) -> list[list[str]]:
    return [
        [
            f"{p.size / 1000:,.0f} kB",
            f"{p.seconds:.3f}",
            f"{p.seconds_per_mb:.2f}",
            f"{p.base_rss_mb:.0f}",
            f"{p.peak_rss_mb:.0f}",
        ]
        for p in points
    ]


SCALING_HEADER = ("input", "seconds (median)", "s per MB", "RSS before (MB)", "peak RSS (MB)")


def main(argv: Sequence[str]) -> int:
    if len(argv) < 2:
        print("usage: python -m benchmarks.speed SIZE SOURCE...", file=sys.stderr)
        return 2
    point = measure(int(argv[0]), [Path(a) for a in argv[1:]])
    print(json.dumps(point.__dict__))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
