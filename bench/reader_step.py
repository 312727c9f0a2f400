"""The reader on one file, as a person uses it; prints what it cost as one JSON line.

    python bench/reader_step.py FILE

Starts the reader headless on FILE's folder, waits for the list, opens the summary panel (`s`),
and, while the article is drawn, summarised and searched for names, presses `j` every 0.1 s,
timing each press from the key to the list's action running (the reader's keys must never wait
on one file). Printed: seconds to the list, seconds until all the work was done (summary shown,
names found or given up on), and the key latencies' median and maximum in milliseconds.
bench/fuzz.py runs it as the command "reader" on each pathological file.
"""

from __future__ import annotations

import asyncio
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from key_timing import key_clock, timed_press

# Work left undone after this is a hung reader: the fuzz flags it (the per-article budget is 20 s).
GIVE_UP_SECONDS = 90.0


async def drive(path: Path) -> dict[str, float]:
    from summarise.library.state import StateStore
    from tui.app import NewsbriefApp

    started = time.perf_counter()
    app = NewsbriefApp(paths=[path.parent], store=StateStore(None))
    keys: list[float] = []
    found: dict[str, float] = {}
    with key_clock() as acted:
        return await _drive(app, started, acted, keys, found)


async def _drive(
    app: Any, started: float, acted: list[float], keys: list[float], found: dict[str, float]
) -> dict[str, float]:
    async with app.run_test(size=(120, 40)) as pilot:
        # A file that is no article (invisible marks only) leaves the library empty, said so.
        while not app.article_list.everything and not app.article_view.query(".empty"):
            if time.perf_counter() - started > GIVE_UP_SECONDS:
                return {"listed": -1.0}
            await asyncio.sleep(0.02)
        found["listed"] = time.perf_counter() - started
        found["articles"] = len(app.article_list.everything)
        await pilot.press("s")
        while time.perf_counter() - started < GIVE_UP_SECONDS:
            keys.append(await timed_press(pilot, acted))
            if len(keys) > 3 and not app.workers:
                break
            await asyncio.sleep(0.1)
        found["settled"] = time.perf_counter() - started if not app.workers else -1.0
    found["keys_median_ms"] = statistics.median(keys) if keys else -1.0
    found["keys_max_ms"] = max(keys) if keys else -1.0
    return found


if __name__ == "__main__":
    print(json.dumps(asyncio.run(drive(Path(sys.argv[1]).resolve()))), flush=True)
