"""The native core's targets (issue 13), every figure taken in one run, side by side.

``python -m benchmarks.native [--limit N] [--repeat N] [--write]`` measures:

- ``throughput``: per document, ``extract`` by the core and trafilatura on the same text
  (``systems.trafilatura_text``), interleaved: each document is run by every system in
  turn, in an order that rotates from one document to the next, ``--repeat`` times; a
  system's time is the sum of its per-document medians. MB/s counts the UTF-8 bytes of the
  text field. The core is also timed alone, in the same way, just before: what a pipeline
  that runs only cleannews sees (interleaved, trafilatura evicts the core's tables and
  pattern caches from the CPU's caches before each document).
- ``threads``: ``clean_many`` over the same texts with 1 and 2 worker threads, alternated
  (at least ``THREAD_RUNS`` times).
- ``cli``: the console script over a corpus file with ``-j 1`` and ``-j 2``, alternated.
- ``startup``: a fresh interpreter importing cleannews and cleaning one seed, less a fresh
  interpreter doing nothing (median of ``STARTUP_RUNS``).
- ``html``: the HTML path's own cost, ``cleannews.extract(html)`` less trafilatura's
  ``bare_extraction`` on the same page, interleaved, as a share of trafilatura's time.

Memory is measured by ``benchmarks.robustness`` (a fresh process per input).

The Python pipeline is gone (issue 13, "one implementation"): the ``python pipeline`` row of
``NATIVE.md`` is from the last run that had both (at de8a628); ``--write`` replaces it.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .corpora import DEFAULT_CORPUS_DIR, PROJECT, read_jsonl

# The corpora whose text field the throughput is measured on (issue 13's targets).
THROUGHPUT_CORPORA = ("wcxb_dev", "scrapinghub")
# Fresh interpreters timed for the start-up figure: the median of this many.
STARTUP_RUNS = 7
# Runs of clean_many with 1 and 2 threads, alternated, at least (a run is about 0.5 s: the
# median of 3 moved by 0.1x from one run of the benchmark to the next).
THREAD_RUNS = 7
# Warm-up documents run untimed by each system before the timed passes.
WARMUP_DOCS = 3
RESULTS = PROJECT / "benchmarks" / "NATIVE.md"

Extractor = Callable[[str], object]


@dataclass(frozen=True)
class Timing:
    """A system's time over a set of documents."""

    system: str
    docs: int
    mb: float
    seconds: float

    @property
    def docs_per_s(self) -> float:
        return self.docs / self.seconds if self.seconds else 0.0

    @property
    def mb_per_s(self) -> float:
        return self.mb / self.seconds if self.seconds else 0.0


def text_systems() -> dict[str, Extractor]:
    """The systems of the throughput table that are installed, by row name."""
    import cleannews

    from .systems import trafilatura_text

    return {
        "core": lambda t: cleannews.extract(t, input_format="text"),
        "trafilatura-text": trafilatura_text,
    }


def interleaved(systems: dict[str, Extractor], texts: Sequence[str], repeat: int) -> list[Timing]:
    """Every system on every text, interleaved (see the module docs)."""
    names = list(systems)
    for name in names:
        for text in texts[:WARMUP_DOCS]:
            systems[name](text)
    per_doc: dict[str, list[list[float]]] = {n: [[] for _ in texts] for n in names}
    for _ in range(repeat):
        for i, text in enumerate(texts):
            shift = i % len(names)
            for name in names[shift:] + names[:shift]:
                start = time.perf_counter()
                systems[name](text)
                per_doc[name][i].append(time.perf_counter() - start)
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    return [Timing(n, len(texts), mb, sum(statistics.median(d) for d in per_doc[n])) for n in names]


def corpus_field(
    corpus_dir: Path, names: Sequence[str], limit: int | None, field: str
) -> list[str]:
    """The non-empty ``field`` ("text" or "html") of the first ``limit`` records of each
    corpus that is present."""
    values: list[str] = []
    for name in names:
        path = corpus_dir / f"{name}.jsonl.gz"
        if path.exists():
            records = list(read_jsonl(path, keep_html=field == "html"))[:limit]
            values += [r[field] for r in records if r.get(field)]
    return values


def threads(texts: Sequence[str], repeat: int) -> dict[int, float]:
    """Seconds of ``clean_many`` over ``texts`` with 1 and 2 workers (median, alternated)."""
    import cleannews

    clean_many = getattr(cleannews, "clean_many", None)
    if clean_many is None:
        return {}
    runs: dict[int, list[float]] = {1: [], 2: []}
    clean_many(list(texts[:WARMUP_DOCS]), workers=2)
    for _ in range(repeat):
        for workers in (1, 2):
            start = time.perf_counter()
            clean_many(list(texts), workers=workers)
            runs[workers].append(time.perf_counter() - start)
    return {w: statistics.median(r) for w, r in runs.items()}


def cli(corpus: Path, repeat: int) -> dict[int, float]:
    """Wall seconds of the console script over ``corpus`` with -j 1 and -j 2 (median)."""
    script = Path(sys.executable).with_name("cleannews")
    runs: dict[int, list[float]] = {1: [], 2: []}
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out.jsonl.gz"
        for _ in range(repeat):
            for jobs in (1, 2):
                cmd = [str(script), str(corpus), "-o", str(out), "-j", str(jobs), "--quiet"]
                start = time.perf_counter()
                subprocess.run(cmd, check=True, capture_output=True)
                runs[jobs].append(time.perf_counter() - start)
    return {j: statistics.median(r) for j, r in runs.items()}


