"""config.toml: a remapped key works, settings apply, and a broken file warns and starts."""

from __future__ import annotations

from pathlib import Path

from summarise.library.analysis import AnalysisCache
from summarise.library.config import load_config
from summarise.library.state import StateStore
from tests.conftest import SEEDS
from tests.tui.helpers import settle, toasts
from tui.app import NewsbriefApp


def _app(tmp_path: Path, text: str) -> NewsbriefApp:
    path = tmp_path / "config.toml"
    path.write_text(text)
    return NewsbriefApp(
        paths=[SEEDS],
        store=StateStore(tmp_path / "state.db"),
        analysis_cache=AnalysisCache(None),
        config=load_config(path, methods=("newsrank", "lead")),
    )


async def test_a_remapped_key_works_and_settings_apply(tmp_path: Path) -> None:
    app = _app(
        tmp_path,
        'theme = "nord"\narticle_width = 60\n[summary]\nmethod = "lead"\n[keys]\nbookmark = "x"\n',
    )
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(app, pilot)
        assert app.theme == "nord"
        first = app.article_list.highlighted_article
        assert first is not None
        await pilot.press("x")
        await pilot.pause()
        assert first.id in app.article_list.bookmark_ids
        await pilot.press("asterisk")  # the old key no longer bookmarks
        await pilot.pause()
        assert first.id in app.article_list.bookmark_ids
        footer = str(app.screen.query_one("#footer").render())
        assert "x Bookmark" in footer
        await pilot.press("s")
        await settle(app, pilot)
        assert app.panel.method == "lead"
        widths = {w.size.width for w in app.article_view.query(".paragraph")}
        assert max(widths) <= 60


async def test_a_broken_config_warns_naming_the_line_and_the_reader_starts(
    tmp_path: Path,
) -> None:
    app = _app(tmp_path, 'theme = "nord"\narticle_width = = 3\n')
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(app, pilot)
        assert any("config.toml line 2" in t and "defaults are used" in t for t in toasts(app))
        assert len(app.article_list.everything) == 5
        assert app.theme != "nord"  # nothing of a broken file is used


async def test_mistakes_in_a_valid_file_are_named_and_the_rest_applies(tmp_path: Path) -> None:
    app = _app(
        tmp_path,
        'theme = "no-such-theme"\narticle_width = 7\nrefresh_minutes = 30\n'
        '[keys]\nno-such-action = "z"\n',
    )
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(app, pilot)
        said = " ".join(toasts(app))
        assert "config.toml line 2: article_width must be a whole number" in said
        assert "theme 'no-such-theme' is not a theme" in said
        assert "no action is called 'no-such-action'" in said
        assert app.reader.query_one("Fetcher").every == 30  # type: ignore[attr-defined]
