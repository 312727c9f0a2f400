"""Full-text search over a library: SQLite FTS5, BM25-ranked, kept in step with the catalogue.

One index file per library lives in the cache folder. It remembers the catalogue generation it
matches: reopening a library whose files have not changed reads one number, and after changes
it replays only the catalogue's change log. New articles are indexed in two passes: their text
first (in this process, thousands a second: every word is searchable at once), then the entity
names the per-article analysis finds (in worker processes, a few hundred a second, cached for
briefings), which fill the `entities` column of the rows indexed without them.
The index keeps no text of its own: a hit's title, snippet and matches are read from the
catalogue, and so is what a row held when it is forgotten (a contentless FTS5 table forgets a row
only when told exactly that; SQLite before 3.43 has no other way). A file SQLite cannot read is
deleted and rebuilt, with a notice.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TypeAlias

from summarise.article import Article
from summarise.entities.version import RECOGNISER_VERSION
from summarise.errors import Closing
from summarise.library.packing import unpack
from summarise.library.paths import cache_dir
from summarise.library.sqlite import (
    Changes,
    Database,
    StorageError,
    chunks,
    prune_idle_files,
    remove_database,
)
from summarise.search.query import FIELDS, QueryError, marked_terms, plain_terms, translate_query
from summarise.search.snippets import match_spans, snippet

if TYPE_CHECKING:
    from summarise.library.analysis import AnalysisCache, Packed
    from summarise.library.catalogue import Catalogue
    from summarise.library.pool import WorkerPool

__all__ = ["FIELDS", "Changes", "Hit", "Match", "QueryError", "SearchIndex"]


class Texts(Protocol):
    """Where an index reads its articles' text (the catalogue)."""

    def articles(self, ids: Iterable[str]) -> dict[str, Article]: ...

    def versions(self, ids: Iterable[str]) -> dict[str, list[Article]]: ...


# Column order matters: bm25() weights follow it.
COLUMNS = ("title", "dek", "body", "source", "tags", "entities")
WEIGHTS = (10.0, 4.0, 1.0, 3.0, 3.0, 2.0)
BLOCK_JOIN = "\n\n"
# The entity names indexed come from the recogniser: a new one means indexing again.
SCHEMA_VERSION = 6 * 1000 + RECOGNISER_VERSION
# Articles indexed per transaction: progress moves, and a crash loses little.
INDEX_BATCH = 500
# The names pass reads this many stored articles at a time for its workers, and stores their
# names and profiles this many at a time while the workers go on (each worker holds a few
# dozen milliseconds of work, about as long as storing this many takes).
NAMING_BATCH = 2000
NAMES_STORED_AT_ONCE = 64
# FTS5 writes each batch as a segment of its own, merged now and then, and keeps the postings
# of rows deleted or rewritten (naming rewrites every row) until their segments merge: once
# rows amounting to this share of the index have been written, it is merged into one. At
# 100,000 articles a names pass left 279 MB where 184 were live (the merge took 3.6 s); at a
# million, the first pass's 370,984 pieces made queries 11% slower (the merge took 19 s).
MERGE_AFTER_WRITTEN = 0.25
# A sync without names counts those still to find up to this (beyond it: "more than").
UNNAMED_COUNTED = 10_000

