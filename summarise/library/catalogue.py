"""The catalogue: every article of a library, parsed once and kept in SQLite.

Opening a library walks its folders with `stat` alone; a file is parsed only when it is new or
its size or modification time changed, and files that are gone are dropped. What the readers
made of each file (its articles, or why it could not be read) is stored, so listing 100,000
articles reads rows instead of files. Parsing runs in worker processes (pool.py), each file with
a time budget. A change log lets the search index catch up without looking at every article.

One catalogue per library (set of folders), in the cache folder; one SQLite cannot read is
rebuilt with a notice, and one unused for 90 days is deleted.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from summarise.article import Article, listing_fields
from summarise.errors import Closing
from summarise.library.copies import Held, find_copies, signature
from summarise.library.packing import pack, unpack
from summarise.library.paths import cache_dir
from summarise.library.sqlite import Changes, Database, StorageError, chunks, prune_idle_files
from summarise.readers import SUFFIXES, ArticleError, LoadProblem, read_file
from summarise.readers.folders import FolderWalk, Stalled, Stamp, stall_notice, within

# Bump when the readers change what they make of a file: every file is parsed again.
CATALOGUE_VERSION = 11
# Tags are stored joined by the unit separator, which cleaned text never holds.
TAG_SEPARATOR = "\x1f"
# Files parsed between commits: a crash loses at most this much work.
WRITE_BATCH = 500
# The change log keeps this many entries; an index further behind looks at every article.
CHANGE_LOG_SIZE = 200_000

_SCHEMA = """
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime INTEGER NOT NULL,
    error TEXT, problems TEXT
);
CREATE TABLE IF NOT EXISTS articles (
    path TEXT NOT NULL, ordinal INTEGER NOT NULL, article_id TEXT NOT NULL,
    title TEXT NOT NULL, source TEXT, date TEXT, byline TEXT, tags TEXT NOT NULL,
    words INTEGER NOT NULL, url TEXT, data BLOB NOT NULL, signature BLOB NOT NULL,
    PRIMARY KEY (path, ordinal)
);
CREATE TABLE IF NOT EXISTS copies (article_id TEXT PRIMARY KEY, stands_for TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS facts (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS folders (path TEXT PRIMARY KEY, mtime INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS articles_by_id ON articles (article_id);
CREATE INDEX IF NOT EXISTS articles_by_date ON articles (date);
CREATE INDEX IF NOT EXISTS files_with_problems ON files (path)
    WHERE error IS NOT NULL OR problems != '[]';
CREATE TABLE IF NOT EXISTS changes (
    seq INTEGER PRIMARY KEY AUTOINCREMENT, article_id TEXT NOT NULL, added INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS dropped (
    seq INTEGER PRIMARY KEY, article_id TEXT NOT NULL, data BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS dropped_by_id ON dropped (article_id);
"""
# `dropped` keeps the text of articles taken out of the library (by their change's seq) until
# the search index has caught up: its full-text table keeps no text of its own, and forgets a
# row only when told exactly what the row held.

# Every command asks for the files that could not be read: through files_with_problems (its
# WHERE is the index's, word for word), not a scan of every file's row (0.2 s at a million).
PROBLEM_FILES = (
    "SELECT path, error, problems FROM files "
    "WHERE error IS NOT NULL OR problems != '[]' ORDER BY path"
)

# Entries read at a time when listing: a page takes a few milliseconds.
ENTRIES_PAGE = 2000


@dataclass(slots=True)  # not frozen: a frozen init costs a tenth of a second per 100,000
class Entry:
    """An article as a list shows it: everything but its text."""

    id: str
    location: str | None  # its file; a str, since making 100,000 Paths takes a quarter second
    title: str
    source: str | None
    date: str | None
    byline: str | None
    tags: tuple[str, ...]
    word_count: int
    url: str | None = None
    copies: tuple[str, ...] = ()  # other articles with the same story, shown as this one

    @property
    def path(self) -> Path | None:
        return Path(self.location) if self.location else None

    def summary_dict(self) -> dict[str, object]:
        """The fields `newsbrief list --json` prints, and the other copies of the story."""
        fields = listing_fields(
            self.id, self.title, self.source, self.date, self.word_count, self.location, self.url
        )
        fields["copies"] = list(self.copies)
        return fields


# One article as the catalogue stores it: id, title, source, date, byline, tags, words, url, the
# packed Article (packing.py), and its text's signature (copies.py).
Row = tuple[str, str, str | None, str | None, str | None, str, int, str | None, bytes, bytes]


@dataclass(frozen=True, slots=True)
class ParsedFile:
    rows: list[Row]
    problems: list[str]
    error: str | None


def _row(article: Article) -> Row:
    return (
        article.id,
        article.title,
        article.source,
        article.date,
        article.byline,
        TAG_SEPARATOR.join(article.tags),
        article.word_count,
        article.url,
        pack(article),
        signature(article.body_text),
    )


def parse_file(path: str) -> ParsedFile:
    """What the readers make of one file, ready to store: a pure function of the file, run in
    worker processes (which also do the pickling, so the parent only writes rows)."""
    try:
        parsed = read_file(Path(path))
    except ArticleError as exc:
        return ParsedFile([], [], exc.reason)
    return ParsedFile([_row(a) for a in parsed.articles], parsed.problems, None)


def catalogue_path_for(roots: Iterable[Path]) -> Path:
    key = "\n".join(sorted(str(Path(r).resolve()) for r in roots))
    return cache_dir() / f"catalogue-{hashlib.sha256(key.encode()).hexdigest()[:16]}.db"


class Catalogue(Closing):
    def __init__(
        self, path: Path | None, roots: Sequence[Path], *, follow_links: bool = False
    ) -> None:
        self.path = path
        self.roots = [Path(r).resolve() for r in roots]
        self.follow_links = follow_links
        self._db = Database(path, _SCHEMA, CATALOGUE_VERSION, label="catalogue")
        self.notices = self._db.notices

    @classmethod
    def for_library(cls, roots: Sequence[Path], *, follow_links: bool = False) -> Catalogue:
        path = catalogue_path_for(roots)
        catalogue = cls(path, roots, follow_links=follow_links)
        # The file's time says when its library was last opened; others long idle are dropped.
        with contextlib.suppress(OSError):
            os.utime(path)
            prune_idle_files(path.parent, "catalogue-*.db", keep=path)
        return catalogue

    # ---- keeping it in step with the disk ---------------------------------------------------

    def refresh(
        self,
        jobs: int | None = None,
        progress: Callable[[int, int], None] | None = None,
        budget: float | None = None,
        quick: bool = False,
    ) -> Changes:
        """Parse what is new or changed on disk, drop what is gone.

        `quick`: trust the folders whose modification time is unchanged since the last look
        (a file added, removed or renamed changes its folder's time) and list again only the
        folders that changed, so an unchanged library of 100,000 files costs a stat per folder,
        not per file. A file rewritten in place in an unchanged folder is found by the next
        full refresh (the reader's update process; `check_in_background` for the CLI). A file
        that takes longer than `budget` (pool.py's per-item budget unless given) to parse is
        skipped and reported."""
        report = Changes(notices=self.notices)
        walks = [FolderWalk(root, SUFFIXES, self.follow_links) for root in self.roots]
        folders = self._changed_folders(report) if quick and not self.follow_links else None
        if folders is not None and not folders[1] and not folders[2]:
            return report  # no folder changed: nothing to read, nothing to write
        known = {
            path: (size, mtime)
            for path, size, mtime in self._db.read("SELECT path, size, mtime FROM files")
        }
        looked = None
        if folders is not None:
            looked = self._look_quickly(walks[0], known, *folders, report=report)
        partial = False
        if looked is None:
            on_disk = {path: (size, mtime) for walk in walks for path, size, mtime in walk}
            report.notices += [said for walk in walks for said in walk.notices()]
            vanished: list[str] = []
            partial = any(walk.stalled for walk in walks)
            if partial:  # a file not listed is not gone: it stays as it was
                listed = set().union(*(set(walk.listed) for walk in walks))
                for path, stamp in known.items():
                    if path not in on_disk and os.path.dirname(path) not in listed:
                        on_disk[path] = stamp
        else:
            on_disk, vanished = looked
        changed = sorted(p for p, stamp in on_disk.items() if known.get(p) != stamp)
        gone = [p for p in known if p not in on_disk]
        report.kept = len(on_disk) - len(changed)
        # Imported here: a command that finds its library unchanged starts no workers.
        from summarise.library.pool import ITEM_BUDGET_SECONDS, Failure, process_map

        try:
            batch: list[tuple[str, ParsedFile]] = []
            limit = ITEM_BUDGET_SECONDS if budget is None else budget
            for outcome in process_map(parse_file, changed, jobs, limit, progress):
                result = outcome.result
                if isinstance(result, Failure):
                    result = ParsedFile([], [], result.reason)
                batch.append((outcome.item, result))
                if len(batch) >= WRITE_BATCH:
                    self._store(batch, on_disk)
                    batch = []
            self._store(batch, on_disk)
            self._forget(gone)
            self._keep_folders(walks, full=looked is None and not partial, vanished=vanished)
        except StorageError as exc:
            # A read-only or full cache: what is stored still serves, and nothing is damaged.
            report.notices.append(f"{exc}; the library is read from disk this time")
            return self._refresh_in_memory(report, changed, gone)
        report.added, report.removed = len(changed), len(gone)
        return report

    def _changed_folders(
        self, report: Changes
    ) -> tuple[dict[str, int], list[str], list[str]] | None:
        """The stored folders with their times, those whose time changed, and those gone;
        None when a full walk is needed (never walked, or a root not a stored folder). Past a
        folder that stops answering, the rest are taken as unchanged (and it is said)."""
        folders = dict(self._db.read("SELECT path, mtime FROM folders"))
        if not folders or any(str(root) not in folders for root in self.roots):
            return None
        changed: list[str] = []
        vanished: list[str] = []
        at = [""]

        def look() -> None:
            for folder, mtime in folders.items():
                at[0] = folder
                try:
                    if os.stat(folder).st_mtime_ns != mtime:
                        changed.append(folder)
                except OSError:
                    vanished.append(folder)

        try:
            within(look)
        except Stalled:
            report.notices.append(stall_notice(at[0]))
            return folders, list(changed), list(vanished)
        return folders, changed, vanished

    def _look_quickly(
        self,
        walk: FolderWalk,
        known: dict[str, tuple[int, int]],
        folders: dict[str, int],
        changed: list[str],
        vanished: list[str],
        *,
        report: Changes,
    ) -> tuple[dict[str, tuple[int, int]], list[str]]:
        """The files on disk as the stored folder times allow (see refresh), and the folders
        gone: the changed folders listed again, every other file as the catalogue has it."""
        relisted = set(changed) | set(vanished)
        on_disk = {p: stamp for p, stamp in known.items() if os.path.dirname(p) not in relisted}
        for number, folder in enumerate(changed):

            def relist(folder: str = folder) -> list[Stamp]:
                files, subfolders = walk.listing(folder)
                new = [sub for sub in subfolders if sub not in folders]
                return files + list(walk.walk(new))

            try:
                stamps = within(relist)
            except OSError:
                vanished.append(folder)
                continue
            except Stalled:  # this folder and those after it stay as they were
                report.notices.append(stall_notice(folder))
                left = set(changed[number:])
                on_disk.update((p, s) for p, s in known.items() if os.path.dirname(p) in left)
                break
            on_disk.update((path, (size, mtime)) for path, size, mtime in stamps)
        return on_disk, vanished

    def _keep_folders(self, walks: list[FolderWalk], *, full: bool, vanished: list[str]) -> None:
        """Remember the folders' times once their files are stored (a crash before this only
        means they are listed again next time)."""
        if not full and not vanished and not any(walk.folders for walk in walks):
            return  # a quick look that found nothing changed writes nothing
        with self._db.transaction() as db:
            if full:
                db.execute("DELETE FROM folders")
                db.execute(
                    "INSERT OR REPLACE INTO facts VALUES ('full_check', ?)", (int(time.time()),)
                )
            db.executemany("DELETE FROM folders WHERE path = ?", [(f,) for f in vanished])
            db.executemany(
                "INSERT OR REPLACE INTO folders VALUES (?, ?)",
                [item for walk in walks for item in walk.stable_folders().items()],
            )

    def last_full_check(self) -> float | None:
        """When every file was last looked at (seconds since the epoch), if ever."""
        row = self._db.read_one("SELECT value FROM facts WHERE key = 'full_check'")
        return float(row[0]) if row else None

    def claim_full_check(self, every: float) -> bool:
        """Whether the caller should start a full check now, noting that it does: none ran
        to its end and none started within `every` seconds. (A check of a million files
        takes minutes; the searches meanwhile must not each start another.)"""
        wanted = "SELECT key, value FROM facts WHERE key IN ('full_check', 'check_started')"

        def due(facts: dict[str, int], now: float) -> bool:
            return all(now - facts.get(key, 0) >= every for key in ("full_check", "check_started"))

        if not due(dict(self._db.read(wanted)), time.time()):
            return False
        try:
            with self._db.transaction() as db:  # once more inside: another may have claimed it
                now = time.time()
                if not due(dict(db.execute(wanted).fetchall()), now):
                    return False
                db.execute("INSERT OR REPLACE INTO facts VALUES ('check_started', ?)", (int(now),))
                return True
        except StorageError:
            return False  # a check could not record its work either

    def _refresh_in_memory(self, report: Changes, changed: list[str], gone: list[str]) -> Changes:
        """Serve this session from a catalogue in memory when the file cannot be written."""
        self._db.close()
        self._db = Database(None, _SCHEMA, CATALOGUE_VERSION, label="catalogue")
        return self.refresh()

    def _store(
        self, parsed: list[tuple[str, ParsedFile]], stamps: dict[str, tuple[int, int]]
    ) -> None:
        if not parsed:
            return
        with self._db.transaction() as db:
            for path, result in parsed:
                self._drop_articles(db, path)
                size, mtime = stamps[path]
                db.execute(
                    "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?)",
                    (path, size, mtime, result.error, json.dumps(result.problems)),
                )
                db.executemany(
                    "INSERT OR REPLACE INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [(path, ordinal, *row) for ordinal, row in enumerate(result.rows)],
                )
                db.executemany(
                    "INSERT INTO changes (article_id, added) VALUES (?, 1)",
                    [(row[0],) for row in result.rows],
                )
            self._trim_log(db)

    def _drop_articles(self, db, path: str) -> None:  # type: ignore[no-untyped-def]
        rows = db.execute(
            "SELECT article_id, data FROM articles WHERE path = ?", (path,)
        ).fetchall()
        for article_id, data in rows:
            seq = db.execute(
                "INSERT INTO changes (article_id, added) VALUES (?, 0)", (article_id,)
            ).lastrowid
            db.execute("INSERT INTO dropped VALUES (?, ?, ?)", (seq, article_id, data))
        db.execute("DELETE FROM articles WHERE path = ?", (path,))

    def _forget(self, paths: list[str]) -> None:
        for chunk in chunks(paths):
            with self._db.transaction() as db:
                for path in chunk:
                    self._drop_articles(db, path)
                    db.execute("DELETE FROM files WHERE path = ?", (path,))
                self._trim_log(db)

    def _trim_log(self, db) -> None:  # type: ignore[no-untyped-def]
        db.execute(
            "DELETE FROM changes WHERE seq <= (SELECT max(seq) FROM changes) - ?",
            (CHANGE_LOG_SIZE,),
        )
        db.execute("DELETE FROM dropped WHERE seq < (SELECT min(seq) FROM changes)")

    # ---- reading --------------------------------------------------------------------------

    def entries(self, where: str = "", parameters: Sequence[object] = ()) -> list[Entry]:
        """Every article once (the same text in two files: the first path), in path order;
        `where` narrows them (an SQL condition on the articles table)."""
        seen: set[str] = set()
        found: list[Entry] = []
        for rows in self._entry_rows(where, parameters):
            for article_id, path, title, source, date, byline, tags, words, url, _ in rows:
                if article_id in seen:
                    continue
                seen.add(article_id)
                found.append(
                    Entry(
                        article_id,
                        path,
                        title,
                        source,
                        date,
                        byline,
                        tuple(tags.split(TAG_SEPARATOR)) if tags else (),
                        words,
                        url,
                    )
                )
        return found

    def _entry_rows(
        self, where: str, parameters: Sequence[object]
    ) -> Iterator[list[tuple[Any, ...]]]:
        """The rows entries() needs, in path order, a page at a time."""
        columns = "article_id, path, title, source, date, byline, tags, words, url, ordinal"
        if where:
            # One query, sorted here: asked to sort, SQLite walks every row in path order
            # rather than the few the condition's index finds.
            rows = self._db.read(f"SELECT {columns} FROM articles WHERE {where}", parameters)
            rows.sort(key=lambda row: (row[1], row[-1]))
            yield rows
            return
        # The whole library in pages, each from where the last ended: between them the
        # connection is free, so the reader opening an article does not wait for 100,000
        # entries.
        after: tuple[str, int] = ("", -1)
        while True:
            rows = self._db.read(
                f"SELECT {columns} FROM articles WHERE (path, ordinal) > (?, ?) "
                "ORDER BY path, ordinal LIMIT ?",
                (*after, ENTRIES_PAGE),
            )
            yield rows
            if len(rows) < ENTRIES_PAGE:
                return
            after = (rows[-1][1], rows[-1][-1])

    def listing(self) -> list[Entry]:
        """The entries as a list shows them: each story once, its copies (copies.py) named by
        the one that stands for them."""
        return self._folded(self.entries())

    def _folded(self, entries: list[Entry]) -> list[Entry]:
        """Entries as listing() shows them: a copy gives way to the one standing for it."""
        copies = self.copies()
        if not copies:
            return entries
        held: dict[str, list[str]] = {}
        for copy, best in copies.items():
            held.setdefault(best, []).append(copy)
        return [
            replace(e, copies=tuple(sorted(held[e.id]))) if e.id in held else e
            for e in entries
            if e.id not in copies
        ]

    def newest(self, count: int) -> list[Entry]:
        """The start of listing() sorted newest first, read by date without the rest: every
        entry dated on or after the `count`th newest date (so a date's articles come whole and
        sort as they do in the full list), copies folded as listing() folds them. Empty when no
        entry is dated."""
        row = self._db.read_one(
            "SELECT date FROM articles WHERE date IS NOT NULL ORDER BY date DESC LIMIT 1 OFFSET ?",
            (max(count, 1) - 1,),
        )
        if row is None:
            return self._folded(self.entries("date IS NOT NULL"))
        return self._folded(self.entries("date >= ?", (row[0],)))

    def recent(self, day: str, earlier: int) -> list[Entry]:
        """What an update since `day` (an ISO date) needs of listing(), without reading the
        whole library: every entry dated on or after it or undated (the new), and at least the
        `earlier` newest dated before it (where their stories' earlier reports are looked for;
        briefing/update.py keeps that many of the known). In listing()'s order, copies folded
        as there."""
        copies = self.copies()
        new = self.entries("date IS NULL OR date >= ?", (day,))
        (older,) = self._db.read_one("SELECT count(*) FROM articles WHERE date < ?", (day,)) or (0,)
        rows = earlier
        while True:  # copies fold away: read further back until `earlier` remain
            old = self.entries(
                "article_id IN (SELECT article_id FROM articles WHERE date < ? "
                "ORDER BY date DESC, article_id DESC LIMIT ?)",
                (day, rows),
            )
            if sum(e.id not in copies for e in old) >= earlier or rows >= older:
                break
            rows *= 2
        # A copy's stand-in is in one of the two already: dated from `day` on, it is new;
        # dated before, it is either among the newest or older than any the update keeps.
        found = {e.id: e for e in (*new, *old)}
        return self._folded(sorted(found.values(), key=lambda e: e.location or ""))

    def copies(self) -> dict[str, str]:
        """copy id -> the id that stands for it; worked out again only after a change."""
        generation = self.generation()
        stored = self._db.read_one("SELECT value FROM facts WHERE key = 'copies'")
        if stored is not None and stored[0] == generation:
            return dict(self._db.read("SELECT article_id, stands_for FROM copies"))
        found = find_copies(
            Held(*row)
            for row in self._db.read("SELECT article_id, url, words, signature FROM articles")
        )
        # A read-only cache works it out each time instead.
        with contextlib.suppress(StorageError), self._db.transaction() as db:
            db.execute("DELETE FROM copies")
            db.executemany("INSERT INTO copies VALUES (?, ?)", found.items())
            db.execute("INSERT OR REPLACE INTO facts VALUES ('copies', ?)", (generation,))
        return found

    def problems(self) -> list[LoadProblem]:
        found = []
        for path, error, problems in self._db.read(PROBLEM_FILES):
            if error:
                found.append(LoadProblem(Path(path), error))
            found += [LoadProblem(Path(path), reason) for reason in json.loads(problems or "[]")]
        return found

    def articles(self, ids: Iterable[str]) -> dict[str, Article]:
        """Full articles by id (those the catalogue has)."""
        found: dict[str, Article] = {}
        for chunk in chunks(list(ids)):
            marks = ",".join("?" * len(chunk))
            for article_id, data in self._db.read(
                f"SELECT article_id, data FROM articles WHERE article_id IN ({marks})", chunk
            ):
                if article_id not in found:
                    found[article_id] = unpack(data)
        return found

    def blobs(self, ids: Iterable[str]) -> dict[str, bytes]:
        """Articles by id as stored (packed), for workers that unpack them themselves."""
        found: dict[str, bytes] = {}
        for chunk in chunks(list(ids)):
            marks = ",".join("?" * len(chunk))
            for article_id, data in self._db.read(
                f"SELECT article_id, data FROM articles WHERE article_id IN ({marks})", chunk
            ):
                found.setdefault(article_id, data)
        return found

    def versions(self, ids: Iterable[str]) -> dict[str, list[Article]]:
        """Every text stored under these ids: in the library's files, and dropped from them
        since the search index last caught up (it forgets an article by what it indexed)."""
        found: dict[str, list[Article]] = {}
        for chunk in chunks(list(ids)):
            marks = ",".join("?" * len(chunk))
            for table in ("articles", "dropped"):
                for article_id, data in self._db.read(
                    f"SELECT article_id, data FROM {table} WHERE article_id IN ({marks})", chunk
                ):
                    found.setdefault(article_id, []).append(unpack(data))
        return found

    def release_dropped(self, generation: int) -> None:
        """The search index has caught up to `generation`: the texts dropped before it can
        go. Best effort: a catalogue that cannot be written keeps them a while longer."""
        if self._db.read_one("SELECT 1 FROM dropped WHERE seq <= ? LIMIT 1", (generation,)):
            with contextlib.suppress(StorageError), self._db.transaction() as db:
                db.execute("DELETE FROM dropped WHERE seq <= ?", (generation,))
            self._db.release_free_pages()

    def article(self, article_id: str) -> Article | None:
        return self.articles([article_id]).get(article_id)

    def ids_with_prefix(self, prefix: str) -> list[str]:
        """Every article id that starts with `prefix` (ids are lower-case hex)."""
        rows = self._db.read(
            "SELECT DISTINCT article_id FROM articles WHERE article_id >= ? AND article_id < ?",
            (prefix, prefix + "\uffff"),
        )
        return sorted(row[0] for row in rows)

    def iter_articles(self, ids: Sequence[str], batch: int = 500) -> Iterator[list[Article]]:
        """Full articles in batches, in the order of `ids`: never the whole library at once."""
        for start in range(0, len(ids), batch):
            chunk = ids[start : start + batch]
            found = self.articles(chunk)
            yield [found[i] for i in chunk if i in found]

    def generation(self) -> int:
        """A number that grows with every change; the search index remembers where it was."""
        row = self._db.read_one("SELECT max(seq) FROM changes")
        return int(row[0] or 0) if row else 0

    def changes_since(self, generation: int) -> tuple[set[str], set[str]] | None:
        """(ids added, ids removed) since `generation`, or None when the log no longer reaches
        that far back (the caller then compares everything)."""
        oldest = self._db.read_one("SELECT min(seq) FROM changes")
        if generation and oldest and oldest[0] is not None and oldest[0] > generation + 1:
            return None
        added: set[str] = set()
        removed: set[str] = set()
        for article_id, was_added in self._db.read(
            "SELECT article_id, added FROM changes WHERE seq > ? ORDER BY seq", (generation,)
        ):
            (added if was_added else removed).add(article_id)
            (removed if was_added else added).discard(article_id)
        # An id removed from one file may still be held by another.
        if removed:
            still = {
                row[0]
                for chunk in chunks(sorted(removed))
                for row in self._db.read(
                    f"SELECT DISTINCT article_id FROM articles "
                    f"WHERE article_id IN ({','.join('?' * len(chunk))})",
                    chunk,
                )
            }
            removed -= still
        return added, removed

    def close(self) -> None:
        self._db.close()


# A command that looked quickly starts a full check in the background when the last one is
# older than this: a file rewritten in place is found within minutes, and no answer waits.
FULL_CHECK_EVERY_SECONDS = 300


def check_in_background(catalogue: Catalogue) -> bool:
    """Start a full refresh of this catalogue's library in a process of its own, at low
    priority, detached from the terminal, when its last full check is old and no other is
    under way; True if started."""
    if catalogue.path is None or not catalogue.claim_full_check(FULL_CHECK_EVERY_SECONDS):
        return False
    command = [sys.executable, "-m", "summarise.library.catalogue", str(catalogue.path)]
    with contextlib.suppress(OSError):
        subprocess.Popen(
            [*command, *map(str, catalogue.roots)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        return True
    return False


def _check(argv: list[str]) -> int:
    """`python -m summarise.library.catalogue CATALOGUE ROOT...`: the full check, run by
    check_in_background. A catalogue file that is gone (its cache deleted) is not made again."""
    path, roots = Path(argv[0]), [Path(r) for r in argv[1:]]
    if not path.exists():
        return 0
    with contextlib.suppress(OSError):
        os.nice(10)
    catalogue = Catalogue(path, roots)
    try:
        catalogue.refresh()
    except StorageError:
        return 1
    finally:
        catalogue.close()
    return 0


if __name__ == "__main__":
    sys.exit(_check(sys.argv[1:]))
