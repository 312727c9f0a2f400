"""Fetching pages and feeds from a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from summarise.fetch import USER_AGENT, feeds_in, fetch
from summarise.readers import load_paths
from tui.cli import main

from .test_reader import settle

DATA = Path(__file__).parent / "data"
SEEN_AGENTS: list[str] = []


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:  # keep test output clean
        pass

    def send(self, body: bytes, kind: str, status: int = 200) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # the name http.server calls
        SEEN_AGENTS.append(self.headers.get("User-Agent", ""))
        path = self.path.split("?")[0]
        if path == "/page.html":
            self.send((DATA / "wire.html").read_bytes(), "text/html; charset=utf-8")
        elif path == "/feed.xml":
            self.send((DATA / "rss2-content-encoded.xml").read_bytes(), "application/rss+xml")
        elif path == "/atom":
            self.send((DATA / "blog-atom.xml").read_bytes(), "application/atom+xml")
        elif path == "/moved":
            self.send_response(302)
            self.send_header("Location", "/page.html")
            self.end_headers()
        elif path == "/slow":
            time.sleep(3)
            self.send(b"<html><body><p>late</p></body></html>", "text/html")
        elif path == "/huge":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()  # no length: the cap must stop the read itself
            try:
                for _ in range(200):
                    self.wfile.write(b"<p>" + b"x" * 65536 + b"</p>")
            except (BrokenPipeError, ConnectionResetError):
                pass
        elif path == "/image.png":
            self.send(b"\x89PNG\r\n\x1a\n" + b"\x00" * 500, "image/png")
        else:
            self.send(b"not here", "text/plain", status=404)


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_a_page_and_a_feed_are_saved_and_read_back(server: str, tmp_path: Path) -> None:
    results = fetch([f"{server}/page.html", f"{server}/feed.xml"], tmp_path)
    page, feed = results
    assert page.error is None and len(page.saved) == 1 and not page.feed
    assert feed.error is None and len(feed.saved) == 2 and feed.feed
    assert feed.problems == ["entry 3: no article text found"]
    library = load_paths([tmp_path])
    titles = sorted(a.title for a in library.articles)
    assert titles == [
        "Copper hits two-year high on supply worries",
        "New bridge opens to traffic",
        "School board names new head",
    ]
    bridge = next(a for a in library.articles if a.title.startswith("New bridge"))
    assert (bridge.source, bridge.byline, bridge.date) == (
        "Valley Gazette",
        "Tom Hale",
        "2024-04-15",
    )
    assert bridge.headings() == ["Shorter trips"] and bridge.quotes()[0].speaker == "Ruth Adams"
    assert SEEN_AGENTS and all(agent == USER_AGENT for agent in SEEN_AGENTS)
    assert feeds_in(tmp_path) == [f"{server}/feed.xml"]


def test_fetching_again_or_by_another_address_saves_nothing_twice(
    server: str, tmp_path: Path
) -> None:
    fetch([f"{server}/page.html"], tmp_path)
    (again, moved) = fetch([f"{server}/page.html", f"{server}/moved"], tmp_path)
    assert (again.saved, again.already) == ([], 1)
    assert (moved.saved, moved.already) == ([], 1)  # a redirect to the same article
    assert len(list(tmp_path.glob("*.md"))) == 1


def test_each_failure_is_reported_and_the_others_go_on(server: str, tmp_path: Path) -> None:
    started = time.monotonic()
    results = fetch(
        [
            f"{server}/missing",
            f"{server}/slow",
            f"{server}/huge",
            f"{server}/image.png",
            "ftp://example.com/x",
            "http://127.0.0.1:9/refused",
            f"{server}/atom",
        ],
        tmp_path,
        timeout=1.0,
        max_bytes=1024 * 1024,
    )
    assert time.monotonic() - started < 15
    errors = {r.url.rsplit("/", 1)[-1]: r.error for r in results}
    assert errors["missing"] == "HTTP 404 Not Found"
    assert errors["slow"] == "timed out after 1 s"
    assert errors["huge"] == "too large (over 1 MB)"
    assert errors["image.png"] == "not an article or feed (image/png)"
    assert errors["x"] == "only http:// and https:// addresses can be fetched"
    assert errors["refused"].startswith("cannot connect")
    assert errors["atom"] is None  # the last one still came through
    assert len(list(tmp_path.glob("*.md"))) == 2


def test_fetch_command(server: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["fetch", f"{server}/atom", "--into", str(tmp_path)]) == 0
    out, err = capsys.readouterr()
    assert out.strip() == f"{server}/atom: feed, 2 new"
    assert f"1 of 1 fetched into {tmp_path}" in err
    assert main(["fetch", f"{server}/missing", f"{server}/atom", "--into", str(tmp_path)]) == 1
    out, err = capsys.readouterr()
    assert f"{server}/atom: feed, 0 new, 2 already in the library" in out
    assert f"newsbrief: {server}/missing: HTTP 404 Not Found" in err


def test_the_default_library_is_yours_once_it_has_articles(
    server: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from summarise.library import default_library_path, seeds_path, user_library_path

    assert default_library_path() == seeds_path()  # nothing fetched yet: the samples
    assert main(["fetch", f"{server}/page.html"]) == 0
    capsys.readouterr()
    assert default_library_path() == user_library_path()
    assert main(["list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [row["title"] for row in listed] == ["Copper hits two-year high on supply worries"]
    for path in user_library_path().iterdir():  # leave the session's library as it was
        path.unlink()


async def test_the_reader_adds_a_feed_and_refreshes_it(server: str, tmp_path: Path) -> None:
    from summarise.analysis import AnalysisCache
    from summarise.search import SearchIndex
    from summarise.store import StateStore
    from tui.app import NewsbriefApp
    from tui.screens.add_url import AddUrlScreen

    library = tmp_path / "lib"
    library.mkdir()
    (library / "first.md").write_text("# Already here\n\nAn article that was here before.\n")
    app = NewsbriefApp(
        paths=[library],
        store=StateStore(None),
        search_index=SearchIndex(None),
        analysis_cache=AnalysisCache(None),
    )

    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await settle(app, pilot)
        assert len(app.all_articles) == 1
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, AddUrlScreen)
        await pilot.press(*f"{server}/atom", "enter")
        await settle(app, pilot)
        assert sorted(a.title for a in app.all_articles) == [
            "A wet spring for the river",
            "Already here",
            "Bees return to the old orchard",
        ]
        assert any("2 new article(s)" in n.message for n in app._notifications)
        await pilot.press("R")
        await settle(app, pilot)
        assert any("0 new article(s)" in n.message for n in app._notifications)
        assert len(app.all_articles) == 3
