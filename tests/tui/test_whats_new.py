"""`W` in the reader: what is new since you last read, as `brief --new` tells it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from summarise.briefing.render import render
from summarise.library.state import StateStore
from tests.engine.update_library import write_library
from tests.tui.helpers import make_app, settle


async def _whats_new(tmp_path: Path, read: str | None) -> tuple[dict | None, str, str]:  # type: ignore[type-arg]
    from tui.screens.briefing import BriefingScreen

    library = write_library(tmp_path / "news")
    app = make_app(tmp_path, [library])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        if read is not None:
            ids = [e.id for e in app.article_list.everything if read in e.title or read == "*"]
            with StateStore(tmp_path / "state.db") as state:
                state.set_mark(ids, "read", True)
        await pilot.press("W")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, BriefingScreen)
        status = str(screen.query_one("#briefing-status").render())
        stories = str(screen.query_one("#briefing-stories").render()) if screen.briefing else ""
        data = json.loads(render(screen.briefing, "json")) if screen.briefing else None
    return data, status, stories


async def test_w_briefs_what_you_have_not_read_with_each_story_new_or_developing(
    tmp_path: Path,
) -> None:
    # The flood's first three days have been read; its last two reports and the election not.
    data, status, _ = await _whats_new(tmp_path, read="Lune ris")
    assert data is not None
    assert data["known"] == "articles you have read or were told about"
    assert status.startswith("briefed ")
    statuses = sorted(s["status"] for s in data["stories"])
    assert statuses[0].startswith("developing: 1 earlier article")
    assert "new" in statuses


async def test_w_with_everything_read_says_nothing_is_new(tmp_path: Path) -> None:
    data, status, _ = await _whats_new(tmp_path, read="*")
    assert data is None
    assert status.startswith("Nothing new")


@pytest.mark.parametrize("in_thread", [False, True])
async def test_the_feeds_pane_lists_what_you_follow_with_unread_counts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, in_thread: bool
) -> None:
    """Also as a big library counts: in a thread of its own (at a million articles a count
    held the keys for 0.9 s after every article opened)."""
    from tui.widgets import feeds_pane
    from tui.widgets.feeds_pane import FeedsPane

    if in_thread:
        monkeypatch.setattr(feeds_pane, "COUNT_IN_THREAD_FROM", 1)
    library = write_library(tmp_path / "news")
    with StateStore(tmp_path / "state.db") as state:
        state.follow("flood OR river", "query")
        state.follow("Priya Okafor", "name")
    app = make_app(tmp_path, [library])
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("F")
        await settle(app, pilot)
        pane = app.screen.query_one(FeedsPane)
        rows = [str(pane.get_option_at_index(i).prompt) for i in range(pane.option_count)]
        # Names are cut to the pane's width; the count never is.
        assert rows[3].startswith("Search: flood") and rows[3].endswith(" 5")
        assert rows[4].startswith("Following Priya") and rows[4].endswith(" 2")
        pane.highlighted = 4
        await pilot.press("enter")
        await settle(app, pilot)
        titles = sorted(a.title for a in app.article_list.articles)
        assert titles == ["Mayor calls snap election in Preston", "Preston election campaign opens"]
        await pilot.press("enter")  # reading one: the pane's count follows
        await settle(app, pilot)
        for _ in range(30):
            await pilot.pause(0.1)
            rows = [str(pane.get_option_at_index(i).prompt) for i in range(pane.option_count)]
            if rows[4].endswith(" 1"):
                break
        assert rows[4].startswith("Following Priya") and rows[4].endswith(" 1")