_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS docs (
    rowid INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL UNIQUE,
    held BLOB NOT NULL,
    names TEXT NOT NULL DEFAULT '',
    named INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX IF NOT EXISTS docs_unnamed ON docs(named) WHERE named = 0;
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
    """One article as the index is given it."""

    article_id: str
    fields: tuple[str, ...]  # in COLUMNS order
    held: bytes  # their digest: which of the texts stored under the id the row holds
    named: bool  # False until the names pass has filled the entities column


def _fields(article: Article, names: str) -> tuple[str, ...]:
    return (
        article.title,
        article.dek or "",
        body_text(article),
        article.source or "",
        " ; ".join(article.tags),
        names,
    )


def _digest(fields: Sequence[str]) -> bytes:
    # The unit separator is never in cleaned text, so no two field lists join alike.
    return hashlib.blake2b("\x1f".join(fields).encode(), digest_size=8).digest()


def _entry(article: Article, names: Sequence[str] | None) -> IndexEntry:
    """An article's row; `names` None when its analysis is still to come."""
    fields = _fields(article, " ; ".join(names or ()))
    return IndexEntry(article.id, fields, _digest(fields), names is not None)


def _as_held(versions: Iterable[Article], held: bytes, names: str) -> tuple[str, ...] | None:
    """The fields a row was given, from the texts stored under its id (two files can hold the
    same text under other titles or sources): None when none of them is what it holds."""
    for article in versions:
        fields = _fields(article, names)
        if _digest(fields) == held:
            return fields
    return None


class _Lost(Exception):
    """A row the index cannot forget: what it held is nowhere to be read any more."""


@dataclass(frozen=True, slots=True)
class Named:
    """What a worker of the names pass finds: the article's names and profile, and the
    fields it was indexed with (so the parent need not read and unpack the article again to
    take the row out and put it back with its names)."""

    packed: Packed
    fields: tuple[str, ...]


def analysed(item: tuple[str, bytes]) -> Named:
    """A stored article's names (for the index) and profile (for the cache, with the names):
    a pure function of the article, run in workers."""
    from summarise.library.analysis import names_and_profile

    article = unpack(item[1])
    return Named(names_and_profile(article), _fields(article, ""))


NamingPool: TypeAlias = "WorkerPool[tuple[str, bytes], Named]"


def naming_pool(jobs: int | None = None) -> NamingPool:
    """Workers that analyse stored articles for their names; start them once per library."""
    from summarise.library.pool import ITEM_BUDGET_SECONDS, WorkerPool

    return WorkerPool(analysed, jobs, ITEM_BUDGET_SECONDS, "analyse")


class SearchIndex(Closing):
    def __init__(self, path: Path | None, texts: Texts) -> None:
        """Open (or create) the index at `path` (None keeps it in memory) of the library whose
        articles `texts` holds."""
        self.path = path
        self._texts = texts
        self._db = self._open()
        self.notices: list[str] = self._db.notices

    @classmethod
    def for_library(cls, roots: Iterable[Path], texts: Texts) -> SearchIndex:
        path = index_path_for(roots)
        index = cls(path, texts)
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

    def current(self, catalogue: Catalogue, names: bool = True) -> bool:
        """Whether the index holds the catalogue as it is (and, with `names`, every
        article's names): a sync would read nothing."""
        try:
            mine = self._generation()
            if not mine or mine != catalogue.generation():
                return False
            return not names or self._db.read_one("SELECT 1 FROM docs WHERE named = 0") is None
        except sqlite3.DatabaseError:
            return False  # the sync rebuilds it

    def sync_catalogue(
        self,
        catalogue: Catalogue,
        cache: AnalysisCache | None = None,
        pool: NamingPool | None = None,
        progress: Callable[[int, int], None] | None = None,
        names: bool = True,
        naming: Callable[[int, int], None] | None = None,
    ) -> Changes:
        """Catch up with the catalogue: nothing to read when nothing changed. New articles'
        text is indexed first, with the names `cache` already has; with `names`, the rest
        are then analysed in the pool's workers for theirs (`naming` hears that pass's
        progress). Without it they wait for a later sync, and `unnamed` says how many."""
        report = Changes(notices=self.notices)
        target = catalogue.generation()
        try:
            mine = self._generation()
        except sqlite3.DatabaseError as exc:
            self._rebuild(f"the search index was damaged ({exc}); rebuilding it")
            mine = 0
        if mine != target or not mine:
            try:
                self._catch_up(catalogue, mine, target, cache, progress, report)
            except _Lost:
                self._rebuild(
                    "the search index was too far behind its library to catch up; rebuilding it"
                )
                report = Changes(notices=self.notices)
                self._catch_up(catalogue, 0, target, cache, progress, report)
        if names:
            self.name_articles(catalogue, cache, pool, naming)  # names every row it finds
        else:
            report.unnamed = self.unnamed(at_most=UNNAMED_COUNTED)
        return report

    def _catch_up(
        self,
        catalogue: Catalogue,
        mine: int,
        target: int,
        cache: AnalysisCache | None,
        progress: Callable[[int, int], None] | None,
        report: Changes,
    ) -> None:
        delta = catalogue.changes_since(mine) if mine else None
        present = self.indexed_ids()
        if delta is None:
            wanted = {entry.id for entry in catalogue.entries()}
            add, remove = wanted - present, present - wanted
        else:
            add, remove = delta[0] - present, delta[1] & present
        report.removed, report.kept = len(remove), len(present) - len(remove & present)
        self._remove(catalogue, remove)
        order = sorted(add)
        for start in range(0, len(order), INDEX_BATCH):
            batch = order[start : start + INDEX_BATCH]
            known = cache.names_many(batch) if cache is not None else {}
            articles = catalogue.articles(batch).values()
            self._add([_entry(article, known.get(article.id)) for article in articles])
            report.added += len(batch)
            if progress is not None:
                progress(report.added, len(order))
        with self._db.transaction() as db:
            db.execute("INSERT OR REPLACE INTO meta VALUES ('generation', ?)", (str(target),))
        catalogue.release_dropped(target)
        self._merge_if_worn()

    def unnamed(self, at_most: int | None = None) -> int:
        """Articles indexed whose names are still to be found (counted up to `at_most` + 1:
        a search says "more than" rather than count a million rows each time)."""
        if at_most is None:
            row = self._db.read_one("SELECT count(*) FROM docs WHERE named = 0")
        else:
            row = self._db.read_one(
                "SELECT count(*) FROM (SELECT 1 FROM docs WHERE named = 0 LIMIT ?)", (at_most + 1,)
            )
        return int(row[0]) if row else 0

    def name_articles(
        self,
        catalogue: Catalogue,
        cache: AnalysisCache | None = None,
        pool: NamingPool | None = None,
        progress: Callable[[int, int], None] | None = None,
    ) -> int:
        """Fill in the names of the articles indexed without them: from the cache where it has
        their analysis, the rest analysed in the pool (and cached). An article whose
        analysis fails, or that the catalogue no longer has, is left with no names. Returns
        how many were named."""
        from summarise.library.analysis import empty_packed
        from summarise.library.pool import Failure

        pending = [str(r[0]) for r in self._db.read("SELECT article_id FROM docs WHERE named = 0")]
        if not pending:
            return 0
        known = cache.names_many(pending) if cache is not None else {}
        for part in chunks(list(known.items()), INDEX_BATCH):
            self._name(catalogue, part)
        todo = [i for i in pending if i not in known]
        done = len(known)
        own = naming_pool() if todo and pool is None else None
        workers = pool if pool is not None else own
        given: dict[str, tuple[str, ...]] = {}

        def stored(found: list[Packed], gone: Sequence[str] = ()) -> None:
            if cache is not None:
                cache.put_packed(found)
            named: list[tuple[str, Sequence[str]]] = [(p.article_id, p.names) for p in found]
            self._name(catalogue, named + [(i, ()) for i in gone], given)
            found.clear()
            given.clear()

        try:
            for start in range(0, len(todo), NAMING_BATCH):
                assert workers is not None
                batch = todo[start : start + NAMING_BATCH]
                blobs = catalogue.blobs(batch)
                found: list[Packed] = []
                # Stored a few at a time while the workers go on with the rest: a batch
                # stored whole kept them waiting for the writes (a sixth of the pass).
                for outcome in workers.map(list(blobs.items())):
                    result = outcome.result
                    if isinstance(result, Failure):
                        found.append(empty_packed(outcome.item[0]))
                    else:
                        found.append(result.packed)
                        given[result.packed.article_id] = result.fields
                    if len(found) >= NAMES_STORED_AT_ONCE:
                        done += len(found)
                        stored(found)
                        if progress is not None:
                            progress(done, len(pending))
                done += len(found) + len(batch) - len(blobs)
                stored(found, [i for i in batch if i not in blobs])
                if progress is not None:
                    progress(done, len(pending))
        finally:
            if own is not None:
                own.close()
        self._merge_if_worn()
        return len(pending)

    def _written(self, db: sqlite3.Connection, rows: int) -> None:
        """Note rows written since the last merge (in the transaction that wrote them)."""
        if rows:
            db.execute(
                "INSERT INTO meta VALUES ('written', ?) ON CONFLICT (key) "
                "DO UPDATE SET value = CAST(value AS INTEGER) + excluded.value",
                (str(rows),),
            )

    def _merge_if_worn(self) -> None:
        """Merge the full-text table's segments once enough rows were written (see
        MERGE_AFTER_WRITTEN), and hand the pages freed back to the disk."""
        row = self._db.read_one("SELECT value FROM meta WHERE key = 'written'")
        written = int(row[0]) if row else 0
        if not written:
            return
        # The highest rowid, not a count: a count reads every row (tens of ms at a million).
        top = self._db.read_one("SELECT max(rowid) FROM docs")
        if written < MERGE_AFTER_WRITTEN * (int(top[0] or 0) if top else 0):
            return
        # Busy or read-only: left for the next pass, as it was.
        with contextlib.suppress(StorageError), self._db.transaction() as db:
            db.execute("INSERT INTO fts (fts) VALUES ('optimize')")
            db.execute("DELETE FROM meta WHERE key = 'written'")
        self._db.release_free_pages()

    def _remove(self, texts: Texts, ids: Iterable[str]) -> None:
        for chunk in chunks(sorted(ids)):
            versions = texts.versions(chunk)
            removed = 0
            with self._db.transaction() as db:
                for article_id in chunk:
                    row = db.execute(
                        "SELECT rowid, held, names FROM docs WHERE article_id = ?", (article_id,)
                    ).fetchone()
                    if row is None:
                        continue
                    fields = _as_held(versions.get(article_id, ()), row[1], row[2])
                    if fields is None:
                        raise _Lost(article_id)
                    db.execute(_DELETE, (row[0], *fields))
                    db.execute("DELETE FROM docs WHERE rowid = ?", (row[0],))
                    removed += 1
                self._written(db, removed)

    def _add(self, entries: Sequence[IndexEntry]) -> None:
        added = 0
        with self._db.transaction() as db:
            for entry in entries:
                # Another process may have indexed it meanwhile: the same text, so keep theirs.
                cursor = db.execute(
                    "INSERT OR IGNORE INTO docs (article_id, held, names, named) "
                    "VALUES (?, ?, ?, ?)",
                    (entry.article_id, entry.held, entry.fields[-1], int(entry.named)),
                )
                if cursor.rowcount:
                    db.execute(_INSERT, (cursor.lastrowid, *entry.fields))
                    added += 1
            self._written(db, added)

    def _name(
        self,
        texts: Texts,
        found: Sequence[tuple[str, Sequence[str]]],
        given: Mapping[str, tuple[str, ...]] | None = None,
    ) -> None:
        """Put names into rows indexed without them. A contentless table cannot update a
        column: the row is deleted with exactly what it held and inserted again: the fields
        `given` for it (unnamed) when they are what it holds, else read from the texts. A row
        whose text is gone keeps no names (the next catch-up forgets it)."""
        given = given or {}
        versions = texts.versions(
            [article_id for article_id, names in found if names and article_id not in given]
        )
        renamed = 0
        with self._db.transaction() as db:
            for article_id, names in found:
                row = db.execute(
                    "SELECT rowid, held FROM docs WHERE article_id = ? AND named = 0",
                    (article_id,),
                ).fetchone()
                if row is None:
                    continue  # named meanwhile, by another process
                rowid, held = row
                joined = " ; ".join(names)
                fields = None
                if joined:
                    mine = given.get(article_id)
                    if mine is not None and _digest(mine) == held:
                        fields = mine
                    else:  # indexed from another text stored under the id
                        if mine is not None:
                            versions.update(texts.versions([article_id]))
                        fields = _as_held(versions.get(article_id, ()), held, "")
                if fields is None:
                    db.execute("UPDATE docs SET named = 1 WHERE rowid = ?", (rowid,))
                    continue
                now = (*fields[:-1], joined)
                db.execute(_DELETE, (rowid, *fields))
                db.execute(_INSERT, (rowid, *now))
                renamed += 1
                db.execute(
                    "UPDATE docs SET held = ?, names = ?, named = 1 WHERE rowid = ?",
                    (_digest(now), joined, rowid),
                )
            self._written(db, renamed)

    # ---- searching --------------------------------------------------------------------------

    def _ranked(self, match: str, limit: int) -> list[tuple[int, float]]:
        weights = ", ".join(str(w) for w in WEIGHTS)
        return self._db.read(
            f"SELECT rowid, bm25(fts, {weights}) AS rank FROM fts WHERE fts MATCH ? "
            "ORDER BY rank LIMIT ?",
            (match, limit),
        )

    def _shown(self, rowids: Sequence[int]) -> dict[int, Article]:
        """The hits' articles, by rowid: no full-text query runs again. One the library no
        longer has (the index not yet caught up) is not shown."""
        marks = ",".join("?" * len(rowids))
        rows = self._db.read(
            f"SELECT rowid, article_id FROM docs WHERE rowid IN ({marks})", tuple(rowids)
        )
        articles = self._texts.articles([str(article_id) for _, article_id in rows])
        return {int(rowid): articles[a] for rowid, a in rows if a in articles}

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
            article = shown[rowid]
            # The snippet is always the body's (its start when only the title or a name
            # matched): the other columns are labels and lists of names, not text to read.
            body = body_text(article)
            spans = match_spans(body, terms)
            text, marks = snippet(body, spans)
            lengths = [len(block.text) for block in article.blocks]
            matches = tuple(_body_matches(lengths, spans)) if with_matches else ()
            hits.append(
                Hit(
                    article.id,
                    str(article.path) if article.path else None,
                    article.title,
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
        article = self._texts.articles([article_id]).get(article_id)
        if article is None:
            return ()
        spans = match_spans(body_text(article), marked_terms(query))
        return tuple(_body_matches([len(block.text) for block in article.blocks], spans))

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
