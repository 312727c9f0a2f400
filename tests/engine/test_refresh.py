"""Subscriptions and refreshing them, against a news site on 127.0.0.1."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from summarise.feeds.opml import OpmlError, Outline, read_opml, write_opml
from summarise.feeds.refresh import Limits, refresh, resolve_feed
from summarise.feeds.subscriptions import FullText, Subscriptions, feed_counts
from summarise.readers import read_file
from tests.news_site import Site, item, rss, running_site


@pytest.fixture
def site() -> Iterator[Site]:
    with running_site() as site:
        yield site


@pytest.fixture
def subscriptions(tmp_path: Path) -> Iterator[Subscriptions]:
    store = Subscriptions(tmp_path / "feeds.db", tmp_path / "library")
    yield store
    store.close()


def _articles(folder: Path) -> list:  # type: ignore[type-arg]
    return [a for p in sorted(folder.glob("*.md")) for a in read_file(p).articles]


def test_a_teaser_feed_gets_each_article_whole_with_its_own_link(
    site: Site, subscriptions: Subscriptions
) -> None:
    feed = subscriptions.add(site.teaser_feed("city", 3))
    (report,) = refresh(subscriptions)
    assert (report.outcome, len(report.saved), report.full_text, report.teasers) == (
        "new",
        3,
        3,
        [],
    )
    articles = _articles(feed.folder)
    assert len(articles) == 3
    first = next(a for a in articles if a.title == "City story 0: the harbour plan")
    assert first.word_count > 300  # the page's text, not the one-line teaser
    assert first.url == f"{site.base}/pages/city-0.html"  # the entry's link, tracking dropped
    assert first.byline == "Page Author" and first.date == "2026-11-24"
    assert subscriptions.get(feed.id).title == "The City Feed"  # type: ignore[union-attr]


def test_a_page_that_fails_keeps_the_teaser_and_says_why(
    site: Site, subscriptions: Subscriptions
) -> None:
    url = site.teaser_feed("gone", 2)
    del site.pages["/pages/gone-1.html"]
    feed = subscriptions.add(url)
    (report,) = refresh(subscriptions)
    assert len(report.saved) == 2 and report.full_text == 1
    assert report.teasers == ["Gone story 1: the railway plan: HTTP 404 Not Found"]
    teaser = next(a for a in _articles(feed.folder) if a.title.startswith("Gone story 1"))
    assert teaser.paragraphs() == ["Read about the railway plan…"]


def test_never_mode_keeps_the_feed_text(site: Site, subscriptions: Subscriptions) -> None:
    subscriptions.add(site.teaser_feed("brief", 2), FullText.NEVER)
    (report,) = refresh(subscriptions)
    assert len(report.saved) == 2 and report.full_text == 0
    assert sum(site.requests[p] for p in site.pages) == 0


def test_an_unchanged_feed_costs_one_304_and_nothing_is_saved_twice(
    site: Site, subscriptions: Subscriptions
) -> None:
    url = site.teaser_feed("calm", 2)
    subscriptions.add(url)
    refresh(subscriptions)
    (again,) = refresh(subscriptions)
    assert (again.outcome, again.saved) == ("unchanged", [])
    assert site.not_modified["/feeds/calm.xml"] == 1
    assert site.requests["/pages/calm-0.html"] == 1  # not fetched again


def test_a_story_in_two_feeds_is_saved_once(site: Site, subscriptions: Subscriptions) -> None:
    first = site.teaser_feed("wire", 2)
    body = site.feeds["/feeds/wire.xml"].replace(b"utm_source=rss", b"utm_source=partner")
    site.feeds["/feeds/partner.xml"] = body.replace(b"The Wire Feed", b"The Partner Feed")
    subscriptions.add(first)
    subscriptions.add(f"{site.base}/feeds/partner.xml")
    reports = refresh(subscriptions)
    assert sorted(len(r.saved) for r in reports) == [0, 2]
    assert sorted(r.already for r in reports) == [0, 2]


def test_a_busy_feed_is_left_alone_until_its_retry_after(
    site: Site, subscriptions: Subscriptions
) -> None:
    feed = subscriptions.add(f"{site.base}/busy.xml")
    (report,) = refresh(subscriptions)
    assert report.outcome == "failed" and "429" in (report.error or "")
    stored = subscriptions.get(feed.id)
    assert stored is not None and stored.retry_at is not None and stored.retry_at > time.time()
    (later,) = refresh(subscriptions)
    assert later.outcome == "waiting" and site.requests["/busy.xml"] == 1


def test_failures_are_counted_and_a_recovered_feed_is_clear(
    site: Site, subscriptions: Subscriptions
) -> None:
    feed = subscriptions.add(f"{site.base}/feeds/later.xml")
    for _ in range(3):
        refresh(subscriptions, limits=Limits(timeout=2, deadline=4))
    failing = subscriptions.get(feed.id)
    assert failing is not None and failing.failing and failing.last_error == "HTTP 404 Not Found"
    site.teaser_feed("later", 1)
    refresh(subscriptions)
    recovered = subscriptions.get(feed.id)
    assert recovered is not None and not recovered.failing and recovered.last_error is None


def test_a_dripping_feed_cannot_hold_up_the_others(
    site: Site, subscriptions: Subscriptions
) -> None:
    subscriptions.add(f"{site.base}/drip")
    subscriptions.add(site.teaser_feed("quick", 1))
    started = time.monotonic()
    drip, quick = refresh(subscriptions, limits=Limits(timeout=1, deadline=2))
    assert time.monotonic() - started < 5
    assert drip.outcome == "failed" and "too slow" in (drip.error or "")
    assert quick.outcome == "new"


def test_fifty_feeds_at_once_never_more_than_two_per_host(
    site: Site, subscriptions: Subscriptions
) -> None:
    site.delay = 0.05
    for n in range(50):
        subscriptions.add(site.teaser_feed(f"f{n}", 1))
    started = time.monotonic()
    reports = refresh(subscriptions)
    took = time.monotonic() - started
    assert [r.outcome for r in reports] == ["new"] * 50
    assert site.most_active == 2  # one host: its two slots, never more
    # 100 downloads of 50 ms each, two at a time: about 2.5 s, not the 5 s one at a time takes.
    assert took < 4.5


def test_hostile_titles_and_categories_survive_a_refresh(
    site: Site, subscriptions: Subscriptions
) -> None:
    site.feeds["/feeds/odd.xml"] = rss(
        'Odd "Feed" \\',
        [
            item(
                'Title with "quotes" \\ and [brackets]',
                "https://elsewhere.invalid/1",
                "# a body line like a heading, " + "long enough to be the article. " * 40,
                categories=("line\nbreak",),
            )
        ],
    )
    feed = subscriptions.add(f"{site.base}/feeds/odd.xml")
    (report,) = refresh(subscriptions)
    assert report.outcome == "new" and report.full_text == 0  # long enough: not a teaser
    (article,) = _articles(feed.folder)
    assert article.title == 'Title with "quotes" \\ and [brackets]'
    # A tag is one line, however the feed wrote it; the newline did not break the front matter.
    assert article.tags == ("line break",)
    assert article.paragraphs()[0].startswith("# a body line like a heading")
    assert subscriptions.get(feed.id).title == 'Odd "Feed" \\'  # type: ignore[union-attr]


def test_a_full_disk_reports_and_records_only_what_was_saved(
    site: Site, subscriptions: Subscriptions, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    import summarise.feeds.refresh as module

    real = module.save_article
    calls = {"n": 0}

    def filling(article, folder, url=None):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] > 2:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(article, folder, url)

    monkeypatch.setattr(module, "save_article", filling)
    feed = subscriptions.add(site.teaser_feed("full", 4), FullText.NEVER)
    (report,) = refresh(subscriptions)
    assert len(report.saved) == 2 and len(report.problems) == 2
    assert all("No space left on device" in p for p in report.problems)
    assert not list(feed.folder.glob(".*.tmp"))
    monkeypatch.setattr(module, "save_article", real)
    site.feeds["/feeds/full.xml"] += b" "  # a new ETag: the feed is read again
    (again,) = refresh(subscriptions)
    assert len(again.saved) == 2 and again.already == 2  # the two lost ones, now saved
    assert len(list(feed.folder.glob("*.md"))) == 4


def test_a_page_announcing_its_feed_is_followed_by_that_feed(site: Site) -> None:
    site.teaser_feed("found", 1)
    url, title = resolve_feed(f"{site.base}/site.html")
    assert (url, title) == (f"{site.base}/feeds/found.xml", "The Found Feed")


def test_counts_per_feed_come_from_its_folder(subscriptions: Subscriptions) -> None:
    one = subscriptions.add("https://a.example/feed")
    two = subscriptions.add("https://b.example/rss?x=1")
    assert one.folder != two.folder and one.folder.parent == two.folder.parent
    locations = [
        ("a1", str(one.folder / "x.md")),
        ("a2", str(one.folder / "y.md")),
        ("b1", str(two.folder / "z.md")),
        ("other", "/elsewhere/w.md"),
    ]
    counts = feed_counts([one, two], locations, read={"a1"})
    assert (counts[one.id].articles, counts[one.id].unread) == (2, 1)
    assert (counts[two.id].articles, counts[two.id].unread) == (1, 1)


def test_subscriptions_are_found_by_number_or_address(subscriptions: Subscriptions) -> None:
    feed = subscriptions.add("https://a.example/feed?utm_source=x")
    assert subscriptions.find(str(feed.id)) == feed
    assert subscriptions.find("HTTPS://A.example/feed") == feed
    assert subscriptions.add("https://a.example/feed?utm_source=x") == feed  # not twice
    subscriptions.remove(feed)
    assert subscriptions.all() == []


def test_opml_round_trips_and_reads_newsboat_exports() -> None:
    outlines = [Outline("https://a.example/feed", 'A & "B" <C>'), Outline("https://b.example/")]
    assert read_opml(write_opml(outlines)) == [
        Outline("https://a.example/feed", 'A & "B" <C>'),
        Outline("https://b.example/", "https://b.example/"),
    ]
    newsboat = """<?xml version="1.0"?>
