"""Search speed: index build, reopen, and query latency against grep, at two library sizes.

    python bench/search.py ../shared/data/bbc [--size 20000] [--runs 3]

1. The BBC library as it is (DATA_DIR/articles): cold index build (median of --runs), reopen
   with nothing changed, and query latency (median and p95) over a fixed list of queries.
2. The same library replicated to --size articles, written to a temporary folder (each copy
   gets a marker line, so every file is a distinct article): build, reopen and latency again.
For both, `grep -ril` over the same files for the same words, in the same run, for scale
(grep answers a simpler question: which files contain the words, unranked, no snippets).
"""

from __future__ import annotations

import argparse
import dataclasses
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from summarise.article import Article
from summarise.readers import load_paths
from summarise.search import SearchIndex, _entity_names

QUERIES = [
    "election",
    "tariff",
    "economy growth",
    '"world cup"',
    "music award",
    "mobile phone*",
    "title:oil",
    "entity:Microsoft",
    "bank AND rates",
    "film NOT oscar",
    "champion*",
    "internet OR broadband",
    "prime minister",
    "shares fell",
    "court case",
    "software security",
    "chelsea",
    "album",
    "interest rates",
    "government plans",
]
GREP_TERMS = [q.split(":")[-1].strip('"*').split()[0] for q in QUERIES]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def latency(index: SearchIndex, repeats: int = 5) -> list[float]:
    times = []
    for _ in range(repeats):
        for query in QUERIES:
            started = time.perf_counter()
            index.search(query, limit=20)
            times.append((time.perf_counter() - started) * 1000)
    return times


def grep_latency(folder: Path) -> list[float]:
    times = []
    for term in GREP_TERMS:
        started = time.perf_counter()
        subprocess.run(["grep", "-ril", term, str(folder)], capture_output=True, check=False)
        times.append((time.perf_counter() - started) * 1000)
    return times


def measure(label: str, articles: list[Article], folder: Path, runs: int, names) -> None:  # type: ignore[no-untyped-def]
    builds = []
    with tempfile.TemporaryDirectory() as work:
        for run in range(runs):
            path = Path(work) / f"index-{run}.db"
            started = time.perf_counter()
            index = SearchIndex(path)
            index.sync(articles, entity_names=names)
            builds.append(time.perf_counter() - started)
            index.close()
        reopen = []
        for _ in range(runs):
            started = time.perf_counter()
            index = SearchIndex(Path(work) / "index-0.db")
            report = index.sync(articles, entity_names=names)
            reopen.append(time.perf_counter() - started)
            assert report.added == 0 and report.removed == 0
        ours = latency(index)
        index.close()
    grep = grep_latency(folder)
    print(f"\n{label}: {len(articles)} articles")
    print(
        f"  cold build      median {statistics.median(builds):.2f} s (runs: "
        + ", ".join(f"{b:.2f}" for b in builds)
        + ")"
    )
    print(f"  reopen, nothing changed: median {statistics.median(reopen) * 1000:.0f} ms")
    print(
        f"  query latency   median {statistics.median(ours):.1f} ms, p95 "
        f"{percentile(ours, 0.95):.1f} ms  ({len(ours)} queries, top 20 ranked, snippets)"
    )
    print(
        f"  grep -ril       median {statistics.median(grep):.1f} ms, p95 "
        f"{percentile(grep, 0.95):.1f} ms  (one word each, unranked file names)"
    )
    print(
        f"  ratio           grep median / our median = "
        f"{statistics.median(grep) / statistics.median(ours):.0f}x"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--size", type=int, default=20000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)

    folder = args.data_dir / "articles"
    started = time.perf_counter()
    articles = load_paths([folder]).articles
    print(
        f"loaded {len(articles)} distinct articles in {time.perf_counter() - started:.2f} s"
        " (parsing is not part of the figures below)"
    )
    measure("BBC library", articles, folder, args.runs, _entity_names)

    # The replicas share their originals' entities, so compute them once per original.
    cache: dict[str, list[str]] = {}
    original: dict[str, Article] = {}
    with tempfile.TemporaryDirectory() as big:
        replicated: list[Article] = []
        for n in range(args.size):
            source = articles[n % len(articles)]
            copy = n // len(articles)
            if copy == 0:
                article = source
            else:
                marker = f"Copy {copy}."
                blocks = (*source.blocks, dataclasses.replace(source.blocks[-1], text=marker))
                article = dataclasses.replace(source, id=f"{source.id}-{copy}", blocks=blocks)
            original[article.id] = source
            replicated.append(article)
            text = article.title + "\n\n" + "\n\n".join(b.text for b in article.blocks)
            (Path(big) / f"{n:05d}.txt").write_text(text)

        def shared_names(article: Article) -> list[str]:
            source = original[article.id]
            if source.id not in cache:
                cache[source.id] = _entity_names(source)
            return cache[source.id]

        measure("Replicated library", replicated, Path(big), max(1, args.runs - 1), shared_names)
    return 0


if __name__ == "__main__":
    sys.exit(main())
