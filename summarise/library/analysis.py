"""Per-article analysis, computed once per text and cached by content id.

Briefings need, for every article, its sentences with their terms and in-article scores, the
figures and quotes in them, and the people it names with their titles; the search index needs
the names. That is most of the work of both, and it depends only on the article's text, so
`analyse` is a pure function of the article, run in worker processes (pool.py), and its result
is kept in a SQLite cache keyed by the article's content id (which changes with the text).
"""

from __future__ import annotations

import bisect
import contextlib
import dataclasses
import json
import re
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from summarise.article import Article, BlockKind
from summarise.entities import ArticleEntities, EntityType, find_entities
from summarise.entities.countries import country_of, main_country
from summarise.entities.version import RECOGNISER_VERSION
from summarise.errors import Closing
from summarise.language.datelines import strip_dateline
from summarise.library.packing import pack, unpack
from summarise.library.paths import cache_dir
from summarise.library.sqlite import CACHE_MAX_IDLE_SECONDS, Database, StorageError, chunks

if TYPE_CHECKING:
    from summarise.language.text import Sentence
    from summarise.library.pool import Outcome
    from summarise.library.profile_table import ProfileRow, ProfileTable

_now = time.time  # the tests move the clock

# Bump the first number when what analyse() itself produces changes; the recogniser's version
# is folded in, so a new recogniser also has older rows recomputed.
ANALYSIS_VERSION = 11 * 1000 + RECOGNISER_VERSION

NAMED_TYPES = frozenset(
    {EntityType.PERSON, EntityType.ORG, EntityType.GPE, EntityType.NORP, EntityType.LAW}
)

