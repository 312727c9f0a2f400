"""Servers and feeds that attack: entity bombs, endless feeds, links into the user's network,
and writers racing for one file. Everything against servers on 127.0.0.1."""

from __future__ import annotations

import threading
import time
import tracemalloc
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

import summarise.feeds.refresh as refreshing
from summarise.feeds.http import FetchError, get, is_private_address
from summarise.feeds.opml import OpmlError, read_opml
from summarise.feeds.saving import save_article, to_markdown, write_atomically
from summarise.feeds.subscriptions import Subscriptions
from summarise.readers import read_file
from summarise.readers.feed import parse_feed
from tests.news_site import Site, item, rss, running_site

# 64 KB declared once, used 16,000 times: a gigabyte once expanded. The declaration sits on a
# line of its own, where feedparser's lenient parser looks for entities to substitute.
BOMB = (
    '<?xml version="1.0"?>\n<!DOCTYPE rss [\n<!ENTITY a "' + "A" * 65536 + '">\n]>\n'
    '<rss version="2.0"><channel><title>Bomb</title><item><title>Boom</title>'
    "<link>http://127.0.0.1/boom</link><description>" + "&a;" * 16000 + "</description>"
    "</item></channel></rss>"
)


@pytest.fixture
def site() -> Iterator[Site]:
    with running_site() as site:
        yield site


@pytest.fixture
def subscriptions(tmp_path: Path) -> Iterator[Subscriptions]:
    store = Subscriptions(tmp_path / "feeds.db", tmp_path / "library")
    yield store
    store.close()


def test_an_entity_bomb_feed_expands_nothing() -> None:
    tracemalloc.start()
    try:
        started = time.monotonic()
        parsed = parse_feed(BOMB)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert time.monotonic() - started < 5
    assert peak < 100 * 1024 * 1024  # it took 4 GB
    (article,) = parsed.articles
    assert len(article.body_text) < len(BOMB)  # "&a;" stays as written, never 64 KB


def test_an_entity_bomb_from_a_server_saves_nothing_large(
    site: Site, subscriptions: Subscriptions
) -> None:
    site.feeds["/feeds/bomb.xml"] = BOMB.encode()
    feed = subscriptions.add(f"{site.base}/feeds/bomb.xml", refreshing.FullText.NEVER)
    (report,) = refreshing.refresh(subscriptions)
    assert report.outcome == "new"
    assert all(path.stat().st_size < len(BOMB) for path in feed.folder.glob("*.md"))


def test_an_opml_list_that_declares_entities_past_its_first_bytes_is_refused() -> None:
    padded = (
        '<?xml version="1.0"?>\n<!DOCTYPE opml [\n<!-- ' + "x" * 10_000 + " -->\n"
        '<!ENTITY a "' + "A" * 1000 + '">\n]>\n<opml version="2.0"><body>'
        '<outline xmlUrl="http://example.invalid/&a;"/></body></opml>'
    )
    with pytest.raises(OpmlError, match="entities"):
        read_opml(padded)


def test_only_the_newest_entries_of_an_endless_feed_are_saved(
    site: Site, subscriptions: Subscriptions, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(refreshing, "MOST_ENTRIES", 5)
    items = [
        item(f"Story {n}", f"{site.base}/s/{n}", "Words. " * 200, date=f"Tue, {n + 1:02} Nov 2026")
        for n in range(20)
    ]
    site.feeds["/feeds/endless.xml"] = rss("Endless", items)
    feed = subscriptions.add(f"{site.base}/feeds/endless.xml", refreshing.FullText.NEVER)
    (report,) = refreshing.refresh(subscriptions)
    titles = sorted(a.title for p in feed.folder.glob("*.md") for a in read_file(p).articles)
    assert titles == [f"Story {n}" for n in range(15, 20)]
    assert any("holds 20 entries: only the newest 5" in p for p in report.problems)


def test_one_feed_fetches_a_bounded_number_of_pages(
    site: Site, subscriptions: Subscriptions, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(refreshing, "MOST_PAGES", 2)
    subscriptions.add(site.teaser_feed("many", 5))
    (report,) = refreshing.refresh(subscriptions)
    assert len(report.saved) == 5 and report.full_text == 2
    assert sum(n for path, n in site.requests.items() if path.startswith("/pages/")) == 2
    assert any("at most 2 pages" in p for p in report.problems)


def test_a_public_feed_cannot_send_us_into_the_private_network(
    site: Site, subscriptions: Subscriptions, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The feed is taken for a public server (its answers are marked so); its teasers link to
    127.0.0.1, which is then refused at the socket and the teasers kept."""
    real_get = refreshing.get

    def feed_on_the_internet(url: str, **options: object):  # type: ignore[no-untyped-def]
        response = real_get(url, **options)  # type: ignore[arg-type]
        return replace(response, private=False) if "/feeds/" in url else response

    monkeypatch.setattr(refreshing, "get", feed_on_the_internet)
    subscriptions.add(site.teaser_feed("inside", 3))
    (report,) = refreshing.refresh(subscriptions)
    assert report.full_text == 0 and len(report.saved) == 3
    assert all("private network" in why for why in report.teasers)
    assert not any(path.startswith("/pages/") for path in site.requests)


def test_private_addresses_are_refused_when_asked(site: Site) -> None:
    with pytest.raises(FetchError, match="private network"):
        get(f"{site.base}/page.html", allow_private=False)
    assert get(site.teaser_feed("ok", 1)).private  # and allowed by default (fetch, feeds add)
    assert is_private_address("10.1.2.3") and is_private_address("::ffff:127.0.0.1")
    assert not is_private_address("93.184.216.34")


def test_eight_writers_of_one_file_leave_it_whole(tmp_path: Path) -> None:
    """Eight teasers whose pages are one article race to save it: whichever wins, the file is
    one whole copy, never one copy with another's tail."""
    target = tmp_path / "one-page-0123456789ab.md"
    copies = [f"copy {n}\n" + f"line of copy {n}\n" * (500 * (8 - n)) for n in range(8)]
    errors: list[BaseException] = []
    start = threading.Barrier(8)

    def write(text: str) -> None:
        start.wait()
        try:
            for _ in range(25):
                write_atomically(target, text)
        except OSError as exc:
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(text,)) for text in copies]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert target.read_text("utf-8") in copies
    assert [p.name for p in tmp_path.iterdir()] == [target.name]  # no temporary file left


def test_a_link_at_the_target_is_replaced_never_written_through(tmp_path: Path) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text("precious")
    library = tmp_path / "library"
    library.mkdir()
    feed = rss("F", [item("Linked", "http://x/", "Body text here.")]).decode()
    article = parse_feed(feed).articles[0]
    target = library / f"linked-{article.id}.md"
    # Names an attacker could pre-place: the old fixed temporary name, and the file itself
    # pointing at something that does not exist yet.
    (library / f".{target.name}.tmp").symlink_to(outside)
    target.symlink_to(tmp_path / "not-yet")
    save_article(article, library)
    assert outside.read_text() == "precious"
    assert not (tmp_path / "not-yet").exists()
    assert not target.is_symlink() and target.read_text("utf-8") == to_markdown(article)
