"""One way to open and use newsbrief's SQLite files.

Every database (the reading state, the catalogue, the search indexes, the analysis cache, the
subscriptions) opens the same way: WAL so readers never wait for the writer, a lock so worker
threads can share the connection, a schema version in `PRAGMA user_version`, and one rule for a
file SQLite cannot read. A cache is deleted and built again, since it holds nothing that cannot
be computed again; the user's own state is moved aside, never deleted.

A folder that cannot be written opens the file read-only (or keeps it in memory when there is
no file yet) with a notice, and a write that fails (full disk, read-only file) raises
StorageError with the real cause, after rolling back what it started.
"""

from __future__ import annotations

import re
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from summarise.errors import NewsbriefError


@dataclass(slots=True)
class Changes:
    """What bringing a cache up to date did: entries added (or parsed again), removed, kept."""

    added: int = 0
    removed: int = 0
    kept: int = 0
    notices: list[str] = field(default_factory=list)
    unnamed: int = 0  # in a search index: articles whose names are still to be indexed


# Caches unused this long are dropped: a library not opened for three months costs one
# rebuild if it comes back, and a user's cache folder never grows without bound.
CACHE_MAX_IDLE_SECONDS = 90 * 24 * 3600

# SQLite before 3.32 allows 999 bound variables in one statement; chunks of IN (...) lists stay
# well under it.
MAX_VARIABLES = 500
# Bytes per database page (see _connect).
PAGE_SIZE = 16384
# The write-ahead log is cut back to this after a checkpoint (a big merge left 256 MB).
WAL_KEPT_BYTES = 32 * 1024 * 1024

# Another process holding the write lock (a second newsbrief building the same index) is
# waited for this long before a write gives up.
BUSY_TIMEOUT_SECONDS = 30
# A write waits this long for another process's lock before saying that it is waiting.
QUIET_WAIT_SECONDS = 1.0
# Told, once a write has waited QUIET_WAIT_SECONDS, what it is waiting for (the command line
# prints it; the reader shows it in its status line).
waiting: Callable[[str], None] | None = None
_CREATED = re.compile(
    r"CREATE\s+(?:VIRTUAL\s+)?(?:TABLE|INDEX|TRIGGER)\s+IF\s+NOT\s+EXISTS\s+[\"']?(\w+)", re.I
)


class StorageError(NewsbriefError):
    """A write that could not be made (full disk, read-only file); the message says why."""


def remove_database(path: Path) -> None:
    """Delete a database with its WAL files (caches only: state is moved aside, never deleted)."""
    for suffix in ("", "-wal", "-shm"):
        with suppress(OSError):
            Path(f"{path}{suffix}").unlink(missing_ok=True)


