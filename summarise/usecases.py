"""The calls both front ends make: open a library, narrow it to a scope, brief it, find its
stories, search it.

The command line parses its arguments, calls one of these and renders what comes back; the
reader calls the same functions in its workers. So the same folder gives the same scope,
stories and points in both: the scope is always the library as listed (each story once, its
copies folded into the article that stands for them), narrowed by dates and a query.
Progress is reported as `progress(what, done, total)`, "what" naming the work ("files",
"articles analysed", "articles indexed").
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from summarise.article import Article
from summarise.briefing import DEFAULT_WORDS, BriefingError
from summarise.errors import AskedAmiss
from summarise.library.catalogue import (
    FULL_CHECK_EVERY_SECONDS,
    Catalogue,
    Entry,
    check_in_background,
)
from summarise.library.listing import Listed, default_libraries
from summarise.library.scope import matching, parse_when, within
from summarise.readers import LoadProblem
from summarise.search.query import needs_names

# Analysis, stories and search are imported when first used: `newsbrief list` needs none.
if TYPE_CHECKING:
    from summarise.briefing.model import Briefing
    from summarise.briefing.stories import Story
    from summarise.briefing.update import Known
    from summarise.entities.model import ArticleEntities
    from summarise.language.summarisers import Summary
    from summarise.library.analysis import AnalysisCache
    from summarise.library.state import Followed
    from summarise.search.following import Found
    from summarise.search.index import Hit, SearchIndex

Progress = Callable[[str, int, int], None]
Fetch = Callable[[Sequence[str]], dict[str, Article]]


def _stage(progress: Progress | None, what: str) -> Callable[[int, int], None] | None:
    if progress is None:
        return None
    return lambda done, total: progress(what, done, total)


@dataclass(slots=True)
class Opened:
    """A library brought up to date with the disk, and what could not be read."""

    catalogue: Catalogue
    notices: list[str]
    problems: list[LoadProblem]


def open_library(
    paths: Sequence[Path],
    *,
    jobs: int | None = None,
    follow_links: bool = False,
    progress: Progress | None = None,
    quick: bool = False,
) -> Opened:
    """The library at `paths` (the default library when empty), its catalogue refreshed.
    `quick`: only folders whose time changed are listed again (Catalogue.refresh), and a full
    check starts in the background when the last one is old."""
    for path in paths:
        if not path.exists():
            raise AskedAmiss(missing(path))
    catalogue = Catalogue.for_library(list(paths) or default_libraries(), follow_links=follow_links)
    report = catalogue.refresh(jobs=jobs, progress=_stage(progress, "files"), quick=quick)
    notices = list(report.notices)
    if quick:
        check_in_background(catalogue)  # unless one ran lately or is under way
        # Started now or under way: either way the answer is the catalogue as at the last check.
        last = catalogue.last_full_check()
        if last is None or time.time() - last >= FULL_CHECK_EVERY_SECONDS:
            when = "never" if last is None else f"last {_ago(time.time() - last)}"
            notices.append(
                f"answered from the folders that changed; every file was checked {when}, and "
                "is being checked again in the background"
            )
    return Opened(catalogue, notices, catalogue.problems())


def _ago(seconds: float) -> str:
    if seconds < 60:
        return "under a minute ago"
    count, unit = (
        (seconds // 60, "minute")
        if seconds < 3600
        else (seconds // 3600, "hour")
        if seconds < 2 * 86400
        else (seconds // 86400, "day")
    )
    return f"{int(count)} {unit}{'' if count == 1 else 's'} ago"


def missing(path: Path | str) -> str:
    """What to say of a path that is not there; a web address given where a path goes is
    answered with the command that reads one."""
    text = str(path)
    if "://" in text or text.startswith(("http:/", "https:/")):
        # A Path folds "http://" to "http:/": show the address as it was typed.
        shown = re.sub(r"^(https?):/+", r"\1://", text)
        return f"{shown} is a web address; to read it: newsbrief fetch URL"
    return f"no such file or folder: {path}"


@dataclass(frozen=True, slots=True)
class Scope:
    """Which of a library's articles: `since`/`until` as `parse_when` reads them (24h, 7d, a
    date; undated articles are kept), and a search query."""

    since: str | None = None
    until: str | None = None
    query: str | None = None

    @property
    def narrowed(self) -> bool:
        return bool(self.since or self.until or self.query)


@contextmanager
def indexed(
    catalogue: Catalogue,
    jobs: int | None = None,
    progress: Progress | None = None,
    names: bool = True,
) -> Iterator[tuple[SearchIndex, list[str]]]:
    """The library's search index brought up to date with its catalogue, and its notices.
    Without `names`, articles new to it are searchable by their words only: their names
    (a few hundred articles a second to find) are left for a later update, and a notice
    says so."""
    from summarise.search.index import SearchIndex, naming_pool

    with SearchIndex.for_library(catalogue.roots, catalogue) as index:
        if index.current(catalogue, names):
            # Nothing to read: no analysis cache or workers (a search's start-up is its time).
            report = index.sync_catalogue(catalogue, names=names)
        else:
            from summarise.library.analysis import AnalysisCache

            with AnalysisCache.default() as cache, naming_pool(jobs) as pool:
                report = index.sync_catalogue(
                    catalogue,
                    cache,
                    pool,
                    _stage(progress, "articles indexed"),
                    names=names,
                    naming=_stage(progress, "articles named"),
                )
        notices = list(report.notices)
        if report.unnamed:
            notices.append(unnamed_notice(report.unnamed))
        yield index, notices


def unnamed_notice(count: int) -> str:
    from summarise.search.index import UNNAMED_COUNTED

    noun = "article" if count == 1 else "articles"
    how_many = f"more than {UNNAMED_COUNTED:,}" if count > UNNAMED_COUNTED else f"{count:,}"
    return (
        f"names are not indexed yet in {how_many} {noun}, so the ranking may change; "
        "an entity: search, or the reader, indexes them"
    )


def entries_in_scope(
    catalogue: Catalogue,
    scope: Scope = Scope(),
    jobs: int | None = None,
    progress: Progress | None = None,
    known: Known | None = None,
) -> list[Entry]:
    """The library as listed (each story once), narrowed to the scope. An update of the
    whole library since a day (`known`) needs only the new articles and the newest known
    ones: those are read by date, not the whole library."""
    from summarise.briefing.update import BACKGROUND_ARTICLES

    if known is not None and known.before and not known.ids and not scope.narrowed:
        entries = catalogue.recent(known.before, BACKGROUND_ARTICLES)
    else:
        entries = catalogue.listing()
    since = parse_when(scope.since) if scope.since else None
    until = parse_when(scope.until) if scope.until else None
    entries = within(entries, since, until)
    if scope.query:
        with indexed(catalogue, jobs, progress, needs_names(scope.query)) as (index, _):
            entries = matching(entries, index.matching_ids(scope.query))
    return entries


@dataclass(slots=True)
class Briefed:
    """A briefing and what it was made from."""

    briefing: Briefing
    articles: int  # articles briefed (in an update, the new ones)
    copies: int  # further copies of those articles, folded into them
    told: list[str] = field(default_factory=list)  # their ids

    def status(self) -> str:
        """ "briefed 497 articles (6 copies): 54 cited, 471 words"."""
        noun = "article" if self.articles == 1 else "articles"
        folded = f" ({self.copies:,} {'copy' if self.copies == 1 else 'copies'})"
        return (
            f"briefed {self.articles:,} {noun}{folded if self.copies else ''}: "
            f"{len(self.briefing.sources):,} cited, {self.briefing.body_words():,} words"
        )


def brief_entries(
    entries: Sequence[Listed],
    fetch: Fetch,
    *,
    words: int = DEFAULT_WORDS,
    stories: int | None = None,
    cache: AnalysisCache | None = None,
    jobs: int | None = None,
    progress: Progress | None = None,
    known: Known | None = None,
) -> Briefed:
    """The briefing of these articles (a library's scope, or what the reader's list shows);
    with `known`, an update: only what is new to a reader who knows those. Raises
    BriefingError when there is nothing to brief (NothingNew when nothing is new)."""
    from summarise.briefing.build import brief
    from summarise.library.analysis import Analyses

    analyses = Analyses(fetch, cache, jobs, _stage(progress, "articles analysed"))
    briefing = brief(entries, analyses, words, stories, known)
    told = [e for e in entries if known is None or not known.knows(e)]
    copies = sum(len(getattr(e, "copies", ())) for e in told)
    return Briefed(briefing, len(told), copies, [e.id for e in told])


def known_before(when: str) -> Known:
    """An update since WHEN (24h, 7d, a date): the articles dated before it are known."""
    from summarise.briefing.update import Known

    day = parse_when(when).isoformat()
    return Known(before=day, label=f"articles dated before {day}")


def known_articles(ids: set[str]) -> Known:
    """An update for a reader who has read (or been briefed on) these articles."""
    from summarise.briefing.update import Known

    return Known(ids=frozenset(ids), label="articles you have read or were told about")


def brief_library(
    catalogue: Catalogue,
    scope: Scope = Scope(),
    *,
    words: int = DEFAULT_WORDS,
    stories: int | None = None,
    jobs: int | None = None,
    progress: Progress | None = None,
    known: Known | None = None,
    following: Followed | None = None,
) -> Briefed:
    """The briefing of a library's scope, as `newsbrief brief` writes it and the reader's `B`
    shows it for the same articles; with `known`, an update briefing; with `following`, of
    the articles a followed name or search finds."""
    from summarise.library.analysis import AnalysisCache

    by_date = known if following is None else None  # a follow's earlier reports are its own
    entries = entries_in_scope(catalogue, scope, jobs, progress, by_date)
    if following is not None:
        found = find_followed(catalogue, following, jobs=jobs, progress=progress)
        entries = matching(entries, found.ids)
    if not entries:
        raise BriefingError("no articles to brief")
    with AnalysisCache.default() as cache:
        return brief_entries(
            entries,
            catalogue.articles,
            words=words,
            stories=stories,
            cache=cache,
            jobs=jobs,
            progress=progress,
            known=known,
        )


def stories_of_entries(
    entries: Sequence[Listed],
    fetch: Fetch,
    *,
    cache: AnalysisCache | None = None,
    jobs: int | None = None,
    progress: Progress | None = None,
) -> list[Story]:
    """Which of these articles report the same story, most important first (cached for the
    exact set of articles)."""
    from summarise.briefing.build import stories_of
    from summarise.library.analysis import Analyses

    analyses = Analyses(fetch, cache, jobs, _stage(progress, "articles analysed"))
    return stories_of(entries, analyses.profile_table([e.id for e in entries]), cache)


def stories_of_library(
    catalogue: Catalogue,
    scope: Scope = Scope(),
    *,
    jobs: int | None = None,
    progress: Progress | None = None,
) -> tuple[list[Story], list[Entry]]:
    """The stories of a library's scope, and the entries they are made of."""
    from summarise.library.analysis import AnalysisCache

    entries = entries_in_scope(catalogue, scope, jobs, progress)
    with AnalysisCache.default() as cache:
        found = stories_of_entries(
            entries, catalogue.articles, cache=cache, jobs=jobs, progress=progress
        )
    return found, entries


