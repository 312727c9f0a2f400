"""Key presses in the reader while its update analyses and indexes a big library: the key step
of bench/scale.py on a library that already exists.

    python bench/keys_while_updating.py LIBRARY [--presses 40]

LIBRARY's catalogue must be built (run `newsbrief list` on it first, with the same
NEWSBRIEF_CACHE_DIR); only the catalogue is copied to a fresh cache folder, so the reader starts
on a warm list with no index and no analyses, as after a first `newsbrief list`. Prints the
press latencies (p50, p95, max) and the reader's full garbage collections meanwhile.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import sqlite3
import statistics
import sys
import tempfile
from pathlib import Path

from queries import percentile
from scale import key_latency

from summarise.library.catalogue import catalogue_path_for


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("library", type=Path)
    parser.add_argument("--presses", type=int, default=40)
    args = parser.parse_args(argv)
    built = catalogue_path_for([args.library])
    if not built.exists():
        print(f"no catalogue for {args.library}: run `newsbrief list` on it first", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as work:
        shutil.copy(built, work)
        os.environ.update(NEWSBRIEF_CACHE_DIR=work, NEWSBRIEF_DATA_DIR=str(Path(work) / "data"))
        with sqlite3.connect(built) as db:  # the whole list is most of them
            articles = int(db.execute("SELECT count(*) FROM articles").fetchone()[0])
        times, updating, pauses = asyncio.run(key_latency(args.library, args.presses, articles))
    print(
        f"{len(times)} presses: p50 {statistics.median(times):.1f} ms, "
        f"p95 {percentile(times, 0.95):.1f} ms, max {max(times):.1f} ms "
        f"(the update {'still running' if updating else 'done'} at the last)"
    )
    longest = max(pauses, default=0.0)
    print(f"full collections meanwhile: {len(pauses)}, longest {longest:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
