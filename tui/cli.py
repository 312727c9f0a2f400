"""The `newsbrief` command line. With no command it opens the reader.

User mistakes (a missing path, an unknown method, a bad number) print one line to stderr and
exit 2; nothing a user can type produces a traceback.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from summarise import __version__
from summarise.article import Article
from summarise.library import LookupProblem, default_library_path, find_article
from summarise.readers import ArticleError, Library, load_paths, read_file
from summarise.render import (
    PROGRESS_MIN_ITEMS,
    article_text,
    entities_data,
    entities_text,
    hits_text,
    listing_line,
    progress_line,
    summary_data,
    summary_text,
    to_json,
)

# Reading text (articles, summaries) is wrapped at most this wide, however wide the terminal.
READING_WIDTH = 88

EXIT_USAGE = 2


class UsageError(Exception):
    """A mistake in what the user asked for: reported in one line, exit status 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: {message} (see {self.prog} --help)\n")


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a number of at least 1, got {value}")
    return value


def _ratio(text: str) -> float:
    from summarise.summarisers import SummaryError, parse_ratio

    try:
        return parse_ratio(text)
    except SummaryError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def build_parser() -> argparse.ArgumentParser:
    from summarise.summarisers import DEFAULT_METHOD, METHODS

    parser = _Parser(
        prog="newsbrief",
        description="Read, summarise and brief news articles in the terminal. "
        "With no command, opens the reader on the sample articles.",
    )
    parser.add_argument("--version", action="version", version=f"newsbrief {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    read = commands.add_parser("read", help="open the reader (the default command)")
    read.add_argument("paths", nargs="*", type=Path, metavar="PATH")

    listing = commands.add_parser("list", help="list the articles in files and folders")
    listing.add_argument("paths", nargs="*", type=Path, metavar="PATH")
    listing.add_argument("--json", action="store_true", help="machine-readable output")

    show = commands.add_parser("show", help="show one article, structured")
    show.add_argument("ref", metavar="ID|PATH")
    show.add_argument("--json", action="store_true", help="machine-readable output")

    summary = commands.add_parser("summary", help="an extractive summary of one article")
    summary.add_argument("ref", metavar="ID|PATH")
    length = summary.add_mutually_exclusive_group()
    length.add_argument("--sentences", "-n", type=_positive_int, metavar="N")
    length.add_argument("--ratio", "-r", type=_ratio, metavar="R", help="share of sentences")
    summary.add_argument(
        "--method",
        "-m",
        default=DEFAULT_METHOD,
        metavar="NAME",
        help=f"one of {', '.join(METHODS)} (default {DEFAULT_METHOD})",
    )
    summary.add_argument("--json", action="store_true", help="machine-readable output")

    entities = commands.add_parser(
        "entities", help="people, organisations, places, dates and figures in articles"
    )
    entities.add_argument("refs", nargs="+", metavar="ID|PATH", help="ids, files or folders")
    entities.add_argument("--json", action="store_true", help="machine-readable output")

    search = commands.add_parser("search", help="full-text search; exits 1 when nothing matches")
    search.add_argument(
        "query",
        metavar="QUERY",
        help='words, "phrases", prefix*, AND/OR/NOT, -word, title: source: entity: tag:',
    )
    search.add_argument("paths", nargs="*", type=Path, metavar="PATH")
    search.add_argument("--limit", "-n", type=_positive_int, default=10, metavar="N")
    search.add_argument("--json", action="store_true", help="machine-readable output")

    brief = commands.add_parser("brief", help="one briefing across many articles")
    brief.add_argument("paths", nargs="*", type=Path, metavar="PATH")
    brief.add_argument(
        "--output",
        "-o",
        type=Path,
        metavar="FILE",
        help="write to FILE (format from its extension) instead of stdout",
    )
    brief.add_argument(
        "--format",
        "-f",
        choices=("md", "txt", "html", "json"),
        help="md (default), txt, html or json",
    )
    brief.add_argument(
        "--words",
        "-w",
        type=_positive_int,
        default=500,
        metavar="N",
        help="about how long (default 500; sources not counted)",
    )

    fetch = commands.add_parser("fetch", help="download articles and feeds into a library")
    fetch.add_argument("urls", nargs="+", metavar="URL")
    fetch.add_argument(
        "--into",
        type=Path,
        metavar="DIR",
        help="the library folder (default: your library, which newsbrief opens "
        "when no PATH is given)",
    )

    for sub in (show, summary, entities):
        sub.add_argument(
            "--library",
            "-L",
            action="append",
            type=Path,
            metavar="PATH",
            help="where to look an id up (default: the sample articles); repeatable",
        )
    return parser


def _warn(message: str) -> None:
    print(f"newsbrief: {message}", file=sys.stderr)


def load_library(paths: Sequence[Path]) -> Library:
    """Load the given paths (or the default library); a path that does not exist is a usage
    error, a bad file inside a folder is reported and skipped."""
    for path in paths:
        if not path.exists():
            raise UsageError(f"no such file or folder: {path}")
    library = load_paths(paths or [default_library_path()])
    for problem in library.problems:
        _warn(f"skipped {problem}")
    return library


def _resolve(ref: str, library_paths: Sequence[Path] | None) -> Article:
    path = Path(ref)
    if path.is_dir():
        raise UsageError(f"{ref} is a folder; give one article's file or id")
    if path.is_file():
        try:
            return find_article(Library(), ref)
        except ArticleError as exc:
            raise UsageError(str(exc)) from None
        except LookupProblem as exc:
            raise UsageError(f"{exc}. Give the id with --library {ref}") from None
    try:
        return find_article(load_library(library_paths or []), ref)
    except LookupProblem as exc:
        raise UsageError(str(exc)) from None


def _print_json(data: object) -> None:
    print(to_json(data))


def _width(most: int = 120) -> int:
    return max(40, min(shutil.get_terminal_size((100, 24)).columns, most))


def cmd_list(args: argparse.Namespace) -> int:
    library = load_library(args.paths)
    if args.json:
        _print_json([a.summary_dict() for a in library.articles])
        return 0
    width = _width()
    for article in library.articles:
        print(listing_line(article, width))
    noun = "article" if len(library.articles) == 1 else "articles"
    print(f"{len(library.articles)} {noun}", file=sys.stderr)
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    article = _resolve(args.ref, args.library)
    if args.json:
        _print_json(article.to_dict())
    else:
        print(article_text(article, _width(READING_WIDTH)))
    return 0


def cmd_summary(args: argparse.Namespace) -> int:
    from summarise.summarisers import SummaryError, summarise

    article = _resolve(args.ref, args.library)
    try:
        result = summarise(article, args.method, sentences=args.sentences, ratio=args.ratio)
    except SummaryError as exc:
        raise UsageError(str(exc)) from None
    if args.json:
        _print_json(summary_data(article, result))
    else:
        print(summary_text(article, result, _width(READING_WIDTH)))
    return 0


def _resolve_many(refs: Sequence[str], library_paths: Sequence[Path] | None) -> list[Article]:
    """Articles for ids, files and folders, in the order given (a folder's in its order)."""
    articles: list[Article] = []
    for ref in refs:
        if Path(ref).is_dir():
            articles.extend(load_library([Path(ref)]).articles)
        elif Path(ref).is_file():  # a feed or JSON export holds many
            try:
                articles.extend(read_file(Path(ref)).articles)
            except ArticleError as exc:
                raise UsageError(str(exc)) from None
        else:
            articles.append(_resolve(ref, library_paths))
    return articles


def cmd_entities(args: argparse.Namespace) -> int:
    from summarise.entities import find_entities

    articles = _resolve_many(args.refs, args.library)
    if args.json:
        _print_json([entities_data(a, find_entities(a)) for a in articles])
        return 0
    print("\n\n".join(entities_text(a, find_entities(a), _width(READING_WIDTH)) for a in articles))
    return 0


EXIT_NO_MATCH = 1


def _progress(done: int, total: int) -> None:
    if sys.stderr.isatty() and total >= PROGRESS_MIN_ITEMS:
        end = "\n" if done == total else ""
        print(f"\rnewsbrief: {progress_line(done, total)}", end=end, file=sys.stderr)


def cmd_search(args: argparse.Namespace) -> int:
    from summarise.search import QueryError, SearchIndex

    library = load_library(args.paths)
    roots = args.paths or [default_library_path()]
    index = SearchIndex.for_library(roots)
    report = index.sync(library.articles, progress=_progress)
    for notice in report.notices:
        _warn(notice)
    try:
        hits = index.search(args.query, limit=args.limit)
    except QueryError as exc:
        raise UsageError(str(exc)) from None
    finally:
        index.close()
    if args.json:
        _print_json([hit.to_dict() for hit in hits])
        return 0 if hits else EXIT_NO_MATCH
    if hits:
        marks = ("\x1b[1m", "\x1b[0m") if sys.stdout.isatty() else ("", "")
        print(hits_text(hits, _width(100), marks))
    else:
        print(f"newsbrief: no matches for {args.query!r}", file=sys.stderr)
    return 0 if hits else EXIT_NO_MATCH


def cmd_brief(args: argparse.Namespace) -> int:
    from summarise.briefing.analysis import AnalysisCache
    from summarise.briefing.build import BriefingError, build_briefing
    from summarise.briefing.render import format_for, render, write_atomically

    fmt = args.format
    if fmt is None and args.output is not None:
        fmt = format_for(args.output)
        if fmt is None:
            raise UsageError(
                f"cannot tell the format from {args.output.name!r}; add --format md|txt|html|json"
            )
    fmt = fmt or "md"
    if args.output is not None and not args.output.parent.is_dir():
        raise UsageError(f"no such folder: {args.output.parent}")
    library = load_library(args.paths)
    cache = AnalysisCache.default()
    try:
        briefing = build_briefing(
            library.articles, words=args.words, cache=cache, progress=_progress
        )
    except BriefingError as exc:
        where = ", ".join(str(p) for p in args.paths) or "the sample library"
        raise UsageError(f"{exc} in {where}") from None
    finally:
        cache.close()
    text = render(briefing, fmt)
    if args.output is None:
        sys.stdout.write(text)
    else:
        write_atomically(args.output, text)
        print(
            f"newsbrief: wrote {args.output} ({len(briefing.sources)} articles, "
            f"{briefing.body_words()} words)",
            file=sys.stderr,
        )
    return 0


def cmd_fetch(args: argparse.Namespace) -> int:
    from summarise.fetch import FetchResult, fetch
    from summarise.library import user_library_path

    into = args.into or user_library_path()
    if into.exists() and not into.is_dir():
        raise UsageError(f"{into} is a file, not a folder")
    total = len(args.urls)
    interactive = sys.stderr.isatty()

    def progress(done: int, count: int, result: FetchResult) -> None:
        if interactive and count > 1:
            end = "\n" if done == count else ""
            print(f"\r{progress_line(done, count, 'URLs')}", end=end, file=sys.stderr)

    results = fetch(args.urls, into, progress=progress)
    failed = 0
    for result in results:
        if result.error:
            failed += 1
            print(f"newsbrief: {result.url}: {result.error}", file=sys.stderr)
            continue
        what = f"{len(result.saved)} new"
        if result.already:
            what += f", {result.already} already in the library"
        kind = "feed" if result.feed else "page"
        print(f"{result.url}: {kind}, {what}")
        for problem in result.problems:
            print(f"newsbrief: {result.url}: skipped {problem}", file=sys.stderr)
    print(f"{total - failed} of {total} fetched into {into}", file=sys.stderr)
    return 0 if failed == 0 else 1


def cmd_read(args: argparse.Namespace) -> int:
    for path in args.paths:
        if not path.exists():
            raise UsageError(f"no such file or folder: {path}")
    # The one way from the command line to Textual: `list` and the rest never pay for it.
    from tui.app import NewsbriefApp

    NewsbriefApp(paths=list(args.paths)).run()
    return 0


COMMANDS = {
    "read": cmd_read,
    "list": cmd_list,
    "show": cmd_show,
    "summary": cmd_summary,
    "entities": cmd_entities,
    "search": cmd_search,
    "brief": cmd_brief,
    "fetch": cmd_fetch,
}


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        args = parser.parse_args(["read", *(argv or [])])
    try:
        return COMMANDS[args.command](args)
    except UsageError as exc:
        _warn(str(exc))
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `newsbrief list | head`: the reader went away; that is not an error.
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    sys.exit(main())
