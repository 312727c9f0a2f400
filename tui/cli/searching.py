"""search: ranked full-text search, like grep in its exit status."""

from __future__ import annotations

import argparse
import sys

from summarise.render import hits_text
from tui.cli.common import (
    EXIT_NO_MATCH,
    UsageError,
    open_catalogue,
    print_json,
    progress,
    warn,
    width,
)


def cmd_search(args: argparse.Namespace) -> int:
    from summarise.library.analysis import AnalysisCache
    from summarise.library.listing import default_libraries
    from summarise.search.index import QueryError, SearchIndex, entry_pool

    catalogue = open_catalogue(args.paths, args.jobs, args.follow_links)
    index = SearchIndex.for_library(args.paths or default_libraries())
    cache = AnalysisCache.default()
    try:
        with entry_pool(args.jobs) as pool:
            report = index.sync_catalogue(catalogue, cache, pool, progress("articles indexed"))
        for notice in report.notices:
            warn(notice)
        hits = index.search(args.query, limit=args.limit)
    except QueryError as exc:
        raise UsageError(str(exc)) from None
    finally:
        index.close()
        cache.close()
        catalogue.close()
    if args.json:
        print_json([hit.to_dict() for hit in hits])
    elif hits:
        marks = ("\x1b[1m", "\x1b[0m") if sys.stdout.isatty() else ("", "")
        print(hits_text(hits, width(100), marks))
    else:
        print(f"newsbrief: no matches for {args.query!r}", file=sys.stderr)
    return 0 if hits else EXIT_NO_MATCH