def startup() -> tuple[float, float]:
    """Median seconds of a fresh interpreter that imports cleannews and cleans one seed,
    and of one that does nothing."""
    seed = sorted((PROJECT / "seeds").glob("*.txt"))[0]
    work = f"import cleannews; cleannews.clean(open({str(seed)!r}, encoding='utf-8').read())"

    def once(code: str) -> float:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True, cwd=PROJECT)
        return time.perf_counter() - start

    runs = [(once(work), once("pass")) for _ in range(STARTUP_RUNS)]
    return statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)


def html_cost(pages: Sequence[str], repeat: int) -> tuple[float, float]:
    """Seconds of trafilatura's ``bare_extraction`` and of ``cleannews.extract`` on the same
    pages, interleaved (sums of per-page medians)."""
    import trafilatura

    import cleannews

    def peer(page: str) -> object:
        return trafilatura.bare_extraction(page, with_metadata=True)

    def ours(page: str) -> object:
        return cleannews.extract(page, input_format="html")

    timings = interleaved({"trafilatura-html": peer, "cleannews-html": ours}, pages, repeat)
    return timings[0].seconds, timings[1].seconds


def report(args: argparse.Namespace) -> str:
    corpus_dir = Path(args.corpus)
    texts = corpus_field(corpus_dir, THROUGHPUT_CORPORA, args.limit, "text")
    out: list[str] = ["# The native core: speed, one run", ""]
    if not texts:
        return "\n".join([*out, f"no corpus text under {corpus_dir}"])
    systems = text_systems()
    (alone,) = interleaved({"core": systems["core"]}, texts, args.repeat)
    rows = interleaved(systems, texts, args.repeat)
    traf = next(t for t in rows if t.system == "trafilatura-text")
    core = next(t for t in rows if t.system == "core")
    out += [
        f"{len(texts)} texts of {', '.join(THROUGHPUT_CORPORA)} ({core.mb:.1f} MB), "
        f"{args.repeat} interleaved passes, one process, one thread. `core, alone`: the same "
        "passes with no other system between two documents (the core's caches stay warm; "
        "interleaved with trafilatura, they are cold at each document).",
        "",
        "| system | docs/s | MB/s | core's docs/s ÷ this |",
        "|---|---|---|---|",
        f"| core, alone | {alone.docs_per_s:,.1f} | {alone.mb_per_s:.2f} | – |",
    ]
    out += [
        f"| {t.system} | {t.docs_per_s:,.1f} | {t.mb_per_s:.2f} | "
        f"{core.docs_per_s / t.docs_per_s:.1f}x |"
        for t in rows
    ]
    out += ["", "| target | figure | met |", "|---|---|---|"]
    out.append(
        f"| core ≥ 20 MB/s, alone | {alone.mb_per_s:.2f} MB/s | {_met(alone.mb_per_s >= 20)} |"
    )
    out.append(
        f"| core ≥ 20 MB/s, interleaved with trafilatura | {core.mb_per_s:.2f} MB/s | "
        f"{_met(core.mb_per_s >= 20)} |"
    )
    ratio = core.docs_per_s / traf.docs_per_s
    out.append(f"| core ≥ 20x trafilatura-text | {ratio:.1f}x | {_met(ratio >= 20)} |")
    pool = threads(texts, max(args.repeat, THREAD_RUNS))
    if pool:
        ratio = pool[1] / pool[2]
        out.append(
            f"| clean_many, 2 threads ≥ 1.8x 1 | {pool[1]:.2f} s -> {pool[2]:.2f} s: "
            f"{ratio:.2f}x | {_met(ratio >= 1.8)} |"
        )
    corpus = corpus_dir / f"{THROUGHPUT_CORPORA[0]}.jsonl.gz"
    if corpus.exists():
        jobs = cli(corpus, args.repeat)
        ratio = jobs[1] / jobs[2]
        out.append(
            f"| CLI -j 2 ≥ 1.7x -j 1 | {jobs[1]:.2f} s -> {jobs[2]:.2f} s: {ratio:.2f}x | "
            f"{_met(ratio >= 1.7)} |"
        )
    work, bare = startup()
    out.append(
        f"| import + first clean ≤ 0.25 s | {work - bare:.3f} s ({work:.3f} s less "
        f"{bare:.3f} s of a bare interpreter) | {_met(work - bare <= 0.25)} |"
    )
    pages = corpus_field(corpus_dir, THROUGHPUT_CORPORA, args.limit, "html")
    if pages:
        peer, ours = html_cost(pages, args.repeat)
        share = (ours - peer) / peer
        out.append(
            f"| HTML path's own cost ≤ 10% of trafilatura's | {share:+.1%} ({ours:.2f} s vs "
            f"{peer:.2f} s, {len(pages)} pages) | {_met(share <= 0.10)} |"
        )
    return "\n".join(out) + "\n"


def _met(ok: bool) -> str:
    return "yes" if ok else "**no**"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.native", description=__doc__)
    parser.add_argument("--corpus", default=str(DEFAULT_CORPUS_DIR))
    parser.add_argument("--limit", type=int, default=None, help="first N documents a corpus")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--write", action="store_true", help=f"write {RESULTS.name}")
    args = parser.parse_args(argv)
    text = report(args)
    print(text, end="")
    if args.write:
        RESULTS.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
