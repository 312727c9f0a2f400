"""Full-text search over a library: SQLite FTS5, BM25-ranked, kept in step by content id.

One index file per library (per set of folders) lives in the cache folder. Opening a library
syncs it: articles whose content id is new are indexed, ids no longer in the library are
removed, the rest are left alone, so a hit always points at text that exists now. A file that
SQLite cannot read is deleted and rebuilt, with a notice.

What the user types is never handed to FTS5 as is: it is translated (terms quoted, operators
checked) so that no input can raise; see `translate_query`.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from summarise.article import Article
from summarise.entities.version import RECOGNISER_VERSION
from summarise.paths import cache_dir
from summarise.sqlite import Database, prune_idle_files, remove_database

# Column order matters: bm25() weights and the field names below follow it.
COLUMNS = ("title", "dek", "body", "source", "tags", "entities")
WEIGHTS = (10.0, 4.0, 1.0, 3.0, 3.0, 2.0)
FIELDS = {"title": "title", "source": "source", "entity": "entities", "tag": "tags"}
BODY_COLUMN = COLUMNS.index("body")
# Match markers: control characters, which article text never contains (readers remove them).
START, END = "\x02", "\x03"
BLOCK_JOIN = "\n\n"
MAX_QUERY_CHARS = 500
MAX_TERMS = 32
# The entity names indexed come from the recogniser: a new one means indexing again.
SCHEMA_VERSION = 2 * 1000 + RECOGNISER_VERSION

_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS docs (
    rowid INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL UNIQUE,
    path TEXT
);
CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5(
    {", ".join(COLUMNS)},
    tokenize = 'porter unicode61 remove_diacritics 2'
);
"""


_CHECK = "SELECT count(*) FROM fts"
_INSERT = f"INSERT INTO fts (rowid, {', '.join(COLUMNS)}) VALUES (?{', ?' * len(COLUMNS)})"


class QueryError(ValueError):
    """A query with nothing left to search for (only operators or punctuation)."""


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


@dataclass(slots=True)
class SyncReport:
    added: int = 0
    removed: int = 0
    kept: int = 0
    notices: list[str] = field(default_factory=list)


# ---- the query language ---------------------------------------------------------------------

_TOKEN = re.compile(
    r'(?P<field>\b(?:title|source|entity|tag):)?(?:"(?P<phrase>[^"]*)"?|(?P<word>[^\s"()]+))'
    r"|(?P<paren>[()])"
)
_OPERATORS = {"AND", "OR", "NOT"}
_CONTROL = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07?|[\x00-\x1f\x7f]")
_WORDISH = re.compile(r"\w", re.UNICODE)


def _quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def translate_query(query: str) -> str:
    """Turn what a user typed into a valid FTS5 query.

    Supports words, "phrases", prefix*, AND / OR / NOT, -word (NOT), and field filters
    title: source: entity: tag:. Every term is quoted, so punctuation, a lone `*` or
    `NEAR(` are plain text; operators with nothing on one side are dropped; parentheses are
    ignored. Raises QueryError when no searchable term is left.
    """
    query = _CONTROL.sub(" ", query)[:MAX_QUERY_CHARS]
    parts: list[str] = []  # alternating terms and operators, built up left to right
    terms = 0
    for m in _TOKEN.finditer(query):
        if m.group("paren"):
            continue
        word, phrase, field_name = m.group("word"), m.group("phrase"), m.group("field")
        if word in _OPERATORS and not field_name:
            if parts and parts[-1] in _OPERATORS:
                parts[-1] = word  # "AND NOT": the later operator says what was meant
            elif parts:
                parts.append(word)
            continue  # an operator first has nothing on its left: FTS5 would refuse it
        negate = False
        if word and word.startswith("-") and len(word) > 1 and not field_name:
            negate, word = True, word[1:]
        prefix = bool(word and word.endswith("*"))
        text = (phrase if phrase is not None else word or "").rstrip("*").strip()
        if not _WORDISH.search(text):
            continue  # nothing FTS5 would index: "*", "-", "&&"
        term = _quote(text) + ("*" if prefix else "")
        if field_name:
            term = f"{FIELDS[field_name[:-1]]} : {term}"
        if negate:
            if not parts:
                continue  # "-word" alone: nothing to subtract from
            if parts[-1] in _OPERATORS:
                parts.pop()
            parts.append("NOT")
        elif parts and parts[-1] not in _OPERATORS:
            parts.append("AND")
        parts.append(term)
        terms += 1
        if terms >= MAX_TERMS:
            break
    while parts and parts[-1] in _OPERATORS:
        parts.pop()
    if not parts:
        raise QueryError("nothing to search for: type a word")
    return " ".join(parts)


def plain_terms(query: str) -> str:
    """The fallback: every word of the query, ANDed, with no operators or fields."""
    words = re.findall(r"\w+", _CONTROL.sub(" ", query)[:MAX_QUERY_CHARS])[:MAX_TERMS]
    if not words:
        raise QueryError("nothing to search for: type a word")
    return " AND ".join(_quote(w) for w in words)


# ---- offsets ----------------------------------------------------------------------------------


