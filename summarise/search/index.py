"""Full-text search over a library: SQLite FTS5, BM25-ranked, kept in step with the catalogue.

One index file per library lives in the cache folder. It remembers the catalogue generation it
matches: reopening a library whose files have not changed reads one number, and after changes
it replays only the catalogue's change log. New articles are indexed in batches whose entity
names come from the shared per-article analysis (computed in worker processes, cached).
Each indexed article keeps the lengths of its blocks, so a hit's matches map to offsets in the
article without loading it. A file SQLite cannot read is deleted and rebuilt, with a notice.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from summarise.article import Article
from summarise.entities.version import RECOGNISER_VERSION
from summarise.errors import Closing
from summarise.library.packing import pack, unpack
from summarise.library.paths import cache_dir
from summarise.library.sqlite import Changes, Database, chunks, prune_idle_files, remove_database
from summarise.search.query import FIELDS, QueryError, marked_terms, plain_terms, translate_query
from summarise.search.snippets import match_spans, snippet

if TYPE_CHECKING:
    from summarise.library.analysis import AnalysisCache, Packed
    from summarise.library.catalogue import Catalogue
    from summarise.library.pool import WorkerPool

__all__ = ["FIELDS", "Changes", "Hit", "Match", "QueryError", "SearchIndex"]

# Column order matters: bm25() weights follow it.
COLUMNS = ("title", "dek", "body", "source", "tags", "entities")
WEIGHTS = (10.0, 4.0, 1.0, 3.0, 3.0, 2.0)
BODY_COLUMN = COLUMNS.index("body")
BLOCK_JOIN = "\n\n"
# The entity names indexed come from the recogniser: a new one means indexing again.
SCHEMA_VERSION = 4 * 1000 + RECOGNISER_VERSION
# Articles indexed per transaction: progress moves, and a crash loses little.
INDEX_BATCH = 500

_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS docs (
    rowid INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL UNIQUE,
    path TEXT,
    blocks TEXT NOT NULL,
    fields BLOB NOT NULL
);
CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5(
    {", ".join(COLUMNS)},
    content = '',
    tokenize = 'porter unicode61 remove_diacritics 2'
);
"""
# One row read is enough to find a damaged file before a query does; a count would scan it.
_CHECK = "SELECT rowid FROM fts LIMIT 1"
_INSERT = f"INSERT INTO fts (rowid, {', '.join(COLUMNS)}) VALUES (?{', ?' * len(COLUMNS)})"
# A contentless table forgets a row only when told exactly what it held.
_DELETE = (
    f"INSERT INTO fts (fts, rowid, {', '.join(COLUMNS)}) VALUES ('delete', ?{', ?' * len(COLUMNS)})"
)


@dataclass(frozen=True, slots=True)
class Match:
    block: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Hit:
    article_id: str
    path: str | None
    title: str
    score: float  # higher is better
    snippet: str  # plain text
    snippet_matches: tuple[tuple[int, int], ...]  # offsets of the matches in the snippet
    matches: tuple[Match, ...]  # every body match, as offsets into the article's blocks

    def to_dict(self) -> dict[str, object]:
        return {
            "id": self.article_id,
            "path": self.path,
            "title": self.title,
            "score": round(self.score, 6),
            "snippet": self.snippet,
            "snippet_matches": [list(m) for m in self.snippet_matches],
            "matches": [[m.block, m.start, m.end] for m in self.matches],
        }


# ---- offsets ----------------------------------------------------------------------------------


def _body_matches(block_lengths: Sequence[int], spans: Sequence[tuple[int, int]]) -> list[Match]:
    """Map offsets in the joined body back to (block, start, end)."""
    bounds = []
    offset = 0
    for index, length in enumerate(block_lengths):
        bounds.append((offset, offset + length, index))
        offset += length + len(BLOCK_JOIN)
    found = []
    for start, end in spans:
        for lo, hi, index in bounds:
            if lo <= start < hi:
                found.append(Match(index, start - lo, min(end, hi) - lo))
                break
    return found


