"""A hostile corpus, and what each command costs on each file of it.

    python bench/hostile.py [--only NAME] [--limit SECONDS]

Writes the files the fault-injection run found trouble with (regular-expression traps,
run-together tag lines, huge and deeply broken HTML, metadata of the wrong type, broken
encodings, escape sequences in a file name, a JSON Lines file of 10,000 bad lines, articles of
2 MB and 20 MB) into a temporary folder, then runs the real `newsbrief list`, `summary` and
`entities` on each, one process each with an empty cache, and prints wall time, peak memory
(of the command's own process), the exit status and whether a traceback or a raw escape
reached the terminal. The alternative in the same run is `cat FILE`, the floor for reading it.

Target (issue "hostile input"): every command on every file under 20 s and 1.5 GB, no traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

# The installed command beside this interpreter, as a user runs it.
NEWSBRIEF = [str(Path(sys.executable).with_name("newsbrief"))]
COMMANDS = ("list", "summary", "entities")
LIMIT_SECONDS, LIMIT_MB = 20.0, 1536


def _prose(size: int, seed: int = 1) -> str:
    rng = random.Random(seed)
    words = (
        "the minister said on monday that the government would raise taxes on imports of steel "
        "and aluminium from china canada and mexico after talks broke down in ottawa"
    ).split()
    paragraphs, length = [], 0
    while length < size:
        paragraph = " ".join(rng.choice(words) for _ in range(60)).capitalize() + "."
        paragraphs.append(paragraph)
        length += len(paragraph) + 2
    return "\n\n".join(paragraphs)[:size]


def _glued(length: int) -> str:
    body = " ".join("a" * k for k in range(2, length // 4))
    return f"Head\n\nProse. {body}.\n\n" + "a" * length + "Xy\n"


CORPUS: dict[str, Callable[[], bytes | str]] = {
    "glued-2k.txt": lambda: _glued(360),
    "glued-40k.txt": lambda: _glued(3600),
    "stars.md": lambda: "# T\n\n" + "*a " * 20_000,
    "hashes.md": lambda: "#" * 40_000,
    "brackets.md": lambda: "# T\n\n" + "[" * 200_000,
    "money.txt": lambda: "H\n\n$" + "1," * 20_000 + " dollars",
    "numbers.txt": lambda: "H\n\nA " + "1." * 500_000,
    "dashes.txt": lambda: "H\n\n" + "A-" * 200_000,
    "capitals.txt": lambda: "H\n\n" + "Aa " * 300_000,
    "dots.txt": lambda: "Head\n\n" + ". " * 500_000,
    "cite.html": lambda: "<html><body><p>Text</p>" + "<cite x>" * 50_000,
    "paragraphs.html": lambda: "<html><body>" + "<p>word " * 300_000,
    "attribute.html": lambda: '<html><body><p title="' + "x" * 10_000_000 + '">Text</p>',
    "lines.txt": lambda: "Title\n\n" + "short line\n" * 1_000_000,
    "toml-types.md": lambda: (
        '+++\ntitle = "T"\ntags = 5\ndate = 07:32:00\n+++\n\nBody text here.\n'
    ),
    "utf16-odd.txt": lambda: "Title\n\nBody of the text.".encode("utf-16") + b"X",
    "surrogate.txt": lambda: b"\xff\xfe" + "Title\n\nBody ".encode("utf-16-le") + b"\x00\xd8",
    "mixed-cp1252.txt": lambda: b"Caf\xe9\n\nThe caf\xc3\xa9 and the caf\xe9 \xe2\x80\x94 open.\n",
    "bad-lines.jsonl": lambda: "\n".join(["{bad"] * 10_000 + ['{"title": "ok", "text": "Body."}']),
    "newline-title.json": lambda: json.dumps({"title": "a\n---\n- x", "text": "Body words."}),
    "escape\x1b]52;c;SGk=\x07\x1b[2J.txt": lambda: "T\n\nBody of the article here.\n",
    "prose-2mb.txt": lambda: "A long article\n\n" + _prose(2_000_000),
    "prose-20mb.txt": lambda: "A huge article\n\n" + _prose(19_500_000),
}


def run(args: list[str], env: dict[str, str], limit: float) -> tuple[float, float, int, str]:
    """Wall seconds, peak MB of the process, exit status (-9 when killed at three times the
    limit), and what it wrote."""
    with tempfile.TemporaryFile() as out:
        started = time.monotonic()
        process = subprocess.Popen(args, env=env, stdout=out, stderr=out)
        timer = threading.Timer(limit * 3, process.kill)
        timer.start()
        _, status, usage = os.wait4(process.pid, 0)
        timer.cancel()
        took = time.monotonic() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        output = out.read().decode(errors="replace")
    return took, usage.ru_maxrss / 1024, process.returncode, output


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="just the files whose name contains this")
    parser.add_argument("--limit", type=float, default=LIMIT_SECONDS)
    parser.add_argument("--write", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.write:  # in a process of its own, so the one measuring never holds the big files
        for name, make in CORPUS.items():
            if not args.only or args.only in name:
                data = make()
                (args.write / name).write_bytes(data if isinstance(data, bytes) else data.encode())
        return 0
    failures = 0
    print(f"{'file':<22} {'command':<9} {'seconds':>8} {'peak MB':>8}  exit  notes")
    with tempfile.TemporaryDirectory() as folder:
        only = ["--only", args.only] if args.only else []
        subprocess.run([sys.executable, __file__, "--write", folder, *only], check=True)
        for name in CORPUS:
            if args.only and args.only not in name:
                continue
            path = Path(folder) / name
            shown = name.encode("unicode_escape").decode()[:22]
            cat, _, _, _ = run(["cat", str(path)], dict(os.environ), args.limit)
            for command in COMMANDS:
                with tempfile.TemporaryDirectory() as cache:
                    env = {**os.environ, "NEWSBRIEF_CACHE_DIR": cache, "NEWSBRIEF_DATA_DIR": cache}
                    took, peak, status, output = run(
                        [*NEWSBRIEF, command, str(path)], env, args.limit
                    )
                notes = []
                if "Traceback" in output:
                    notes.append("TRACEBACK")
                if "\x1b" in output or "\x07" in output:
                    notes.append("RAW ESCAPE")
                if status == -9:
                    notes.append("KILLED (over 3x the limit)")
                if took > args.limit or peak > LIMIT_MB:
                    notes.append("OVER TARGET")
                failures += bool(notes)
                line = output.strip().splitlines()[-1][:40] if output.strip() else ""
                print(
                    f"{shown:<22} {command:<9} {took:8.2f} {peak:8.0f}  {status:4}  "
                    f"{', '.join(notes) or line!s}"
                )
            print(f"{'':<22} {'cat':<9} {cat:8.2f}")
    print(f"\n{failures} command(s) over the target, killed, or showing a traceback or escape")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