def find_followed(
    catalogue: Catalogue,
    followed: Followed,
    *,
    jobs: int | None = None,
    progress: Progress | None = None,
) -> Found:
    """The articles a followed name or search finds in the library now."""
    from summarise.library.analysis import Analyses, AnalysisCache
    from summarise.search import following

    with indexed(catalogue, jobs, progress) as (index, _), AnalysisCache.default() as cache:
        analyses = Analyses(catalogue.articles, cache, jobs, _stage(progress, "articles analysed"))
        return following.find_followed(index, followed, analyses.profiles)


def find_follows(
    index: SearchIndex, fetch: Fetch, follows: Sequence[Followed], *, jobs: int | None = None
) -> list[Found]:
    """What each follow finds, with an index already open (the reader's)."""
    from summarise.library.analysis import Analyses, AnalysisCache
    from summarise.search import following

    with AnalysisCache.default() as cache:
        profiles = Analyses(fetch, cache, jobs).profiles
        return [following.find_followed(index, f, profiles) for f in follows]


def search_library(
    catalogue: Catalogue,
    query: str,
    *,
    limit: int = 10,
    jobs: int | None = None,
    progress: Progress | None = None,
) -> tuple[list[Hit], list[str]]:
    """Ranked hits for a query over the whole library, and the index's notices. Raises
    QueryError when the query has nothing to search for."""
    with indexed(catalogue, jobs, progress, needs_names(query)) as (index, notices):
        return index.search(query, limit=limit), notices


