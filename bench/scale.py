"""How newsbrief holds up as a library grows: listing, the reader, indexing, search, vs grep.

    python bench/scale.py ../shared/data [--sizes 2000,20000,100000] [--jobs N] [--presses 40]

DATA holds bbc/ and duc2003/. For each size a library is written to a temporary folder by
copying the BBC and DUC 2003 articles; in each copy every other sentence comes from another
article, so every file is a distinct article and none is a near-identical copy of another
(which the list would show once). Each figure runs in a process of its own; peak memory is
that process's (its worker processes are counted apart). Cold means an empty cache folder;
warm means the catalogue (and for search, the index) is built and nothing changed.

1. `newsbrief list --json`, cold and warm.
2. The reader, from launch to the first painted list, cold and warm (bench/first_paint.py).
3. Key-press latency while the library updates: the reader on a warm catalogue with an empty
   index and analysis cache, so its background update is analysing and indexing; `j` is
   pressed `--presses` times, and on until the whole list has come (after the first screen)
   and half as many again, each press timed from the key to the list's action running; the
   reader's full garbage collections meanwhile are timed too.
4. The search index: cold build in its two passes (the text; then the entity names from the
   analysis, in worker processes), reopen with nothing changed, query latency p50/p95 over
   bench/queries.py, and `grep -ril` for the same words in the same run.
5. `newsbrief search WORDS LIBRARY` from the command line, warm (the whole command: start-up,
   the quick look at the library's folders, the query, printing), median of three runs per
   query, against `grep -ril` for the same words.

The library is laid out as feeds save it: folders of `--per-folder` articles (default 1,000).
"""

from __future__ import annotations

import argparse
import asyncio
import datetime
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from key_timing import key_clock, timed_press
from queries import GREP_TERMS, percentile

HERE = Path(__file__).resolve().parent


def _parts(text: str, suffix: str) -> tuple[str, list[str]]:
    """A file's head (a .txt file's title, a .md file's front matter) and its paragraphs."""
    if suffix == ".md" and text.startswith("---"):
        end = text.index("\n---", 3) + 4
        head, body = text[:end], text[end:]
    else:
        head, _, body = text.partition("\n\n")
    return head, [p.strip() for p in body.split("\n\n") if p.strip()]


def _alternate(own: list[str], other: list[str]) -> list[str]:
    """Every other sentence from `other`, two sentences to a paragraph: a copy that shares
    about a third of its text with either article, so neither is near-identical to it."""
    split = re.compile(r"(?<=[.!?])\s+")
    mine = [s for p in own for s in split.split(p)]
    theirs = [s for p in other for s in split.split(p)] or mine
    mixed = [s if i % 2 == 0 else theirs[i % len(theirs)] for i, s in enumerate(mine)]
    return [" ".join(mixed[i : i + 2]) for i in range(0, len(mixed), 2)]


# Of every this many articles, one is dated today (300 of 100,000, as a day of 300 feeds); the
# rest are spread over the year before.
TODAY_EVERY = 333
OUTLETS = 300


def _title(head: str, paragraphs: list[str]) -> str:
    """The headline a file has (a .txt file's first line), or its first sentence's start."""
    if head and not head.startswith("---"):
        return head.strip()
    first = paragraphs[0] if paragraphs else "Untitled"
    return re.split(r"(?<=[.!?])\s", first)[0][:90]


def build_library(data: Path, size: int, into: Path, distinct: bool = False) -> None:
    """`size` articles copied from the BBC and DUC 2003 ones, each copy with a line of its own,
    written as feeds save them: Markdown with a title, a date and an outlet (one in
    TODAY_EVERY dated today, the others over the past year, so `brief --since 24h` has a day's
    news to find). With `distinct`, a copy's sentences alternate with another article's, so no
    two files are near-identical and the list shows every one (newsbrief lists near-identical
    copies once)."""
    sources = sorted((data / "bbc" / "articles").rglob("*.txt"))
    sources += sorted((data / "duc2003" / "clusters").rglob("*.md"))
    today = datetime.date.today()
    for n in range(size):
        source = sources[n % len(sources)]
        copy = n // len(sources)
        head, paragraphs = _parts(source.read_text("latin-1"), source.suffix)
        if copy and distinct:
            partner = sources[(n * 7919 + copy) % len(sources)]
            _, others = _parts(partner.read_text("latin-1"), partner.suffix)
            paragraphs = [*_alternate(paragraphs, others), f"Copy {copy} of this article."]
        elif copy:
            paragraphs = [*paragraphs, f"Copy {copy} of this article."]
        day = today if n % TODAY_EVERY == 0 else today - datetime.timedelta(days=1 + n % 365)
        title = _title(head, paragraphs).replace('"', "'").replace("\\", "/")
        front = f'---\ntitle: "{title}"\ndate: {day.isoformat()}\nsource: Outlet {n % OUTLETS}\n---'
        text = "\n\n".join([front, *paragraphs]) + "\n"
        # Some BBC files are Latin-1: kept as they were.
        (into / f"{n:06d}.md").write_bytes(text.encode("latin-1", "replace"))


