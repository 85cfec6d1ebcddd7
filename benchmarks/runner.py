"""Running a system over a corpus (timed, after a warm-up), with an on-disk cache for peers."""

from __future__ import annotations

import hashlib
import json
import statistics
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .corpora import PROJECT, Corpus, Doc
from .systems import Output, System

CACHE_DIR = PROJECT / "benchmarks" / "out"
WARMUP_DOCS = 3


@dataclass(frozen=True)
class Run:
    """A system's outputs on a corpus, and the seconds it took per document."""

    outputs: dict[str, Output]
    seconds: dict[str, float]
    from_cache: bool = False


def system_input(system: System, doc: Doc) -> str | None:
    return doc.html if system.source == "html" else doc.text


def timed_pass(system: System, docs: Sequence[Doc]) -> tuple[dict[str, Output], dict[str, float]]:
    """One pass over ``docs``: outputs and per-document seconds (``time.perf_counter``)."""
    outputs: dict[str, Output] = {}
    seconds: dict[str, float] = {}
    for doc in docs:
        data = system_input(system, doc)
        if data is None:
            continue
        start = time.perf_counter()
        outputs[doc.id] = system.run(data)
        seconds[doc.id] = time.perf_counter() - start
    return outputs, seconds


def warm_up(system: System, docs: Sequence[Doc]) -> None:
    """Run the first documents once, untimed (imports, lazy tables, caches)."""
    timed_pass(system, docs[:WARMUP_DOCS])


def run_fresh(system: System, docs: Sequence[Doc], repeat: int = 1) -> Run:
    """Outputs of the first pass; per document, the median seconds over ``repeat`` passes."""
    warm_up(system, docs)
    outputs, first = timed_pass(system, docs)
    passes = [first] + [timed_pass(system, docs)[1] for _ in range(repeat - 1)]
    seconds = {k: statistics.median(p[k] for p in passes) for k in first}
    return Run(outputs, seconds)


def cache_path(system: System, corpus: Corpus, cache_dir: Path = CACHE_DIR) -> Path:
    key = hashlib.sha256(f"{system.name}|{system.version}|{corpus.digest}".encode()).hexdigest()[
        :20
    ]
    return cache_dir / f"{corpus.name}.{system.name}.{key}.json"


def _load_cache(path: Path) -> tuple[dict[str, Output], dict[str, float]]:
    if not path.exists():
        return {}, {}
    data = json.loads(path.read_text(encoding="utf-8"))
    outputs = {k: Output.from_json(v) for k, v in data["outputs"].items()}
    return outputs, {k: float(v) for k, v in data["seconds"].items()}


def _save_cache(
    path: Path, system: System, outputs: dict[str, Output], seconds: dict[str, float]
) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {
        "system": system.name,
        "version": system.version,
        "outputs": {k: v.to_json() for k, v in sorted(outputs.items())},
        "seconds": dict(sorted(seconds.items())),
    }
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    tmp.replace(path)


def run_system(system: System, corpus: Corpus, repeat: int = 1, use_cache: bool = True) -> Run:
    """Run ``system`` on ``corpus``; peers marked ``cached`` reuse (and extend) the disk cache,
    which is keyed by the peer's version and the corpus file's hash. cleannews is never cached."""
    if not (system.cached and use_cache):
        return run_fresh(system, corpus.docs, repeat)
    path = cache_path(system, corpus)
    outputs, seconds = _load_cache(path)
    missing = [
        d for d in corpus.docs if d.id not in outputs and system_input(system, d) is not None
    ]
    if missing:
        fresh = run_fresh(system, missing)
        outputs.update(fresh.outputs)
        seconds.update(fresh.seconds)
        _save_cache(path, system, outputs, seconds)
    wanted = {d.id for d in corpus.docs}
    return Run(
        {k: v for k, v in outputs.items() if k in wanted},
        {k: v for k, v in seconds.items() if k in wanted},
        from_cache=not missing,
    )
