"""Copies: the same story held twice, shown once.

Two articles are copies when they share a canonical link (a feed's teaser and the page it links
to, or one page fetched twice) or when their texts are near-identical: the same wire story in two
outlets' feeds, a page saved twice with a different footer. Texts are compared by MinHash over
five-word shingles, and candidates are found by locality-sensitive hashing (8 bands of 4), so a
library of 100,000 articles is compared in one pass, not pair by pair. The copy with the most
words stands for the others.
"""

from __future__ import annotations

import functools
import re
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from summarise.library.urls import canonical_url

HASHES = 32
BANDS = 8  # of HASHES // BANDS rows: pairs at 0.8 similarity are candidates 98% of the time
SHINGLE = 5
# The share of equal MinHash values (an estimate of the shingles' Jaccard similarity) above
# which two texts are one story. Rewritten versions of a story score far below; a copy with a
# different last line or byline far above.
SAME_TEXT = 0.7
# In one bucket, each article is compared with at most this many before it.
NEIGHBOURS = 20
# Shorter texts (teasers) have too few shingles to compare; their links still match.
MIN_WORDS = 60
_PRIME = (1 << 31) - 1
# Odd 64-bit constants that spread a word's hash by its place in the shingle.
_MIXERS = (
    0x9E3779B97F4A7C15,
    0xC2B2AE3D27D4EB4F,
    0x165667B19E3779F9,
    0xD6E8FEB86659FD93,
    0xFF51AFD7ED558CCD,
)
_WORD = re.compile(r"\w+")


@functools.cache
def _permutations() -> tuple[Any, Any]:
    import numpy as np  # not at import: the reader starts without it

    generator = np.random.default_rng(20261124)  # fixed: stored signatures must stay comparable
    return (
        generator.integers(1, _PRIME, HASHES, dtype=np.uint64),
        generator.integers(0, _PRIME, HASHES, dtype=np.uint64),
    )


SHINGLE_CHUNK = 16_384


def signature(text: str) -> bytes:
    """The text's MinHash signature (HASHES 32-bit values), or b"" when it is too short."""
    words = _WORD.findall(text.casefold())
    if len(words) < MIN_WORDS:
        return b""
    import numpy as np

    # Each word hashed once (crc32: the same in every process, unlike hash()), each shingle's
    # hash mixed from its words' with wrapping 64-bit arithmetic, all in numpy.
    hashed = np.fromiter(map(zlib.crc32, map(str.encode, words)), np.uint64, len(words))
    mixed = np.zeros(len(words) - SHINGLE + 1, dtype=np.uint64)
    for k, weight in enumerate(_MIXERS[:SHINGLE]):
        mixed ^= hashed[k : len(hashed) - SHINGLE + 1 + k] * np.uint64(weight)
    shingles = np.unique(mixed >> np.uint64(32))
    a, b = _permutations()
    # HASHES rows by every shingle at once is HASHES x 8 bytes a shingle: 2 GB for a 20 MB
    # article. In chunks the memory stays that of one chunk, whatever the length.
    lowest = np.full(len(a), np.iinfo(np.uint64).max, dtype=np.uint64)
    for start in range(0, len(shingles), SHINGLE_CHUNK):
        chunk = shingles[start : start + SHINGLE_CHUNK]
        values = (chunk[None, :] * a[:, None] + b[:, None]) % _PRIME
        np.minimum(lowest, values.min(axis=1), out=lowest)
    return lowest.astype(np.uint32).tobytes()


def similarity(first: bytes, second: bytes) -> float:
    if not first or len(first) != len(second):
        return 0.0
    import numpy as np

    a = np.frombuffer(first, dtype=np.uint32)
    b = np.frombuffer(second, dtype=np.uint32)
    return float(np.count_nonzero(a == b)) / len(a)


@dataclass(frozen=True, slots=True)
class Held:
    """What copy-finding needs of an article."""

    id: str
    url: str | None
    words: int
    signature: bytes


def find_copies(articles: Iterable[Held]) -> dict[str, str]:
    """copy id -> the id that stands for it (the one with the most words), for every article
    that is a copy of another; articles with no copies are not in it."""
    held = {a.id: a for a in articles}
    parent = {i: i for i in held}

    def root(i: str) -> str:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(a: str, b: str) -> None:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[rb] = ra

    by_link: dict[str, str] = {}
    buckets: dict[bytes, list[str]] = {}
    width = HASHES // BANDS * 4  # bytes per band
    for article in held.values():
        if article.url:
            link = canonical_url(article.url)
            if link in by_link:
                join(by_link[link], article.id)
            else:
                by_link[link] = article.id
        if article.signature:
            for band in range(BANDS):
                key = bytes([band]) + article.signature[band * width : (band + 1) * width]
                buckets.setdefault(key, []).append(article.id)
    for members in buckets.values():
        for n, current in enumerate(members[1:], 1):
            # A crowded bucket (boilerplate shared by many pages) is compared near each member.
            for earlier in members[max(0, n - NEIGHBOURS) : n]:
                if root(earlier) != root(current) and (
                    similarity(held[earlier].signature, held[current].signature) >= SAME_TEXT
                ):
                    join(earlier, current)
                    break
    groups: dict[str, list[str]] = {}
    for i in held:
        groups.setdefault(root(i), []).append(i)
    copies: dict[str, str] = {}
    for members in groups.values():
        if len(members) > 1:
            best = max(members, key=lambda i: (held[i].words, i))
            copies.update({i: best for i in members if i != best})
    return copies
