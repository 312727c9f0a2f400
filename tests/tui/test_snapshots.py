"""How the reader looks: every screen (the list, an article, the summary and entities panels,
the feeds pane, search, help, the briefing) at 80x24, 120x40 and 200x50, as SVG snapshots.
Update with --snapshot-update after a deliberate change and look at the report before
committing."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from summarise.library.analysis import AnalysisCache
from summarise.library.state import StateStore
from tests.conftest import ROOT, SEEDS
from tui.app import NewsbriefApp


@pytest.fixture(autouse=True)
def _in_repository(monkeypatch: pytest.MonkeyPatch) -> None:
    # Paths are shown relative to the working directory; the picture must not depend on
    # where the clone lives.
    monkeypatch.chdir(ROOT)


def make_app() -> NewsbriefApp:
    # In-memory state: every run starts from the same unread library and default theme.
    app = NewsbriefApp(
        paths=[SEEDS],
        store=StateStore(None),
        analysis_cache=AnalysisCache(None),
    )
    # Animations caught midway on a slow machine change the picture: snapshots take none.
    app.animation_level = "none"
    return app


async def ready(pilot) -> None:  # type: ignore[no-untyped-def]
    app = pilot.app
    for field in app.query(Input):
        field.cursor_blink = False
    await pilot.pause(0.2)
    for _ in range(100):  # until loading and indexing are done, whatever the machine's speed
        await app.workers.wait_for_complete()
        await pilot.pause()
        if app.service.index is not None and not app.workers:
            break
        await pilot.pause(0.05)


async def _list(pilot) -> None:  # type: ignore[no-untyped-def]
    await ready(pilot)


async def _article(pilot) -> None:  # type: ignore[no-untyped-def]
    await ready(pilot)
    await pilot.press("G", "enter")
    await ready(pilot)
    await pilot.press("space")
    await ready(pilot)


async def _summary(pilot) -> None:  # type: ignore[no-untyped-def]
    await ready(pilot)
    await pilot.press("j", "j", "enter", "s")
    await ready(pilot)


async def _entities(pilot) -> None:  # type: ignore[no-untyped-def]
    await ready(pilot)
    await pilot.press("j", "j", "enter", "e")
    await ready(pilot)
    await pilot.press("enter")
    await ready(pilot)


async def _feeds(pilot) -> None:  # type: ignore[no-untyped-def]
    from tui.widgets.feeds_pane import FeedsPane

    await ready(pilot)
    await pilot.press("F")
    await ready(pilot)
    pane = pilot.app.screen.query_one(FeedsPane)
    for _ in range(100):  # until the names are cut to the width the pane was given
        if pane.size.width and pane._drawn_width == pane.size.width:
            break
        await pilot.pause(0.05)
    await pilot.pause()


async def _search(pilot) -> None:  # type: ignore[no-untyped-def]
    await ready(pilot)
    await pilot.press("slash")
    await pilot.pause()
    for field in pilot.app.screen.query(Input):  # created just now: blink off here too
        field.cursor_blink = False
    await pilot.press(*"canola tarif*")
    await pilot.pause(0.4)
    await ready(pilot)


async def _help(pilot) -> None:  # type: ignore[no-untyped-def]
    await ready(pilot)
    await pilot.press("question_mark")
    await ready(pilot)


async def _briefing(pilot) -> None:  # type: ignore[no-untyped-def]
    await ready(pilot)
    await pilot.press("B")
    await pilot.pause(0.3)
    await ready(pilot)
    for _ in range(200):  # until the page is built, rendered and focused
        if getattr(pilot.app.screen, "briefing", None) is not None:
            break
        await pilot.pause(0.05)
    await pilot.wait_for_scheduled_animations()
    await pilot.pause(0.2)
    await pilot.pause()


SCREENS = {
    "list": _list,
    "article": _article,
    "summary": _summary,
    "entities": _entities,
    "feeds": _feeds,
    "search": _search,
    "help": _help,
    "briefing": _briefing,
}
SIZES = {"80x24": (80, 24), "120x40": (120, 40), "200x50": (200, 50)}


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("screen", SCREENS)
def test_every_screen_at_every_size(snap_compare, screen: str, size: str) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(), terminal_size=SIZES[size], run_before=SCREENS[screen])


def test_snapshot_state_is_isolated() -> None:
    # Snapshots must not depend on the developer's own read marks or theme.
    assert make_app().store.path is None and Path(SEEDS).is_dir()
