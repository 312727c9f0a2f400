"""How well and how fast each input format reads, and trafilatura against readability-lxml.

    python bench/readers.py [--repeat 20]

Over the documents in tests/data (written for the tests to copy the layouts of WordPress, Ghost,
Substack-style and wire-service pages, a Jekyll Atom feed, WordPress RSS 2.0 with
content:encoded, Markdown with YAML and TOML front matter, JSON and JSON Lines exports), a
document is right when its title is exact, its body starts with the expected first paragraph
and none of the page furniture listed in tests/format_expectations.json is in it. Prints the
share right and the median time per document, per format; then, for the HTML pages, the same
for readability-lxml, which finds the title and main text only.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

from summarise.readers import read_file

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
EXPECTED = json.loads((ROOT / "tests" / "format_expectations.json").read_text())


def ours_right(name: str) -> tuple[bool, bool]:
    want = EXPECTED[name]
    article = read_file(DATA / name).articles[0]
    body = " ".join(b.text for b in article.blocks)
    title_ok = article.title == want["title"]
    body_ok = article.blocks[0].text.startswith(want["first"]) and not any(
        junk in body for junk in want["absent"]
    )
    return title_ok, body_ok


def readability_right(name: str) -> tuple[bool, bool]:
    from lxml import html
    from readability import Document

    want = EXPECTED[name]
    document = Document((DATA / name).read_text())
    title = document.short_title().strip()
    body = " ".join(html.fromstring(document.summary()).text_content().split())
    return title == want["title"], body.startswith(want["first"]) and not any(
        junk in body for junk in want["absent"]
    )


def timed(check, name: str, repeat: int) -> tuple[bool, bool, float]:  # type: ignore[no-untyped-def]
    times = []
    result = (False, False)
    for _ in range(repeat):
        started = time.perf_counter()
        try:
            result = check(name)
        except Exception:  # a reader that fails on a document gets it wrong
            result = (False, False)
        times.append((time.perf_counter() - started) * 1000)
    return result[0], result[1], statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args(argv)

    read_file(DATA / "wordpress.html")  # imports and warm-up outside the timings
    by_format: dict[str, list[tuple[bool, bool, float]]] = {}
    print(f"{'document':<28} {'format':<9} {'title':>5} {'body':>5} {'ms':>7}")
    for name in sorted(EXPECTED):
        title_ok, body_ok, ms = timed(ours_right, name, args.repeat)
        fmt = EXPECTED[name]["format"]
        by_format.setdefault(fmt, []).append((title_ok, body_ok, ms))
        print(
            f"{name:<28} {fmt:<9} {'ok' if title_ok else 'WRONG':>5} "
            f"{'ok' if body_ok else 'WRONG':>5} {ms:7.2f}"
        )
    print("\nper format: share with title and body right, median ms per document")
    total = [r for rows in by_format.values() for r in rows]
    for fmt, rows in sorted(by_format.items()):
        right = sum(t and b for t, b, _ in rows)
        print(f"  {fmt:<9} {right}/{len(rows)}  {statistics.median(r[2] for r in rows):6.2f} ms")
    right = sum(t and b for t, b, _ in total)
    print(f"  {'all':<9} {right}/{len(total)}  ({100 * right / len(total):.0f}%)")

    pages = [n for n in sorted(EXPECTED) if EXPECTED[n]["format"] == "html"]
    print(f"\nHTML pages ({len(pages)}): title right / body right / median ms")
    for label, check in (
        ("trafilatura (ours)", ours_right),
        ("readability-lxml", readability_right),
    ):
        rows = [timed(check, n, args.repeat) for n in pages]
        titles = sum(r[0] for r in rows)
        bodies = sum(r[1] for r in rows)
        print(
            f"  {label:<19} {titles}/{len(pages)}  {bodies}/{len(pages)}  "
            f"{statistics.median(r[2] for r in rows):6.2f} ms"
            + ("  + byline, date, outlet" if check is ours_right else "  (no metadata)")
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