def _marked_spans(marked: str) -> tuple[str, list[tuple[int, int]]]:
    """Strip START/END markers; return the plain text and the marked spans in it."""
    plain: list[str] = []
    spans: list[tuple[int, int]] = []
    length = 0
    start = None
    for piece in re.split(f"([{START}{END}])", marked):
        if piece == START:
            start = length
        elif piece == END:
            if start is not None and length > start:
                spans.append((start, length))
            start = None
        else:
            plain.append(piece)
            length += len(piece)
    return "".join(plain), spans


def _body_matches(article: Article, spans: Sequence[tuple[int, int]]) -> list[Match]:
    """Map offsets in the joined body back to (block, start, end)."""
    bounds = []
    offset = 0
    for index, block in enumerate(article.blocks):
        bounds.append((offset, offset + len(block.text), index))
        offset += len(block.text) + len(BLOCK_JOIN)
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


EntityNames = Callable[[Article], Iterable[str]]


def _entity_names(article: Article) -> list[str]:
    from summarise.entities import find_entities

    return sorted(
        {
            e.name
            for e in find_entities(article).entities()
            if e.type.value in ("PERSON", "ORG", "GPE", "NORP", "LAW")
        }
    )


class SearchIndex:
    def __init__(self, path: Path | None) -> None:
        """Open (or create) the index at `path`; None keeps it in memory."""
        self.path = path
        self._articles: dict[str, Article] = {}
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
        # A quick read of the full-text table finds most corruption before a query does.
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

    def sync(
        self,
        articles: Sequence[Article],
        progress: Callable[[int, int], None] | None = None,
        entity_names: EntityNames = _entity_names,
    ) -> SyncReport:
        """Make the index hold exactly these articles. Only new content is indexed."""
        report = SyncReport(notices=self.notices)
        self._articles = {a.id: a for a in articles}
        try:
            present = self.indexed_ids()
        except sqlite3.DatabaseError as exc:
            self._rebuild(f"the search index was damaged ({exc}); rebuilding it")
            present = set()
        wanted = set(self._articles)
        stale = present - wanted
        new = [a for a in articles if a.id not in present]
        report.removed, report.kept = len(stale), len(present & wanted)
        names = {a.id: list(entity_names(a)) for a in new}
        with self._db.transaction() as db:
            for article_id in stale:
                row = db.execute(
                    "SELECT rowid FROM docs WHERE article_id = ?", (article_id,)
                ).fetchone()
                db.execute("DELETE FROM fts WHERE rowid = ?", (row[0],))
                db.execute("DELETE FROM docs WHERE rowid = ?", (row[0],))
            for done, article in enumerate(new, 1):
                cursor = db.execute(
                    "INSERT INTO docs (article_id, path) VALUES (?, ?)",
                    (article.id, str(article.path) if article.path else None),
                )
                db.execute(
                    _INSERT,
                    (
                        cursor.lastrowid,
                        article.title,
                        article.dek or "",
                        body_text(article),
                        article.source or "",
                        " ; ".join(article.tags),
                        " ; ".join(names[article.id]),
                    ),
                )
                if progress is not None and (done % 50 == 0 or done == len(new)):
                    progress(done, len(new))
        report.added = len(new)
        return report

    def _run(self, match: str, limit: int) -> list[tuple[object, ...]]:
        weights = ", ".join(str(w) for w in WEIGHTS)
        sql = f"""
            SELECT docs.article_id, docs.path, fts.title, bm25(fts, {weights}) AS rank,
                   snippet(fts, -1, '{START}', '{END}', '…', 16),
                   highlight(fts, {BODY_COLUMN}, '{START}', '{END}')
            FROM fts JOIN docs ON docs.rowid = fts.rowid
            WHERE fts MATCH ? ORDER BY rank LIMIT ?
        """
        return self._db.read(sql, (match, limit))

    def search(self, query: str, limit: int = 20) -> list[Hit]:
        """Ranked hits for what the user typed. Raises QueryError only when the query has
        nothing to search for; anything FTS5 rejects falls back to the plain words."""
        try:
            rows = self._run(translate_query(query), limit)
        except QueryError:
            raise
        except sqlite3.OperationalError:
            rows = self._run(plain_terms(query), limit)
        except sqlite3.DatabaseError as exc:
            self._rebuild(f"the search index was damaged ({exc}); rebuilding it")
            self.sync(list(self._articles.values()))
            rows = self._run(translate_query(query), limit)
        hits = []
        for article_id, path, title, rank, snippet, highlighted in rows:
            plain_snippet, snippet_spans = _marked_spans(str(snippet))
            article = self._articles.get(str(article_id))
            matches: list[Match] = []
            if article is not None:
                _, spans = _marked_spans(str(highlighted))
                matches = _body_matches(article, spans)
            hits.append(
                Hit(
                    str(article_id),
                    str(path) if path else None,
                    str(title),
                    -float(rank),  # type: ignore[arg-type]
                    plain_snippet.replace("\n", " "),
                    tuple(snippet_spans),
                    tuple(matches),
                )
            )
        return hits

    def close(self) -> None:
        self._db.close()
