"""Adding and refreshing feeds from the reader, against a server on 127.0.0.1."""

from __future__ import annotations

from pathlib import Path

from tests.tui.helpers import make_app, settle, toasts


async def test_the_reader_adds_a_feed_and_refreshes_it(server: str, tmp_path: Path) -> None:
    from tui.screens.add_url import AddUrlScreen

    library = tmp_path / "lib"
    library.mkdir()
    (library / "first.md").write_text("# Already here\n\nAn article that was here before.\n")
    app = make_app(tmp_path, [library])

    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await settle(app, pilot)
        assert len(app.article_list.everything) == 1
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, AddUrlScreen)
        await pilot.press(*f"{server}/atom", "enter")
        await settle(app, pilot)
        assert sorted(a.title for a in app.article_list.everything) == [
            "A wet spring for the river",
            "Already here",
            "Bees return to the old orchard",
        ]
        assert any("2 new article(s)" in note for note in toasts(app))
        await pilot.press("R")
        await settle(app, pilot)
        assert any("0 new article(s)" in note for note in toasts(app))
        assert len(app.article_list.everything) == 3
