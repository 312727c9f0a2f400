"""Driving the reader as a person does: start it on a library, wait until it is idle, read
what the screen shows."""

from __future__ import annotations

from pathlib import Path

from summarise.library.analysis import AnalysisCache
from summarise.library.state import StateStore
from tests.conftest import SEEDS
from tui.app import NewsbriefApp


def make_app(tmp_path: Path, paths: list[Path] | None = None) -> NewsbriefApp:
    return NewsbriefApp(
        paths=paths or [SEEDS],
        store=StateStore(tmp_path / "state.db"),
        analysis_cache=AnalysisCache(None),
    )


async def settle(app: NewsbriefApp, pilot) -> None:  # type: ignore[no-untyped-def]
    """Wait until loading, indexing and any summary or entity work are done."""
    await pilot.pause(0.2)
    for _ in range(100):
        await app.workers.wait_for_complete()
        await pilot.pause()
        if app.service.index is not None and not app.workers:
            break
        await pilot.pause(0.05)


def toasts(app: NewsbriefApp) -> list[str]:
    """The notifications on screen now, as the user reads them."""
    return [str(toast.render()) for toast in app.screen.query("Toast")]


def status(app: NewsbriefApp) -> str:
    return str(app.query_one("#list-status").render())


def shown(app: NewsbriefApp) -> str | None:
    """The id of the article the reader shows."""
    article = app.article_view.article
    return article.id if article is not None else None
