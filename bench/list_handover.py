"""How long the reader's own thread (where the keys are handled) spends taking each list the
library sends it: the reader's handler of the library's lists timed in the real reader,
headless (setting the list, opening the article, the garbage collection after a big list).

    python bench/list_handover.py LIBRARY

LIBRARY is a folder whose catalogue is built (run `newsbrief list` on it first, with the same
NEWSBRIEF_CACHE_DIR), e.g. one bench/scale.py writes. Prints one line per list: its articles and
the seconds the keys waited for it (the first screen, then the whole library).
"""

from __future__ import annotations

import asyncio
import sys
import time
from pathlib import Path

from summarise.library.state import StateStore
from tui.app import NewsbriefApp
from tui.screens.reader import ReaderScreen
from tui.widgets.library import LibraryService


async def handovers(library: Path) -> list[tuple[int, float]]:
    taken: list[tuple[int, float]] = []
    original = ReaderScreen.on_library_service_loaded

    def timed(self: ReaderScreen, message: LibraryService.Loaded) -> None:
        started = time.perf_counter()
        original(self, message)
        taken.append((len(message.entries), time.perf_counter() - started))

    ReaderScreen.on_library_service_loaded = timed  # type: ignore[method-assign]
    try:
        app = NewsbriefApp(paths=[library], store=StateStore(None))
        async with app.run_test(size=(120, 40)):
            for _ in range(600):  # until the whole library is listed, or a minute
                await asyncio.sleep(0.1)
                if len(taken) >= 2 or (taken and taken[-1][0] < 500):
                    break
            await asyncio.sleep(0.5)
    finally:
        ReaderScreen.on_library_service_loaded = original  # type: ignore[method-assign]
    return taken


def main() -> int:
    for articles, seconds in asyncio.run(handovers(Path(sys.argv[1]))):
        print(f"{articles:>9,} articles listed: the keys waited {seconds:.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