# An article longer than this is summarised or searched for names in a worker process of its
# own, within the per-article budget: whatever its text does, the reader's keys never wait.
# (Ordinary articles, a few thousand words, are done in a thread: a process costs 0.2 s.)
BIG_ARTICLE_WORDS = 20_000
# Characters count too: a megabyte of dots or of one word has no words to count, and a
# pattern working through it in this process holds the interpreter (and so the keys).
BIG_ARTICLE_CHARACTERS = 200_000


def _big(article: Article) -> bool:
    if article.word_count > BIG_ARTICLE_WORDS:
        return True
    return sum(len(block.text) for block in article.blocks) > BIG_ARTICLE_CHARACTERS


def summary_of(article: Article, method: str, sentences: int | None) -> Summary | str:
    """The article's summary, or one line saying why there is none."""
    from summarise.language.summarisers import summarise_request
    from summarise.library.pool import Failure, run_bounded

    request = (article, method, sentences)
    if not _big(article):
        return summarise_request(request)
    result = run_bounded(summarise_request, request, doing="summarise")
    return f"This article {result.reason}." if isinstance(result, Failure) else result


def names_of(article: Article) -> ArticleEntities | str:
    """The article's people, organisations, places and figures, or why there are none."""
    from summarise.entities import find_entities
    from summarise.library.pool import Failure, run_bounded

    if not _big(article):
        return find_entities(article)
    result = run_bounded(find_entities, article, doing="find its names")
    return f"This article {result.reason}." if isinstance(result, Failure) else result
