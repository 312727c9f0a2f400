"""Following feeds and adding pages from the reader, against a news site on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.news_site import Site, running_site
from tests.tui.helpers import make_app, settle, status, toasts


@pytest.fixture
def site() -> Iterator[Site]:
    with running_site() as site:
        yield site


@pytest.fixture
def own_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A data folder of this test's own: subscriptions and the library start empty."""
    folder = tmp_path / "data"
    monkeypatch.setenv("NEWSBRIEF_DATA_DIR", str(folder))
    return folder


def _feeds_rows(app) -> list[str]:  # type: ignore[no-untyped-def]
    from tui.widgets.feeds_pane import FeedsPane

    pane = app.screen.query_one(FeedsPane)
    return [str(pane.get_option_at_index(i).prompt) for i in range(pane.option_count)]


async def test_following_a_feed_from_the_reader(site: Site, own_data: Path, tmp_path: Path) -> None:
    from summarise.library.analysis import AnalysisCache
    from summarise.library.state import StateStore
    from tui.app import NewsbriefApp
    from tui.screens.add_url import AddUrlScreen

    app = NewsbriefApp(store=StateStore(tmp_path / "state.db"), analysis_cache=AnalysisCache(None))
    async with app.run_test(size=(130, 34), notifications=True) as pilot:
        await settle(app, pilot)
        assert len(app.article_list.everything) == 5  # the samples, before you follow anything
        assert not app.screen.has_class("-feeds-open")
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, AddUrlScreen)
        await pilot.press(*site.teaser_feed("town", 3), "enter")
        await settle(app, pilot)
        await pilot.pause(0.5)
        await settle(app, pilot)
        titles = sorted(a.title for a in app.article_list.everything)
        assert titles == [
            f"Town story {n}: the {t} plan" for n, t in enumerate(("harbour", "railway", "library"))
        ]
        assert any("following The Town Feed: 3 articles" in t for t in toasts(app))
        assert app.screen.has_class("-feeds-open")  # you follow a feed: the pane opens
        assert _feeds_rows(app) == [
            "All articles 3/3",
            "Unread 3",
            "Bookmarks 0",
            "The Town Feed 3",
        ]
        await pilot.press("enter")  # the first article, whole, with its link
        await pilot.pause()
        view = app.article_view
        assert view.article is not None and view.article.word_count > 300
        assert view.article.url is not None and "utm_" not in view.article.url
        await pilot.press("F")  # to the feeds pane
        await pilot.pause()
        assert app.screen.focused is app.screen.query_one("#feeds")
        await pilot.press("end", "enter")  # the feed's own view
        await pilot.pause()
        assert status(app).startswith("The Town Feed · 3 articles")
        await pilot.press("A")  # mark all read
        await pilot.pause(0.5)
        assert _feeds_rows(app)[-1] == "The Town Feed 0"
        await pilot.press("u")  # unread only: nothing left
        await pilot.pause()
        assert app.article_list.articles == []
        await pilot.press("u", "R")
        await settle(app, pilot)
        await pilot.pause(0.3)
        assert any("1 feed: 0 new articles, unchanged" in t for t in toasts(app))
        assert site.not_modified["/feeds/town.xml"] == 1


async def test_adding_a_page_saves_it_into_the_open_folder(
    site: Site, own_data: Path, tmp_path: Path
) -> None:
    url = site.teaser_feed("pages", 1)
    library = tmp_path / "lib"
    library.mkdir()
    (library / "first.md").write_text("# Already here\n\nAn article that was here before.\n")
    app = make_app(tmp_path, [library])
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await settle(app, pilot)
        await pilot.press("a", *f"{url.rsplit('/feeds', 1)[0]}/pages/pages-0.html", "enter")
        await settle(app, pilot)
        await pilot.pause(0.3)
        await settle(app, pilot)
        assert sorted(a.title for a in app.article_list.everything) == [
            "Already here",
            "Pages story 0: the harbour plan",
        ]
        assert any("1 page(s) saved" in t for t in toasts(app))


async def test_the_link_opens_in_the_browser_and_copies(
    site: Site, own_data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tui.cli import main

    assert main(["feeds", "add", site.teaser_feed("links", 1)]) == 0
    opened: list[str] = []
    monkeypatch.setattr("webbrowser.open", lambda url: opened.append(url) or True)
    app = make_app(tmp_path, [own_data / "library"])
    async with app.run_test(size=(120, 30), notifications=True) as pilot:
        await settle(app, pilot)
        await pilot.press("enter", "v")
        await pilot.pause()
        link = f"{site.base}/pages/links-0.html"
        assert opened == [link]
        await pilot.press("y")
        await pilot.pause()
        assert app.clipboard == link
        assert any(f"Copied {link}" in t for t in toasts(app))