# Titles a briefing compares across sources ("who is prime minister?").
ROLE_TITLES = tuple(
    "Prime Minister, Deputy Prime Minister, President, Vice President, Premier, Chancellor, "
    "Foreign Minister, Finance Minister, Trade Minister, Mayor, Governor, Chief Executive".split(
        ", "
    )
)
# "Canadian Prime Minister", "U.S. President": the qualifier is one or two capitalised words or
# an initialism, never across a sentence end ("...Washington. Canadian" is not a qualifier).
_QUALIFIER_WORD = r"(?:(?:[A-Z]\.){2,}|[A-Z][\w’'-]*)"
_ROLE_BEFORE = re.compile(
    rf"(?:(?P<qualifier>{_QUALIFIER_WORD}(?:\s{_QUALIFIER_WORD})?)\s)?(?P<role>"
    + "|".join(re.escape(r) for r in sorted(ROLE_TITLES, key=len, reverse=True))
    + r")\s$"
)
# Words that make an office someone's past, future or stand-in: not who holds it now.
_TENURE = re.compile(
    r"(?:\b(?:former|late|outgoing|incoming|acting|interim|ex|then|caretaker|deputy)\b|-elect\b)"
    r"[\s-]*(?:\S+\s)?$",
    re.IGNORECASE,
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
    names: tuple[str, ...] = ()  # the people, organisations, places and groups it names


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
    country: str | None = None  # whose office, when the words before the title say
    sentence: int | None = None  # where the article says so
    tenure: bool = False  # "former", "then-", "acting": not who holds the office now
    nearby: tuple[str, ...] = ()  # the countries its sentence names


@dataclass(frozen=True, slots=True)
class Profile:
    """What story detection and the library-wide name counts need of an article: small enough
    that 100,000 of them fit in memory where their full analyses would not."""

    article_id: str
    # Content terms weighted by where they occur (title, lead, body) and the article's names
    # (as "@Name"), the heaviest first.
    terms: tuple[tuple[str, float], ...]
    people: tuple[tuple[str, int], ...]
    organisations: tuple[tuple[str, int], ...]


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
    profile: Profile | None = None
    countries: tuple[str, ...] = ()  # every country it names (as a place or a nationality)
    country: str | None = None  # the one country it is about (its dateline's, or dominant)


def _read(article: Article) -> tuple[Sequence[Sentence], list[tuple[str, ...]], ArticleEntities]:
    """What every use of an analysis starts from: the sentences, their terms, the names."""
    from summarise.language.text import article_sentences, content_terms

    sentences = article_sentences(article)
    return sentences, [tuple(content_terms(s.text)) for s in sentences], find_entities(article)


def _named(found: ArticleEntities) -> tuple[str, ...]:
    return tuple(sorted({e.name for e in found.entities() if e.type in NAMED_TYPES}))


def _counted(found: ArticleEntities, kind: EntityType) -> tuple[tuple[str, int], ...]:
    return tuple((e.name, e.count) for e in found.entities() if e.type is kind)


def analyse(article: Article) -> ArticleAnalysis:
    from summarise.language.ranking import rank_sentences

    sentences, terms, found = _read(article)
    scores = list(rank_sentences(terms)) if sentences else []
    figures = found.figures_by_sentence(sentences)
    sentence_at = {(s.block, s.start): s.index for s in sentences}
    starts = sorted(sentence_at)
    named_in: dict[int, dict[str, None]] = {}
    for m in found.mentions:
        if m.type in NAMED_TYPES:
            at = bisect.bisect_right(starts, (m.block, m.start)) - 1
            if at >= 0:
                named_in.setdefault(sentence_at[starts[at]], {})[m.name] = None
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
            tuple(named_in.get(s.index, ())),
        )
        for s in sentences
    )
    people = _counted(found, EntityType.PERSON)
    organisations = _counted(found, EntityType.ORG)
    places = tuple(e.name for e in found.entities() if e.type is EntityType.GPE)
    placed = [m.name for m in found.mentions if m.type in (EntityType.GPE, EntityType.NORP)]
    article_country = main_country(placed, article.dateline)
    countries_in: dict[int, set[str]] = {}
    for m in found.mentions:
        if m.type in (EntityType.GPE, EntityType.NORP) and (named := country_of(m.name)):
            at = bisect.bisect_right(starts, (m.block, m.start)) - 1
            if at >= 0:
                countries_in.setdefault(sentence_at[starts[at]], set()).add(named)
    roles: list[RoleInfo] = []
    for m in found.mentions:
        if m.type is EntityType.PERSON and " " in m.name:
            before = article.blocks[m.block].text[max(0, m.start - 40) : m.start]
            if match := _ROLE_BEFORE.search(before):
                qualifier = match.group("qualifier")
                country = country_of(qualifier)
                here = bisect.bisect_right(starts, (m.block, m.start)) - 1
                index = sentence_at[starts[here]] if here >= 0 else None
                roles.append(
                    RoleInfo(
                        match.group("role"),
                        m.name,
                        qualifier,
                        country,
                        index,
                        bool(_TENURE.search(before[: match.start("role")][-24:])),
                        tuple(sorted(countries_in.get(index, ()))) if index is not None else (),
                    )
                )
    known_people = [name for name, _ in people]
    person_at = {(m.block, m.start): m.name for m in found.mentions if m.type is EntityType.PERSON}
    quotes: list[QuoteInfo] = [
        QuoteInfo(b.text, b.speaker, None)
        for b in article.blocks
        if b.kind is BlockKind.QUOTE and b.speaker
    ]
    for s in sentences:
        for said in _QUOTE_SAID.finditer(s.text):
            speaker = said.group("speaker")
            could_be = [p for p in known_people if p == speaker or p.endswith(" " + speaker)]
            # "Murray said" where the article has Euan and Scott Murray: whom the recogniser
            # read there, or nobody (a quote credited to the wrong person is worse than none).
            full = (
                could_be[0]
                if len(could_be) == 1
                else person_at.get((s.block, s.start + said.start("speaker")))
            )
            if full:
                quotes.append(QuoteInfo(said.group("quote").strip(), full, s.index))
    return ArticleAnalysis(
        article.id,
        infos,
        people,
        organisations,
        places,
        tuple(quotes),
        tuple(dict.fromkeys(roles)),
        _named(found),
        _profile(article, terms, found, people, organisations),
        tuple(sorted({c for name in placed if (c := country_of(name))})),
        article_country,
    )


# A story is told by its title and lead: their terms count this many times over the body's.
TITLE_WEIGHT, LEAD_WEIGHT = 3.0, 2.0
LEAD_SENTENCES = 3
# Names say which story an article tells more surely than words; each counts as a heavy term.
NAME_WEIGHT = 2.0
PROFILE_TERMS = 40
PROFILE_NAMES = 10


