"""brief and stories: one page across many articles, and which articles tell one story."""

from __future__ import annotations

import argparse
import datetime
import sys
from pathlib import Path

from summarise.usecases import Scope
from tui.cli.common import UsageError, open_catalogue, print_json, progress, warn, width


def _scope(args: argparse.Namespace) -> Scope:
    return Scope(args.since, args.until, args.query)


def _where(args: argparse.Namespace) -> str:
    where = ", ".join(str(p) for p in args.paths) or "the default library"
    if _scope(args).narrowed:
        where += " in the scope asked for"
    return where


def output_path(path: Path, today: datetime.date | None = None) -> Path:
    """The file to write: {date} in its name is today's date (a digest a day)."""
    today = today or datetime.date.today()
    return Path(str(path).replace("{date}", today.isoformat()))


def cmd_brief(args: argparse.Namespace) -> int:
    from summarise.briefing.build import BriefingError
    from summarise.briefing.render import format_for, render
    from summarise.briefing.update import NothingNew
    from summarise.feeds.saving import write_atomically
    from summarise.library.state import Followed, StateStore
    from summarise.usecases import brief_library, known_articles, known_before

    fmt = "json" if args.json and args.format is None else args.format
    if args.json and fmt != "json":
        raise UsageError("--json and --format disagree; give one")
    if args.new and args.since:
        raise UsageError("--new and --since both say what is new; give one")
    if args.mark_read and not args.new:
        raise UsageError("--mark-read goes with --new")
    output = output_path(args.output) if args.output is not None else None
    if fmt is None and output is not None:
        fmt = format_for(output)
        if fmt is None:
            raise UsageError(
                f"cannot tell the format from {output.name!r}; add --format md|txt|html|json"
            )
    fmt = fmt or "md"
    if output is not None and not output.parent.is_dir():
        raise UsageError(f"no such folder: {output.parent}")
    scope = Scope(None, args.until, args.query)  # --since is what the reader knew
    with StateStore.open_default() as state:
        known = None
        if args.since:
            known = known_before(args.since)
        elif args.new:
            known = known_articles(state.read_ids() | state.told_ids())
        following = None
        if args.follow:
            following = next(
                (f for f in state.follows() if f.name.casefold() == args.follow.casefold()),
                Followed(args.follow, "name"),
            )
        with open_catalogue(args.paths, args.jobs, args.follow_links) as catalogue:
            try:
                briefed = brief_library(
                    catalogue,
                    scope,
                    words=args.words,
                    stories=args.stories,
                    jobs=args.jobs,
                    progress=progress(),
                    known=known,
                    following=following,
                )
            except NothingNew as exc:
                print(f"newsbrief: {exc} in {_where(args)}", file=sys.stderr)
                return 0
            except BriefingError as exc:
                where = _where(args)
                if following is not None:
                    where += f" that {following.name!r} finds"
                raise UsageError(f"{exc} in {where}") from None
        text = render(briefed.briefing, fmt)
        if output is None:
            sys.stdout.write(text)
        else:
            write_atomically(output, text)
            warn(f"wrote {output}: {briefed.status()}")
        if args.new:
            # Told once: the next --new starts after these. Read only when asked.
            state.add_told(briefed.told)
            if args.mark_read:
                state.set_mark(briefed.told, "read", True)
        for notice in state.warnings:
            warn(notice)
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
