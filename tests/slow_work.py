"""Work for the pool's tests: importable by a worker process (python -m summarise.library.pool)."""

from __future__ import annotations

import os
import time


def square_slowly(x: int) -> int:
    if x == 7:
        time.sleep(60)  # past any budget: its worker must be killed
    if x == 9:
        raise ValueError("nine is not allowed")
    if x == 11:
        os._exit(3)  # the worker dies
    return x * x