<opml version="1.0"><head><title>newsboat - Exported Feeds</title></head><body>
<outline type="rss" xmlUrl="https://x.example/rss" htmlUrl="https://x.example" title="X"/>
<outline title="Folder"><outline type="rss" xmlUrl="https://y.example/atom" text="Y"/></outline>
</body></opml>"""
    assert read_opml(newsboat) == [
        Outline("https://x.example/rss", "X"),
        Outline("https://y.example/atom", "Y"),
    ]
    with pytest.raises(OpmlError, match="entities"):
        read_opml('<!DOCTYPE x [<!ENTITY a "aaaa">]><opml/>')
    with pytest.raises(OpmlError, match="not an OPML file"):
        read_opml("<rss/>")


def test_following_a_feed_again_saves_nothing_twice_and_says_so(
    site: Site, subscriptions: Subscriptions
) -> None:
    """feeds remove, then import again: the pages are fetched again, but their articles are
    on disk already, and the report says so instead of counting them as new."""
    from summarise.render import refresh_summary

    url = site.teaser_feed("again", 4)
    feed = subscriptions.add(url)
    (first,) = refresh(subscriptions)
    assert len(first.saved) == 4 and first.pages == 4
    subscriptions.remove(feed)
    subscriptions.add(url)
    (second,) = refresh(subscriptions)
    assert (len(second.saved), second.already, second.pages) == (0, 4, 4)
    assert refresh_summary([second]) == "1 feed: 4 pages fetched, 0 new articles"
    assert len(list(feed.folder.glob("*.md"))) == 4