def move_aside(path: Path) -> Path:
    """Rename a database and its WAL files to PATH.corrupt-DATE; returns the new name."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.name}.corrupt-{stamp}")
    for suffix in ("", "-wal", "-shm"):
        source = Path(f"{path}{suffix}")
        if source.exists():
            source.replace(Path(f"{aside}{suffix}"))
    return aside


def prune_idle_files(folder: Path, pattern: str, keep: Path) -> None:
    """Delete the cache databases matching `pattern` in `folder` untouched for
    CACHE_MAX_IDLE_SECONDS, except `keep`."""
    cutoff = time.time() - CACHE_MAX_IDLE_SECONDS
    for candidate in folder.glob(pattern):
        try:
            idle = candidate != keep and candidate.stat().st_mtime < cutoff
        except OSError:
            continue
        if idle:
            remove_database(candidate)


def chunks(items: Sequence[Any], size: int = MAX_VARIABLES) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _why(exc: sqlite3.Error) -> str:
    text = str(exc)
    if "full" in text:
        return "the disk is full"
    if "readonly" in text or "read-only" in text:
        return "the file is read-only"
    return text


class _Outdated(sqlite3.DatabaseError):
    """A cache written by another version of newsbrief."""


class Database:
    """A SQLite file with its lock. `keep=True` for the user's own data (moved aside when it
    cannot be read), False for caches (deleted and rebuilt)."""

    def __init__(
        self,
        path: Path | None,
        schema: str,
        version: int,
        *,
        keep: bool = False,
        label: str = "cache",
        check: str | None = None,
    ) -> None:
        self.path = path
        self.schema = schema
        self.version = version
        self.keep = keep
        self.label = label
        self.check = check
        self.notices: list[str] = []
        self.writable = True
        self.in_memory = False  # the file could not be used: this session's changes are kept here
        self._lock = threading.RLock()
        self._db = self._open()
        # Reads get a connection of their own: in WAL mode they see every committed change and
        # never wait for a long write (a refresh) to finish.
        self._read_lock = threading.Lock()
        self._reader = self._open_reader()

    def _open_reader(self) -> sqlite3.Connection:
        if self.path is None or not self.writable or self.in_memory or not self.path.exists():
            return self._db
        try:
            return sqlite3.connect(
                str(self.path),
                check_same_thread=False,
                isolation_level=None,
                timeout=BUSY_TIMEOUT_SECONDS,
            )
        except sqlite3.Error:
            return self._db

    # ---- opening ------------------------------------------------------------------------

    def _connect(self, target: str, uri: bool = False) -> sqlite3.Connection:
        db = sqlite3.connect(
            target,
            check_same_thread=False,
            isolation_level=None,
            timeout=BUSY_TIMEOUT_SECONDS,
            uri=uri,
        )
        try:
            if not uri:
                if db.execute("PRAGMA page_count").fetchone()[0] == 0:
                    # Only a new file: on one in use, setting them writes (and waits for
                    # another newsbrief's write lock). Larger pages hold several compressed
                    # rows of a few kilobytes each, where 4 KB pages held one and left a fifth
                    # empty; pages freed by deletes go back to the disk when asked (PRAGMA
                    # incremental_vacuum), not only by rewriting the file whole.
                    db.execute(f"PRAGMA page_size = {PAGE_SIZE}")
                    db.execute("PRAGMA auto_vacuum = INCREMENTAL")
                db.execute("PRAGMA journal_mode=WAL")
                # A long write grows the log; it is cut back to this once checkpointed.
                db.execute(f"PRAGMA journal_size_limit = {WAL_KEPT_BYTES}")
                db.execute("PRAGMA synchronous=NORMAL")
            found = db.execute("PRAGMA user_version").fetchone()[0]
            if found not in (0, self.version) and not self.keep:
                raise _Outdated(found)
            if not uri and (found != self.version or not self._has_schema(db)):
                # Only a new or changed file is written on opening: a reader must not wait
                # for another newsbrief's long write just to be told the tables are there.
                db.executescript(self.schema)
                db.execute(f"PRAGMA user_version = {int(self.version)}")
            if self.check:
                result = db.execute(self.check).fetchone()
                if result and isinstance(result[0], str) and result[0] != "ok":
                    raise sqlite3.DatabaseError("integrity check failed")
        except BaseException:
            db.close()
            raise
        return db

    def _has_schema(self, db: sqlite3.Connection) -> bool:
        """Whether every table, index and trigger the schema creates is in the file."""
        wanted = set(_CREATED.findall(self.schema))
        present = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
        return wanted <= present

    def _memory(self, why: str) -> sqlite3.Connection:
        """Changes still work for this session; they are lost when it ends."""
        self.notices.append(why)
        self.writable = True
        self.in_memory = True
        return self._connect(":memory:")

    def _open(self) -> sqlite3.Connection:
        if self.path is None:
            return self._connect(":memory:")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            return self._read_only(f"cannot create {self.path.parent} ({exc.strerror or exc})")
        try:
            return self._connect(str(self.path))
        except _Outdated:
            remove_database(self.path)  # made by another version: an upgrade, not a fault
        except sqlite3.OperationalError as exc:
            if "readonly" in str(exc) or "unable to open" in str(exc):
                return self._read_only(f"cannot write {self.path} ({_why(exc)})")
            if stuck := self._discard(exc):
                return self._memory(stuck)
        except sqlite3.DatabaseError as exc:
            if stuck := self._discard(exc):
                return self._memory(stuck)
        try:
            return self._connect(str(self.path))
        except sqlite3.Error as exc:
            return self._memory(
                f"cannot open {self.path} ({_why(exc)}); the {self.label} will not be saved"
            )

    def _discard(self, exc: sqlite3.Error) -> str | None:
        """Move the user's unreadable file aside, or delete an unreadable cache; what went
        wrong when neither can be done (a read-only folder), so this session runs in memory."""
        assert self.path is not None
        if self.keep:
            try:
                aside = move_aside(self.path)
            except OSError as error:
                return (
                    f"{self.path} could not be read ({exc}) nor moved aside ({error.strerror}); "
                    f"the {self.label} will not be saved this session"
                )
            self.notices.append(
                f"the {self.label} file {self.path} could not be read ({exc}); it was moved to "
                f"{aside} and a fresh one started"
            )
        else:
            self.notices.append(f"the {self.label} could not be read ({exc}); rebuilding it")
            remove_database(self.path)
        return None

    def _read_only(self, why: str) -> sqlite3.Connection:
        """Serve what the file holds without writing it, or start empty in memory."""
        assert self.path is not None
        self.writable = False
        if self.path.exists():
            try:
                db = self._connect(f"{self.path.resolve().as_uri()}?immutable=1", uri=True)
                self.notices.append(f"{why}; the {self.label} is read-only and will not be saved")
                return db
            except sqlite3.Error:
                pass
        return self._memory(f"{why}; the {self.label} will not be saved this session")

    # ---- use ----------------------------------------------------------------------------

    def _reading(self) -> tuple[sqlite3.Connection, Any]:
        if self._reader is self._db:
            return self._db, self._lock
        return self._reader, self._read_lock

    def read(self, sql: str, params: Iterable[Any] = ()) -> list[tuple[Any, ...]]:
        connection, lock = self._reading()
        with lock:
            return connection.execute(sql, tuple(params)).fetchall()

    def read_one(self, sql: str, params: Iterable[Any] = ()) -> tuple[Any, ...] | None:
        connection, lock = self._reading()
        with lock:
            row: tuple[Any, ...] | None = connection.execute(sql, tuple(params)).fetchone()
            return row

    def write(self, sql: str, params: Iterable[Any] = ()) -> None:
        with self.transaction() as db:
            db.execute(sql, tuple(params))

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One atomic change: everything inside commits together or not at all. A failure to
        write raises StorageError naming the cause, never SQLite's "cannot rollback"."""
        with self._lock:
            if not self.writable:
                raise StorageError(f"the {self.label} is read-only this session")
            try:
                self._begin()
                yield self._db
                self._db.execute("COMMIT")
            except BaseException as exc:
                if self._db.in_transaction:
                    with suppress(sqlite3.Error):
                        self._db.execute("ROLLBACK")
                if isinstance(exc, sqlite3.OperationalError):
                    raise StorageError(f"cannot write the {self.label}: {_why(exc)}") from None
                raise

    def _begin(self) -> None:
        """Take the write lock; when another newsbrief holds it (a refresh from cron beside
        the reader), say what is waited for after a second, and give up after the timeout
        with a StorageError, which every caller already answers from what is committed."""
        try:
            self._db.execute(f"PRAGMA busy_timeout = {int(QUIET_WAIT_SECONDS * 1000)}")
            try:
                self._db.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) and "busy" not in str(exc):
                    raise
            if waiting is not None:
                waiting(f"waiting for another newsbrief to finish writing the {self.label}")
            self._db.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_SECONDS * 1000)}")
            try:
                self._db.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as exc:
                raise StorageError(
                    f"the {self.label} is locked by another newsbrief ({_why(exc)})"
                ) from None
        finally:
            self._db.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_SECONDS * 1000)}")

    def release_free_pages(self) -> None:
        """Hand the pages deletes left free back to the disk (files made with auto_vacuum;
        best effort: a busy or read-only file keeps them for its next writes)."""
        with self._lock:
            if not self.writable:
                return
            try:
                # Not worth waiting for another newsbrief's write: the pages keep till later.
                self._db.execute("PRAGMA busy_timeout = 100")
                with suppress(sqlite3.Error):
                    # A script runs the pragma to the end: one step of it frees one page.
                    self._db.executescript("PRAGMA incremental_vacuum;")
            finally:
                self._db.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_SECONDS * 1000)}")

    def close(self) -> None:
        with self._lock:
            if self._reader is not self._db:
                with self._read_lock:
                    self._reader.close()
            self._db.close()
