"""brief and stories: one page across many articles, and which articles tell one story."""

from __future__ import annotations

import argparse
import sys

from summarise.usecases import Scope
from tui.cli.common import UsageError, open_catalogue, print_json, progress, warn, width


def _scope(args: argparse.Namespace) -> Scope:
    return Scope(args.since, args.until, args.query)


def _where(args: argparse.Namespace) -> str:
    where = ", ".join(str(p) for p in args.paths) or "the default library"
    if _scope(args).narrowed:
        where += " in the scope asked for"
    return where


def cmd_brief(args: argparse.Namespace) -> int:
    from summarise.briefing.build import BriefingError
    from summarise.briefing.render import format_for, render
    from summarise.feeds.saving import write_atomically
    from summarise.usecases import brief_library

    fmt = "json" if args.json and args.format is None else args.format
    if args.json and fmt != "json":
        raise UsageError("--json and --format disagree; give one")
    if fmt is None and args.output is not None:
        fmt = format_for(args.output)
        if fmt is None:
            raise UsageError(
                f"cannot tell the format from {args.output.name!r}; add --format md|txt|html|json"
            )
    fmt = fmt or "md"
    if args.output is not None and not args.output.parent.is_dir():
        raise UsageError(f"no such folder: {args.output.parent}")
    with open_catalogue(args.paths, args.jobs, args.follow_links) as catalogue:
        try:
            briefed = brief_library(
                catalogue,
                _scope(args),
                words=args.words,
                stories=args.stories,
                jobs=args.jobs,
                progress=progress(),
            )
        except BriefingError as exc:
            raise UsageError(f"{exc} in {_where(args)}") from None
    text = render(briefed.briefing, fmt)
    if args.output is None:
        sys.stdout.write(text)
    else:
        write_atomically(args.output, text)
        warn(f"wrote {args.output}: {briefed.status()}")
    return 0


def cmd_stories(args: argparse.Namespace) -> int:
    from summarise.render import story_listing
    from summarise.usecases import stories_of_library

    with open_catalogue(args.paths, args.jobs, args.follow_links) as catalogue:
        found, entries = stories_of_library(
            catalogue, _scope(args), jobs=args.jobs, progress=progress()
        )
    by_id = {e.id: e for e in entries}
    if args.json:
        print_json([s.to_dict(by_id) for s in found])
    else:
        sys.stdout.write(story_listing(found, by_id, width(), args.limit))
    if not found:
        print(f"newsbrief: no articles in {_where(args)}", file=sys.stderr)
    return 0
