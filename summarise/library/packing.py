"""Objects as the caches store them: pickled, then compressed.

Pickles of articles and analyses are mostly English text, which zlib halves even at its
fastest level; without it the caches held 3.7 times the library's text at 100,000 articles.
Level 1 costs about 0.1 ms an article to pack and 0.02 ms to unpack; higher levels save under
4% more.
"""

from __future__ import annotations

import pickle
import zlib
from typing import Any

LEVEL = 1


def pack(value: object) -> bytes:
    return zlib.compress(pickle.dumps(value, protocol=5), LEVEL)


def unpack(data: bytes) -> Any:
    """What pack() stored. Raises (zlib.error, pickle errors) on a damaged row: callers
    treat that row as missing."""
    return pickle.loads(zlib.decompress(data))
