"""Holding Python's garbage collector off while the reader makes a great many objects at once."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def no_collections() -> Iterator[None]:
    """Reading, sorting or filtering a whole library makes an object per article: at a million
    the collector walked them again and again meanwhile (up to half a second each, the keys
    waiting every time). The reader collects once when a new list is shown (ReaderScreen)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
