"""Time from launching the reader to the first painted article list.

bench/first_paint.py is the reader with one addition: it prints the wall-clock time at which
the list was first painted and exits. The figure is that time minus the moment of launch, so it
counts interpreter start-up, imports, loading and layout, and nothing after the first paint.

    python bench/startup.py ../shared/data/bbc [--runs 5] [--size 2000]

Runs the real command (headless, exiting as soon as the list is painted) on the bundled seeds
and on a library of --size articles built in a temporary folder from DATA_DIR (its articles,
repeated with a marker line when there are fewer than --size, so every file is distinct).
Prints the median and range of wall-clock seconds, with the import-only baseline for scale.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGETS = {"seeds": 0.5, "library": 1.5}


def build_library(data_dir: Path, size: int, into: Path) -> int:
    sources = sorted((data_dir / "articles").rglob("*.txt"))
    if not sources:
        raise SystemExit(f"no articles under {data_dir / 'articles'}")
    for n in range(size):
        source = sources[n % len(sources)]
        data = source.read_bytes()
        if n >= len(sources):
            data += f"\n\nCopy {n // len(sources)}.\n".encode()
        (into / f"{n:05d}.txt").write_bytes(data)
    return size


def time_command(args: list[str], env: dict[str, str], runs: int) -> list[float]:
    """Wall-clock seconds from launch to exit, or to the paint time the command printed."""
    times = []
    for _ in range(runs):
        started = time.time()
        done = subprocess.run(args, env=env, check=True, capture_output=True, text=True)
        ended = time.time()
        if "first_paint.py" in " ".join(args):
            try:
                ended = float(done.stdout.strip().splitlines()[-1])
            except (IndexError, ValueError):
                message = f"the reader did not report its first paint:\n{done.stdout}"
                raise SystemExit(message) from None
        times.append(ended - started)
    return times


def report(label: str, times: list[float], target: float | None = None) -> None:
    median = statistics.median(times)
    verdict = ""
    if target is not None:
        verdict = f"  target < {target:.1f} s: {'met' if median < target else 'MISSED'}"
    print(
        f"{label:<28} median {median:.3f} s  (min {min(times):.3f}, max {max(times):.3f}){verdict}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--size", type=int, default=2000)
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as state, tempfile.TemporaryDirectory() as library:
        env = {**os.environ, "NEWSBRIEF_DATA_DIR": state, "NEWSBRIEF_CACHE_DIR": state}
        count = build_library(args.data_dir, args.size, Path(library))
        command = [sys.executable, str(Path(__file__).with_name("first_paint.py"))]
        baseline = time_command([sys.executable, "-c", "import tui.app"], env, args.runs)
        report("import tui.app (baseline)", baseline)
        report("seeds (5 articles)", time_command(command, env, args.runs), TARGETS["seeds"])
        report(
            f"library ({count} articles)",
            time_command([*command, library], env, args.runs),
            TARGETS["library"],
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