# Linux keeps a process's peak memory across exec, and a child starts with its parent's: run
# from this (large) process, every step would report at least this process's size. So each
# step is started by a small launcher, which reports its child's own peak.
LAUNCHER = """
import os, subprocess, sys
child = subprocess.Popen(sys.argv[2:], stderr=subprocess.DEVNULL)
_, status, usage = os.wait4(child.pid, 0)
with open(sys.argv[1], "w") as peak:
    peak.write(str(usage.ru_maxrss))
sys.exit(os.waitstatus_to_exitcode(status))
"""


def run(args: list[str], env: dict[str, str]) -> tuple[float, float, str]:
    """Wall seconds, peak MB of the process itself, and what it printed."""
    started = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.NamedTemporaryFile("r") as peak:
        launched = [sys.executable, "-S", "-c", LAUNCHER, peak.name, *args]
        status = subprocess.run(launched, env=env, stdout=out, check=False).returncode
        elapsed = time.perf_counter() - started
        out.seek(0)
        printed = out.read().decode()
        peak_kb = int(peak.read() or 0)
    if status != 0:
        raise SystemExit(f"{' '.join(args)} failed:\n{printed[-2000:]}")
    return elapsed, peak_kb / 1024, printed


def first_paint(library: Path, env: dict[str, str]) -> tuple[float, float]:
    started = time.time()
    _, peak, printed = run([sys.executable, str(HERE / "first_paint.py"), str(library)], env)
    return float(printed.strip().splitlines()[-1]) - started, peak


INDEX_STEP = """
import json, statistics, sys, time
from pathlib import Path
from summarise.library.analysis import AnalysisCache
from summarise.library.catalogue import Catalogue
from summarise.search.index import SearchIndex, naming_pool
sys.path.insert(0, sys.argv[3])
from queries import QUERIES
library, jobs = Path(sys.argv[1]), int(sys.argv[2])
started = time.perf_counter()
catalogue = Catalogue.for_library([library])
catalogue.refresh(jobs=jobs)
listed = time.perf_counter() - started
cache = AnalysisCache.default()
started = time.perf_counter()
index = SearchIndex.for_library([library], catalogue)
index.sync_catalogue(catalogue, cache, names=False)
text = time.perf_counter() - started
started = time.perf_counter()
if sys.argv[4] == "names":
    with naming_pool(jobs) as pool:
        index.name_articles(catalogue, cache, pool)
named = time.perf_counter() - started if sys.argv[4] == "names" else None
index.close()
reopen = []
for _ in range(5):
    started = time.perf_counter()
    index = SearchIndex.for_library([library], catalogue)
    report = index.sync_catalogue(catalogue, cache, names=sys.argv[4] == "names")
    reopen.append(time.perf_counter() - started)
    assert report.added == 0
times = []
for _ in range(5):
    for query in QUERIES:
        started = time.perf_counter()
        index.search(query, limit=20, with_matches=False)  # as the reader asks
        times.append((time.perf_counter() - started) * 1000)
index.close()
cache.close()
catalogue.close()
caches = {p.name.split("-")[0]: p.stat().st_size for p in catalogue.path.parent.glob("*.db")}
print(json.dumps({"text": text, "named": named, "reopen": statistics.median(reopen),
                  "queries": times, "catalogue": listed, "caches": caches}))
"""


def into_folders(library: Path, per_folder: int) -> None:
    """Move the library's files into folders of `per_folder`, as a feed reader's library is."""
    for n, path in enumerate(sorted(library.iterdir())):
        folder = library / f"feed{n // per_folder:04d}"
        folder.mkdir(exist_ok=True)
        path.rename(folder / path.name)


def cli_search_latency(library: Path, env: dict[str, str]) -> float:
    """Median milliseconds of the whole `newsbrief search` command, warm, over GREP_TERMS."""
    command = [sys.executable, "-m", "tui.cli", "search"]
    subprocess.run([*command, GREP_TERMS[0], str(library)], env=env, capture_output=True)
    times = []
    for term in GREP_TERMS:
        for _ in range(3):
            started = time.perf_counter()
            subprocess.run([*command, term, str(library)], env=env, capture_output=True)
            times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def brief_times(
    library: Path, env: dict[str, str], work: Path, whole: bool = True
) -> dict[str, tuple[float, float]]:
    """`brief --since 24h` (the first, then the median of three more) and a brief of the whole
    library, first and again, with the catalogue and index built: (seconds, peak MB) each."""
    command = [sys.executable, "-m", "tui.cli", "brief", "-o", str(work / "briefing.md")]
    first = run([*command, "--since", "24h", str(library)], env)[:2]
    since = [run([*command, "--since", "24h", str(library)], env)[:2] for _ in range(3)]
    times = {"since 24h, first": first, "since 24h": sorted(since)[1]}
    if whole:
        times["whole, first"] = run([*command, str(library)], env)[:2]
        times["whole, again"] = run([*command, str(library)], env)[:2]
    return times


