"""The search screen's status says what the list holds, and notices when the index is ready."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from summarise.library.analysis import AnalysisCache
from summarise.library.state import StateStore
from tests.tui.helpers import settle
from tui.app import NewsbriefApp
from tui.screens.search import SearchScreen


def _status(app: NewsbriefApp) -> str:
    return str(app.screen.query_one("#search-status").render())


async def test_results_say_how_many_matched_in_all(tmp_path: Path) -> None:
    library = tmp_path / "lib"
    library.mkdir()
    for n in range(60):
        (library / f"{n:02d}.md").write_text(
            f"# Harbour report {n}\n\nThe harbour council met for meeting number {n} today "
            f"and spoke about berth {n * 3} and the ferry timetable for route {n + 100}.\n"
        )
    app = NewsbriefApp(
        paths=[library], store=StateStore(tmp_path / "s.db"), analysis_cache=AnalysisCache(None)
    )
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"harbour")
        await pilot.pause(0.5)
        await settle(app, pilot)
        assert _status(app) == "showing the best 50 of 60 articles"
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        assert all("harbour" in h.snippet.casefold() for h in screen.hits)


async def test_the_building_notice_gives_way_when_the_index_is_ready(tmp_path: Path) -> None:
    app = NewsbriefApp(store=StateStore(tmp_path / "s.db"), analysis_cache=AnalysisCache(None))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        index, app.service.index = app.service.index, None  # as if still building
        await pilot.press("slash", *"canola")
        await pilot.pause(0.5)
        assert _status(app).startswith("The index is still being built")
        app.service.index = index
        await pilot.pause(1.0)
        await settle(app, pilot)
        assert _status(app).endswith("articles") or _status(app).endswith("article")


async def test_a_search_running_as_the_library_is_opened_again_answers_from_the_new_index(
    tmp_path: Path,
) -> None:
    """A refresh opens the library again and closes the old index (its hits' text is read
    from the old catalogue, closed too): a search caught between them is asked again."""
    app = NewsbriefApp(store=StateStore(tmp_path / "s.db"), analysis_cache=AnalysisCache(None))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        fresh = app.service.index
        assert fresh is not None

        class Closing:
            def search(self, *args: object, **kwargs: object) -> None:
                app.service.index = fresh  # the new one is in place, this one is closed
                raise sqlite3.ProgrammingError("Cannot operate on a closed database.")

        app.service.index = Closing()  # type: ignore[assignment]
        await pilot.press("slash", *"canola")
        await pilot.pause(0.8)
        await settle(app, pilot)
        assert _status(app).endswith("articles")
        screen = app.screen
        assert isinstance(screen, SearchScreen) and screen.hits
