"""The reader's `B` and `newsbrief brief` brief the same folder to the same page.

The folder holds the five sample articles and a second copy of one of them saved under another
name (a republished story): both front ends fold the copy into its article, cite it once, and
give the same scope line, stories and points, word for word.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from summarise.briefing.render import render
from tests.conftest import SEEDS
from tests.tui.helpers import make_app, settle
from tui.cli import main


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    library = tmp_path / "library"
    shutil.copytree(SEEDS, library)
    first = sorted(library.glob("*.txt"))[0]
    lines = first.read_text("utf-8").split("\n")
    # The same report under a new headline, as outlets republish it: a copy, not a story.
    (library / "republished.txt").write_text("\n".join(["Republished: " + lines[0], *lines[1:]]))
    return library


async def test_the_reader_and_the_command_line_brief_alike(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tui.screens.briefing import BriefingScreen

    assert main(["brief", str(folder), "--format", "json"]) == 0
    cli = json.loads(capsys.readouterr().out)
    assert main(["brief", str(folder), "-o", str(tmp_path / "b.md")]) == 0
    said = capsys.readouterr().err
    assert "briefed 5 articles (1 copy)" in said and " cited, " in said

    app = make_app(tmp_path, [folder])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert len(app.article_list.everything) == 5  # the copy is listed once
        await pilot.press("B")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, BriefingScreen) and screen.briefing is not None
        reader = json.loads(render(screen.briefing, "json"))
        status = str(screen.query_one("#briefing-status").render())
    assert status.startswith("briefed 5 articles (1 copy)")
    assert reader["scope"] == cli["scope"] and cli["scope"].startswith("5 articles")
    assert [s["title"] for s in reader["stories"]] == [s["title"] for s in cli["stories"]]
    assert reader == cli  # points, sources, sections: the same page
    paths = [s["path"] for s in cli["sources"]]
    assert len(paths) == len(set(paths))
    assert not any(p.endswith("republished.txt") for p in paths) or not any(
        p.endswith(sorted(SEEDS.glob("*.txt"))[0].name) for p in paths
    )  # one of the two copies is cited, never both


async def test_a_briefing_too_big_for_memory_says_so_and_the_reader_stays(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A whole million-article library at once ran out of 12 GB: the briefing screen says how
    to ask for less, and the reader goes on (a worker's error would end it)."""
    import tui.screens.briefing
    from tui.screens.briefing import BriefingScreen

    def too_big(*args: object, **kwargs: object) -> None:
        raise MemoryError

    monkeypatch.setattr(tui.screens.briefing, "brief_entries", too_big)
    app = make_app(tmp_path, [folder])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("B")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, BriefingScreen) and screen.briefing is None
        status = str(screen.query_one("#briefing-status").render())
        assert status == (
            "Not enough memory to brief 5 articles at once: filter the list (f) or brief a "
            "search's articles."
        )
        await pilot.press("escape")
        await settle(app, pilot)
        assert app.is_running and not isinstance(app.screen, BriefingScreen)
