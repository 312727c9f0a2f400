"""brief: one page across many articles."""

from __future__ import annotations

import argparse
import sys

from tui.cli.common import UsageError, open_catalogue, progress


def cmd_brief(args: argparse.Namespace) -> int:
    from summarise.analysis import AnalysisCache
    from summarise.briefing.build import BriefingError, build_briefing
    from summarise.briefing.render import format_for, render, write_atomically

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
    catalogue = open_catalogue(args.paths, args.jobs)
    cache = AnalysisCache.default()
    try:
        ids = [e.id for e in catalogue.entries()]
        articles = [a for batch in catalogue.iter_articles(ids) for a in batch]
        briefing = build_briefing(
            articles, words=args.words, cache=cache, progress=progress("articles analysed")
        )
    except BriefingError as exc:
        where = ", ".join(str(p) for p in args.paths) or "the sample library"
        raise UsageError(f"{exc} in {where}") from None
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
