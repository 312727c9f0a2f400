"""Where the default library is, and finding one article by id or path."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TypeVar

from summarise.article import Article
from summarise.errors import AskedAmiss
from summarise.library.paths import seeds_path, user_library_path
from summarise.readers import read_file

if TYPE_CHECKING:
    from summarise.library.catalogue import Catalogue
    from summarise.readers.common import Parsed


def default_library_path() -> Path:
    """The user's own library once it holds an article, else the bundled sample corpus."""
    from summarise.readers import iter_article_files

    mine = user_library_path()
    if mine.is_dir() and next(iter_article_files(mine), None) is not None:
        return mine
    return seeds_path()


def default_libraries() -> list[Path]:
    """What opens when no PATH is given: config.toml's `library` folders if it names any,
    else the default library."""
    from summarise.library.config import load_config

    return list(load_config().library) or [default_library_path()]


class LookupProblem(AskedAmiss, LookupError):
    """No article, or more than one, matches what the user typed."""


MIN_ID_PREFIX = 4


def article_in_file(path: Path, read: Callable[[Path], Parsed] = read_file) -> Article:
    """The one article a file holds; a feed or export with many asks for an id instead."""
    held = read(path).articles
    if len(held) > 1:
        # A feed or JSON export: choosing its first entry silently would show the wrong one.
        listed = "; ".join(f"{a.id[:12]} {a.title}" for a in held[:5])
        more = f"; and {len(held) - 5} more" if len(held) > 5 else ""
        raise LookupProblem(f"{path} holds {len(held)} articles; give one's id: {listed}{more}")
    return held[0]


def find_article(catalogue: Catalogue, ref: str) -> Article:
    """An article by id or unique id prefix (at least four characters) in a catalogue."""
    key = ref.strip().lower()
    if len(key) < MIN_ID_PREFIX:
        raise LookupProblem(
            f"no article with id or path {ref!r} (ids need at least {MIN_ID_PREFIX} characters)"
        )
    matches = catalogue.ids_with_prefix(key)
    if not matches:
        raise LookupProblem(f"no article with id or path {ref!r}")
    if len(matches) > 1:
        ids = ", ".join(matches[:5])
        raise LookupProblem(f"{ref!r} matches {len(matches)} articles ({ids}); give more of the id")
    article = catalogue.article(matches[0])
    if article is None:  # removed between the two reads
        raise LookupProblem(f"no article with id or path {ref!r}")
    return article


class Listed(Protocol):
    """What a list of articles needs of each: the full Article, or a catalogue entry."""

    @property
    def id(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def source(self) -> str | None: ...
    @property
    def date(self) -> str | None: ...
    @property
    def byline(self) -> str | None: ...
    @property
    def tags(self) -> tuple[str, ...]: ...
    @property
    def word_count(self) -> int: ...
    @property
    def path(self) -> Path | None: ...


L = TypeVar("L", bound=Listed)

SORT_KEYS = ("date", "title", "source")


def sort_articles(articles: Sequence[L], key: str) -> list[L]:
    """Newest first for "date" (undated last, then by title); alphabetical otherwise."""
    if key == "date":
        dated = sorted((a for a in articles if a.date), key=lambda a: a.title.casefold())
        dated.sort(key=lambda a: a.date or "", reverse=True)
        undated = sorted((a for a in articles if not a.date), key=lambda a: a.title.casefold())
        return dated + undated
    if key == "source":
        return sorted(articles, key=lambda a: ((a.source or "~").casefold(), a.title.casefold()))
    return sorted(articles, key=lambda a: a.title.casefold())


def filter_articles(articles: Sequence[L], query: str) -> list[L]:
    """Articles whose title, source, byline or tags contain every word of the query."""
    terms = query.casefold().split()
    if not terms:
        return list(articles)

    def haystack(a: Listed) -> str:
        return " ".join([a.title, a.source or "", a.byline or "", *a.tags]).casefold()

    return [a for a in articles if all(t in haystack(a) for t in terms)]


@dataclass(frozen=True, slots=True)
class View:
    """Which articles the list shows before any filter: all, unread, bookmarked, one feed's
    (the articles in its folder), or those a followed name or search finds (`ids`)."""

    kind: str = "all"  # "all", "unread", "bookmarks", "folder" or "ids"
    folder: str | None = None
    label: str = "All articles"
    ids: frozenset[str] = frozenset()


ALL = View()
UNREAD = View("unread", label="Unread")
BOOKMARKS = View("bookmarks", label="Bookmarks")


def in_view(
    articles: Sequence[L], view: View, read_ids: set[str], bookmark_ids: set[str]
) -> list[L]:
    if view.kind == "unread":
        return [a for a in articles if a.id not in read_ids]
    if view.kind == "bookmarks":
        return [a for a in articles if a.id in bookmark_ids]
    if view.kind == "folder" and view.folder is not None:
        return [a for a in articles if _folder_of(a) == view.folder]
    if view.kind == "ids":
        return [a for a in articles if a.id in view.ids]
    return list(articles)


def _folder_of(article: Listed) -> str | None:
    # Catalogue entries keep their file as a string; making a Path of each would be slow.
    location = getattr(article, "location", None)
    if location is None and article.path is not None:
        location = str(article.path)
    return os.path.dirname(location) if location else None
