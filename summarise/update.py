"""Bring a library up to date: its catalogue, then its search index.

The reader runs this in a process of its own (`python -m summarise.update`), so that none of
the work (parsing, analysis, indexing) competes with its keys for the interpreter; it reads the
progress lines this prints. Everything is committed in batches, so stopping the process at any
point loses only the batch in flight, and the next update carries on from there.

    python -m summarise.update [--jobs N] [--follow-links] ROOT...

prints one JSON object per line: {"stage": "reading"|"indexing"|"naming", "done": n, "total": t}
as work goes on (indexing is the articles' text, naming the names their analysis finds),
{"stage": "catalogued", "done": 1 if anything changed else 0, "total": 1} when the catalogue
matches the disk (the reader lists it then, before indexing), and last
{"finished": true, "changed": bool, "notices": [...]}.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from summarise.library.analysis import AnalysisCache
from summarise.library.catalogue import Catalogue
from summarise.search.index import SearchIndex, naming_pool

Progress = Callable[[str, int, int], None]
# Progress lines come at most this often: enough for a status line, and 100,000 items do not
# make 100,000 lines.
PROGRESS_INTERVAL = 0.2
# With the reader on the same cores, the update and its workers yield to it at once.
BACKGROUND_NICENESS = 10


def update(
    roots: Sequence[Path],
    jobs: int | None = None,
    progress: Progress | None = None,
    follow_links: bool = False,
) -> dict[str, object]:
    """Refresh the catalogue and the index of the library at `roots`; what changed."""

    def stage(name: str) -> Callable[[int, int], None]:
        return lambda done, total: progress(name, done, total) if progress else None

    catalogue = Catalogue.for_library(list(roots), follow_links=follow_links)
    index = SearchIndex.for_library(list(roots), catalogue)
    cache = AnalysisCache.default()
    try:
        report = catalogue.refresh(jobs, stage("reading"))
        if progress is not None:
            progress("catalogued", int(bool(report.added or report.removed)), 1)
        with naming_pool(jobs) as pool:
            synced = index.sync_catalogue(
                catalogue, cache, pool, stage("indexing"), naming=stage("naming")
            )
    finally:
        cache.close()
        index.close()
        catalogue.close()
    return {
        "finished": True,
        "changed": bool(report.added or report.removed),
        "notices": report.notices + synced.notices,
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m summarise.update")
    parser.add_argument("--jobs", type=int)
    parser.add_argument(
        "--background",
        action="store_true",
        help="run at a lower priority (and so its workers): the reader's keys come first",
    )
    parser.add_argument("--follow-links", action="store_true")
    parser.add_argument("roots", nargs="+", type=Path)
    args = parser.parse_args(argv)
    if args.background and hasattr(os, "nice"):
        os.nice(BACKGROUND_NICENESS)

    shown = [0.0]

    def show(stage: str, done: int, total: int) -> None:
        now = time.monotonic()
        if done == total or now - shown[0] >= PROGRESS_INTERVAL or stage == "catalogued":
            shown[0] = now
            print(json.dumps({"stage": stage, "done": done, "total": total}), flush=True)

    print(json.dumps(update(args.roots, args.jobs, show, args.follow_links)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
