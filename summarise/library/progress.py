"""Progress reports thinned to what a person can read.

Work reports every item it finishes; a terminal line or a status bar redrawn 100,000 times
shows nothing more than one redrawn ten times a second, and in the reader each report is a
round trip to the UI thread that the worker waits for.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

Report = Callable[[int, int], None]

# Ten redraws a second still look continuous.
REPORT_SECONDS = 0.1


def thinned(
    report: Report, seconds: float = REPORT_SECONDS, clock: Callable[[], float] = time.monotonic
) -> Report:
    """`report`, passed on at most once every `seconds`, but always for the first item and
    the last (so a bar never stops short of its end)."""
    last = -math.inf

    def forward(done: int, total: int) -> None:
        nonlocal last
        now = clock()
        if done >= total or done <= 1 or now - last >= seconds:
            last = now
            report(done, total)

    return forward