def _profile(
    article: Article,
    sentence_terms: list[tuple[str, ...]],
    found: ArticleEntities,
    people: tuple[tuple[str, int], ...],
    organisations: tuple[tuple[str, int], ...],
) -> Profile:
    from summarise.language.text import content_terms

    weights: dict[str, float] = {}
    for term in content_terms(strip_dateline(article.title)):
        weights[term] = weights.get(term, 0.0) + TITLE_WEIGHT
    for position, terms in enumerate(sentence_terms):
        weight = LEAD_WEIGHT if position < LEAD_SENTENCES else 1.0
        for term in terms:
            weights[term] = weights.get(term, 0.0) + weight
    for entity in found.entities():
        if entity.type in NAMED_TYPES:
            key = "@" + entity.name
            weights[key] = weights.get(key, 0.0) + NAME_WEIGHT
    top = sorted(weights.items(), key=lambda item: (-item[1], item[0]))[:PROFILE_TERMS]
    return Profile(article.id, tuple(top), people[:PROFILE_NAMES], organisations[:PROFILE_NAMES])


_SCHEMA = """
CREATE TABLE IF NOT EXISTS analysis (article_id TEXT PRIMARY KEY, used_at REAL NOT NULL,
                                     names TEXT NOT NULL, profile BLOB NOT NULL,
                                     data BLOB);
CREATE TABLE IF NOT EXISTS stories (key TEXT PRIMARY KEY, used_at REAL NOT NULL,
                                    data BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS pruned (at REAL NOT NULL);
"""
# Marking a row used is a write; once a day per row is enough for a 90-day expiry.
USED_AT_RESOLUTION_SECONDS = 24 * 3600


@dataclass(frozen=True, slots=True)
class Packed:
    """An analysis as a worker returns it: ready to store, with the names the index needs, so
    the parent never unpickles and pickles it again."""

    article_id: str
    names: tuple[str, ...]
    profile: bytes
    # The rest (sentences, quotes, roles): None when only the names and the profile are kept.
    data: bytes | None


def pack_profile(profile: Profile | None) -> bytes:
    # Plain tuples: 20,000 of them unpickle in half the time dataclasses take.
    if profile is None:
        return pack(((), (), ()))
    return pack((profile.terms, profile.people, profile.organisations))


def unpack_profile(article_id: str, data: bytes) -> Profile:
    return Profile(article_id, *unpack(data))


def packed_of(found: ArticleAnalysis) -> Packed:
    """An analysis ready to store. Its profile is stored once, in a column of its own (it is
    a fifth of the analysis), and put back by joined()."""
    return Packed(
        found.article_id,
        found.names,
        pack_profile(found.profile),
        pack(dataclasses.replace(found, profile=None)),
    )


def names_and_profile(article: Article) -> Packed:
    """What the search index's names pass keeps of an analysis: the names it indexes and the
    profile stories and name counts need. The sentences (four fifths of an analysis, more than
    the article itself) are kept only for the articles a briefing tells, which recompute them:
    a library of a million keeps its caches under twice its text. Only what is kept is worked
    out (no sentence scores, figures, quotes or offices): the same names and profile as
    analyse() gives."""
    _, terms, found = _read(article)
    people = _counted(found, EntityType.PERSON)
    organisations = _counted(found, EntityType.ORG)
    profile = _profile(article, terms, found, people, organisations)
    return Packed(article.id, _named(found), pack_profile(profile), None)


def joined(data: bytes, profile: bytes) -> ArticleAnalysis:
    found: ArticleAnalysis = unpack(data)
    return dataclasses.replace(found, profile=unpack_profile(found.article_id, profile))


def analyse_packed(article: Article) -> Packed:
    return packed_of(analyse(article))


