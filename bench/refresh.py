"""Refreshing subscriptions: concurrent against sequential, and the second refresh with 304s.

    python bench/refresh.py [--feeds 50,200] [--entries 20] [--origins 20] [--delay-ms 100]
                            [--rtt-ms 10] [--runs 3]

A news site runs in a process of its own on 127.0.0.1, as --origins servers (ports), each
serving an equal share of the feeds; each feed has --entries entries carrying the whole
article (about 300 words each, so no page is fetched). To stand in for the internet, a full
answer waits --delay-ms (a distant server building the feed) and every answer, 304s included,
--rtt-ms (the round trip). For each number of feeds, with an empty data folder each time:

1. the first refresh with newsbrief's defaults (8 downloads at once, at most 2 per server);
2. the same first refresh one download at a time (sequential), in the same run;
3. the second refresh of the concurrent library: every feed unchanged, so every answer a 304.

Prints medians of --runs and the ratio sequential / concurrent.
"""

from __future__ import annotations

import argparse
import multiprocessing
import statistics
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from xml.sax.saxutils import escape

WORDS = (
    "council residents harbour railway budget minister plan station market school bridge "
    "hospital report inquiry election vote court police storm river museum library"
).split()


def article_text(feed: int, entry: int) -> str:
    paragraphs = []
    for p in range(6):
        words = [WORDS[(feed * 7 + entry * 13 + p * 5 + w * 3) % len(WORDS)] for w in range(50)]
        paragraphs.append(f"<p>Item {feed}-{entry}-{p}: {' '.join(words)}.</p>")
    return "".join(paragraphs)


def feed_body(feed: int, entries: int) -> bytes:
    items = "".join(
        f"<item><title>Feed {feed} story {e}</title>"
        f"<link>https://site{feed}.example/story/{e}</link>"
        f"<pubDate>Tue, 24 Nov 2026 10:{e % 60:02d}:00 +0000</pubDate>"
        f"<description>{escape(article_text(feed, e))}</description></item>"
        for e in range(entries)
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Feed {feed}</title>'
        f"{items}</channel></rss>"
    ).encode()


def serve(
    ports: multiprocessing.Queue, origins: int, feeds: int, entries: int, delay: float, rtt: float
) -> None:
    bodies = {f"/feed/{n}.xml": feed_body(n, entries) for n in range(feeds)}

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:  # the name http.server calls
            body = bodies.get(self.path)
            time.sleep(rtt)
            if body is None:
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            tag = f'"{len(body)}-{hash(body) & 0xFFFF:x}"'
            if self.headers.get("If-None-Match") == tag:
                self.send_response(304)
                self.send_header("ETag", tag)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            time.sleep(delay)
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml; charset=utf-8")
            self.send_header("ETag", tag)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    servers = [ThreadingHTTPServer(("127.0.0.1", 0), Handler) for _ in range(origins)]
    for server in servers:
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
    ports.put([s.server_address[1] for s in servers])
    threading.Event().wait()


def one_refresh(urls: list[str], workers: int, per_host: int, again: bool) -> tuple[float, float]:
    """Seconds for a first refresh into an empty data folder, and for a second one (or 0)."""
    from summarise.feeds.refresh import refresh
    from summarise.feeds.subscriptions import FullText, Subscriptions

    with tempfile.TemporaryDirectory() as folder:
        store = Subscriptions(Path(folder) / "feeds.db", Path(folder) / "library")
        for url in urls:
            store.add(url, FullText.AUTO)
        started = time.perf_counter()
        reports = refresh(store, workers=workers, per_host=per_host)
        first = time.perf_counter() - started
        failed = [r for r in reports if r.outcome != "new"]
        if failed:
            raise SystemExit(f"{len(failed)} feeds failed: {failed[0].error}")
        second = 0.0
        if again:
            started = time.perf_counter()
            reports = refresh(store, workers=workers, per_host=per_host)
            second = time.perf_counter() - started
            assert all(r.outcome == "unchanged" for r in reports), "a feed was read again"
        store.close()
    return first, second


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", default="50,200")
    parser.add_argument("--entries", type=int, default=20)
    parser.add_argument("--origins", type=int, default=20)
    parser.add_argument("--delay-ms", type=float, default=100.0)
    parser.add_argument("--rtt-ms", type=float, default=10.0)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    from summarise.feeds.polite import PER_HOST, WORKERS

    sizes = [int(s) for s in args.feeds.split(",")]
    ports: multiprocessing.Queue = multiprocessing.Queue()
    site = multiprocessing.Process(
        target=serve,
        args=(
            ports,
            args.origins,
            max(sizes),
            args.entries,
            args.delay_ms / 1000,
            args.rtt_ms / 1000,
        ),
        daemon=True,
    )
    site.start()
    origins = ports.get(timeout=30)
    print(
        f"{args.entries} entries a feed, {args.origins} servers, a full answer after "
        f"{args.delay_ms:.0f} ms + {args.rtt_ms:.0f} ms, a 304 after {args.rtt_ms:.0f} ms; "
        f"medians of {args.runs}"
    )
    for size in sizes:
        urls = [f"http://127.0.0.1:{origins[n % len(origins)]}/feed/{n}.xml" for n in range(size)]
        concurrent, second, sequential = [], [], []
        for _ in range(args.runs):
            first, again = one_refresh(urls, WORKERS, PER_HOST, again=True)
            concurrent.append(first)
            second.append(again)
            sequential.append(one_refresh(urls, 1, 1, again=False)[0])
        c, s, q = (statistics.median(x) for x in (concurrent, second, sequential))
        print(
            f"{size:>4} feeds ({size * args.entries:,} articles)  first refresh {c:6.2f} s  "
            f"sequential {q:6.2f} s ({q / c:.1f}x)  second, all 304 {s:5.2f} s"
        )
    site.terminate()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
