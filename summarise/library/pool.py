"""Run a pure function over many items in worker processes, with a time budget per item.

Parsing files and analysing articles are pure functions of their input and hold the GIL, so
threads would neither use the second core nor keep the reader's keys responsive. Each worker is
a fresh `python -m summarise.library.pool` process talking over its stdin and stdout (nothing of
the parent is re-imported, and it is safe beside the reader's threads); an item that runs past its
budget has its worker killed and replaced, and is reported as a Failure, so one hostile file
can never stall the rest. Small jobs run in this process, where starting workers would cost
more than the work; there the budget is kept by an interval timer (the regular-expression
engine and the interpreter both stop for its signal), so one file given alone is bounded too.
"""

from __future__ import annotations

import importlib
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any, Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")

# Below this many items one process does the work before workers would have started (a
# spawned worker costs about 0.15 s to import the readers).
MIN_ITEMS_FOR_WORKERS = 64
# What one article may cost at any step (reading, analysing, indexing, summarising): a step that
# takes longer is abandoned and reported, whatever in the text made it slow, so the next
# pathological pattern costs seconds and not an hour. 15 s, so that a command whose one slow step
# is cut (start-up and the rest included) still answers within 20 s: at 20 s the reader fuzz's
# 10 MB HTML pages ended at 21.5 s.
ITEM_BUDGET_SECONDS = 15.0
# Items go to a worker in small batches: fewer messages, and a slow item delays few others.
BATCH = 16


@dataclass(frozen=True, slots=True)
class Failure:
    """What became of an item that could not be processed."""

    reason: str


@dataclass(frozen=True, slots=True)
class Outcome(Generic[T, R]):
    item: T
    result: R | Failure


def default_jobs() -> int:
    return max(1, os.cpu_count() or 1)


def _name_of(fn: Callable[..., Any]) -> str:
    return f"{fn.__module__}:{fn.__qualname__}"


def _load(name: str) -> Callable[[Any], Any]:
    module, _, qualname = name.partition(":")
    found: Any = importlib.import_module(module)
    for part in qualname.split("."):
        found = getattr(found, part)
    return found  # type: ignore[no-any-return]


def _worker(fn: Callable[[Any], Any], conn: Connection) -> None:
    """A worker's loop: a batch in, (index, result) pairs out, in order and one at a time, so
    the parent knows which item is running (the first not yet done) and since when."""
    while True:
        try:
            batch = conn.recv()
        except EOFError:
            return
        if batch is None:
            return
        for index, item in batch:
            try:
                result: Any = fn(item)
            except Exception as exc:  # one bad item is reported, the worker goes on
                result = Failure(f"{type(exc).__name__}: {exc}")
            conn.send(("done", index, result))


class _Worker:
    def __init__(self, fn: Callable[[Any], Any]) -> None:
        child_reads, parent_writes = os.pipe()
        parent_reads, child_writes = os.pipe()
        command = [sys.executable, "-m", "summarise.library.pool", _name_of(fn)]
        self.process = subprocess.Popen(
            [*command, str(child_reads), str(child_writes)],
            pass_fds=(child_reads, child_writes),
            stdin=subprocess.DEVNULL,
        )
        os.close(child_reads)
        os.close(child_writes)
        self.conn = _Duplex(parent_reads, parent_writes)
        self.pending: list[int] = []  # indexes sent and not yet done
        self.running: int | None = None
        self.started = 0.0

    def send(self, batch: list[tuple[int, Any]]) -> None:
        self.pending = [i for i, _ in batch]
        self.running = self.pending[0] if self.pending else None
        self.started = time.monotonic()
        self.conn.send(batch)

    def stop(self, kill: bool = False) -> None:
        if not kill:
            try:
                self.conn.send(None)
            except OSError:
                kill = True
        if kill:
            self.process.kill()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.conn.close()


class _Duplex(Connection):
    """A Connection that reads one pipe and writes another (a worker's stdout and stdin)."""

    def __init__(self, read_fd: int, write_fd: int) -> None:
        super().__init__(read_fd)
        self._writer = Connection(write_fd, readable=False)

    def send(self, obj: Any) -> None:
        self._writer.send(obj)

    def close(self) -> None:
        self._writer.close()
        super().close()


