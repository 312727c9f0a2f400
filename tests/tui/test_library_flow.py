"""The reader over a changing library: the list comes from the catalogue at once, follows the
disk, and the keys keep working while the index builds."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from summarise.state import StateStore
from tests.conftest import ROOT
from tests.tui.helpers import make_app, settle, shown
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
