"""The list's own actions on a big library, in the real reader (headless): for a filter, the
filter taken off, and each sort, how long the keys' thread was held and when the answer showed.

    python bench/list_actions.py LIBRARY

LIBRARY is a folder whose catalogue is built (run `newsbrief list` on it first, with the same
NEWSBRIEF_CACHE_DIR), e.g. one bench/scale.py writes. The reader's own update runs meanwhile,
as it would for a user (on a library whose names are not indexed yet, on both cores).
"""

from __future__ import annotations

import asyncio
import sys
import time
from collections.abc import Callable
from pathlib import Path

from summarise.library.state import StateStore
from tui.app import NewsbriefApp
from tui.screens.reader import ReaderScreen
from tui.widgets.library import LibraryService


async def actions(library: Path, word: str) -> list[tuple[str, float, float, int]]:
    whole: list[bool] = []  # a list after the first screen has come
    original = ReaderScreen.on_library_service_loaded

    def noted(self: ReaderScreen, message: LibraryService.Loaded) -> None:
        original(self, message)
        if not message.first:
            whole.append(True)

    ReaderScreen.on_library_service_loaded = noted  # type: ignore[method-assign]
    app = NewsbriefApp(paths=[library], store=StateStore(None))
    timed: list[tuple[str, float, float, int]] = []
    async with app.run_test(size=(120, 40)):
        listing = app.article_list
        for _ in range(1200):  # until the whole library is listed, or two minutes
            await asyncio.sleep(0.1)
            if whole:
                break
        await asyncio.sleep(1)
        steps: list[tuple[str, Callable[[], None]]] = [
            (f"filter {word!r}", lambda: setattr(listing, "filter_text", word)),
            ("filter taken off", lambda: setattr(listing, "filter_text", "")),
            ("sort by title", lambda: setattr(listing, "sort_key", "title")),
            ("sort by source", lambda: setattr(listing, "sort_key", "source")),
            ("sort by date", lambda: setattr(listing, "sort_key", "date")),
        ]
        for name, act in steps:
            before = listing.rows
            started = time.perf_counter()
            act()
            held = time.perf_counter() - started
            while listing.rows is before and time.perf_counter() - started < 60:
                await asyncio.sleep(0.01)
            shown = time.perf_counter() - started
            timed.append((name, held, shown, len(listing.articles)))
    return timed


def main() -> int:
    word = sys.argv[2] if len(sys.argv) > 2 else "oil"
    for name, held, shown, count in asyncio.run(actions(Path(sys.argv[1]), word)):
        print(
            f"{name:<18} keys' thread held {held * 1000:5.0f} ms; "
            f"shown after {shown:5.2f} s ({count:,} articles)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
