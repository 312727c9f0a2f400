"""The `newsbrief` command line. With no command it opens the reader.

User mistakes (a missing path, an unknown method, a bad number) print one line to stderr and
exit 2; nothing a user can type produces a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import itertools
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn

from summarise import __version__
from summarise.errors import NewsbriefError
from summarise.library import sqlite
from summarise.library.sqlite import StorageError
from tui.cli.common import EXIT_FAILED, EXIT_USAGE, UsageError, warn
from tui.cli.feeds import add_parsers as add_feed_parsers
from tui.cli.settings import add_parsers as add_config_parsers

__all__ = ["UsageError", "build_parser", "main"]


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
    from summarise.language.summarisers import SummaryError, parse_ratio

    try:
        return parse_ratio(text)
    except SummaryError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def build_parser() -> argparse.ArgumentParser:
    from summarise.language.summarisers import DEFAULT_METHOD, METHODS

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
    brief.add_argument("--json", action="store_true", help="the same as --format json")
    brief.add_argument(
        "--words",
        "-w",
        type=_positive_int,
        default=500,
        metavar="N",
        help="about how long (default 500; sources not counted)",
    )

    stories = commands.add_parser(
        "stories", help="which articles report the same story, most important first"
    )
    stories.add_argument("paths", nargs="*", type=Path, metavar="PATH")
    stories.add_argument("--json", action="store_true", help="machine-readable output")
    stories.add_argument(
        "--limit", "-n", type=_positive_int, default=20, metavar="N", help="stories listed"
    )
    for sub in (brief, stories):
        since = "24h, 7d, 2w, 3m or a date (2026-11-01)"
        if sub is brief:
            since = f"an update: what is new since WHEN ({since}), nothing earlier articles said"
        sub.add_argument("--since", metavar="WHEN", help=since)
        sub.add_argument("--until", metavar="WHEN", help="as --since; undated articles are kept")
        sub.add_argument("--query", "-q", metavar="QUERY", help="only articles a search finds")
    brief.add_argument(
        "--stories", "-s", type=_positive_int, metavar="N", help="top stories told (default 5)"
    )
    brief.add_argument(
        "--new",
        action="store_true",
        help="only what is new: leaves out what you have read in the reader or were told by an "
        "earlier brief --new",
    )
    brief.add_argument(
        "--mark-read",
        action="store_true",
        help="with --new: mark the articles briefed read (a digest never does unless asked)",
    )
    brief.add_argument(
        "--follow",
        metavar="NAME",
        help="only the articles a followed name or search finds (see newsbrief follow)",
    )

    follow = commands.add_parser(
        "follow", help="follow a person, organisation or search like a feed"
    )
    follow.add_argument(
        "name", nargs="?", metavar="NAME", help='a person or organisation ("Carney")'
    )
    follow.add_argument("--query", metavar="QUERY", help="follow a search ('tariffs AND canola')")
    follow.add_argument("--list", action="store_true", help="what you follow, with unread counts")
    follow.add_argument("paths", nargs="*", type=Path, metavar="PATH", default=[])
    follow.add_argument("--json", action="store_true", help="machine-readable output (--list)")
    unfollow = commands.add_parser("unfollow", help="stop following a name or search")
    unfollow.add_argument("name", metavar="NAME")

    fetch = commands.add_parser("fetch", help="download articles and feeds into a library")
    fetch.add_argument("urls", nargs="+", metavar="URL")
    fetch.add_argument("--json", action="store_true", help="machine-readable output")
    fetch.add_argument(
        "--into",
        type=Path,
        metavar="DIR",
        help="the library folder (default: your library, which newsbrief opens "
        "when no PATH is given)",
    )

    add_feed_parsers(commands)
    add_config_parsers(commands)

    for sub in (show, summary, entities):
        sub.add_argument(
            "--library",
            "-L",
            action="append",
            type=Path,
            metavar="PATH",
            help="where to look an id up (default: the sample articles); repeatable",
        )
    for sub in (read, listing, show, summary, entities, search, brief, stories, follow):
        sub.add_argument(
            "--jobs",
            "-j",
            type=_positive_int,
            metavar="N",
            help="processes for reading and analysing new files (default: one per core)",
        )
        sub.add_argument(
            "--follow-links",
            action="store_true",
            help="read what links inside the library point to (default: links are skipped)",
        )
    return parser


# Each command's module is imported when it runs: `search` does not pay for the briefing's
# imports, nor `list` for the feeds' (a tenth of a second of every command).
COMMANDS = {
    "read": "reading:cmd_read",
    "list": "reading:cmd_list",
    "show": "reading:cmd_show",
    "summary": "reading:cmd_summary",
    "entities": "reading:cmd_entities",
    "search": "searching:cmd_search",
    "brief": "briefing:cmd_brief",
    "stories": "briefing:cmd_stories",
    "follow": "following:cmd_follow",
    "unfollow": "following:cmd_unfollow",
    "fetch": "fetching:cmd_fetch",
    "feeds": "feeds:cmd_feeds",
    "refresh": "feeds:cmd_refresh",
    "config": "settings:cmd_config",
}


def _command(name: str) -> Callable[[argparse.Namespace], int]:
    module, function = COMMANDS[name].split(":")
    found: Callable[[argparse.Namespace], int] = getattr(
        importlib.import_module(f"tui.cli.{module}"), function
    )
    return found


# Options of `search`, so that any other word starting with "-" is read as part of the query.
_SEARCH_OPTIONS = ("-n", "--limit", "-j", "--jobs", "--json", "-h", "--help")


def _dashed_queries(argv: list[str]) -> list[str]:
    """`newsbrief search -tariff`: a query word that starts with "-" (NOT in the query language)
    is not an option. A leading space keeps argparse from reading it as one; queries are
    stripped."""
    if not argv or argv[0] != "search":
        return argv
    kept = [argv[0]]
    for before, word in itertools.pairwise(argv):
        if "--" in kept or before in ("-n", "--limit", "-j", "--jobs"):  # plain, or a value
            kept.append(word)
        elif word.startswith("-") and word != "--" and not word.startswith(_SEARCH_OPTIONS):
            kept.append(f" {word}")
        else:
            kept.append(word)
    return kept


def _paths_mean_read(argv: list[str]) -> list[str]:
    """`newsbrief ~/news` opens the reader there, as `newsbrief read ~/news` does. Only a word
    that names a file or folder, or looks like a path, is taken so: a mistyped command is still
    reported as one."""
    if argv and argv[0] not in COMMANDS and not argv[0].startswith("-"):
        first = argv[0]
        if "/" in first or Path(first).expanduser().exists():
            return ["read", *argv]
    return argv


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    argv = _paths_mean_read(list(sys.argv[1:] if argv is None else argv))
    args = parser.parse_args(_dashed_queries(argv))
    if args.command is None:
        args = parser.parse_args(["read", *argv])
    if args.command != "read":  # the reader draws the screen: it says so in its own way
        sqlite.waiting = warn
    try:
        return _command(args.command)(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `newsbrief list | head`: the reader went away; that is not an error.
        sys.stderr.close()
        return 0
    except (OSError, StorageError) as exc:
        # A read-only or full disk, a folder that vanished: one line that names the cause.
        warn(f"cannot continue: {_disk_problem(exc)}")
        return EXIT_FAILED
    except MemoryError:
        # A whole library of a million articles briefed at once needed over 12 GB (stories
        # hold every article's profile): say so, and how to ask for less.
        warn(
            "ran out of memory: ask for less at once (--since, --until or --query narrow "
            "a briefing or a list)"
        )
        return EXIT_FAILED
    except NewsbriefError as exc:  # a mistake in what was asked, or work that could not be done
        warn(str(exc))
        return exc.exit_status


def _disk_problem(exc: OSError | StorageError) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return f"{exc.filename}: {exc.strerror}" if exc.filename else exc.strerror
    return str(exc)
