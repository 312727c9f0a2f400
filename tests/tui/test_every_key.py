"""Every key in the table of actions does something a person can see, at 80x24 and 120x40.

For each action the reader is brought back to the same starting point, given what the key
needs (an open panel for "close panel", search hits for "next hit", an article with a link for
"open link"), and the key is pressed; what the screen shows afterwards must differ.
"""

from __future__ import annotations

import shutil
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from textual.widgets import Input, OptionList

from summarise.library.analysis import AnalysisCache
from summarise.library.listing import ALL
from summarise.library.state import Setting, StateStore
from tests.conftest import SEEDS
from tests.tui.helpers import settle
from tui.actions import ACTIONS, Action
from tui.app import NewsbriefApp
from tui.messages import OpenArticle
from tui.widgets.article_list import SearchFilter

LINKED = """---
title: "A story with a link"
url: "https://news.example/story"
---

The story has a link, which the reader shows and can open or copy for you.

It has a second paragraph so that it reads like an article and not a fragment.
"""


def _library(tmp_path: Path) -> Path:
    library = tmp_path / "library"
    shutil.copytree(SEEDS, library)
    (library / "linked.md").write_text(LINKED)
    return library


def _seen(app: NewsbriefApp, told: list[str]) -> tuple[object, ...]:
    """What a person could notice on the screen, as one comparable value (`told`: every
    notification so far, since a toast may be gone before the screen is read)."""
    screen, listing, view = app.screen, app.article_list, app.article_view
    focused = screen.focused
    extra: tuple[object, ...] = ()
    if isinstance(focused, Input):
        extra = (focused.value,)
    elif isinstance(focused, OptionList):
        extra = (focused.highlighted,)
    if hasattr(screen, "query_one") and screen.query("#help-list"):
        extra += (screen.query_one("#help-list").scroll_y,)
    if hasattr(screen, "query_one") and screen.query("#briefing-scroll"):
        extra += (round(screen.query_one("#briefing-scroll").scroll_y),)
    return (
        type(screen).__name__,
        type(focused).__name__,
        getattr(focused, "id", None),
        extra,
        app.panel.mode,
        app.panel.method,
        app.panel.sentences,
        listing.cursor,
        listing.sort_key,
        listing.filter_text,
        listing.groups is not None,
        listing.view,
        listing.unread_only,
        listing.search_filter,
        frozenset(listing.read_ids),
        frozenset(listing.bookmark_ids),
        view.article.id if view.article else None,
        round(view.scroll_y),
        view.highlighting,
        view.hit_index,
        app.sub_title,
        app.reader.has_class("-feeds-open"),
        app.clipboard,
        len(told),
    )


Setup = Callable[[NewsbriefApp, object], Awaitable[None]]


async def _quiet(app: NewsbriefApp, pilot) -> None:  # type: ignore[no-untyped-def]
    """Until the work a key started is done: no worker running, the screen refreshed."""
    await pilot.pause()
    for _ in range(50):
        if not app.workers:
            break
        await app.workers.wait_for_complete()
        await pilot.pause()
    await pilot.pause()


async def _open_linked(app: NewsbriefApp, pilot) -> None:  # type: ignore[no-untyped-def]
    linked = next(a for a in app.article_list.everything if a.title.startswith("A story"))
    app.reader.open_article(linked)
    await pilot.pause()


async def _scrolled(app: NewsbriefApp, pilot) -> None:  # type: ignore[no-untyped-def]
    app.article_view.focus()
    app.article_view.scroll_to(y=8, animate=False)
    await pilot.pause()


async def _cursor_down(app: NewsbriefApp, pilot) -> None:  # type: ignore[no-untyped-def]
    app.article_list.cursor = 3
    await pilot.pause()


