"""Work over many files in chunks, in a pool of processes when it pays: ``map_chunks``.

Why: a first run over a folder of 20,000 reports reads every report's header (or searches every
file), some 75–100 µs of Python work per file on one core.  A laptop has cores to spare, so when
there are many files (``POOL_FROM``) and the machine is not busy (its one-minute load average
leaves at least half a core free), chunks of files go to a pool of worker processes; each worker
returns plain values (lists, tuples, texts: cheap to pickle) and the caller keeps whatever it
writes – an index, a cache – in its own process, once.

The rules of the pool:

- ``work`` is a module-level function taking a list of items (paths as text) and giving one
  result per item, in order; it handles each item's expected problems itself (a result saying
  what is wrong), so that one bad file stays one warning.
- Workers are forked on Linux when this process runs no other thread (fast: nothing is imported
  again), else started fresh (``spawn``): the worker entry imports only this module and ``work``'s.
- Only the main thread starts a pool (a thread reading ahead in the background stays in this
  process, so that the program can always end at once).
- ``progress(done, total)`` hears of every chunk as it comes back.
- Ctrl-C stops the pool: workers ignore the interrupt (it is the main process's to handle), no
  further chunk is started, the workers finish the chunk in hand and end, and the interrupt goes
  on in the main process – no traceback from a worker, no process left behind.
- A pool that cannot start or breaks (a worker killed, a result that cannot be sent) costs nothing
  but time: every chunk not yet back is done in this process.

``INTERVJUFAS_PROCESSER`` sets the number of processes (1: never a pool), for a machine where the
load average misleads, and for measuring.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TypeVar

__all__ = ["POOL_FROM", "map_chunks", "pool_size"]

Item = TypeVar("Item")
Result = TypeVar("Result")
Progress = Callable[[int, int], None]

POOL_FROM = 1000  # items from which a pool may pay (starting one costs some 10–100 ms)
CHUNK = 250  # items a worker takes at a time: progress moves, and Ctrl-C waits for little
LOCAL_CHUNK = 50  # items between two progress reports without a pool
MAX_PROCESSES = 8
SETTING = "INTERVJUFAS_PROCESSER"


def pool_size(count: int) -> int:
    """How many processes to read ``count`` items with (1: in this process)."""
    chosen = _chosen()
    if chosen is not None:
        return 1 if count < 2 else min(chosen, count)
    if count < POOL_FROM:
        return 1
    cores = _cores()
    try:
        load = os.getloadavg()[0]
    except (AttributeError, OSError):  # (no load average on this system: trust the cores)
        load = 0.0
    spare = int(cores - load + 0.5)  # (whole cores free, counting half a free core as one)
    return max(1, min(cores, MAX_PROCESSES, spare + 1 if spare >= 1 else 1))


def _chosen() -> int | None:
    raw = os.environ.get(SETTING, "").strip()
    if not raw.isdigit() or int(raw) < 1:
        return None
    return min(int(raw), 61)  # (61: the most Windows allows a pool)


def _cores() -> int:
    affinity = getattr(os, "sched_getaffinity", None)
    if affinity is not None:
        try:
            return max(1, len(affinity(0)))
        except OSError:
            pass
    return max(1, os.cpu_count() or 1)


def map_chunks(
    work: Callable[[list[Item]], list[Result]],
    items: Sequence[Item],
    *,
    progress: Progress | None = None,
    processes: int | None = None,
    start_method: str | None = None,
) -> list[Result]:
    """``work`` over ``items`` in chunks, one result per item in the items' order; in a pool of
    ``processes`` (default ``pool_size``) when more than one.  ``start_method`` forces one
    (``fork``, ``spawn``, ``forkserver``) instead of the safe choice.  Called from another thread
    than the main one (a session reading the folder while the user answers), it never starts a
    pool: the program could not end before the pool did."""
    total = len(items)
    results: list[list[Result] | None]
    count = pool_size(total) if processes is None else processes
    if count > 1 and total > 1 and threading.current_thread() is threading.main_thread():
        size = max(1, min(CHUNK, -(-total // (count * 4))))
        chunks = [list(items[at : at + size]) for at in range(0, total, size)]
        results = _pooled(work, chunks, count, start_method or _start_method(), progress, total)
    else:
        chunks = [list(items[at : at + LOCAL_CHUNK]) for at in range(0, total, LOCAL_CHUNK)]
        results = [None] * len(chunks)
    done = sum(len(chunk) for chunk, result in zip(chunks, results, strict=True) if result is not None)
    for number, chunk in enumerate(chunks):
        if results[number] is None:  # (no pool, or what the pool left undone)
            results[number] = work(chunk)
            done += len(chunk)
            if progress is not None:
                progress(done, total)
    return [result for part in results if part is not None for result in part]


def _start_method() -> str:
    """Fork where it is safe (Linux, and no other thread whose locks a child could inherit held),
    else start each worker fresh."""
    if sys.platform.startswith("linux") and threading.active_count() == 1:
        return "fork"
    return "spawn"


def _pooled(
    work: Callable[[list[Item]], list[Result]],
    chunks: list[list[Item]],
    count: int,
    method: str,
    progress: Progress | None,
    total: int,
) -> list[list[Result] | None]:
    """The chunks' results from a pool; None for a chunk the pool did not do."""
    import multiprocessing
    from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait

    results: list[list[Result] | None] = [None] * len(chunks)
    try:
        context = multiprocessing.get_context(method)
        pool = ProcessPoolExecutor(
            min(count, len(chunks)), mp_context=context, initializer=_ignore_interrupts
        )
    except (OSError, ValueError, RuntimeError, ImportError):  # (no processes here: do it in this one)
        return results
    try:
        with _interrupts_held():  # (workers start with Ctrl-C held, and ignore it from then on)
            pending: dict[Future[list[Result]], int] = {
                pool.submit(work, chunk): number for number, chunk in enumerate(chunks)
            }
    except Exception:  # (a worker that cannot start: do it in this one)
        pool.shutdown(wait=True, cancel_futures=True)
        return results
    done = 0
    try:
        while pending:
            finished, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in finished:
                number = pending.pop(future)
                results[number] = future.result()
                done += len(chunks[number])
            if progress is not None:
                progress(done, total)
    except BaseException as error:
        pool.shutdown(wait=True, cancel_futures=True)  # (the workers finish the chunk in hand)
        if not isinstance(error, Exception):  # (Ctrl-C, an exit: they go on)
            raise
        for future, number in pending.items():  # (a broken pool, a result that could not be sent:
            if not future.cancelled() and future.exception() is None:  # what came back counts, the
                results[number] = future.result()  # rest is done in this process)
        return results
    pool.shutdown(wait=True)
    return results


@contextmanager
def _interrupts_held() -> Iterator[None]:
    """Ctrl-C held back (not lost) while the workers start, so that each starts ignoring it."""
    held = hasattr(signal, "pthread_sigmask")
    if held:
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        if held:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


def _ignore_interrupts() -> None:
    """A worker's start: Ctrl-C is the main process's to handle."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
