"""The HTTP client's limits, against servers on 127.0.0.1 that misbehave on purpose."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from summarise.feeds.http import FetchError, get, retry_time
from summarise.library.urls import canonical_url
from tests.news_site import Site, running_site


@pytest.fixture(scope="module")
def site() -> Iterator[Site]:
    with running_site() as site:
        yield site


@pytest.mark.parametrize("path", ["/drip", "/drip-close"])
def test_a_dripping_server_cannot_stretch_the_deadline(site: Site, path: str) -> None:
    """With a length, or closing the connection when done (the socket then belongs to the
    response, not the connection the watchdog was given)."""
    started = time.monotonic()
    with pytest.raises(FetchError, match=r"too slow \(gave up after 2 s\)"):
        get(f"{site.base}{path}", timeout=1.0, deadline=2.0)
    assert time.monotonic() - started < 3.0  # one byte every 0.2 s never resets the clock


def test_a_redirect_to_ftp_is_refused(site: Site) -> None:
    with pytest.raises(FetchError, match=r"only http:// and https://.*not ftp://"):
        get(f"{site.base}/to-ftp")


def test_a_conditional_get_of_an_unchanged_feed_is_a_304(site: Site) -> None:
    url = site.teaser_feed("conditional", 2)
    first = get(url)
    assert first.status == 200 and first.etag and b"<rss" in first.body  # gzip was decoded
    again = get(url, etag=first.etag)
    assert (again.status, again.body) == (304, b"")


def test_busy_servers_say_when_to_come_back(site: Site) -> None:
    before = time.time()
    with pytest.raises(FetchError) as caught:
        get(f"{site.base}/busy.xml")
    assert "HTTP 429" in str(caught.value)
    assert caught.value.retry_at is not None
    assert 119 <= caught.value.retry_at - before <= 125


def test_retry_after_as_seconds_or_a_date() -> None:
    assert retry_time("30", 1000.0) == 1030.0
    assert retry_time("Wed, 21 Oct 2015 07:28:00 GMT", 1445412480.0 - 60) == 1445412480.0
    assert retry_time("soon", 0.0) is None
    assert retry_time("99999999", 0.0) == 24 * 3600.0  # capped at a day


def test_canonical_urls_drop_tracking_and_fragments() -> None:
    assert (
        canonical_url("HTTPS://News.Example:443/a/b?id=7&utm_source=rss&fbclid=x#top")
        == "https://news.example/a/b?id=7"
    )
    assert canonical_url("http://x.org?utm_medium=feed") == "http://x.org/"
    assert canonical_url("http://x.org/p?q=a%20b") == "http://x.org/p?q=a%20b"  # kept as written
