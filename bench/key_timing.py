"""Timing the reader's key presses from the outside: from the press to the list's action.

Pilot's own press() waits for the app to go idle, so a press is started, not awaited, and the
time is taken when ArticleList.action_cursor_down (the `j` key's action) runs.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any


@contextmanager
def key_clock() -> Iterator[list[float]]:
    """While open, each run of the list's cursor-down action appends its time to the list."""
    from tui.widgets.article_list import ArticleList

    acted: list[float] = []
    original = ArticleList.action_cursor_down

    def timed(self: ArticleList) -> None:
        acted.append(time.perf_counter())
        original(self)

    ArticleList.action_cursor_down = timed  # type: ignore[method-assign]
    try:
        yield acted
    finally:
        ArticleList.action_cursor_down = original  # type: ignore[method-assign]


async def timed_press(pilot: Any, acted: list[float]) -> float:
    """Press `j`; milliseconds until its action ran."""
    count, pressed = len(acted), time.perf_counter()
    pressing = asyncio.ensure_future(pilot.press("j"))
    while len(acted) == count:
        await asyncio.sleep(0.0005)
    await pressing
    return (acted[count] - pressed) * 1000
