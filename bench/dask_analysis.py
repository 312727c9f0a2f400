"""Per-article analysis as a map over partitions: today's worker pool beside dask.bag.

    pip install -e '.[scale-out]'        # dask, for this bench only; the product never needs it
    python bench/dask_analysis.py ../shared/data [--sizes 2000,10000] [--jobs 2]

The analysis newsbrief keeps for every article (sentences, terms, names, profile: what stories,
briefings and the index are built from) is a pure function of one article, so it can run
anywhere: in the product's own worker processes (summarise/library/pool.py), or as a
`dask.bag` map on a cluster (here a local one: the multiprocessing scheduler, one process per
core). For each size, in the same run: one process alone, the product's pool, and dask.bag;
the results must be identical article by article (the analyses compared as values), and the
bench prints each one's seconds, articles a second and its overhead over the
one-process time divided by the cores.

Articles come from the BBC and DUC 2003 texts as bench/scale.py makes them (each made distinct).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scale import build_library

from summarise.article import Article
from summarise.library.analysis import Packed, analyse_packed
from summarise.library.packing import unpack
from summarise.library.pool import process_map
from summarise.readers import load_paths


def with_pool(articles: list[Article], jobs: int) -> dict[str, Packed]:
    found: dict[str, Packed] = {}
    for outcome in process_map(analyse_packed, articles, jobs):
        assert isinstance(outcome.result, Packed)
        found[outcome.result.article_id] = outcome.result
    return found


def with_dask(articles: list[Article], jobs: int) -> dict[str, Packed]:
    import dask.bag as db

    partitions = max(jobs, len(articles) // 500)  # about 500 articles a partition
    bag = db.from_sequence(articles, npartitions=partitions).map(analyse_packed)
    results = bag.compute(scheduler="processes", num_workers=jobs)
    return {p.article_id: p for p in results}


def alone(articles: list[Article], _jobs: int) -> dict[str, Packed]:
    return {a.id: analyse_packed(a) for a in articles}


def _same(one: Packed, other: Packed) -> bool:
    """The same analysis: equal when unpickled (a set pickles in its process's hash order, so
    the bytes of two processes may differ where the values do not)."""
    if one.data == other.data:
        return True
    return bool(
        one.names == other.names
        and unpack(one.data) == unpack(other.data)
        and one.profile == other.profile
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, help="the folder holding bbc/ and duc2003/")
    parser.add_argument("--sizes", default="2000,10000")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args(argv)
    try:
        import dask
    except ImportError:
        print("this bench needs dask: pip install -e '.[scale-out]'", file=sys.stderr)
        return 2
    print(f"dask {dask.__version__}, {args.jobs} processes")
    for size in (int(s) for s in args.sizes.split(",")):
        with tempfile.TemporaryDirectory() as work:
            build_library(args.data, size, Path(work), distinct=True)
            articles = load_paths([Path(work)]).articles
        timings: dict[str, float] = {}
        results: dict[str, dict[str, Packed]] = {}
        runs: tuple[tuple[str, Callable[[list[Article], int], dict[str, Packed]]], ...] = (
            ("one process", alone),
            ("newsbrief's pool", with_pool),
            ("dask.bag", with_dask),
        )
        for name, run in runs:
            started = time.perf_counter()
            results[name] = run(articles, args.jobs)
            timings[name] = time.perf_counter() - started
        reference = results["one process"]
        ideal = timings["one process"] / args.jobs
        print(f"\n{len(articles):,} articles")
        for name, seconds in timings.items():
            same = results[name].keys() == reference.keys() and all(
                _same(results[name][k], reference[k]) for k in reference
            )
            overhead = "" if name == "one process" else f"   overhead {seconds / ideal - 1:+.0%}"
            print(
                f"  {name:<18} {seconds:7.1f} s  {len(articles) / seconds:6.0f} articles/s"
                f"{overhead}   {'identical' if same else 'DIFFERENT'}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
