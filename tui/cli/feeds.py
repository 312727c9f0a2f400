"""feeds and refresh: subscriptions, OPML, and refreshing every feed at once."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from summarise.feeds.full_text import FullText
from summarise.plain import shown_path
from summarise.render import feed_lines, progress_line, refresh_summary
from summarise.untrusted import printable
from tui.cli.common import UsageError, open_catalogue, print_json, warn, width

# The feeds' modules are imported by the commands that use them: every command builds this
# parser, and importing them cost a search a fifth of its start-up.
if TYPE_CHECKING:
    from summarise.feeds.refresh import FeedReport
    from summarise.feeds.subscriptions import Feed, Subscriptions


def _subscriptions() -> Subscriptions:
    from summarise.feeds.subscriptions import Subscriptions

    subscriptions = Subscriptions.open_default()
    for notice in subscriptions.notices:
        warn(notice)
    return subscriptions


def _refresh(subscriptions: Subscriptions, feeds: list[Feed] | None = None) -> list[FeedReport]:
    from summarise.feeds.refresh import refresh

    interactive = sys.stderr.isatty()

    def show(done: int, total: int) -> None:
        if interactive and total:
            print(f"\r{progress_line(done, total, 'downloads')}", end="", file=sys.stderr)

    reports = refresh(subscriptions, feeds, progress=show)
    if interactive:
        print(file=sys.stderr)
    for report in reports:
        if report.error:
            warn(f"{report.feed.url}: {report.error}")
        for teaser in report.teasers:
            warn(f"{report.feed.url}: kept the feed's teaser for {teaser}")
        for problem in report.problems:
            warn(f"{report.feed.url}: {problem}")
    return reports


def cmd_refresh(args: argparse.Namespace) -> int:
    subscriptions = _subscriptions()
    try:
        if not subscriptions.all():
            raise UsageError("no subscriptions yet: add one with newsbrief feeds add URL")
        reports = _refresh(subscriptions)
    finally:
        subscriptions.close()
    if args.json:
        print_json([r.to_dict() for r in reports])
    else:
        print(refresh_summary(reports))
    return 1 if any(r.outcome == "failed" for r in reports) else 0


def cmd_feeds(args: argparse.Namespace) -> int:
    from summarise.feeds.subscriptions import FeedError

    subscriptions = _subscriptions()
    try:
        return _FEEDS[args.feeds_command](args, subscriptions)
    except FeedError as exc:
        raise UsageError(str(exc)) from None
    finally:
        subscriptions.close()


def _add(args: argparse.Namespace, subscriptions: Subscriptions) -> int:
    from summarise.feeds.http import FetchError
    from summarise.feeds.refresh import resolve_feed

    added, failed = [], 0
    for url in dict.fromkeys(args.urls):
        try:
            found, title = resolve_feed(url)
        except FetchError as exc:
            warn(f"{url}: {exc}")
            failed += 1
            continue
        if found != url:
            print(printable(f"{url}: the page's feed is {found}"), file=sys.stderr)
        added.append(subscriptions.add(found, FullText(args.full_text), title))
    reports = _refresh(subscriptions, added) if added else []
    if args.json:
        print_json([r.to_dict() for r in reports])
    else:
        for report in reports:
            print(
                printable(f"{report.feed.id:>3}  {len(report.saved):,} articles  {report.feed.url}")
            )
    if added:
        print(f"{len(added)} feed{'' if len(added) == 1 else 's'} followed", file=sys.stderr)
    return 1 if failed else 0


def _list(args: argparse.Namespace, subscriptions: Subscriptions) -> int:
    from summarise.feeds.subscriptions import feed_counts
    from summarise.library.state import StateStore

    feeds = subscriptions.all()
    counts = {}
    if feeds and subscriptions.library.is_dir():
        catalogue = open_catalogue([subscriptions.library])
        locations = [(e.id, e.location) for e in catalogue.entries()]
        catalogue.close()
        state = StateStore.open_default()
        counts = feed_counts(feeds, locations, state.read_ids())
        state.close()
    if args.json:
        print_json(
            [
                {**f.to_dict(), "articles": c.articles, "unread": c.unread}
                for f in feeds
                for c in [counts.get(f.id) or _NO_COUNT]
            ]
        )
        return 0
    if not feeds:
        print("No subscriptions yet: add one with newsbrief feeds add URL", file=sys.stderr)
        return 0
    print("  #    unread/all  refreshed    feed")
    print("\n".join(feed_lines(feeds, counts, time.time(), width())))
    return 0


def _remove(args: argparse.Namespace, subscriptions: Subscriptions) -> int:
    for ref in args.refs:
        feed = subscriptions.find(ref)
        subscriptions.remove(feed)
        print(f"unfollowed {feed.name}; its articles stay in {shown_path(feed.folder)}")
    return 0


def _import(args: argparse.Namespace, subscriptions: Subscriptions) -> int:
    from summarise.feeds.opml import OpmlError, read_opml
    from summarise.feeds.subscriptions import FeedError

    try:
        outlines = read_opml(args.file.read_text("utf-8", errors="replace"))
    except OSError as exc:
        raise UsageError(f"cannot read {args.file}: {exc.strerror or exc}") from None
    except OpmlError as exc:
        raise UsageError(f"{args.file}: {exc}") from None
    known = {f.url for f in subscriptions.all()}
    new = 0
    for outline in outlines:
        try:
            subscriptions.add(outline.url, FullText.AUTO, outline.title)
        except FeedError as exc:
            warn(f"{outline.url}: {exc}")
            continue
        new += outline.url not in known
    print(
        f"{new} feed{'' if new == 1 else 's'} added, {len(outlines) - new} already followed or "
        "skipped; newsbrief refresh fetches them",
        file=sys.stderr,
    )
    return 0


def _export(args: argparse.Namespace, subscriptions: Subscriptions) -> int:
    from summarise.feeds.opml import Outline, write_opml
    from summarise.feeds.saving import write_atomically

    document = write_opml([Outline(f.url, f.title) for f in subscriptions.all()])
    if args.output is None:
        sys.stdout.write(document)
        return 0
    try:
        write_atomically(args.output, document)
    except OSError as exc:
        raise UsageError(f"cannot write {args.output}: {exc.strerror or exc}") from None
    print(f"wrote {shown_path(args.output)}", file=sys.stderr)
    return 0


_FEEDS = {"add": _add, "list": _list, "remove": _remove, "import": _import, "export": _export}


class _NoCount:
    articles = 0
    unread = 0


_NO_COUNT = _NoCount()


def add_parsers(commands: argparse._SubParsersAction[Any]) -> None:
    feeds = commands.add_parser("feeds", help="your subscriptions: add, list, remove, OPML")
    sub = feeds.add_subparsers(dest="feeds_command", metavar="ACTION", required=True)
    add = sub.add_parser("add", help="follow feeds (a site's address finds its feed)")
    add.add_argument("urls", nargs="+", metavar="URL")
    add.add_argument("--json", action="store_true", help="machine-readable output")
    add.add_argument(
        "--full-text",
        choices=[m.value for m in FullText],
        default=FullText.AUTO.value,
        help="fetch each entry's page for the whole article: auto (when the feed has only "
        "a teaser, the default), always or never",
    )
    listing = sub.add_parser("list", help="each feed with its unread count and last error")
    listing.add_argument("--json", action="store_true", help="machine-readable output")
    remove = sub.add_parser("remove", help="unfollow feeds (their articles are kept)")
    remove.add_argument("refs", nargs="+", metavar="URL|NUMBER")
    importing = sub.add_parser("import", help="follow every feed in an OPML file")
    importing.add_argument("file", type=Path, metavar="FILE.opml")
    export = sub.add_parser("export", help="your subscriptions as OPML 2.0")
    export.add_argument("--output", "-o", type=Path, metavar="FILE")
    refresh = commands.add_parser("refresh", help="fetch every feed's new articles")
    refresh.add_argument("--json", action="store_true", help="machine-readable output")
