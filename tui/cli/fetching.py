"""fetch: pages and feeds into a library folder."""

from __future__ import annotations

import argparse
import sys

from summarise.render import progress_line
from summarise.untrusted import printable
from tui.cli.common import UsageError, print_json, warn


def cmd_fetch(args: argparse.Namespace) -> int:
    from summarise.feeds.fetch import FetchResult, fetch
    from summarise.library.paths import user_library_path

    into = args.into or user_library_path()
    if into.exists() and not into.is_dir():
        raise UsageError(f"{into} is a file, not a folder")
    total = len(args.urls)
    interactive = sys.stderr.isatty()

    def show(done: int, count: int, result: FetchResult) -> None:
        if interactive and count > 1:
            end = "\n" if done == count else ""
            print(f"\r{progress_line(done, count, 'URLs')}", end=end, file=sys.stderr)

    results = fetch(args.urls, into, progress=show)
    if args.json:
        print_json([r.to_dict() for r in results])
        return 0 if not any(r.error for r in results) else 1
    failed = 0
    for result in results:
        if result.error:
            failed += 1
            warn(f"{result.url}: {result.error}")
            continue
        what = f"{len(result.saved)} new"
        if result.already:
            what += f", {result.already} already in the library"
        kind = "feed" if result.feed else "page"
        print(printable(f"{result.url}: {kind}, {what}"))
        for problem in result.problems:
            warn(f"{result.url}: skipped {problem}")
    print(f"{total - failed} of {total} fetched into {into}", file=sys.stderr)
    return 0 if failed == 0 else 1
