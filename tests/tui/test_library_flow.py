"""The reader over a changing library: the list comes from the catalogue at once, follows the
disk, and the keys keep working while the index builds."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

from summarise.library.state import StateStore
from tests.conftest import ROOT
from tests.tui.helpers import make_app, settle, shown, status
from tui.app import NewsbriefApp


def write_library(folder: Path, count: int) -> None:
    folder.mkdir(exist_ok=True)
    for n in range(count):
        (folder / f"{n:02d}.txt").write_text(f"Story {n:02d}\n\nThe harbour reopened, day {n}.\n")


async def test_a_deleted_file_leaves_the_reader(tmp_path: Path) -> None:
    folder = tmp_path / "lib"
    write_library(folder, 3)
    app = make_app(tmp_path, [folder])
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        assert [a.title for a in app.article_list.everything] == [
            "Story 00",
            "Story 01",
            "Story 02",
        ]
    (folder / "01.txt").unlink()
    again = make_app(tmp_path, [folder])
    async with again.run_test(size=(100, 30)) as pilot:
        await settle(again, pilot)
        assert [a.title for a in again.article_list.everything] == ["Story 00", "Story 02"]
        assert [h.title for h in again.service.index.search("harbour")] != []
        assert "Story 01" not in [h.title for h in again.service.index.search("harbour")]


async def test_keys_work_while_the_library_updates(tmp_path: Path) -> None:
    folder = tmp_path / "lib"
    write_library(folder, 6)
    app = NewsbriefApp(paths=[folder], store=StateStore(None))
    app.service.update_command = [sys.executable, str(ROOT / "tests" / "slow_update.py")]
    async with app.run_test(size=(100, 30)) as pilot:
        for _ in range(200):  # until the list is shown (the update is still running)
            await pilot.pause(0.05)
            if app.article_list.everything:
                break
        assert app.service.index is None
        started = time.monotonic()
        await pilot.press("j", "j", "j")
        await pilot.pause(0.3)
        assert app.article_list.cursor == 3
        assert shown(app) == app.article_list.articles[3].id  # previewed, while updating
        assert time.monotonic() - started < 1.5
        assert app.service.index is None  # the keys really did act during the update


async def test_the_list_groups_by_story_and_back(tmp_path: Path) -> None:
    folder = tmp_path / "lib"
    folder.mkdir()
    for n, (title, body) in enumerate(
        [
            ("Harbour dredging approved", "The Port of Kelso approved harbour dredging plans."),
            ("Kelso votes to dredge harbour", "The Port of Kelso voted to dredge its harbour."),
            ("Rovers win the cup final", "Ashby Rovers beat Delford United in the cup final."),
        ]
    ):
        (folder / f"{n}.txt").write_text(f"{title}\n\n{body} More text follows here today.\n")
    app = make_app(tmp_path, [folder])
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("S")
        await settle(app, pilot)
        listing = app.article_list
        assert listing.story_count == 2
        assert "2 stories" in status(app)
        headers = [r for r in listing.rows if not hasattr(r, "id")]
        assert [h.count for h in headers] == [2, 1]  # the bigger story first, with its count
        assert listing.highlighted_article is not None  # the cursor never rests on a header
        await pilot.press("j", "j")
        assert listing.highlighted_article is not None
        await pilot.press("S")
        await pilot.pause()
        assert listing.groups is None and len(listing.rows) == 3


async def test_the_whole_list_by_date_counts_and_finds_as_any_other_view(tmp_path: Path) -> None:
    """The whole library newest first is shown from what the library's worker made (its order
    and each article's place): its unread count, cursor and places must be what working
    them out on the keys' thread gives, and other views must still work from it."""
    folder = tmp_path / "lib"
    folder.mkdir()
    for n in range(6):
        (folder / f"{n}.md").write_text(
            f"---\ntitle: Story {n}\ndate: 2026-11-0{n + 1}\n---\n\nThe harbour, day {n}.\n"
        )
    app = make_app(tmp_path, [folder])
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        ids = {a.title: a.id for a in app.article_list.everything}
    with StateStore(tmp_path / "state.db") as state:
        for title in ("Story 1", "Story 4"):
            state.set_read(ids[title])
        state.set_read("an article no longer in the library")
    app = make_app(tmp_path, [folder])
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        listing = app.article_list
        assert [a.title for a in listing.articles] == [f"Story {n}" for n in range(5, -1, -1)]
        assert listing.unread_shown == 4
        assert [listing.index_of(ids[f"Story {n}"]) for n in range(6)] == [5, 4, 3, 2, 1, 0]
        listing.unread_only = True
        assert [a.title for a in listing.articles] == ["Story 5", "Story 3", "Story 2", "Story 0"]
        listing.unread_only = False
        assert len(listing.articles) == 6 and listing.unread_shown == 4
        await pilot.press("down", "down")
        fast = (list(listing.rows), listing.unread_shown, listing.cursor)
        listing._date_rows = None  # as any other view: worked out here
        listing.rebuild()
        assert (list(listing.rows), listing.unread_shown, listing.cursor) == fast


