"""How long a briefing takes, and how much memory, as the library grows.

    python bench/briefing.py ../shared/data [--sizes bbc,20000,100000] [--runs 3]

DATA holds bbc/ and duc2003/. "bbc" is the BBC folder as it is (1,808 articles); a number is a
library of that many articles written to a temporary folder by copying the BBC and DUC 2003
articles, each copy with one distinct line. Each run is the real `newsbrief brief` command in a
process of its own, output thrown away. Cold: an empty cache folder (every file parsed, every
article profiled); warm: the same again, nothing changed (medians of --runs). Peak memory is
the newsbrief process's own; its worker processes (two, on two cores) are counted apart, each
under 150 MB. For the first size, the cold run with one worker (`--jobs 1`) is timed too.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scale import build_library


def run(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds and peak MB of the process itself."""
    started = time.perf_counter()
    process = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        assert process.stderr is not None
        raise SystemExit(f"{' '.join(args)} failed: {process.stderr.read().decode()[-2000:]}")
    return elapsed, usage.ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, help="the folder holding bbc/ and duc2003/")
    parser.add_argument("--sizes", default="bbc,20000,100000")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)

    for number, size in enumerate(args.sizes.split(",")):
        with tempfile.TemporaryDirectory() as work:
            if size == "bbc":
                library = args.data / "bbc" / "articles"
                label = "BBC, 1,808 articles"
            else:
                library = Path(work) / "library"
                library.mkdir()
                build_library(args.data, int(size), library)
                label = f"{int(size):,} articles"
            command = [sys.executable, "-m", "tui.cli", "brief", str(library), "--format", "json"]

            def env_for(name: str) -> dict[str, str]:
                cache = Path(work) / name
                shutil.rmtree(cache, ignore_errors=True)
                return {
                    **os.environ,
                    "NEWSBRIEF_CACHE_DIR": str(cache),
                    "NEWSBRIEF_DATA_DIR": str(Path(work) / "data"),
                }

            env = env_for("cache")
            cold, cold_peak = run(command, env)
            warm = [run(command, env) for _ in range(args.runs)]
            print(f"\n{label}")
            print(f"  cold  {cold:7.1f} s   peak {cold_peak:6.0f} MB")
            print(
                f"  warm  {statistics.median(w[0] for w in warm):7.2f} s   "
                f"peak {max(w[1] for w in warm):6.0f} MB   (median of {args.runs})"
            )
            if number == 0:
                sequential, _ = run([*command, "--jobs", "1"], env_for("sequential"))
                print(
                    f"  cold with one worker (--jobs 1): {sequential:.1f} s "
                    f"({sequential / cold:.1f}x the time)"
                )
            sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