def grep_latency(folder: Path) -> list[float]:
    times = []
    for term in GREP_TERMS:
        started = time.perf_counter()
        subprocess.run(["grep", "-ril", term, str(folder)], capture_output=True, check=False)
        times.append((time.perf_counter() - started) * 1000)
    return times


async def key_latency(
    library: Path, presses: int, size: int
) -> tuple[list[float], bool, list[float]]:
    """Milliseconds from pressing j to the list's action running, while the library update
    (catalogue, analysis, index) runs in the background; whether it was still running at
    the last press; and the milliseconds of each full garbage collection in the reader
    meanwhile (one landing on a press holds it). Pilot's own press() waits for the app to go
    idle, so it is not awaited."""
    import gc

    from summarise.library.state import StateStore
    from tui.app import NewsbriefApp

    collections: list[float] = []
    began = [0.0]

    def timed_collection(phase: str, info: dict[str, int]) -> None:
        if info["generation"] == 2:
            if phase == "start":
                began[0] = time.perf_counter()
            else:
                collections.append((time.perf_counter() - began[0]) * 1000)

    app = NewsbriefApp(paths=[library], store=StateStore(None))

    def first_screen_only() -> bool:  # the first screen is a day or so; the whole list most
        return len(app.article_list.everything) < size // 2

    times: list[float] = []
    with key_clock() as acted:
        async with app.run_test(size=(120, 40)) as pilot:
            while not app.article_list.everything:
                await asyncio.sleep(0.05)
            gc.callbacks.append(timed_collection)
            try:
                for _ in range(presses):
                    times.append(await timed_press(pilot, acted))
                    await asyncio.sleep(0.1)
                # At a million articles the whole list comes well after the first screen: its
                # arrival (and the counts after it) must land among the presses.
                deadline = time.perf_counter() + 300
                while first_screen_only() and time.perf_counter() < deadline:
                    times.append(await timed_press(pilot, acted))
                    await asyncio.sleep(0.1)
                for _ in range(presses // 2 if times[presses:] else 0):
                    times.append(await timed_press(pilot, acted))
                    await asyncio.sleep(0.1)
            finally:
                gc.callbacks.remove(timed_collection)
            updating = app.service.index is None
    return times, updating, collections


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, help="the folder holding bbc/ and duc2003/")
    parser.add_argument("--sizes", default="2000,20000,100000")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--presses", type=int, default=40)
    parser.add_argument("--per-folder", type=int, default=1000)
    parser.add_argument(
        "--skip",
        default="",
        help="steps left out, comma-separated: reader-cold, keys, names, whole-brief "
        "(a million articles: each would take an hour or more)",
    )
    args = parser.parse_args(argv)
    skip = set(filter(None, args.skip.split(",")))
    # Timed as installed: an install keeps compiled bytecode. Without it every command
    # compiles its modules again (about 50 ms of each search command's time).
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)

    rows: list[dict[str, object]] = []
    for size in (int(s) for s in args.sizes.split(",")):
        with tempfile.TemporaryDirectory() as work:
            library = Path(work) / "library"
            library.mkdir()
            build_library(args.data, size, library, distinct=True)
            into_folders(library, args.per_folder)

            def env_for(name: str) -> dict[str, str]:
                cache = Path(work) / name
                shutil.rmtree(cache, ignore_errors=True)
                return {
                    **os.environ,
                    "NEWSBRIEF_CACHE_DIR": str(cache),
                    "NEWSBRIEF_DATA_DIR": str(Path(work) / "data"),
                }

            row: dict[str, object] = {"size": size}
            listing = [sys.executable, "-m", "tui.cli", "list", "--json", "-j", str(args.jobs)]
            env = env_for("list")
            row["list cold"] = run([*listing, str(library)], env)[:2]
            row["list warm"] = statistics.median(
                run([*listing, str(library)], env)[0] for _ in range(3)
            )
            listed_env = env
            if "reader-cold" not in skip:
                env = env_for("reader")
                row["reader cold"] = first_paint(library, env)
            row["reader warm"] = statistics.median(first_paint(library, env)[0] for _ in range(3))
            if "keys" not in skip:
                os.environ.update(env_for("keys"))
                run([*listing, str(library)], {**os.environ})  # a warm catalogue, no index
                keys, updating, pauses = asyncio.run(key_latency(library, args.presses, size))
                row["keys"] = (statistics.median(keys), percentile(keys, 0.95), max(keys), updating)
                row["collections"] = pauses
            names = "-" if "names" in skip else "names"
            step = [
                sys.executable,
                "-c",
                INDEX_STEP,
                str(library),
                str(args.jobs),
                str(HERE),
                names,
            ]
            index_env = listed_env  # the catalogue `list` built: its build rate is list cold's
            _, peak, printed = run(step, index_env)
            found = json.loads(printed.strip().splitlines()[-1])
            row["index"] = (found["text"], found["named"], found["reopen"], peak)
            row["catalogue build"] = row["list cold"][0]  # type: ignore[index]
            text = disk = 0
            for path in library.rglob("*"):  # one at a time: a list of a million grows this process
                if path.is_file():
                    stat = path.stat()
                    text, disk = text + stat.st_size, disk + stat.st_blocks * 512
            row["caches"] = (found["caches"], text, disk)
            row["queries"] = (
                statistics.median(found["queries"]),
                percentile(found["queries"], 0.95),
            )
            grep = grep_latency(library)
            row["grep"] = (statistics.median(grep), percentile(grep, 0.95))
            row["cli search"] = cli_search_latency(library, index_env)
            row["brief"] = brief_times(library, index_env, Path(work), "whole-brief" not in skip)
            rows.append(row)
            report(row)
    return 0


