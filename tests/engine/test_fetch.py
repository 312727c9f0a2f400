"""Fetching pages and feeds from a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import time
from pathlib import Path

from summarise.feeds.fetch import RECORD, USER_AGENT, fetch
from summarise.readers import load_paths
from tests.loopback import SEEN_AGENTS


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
    assert bridge.url == "https://gazette.example/bridge"  # the entry's link, not the feed's


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
    assert errors["slow"] == "timed out (no answer for 1 s)"
    assert errors["huge"] == "too large (over 1 MB)"
    assert errors["image.png"] == "not an article or feed (image/png)"
    assert errors["x"] == "only http:// and https:// addresses can be fetched, not ftp://"
    assert errors["refused"].startswith("cannot connect")
    assert errors["atom"] is None  # the last one still came through
    assert len(list(tmp_path.glob("*.md"))) == 2


def test_a_record_of_the_wrong_shape_is_started_afresh(server: str, tmp_path: Path) -> None:
    for damaged in ("[]", "null", '{"urls": []}', '{"urls": {"x": 3}}', "{"):
        (tmp_path / RECORD).write_text(damaged)
        (result,) = fetch([f"{server}/page.html"], tmp_path)
        assert result.error is None
    assert len(list(tmp_path.glob("*.md"))) == 1
