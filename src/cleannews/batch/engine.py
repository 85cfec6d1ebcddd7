"""Clean chunks in worker processes: results in input order, with bounded memory.

At most ``workers * IN_FLIGHT_PER_WORKER`` chunks are submitted and not yet handed back,
so memory depends on the chunk size and the number of workers, never on the number of
documents. (``multiprocessing.Pool.imap`` would read its whole input ahead.) Each chunk
comes with a context that stays in this process (e.g. the records' locations) and is
handed back with the chunk's result.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Generic, TypeVar

from .records import Chunk, ChunkResult
from .work import WorkOptions, failed_chunk, process_chunk

__all__ = ["IN_FLIGHT_PER_WORKER", "ChunkFn", "available_cpus", "run_chunks"]

IN_FLIGHT_PER_WORKER = 3
WORKER_DIED = "the worker process died while cleaning this record's chunk"

T = TypeVar("T")
ChunkFn = Callable[[Chunk, WorkOptions], ChunkResult]


def available_cpus() -> int:
    """The CPUs this process may run on (its affinity mask where the OS has one)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def run_chunks(
    jobs: Iterable[tuple[T, Chunk]],
    options: WorkOptions,
    workers: int = 1,
    fn: ChunkFn = process_chunk,
) -> Generator[tuple[T, ChunkResult], None, None]:
    """Each job's context with its chunk's result, in input order.

    With ``workers == 1`` everything runs in this process. ``fn`` must be a top-level
    function (it pickles by name); tests replace it.
    """
    if workers <= 1:
        for context, chunk in jobs:
            yield context, fn(chunk, options)
        return
    yield from _parallel(iter(jobs), options, workers, fn)


@dataclass
class _Pending(Generic[T]):
    context: T
    chunk: Chunk
    future: Future[ChunkResult]


def _parallel(
    jobs: Iterator[tuple[T, Chunk]], options: WorkOptions, workers: int, fn: ChunkFn
) -> Iterator[tuple[T, ChunkResult]]:
    limit = workers * IN_FLIGHT_PER_WORKER
    pool = _new_pool(workers)
    window: deque[_Pending[T]] = deque()
    try:
        for context, chunk in jobs:
            window.append(_Pending(context, chunk, pool.submit(fn, chunk, options)))
            while len(window) >= limit:
                pool = yield from _emit_first(window, pool, options, workers, fn)
        while window:
            pool = yield from _emit_first(window, pool, options, workers, fn)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _new_pool(workers: int) -> ProcessPoolExecutor:
    # spawn: never fork a process that already runs threads (the executor's own). Not
    # forkserver: when a worker died, the broken pool's manager thread could wait forever
    # for the forkserver to report the worker's exit (CPython 3.11: the worker was gone,
    # the forkserver had no children, the thread sat in Popen.poll), and the interpreter,
    # which joins that thread at exit, never exited (seen twice in CI under load, after
    # test_worker_crash_costs_only_its_chunk). A spawned worker is this process's own
    # child, and its exit is read with waitpid.
    return ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"))


def _emit_first(
    window: deque[_Pending[T]],
    pool: ProcessPoolExecutor,
    options: WorkOptions,
    workers: int,
    fn: ChunkFn,
) -> Generator[tuple[T, ChunkResult], None, ProcessPoolExecutor]:
    """Yield the oldest chunk's result and return the pool to go on with.

    When a worker process dies (a crash in native code, the OOM killer) every pending
    chunk fails. The oldest is then retried alone in a new pool, so that a chunk is blamed
    only for a crash of its own: if it kills that worker too, its records fail. The other
    pending chunks are resubmitted after it.
    """
    head = window.popleft()
    try:
        result = head.future.result()
    except BrokenProcessPool:
        pool.shutdown(wait=False, cancel_futures=True)
        pool = _new_pool(workers)
        try:
            result = pool.submit(fn, head.chunk, options).result()
        except BrokenProcessPool:
            result = failed_chunk(head.chunk, options, WORKER_DIED)
            pool.shutdown(wait=False, cancel_futures=True)
            pool = _new_pool(workers)
        for pending in window:
            pending.future = pool.submit(fn, pending.chunk, options)
    yield head.context, result
    return pool
