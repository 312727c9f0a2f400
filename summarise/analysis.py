"""Per-article analysis for briefings, computed once per text and cached by content id.

A briefing over a library needs, for every article, its sentences with their terms and
in-article scores, the figures and quotes in them, and the people it names with their titles.
That is most of a briefing's cost, and it depends only on the article's text, so it is kept in a
SQLite cache keyed by the article's content id (which changes whenever the text does).
"""

from __future__ import annotations

import contextlib
import pickle
import re
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from summarise.article import Article, BlockKind
from summarise.entities import EntityType, find_entities
from summarise.entities_version import RECOGNISER_VERSION
from summarise.store import CACHE_MAX_IDLE_SECONDS, cache_dir, connect, open_cache

_now = time.time  # the tests move the clock

# Bump the first number when what analyse() itself produces changes; the recogniser's version
# is folded in, so a new recogniser also has older rows recomputed.
ANALYSIS_VERSION = 1 * 1000 + RECOGNISER_VERSION

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
    return ArticleAnalysis(
        article.id, infos, people, organisations, places, tuple(quotes), tuple(dict.fromkeys(roles))
    )


class AnalysisCache:
    """Analyses by content id in SQLite. A cache: unreadable means start again, silently."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._db = self._open()

    @classmethod
    def default(cls) -> AnalysisCache:
        return cls(cache_dir() / "analysis.db")

    def _connect(self) -> sqlite3.Connection:
        db = connect(self.path)
        db.execute(
            "CREATE TABLE IF NOT EXISTS analysis (article_id TEXT PRIMARY KEY, "
            "version INTEGER NOT NULL, used_at REAL NOT NULL, data BLOB NOT NULL)"
        )
        # Rows of an older analysis or of texts not briefed for months are dead weight.
        db.execute(
            "DELETE FROM analysis WHERE version != ? OR used_at < ?",
            (ANALYSIS_VERSION, _now() - CACHE_MAX_IDLE_SECONDS),
        )
        return db

    def _open(self) -> sqlite3.Connection:
        return open_cache(self.path, self._connect)[0]

    def get_many(self, ids: Iterable[str]) -> dict[str, ArticleAnalysis]:
        wanted = list(ids)
        found: dict[str, ArticleAnalysis] = {}
        with self._lock:
            for start in range(0, len(wanted), 500):
                chunk = wanted[start : start + 500]
                marks = ",".join("?" * len(chunk))
                rows = self._db.execute(
                    f"SELECT article_id, data FROM analysis WHERE version = ? "
                    f"AND article_id IN ({marks})",
                    (ANALYSIS_VERSION, *chunk),
                ).fetchall()
                for article_id, data in rows:
                    try:
                        found[article_id] = pickle.loads(data)
                    except Exception:  # a bad row is recomputed, not fatal
                        continue
                # Mark the rows used, at most once a day each so reads stay reads; best effort,
                # so a read-only cache still serves them.
                with contextlib.suppress(sqlite3.Error):
                    now = _now()
                    self._db.execute(
                        f"UPDATE analysis SET used_at = ? WHERE used_at < ? "
                        f"AND article_id IN ({marks})",
                        (now, now - 24 * 3600, *chunk),
                    )
        return found

    def put_many(self, analyses: Sequence[ArticleAnalysis]) -> None:
        now = _now()
        with self._lock:
            self._db.execute("BEGIN")
            self._db.executemany(
                "INSERT OR REPLACE INTO analysis VALUES (?, ?, ?, ?)",
                [
                    (a.article_id, ANALYSIS_VERSION, now, pickle.dumps(a, protocol=5))
                    for a in analyses
                ],
            )
            self._db.execute("COMMIT")

    def close(self) -> None:
        with self._lock:
            self._db.close()


def analyse_all(
    articles: Sequence[Article],
    cache: AnalysisCache | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> list[ArticleAnalysis]:
    """Analyses in the order of `articles`, from the cache where it has them."""
    cached = cache.get_many(a.id for a in articles) if cache is not None else {}
    missing = [a for a in articles if a.id not in cached]
    fresh: list[ArticleAnalysis] = []
    for done, article in enumerate(missing, 1):
        fresh.append(analyse(article))
        if progress is not None and (done % 25 == 0 or done == len(missing)):
            progress(done, len(missing))
    if cache is not None and fresh:
        cache.put_many(fresh)
    cached.update((a.article_id, a) for a in fresh)
    return [cached[a.id] for a in articles]
