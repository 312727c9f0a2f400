"""search: ranked full-text search, like grep in its exit status."""

from __future__ import annotations

import argparse
import sys

from summarise.render import hits_text
from tui.cli.common import EXIT_NO_MATCH, open_catalogue, print_json, progress, warn, width


def cmd_search(args: argparse.Namespace) -> int:
    from summarise.usecases import search_library

    with open_catalogue(args.paths, args.jobs, args.follow_links) as catalogue:
        hits, notices = search_library(
            catalogue, args.query, limit=args.limit, jobs=args.jobs, progress=progress()
        )
    for notice in notices:
        warn(notice)
    if args.json:
        print_json([hit.to_dict() for hit in hits])
    elif hits:
        marks = ("\x1b[1m", "\x1b[0m") if sys.stdout.isatty() else ("", "")
        print(hits_text(hits, width(100), marks))
    else:
        print(f"newsbrief: no matches for {args.query!r}", file=sys.stderr)
    return 0 if hits else EXIT_NO_MATCH