class AnalysisCache(Closing):
    """Analyses by content id in SQLite. A cache: unreadable means start again, and a cache
    that cannot be written still serves what it holds."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._db = Database(path, _SCHEMA, ANALYSIS_VERSION, label="analysis cache")
        self.notices = self._db.notices
        # Rows of texts not briefed for months are dead weight. Looking for them reads every
        # row (0.2 s at 100,000) and takes the write lock, so it is done once a day at most.
        last = self._db.read_one("SELECT max(at) FROM pruned")
        if last is None or last[0] is None or _now() - last[0] > USED_AT_RESOLUTION_SECONDS:
            with contextlib.suppress(StorageError), self._db.transaction() as db:
                db.execute(
                    "DELETE FROM analysis WHERE used_at < ?", (_now() - CACHE_MAX_IDLE_SECONDS,)
                )
                db.execute("DELETE FROM pruned")
                db.execute("INSERT INTO pruned VALUES (?)", (_now(),))

    @classmethod
    def default(cls) -> AnalysisCache:
        return cls(cache_dir() / "analysis.db")

    def _rows(self, ids: Iterable[str], column: str) -> Iterator[tuple[Any, ...]]:
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
        """The whole analyses cached (not those kept as names and profile only)."""
        found: dict[str, ArticleAnalysis] = {}
        for row in self._rows(ids, "data, profile"):
            article_id, data, profile = row
            if data is None:
                continue
            try:
                found[article_id] = joined(data, profile)
            except Exception:  # a bad row is recomputed, not fatal
                continue
        return found

    def profiles_many(self, ids: Iterable[str]) -> dict[str, Profile]:
        """The profiles of cached analyses: a few hundred bytes each to unpickle."""
        found: dict[str, Profile] = {}
        for article_id, data in self._rows(ids, "profile"):
            with contextlib.suppress(Exception):
                found[article_id] = unpack_profile(article_id, data)
        return found

    def profile_rows(self, ids: Iterable[str]) -> Iterator[ProfileRow]:
        """The profiles of cached analyses as plain tuples, one at a time: a whole library's
        go into a ProfileTable without a million Profile objects held at once."""
        for article_id, data in self._rows(ids, "profile"):
            try:
                terms, people, organisations = unpack(data)
            except Exception:  # a bad row is recomputed, not fatal
                continue
            yield article_id, terms, people, organisations

    def held(self, ids: Iterable[str]) -> set[str]:
        """Those of the ids with an analysis cached, whole or as names and profile."""
        return self._ids_where(ids, "")

    def _ids_where(self, ids: Iterable[str], condition: str) -> set[str]:
        found: set[str] = set()
        for chunk in chunks(list(ids)):
            marks = ",".join("?" * len(chunk))
            found.update(
                row[0]
                for row in self._db.read(
                    f"SELECT article_id FROM analysis WHERE article_id IN ({marks}){condition}",
                    chunk,
                )
            )
        return found

    def get_stories(self, key: str) -> object | None:
        """A library's stories as last found for exactly this set of articles."""
        row = self._db.read_one("SELECT data FROM stories WHERE key = ?", (key,))
        if row is None:
            return None
        try:
            stories: object = unpack(row[0])
            return stories
        except Exception:
            return None

    def put_stories(self, key: str, stories: object) -> None:
        with contextlib.suppress(StorageError), self._db.transaction() as db:
            # Stories of other scopes are kept a while; a library is rarely briefed in many.
            db.execute(
                "DELETE FROM stories WHERE used_at < ?", (_now() - USED_AT_RESOLUTION_SECONDS * 7,)
            )
            db.execute(
                "INSERT OR REPLACE INTO stories VALUES (?, ?, ?)",
                (key, _now(), pack(stories)),
            )

    def whole(self, ids: Iterable[str]) -> set[str]:
        """Those of the ids whose whole analysis is cached."""
        return self._ids_where(ids, " AND data IS NOT NULL")

    def names_many(self, ids: Iterable[str]) -> dict[str, tuple[str, ...]]:
        """The names of cached analyses, without unpickling them."""
        return {i: tuple(json.loads(names)) for i, names in self._rows(ids, "names")}

    def put_packed(self, packed: Sequence[Packed]) -> None:
        """Store analyses; a cache that cannot be written is simply not kept. One kept as names
        and profile only never replaces a whole one (another process may have stored it)."""
        now = _now()
        with contextlib.suppress(StorageError), self._db.transaction() as db:
            db.executemany(
                "INSERT INTO analysis VALUES (?, ?, ?, ?, ?) ON CONFLICT (article_id) DO UPDATE "
                "SET used_at = excluded.used_at, names = excluded.names, "
                "profile = excluded.profile, data = coalesce(excluded.data, analysis.data)",
                [(p.article_id, now, json.dumps(p.names), p.profile, p.data) for p in packed],
            )

    def close(self) -> None:
        self._db.close()


def analyse_all(
    articles: Sequence[Article],
    cache: AnalysisCache | None = None,
    progress: Callable[[int, int], None] | None = None,
    jobs: int | None = None,
) -> list[ArticleAnalysis]:
    """Analyses in the order of `articles`: from the cache where it has them, the rest computed
    in `jobs` worker processes and stored."""
    found = Analyses.of_articles(articles, cache, jobs, progress).full([a.id for a in articles])
    return [found[a.id] for a in articles]


def _packed(outcome: Outcome[Article, Packed]) -> Packed:
    """A worker's analysis; one that failed is empty: nothing of that article can be briefed or
    found by name, and the rest go on."""
    from summarise.library.pool import Failure

    if isinstance(outcome.result, Failure):
        return empty_packed(outcome.item.id)
    assert isinstance(outcome.result, Packed)
    return outcome.result


