"""A news site on 127.0.0.1 for the feed tests: teaser feeds with linked pages, conditional GET,
gzip, a busy server, a dripping one, a redirect to ftp://. Nothing leaves the machine."""

from __future__ import annotations

import gzip
import random
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from xml.sax.saxutils import escape

TOPICS = (
    "harbour",
    "railway",
    "library",
    "orchard",
    "bridge",
    "market",
    "school",
    "hospital",
    "stadium",
    "museum",
)


VOCABULARY = (
    "council residents officials budget minister station market bridge hospital report inquiry "
    "election vote court police storm river museum library harbour railway orchard stadium school "
    "plans funding delay approval protest hearing contract tender ferry tunnel tram workers union "
    "strike pay pension housing rent tenants landlords flood drought farmers prices tariffs "
    "exports imports factory jobs closure opening mayor governor senator judge ruling appeal "
    "verdict evidence witness statement spokesperson analysts investors shares profits losses"
).split()


def paragraphs(topic: str, n: int) -> list[str]:
    """Distinct, sentence-shaped paragraphs about one topic: the same topic always gives the
    same text, and two topics share no more than chance does."""
    found = []
    for i in range(1, n + 1):
        chance = random.Random(f"{topic}-{i}")
        sentences = []
        for _ in range(3):
            words = [chance.choice(VOCABULARY) for _ in range(chance.randint(12, 20))]
            sentences.append(f"The {topic} {' '.join(words)}.")
        found.append(" ".join(sentences))
    return found


def page_html(title: str, topic: str) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paragraphs(topic, 8))
    return (
        f"<html><head><title>{escape(title)} | The Site</title>"
        '<meta name="author" content="Page Author"></head><body>'
        f"<article><h1>{escape(title)}</h1>{body}</article></body></html>"
    ).encode()


def rss(title: str, items: list[str]) -> bytes:
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{escape(title)}</title><link>http://example.invalid/</link>"
        + "".join(items)
        + "</channel></rss>"
    ).encode()


def item(
    title: str,
    link: str,
    description: str,
    *,
    date: str = "Tue, 24 Nov 2026 10:00:00 +0000",
    author: str | None = None,
    categories: tuple[str, ...] = (),
    enclosure: tuple[str, str] | None = None,
) -> str:
    parts = [
        f"<item><title>{escape(title)}</title><link>{escape(link)}</link>",
        f"<pubDate>{date}</pubDate>",
        f"<description>{escape(description)}</description>",
    ]
    if author:
        parts.append(f"<author>{escape(author)}</author>")
    parts += [f"<category>{escape(c)}</category>" for c in categories]
    if enclosure:
        parts.append(f'<enclosure url="{escape(enclosure[0])}" type="{enclosure[1]}" length="1"/>')
    return "".join(parts) + "</item>"


@dataclass
class Site:
    """What the server serves; tests change it between refreshes."""

    base: str = ""
    feeds: dict[str, bytes] = field(default_factory=dict)  # path -> body
    pages: dict[str, bytes] = field(default_factory=dict)
    requests: Counter[str] = field(default_factory=Counter)
    not_modified: Counter[str] = field(default_factory=Counter)
    delay: float = 0.0  # seconds before answering anything but a 304
    active: int = 0
    most_active: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def teaser_feed(self, name: str, count: int, topic_offset: int = 0) -> str:
        """A feed of one-sentence teasers, each linking a full page on this site."""
        items = []
        for n in range(count):
            topic = TOPICS[(n + topic_offset) % len(TOPICS)]
            title = f"{name.title()} story {n}: the {topic} plan"
            page = f"/pages/{name}-{n}.html"
            self.pages[page] = page_html(title, f"{topic} {name} {n}")
            link = f"{self.base}{page}?utm_source=rss&utm_medium=feed"
            items.append(item(title, link, f"Read about the {topic} plan…", author="Feed Author"))
        path = f"/feeds/{name}.xml"
        self.feeds[path] = rss(f"The {name.title()} Feed", items)
        return f"{self.base}{path}"


def handler_for(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args: object) -> None:
            pass

        def send(self, status: int, body: bytes = b"", headers: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
            # A request stops counting as active before its answer goes out: once the client
            # has the answer it may start the next one, maybe before this thread runs again.
            self._done()
            self.send_response(status)
            for key, value in (headers or {}).items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def _done(self) -> None:
            with site.lock:
                if getattr(self, "_active", False):
                    self._active = False
                    site.active -= 1

        def do_GET(self) -> None:  # the name http.server calls
            path = self.path.split("?")[0]
            with site.lock:
                site.requests[path] += 1
                site.active += 1
                site.most_active = max(site.most_active, site.active)
                self._active = True
            try:
                self.answer(path)
            finally:
                self._done()

        def answer(self, path: str) -> None:
            if path in site.feeds:
                body = site.feeds[path]
                tag = f'"{hash(body) & 0xFFFFFFFF:x}"'
                if self.headers.get("If-None-Match") == tag:
                    site.not_modified[path] += 1
                    self.send(304, headers={"ETag": tag})
                    return
                time.sleep(site.delay)
                headers = {"Content-Type": "application/rss+xml; charset=utf-8", "ETag": tag}
                if "gzip" in self.headers.get("Accept-Encoding", ""):
                    body, headers["Content-Encoding"] = gzip.compress(body), "gzip"
                self.send(200, body, headers)
            elif path in site.pages:
                time.sleep(site.delay)
                self.send(200, site.pages[path], {"Content-Type": "text/html; charset=utf-8"})
            elif path == "/busy.xml":
                self.send(429, b"slow down", {"Retry-After": "120", "Content-Type": "text/plain"})
            elif path == "/to-ftp":
                self.send(302, headers={"Location": "ftp://127.0.0.1/feed.xml"})
            elif path in ("/drip", "/drip-close"):
                self.send_response(200)
                self.send_header("Content-Type", "application/rss+xml")
                if path == "/drip":
                    self.send_header("Content-Length", "100000")
                else:  # the response owns the socket: http.client forgets it
                    self.send_header("Connection", "close")
                    self.close_connection = True
                self.end_headers()
                try:
                    for _ in range(10_000):
                        self.wfile.write(b" ")
                        self.wfile.flush()
                        time.sleep(0.2)
                except OSError:
                    pass
            elif path == "/site.html":
                body = (
                    b"<html><head><link rel='alternate' type='application/rss+xml' "
                    b"href='/feeds/found.xml'></head><body><p>Home</p></body></html>"
                )
                self.send(200, body, {"Content-Type": "text/html"})
            else:
                self.send(404, b"not here", {"Content-Type": "text/plain"})

    return Handler


@contextmanager
def running_site() -> Iterator[Site]:
    site = Site()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler_for(site))
    httpd.daemon_threads = True
    site.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        httpd.shutdown()
        httpd.server_close()