def body_text(article: Article) -> str:
    return BLOCK_JOIN.join(block.text for block in article.blocks)


# ---- the index --------------------------------------------------------------------------------


def index_path_for(roots: Iterable[Path]) -> Path:
    key = "\n".join(sorted(str(Path(r).resolve()) for r in roots))
    digest = hashlib.sha256(key.encode()).hexdigest()[:16]
    return cache_dir() / f"search-{digest}.db"


@dataclass(frozen=True, slots=True)
class IndexEntry:
    """One article as the index stores it, made in a worker process with its analysis."""

    article_id: str
    path: str | None
    blocks: str  # JSON list of block lengths
    fields: tuple[str, ...]  # in COLUMNS order
    stored: bytes  # the fields packed, as the index keeps them (the FTS table keeps no text)
    packed: Packed | None  # the article's analysis, for the cache


def _entry(article: Article, names: Sequence[str], packed: Packed | None) -> IndexEntry:
    fields = (
        article.title,
        article.dek or "",
        body_text(article),
        article.source or "",
        " ; ".join(article.tags),
        " ; ".join(names),
    )
    return IndexEntry(
        article.id,
        str(article.path) if article.path else None,
        json.dumps([len(b.text) for b in article.blocks]),
        fields,
        pack(fields),
        packed,
    )


def index_entry(blob: bytes) -> IndexEntry:
    """A stored article, analysed and ready to index: a pure function, run in workers."""
    from summarise.library.analysis import analyse_packed

    article: Article = unpack(blob)
    packed = analyse_packed(article)
    return _entry(article, packed.names, packed)


def entry_pool(jobs: int | None = None) -> WorkerPool[bytes, IndexEntry]:
    """Workers that analyse stored articles for the index; start them once per library."""
    from summarise.library.pool import ITEM_BUDGET_SECONDS, WorkerPool

    return WorkerPool(index_entry, jobs, ITEM_BUDGET_SECONDS, "index")


def _entries_here(articles: Sequence[Article]) -> list[IndexEntry]:
    """Index entries made in this process (a library with no catalogue: tests, small sets)."""
    from summarise.library.analysis import analyse

    return [_entry(a, analyse(a).names, None) for a in articles]