def report(row: dict[str, object]) -> None:
    size = row["size"]
    list_cold, list_peak = row["list cold"]  # type: ignore[misc]
    text_pass, names_pass, reopen, index_peak = row["index"]  # type: ignore[misc]
    q50, q95 = row["queries"]  # type: ignore[misc]
    g50, g95 = row["grep"]  # type: ignore[misc]
    print(f"\n{size:,} articles")
    list_warm, reader_warm = row["list warm"], row["reader warm"]
    print(
        f"  list --json      cold {list_cold:.2f} s ({list_peak:.0f} MB)   warm {list_warm:.2f} s"
    )
    if "reader cold" in row:
        reader_cold, reader_peak = row["reader cold"]  # type: ignore[misc]
        print(f"  reader, list     cold {reader_cold:.2f} s ({reader_peak:.0f} MB)", end="")
        print(f"   warm {reader_warm:.2f} s")
    else:
        print(f"  reader, list     warm {reader_warm:.2f} s")
    if "keys" in row:
        k50, k95, kmax, updating = row["keys"]  # type: ignore[misc]
        note = "" if updating else "  (the update ended before the last press)"
        print(f"  keys, updating   p50 {k50:.1f} ms   p95 {k95:.1f} ms   max {kmax:.1f} ms{note}")
        pauses = row["collections"]
        longest = max(pauses, default=0.0)  # type: ignore[type-var]
        print(
            f"  full collections {len(pauses)} while pressing, longest {longest:.0f} ms, "  # type: ignore[arg-type]
            f"{sum(pauses):.0f} ms in all"  # type: ignore[arg-type]
        )
    named = f", then names {names_pass:.1f} s" if names_pass is not None else ""
    print(f"  index build      text {text_pass:.1f} s{named} ({index_peak:.0f} MB)", end="")
    print(f"   reopen {reopen * 1e3:.0f} ms")
    listed = row["catalogue build"]
    print(
        f"  build rate       catalogue {size / listed:,.0f} articles/s (list cold)   "  # type: ignore[operator]
        f"index (text) {size / text_pass:,.0f} articles/s",  # type: ignore[operator]
        end="",
    )
    if names_pass is not None:
        print(f"   names (analysis) {size / names_pass:,.0f} articles/s", end="")  # type: ignore[operator]
    print()
    caches, text, disk = row["caches"]  # type: ignore[misc]
    parts = "  ".join(f"{name} {bytes_ / 1e6:,.0f}" for name, bytes_ in sorted(caches.items()))
    total = sum(caches.values())
    print(
        f"  caches on disk   {total / 1e6:,.0f} MB ({parts} MB): {total / text:.2f}x the "
        f"{text / 1e6:,.0f} MB of text, {total / disk:.2f}x the {disk / 1e6:,.0f} MB "
        "its files take on disk"
    )
    print(f"  query            p50 {q50:.1f} ms   p95 {q95:.1f} ms")
    print(f"  grep -ril        p50 {g50:.0f} ms   p95 {g95:.0f} ms   ({g50 / q50:.0f}x our p50)")
    cli = row["cli search"]
    print(f"  search command   p50 {cli:.0f} ms, warm   (grep -ril {g50 / cli:.1f}x as long)")
    for name, (seconds, peak) in row["brief"].items():  # type: ignore[attr-defined]
        print(f"  brief, {name:<13} {seconds:6.2f} s ({peak:.0f} MB)")
    sys.stdout.flush()


if __name__ == "__main__":
    sys.exit(main())
