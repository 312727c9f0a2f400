"""Find the next pathological file before a user does: every class of character, repeated.

    python bench/fuzz.py [--sizes 1000000,10000000] [--only UNIT] [--containers txt,md,html,json]
                         [--commands summary,entities,brief]

Each unit (every ASCII punctuation mark, letters, digits, a long word, Unicode dashes, spaces,
quotes, an ellipsis, combining and right-to-left marks, zero-width spaces) is repeated to each
size inside each container (a plain-text article under a headline, a Markdown article, an HTML
page's paragraph, a JSON record's text), and the real `newsbrief` runs each command on it in a
process of its own with an empty cache (bench/hostile.py's runner: wall time and peak memory).
The command `reader` is the reader itself, headless (bench/reader_step.py: the list, the summary
panel, a key pressed every 0.1 s meanwhile; a press that waits over 250 ms is flagged).
The alternative in the same run is `cat FILE`.

Printed: the slowest 10 runs with their time and memory, every run over the target (20 s,
1.5 GB, a traceback, an escape), and each (unit, container, command) whose time grows more than
GROWTH times from the smallest size to the largest (10x the text: linear is 10x; a step that is
quadratic shows about 100x).
"""

from __future__ import annotations

import argparse
import json
import os
import string
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from hostile import LIMIT_MB, LIMIT_SECONDS, NEWSBRIEF, run

UNITS: dict[str, str] = {
    **{f"'{c}'": c for c in string.punctuation},
    "a": "a",
    "A": "A",
    "1": "1",
    "word ": "word ",
    "longword": "x" * 5000 + " ",
    "em dash": "—",
    "en dash": "–",
    "ellipsis": "…",
    "nbsp": "\u00a0",
    "thin space": "\u2009",
    "guillemets": "«»",
    "curly quotes": "“”‘’",
    "combining": "a\u0301",
    "rtl mark": "\u200f",
    "zero width": "\u200b",
    "tab": "\t",
    "newline": "\n",
}
CONTAINERS: dict[str, tuple[str, Callable[[str], str]]] = {
    "txt": (".txt", lambda body: f"Headline of the article\n\n{body}\n"),
    "md": (".md", lambda body: f"# Headline of the article\n\n{body}\n"),
    "html": (".html", lambda body: f"<html><body><h1>Headline</h1><p>{body}</p></body></html>"),
    "json": (".json", lambda body: json.dumps({"title": "Headline", "text": body})),
}
COMMANDS = ("summary", "entities", "brief")
# Any command that reads a file can be fuzzed (--commands list,show,search,...); these need
# more than the file: search a word the article has (the index is built, then queried).
ARGUMENTS = {"search": ["search", "headline"]}
# The reader, driven headless by bench/reader_step.py: list, summary panel, keys timed meanwhile.
READER = [sys.executable, str(Path(__file__).resolve().parent / "reader_step.py")]
# A key press that takes longer than this to act is the reader holding its keys on one file.
KEYS_HELD_MS = 250.0
GROWTH = 15.0
# Times under this are process start-up and noise, not the file: growth is measured above it.
FLOOR = 1.0


def _reader_notes(output: str) -> list[str]:
    """What bench/reader_step.py's JSON line says went wrong: no list, work never done, or a
    key press that waited."""
    try:
        found = json.loads(output.strip().splitlines()[-1])
    except (ValueError, IndexError):
        return ["READER GAVE NO FIGURES"]
    notes = []
    if found.get("listed", -1) < 0:
        notes.append("NO LIST")
    if found.get("settled", -1) < 0:
        notes.append("WORK NEVER DONE")
    if found.get("keys_max_ms", 0) > KEYS_HELD_MS:
        notes.append(f"KEYS HELD ({found['keys_max_ms']:.0f} ms)")
    return notes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000000,10000000")
    parser.add_argument("--only", help="only the units whose name contains this")
    parser.add_argument("--units", help="only these units, by name, comma-separated")
    parser.add_argument("--containers", default=",".join(CONTAINERS))
    parser.add_argument("--commands", default=",".join(COMMANDS))
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    commands = args.commands.split(",")
    containers = args.containers.split(",")
    runs: list[tuple[float, float, str, str, int, str, int]] = []
    bad: list[str] = []
    cat_seconds: list[float] = []
    with tempfile.TemporaryDirectory() as folder:
        for name, unit in UNITS.items():
            if args.only and args.only not in name:
                continue
            if args.units and name not in args.units.split(","):
                continue
            for container in containers:
                suffix, wrap = CONTAINERS[container]
                for size in sizes:
                    # A folder to each container: the reader opens the file's whole folder.
                    path = Path(folder) / container / f"fuzz{suffix}"
                    path.parent.mkdir(exist_ok=True)
                    path.write_text(wrap(unit * max(1, size // len(unit))), "utf-8")
                    cat_seconds.append(run(["cat", str(path)], dict(os.environ), 60)[0])
                    for command in commands:
                        with tempfile.TemporaryDirectory() as cache:
                            env = {
                                **os.environ,
                                "NEWSBRIEF_CACHE_DIR": cache,
                                "NEWSBRIEF_DATA_DIR": cache,
                            }
                            line = (
                                READER
                                if command == "reader"
                                else [*NEWSBRIEF, *ARGUMENTS.get(command, [command])]
                            )
                            took, peak, status, output = run([*line, str(path)], env, LIMIT_SECONDS)
                        runs.append((took, peak, name, container, size, command, status))
                        notes = []
                        if "Traceback" in output:
                            notes.append("TRACEBACK")
                        if "\x1b" in output or "\x07" in output:
                            notes.append("RAW ESCAPE")
                        if command == "reader":
                            notes += _reader_notes(output)
                        if took > LIMIT_SECONDS or peak > LIMIT_MB:
                            notes.append(f"OVER TARGET ({took:.1f} s, {peak:.0f} MB)")
                        if notes:
                            bad.append(f"{name} in {container}, {size:,} B, {command}: {notes}")
                print(f"{name:<14} {container:<5} done", file=sys.stderr)
    print(f"{len(runs)} runs; cat of a file: at most {max(cat_seconds):.3f} s\n")
    print("slowest 10:")
    for took, peak, name, container, size, command, status in sorted(runs, reverse=True)[:10]:
        print(
            f"  {took:7.2f} s {peak:7.0f} MB  exit {status:3}  {command:<9} {name!s:<14} "
            f"in {container:<5} {size:>11,} B"
        )
    print("\ngrowth from the smallest to the largest size (over the floor of 1 s):")
    by_case: dict[tuple[str, str, str], dict[int, float]] = {}
    for took, _, name, container, size, command, _ in runs:
        by_case.setdefault((name, container, command), {})[size] = took
    worst = []
    for case, times in by_case.items():
        if len(times) > 1:
            small, large = times[min(times)], times[max(times)]
            worst.append((max(large, FLOOR) / max(small, FLOOR), case, small, large))
    worst.sort(reverse=True)
    for ratio, (name, container, command), small, large in worst[:10]:
        flag = "  OVER" if ratio > GROWTH else ""
        print(
            f"  {ratio:6.1f}x  {command:<9} {name!s:<14} in {container:<5} "
            f"{small:.2f} s -> {large:.2f} s{flag}"
        )
    over = [w for w in worst if w[0] > GROWTH]
    print(f"\n{len(bad)} run(s) over the target; {len(over)} case(s) growing worse than linear")
    for line in bad:
        print("  " + line)
    return 1 if bad or over else 0


if __name__ == "__main__":
    sys.exit(main())
