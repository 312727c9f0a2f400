"""Per-article analysis, computed once per text and cached by content id.

Briefings need, for every article, its sentences with their terms and in-article scores, the
figures and quotes in them, and the people it names with their titles; the search index needs
the names. That is most of the work of both, and it depends only on the article's text, so
`analyse` is a pure function of the article, run in worker processes (pool.py), and its result
is kept in a SQLite cache keyed by the article's content id (which changes with the text).
"""

from __future__ import annotations

import contextlib
import json
import pickle
import re
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from summarise.article import Article, BlockKind
from summarise.entities import EntityType, find_entities
from summarise.entities.version import RECOGNISER_VERSION
from summarise.paths import cache_dir
from summarise.sqlite import CACHE_MAX_IDLE_SECONDS, Database, StorageError, chunks

_now = time.time  # the tests move the clock

# Bump the first number when what analyse() itself produces changes; the recogniser's version
# is folded in, so a new recogniser also has older rows recomputed.
ANALYSIS_VERSION = 3 * 1000 + RECOGNISER_VERSION

NAMED_TYPES = frozenset(
    {EntityType.PERSON, EntityType.ORG, EntityType.GPE, EntityType.NORP, EntityType.LAW}
)

# Titles a briefing compares across sources ("who is prime minister?").
ROLE_TITLES = (
    "Prime Minister",
    "Deputy Prime Minister",
    "President",
    "Vice President",
    "Premier",
    "Chancellor",
    "Foreign Minister",
    "Finance Minister",
    "Trade Minister",
    "Mayor",
    "Governor",
    "Chief Executive",
)
# "Canadian Prime Minister", "U.S. President": the qualifier is one or two capitalised words or
# an initialism, never across a sentence end ("...Washington. Canadian" is not a qualifier).
_QUALIFIER_WORD = r"(?:(?:[A-Z]\.){2,}|[A-Z][\w’'-]*)"
_ROLE_BEFORE = re.compile(
    rf"(?:(?P<qualifier>{_QUALIFIER_WORD}(?:\s{_QUALIFIER_WORD})?)\s)?(?P<role>"
    + "|".join(re.escape(r) for r in sorted(ROLE_TITLES, key=len, reverse=True))
    + r")\s$"
)
_QUOTE_SAID = re.compile(
    r"[\"“](?P<quote>[^\"“”]{20,400}?)[,.!?]?[\"”],?\s+(?:said|says|added|told [\w ]+?)\s+"
    r"(?P<speaker>[A-Z][\w.’'-]*(?:\s[A-Z][\w.’'-]*){0,3})"
)


@dataclass(frozen=True, slots=True)
class SentenceInfo:
    index: int  # place among the article's prose sentences
    block: int
    start: int
    end: int
    text: str
    terms: tuple[str, ...]
    score: float  # in-article rank score (newsrank), comparable within the article
    figures: tuple[str, ...]  # money, percentages in it
    words: int


@dataclass(frozen=True, slots=True)
class QuoteInfo:
    text: str
    speaker: str
    sentence: int | None  # the sentence it came from, when it is inline


@dataclass(frozen=True, slots=True)
class RoleInfo:
    role: str  # "Prime Minister"
    person: str  # canonical name
    qualifier: str | None  # "Canadian", "U.S.", or None


@dataclass(frozen=True, slots=True)
class ArticleAnalysis:
    article_id: str
    sentences: tuple[SentenceInfo, ...]
    people: tuple[tuple[str, int], ...]  # canonical name, mentions
    organisations: tuple[tuple[str, int], ...]
    places: tuple[str, ...]
    quotes: tuple[QuoteInfo, ...]
    roles: tuple[RoleInfo, ...]
    names: tuple[str, ...] = ()  # every person, organisation, place, group and law: for search


def analyse(article: Article) -> ArticleAnalysis:
    from summarise.ranking import rank_sentences
    from summarise.text import article_sentences, content_terms

    sentences = article_sentences(article)
    terms = [tuple(content_terms(s.text)) for s in sentences]
    scores = rank_sentences(terms) if sentences else []
    found = find_entities(article)
    figures: dict[int, list[str]] = {}
    for s in sentences:
        for m in found.in_block(s.block):
            if m.type in (EntityType.MONEY, EntityType.PERCENT) and s.start <= m.start < s.end:
                figures.setdefault(s.index, []).append(m.text)
    infos = tuple(
        SentenceInfo(
            s.index,
            s.block,
            s.start,
            s.end,
            s.text,
            terms[s.index],
            float(scores[s.index]),
            tuple(figures.get(s.index, ())),
            len(s.text.split()),
        )
        for s in sentences
    )
    people = tuple((e.name, e.count) for e in found.entities() if e.type is EntityType.PERSON)
    organisations = tuple((e.name, e.count) for e in found.entities() if e.type is EntityType.ORG)
    places = tuple(e.name for e in found.entities() if e.type is EntityType.GPE)
    roles: list[RoleInfo] = []
    for m in found.mentions:
        if m.type is EntityType.PERSON and " " in m.name:
            before = article.blocks[m.block].text[max(0, m.start - 40) : m.start]
            if match := _ROLE_BEFORE.search(before):
                roles.append(RoleInfo(match.group("role"), m.name, match.group("qualifier")))
    known_people = {name for name, _ in people}
    quotes: list[QuoteInfo] = [
        QuoteInfo(b.text, b.speaker, None)
        for b in article.blocks
        if b.kind is BlockKind.QUOTE and b.speaker
    ]
    for s in sentences:
        for m in _QUOTE_SAID.finditer(s.text):
            speaker = m.group("speaker")
            full = next(
                (p for p in known_people if p == speaker or p.endswith(" " + speaker)), None
            )
            if full:
                quotes.append(QuoteInfo(m.group("quote").strip(), full, s.index))
    names = tuple(sorted({e.name for e in found.entities() if e.type in NAMED_TYPES}))
    return ArticleAnalysis(
        article.id,
        infos,
        people,
        organisations,
        places,
        tuple(quotes),
        tuple(dict.fromkeys(roles)),
        names,
    )


