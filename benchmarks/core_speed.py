"""Speed of the native core against the Python pipeline on a corpus's text, in the same
run and interleaved (document by document, the order of the two alternating), so that the
machine's load weighs on both alike. Also the core's batch call on a pool of threads.

    python -m benchmarks.core_speed [corpus] [--workers N]

Build the core in the release profile first (``maturin develop --release``).
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
from pathlib import Path

from cleannews import core, pipeline
from cleannews.config import DEFAULT

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus", nargs="?", default="wcxb_dev")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    with gzip.open(CORPUS / f"{args.corpus}.jsonl.gz", "rt", encoding="utf-8") as f:
        texts = [json.loads(line)["text"] for line in f]
    size = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    core.run(texts[0], DEFAULT)  # (the engine's language data read once)
    pipeline.run(texts[0], DEFAULT)
    spent = {"python": 0.0, "core": 0.0}
    for n, text in enumerate(texts):
        order = ("python", "core") if n % 2 == 0 else ("core", "python")
        for name in order:
            run = pipeline.run if name == "python" else core.run
            start = time.perf_counter()
            run(text, DEFAULT)
            spent[name] += time.perf_counter() - start
    start = time.perf_counter()
    core.extract_many(texts, DEFAULT, workers=args.workers)
    spent[f"core batch, {args.workers} threads"] = time.perf_counter() - start
    print(f"{args.corpus}: {len(texts)} documents, {size:.1f} MB of text")
    for name, secs in spent.items():
        rate = len(texts) / secs
        print(f"  {name:24} {secs:7.2f} s  {rate:8.1f} docs/s  {size / secs:6.2f} MB/s")
    print(f"  core / python speed-up: {spent['python'] / spent['core']:.1f}x")


if __name__ == "__main__":
    main()