def empty_packed(article_id: str) -> Packed:
    """The analysis kept for an article that could not be analysed: nothing in it."""
    empty = ArticleAnalysis(article_id, (), (), (), (), (), (), (), Profile(article_id, (), (), ()))
    return packed_of(empty)


# Articles analysed per batch when many are missing: memory stays bounded, progress moves.
ANALYSIS_BATCH = 500
# Profiles read from the cache at once when a whole library's are put in columns.
PROFILES_AT_ONCE = 5000


class Analyses:
    """Profiles and analyses of a set of articles: from the cache, the rest computed in worker
    processes (started once, used for every batch) and stored. `fetch` gives the articles
    for ids (from the catalogue, or from memory)."""

    def __init__(
        self,
        fetch: Callable[[Sequence[str]], dict[str, Article]],
        cache: AnalysisCache | None = None,
        jobs: int | None = None,
        progress: Callable[[int, int], None] | None = None,
    ) -> None:
        self.fetch = fetch
        self.cache = cache
        self.jobs = jobs
        self.progress = progress
        self._memory: dict[str, ArticleAnalysis] = {}  # when there is no cache

    @classmethod
    def of_articles(
        cls,
        articles: Sequence[Article],
        cache: AnalysisCache | None = None,
        jobs: int | None = None,
        progress: Callable[[int, int], None] | None = None,
    ) -> Analyses:
        by_id = {a.id: a for a in articles}
        return cls(lambda ids: {i: by_id[i] for i in ids if i in by_id}, cache, jobs, progress)

    def _ensure(self, ids: Sequence[str], whole: bool) -> None:
        """Analyse what neither the cache nor memory holds (`whole`: what they hold only as
        names and profile too). What a briefing analyses is kept whole."""
        from summarise.library.pool import ITEM_BUDGET_SECONDS, WorkerPool

        have = set(self._memory)
        if self.cache is not None:
            wanted = [i for i in ids if i not in have]
            have |= self.cache.whole(wanted) if whole else self.cache.held(wanted)
        missing = [i for i in dict.fromkeys(ids) if i not in have]
        if not missing:
            return
        done = 0
        with WorkerPool(analyse_packed, self.jobs, ITEM_BUDGET_SECONDS, "analyse") as pool:
            for start in range(0, len(missing), ANALYSIS_BATCH):
                batch = list(self.fetch(missing[start : start + ANALYSIS_BATCH]).values())
                packed = []
                for outcome in pool.map(batch):
                    packed.append(_packed(outcome))
                    done += 1
                    if self.progress is not None:
                        self.progress(done, len(missing))
                if self.cache is not None:
                    self.cache.put_packed(packed)
                else:
                    self._memory.update(
                        (p.article_id, joined(p.data, p.profile)) for p in packed if p.data
                    )

    def profiles(self, ids: Sequence[str]) -> dict[str, Profile]:
        self._ensure(ids, whole=False)
        found = {i: a.profile for i, a in self._memory.items() if a.profile is not None}
        if self.cache is not None:
            found.update(self.cache.profiles_many(i for i in ids if i not in found))
        return {i: found[i] for i in ids if i in found}

    def profile_table(self, ids: Sequence[str]) -> ProfileTable:
        """The profiles of these articles in columns, in this order: for a whole library."""
        from summarise.library.profile_table import ProfileTable

        self._ensure(ids, whole=False)
        return ProfileTable.build(self._profile_rows(ids))

    def _profile_rows(self, ids: Sequence[str]) -> Iterator[ProfileRow]:
        """The profiles held of these articles, in this order (one table is built, not one
        and then another in order: at a million, each is a gigabyte)."""
        memory = self._memory
        for chunk in chunks(ids, PROFILES_AT_ONCE):
            cached: dict[str, ProfileRow] = {}
            if self.cache is not None:
                asked = [i for i in chunk if i not in memory]
                cached = {row[0]: row for row in self.cache.profile_rows(asked)}
            for i in chunk:
                if i in memory and (p := memory[i].profile) is not None:
                    yield p.article_id, p.terms, p.people, p.organisations
                elif (row := cached.get(i)) is not None:
                    yield row

    def full(self, ids: Sequence[str]) -> dict[str, ArticleAnalysis]:
        self._ensure(ids, whole=True)
        found = {i: self._memory[i] for i in ids if i in self._memory}
        if self.cache is not None:
            found.update(self.cache.get_many(i for i in ids if i not in found))
        return found
