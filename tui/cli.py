"""The `newsbrief` command line. With no command it opens the reader.

User mistakes (a missing path, an unknown method, a bad number) print one line to stderr and
exit 2; nothing a user can type produces a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import textwrap
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from summarise import __version__
from summarise.article import Article, BlockKind
from summarise.library import LookupProblem, default_library_path, find_article
from summarise.readers import ArticleError, Library, load_paths, read_file

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
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a ratio such as 0.3, got {text!r}") from None
    if not 0 < value <= 1:
        raise argparse.ArgumentTypeError(f"the ratio must be above 0 and at most 1, got {text}")
    return value


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
    print(json.dumps(data, ensure_ascii=False, indent=2))


def _width() -> int:
    return max(40, min(shutil.get_terminal_size((100, 24)).columns, 120))


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def cmd_list(args: argparse.Namespace) -> int:
    library = load_library(args.paths)
    if args.json:
        _print_json([a.summary_dict() for a in library.articles])
        return 0
    width = _width()
    for article in library.articles:
        meta = f"{article.id}  {article.date or '':10}  {_clip(article.source or '-', 14):14}"
        meta += f" {article.word_count:5}w  "
        print(meta + _clip(article.title, width - len(meta)))
    noun = "article" if len(library.articles) == 1 else "articles"
    print(f"{len(library.articles)} {noun}", file=sys.stderr)
    return 0


def _wrap(text: str, indent: str = "", width: int = 80) -> str:
    return textwrap.fill(text, width=width, initial_indent=indent, subsequent_indent=indent)


def format_article(article: Article, width: int = 80) -> str:
    lines = [_wrap(article.title, width=width), "=" * min(len(article.title), width)]
    if article.dek:
        lines += ["", _wrap(article.dek, width=width)]
    meta = [
        m for m in (article.byline and f"By {article.byline}", article.source, article.date) if m
    ]
    meta.append(f"{article.word_count} words")
    lines += ["", " · ".join(meta)]
    for block in article.blocks:
        if block.kind is BlockKind.HEADING:
            lines += ["", f"## {block.text}"]
        elif block.kind is BlockKind.BULLET:
            lines.append(_wrap(block.text, "  • ", width).replace("  • ", "  • ", 1))
        elif block.kind is BlockKind.QUOTE:
            lines += ["", _wrap(f"“{block.text}”", "    ", width)]
            if block.speaker:
                lines.append(f"        — {block.speaker}")
        else:
            lines += ["", _wrap(block.text, width=width)]
    if article.tags:
        lines += ["", "Tags: " + ", ".join(article.tags)]
    lines += ["", f"id {article.id}  {article.path or ''}".rstrip()]
    return "\n".join(lines)


def cmd_show(args: argparse.Namespace) -> int:
    article = _resolve(args.ref, args.library)
    if args.json:
        _print_json(article.to_dict())
    else:
        print(format_article(article, min(_width(), 88)))
    return 0


def cmd_summary(args: argparse.Namespace) -> int:
    from summarise.summarisers import SummaryError, summarise

    article = _resolve(args.ref, args.library)
    try:
        result = summarise(article, args.method, sentences=args.sentences, ratio=args.ratio)
    except SummaryError as exc:
        raise UsageError(str(exc)) from None
    if args.json:
        _print_json({"title": article.title, **result.to_dict()})
        return 0
    width = min(_width(), 88)
    print(_wrap(article.title, width=width))
    kept = f"{len(result.sentences)} of {result.total_sentences} sentences"
    print(f"{result.method} summary, {kept}\n")
    for sentence in result.sentences:
        print(_wrap(sentence.text, "  ", width).replace("  ", "• ", 1))
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
    from summarise.entities import ENTITY_LABELS, find_entities

    articles = _resolve_many(args.refs, args.library)
    if args.json:
        _print_json(
            [
                {
                    "id": article.id,
                    "path": str(article.path) if article.path else None,
                    "title": article.title,
                    "entities": [
                        {
                            "type": e.type.value,
                            "name": e.name,
                            "count": e.count,
                            "mentions": [
                                {"text": m.text, "block": m.block, "start": m.start, "end": m.end}
                                for m in e.mentions
                            ],
                        }
                        for e in find_entities(article).entities()
                    ],
                }
                for article in articles
            ]
        )
        return 0
    width = min(_width(), 88)
    for number, article in enumerate(articles):
        if number:
            print()
        print(_wrap(article.title, width=width))
        print(f"id {article.id}  {article.path or ''}".rstrip())
        for kind, found in find_entities(article).by_type().items():
            names = ", ".join(f"{e.name} ({e.count})" for e in found)
            print(_wrap(f"{ENTITY_LABELS[kind]}: {names}", "  ", width))
    return 0


EXIT_NO_MATCH = 1


def _progress(done: int, total: int) -> None:
    if sys.stderr.isatty() and total >= 200:
        end = "\n" if done == total else ""
        print(f"\rnewsbrief: working through {done}/{total} articles", end=end, file=sys.stderr)


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
    bold, plain = ("\x1b[1m", "\x1b[0m") if sys.stdout.isatty() else ("", "")
    width = min(_width(), 100)
    for rank, hit in enumerate(hits, 1):
        print(f"{rank}. {hit.title}  [{hit.article_id}]")
        snippet, cursor = [], 0
        for start, end in hit.snippet_matches:
            snippet += [hit.snippet[cursor:start], bold, hit.snippet[start:end], plain]
            cursor = end
        snippet.append(hit.snippet[cursor:])
        print(textwrap.indent(textwrap.fill("".join(snippet), width - 3), "   "))
    if not hits:
        print(f"newsbrief: no matches for {args.query!r}", file=sys.stderr)
    return 0 if hits else EXIT_NO_MATCH


def cmd_brief(args: argparse.Namespace) -> int:
    from summarise.analysis import AnalysisCache
    from summarise.briefing import BriefingError, build_briefing
    from summarise.briefing_render import format_for, render, write_atomically

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
            bar = "#" * round(20 * done / count)
            print(f"\r[{bar:<20}] {done}/{count}", end="", file=sys.stderr)
            if done == count:
                print(file=sys.stderr)

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
    from tui.app import NewsbriefApp

    # bench/startup.py sets NEWSBRIEF_EXIT_AFTER_LOAD (a file for the paint time) and runs
    # without a terminal.
    headless = bool(os.environ.get("NEWSBRIEF_EXIT_AFTER_LOAD"))
    NewsbriefApp(paths=list(args.paths)).run(headless=headless)
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
