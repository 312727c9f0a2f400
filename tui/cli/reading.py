"""list, show, summary, entities, and read (the reader)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from summarise.article import Article
from summarise.readers import ArticleError
from summarise.render import (
    article_text,
    entities_data,
    entities_text,
    listing_line,
    summary_data,
    summary_text,
)
from summarise.usecases import missing
from tui.cli.common import (
    READING_WIDTH,
    UsageError,
    bounded,
    open_catalogue,
    print_json,
    read_bounded,
    resolve,
    warn,
    width,
)


def cmd_list(args: argparse.Namespace) -> int:
    catalogue = open_catalogue(args.paths, args.jobs, args.follow_links)
    entries = catalogue.listing()  # each story once, its copies named by the one shown
    catalogue.close()
    if args.json:
        print_json([e.summary_dict() for e in entries])
        return 0
    columns = width()
    sys.stdout.write("".join(listing_line(e, columns) + "\n" for e in entries))
    print(f"{len(entries):,} article{'' if len(entries) == 1 else 's'}", file=sys.stderr)
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    article = resolve(args.ref, args.library, args.jobs, args.follow_links)
    if args.json:
        print_json(article.to_dict())
    else:
        print(article_text(article, width(READING_WIDTH)))
    return 0


def cmd_summary(args: argparse.Namespace) -> int:
    from summarise.language.summarisers import SummaryError, summarise

    article = resolve(args.ref, args.library, args.jobs, args.follow_links)
    try:
        with bounded(_name(article), "summarise"):
            result = summarise(article, args.method, sentences=args.sentences, ratio=args.ratio)
    except SummaryError as exc:
        raise UsageError(str(exc)) from None
    if args.json:
        print_json(summary_data(article, result))
    else:
        print(summary_text(article, result, width(READING_WIDTH)))
    return 0


def _articles(refs: Sequence[str], args: argparse.Namespace) -> Iterator[Article]:
    """Articles for ids, files and folders, in the order given (a folder's in path order)."""
    for ref in refs:
        path = Path(ref)
        if path.is_dir():
            catalogue = open_catalogue([path], args.jobs, args.follow_links)
            ids = [e.id for e in catalogue.entries()]
            for batch in catalogue.iter_articles(ids):
                yield from batch
            catalogue.close()
        elif path.is_file():  # a feed or JSON export holds many
            try:
                yield from read_bounded(path).articles
            except ArticleError as exc:
                raise UsageError(str(exc)) from None
        else:
            yield resolve(ref, args.library, args.jobs, args.follow_links)


def cmd_entities(args: argparse.Namespace) -> int:
    from summarise.entities import find_entities

    def found_in(articles: Iterator[Article]) -> Iterator[tuple[Article, Any]]:
        for article in articles:
            try:
                with bounded(_name(article), "find its names"):
                    names = find_entities(article)
            except UsageError as exc:  # one article too slow: said, and the rest go on
                warn(f"skipped {exc}")
                continue
            yield article, names

    found = found_in(_articles(args.refs, args))
    if args.json:
        print_json([entities_data(a, f) for a, f in found])
    else:
        print("\n\n".join(entities_text(a, f, width(READING_WIDTH)) for a, f in found))
    return 0


def _name(article: Article) -> str:
    return str(article.path) if article.path is not None else article.id


def cmd_read(args: argparse.Namespace) -> int:
    for path in args.paths:
        if not path.exists():
            raise UsageError(missing(path))
    # The one way from the command line to Textual: `list` and the rest never pay for it.
    from tui.app import NewsbriefApp

    NewsbriefApp(paths=list(args.paths), jobs=args.jobs, follow_links=args.follow_links).run()
    return 0
