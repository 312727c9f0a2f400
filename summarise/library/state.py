"""The user's reading state: read marks, bookmarks, settings, what `brief --new` has told, and
the people and searches followed, in SQLite.

Every change is its own committed transaction in WAL mode, so a crash or kill -9 loses at most
the change in flight. A file that cannot be read is moved aside, never deleted (see sqlite.py),
and a folder that cannot be written keeps the state in memory with one warning.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from summarise.errors import Closing
from summarise.library.paths import data_dir
from summarise.library.sqlite import Database, StorageError

SCHEMA_VERSION = 1
_SCHEMA = """
CREATE TABLE IF NOT EXISTS read_marks (article_id TEXT PRIMARY KEY, read_at REAL NOT NULL);
CREATE TABLE IF NOT EXISTS bookmarks (article_id TEXT PRIMARY KEY, added_at REAL NOT NULL);
CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS told (article_id TEXT PRIMARY KEY, told_at REAL NOT NULL);
CREATE TABLE IF NOT EXISTS follows (
    name TEXT PRIMARY KEY, kind TEXT NOT NULL, added_at REAL NOT NULL
);
"""
# The state is small, so a full check on opening costs nothing and finds damage early.
_CHECK = "PRAGMA quick_check"


class Setting(StrEnum):
    """Every setting the reader keeps, with its default in DEFAULTS."""

    THEME = "theme"
    SORT = "sort"
    SUMMARY_METHOD = "summary_method"
    SUMMARY_SENTENCES = "summary_sentences"
    HIGHLIGHTING = "highlighting"
    LAST_ARTICLE = "last_article"
    LAST_SCROLL = "last_scroll"
    SEARCH_HISTORY = "search_history"
    UNREAD_ONLY = "unread_only"
    AUTO_REFRESH = "auto_refresh"  # minutes between feed refreshes while the reader is open


DEFAULTS: dict[Setting, Any] = {
    Setting.THEME: None,
    Setting.SORT: "date",
    Setting.SUMMARY_METHOD: None,  # the summariser's own default
    Setting.SUMMARY_SENTENCES: None,  # the summariser's length rule
    Setting.HIGHLIGHTING: True,
    Setting.LAST_ARTICLE: None,
    Setting.LAST_SCROLL: 0.0,
    Setting.SEARCH_HISTORY: [],
    Setting.UNREAD_ONLY: False,
    Setting.AUTO_REFRESH: 0,
}

# What each setting must be when it is not its default; anything else read back (an older
# version's value, a hand edit) counts as unset.
_TYPES: dict[Setting, tuple[type, ...]] = {
    Setting.THEME: (str,),
    Setting.SORT: (str,),
    Setting.SUMMARY_METHOD: (str,),
    Setting.SUMMARY_SENTENCES: (int,),
    Setting.HIGHLIGHTING: (bool,),
    Setting.LAST_ARTICLE: (str,),
    Setting.LAST_SCROLL: (int, float),
    Setting.SEARCH_HISTORY: (list,),
    Setting.UNREAD_ONLY: (bool,),
    Setting.AUTO_REFRESH: (int,),
}


FOLLOW_KINDS = ("name", "query")


@dataclass(frozen=True, slots=True)
class Followed:
    """A person or organisation ("name"), or a search ("query"), followed like a feed."""

    name: str
    kind: str


class StateStore(Closing):
    """The user's reading state. Safe to call from any thread; writes are serialised."""

    def __init__(self, path: Path | None) -> None:
        """Open (or create) the state at `path`; None keeps it in memory only."""
        self.path = path
        self._db = Database(
            path, _SCHEMA, SCHEMA_VERSION, keep=True, label="reading state", check=_CHECK
        )
        self.warnings = self._db.notices

    @classmethod
    def open_default(cls) -> StateStore:
        return cls(data_dir() / "state.db")

    def _write(self, sql: str, params: tuple[Any, ...]) -> None:
        try:
            self._db.write(sql, params)
        except StorageError as exc:
            self._not_saved(exc)

    def _not_saved(self, exc: StorageError) -> None:
        # The change still holds in this session (the reader keeps its own sets); say once
        # that it will not outlive it.
        message = f"{exc}; changes will not be saved"
        if message not in self.warnings:
            self.warnings.append(message)

    def read_ids(self) -> set[str]:
        return {row[0] for row in self._db.read("SELECT article_id FROM read_marks")}

    def set_read(self, article_id: str, read: bool = True) -> None:
        self.set_mark([article_id], "read", read)

    def set_mark(self, article_ids: list[str], mark: str, on: bool) -> None:
        """Set or clear the "read" or "bookmark" mark of many articles in one transaction
        (mark all read)."""
        table = {"read": "read_marks", "bookmark": "bookmarks"}[mark]
        now = time.time()
        try:
            with self._db.transaction() as db:
                if on:
                    db.executemany(
                        f"INSERT OR IGNORE INTO {table} VALUES (?, ?)",
                        [(i, now) for i in article_ids],
                    )
                else:
                    db.executemany(
                        f"DELETE FROM {table} WHERE article_id = ?", [(i,) for i in article_ids]
                    )
        except StorageError as exc:
            self._not_saved(exc)

    def told_ids(self) -> set[str]:
        """Articles an earlier `brief --new` briefed: the next one starts after them."""
        return {row[0] for row in self._db.read("SELECT article_id FROM told")}

    def add_told(self, article_ids: list[str]) -> None:
        now = time.time()
        try:
            with self._db.transaction() as db:
                db.executemany(
                    "INSERT OR IGNORE INTO told VALUES (?, ?)", [(i, now) for i in article_ids]
                )
        except StorageError as exc:
            self._not_saved(exc)

    def last_told(self) -> float | None:
        rows = self._db.read("SELECT MAX(told_at) FROM told")
        return float(rows[0][0]) if rows and rows[0][0] is not None else None

    def follows(self) -> list[Followed]:
        """What the user follows, in the order they followed it."""
        rows = self._db.read("SELECT name, kind FROM follows ORDER BY added_at, name")
        return [Followed(str(name), str(kind)) for name, kind in rows if kind in FOLLOW_KINDS]

    def follow(self, name: str, kind: str) -> bool:
        """Follow a name or a search; False when it was already followed."""
        if kind not in FOLLOW_KINDS:
            raise ValueError(kind)
        if any(f.name == name for f in self.follows()):
            return False
        self._write("INSERT OR REPLACE INTO follows VALUES (?, ?, ?)", (name, kind, time.time()))
        return True

    def unfollow(self, name: str) -> bool:
        """Stop following; False when nothing of that name was followed."""
        if not any(f.name == name for f in self.follows()):
            return False
        self._write("DELETE FROM follows WHERE name = ?", (name,))
        return True

    def bookmark_ids(self) -> set[str]:
        return {row[0] for row in self._db.read("SELECT article_id FROM bookmarks")}

    def set_bookmark(self, article_id: str, marked: bool = True) -> None:
        self.set_mark([article_id], "bookmark", marked)

    def get(self, setting: Setting) -> Any:
        rows = self._db.read("SELECT value FROM settings WHERE key = ?", (setting.value,))
        default = DEFAULTS[setting]
        if not rows:
            return default
        try:
            value = json.loads(rows[0][0])
        except ValueError:
            return default
        wanted = _TYPES[setting]
        # bool is an int to Python; a stored true is not a sentence count.
        if not isinstance(value, wanted) or (isinstance(value, bool) and bool not in wanted):
            return default
        return value

    def set(self, setting: Setting, value: Any) -> None:
        self._write(
            "INSERT INTO settings (key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (setting.value, json.dumps(value)),
        )

    def close(self) -> None:
        self._db.close()
