"""The reader at 80x24: a panel that takes the list's place keeps the keys where you can see."""

from __future__ import annotations

from pathlib import Path

from tests.tui.helpers import make_app, settle, status


def _showing(widget) -> bool:  # type: ignore[no-untyped-def]
    return all(node.display for node in widget.ancestors_with_self if hasattr(node, "display"))


async def test_a_panel_over_the_list_keeps_the_keys_visible(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("s")  # the summary takes the list's place at this width
        await settle(app, pilot)
        assert not _showing(app.article_list)
        assert app.screen.focused is not None and _showing(app.screen.focused)
        await pilot.press("x", "z", "y")  # not commands: nothing may swallow them unseen
        await pilot.pause()
        assert app.article_list.filter_text == ""
        await pilot.press("s")  # the same key closes it
        await settle(app, pilot)
        assert app.panel.mode is None and _showing(app.article_list)
        assert status(app).startswith("5 articles · 5 unread")
        await pilot.press("e")
        await settle(app, pilot)
        assert app.panel.mode == "entities"
        await pilot.press("escape")  # escape closes a panel too
        await pilot.pause()
        assert app.panel.mode is None
        assert app.screen.focused is not None and _showing(app.screen.focused)


async def test_resizing_narrow_with_a_panel_open_moves_the_focus_out_of_the_list(
    tmp_path: Path,
) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(130, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("s")
        await settle(app, pilot)
        app.article_list.focus()
        await pilot.pause()
        await pilot.resize_terminal(80, 24)
        await pilot.pause(0.2)
        assert not _showing(app.article_list)
        assert app.screen.focused is not None and _showing(app.screen.focused)


async def test_help_scrolls_with_the_keys_at_80x24(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        listing = app.screen.query_one("#help-list")
        assert listing.max_scroll_y > 0  # more keys than fit
        await pilot.press("j", "j")
        await pilot.pause()
        assert listing.scroll_y > 0
        await pilot.press("end")
        await pilot.pause()
        assert listing.scroll_y == listing.max_scroll_y
        text = " ".join(str(s.render()) for s in app.screen.query(".help-text"))
        assert "Save the briefing" in text and "Sort by date" in text


async def test_the_article_keeps_a_readable_measure_when_the_terminal_is_wide(
    tmp_path: Path,
) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(220, 50)) as pilot:
        await settle(app, pilot)
        widths = {w.size.width for w in app.article_view.query(".paragraph")}
        assert widths and max(widths) <= 88
        view = app.article_view
        first = view.query(".paragraph").first()
        left = first.region.x - view.region.x
        right = view.region.right - first.region.right
        assert abs(left - right) <= 3  # centred in the pane
