"""Where newsbrief keeps things, and the user's reading state in SQLite.

Read marks, bookmarks and settings live in one SQLite file under the platform's user data
folder (NEWSBRIEF_DATA_DIR overrides it; the tests use that). Every change is its own committed
transaction in WAL mode, so a crash or kill -9 loses at most the change in flight and never
corrupts the file. A file that is corrupt or unreadable anyway is moved aside, never deleted,
and a fresh one started; the warning says where the old one went.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

APP_NAME = "newsbrief"


def data_dir() -> Path:
    override = os.environ.get("NEWSBRIEF_DATA_DIR")
    if override:
        return Path(override).expanduser()
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def cache_dir() -> Path:
    override = os.environ.get("NEWSBRIEF_CACHE_DIR")
    if override:
        return Path(override).expanduser()
    from platformdirs import user_cache_path

    return user_cache_path(APP_NAME, appauthor=False)


def connect(path: Path | None) -> sqlite3.Connection:
    """A connection as newsbrief uses SQLite everywhere: autocommit unless a transaction is
    opened, WAL so readers never block the writer, usable from worker threads (callers lock)."""
    target = ":memory:" if path is None else str(path)
    db = sqlite3.connect(target, check_same_thread=False, isolation_level=None, timeout=5)
    db.execute("PRAGMA journal_mode=WAL")
    return db


def remove_database(path: Path) -> None:
    """Delete a database with its WAL files (caches only: state is moved aside, never deleted)."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


# Caches unused this long are dropped: a library not opened for three months costs one
# rebuild if it comes back, and a user's cache folder never grows without bound.
CACHE_MAX_IDLE_SECONDS = 90 * 24 * 3600


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


def open_cache(
    path: Path | None, connect_fn: Callable[[], sqlite3.Connection]
) -> tuple[sqlite3.Connection, str | None]:
    """Open a cache database; one SQLite cannot read is deleted (it holds nothing that cannot
    be computed again) and created anew. Returns the connection and, if that happened, why."""
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
    try:
        return connect_fn(), None
    except sqlite3.DatabaseError as exc:
        if path is not None:
            remove_database(path)
        return connect_fn(), str(exc)


_SCHEMA = """
CREATE TABLE IF NOT EXISTS read_marks (article_id TEXT PRIMARY KEY, read_at REAL NOT NULL);
CREATE TABLE IF NOT EXISTS bookmarks (article_id TEXT PRIMARY KEY, added_at REAL NOT NULL);
CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


class StateStore:
    """The user's reading state. Safe to call from any thread; writes are serialised."""

    def __init__(self, path: Path | None) -> None:
        """Open (or create) the state at `path`; None keeps it in memory only."""
        self.path = path
        self.warnings: list[str] = []
        self._lock = threading.Lock()
        self._db = self._open()

    @classmethod
    def open_default(cls) -> StateStore:
        return cls(data_dir() / "state.db")

    def _connect(self, target: str) -> sqlite3.Connection:
        db = connect(None if target == ":memory:" else Path(target))
        db.execute("PRAGMA synchronous=NORMAL")
        if db.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            db.close()
            raise sqlite3.DatabaseError("integrity check failed")
        db.executescript(_SCHEMA)
        return db

    def _open(self) -> sqlite3.Connection:
        if self.path is None:
            return self._connect(":memory:")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            self.warnings.append(
                f"cannot create {self.path.parent} ({exc.strerror}); read marks and "
                "bookmarks will not be saved this session"
            )
            return self._connect(":memory:")
        try:
            return self._connect(str(self.path))
        except sqlite3.DatabaseError as exc:
            aside = self._move_aside()
            self.warnings.append(
                f"the state file {self.path} could not be read ({exc}); it was moved to "
                f"{aside} and a fresh one started"
            )
        try:
            return self._connect(str(self.path))
        except sqlite3.DatabaseError as exc:
            self.warnings.append(f"cannot write {self.path} ({exc}); state kept in memory only")
            return self._connect(":memory:")

    def _move_aside(self) -> Path:
        assert self.path is not None
        stamp = time.strftime("%Y%m%d-%H%M%S")
        aside = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
        for suffix in ("", "-wal", "-shm"):
            source = Path(f"{self.path}{suffix}")
            if source.exists():
                source.replace(Path(f"{aside}{suffix}"))
        return aside

    def _write(self, sql: str, params: Iterable[Any] = ()) -> None:
        with self._lock:
            self._db.execute(sql, tuple(params))

    def _read(self, sql: str, params: Iterable[Any] = ()) -> list[tuple[Any, ...]]:
        with self._lock:
            return self._db.execute(sql, tuple(params)).fetchall()

    def read_ids(self) -> set[str]:
        return {row[0] for row in self._read("SELECT article_id FROM read_marks")}

    def set_read(self, article_id: str, read: bool = True) -> None:
        if read:
            self._write(
                "INSERT OR IGNORE INTO read_marks (article_id, read_at) VALUES (?, ?)",
                (article_id, time.time()),
            )
        else:
            self._write("DELETE FROM read_marks WHERE article_id = ?", (article_id,))

    def bookmark_ids(self) -> set[str]:
        return {row[0] for row in self._read("SELECT article_id FROM bookmarks")}

    def set_bookmark(self, article_id: str, marked: bool = True) -> None:
        if marked:
            self._write(
                "INSERT OR IGNORE INTO bookmarks (article_id, added_at) VALUES (?, ?)",
                (article_id, time.time()),
            )
        else:
            self._write("DELETE FROM bookmarks WHERE article_id = ?", (article_id,))

    def get_setting(self, key: str, default: Any = None) -> Any:
        rows = self._read("SELECT value FROM settings WHERE key = ?", (key,))
        if not rows:
            return default
        try:
            return json.loads(rows[0][0])
        except ValueError:
            return default

    def set_setting(self, key: str, value: Any) -> None:
        self._write(
            "INSERT INTO settings (key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, json.dumps(value)),
        )

    def close(self) -> None:
        with self._lock:
            self._db.close()
