"""`newsbrief feeds ...` and `newsbrief refresh` as a user types them, against 127.0.0.1."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.news_site import Site, item, rss, running_site
from tui.cli import main


@pytest.fixture
def site() -> Iterator[Site]:
    with running_site() as site:
        yield site


@pytest.fixture(autouse=True)
def own_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv("NEWSBRIEF_DATA_DIR", str(folder))
    return folder


def test_follow_list_refresh_and_unfollow(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    site.teaser_feed("found", 2)
    assert main(["feeds", "add", f"{site.base}/site.html"]) == 0  # a page that names its feed
    out, err = capsys.readouterr()
    assert f"the page's feed is {site.base}/feeds/found.xml" in err
    assert out.split() == ["1", "2", "articles", f"{site.base}/feeds/found.xml"]
    assert main(["feeds", "list", "--json"]) == 0
    (row,) = json.loads(capsys.readouterr().out)
    assert (row["title"], row["articles"], row["unread"], row["failing"]) == (
        "The Found Feed",
        2,
        2,
        False,
    )
    assert main(["list", "--json"]) == 0  # your library now: the feed's articles, with links
    listed = json.loads(capsys.readouterr().out)
    assert sorted(r["url"] for r in listed) == [
        f"{site.base}/pages/found-0.html",
        f"{site.base}/pages/found-1.html",
    ]
    assert main(["refresh", "--json"]) == 0
    (report,) = json.loads(capsys.readouterr().out)
    assert (report["outcome"], report["new"]) == ("unchanged", 0)
    assert main(["feeds", "remove", "1"]) == 0
    assert "its articles stay in" in capsys.readouterr().out
    assert main(["refresh"]) == 2
    assert "no subscriptions yet" in capsys.readouterr().err


def test_a_failing_feed_is_reported_in_one_line_and_marked(
    site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["feeds", "add", f"{site.base}/feeds/nothing.xml"]) == 1
    assert capsys.readouterr().err.strip() == (
        f"newsbrief: {site.base}/feeds/nothing.xml: HTTP 404 Not Found"
    )
    assert main(["feeds", "list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []  # not followed: it is not a feed
    site.teaser_feed("flaky", 1)
    assert main(["feeds", "add", f"{site.base}/feeds/flaky.xml"]) == 0
    del site.feeds["/feeds/flaky.xml"]
    for _ in range(3):
        assert main(["refresh"]) == 1
    err = capsys.readouterr().err
    assert f"newsbrief: {site.base}/feeds/flaky.xml: HTTP 404 Not Found" in err
    assert main(["feeds", "list"]) == 0
    out = capsys.readouterr().out
    assert "  1!" in out and "last error: HTTP 404 Not Found" in out


def test_opml_export_and_import_round_trip(
    site: Site, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    opml = tmp_path / "mine.opml"
    opml.write_text(
        '<?xml version="1.0"?><opml version="2.0"><head/><body>'
        '<outline type="rss" text="One &amp; Only" xmlUrl="https://one.example/rss"/>'
        '<outline text="Folder"><outline type="rss" text="Two" xmlUrl="https://two.example/atom"/>'
        "</outline></body></opml>"
    )
    assert main(["feeds", "import", str(opml)]) == 0
    assert "2 feeds added" in capsys.readouterr().err
    assert main(["feeds", "import", str(opml)]) == 0
    assert "0 feeds added, 2 already followed" in capsys.readouterr().err
    exported = tmp_path / "out.opml"
    assert main(["feeds", "export", "-o", str(exported)]) == 0
    capsys.readouterr()
    text = exported.read_text()
    assert 'text="One &amp; Only"' in text and 'xmlUrl="https://two.example/atom"' in text
    assert main(["feeds", "import", str(tmp_path / "missing.opml")]) == 2
    assert "cannot read" in capsys.readouterr().err
    opml.write_text("<rss/>")
    assert main(["feeds", "import", str(opml)]) == 2
    assert "not an OPML file" in capsys.readouterr().err


def test_a_feed_title_from_the_server_is_shown_on_one_printable_line(
    site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    body = "A whole article, long enough not to be a teaser. " * 40
    site.feeds["/feeds/odd.xml"] = rss(
        "Odd\nFeed\u202e\u200d", [item("Story", "https://elsewhere.invalid/1", body)]
    )
    assert main(["feeds", "add", f"{site.base}/feeds/odd.xml"]) == 0
    capsys.readouterr()
    assert main(["feeds", "list"]) == 0
    out = capsys.readouterr().out
    assert "Odd Feed  http" in out  # the newline did not split the row
    assert "\u202e" not in out and "\u200d" not in out  # nor a bidi override reorder it
    assert main(["feeds", "remove", "1"]) == 0
    assert capsys.readouterr().out.startswith("unfollowed Odd Feed;")
