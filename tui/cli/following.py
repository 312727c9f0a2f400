"""follow and unfollow: people, organisations and searches followed like feeds."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from tui.cli.common import UsageError, open_catalogue, print_json, progress

if TYPE_CHECKING:
    from summarise.library.state import Followed


def _counts(args: argparse.Namespace, followed: list[Followed]) -> list[dict[str, object]]:
    from summarise.library.state import StateStore
    from summarise.usecases import find_followed

    rows: list[dict[str, object]] = []
    with (
        StateStore.open_default() as state,
        open_catalogue(args.paths, args.jobs, args.follow_links) as catalogue,
    ):
        read = state.read_ids()
        listed = {e.id for e in catalogue.listing()}
        for item in followed:
            found = find_followed(catalogue, item, jobs=args.jobs, progress=progress())
            ids = [i for i in found.ids if i in listed]
            rows.append(
                {
                    "name": item.name,
                    "kind": item.kind,
                    "resolved": found.resolved,
                    "articles": len(ids),
                    "unread": sum(1 for i in ids if i not in read),
                }
            )
    return rows


def _line(row: dict[str, object]) -> str:
    what = f"search {row['name']}" if row["kind"] == "query" else str(row["name"])
    if row.get("resolved") and row["resolved"] != row["name"]:
        what += f" (as {row['resolved']})"
    articles = int(str(row["articles"]))
    noun = "article" if articles == 1 else "articles"
    return f"{what}: {articles:,} {noun}, {int(str(row['unread'])):,} unread"


def cmd_follow(args: argparse.Namespace) -> int:
    from summarise.library.state import Followed, StateStore
    from summarise.search.query import translate_query

    if (args.list or args.query) and args.name:
        # `follow --list PATH`, `follow --query Q PATH`: the first path was read as a name.
        args.paths, args.name = [Path(args.name), *args.paths], None
    if args.list:
        if args.query:
            raise UsageError("--list takes no query")
        with StateStore.open_default() as state:
            followed = state.follows()
        if not followed:
            if args.json:
                print_json([])
            else:
                print(
                    "newsbrief: you follow nothing yet; newsbrief follow NAME or "
                    "newsbrief follow --query QUERY",
                    file=sys.stderr,
                )
            return 0
        rows = _counts(args, followed)
        if args.json:
            print_json(rows)
        else:
            for row in rows:
                print(_line(row))
        return 0
    if bool(args.name) == bool(args.query):
        raise UsageError("give a NAME or --query QUERY (or --list)")
    if args.query:
        translate_query(args.query)  # a query with nothing to search for is refused now
        item = Followed(" ".join(args.query.split()), "query")
    else:
        name = " ".join(args.name.split())
        if not name:
            raise UsageError("the name is empty")
        item = Followed(name, "name")
    with StateStore.open_default() as state:
        added = state.follow(item.name, item.kind)
        warnings = list(state.warnings)
    for warning in warnings:
        print(f"newsbrief: {warning}", file=sys.stderr)
    row = _counts(args, [item])[0]
    said = "following" if added else "already following"
    print(f"{said} {_line(row)}")
    return 0


def cmd_unfollow(args: argparse.Namespace) -> int:
    from summarise.library.state import StateStore

    with StateStore.open_default() as state:
        match = next(
            (f for f in state.follows() if f.name.casefold() == args.name.casefold()), None
        )
        if match is None:
            raise UsageError(f"you do not follow {args.name!r} (newsbrief follow --list)")
        state.unfollow(match.name)
    print(f"no longer following {match.name}")
    return 0