async def _summary(app: NewsbriefApp, pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("s")
    await settle(app, pilot)


async def _entities(app: NewsbriefApp, pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("e")
    await settle(app, pilot)


async def _hits(app: NewsbriefApp, pilot) -> None:  # type: ignore[no-untyped-def]
    assert app.service.index is not None
    (hit,) = app.service.index.search("Carney", limit=1)
    app.reader.on_open_article(OpenArticle(hit.article_id))
    app.article_view.set_search_hits(hit.matches)
    await pilot.pause()


async def _search_filter(app: NewsbriefApp, pilot) -> None:  # type: ignore[no-untyped-def]
    ids = tuple(a.id for a in app.article_list.everything[:2])
    app.article_list.search_filter = SearchFilter("canola", ids)
    await pilot.pause()


async def _searching(app: NewsbriefApp, pilot) -> None:  # type: ignore[no-untyped-def]
    app.store.set(Setting.SEARCH_HISTORY, ["trade"])
    await pilot.press("slash", *"canola")
    for _ in range(40):  # until the results are listed
        await _quiet(app, pilot)
        results = app.screen.query("#results")
        if results and results.first(OptionList).option_count:
            break
        await pilot.pause(0.05)


async def _search_results(app: NewsbriefApp, pilot) -> None:  # type: ignore[no-untyped-def]
    await _searching(app, pilot)
    await pilot.press("down")  # into the results: up goes back to the box
    await pilot.pause()


async def _briefing(app: NewsbriefApp, pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("B")
    for _ in range(100):  # until the page is shown
        await _quiet(app, pilot)
        if getattr(app.screen, "briefing", None) is not None:
            break
        await pilot.pause(0.05)


async def _briefing_scrolled(app: NewsbriefApp, pilot) -> None:  # type: ignore[no-untyped-def]
    await _briefing(app, pilot)
    app.screen.query_one("#briefing-scroll").scroll_to(y=10, animate=False)
    await pilot.pause()


async def _briefing_stories(app: NewsbriefApp, pilot) -> None:  # type: ignore[no-untyped-def]
    await _briefing(app, pilot)
    app.screen.query_one("#briefing-stories").focus()
    await pilot.pause()


async def _help(app: NewsbriefApp, pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("question_mark")
    await pilot.pause()


async def _feeds(app: NewsbriefApp, pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("F")
    await pilot.pause()
    app.screen.query_one("#feeds", OptionList).highlighted = 1  # "Unread"
    await pilot.pause()


async def _article_focus(app: NewsbriefApp, pilot) -> None:  # type: ignore[no-untyped-def]
    app.article_view.focus()
    await pilot.pause()


# What each key needs before it can do anything (ids of tui/actions.py).
SETUP: dict[str, Setup] = {
    "up": _cursor_down,
    "first": _cursor_down,
    "page-up-list": _cursor_down,
    "previous-unread": _cursor_down,
    "scroll-down": _article_focus,
    "page-down": _article_focus,
    "bottom": _article_focus,
    "scroll-up": _scrolled,
    "top": _scrolled,
    "page-up": _scrolled,
    "next-mention": _entities,
    "summary-method": _summary,
    "summary-longer": _summary,
    "summary-shorter": _summary,
    "close-panel": _summary,
    "next-hit": _hits,
    "previous-hit": _hits,
    "clear-search-filter": _search_filter,
    "open-link": _open_linked,
    "copy-link": _open_linked,
    "search-results": _searching,
    "search-history": _searching,
    "search-filter": _searching,
    "search-close": _searching,
    "briefing-save": _briefing,
    "briefing-close": _briefing,
    "briefing-page-down": _briefing,
    "briefing-down": _briefing,
    "briefing-bottom": _briefing,
    "briefing-panes": _briefing,
    "briefing-page-up": _briefing_scrolled,
    "briefing-up": _briefing_scrolled,
    "briefing-top": _briefing_scrolled,
    "briefing-coverage": _briefing_stories,
    "help-close": _help,
    "choose-view": _feeds,
}
# Checked on their own: quit ends the app.
APART = {"quit"}


async def _back_to_start(app: NewsbriefApp, pilot) -> None:  # type: ignore[no-untyped-def]
    while len(app.screen_stack) > 1:
        app.pop_screen()
        await pilot.pause()
    app.panel.mode = None
    app.reader.set_class(False, "-feeds-open")
    app.article_list.search_filter = None
    app.article_list.unread_only = False
    app.article_list.view = ALL
    app.article_list.filter_text = ""
    app.article_list.cursor = 0
    app.article_list.focus()
    await pilot.pause()
    app.article_view.scroll_home(animate=False)
    await pilot.pause()


def _key(action: Action) -> str:
    return action.keys.split(",")[0]


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
async def test_every_key_does_something_you_can_see(
    tmp_path: Path, size: tuple[int, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("webbrowser.open", lambda url: True)
    app = NewsbriefApp(
        paths=[_library(tmp_path)],
        store=StateStore(tmp_path / "state.db"),
        analysis_cache=AnalysisCache(None),
    )
    silent: list[str] = []
    told: list[str] = []
    notify = app.notify

    def counted(message: str, **options: object) -> None:
        told.append(message)
        notify(message, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(app, "notify", counted)
    async with app.run_test(size=size, notifications=True) as pilot:
        await settle(app, pilot)
        for action in ACTIONS:
            if not action.keys or action.id in APART:
                continue
            await _back_to_start(app, pilot)
            if setup := SETUP.get(action.id):
                await setup(app, pilot)
            before = _seen(app, told)
            await pilot.press(_key(action))
            await _quiet(app, pilot)
            if _seen(app, told) == before:  # a slower effect? wait as a person would
                await pilot.pause(0.1)
                await settle(app, pilot)
            if _seen(app, told) == before:
                silent.append(action.id)
        assert silent == [], f"keys that did nothing visible at {size}: {silent}"
        await _back_to_start(app, pilot)
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running