async def test_a_big_list_is_worked_out_in_a_thread_and_shows_only_the_latest_ask(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """From 20,000 articles the list's filter, sort and views are worked out in a thread once
    the typing pauses (at a million a filter held the keys 0.5-0.9 s a keystroke). What it
    shows must be what was asked last, however the answers arrive."""
    from tui.widgets import article_list

    monkeypatch.setattr(article_list, "REBUILD_IN_THREAD_FROM", 1)
    monkeypatch.setattr(article_list, "REBUILD_PAUSE", 0.6)  # "working…" is seen before it
    folder = tmp_path / "lib"
    folder.mkdir()
    sources = ["Zeta Post", "Alpha Times", "Mid Herald"]
    for n in range(6):
        (folder / f"{n}.md").write_text(
            f"---\ntitle: Story {n} {'harbour' if n % 2 else 'river'}\n"
            f"date: 2026-11-0{n + 1}\nsource: {sources[n % 3]}\n---\n\nThe day, {n}.\n"
        )
    app = make_app(tmp_path, [folder])
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        listing = app.article_list

        async def shown_when_done() -> list[str]:
            await pilot.pause(article_list.REBUILD_PAUSE + 0.1)
            await app.workers.wait_for_complete()
            await pilot.pause(0.05)
            return [a.title for a in listing.articles]

        await pilot.press("f", *"harb")
        assert "working…" in status(app)  # until the answer comes
        assert await shown_when_done() == ["Story 5 harbour", "Story 3 harbour", "Story 1 harbour"]
        assert "working…" not in status(app)
        await pilot.press("escape")  # the filter taken off before any answer comes: all six
        await pilot.press("f", *"riv", "backspace", "backspace", "backspace")
        assert len(await shown_when_done()) == 6
        await pilot.press("escape", "o")  # by title
        by_title = sorted(f"Story {n} {'harbour' if n % 2 else 'river'}" for n in range(6))
        assert await shown_when_done() == by_title
        await pilot.press("o")  # by source: Alpha, Mid, Zeta
        titles = await shown_when_done()
        assert [t.split()[1] for t in titles] == ["1", "4", "2", "5", "0", "3"]
        assert listing.unread_shown == 6


async def test_a_list_that_cannot_be_worked_out_says_so_and_keeps_what_it_showed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tui.widgets import article_list

    def broken(self: object) -> None:
        raise ValueError("no order")

    monkeypatch.setattr(article_list, "REBUILD_IN_THREAD_FROM", 1)
    folder = tmp_path / "lib"
    write_library(folder, 3)
    app = make_app(tmp_path, [folder])
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        before = [a.title for a in app.article_list.articles]
        monkeypatch.setattr(article_list._Listing, "work_out", broken)
        await pilot.press("o")
        await pilot.pause(article_list.REBUILD_PAUSE + 0.3)
        assert "working…" not in status(app)
        assert [a.title for a in app.article_list.articles] == before
        assert any("could not be sorted" in str(n.message) for n in app._notifications)
        await pilot.press("j")  # the keys still work
        assert app.article_list.cursor == 1
