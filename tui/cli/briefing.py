"""brief and stories: one page across many articles, and which articles tell one story."""

from __future__ import annotations

import argparse
import sys

from summarise.library.catalogue import Catalogue, Entry
from tui.cli.common import UsageError, open_catalogue, print_json, progress, width


def scoped(args: argparse.Namespace, catalogue: Catalogue) -> list[Entry]:
    """The library's entries narrowed by --since, --until and --query."""
    from summarise.library.scope import ScopeError, matching, parse_when, within

    entries = catalogue.entries()
    try:
        since = parse_when(args.since) if args.since else None
        until = parse_when(args.until) if args.until else None
    except ScopeError as exc:
        raise UsageError(str(exc)) from None
    entries = within(entries, since, until)
    if args.query:
        from summarise.library.listing import default_libraries
        from summarise.search.index import SearchIndex
        from summarise.search.query import QueryError

        index = SearchIndex.for_library(args.paths or default_libraries())
        try:
            index.sync_catalogue(catalogue, progress=progress("articles indexed"))
            entries = matching(entries, index.matching_ids(args.query))
        except QueryError as exc:
            raise UsageError(str(exc)) from None
        finally:
            index.close()
    return entries


def _where(args: argparse.Namespace) -> str:
    where = ", ".join(str(p) for p in args.paths) or "the default library"
    if args.since or args.until or args.query:
        where += " in the scope asked for"
    return where


def cmd_brief(args: argparse.Namespace) -> int:
    from summarise.briefing.build import BriefingError, brief
    from summarise.briefing.render import format_for, render
    from summarise.feeds.saving import write_atomically
    from summarise.library.analysis import Analyses, AnalysisCache

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
    catalogue = open_catalogue(args.paths, args.jobs, args.follow_links)
    cache = AnalysisCache.default()
    try:
        entries = scoped(args, catalogue)
        analyses = Analyses(catalogue.articles, cache, args.jobs, progress("articles analysed"))
        briefing = brief(entries, analyses, args.words, args.stories)
    except BriefingError as exc:
        raise UsageError(f"{exc} in {_where(args)}") from None
    finally:
        cache.close()
        catalogue.close()
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


def cmd_stories(args: argparse.Namespace) -> int:
    from summarise.briefing.build import headline
    from summarise.briefing.stories import StoryItem, find_stories
    from summarise.library.analysis import Analyses, AnalysisCache
    from summarise.render import story_listing

    catalogue = open_catalogue(args.paths, args.jobs, args.follow_links)
    cache = AnalysisCache.default()
    try:
        entries = scoped(args, catalogue)
        analyses = Analyses(catalogue.articles, cache, args.jobs, progress("articles analysed"))
        profiles = analyses.profiles([e.id for e in entries])
    finally:
        cache.close()
        catalogue.close()
    by_id = {e.id: e for e in entries}
    found = find_stories(
        [
            StoryItem(e.id, headline(e.title), e.date, e.source, profiles[e.id].terms)
            for e in entries
            if e.id in profiles
        ]
    )
    if args.json:
        print_json([s.to_dict(by_id) for s in found])
    else:
        sys.stdout.write(story_listing(found, by_id, width(), args.limit))
    if not found:
        print(f"newsbrief: no articles in {_where(args)}", file=sys.stderr)
    return 0
