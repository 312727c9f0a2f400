"""Subscriptions: the feeds a user follows, kept in SQLite in their data folder.

Each feed saves its articles into a folder of its own inside the user's library, so an article's
feed is the folder it is in and the library stays plain files. The store also remembers, per
feed, what a conditional GET needs (ETag, Last-Modified), when the server asked us to come back,
the last error and how many refreshes in a row failed; and, per entry, which file holds it, so
an entry is saved once however many times (or from however many feeds) it is seen.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

from summarise.errors import AskedAmiss, Closing
from summarise.feeds.full_text import FullText as FullText
from summarise.feeds.saving import slug
from summarise.library.paths import data_dir, user_library_path
from summarise.library.sqlite import Database, StorageError
from summarise.library.urls import canonical_url
from summarise.untrusted import printable

SCHEMA_VERSION = 1
_SCHEMA = """
CREATE TABLE IF NOT EXISTS feeds (
    id INTEGER PRIMARY KEY, url TEXT NOT NULL UNIQUE, title TEXT, full_text TEXT NOT NULL,
    folder TEXT NOT NULL UNIQUE, added REAL NOT NULL, etag TEXT, last_modified TEXT,
    last_refresh REAL, last_success REAL, last_error TEXT, failures INTEGER NOT NULL DEFAULT 0,
    retry_at REAL
);
CREATE TABLE IF NOT EXISTS entries (
    feed_id INTEGER NOT NULL, key TEXT NOT NULL, file TEXT NOT NULL, url TEXT,
    full INTEGER NOT NULL, saved REAL NOT NULL, PRIMARY KEY (feed_id, key)
);
CREATE INDEX IF NOT EXISTS entries_by_key ON entries (key);
"""
# A feed whose last refreshes all failed, this many in a row, is shown as failing.
FAILING_AFTER = 3


@dataclass(frozen=True, slots=True)
class Feed:
    id: int
    url: str
    title: str | None
    full_text: FullText
    folder: Path
    added: float
    etag: str | None = None
    last_modified: str | None = None
    last_refresh: float | None = None
    last_success: float | None = None
    last_error: str | None = None
    failures: int = 0
    retry_at: float | None = None

    @property
    def name(self) -> str:
        """How the feed is shown: its title comes from the server, so it is made printable."""
        return printable(self.title or self.url)

    @property
    def failing(self) -> bool:
        return self.failures >= FAILING_AFTER

    def to_dict(self) -> dict[str, object]:
        data = asdict(self)
        data["full_text"] = self.full_text.value
        data["folder"] = str(self.folder)
        data["failing"] = self.failing
        for key in ("etag", "last_modified"):
            del data[key]
        return data


_COLUMNS = (
    "id, url, title, full_text, folder, added, etag, last_modified, last_refresh, "
    "last_success, last_error, failures, retry_at"
)


def _feed(row: tuple[object, ...]) -> Feed:
    values = list(row)
    mode = str(values[3])
    values[3] = FullText(mode) if mode in FullText._value2member_map_ else FullText.AUTO
    values[4] = Path(str(values[4]))
    # Both came from a server; a store written by an older version may hold them raw.
    for column in (2, 10):  # title, last_error
        if values[column] is not None:
            values[column] = printable(values[column])
    return Feed(*values)  # type: ignore[arg-type]


class FeedError(AskedAmiss, ValueError):
    """A subscription that cannot be added or found, in words for the user."""


class Subscriptions(Closing):
    """The feeds a user follows. Safe to use from any thread."""

    def __init__(self, path: Path | None, library: Path) -> None:
        """`path`: the SQLite file (None: in memory); `library`: where feed folders go."""
        self.library = library
        self._db = Database(path, _SCHEMA, SCHEMA_VERSION, keep=True, label="subscriptions")
        self.notices = self._db.notices

    @classmethod
    def open_default(cls) -> Subscriptions:
        return cls(data_dir() / "feeds.db", user_library_path())

    def close(self) -> None:
        self._db.close()

    # ---- the feeds --------------------------------------------------------------------

    def all(self) -> list[Feed]:
        return [_feed(r) for r in self._db.read(f"SELECT {_COLUMNS} FROM feeds ORDER BY id")]

    def get(self, feed_id: int) -> Feed | None:
        row = self._db.read_one(f"SELECT {_COLUMNS} FROM feeds WHERE id = ?", (feed_id,))
        return _feed(row) if row else None

    def find(self, ref: str) -> Feed:
        """A feed by its number in `feeds list` or its URL."""
        ref = ref.strip()
        if ref.isdigit() and (feed := self.get(int(ref))):
            return feed
        wanted = canonical_url(ref)
        for feed in self.all():
            if feed.url == ref or canonical_url(feed.url) == wanted:
                return feed
        raise FeedError(f"no subscription {ref!r} (see newsbrief feeds list)")

    def add(self, url: str, full_text: FullText = FullText.AUTO, title: str | None = None) -> Feed:
        """Subscribe to `url`; a feed already followed is returned as it is."""
        url = url.strip()
        if not url.lower().startswith(("http://", "https://")):
            raise FeedError(f"not a web address: {url!r} (feeds are http:// or https://)")
        try:
            return self.find(url)
        except FeedError:
            pass
        folder = self._new_folder(url)
        try:
            self._db.write(
                "INSERT INTO feeds (url, title, full_text, folder, added) VALUES (?, ?, ?, ?, ?)",
                (url, title and printable(title), full_text.value, str(folder), time.time()),
            )
        except (StorageError, sqlite3.IntegrityError) as exc:
            raise FeedError(f"cannot save the subscription: {exc}") from None
        return self.find(url)

    def _new_folder(self, url: str) -> Path:
        name = slug(canonical_url(url).split("://", 1)[-1], 50)
        taken = {Path(str(r[0])).name for r in self._db.read("SELECT folder FROM feeds")}
        candidate, n = name, 1
        while candidate in taken or (self.library / candidate).is_file():
            n += 1
            candidate = f"{name}-{n}"
        return self.library / candidate

    def remove(self, feed: Feed) -> None:
        """Forget the feed; the articles it saved stay in its folder."""
        with self._db.transaction() as db:
            db.execute("DELETE FROM entries WHERE feed_id = ?", (feed.id,))
            db.execute("DELETE FROM feeds WHERE id = ?", (feed.id,))

    def set_title(self, feed: Feed, title: str) -> None:
        title = printable(title)
        if title and title != feed.title:
            self._db.write("UPDATE feeds SET title = ? WHERE id = ?", (title, feed.id))

    def refreshed(
        self, feed: Feed, *, etag: str | None, last_modified: str | None, now: float
    ) -> None:
        """The feed answered (new entries or 304): remember what the next GET sends."""
        self._db.write(
            "UPDATE feeds SET etag = ?, last_modified = ?, last_refresh = ?, last_success = ?, "
            "last_error = NULL, failures = 0, retry_at = NULL WHERE id = ?",
            (etag, last_modified, now, now, feed.id),
        )

    def failed(self, feed: Feed, error: str, *, retry_at: float | None, now: float) -> None:
        self._db.write(
            "UPDATE feeds SET last_refresh = ?, last_error = ?, failures = failures + 1, "
            "retry_at = ? WHERE id = ?",
            (now, printable(error), retry_at, feed.id),
        )

    # ---- entries ------------------------------------------------------------------------

    def known(self, key: str) -> bool:
        """Whether an entry with this key was saved before, by any feed. One whose file the
        user has since deleted stays known: deleting an article must not bring it back."""
        return self._db.read_one("SELECT 1 FROM entries WHERE key = ?", (key,)) is not None

    def record_entry(
        self, feed: Feed, key: str, file: Path, url: str | None, full: bool, now: float
    ) -> None:
        """Called after the entry's file is safely on disk, so the record never names a file
        that is not there (a crash in between leaves a file the next refresh adopts)."""
        self._db.write(
            "INSERT INTO entries (feed_id, key, file, url, full, saved) VALUES (?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (feed_id, key) DO UPDATE SET file = excluded.file, url = excluded.url, "
            "full = excluded.full",
            (feed.id, key, str(file), url, int(full), now),
        )


@dataclass(frozen=True, slots=True)
class FeedCount:
    articles: int = 0
    unread: int = 0


def feed_counts(
    feeds: list[Feed], locations: Iterable[tuple[str, str | None]], read: set[str]
) -> dict[int, FeedCount]:
    """Articles and unread articles per feed, from the library's (id, file) pairs: an article
    belongs to the feed whose folder holds its file."""
    by_folder = {str(feed.folder): feed.id for feed in feeds}
    articles: dict[int, int] = dict.fromkeys(by_folder.values(), 0)
    unread = dict(articles)
    for article_id, location in locations:
        if location is None:
            continue
        feed_id = by_folder.get(os.path.dirname(location))
        if feed_id is not None:
            articles[feed_id] += 1
            unread[feed_id] += article_id not in read
    return {i: FeedCount(articles[i], unread[i]) for i in articles}