_SCHEMA = """
CREATE TABLE IF NOT EXISTS analysis (article_id TEXT PRIMARY KEY, used_at REAL NOT NULL,
                                     names TEXT NOT NULL, data BLOB NOT NULL);
"""
# Marking a row used is a write; once a day per row is enough for a 90-day expiry.
USED_AT_RESOLUTION_SECONDS = 24 * 3600


@dataclass(frozen=True, slots=True)
class Packed:
    """An analysis as a worker returns it: ready to store, with the names the index needs, so
    the parent never unpickles and pickles it again."""

    article_id: str
    names: tuple[str, ...]
    data: bytes


def analyse_packed(article: Article) -> Packed:
    found = analyse(article)
    return Packed(article.id, found.names, pickle.dumps(found, protocol=5))


class AnalysisCache:
    """Analyses by content id in SQLite. A cache: unreadable means start again, and a cache
    that cannot be written still serves what it holds."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._db = Database(path, _SCHEMA, ANALYSIS_VERSION, label="analysis cache")
        self.notices = self._db.notices
        # Rows of texts not briefed for months are dead weight.
        with contextlib.suppress(StorageError):
            self._db.write(
                "DELETE FROM analysis WHERE used_at < ?", (_now() - CACHE_MAX_IDLE_SECONDS,)
            )

    @classmethod
    def default(cls) -> AnalysisCache:
        return cls(cache_dir() / "analysis.db")

    def _rows(self, ids: Iterable[str], column: str) -> Iterator[tuple[str, Any]]:
        for chunk in chunks(list(ids)):
            marks = ",".join("?" * len(chunk))
            yield from self._db.read(
                f"SELECT article_id, {column} FROM analysis WHERE article_id IN ({marks})", chunk
            )
            now = _now()
            # Best effort, so that a read-only cache still serves what it holds.
            with contextlib.suppress(StorageError):
                self._db.write(
                    f"UPDATE analysis SET used_at = ? WHERE used_at < ? "
                    f"AND article_id IN ({marks})",
                    (now, now - USED_AT_RESOLUTION_SECONDS, *chunk),
                )

    def get_many(self, ids: Iterable[str]) -> dict[str, ArticleAnalysis]:
        found: dict[str, ArticleAnalysis] = {}
        for article_id, data in self._rows(ids, "data"):
            try:
                found[article_id] = pickle.loads(data)
            except Exception:  # a bad row is recomputed, not fatal
                continue
        return found

    def names_many(self, ids: Iterable[str]) -> dict[str, tuple[str, ...]]:
        """The names of cached analyses, without unpickling them."""
        return {i: tuple(json.loads(names)) for i, names in self._rows(ids, "names")}

    def put_packed(self, packed: Sequence[Packed]) -> None:
        """Store analyses; a cache that cannot be written is simply not kept."""
        now = _now()
        with contextlib.suppress(StorageError), self._db.transaction() as db:
            db.executemany(
                "INSERT OR REPLACE INTO analysis VALUES (?, ?, ?, ?)",
                [(p.article_id, now, json.dumps(p.names), p.data) for p in packed],
            )

    def close(self) -> None:
        self._db.close()


def _compute(
    articles: Sequence[Article],
    cache: AnalysisCache | None,
    progress: Callable[[int, int], None] | None,
    jobs: int | None,
) -> list[Packed]:
    """Analyse in worker processes, store, and hand back what was made."""
    from summarise.pool import Failure, process_map

    fresh = []
    for outcome in process_map(analyse_packed, articles, jobs, progress=progress):
        result = outcome.result
        if isinstance(result, Failure):
            # Nothing of it can be briefed or found by name; the rest go on.
            result = Packed(outcome.item.id, (), pickle.dumps(_empty(outcome.item.id)))
        fresh.append(result)
    if cache is not None and fresh:
        cache.put_packed(fresh)
    return fresh


def analyse_all(
    articles: Sequence[Article],
    cache: AnalysisCache | None = None,
    progress: Callable[[int, int], None] | None = None,
    jobs: int | None = None,
) -> list[ArticleAnalysis]:
    """Analyses in the order of `articles`: from the cache where it has them, the rest computed
    in `jobs` worker processes and stored."""
    found = cache.get_many(a.id for a in articles) if cache is not None else {}
    missing = [a for a in articles if a.id not in found]
    for packed in _compute(missing, cache, progress, jobs):
        found[packed.article_id] = pickle.loads(packed.data)
    return [found[a.id] for a in articles]


def _empty(article_id: str) -> ArticleAnalysis:
    return ArticleAnalysis(article_id, (), (), (), (), (), ())
