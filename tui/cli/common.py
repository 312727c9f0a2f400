"""What every command shares: one-line messages, widths, progress, and opening a library."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from summarise.article import Article
from summarise.errors import AskedAmiss
from summarise.library.catalogue import Catalogue
from summarise.library.listing import (
    LookupProblem,
    article_in_file,
    default_libraries,
    find_article,
)
from summarise.library.progress import thinned
from summarise.readers import ArticleError, read_file
from summarise.render import PROGRESS_MIN_ITEMS, progress_line, to_json
from summarise.untrusted import printable
from summarise.usecases import Progress, missing, open_library

if TYPE_CHECKING:
    from summarise.readers.common import Parsed

# Reading text (articles, summaries) is wrapped at most this wide, however wide the terminal.
READING_WIDTH = 88
EXIT_USAGE = 2
EXIT_NO_MATCH = 1
EXIT_FAILED = 1  # the work could not be done (a disk that cannot be written, ...)


class UsageError(AskedAmiss):
    """A mistake in what the user asked for: reported in one line, exit status 2."""


def warn(message: str) -> None:
    # Messages name files, feeds and servers: one line each, and nothing that drives the terminal.
    print(f"newsbrief: {printable(message)}", file=sys.stderr)


def print_json(data: object) -> None:
    print(to_json(data))


def width(most: int = 120) -> int:
    return max(40, min(shutil.get_terminal_size((100, 24)).columns, most))


def progress() -> Progress:
    """Progress lines on stderr for long work, when stderr is a terminal: one line for each
    kind of work ("files", "articles analysed"), redrawn a few times a second."""
    lines: dict[str, Callable[[int, int], None]] = {}

    def line(what: str) -> Callable[[int, int], None]:
        def show(done: int, total: int) -> None:
            if sys.stderr.isatty() and total >= PROGRESS_MIN_ITEMS:
                end = "\n" if done == total else ""
                print(f"\rnewsbrief: {progress_line(done, total, what)}", end=end, file=sys.stderr)

        return thinned(show)

    def report(what: str, done: int, total: int) -> None:
        if what not in lines:
            lines[what] = line(what)
        lines[what](done, total)

    return report


def open_catalogue(
    paths: Sequence[Path], jobs: int | None = None, follow_links: bool = False
) -> Catalogue:
    """The library at `paths` (or the default library), brought up to date with the disk.
    A path that does not exist is a usage error; a file that cannot be read is reported and
    skipped, and the rest still load."""
    # Quick: an unchanged folder is not listed again; every file is checked in the background.
    opened = open_library(
        paths, jobs=jobs, follow_links=follow_links, progress=progress(), quick=True
    )
    for notice in opened.notices:
        warn(notice)
    for problem in opened.problems:
        warn(f"skipped {problem}")
    return opened.catalogue


def _by_id(ref: str, libraries: Sequence[Path], jobs: int | None, follow_links: bool) -> Article:
    """An id is looked up in the catalogue as it is, and only if it is not there after the
    library is brought up to date: `summary ID` does not walk 100,000 files."""
    for path in libraries:
        if not path.exists():
            raise UsageError(missing(path))
    catalogue = Catalogue.for_library(
        list(libraries) or default_libraries(), follow_links=follow_links
    )
    try:
        if catalogue.generation():
            try:
                return find_article(catalogue, ref)
            except LookupProblem:
                pass
        catalogue.close()
        catalogue = open_catalogue(libraries, jobs, follow_links)
        return find_article(catalogue, ref)
    finally:
        catalogue.close()


def read_bounded(path: Path) -> Parsed:
    """One file as the library reads it, within the same time budget: a file that would take
    longer is refused with the reason, never left to hang the command."""
    with bounded(str(path), "read"):
        return read_file(path)


@contextmanager
def bounded(name: str, doing: str) -> Iterator[None]:
    """One article's work (a summary, its names) within the budget every per-article step has:
    past it the command says so in one line instead of running on."""
    from summarise.library.pool import ITEM_BUDGET_SECONDS, OverBudget, time_limit

    try:
        with time_limit(ITEM_BUDGET_SECONDS):
            yield
    except OverBudget:
        raise UsageError(
            f"{name}: took too long to {doing} (over {ITEM_BUDGET_SECONDS:g} s)"
        ) from None


def resolve(
    ref: str,
    libraries: Sequence[Path] | None,
    jobs: int | None = None,
    follow_links: bool = False,
) -> Article:
    """One article: a file's own, or by id (or prefix) in the library."""
    path = Path(ref)
    if path.is_dir():
        raise UsageError(f"{ref} is a folder; give one article's file or id")
    if "://" in ref:
        raise UsageError(missing(ref))
    try:
        if path.is_file():
            try:
                return article_in_file(path, read_bounded)
            except LookupProblem as exc:
                raise UsageError(f"{exc}. Give the id with --library {ref}") from None
        return _by_id(ref, libraries or [], jobs, follow_links)
    except ArticleError as exc:
        raise UsageError(str(exc)) from None
    except LookupProblem as exc:
        raise UsageError(str(exc)) from None