class WorkerPool(Generic[T, R]):
    """Workers for one function, kept between calls to map() (a library indexed in batches
    starts its workers once), and stopped by close() or the end of a `with` block."""

    def __init__(
        self,
        fn: Callable[[T], R],
        jobs: int | None = None,
        budget: float | None = None,
        doing: str = "read",
    ) -> None:
        self.fn = fn
        self.jobs = default_jobs() if jobs is None else max(1, jobs)
        self.budget = budget
        self.doing = doing  # what a Failure says took too long: "read", "analyse", "index"
        self._workers: list[_Worker] = []

    def __enter__(self) -> WorkerPool[T, R]:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self, kill: bool = False) -> None:
        for worker in self._workers:
            worker.stop(kill=kill)
        self._workers = []

    def map(
        self, items: Sequence[T], progress: Callable[[int, int], None] | None = None
    ) -> Iterator[Outcome[T, R]]:
        """Outcomes as they finish (not in order); an item past the budget is abandoned."""
        total = len(items)
        small = self.jobs == 1 or total < MIN_ITEMS_FOR_WORKERS
        if not self._workers and small and (self.budget is None or _can_time_out_here()):
            yield from _in_process(self.fn, items, progress, self.budget, self.doing)
            return
        while len(self._workers) < min(self.jobs, max(total, 1)):
            self._workers.append(_Worker(self.fn))
        finished = False
        try:
            yield from self._run(items, progress)
            finished = True
        finally:
            if not finished:  # stopped midway (cancelled, or the caller failed): start afresh
                self.close(kill=True)

    def _run(
        self, items: Sequence[T], progress: Callable[[int, int], None] | None
    ) -> Iterator[Outcome[T, R]]:
        workers, budget, total = self._workers, self.budget, len(items)
        queue = list(range(total - 1, -1, -1))  # popped from the end: first items first
        done = 0
        for worker in workers:
            _feed(worker, queue, items)
        while done < total:
            ready = wait([w.conn for w in workers], timeout=_next_deadline(workers, budget))
            now = time.monotonic()
            for slot, worker in enumerate(workers):
                if worker.conn in ready:
                    try:
                        message = worker.conn.recv()
                    except (EOFError, OSError):
                        message = ("died",)
                    if message[0] == "done":
                        _, index, result = message
                        worker.pending.remove(index)
                        # The next item of the batch starts as this one ends.
                        worker.running = worker.pending[0] if worker.pending else None
                        worker.started = now
                        done += 1
                        yield Outcome(items[index], result)
                        if progress is not None:
                            progress(done, total)
                        if not worker.pending:
                            _feed(worker, queue, items)
                        continue
                    reason = "its reader stopped unexpectedly"
                elif (
                    budget is not None
                    and worker.running is not None
                    and (now - worker.started > budget)
                ):
                    reason = f"took too long to {self.doing} (over {budget:g} s)"
                else:
                    continue
                # The item running is lost with its worker; the rest of its batch goes back.
                lost = worker.running
                if lost is None and worker.pending:
                    lost = worker.pending[0]
                queue.extend(i for i in reversed(worker.pending) if i != lost)
                worker.stop(kill=True)
                if lost is not None:
                    done += 1
                    yield Outcome(items[lost], Failure(reason))
                    if progress is not None:
                        progress(done, total)
                workers[slot] = _Worker(self.fn)
                _feed(workers[slot], queue, items)


def process_map(
    fn: Callable[[T], R],
    items: Sequence[T],
    jobs: int | None = None,
    budget: float | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Iterator[Outcome[T, R]]:
    """Apply `fn` (a module-level function) to every item once, in workers started for it."""
    with WorkerPool(fn, jobs, budget) as pool:
        yield from pool.map(items, progress)


def run_bounded(
    fn: Callable[[T], R], item: T, budget: float | None = None, doing: str = "read"
) -> R | Failure:
    """`fn(item)` in a worker process of its own, abandoned past `budget` (default: the budget
    of every per-article step): what an interactive caller uses for work that could be slow,
    so that no article can hold the interpreter (and the keys) while it runs."""
    with WorkerPool(fn, 1, ITEM_BUDGET_SECONDS if budget is None else budget, doing) as pool:
        pool._workers.append(_Worker(fn))  # always a worker, even for one item
        for outcome in pool.map([item]):
            return outcome.result
    return Failure("no result")


def _feed(worker: _Worker, queue: list[int], items: Sequence[Any]) -> None:
    batch = [(i, items[i]) for i in (queue.pop() for _ in range(min(BATCH, len(queue))))]
    if batch:
        worker.send(batch)


def _next_deadline(workers: list[_Worker], budget: float | None) -> float | None:
    if budget is None:
        return None
    running = [w.started for w in workers if w.running is not None]
    if not running:
        return budget
    return max(0.01, min(running) + budget - time.monotonic())


def _can_time_out_here() -> bool:
    """Whether an interval timer can interrupt work in this thread (signals reach only the
    main thread, and not every platform has SIGALRM)."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


class OverBudget(BaseException):
    """Not an Exception: a reader's own `except Exception` must not swallow it."""


@contextmanager
def time_limit(budget: float | None) -> Iterator[None]:
    """Raise OverBudget in this (main) thread once `budget` seconds have passed inside."""
    if budget is None or not _can_time_out_here():
        yield
        return

    def expire(_signum: int, _frame: object) -> None:
        raise OverBudget

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, budget)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _in_process(
    fn: Callable[[T], R],
    items: Sequence[T],
    progress: Callable[[int, int], None] | None,
    budget: float | None = None,
    doing: str = "read",
) -> Iterator[Outcome[T, R]]:
    for done, item in enumerate(items, 1):
        try:
            with time_limit(budget):
                result: R | Failure = fn(item)
        except OverBudget:
            result = Failure(f"took too long to {doing} (over {budget:g} s)")
        except Exception as exc:
            result = Failure(f"{type(exc).__name__}: {exc}")
        yield Outcome(item, result)
        if progress is not None:
            progress(done, len(items))


# A worker: python -m summarise.library.pool MODULE:FUNCTION READ_FD WRITE_FD
if __name__ == "__main__":
    # From the module itself, not this __main__ copy: what it sends must unpickle as
    # summarise.library.pool.Failure in the parent.
    from summarise.library import pool

    pool._worker(pool._load(sys.argv[1]), pool._Duplex(int(sys.argv[2]), int(sys.argv[3])))