class SearchIndex(Closing):
    def __init__(self, path: Path | None) -> None:
        """Open (or create) the index at `path`; None keeps it in memory."""
        self.path = path
        self._db = self._open()
        self.notices: list[str] = self._db.notices

    @classmethod
    def for_library(cls, roots: Iterable[Path]) -> SearchIndex:
        path = index_path_for(roots)
        index = cls(path)
        # The file's time says when its library was last opened; others long idle are dropped.
        with contextlib.suppress(OSError):
            os.utime(path)
            prune_idle_files(path.parent, "search-*.db", keep=path)
        return index

    def _open(self) -> Database:
        return Database(self.path, _SCHEMA, SCHEMA_VERSION, label="search index", check=_CHECK)

    def _rebuild(self, notice: str) -> None:
        """Start an unreadable index again (it is only a cache of the articles) and say so."""
        with contextlib.suppress(sqlite3.Error):
            self._db.close()
        if self.path is not None:
            remove_database(self.path)
        self._db = self._open()
        self.notices.append(notice)

    def indexed_ids(self) -> set[str]:
        return {row[0] for row in self._db.read("SELECT article_id FROM docs")}

    def _generation(self) -> int:
        row = self._db.read_one("SELECT value FROM meta WHERE key = 'generation'")
        return int(row[0]) if row else 0

    # ---- keeping it in step -----------------------------------------------------------------

    def sync_catalogue(
        self,
        catalogue: Catalogue,
        cache: AnalysisCache | None = None,
        pool: WorkerPool[bytes, IndexEntry] | None = None,
        progress: Callable[[int, int], None] | None = None,
    ) -> Changes:
        """Catch up with the catalogue: nothing to read when nothing changed. New articles are
        analysed in the pool's workers (their analyses kept in `cache` for briefings) unless
        the cache has them already."""
        report = Changes(notices=self.notices)
        target = catalogue.generation()
        try:
            mine = self._generation()
        except sqlite3.DatabaseError as exc:
            self._rebuild(f"the search index was damaged ({exc}); rebuilding it")
            mine = 0
        if mine == target and mine:
            return report
        delta = catalogue.changes_since(mine) if mine else None
        present = self.indexed_ids()
        if delta is None:
            wanted = {entry.id for entry in catalogue.entries()}
            add, remove = wanted - present, present - wanted
        else:
            add, remove = delta[0] - present, delta[1] & present
        report.removed, report.kept = len(remove), len(present) - len(remove & present)
        self._remove(remove)
        order = sorted(add)
        own = pool is None
        workers = pool if pool is not None else entry_pool()
        try:
            for start in range(0, len(order), INDEX_BATCH):
                batch = order[start : start + INDEX_BATCH]
                self._add(self._entries(catalogue, batch, cache, workers))
                report.added += len(batch)
                if progress is not None:
                    progress(report.added, len(order))
        finally:
            if own:
                workers.close()
        with self._db.transaction() as db:
            db.execute("INSERT OR REPLACE INTO meta VALUES ('generation', ?)", (str(target),))
        return report

    def _entries(
        self,
        catalogue: Catalogue,
        ids: Sequence[str],
        cache: AnalysisCache | None,
        pool: WorkerPool[bytes, IndexEntry],
    ) -> list[IndexEntry]:
        from summarise.library.pool import Failure

        known = cache.names_many(ids) if cache is not None else {}
        entries = [
            _entry(article, known[article.id], None)
            for article in catalogue.articles([i for i in ids if i in known]).values()
        ]
        blobs = list(catalogue.blobs(i for i in ids if i not in known).values())
        for outcome in pool.map(blobs):
            if not isinstance(outcome.result, Failure):
                entries.append(outcome.result)
        if cache is not None:
            cache.put_packed([e.packed for e in entries if e.packed is not None])
        return entries

    def sync(
        self, articles: Sequence[Article], progress: Callable[[int, int], None] | None = None
    ) -> Changes:
        """Make the index hold exactly these articles (for a library with no catalogue)."""
        report = Changes(notices=self.notices)
        present = self.indexed_ids()
        wanted = {a.id: a for a in articles}
        stale = present - set(wanted)
        new = [a for a in articles if a.id not in present]
        report.removed, report.kept = len(stale), len(present & set(wanted))
        self._remove(stale)
        for start in range(0, len(new), INDEX_BATCH):
            batch = new[start : start + INDEX_BATCH]
            self._add(_entries_here(batch))
            report.added += len(batch)
            if progress is not None:
                progress(report.added, len(new))
        return report

    def _remove(self, ids: Iterable[str]) -> None:
        for chunk in chunks(sorted(ids)):
            with self._db.transaction() as db:
                for article_id in chunk:
                    row = db.execute(
                        "SELECT rowid, fields FROM docs WHERE article_id = ?", (article_id,)
                    ).fetchone()
                    if row is not None:
                        db.execute(_DELETE, (row[0], *unpack(row[1])))
                        db.execute("DELETE FROM docs WHERE rowid = ?", (row[0],))

    def _add(self, entries: Sequence[IndexEntry]) -> None:
        with self._db.transaction() as db:
            for entry in entries:
                # Another process may have indexed it meanwhile: the same text, so keep theirs.
                cursor = db.execute(
                    "INSERT OR IGNORE INTO docs (article_id, path, blocks, fields) "
                    "VALUES (?, ?, ?, ?)",
                    (entry.article_id, entry.path, entry.blocks, entry.stored),
                )
                if cursor.rowcount:
                    db.execute(_INSERT, (cursor.lastrowid, *entry.fields))

    # ---- searching --------------------------------------------------------------------------

    def _ranked(self, match: str, limit: int) -> list[tuple[int, float]]:
        weights = ", ".join(str(w) for w in WEIGHTS)
        return self._db.read(
            f"SELECT rowid, bm25(fts, {weights}) AS rank FROM fts WHERE fts MATCH ? "
            "ORDER BY rank LIMIT ?",
            (match, limit),
        )

    def _shown(self, rowids: Sequence[int]) -> dict[int, tuple[object, ...]]:
        """The hits' titles and texts, read by rowid: no full-text query runs again."""
        marks = ",".join("?" * len(rowids))
        rows = self._db.read(
            f"SELECT rowid, article_id, path, blocks, fields FROM docs WHERE rowid IN ({marks})",
            tuple(rowids),
        )
        shown: dict[int, tuple[object, ...]] = {}
        for rowid, article_id, path, blocks, stored in rows:
            fields = unpack(stored)
            shown[int(rowid)] = (article_id, path, fields[0], blocks, fields[BODY_COLUMN])
        return shown

    def _run(self, match: str, query: str, limit: int, with_matches: bool) -> list[Hit]:
        ranked = self._ranked(match, limit)
        if not ranked:
            return []
        shown = self._shown([rowid for rowid, _ in ranked])
        terms = marked_terms(query)
        hits = []
        for rowid, rank in ranked:
            if rowid not in shown:
                continue
            article_id, path, title, blocks, body = shown[rowid]
            # The snippet is always the body's (its start when only the title or a name
            # matched): the other columns are labels and lists of names, not text to read.
            spans = match_spans(str(body), terms)
            text, marks = snippet(str(body), spans)
            matches = tuple(_body_matches(json.loads(str(blocks)), spans)) if with_matches else ()
            hits.append(
                Hit(
                    str(article_id),
                    str(path) if path else None,
                    str(title),
                    -float(rank),
                    text.replace("\n", " "),
                    tuple(marks),
                    matches,
                )
            )
        return hits

    def search(self, query: str, limit: int = 20, with_matches: bool = True) -> list[Hit]:
        """Ranked hits for what the user typed. Raises QueryError only when the query has
        nothing to search for; anything FTS5 rejects falls back to the plain words. Without
        `with_matches` a hit's body matches are left out (the reader asks matches_in() for
        the hit chosen)."""
        try:
            return self._run(translate_query(query), query, limit, with_matches)
        except QueryError:
            raise
        except sqlite3.OperationalError:
            return self._run(plain_terms(query), query, limit, with_matches)

    def matches_in(self, article_id: str, query: str) -> tuple[Match, ...]:
        """Every body match of the query in one article (offsets into its blocks)."""
        row = self._db.read_one(
            "SELECT blocks, fields FROM docs WHERE article_id = ?", (article_id,)
        )
        if row is None:
            return ()
        spans = match_spans(str(unpack(row[1])[BODY_COLUMN]), marked_terms(query))
        return tuple(_body_matches(json.loads(str(row[0])), spans))

    def matching_ids(self, query: str) -> list[str]:
        """Every article the query matches, unranked (to narrow a briefing to a search)."""
        sql = (
            "SELECT docs.article_id FROM fts JOIN docs ON docs.rowid = fts.rowid WHERE fts MATCH ?"
        )
        try:
            rows = self._db.read(sql, (translate_query(query),))
        except sqlite3.OperationalError:
            rows = self._db.read(sql, (plain_terms(query),))
        return [str(row[0]) for row in rows]

    def count(self, query: str) -> int:
        """How many articles match in all (a search shows the best few)."""
        try:
            match = translate_query(query)
            row = self._db.read_one("SELECT count(*) FROM fts WHERE fts MATCH ?", (match,))
        except sqlite3.OperationalError:
            row = self._db.read_one(
                "SELECT count(*) FROM fts WHERE fts MATCH ?", (plain_terms(query),)
            )
        return int(row[0]) if row else 0

    def close(self) -> None:
        self._db.close()
