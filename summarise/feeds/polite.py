"""Running many downloads at once without hammering any one server.

A fixed set of threads takes tasks in order, skipping any whose server (host and port) already
has its share of downloads running, so a refresh of 200 feeds keeps about 8 downloads going and
never more than 2 against one server. Results come back on the caller's thread, which may add
tasks as it reads them (a feed's entries become page downloads).
"""

from __future__ import annotations

import queue
import threading
from collections import Counter, deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

WORKERS = 8
PER_HOST = 2


def host_of(url: str) -> str:
    """The server a URL is on: host and port, as two ports are two services."""
    try:
        parts = urlsplit(url)
        return f"{(parts.hostname or '').lower()}:{parts.port or ''}"
    except ValueError:
        return ""


@dataclass(slots=True)
class _Task:
    host: str | None
    run: Callable[[], Any]


class PoliteScheduler:
    """Use as a context manager; `submit` tasks, then iterate `results()`."""

    def __init__(self, workers: int = WORKERS, per_host: int = PER_HOST) -> None:
        self.per_host = per_host
        self._pending: deque[_Task] = deque()
        self._running: Counter[str | None] = Counter()
        self._ready = threading.Condition()
        self._results: queue.Queue[Any] = queue.Queue()
        self._outstanding = 0  # submitted and not yet handed back; touched by the caller only
        self._closed = False
        self._threads = [
            threading.Thread(target=self._work, daemon=True, name=f"download-{n}")
            for n in range(workers)
        ]
        for thread in self._threads:
            thread.start()

    def __enter__(self) -> PoliteScheduler:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def submit(self, url: str | None, run: Callable[[], Any]) -> None:
        """Run `run()` on a worker when `url`'s host has a free slot (None: work that downloads
        nothing, never held back); its return value (or the exception it raised) comes back
        from results()."""
        self._outstanding += 1
        with self._ready:
            self._pending.append(_Task(host_of(url) if url else None, run))
            self._ready.notify()

    def results(self) -> Iterator[Any]:
        """Each task's result as it finishes, until nothing is left (including tasks submitted
        while iterating)."""
        while self._outstanding:
            result = self._results.get()
            self._outstanding -= 1
            yield result

    def close(self) -> None:
        with self._ready:
            self._closed = True
            self._pending.clear()
            self._ready.notify_all()

    def _next(self) -> _Task | None:
        with self._ready:
            while True:
                if self._closed:
                    return None
                for task in self._pending:
                    if task.host is None or self._running[task.host] < self.per_host:
                        self._pending.remove(task)
                        self._running[task.host] += 1
                        return task
                self._ready.wait()

    def _work(self) -> None:
        while (task := self._next()) is not None:
            try:
                result = task.run()
            except BaseException as exc:  # handed to the caller, who decides
                result = exc
            with self._ready:
                self._running[task.host] -= 1
                self._ready.notify_all()
            self._results.put(result)
