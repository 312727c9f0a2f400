"""Which articles report the same story: deterministic, one story per article, near-linear.

Each article is a short weighted vector of its most telling terms: content words weighted by
where they stand (title, lead, body) and by how rare they are in the library (tf-idf), and its
names. Two articles are alike by the cosine of their vectors; each article's nearest few are
found with one sparse matrix product over the terms that are not common (a term half the
library uses says nothing about which story an article tells), so the work grows with the
library and not its square. Stories are then built by average-link agglomeration over that
graph: the two groups whose articles are on average most alike are joined, again and again,
until no two groups are alike enough (in rounds over arrays: see _average_link). Unlike taking
articles one at a time, the result does not depend on the order the articles come in, which for
an undated library is only their ids.
Being close in time adds a little to the likeness of two reports, when both are dated.
"""

from __future__ import annotations

import itertools
import math
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date as Date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from summarise.library.listing import Listed
from summarise.library.profile_table import Column, summed_by

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    Bools = npt.NDArray[np.bool_]
    Ints = npt.NDArray[np.int64]
    Floats = npt.NDArray[np.float64]
    # (a, b, likeness) of pairs of articles: in Pairs a < b; in Found a is the article whose
    # nearest b is.
    Pairs = tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.float64]]
    Found = Pairs

# Bump when the grouping changes: stories cached for a set of articles are found again.
STORIES_VERSION = 3
# The average cosine at which two groups of articles are one story. On the DUC 2003 clusters
# (bench/briefing_quality.py) B-cubed F1 is flat within 0.01 from 0.08 to 0.12.
JOIN_AT = 0.1
# Each article's nearest neighbours kept in the graph.
NEIGHBOURS = 15
# A term in more than this share of the library (and more than COMMON_FLOOR articles) says
# nothing about which story an article tells.
COMMON_SHARE = 0.05
COMMON_FLOOR = 20
# Rarity is judged as if the library sat among at least this many unrelated articles: in a
# library of five reports of one story, the words all five share are what tells the story,
# not what says nothing.
BACKGROUND = 200
# Rows of the similarity product computed at once: bounds the memory of one step.
CHUNK_ROWS = 2000
# A term links each article to at most this many others (those that weigh it most).
POSTINGS_PER_TERM = 200
# Two reports within a few days of each other are a little more likely one story.
NEAR_DAYS = 3.0
NEAR_BONUS = 0.04


@dataclass(frozen=True, slots=True)
class Reports:
    """What story detection needs of the articles, in columns: their ids, titles, dates and
    sources, and each one's profile terms (names written as the library writes them)."""

    ids: Sequence[str]
    titles: Sequence[str]
    dates: Sequence[str | None]
    sources: Sequence[str | None]
    terms: Column  # weights of each article's terms, keys numbering the library's terms


@dataclass(slots=True)
class Story:
    id: str
    article_ids: list[str]  # oldest first
    title: str
    outlets: list[str]
    first: str | None
    last: str | None
    importance: float = 0.0

    def to_dict(self, entries: Mapping[str, Listed]) -> dict[str, object]:
        """What `newsbrief stories --json` prints for the story."""
        return {
            "id": self.id,
            "title": self.title,
            "articles": [
                {
                    "id": e.id,
                    "title": e.title,
                    "source": e.source,
                    "date": e.date,
                    "path": str(e.path) if e.path else None,
                }
                for e in (entries[i] for i in self.article_ids)
            ],
            "outlets": self.outlets,
            "first": self.first,
            "last": self.last,
        }


def _day(text: str | None) -> Date | None:
    if not text:
        return None
    try:
        return Date.fromisoformat(text[:10])
    except ValueError:
        return None


def _vectors(terms: Column) -> tuple[Column, Bools]:
    """tf-idf vectors, normalised, of each article's terms; and which terms are the library's
    common ones, which are kept out of the inverted index."""
    import numpy as np

    n = len(terms)
    df = np.bincount(terms.keys)
    background = max(n, BACKGROUND)
    common = df > max(COMMON_FLOOR, COMMON_SHARE * n)
    scored = terms.values * np.log((n + background) / (df[terms.keys] + 0.5))
    rows = terms.rows()
    norms = np.sqrt(np.bincount(rows, weights=np.square(scored), minlength=n))
    norms[norms == 0] = 1.0
    scored /= norms[rows]
    positive = scored > 0
    if positive.all():  # as they are unless a profile held a weight of 0
        return Column(terms.starts, terms.keys, scored), common
    return Column.of_rows(rows[positive], terms.keys[positive], scored[positive], n), common


def _neighbours(vectors: Column, common: Bools, dates: Sequence[str | None]) -> Pairs:
    """(a, b, likeness) with a < b, for each article's NEIGHBOURS most alike articles."""
    import numpy as np
    from scipy import sparse

    n = len(vectors)
    rows = vectors.rows()
    kept = ~common[vectors.keys]
    matrix = sparse.csr_matrix(
        (vectors.values[kept], (rows[kept], vectors.keys[kept])),
        shape=(n, max(1, len(common))),
    )
    del rows, kept  # at a million articles every array here is hundreds of megabytes
    transposed = _heaviest_per_term(matrix.T.tocsr(), POSTINGS_PER_TERM)
    found = _nearest_everywhere(matrix, transposed)
    del matrix, transposed
    row, other = np.concatenate([f[0] for f in found]), np.concatenate([f[1] for f in found])
    score = np.concatenate([f[2] for f in found])
    del found
    # Days as numbers (-1: undated), for the small bonus of reports close in time.
    days = np.array([(d.toordinal() if (d := _day(date)) else -1) for date in dates])
    near = (days[row] >= 0) & (days[other] >= 0)
    near &= np.abs(days[row] - days[other]) <= NEAR_DAYS
    score += NEAR_BONUS * near
    del near
    # A pair both articles chose keeps the likeness its later article found.
    low, high = np.minimum(row, other), np.maximum(row, other)
    del other
    key = low * n + high
    order = np.lexsort((row, key))
    del row
    last = np.r_[key[order][1:] != key[order][:-1], True] if len(key) else key.astype(bool)
    chosen = order[last]
    return low[chosen], high[chosen], score[chosen]


def _nearest_everywhere(matrix: Any, transposed: Any) -> list[Found]:
    """Each article's NEIGHBOURS nearest, a block of rows at a time. A large library's blocks
    go to worker processes (a million articles: 470 blocks of about 0.7 s each), which read
    the two matrices from files in a temporary folder, shared through the page cache."""
    from summarise.library.pool import MIN_ITEMS_FOR_WORKERS, Failure, WorkerPool

    n = matrix.shape[0]
    blocks = [(start, min(n, start + CHUNK_ROWS)) for start in range(0, n, CHUNK_ROWS)]
    if len(blocks) < MIN_ITEMS_FOR_WORKERS:
        return [_nearest_of(matrix, transposed, *block) for block in blocks]
    found: dict[int, Found] = {}
    with tempfile.TemporaryDirectory(prefix="newsbrief-stories-") as folder:
        try:
            _save(Path(folder), matrix, transposed)
        except OSError:  # no room for them: one process does it all
            return [_nearest_of(matrix, transposed, *block) for block in blocks]
        with WorkerPool(_nearest_in_worker, doing="group") as pool:
            for outcome in pool.map([(folder, *block) for block in blocks]):
                if not isinstance(outcome.result, Failure):
                    found[outcome.item[1]] = outcome.result
    # A block a worker could not do (it was killed, say) is done here.
    return [found.get(b[0]) or _nearest_of(matrix, transposed, *b) for b in blocks]


def _save(folder: Path, matrix: Any, transposed: Any) -> None:
    import numpy as np

    for name, held in (("rows", matrix), ("terms", transposed)):
        for part in ("data", "indices", "indptr"):
            np.save(folder / f"{name}-{part}.npy", getattr(held, part))
        np.save(folder / f"{name}-shape.npy", np.array(held.shape))


_LOADED: dict[str, tuple[Any, Any]] = {}  # in a worker: the matrices of the folder it was given


def _nearest_in_worker(job: tuple[str, int, int]) -> Found:
    import numpy as np
    from scipy import sparse

    folder, start, stop = job
    if folder not in _LOADED:
        _LOADED.clear()
        held = []
        for name in ("rows", "terms"):
            parts = [
                np.load(Path(folder) / f"{name}-{p}.npy", mmap_mode="r")
                for p in ("data", "indices", "indptr")
            ]
            shape = tuple(np.load(Path(folder) / f"{name}-shape.npy").tolist())
            held.append(sparse.csr_matrix(tuple(parts), shape=shape, copy=False))
        _LOADED[folder] = (held[0], held[1])
    matrix, transposed = _LOADED[folder]
    return _nearest_of(matrix, transposed, start, stop)


def _nearest_of(matrix: Any, transposed: Any, start: int, stop: int) -> Found:
    """(row, other, likeness) of the NEIGHBOURS nearest of each row of one block, each row's
    nearest first, ties to the lower index."""
    import numpy as np

    block = (matrix[start:stop] @ transposed).tocsr()
    row, other, score = _nearest(block)
    row += start
    apart = row != other
    row, other, score = row[apart], other[apart], score[apart]
    order = np.lexsort((other, -score, row))
    row, other, score = row[order], other[order], score[order]
    first = np.flatnonzero(np.r_[True, row[1:] != row[:-1]]) if len(row) else row
    rank = np.arange(len(row)) - np.repeat(first, np.diff(np.r_[first, len(row)]))
    near = rank < NEIGHBOURS
    return row[near], other[near], score[near]


def _nearest(block: Any) -> tuple[Ints, Ints, Floats]:
    """(row, column, likeness) of the likenesses in a block of rows that are among their row's
    NEIGHBOURS + 1 highest (the article itself may be one), with any tied with the last of
    those: the few that are then sorted, where sorting them all (thousands a row) took most of
    the time."""
    import numpy as np

    rows = block.shape[0]
    starts = block.indptr.astype(np.int64)
    counts = np.diff(starts)
    width = int(counts.max()) if rows else 0
    if width <= NEIGHBOURS + 1:
        row = np.repeat(np.arange(rows, dtype=np.int64), counts)
        return row, block.indices.astype(np.int64), block.data
    # Each row's scores side by side, padded: one partition finds every row's cut. (Arrays
    # as long as the block's likenesses cost more to allocate than to fill: a loop of rows.)
    padded = np.full((rows, width), -np.inf)
    edges = starts.tolist()
    for i in range(rows):
        padded[i, : edges[i + 1] - edges[i]] = block.data[edges[i] : edges[i + 1]]
    cut = np.partition(padded, width - NEIGHBOURS - 1, axis=1)[:, width - NEIGHBOURS - 1]
    row, place = np.nonzero(padded >= cut[:, None])
    real = place < counts[row]
    row, place = row[real], place[real]
    at = starts[row] + place
    return row.astype(np.int64), block.indices[at].astype(np.int64), block.data[at]


def _heaviest_per_term(by_term: Any, most: int) -> Any:
    """The term-by-article matrix keeping, for each term, only its `most` heaviest articles:
    a term hundreds of articles share leads each article to its likeliest neighbours, and the
    work stays linear in the library."""
    import numpy as np
    from scipy import sparse

    lengths = np.diff(by_term.indptr)
    keep = np.repeat(lengths <= most, lengths)
    for term in np.flatnonzero(lengths > most).tolist():
        low, high = by_term.indptr[term], by_term.indptr[term + 1]
        top = np.argpartition(by_term.data[low:high], high - low - most)[-most:]
        keep[low + top] = True
    indptr = np.concatenate(([0], np.cumsum(keep)))[by_term.indptr]
    return sparse.csr_matrix(
        (by_term.data[keep], by_term.indices[keep], indptr), shape=by_term.shape
    )


def _average_link(n: int, pairs: Pairs, join_at: float) -> list[list[int]]:
    """Groups of articles: the two groups most alike on average (pairs absent from the graph
    count as 0) are joined while that average is at least `join_at`.

    Done in rounds over arrays, not one join at a time: in each round every two groups that
    are each other's most alike are joined. Average link can never make a group more alike to
    a third than its parts were, so those joins are the ones the one-at-a-time order would make
    (the reciprocal-nearest-neighbour theorem) and the groups are the same; at a million
    articles one at a time took gigabytes of Python dictionaries and did not finish. Ties
    between equally alike partners go by a fixed mix of the two groups' numbers, so that a
    cluster of equal copies joins in a few rounds, not one pair a round."""
    import numpy as np

    low: Ints = pairs[0].astype(np.int64)
    high: Ints = pairs[1].astype(np.int64)
    summed: Floats = pairs[2].astype(np.float64)
    size = np.ones(n)
    group = np.arange(n, dtype=np.int64)  # each article's group: its lowest-numbered member
    numbers = np.arange(n, dtype=np.int64)
    while len(low):
        average = summed / (size[low] * size[high])
        strong = np.flatnonzero(average >= join_at)
        if not len(strong):
            break
        partner = _most_alike(n, low[strong], high[strong], average[strong])
        mutual = np.flatnonzero((partner >= 0) & (numbers < partner))
        mutual = mutual[partner[partner[mutual]] == mutual]
        if not len(mutual):
            break
        joined = partner[mutual]
        renumber = numbers.copy()
        renumber[joined] = mutual
        size[mutual] += size[joined]
        size[joined] = 0
        group = renumber[group]
        # The pairs between the new groups: likenesses summed, pairs within a group gone.
        low, high = renumber[low], renumber[high]
        apart = low != high
        low, high = np.minimum(low[apart], high[apart]), np.maximum(low[apart], high[apart])
        cells, summed = summed_by(low * n + high, summed[apart])
        low, high = (cells // n).astype(np.int64), (cells % n).astype(np.int64)
    order = np.argsort(group, kind="stable")
    bounds = np.flatnonzero(np.r_[True, group[order][1:] != group[order][:-1], True]).tolist()
    return [order[a:b].tolist() for a, b in itertools.pairwise(bounds)]


def _most_alike(n: int, low: Ints, high: Ints, average: Floats) -> Ints:
    """Each group's most alike partner among these pairs (-1: none): the highest average,
    ties to the highest mix of the pair's two numbers."""
    import numpy as np

    # Each pair is looked at from both ends, without copies of the pairs (at a million
    # articles each copy is hundreds of megabytes).
    best = np.full(n, -np.inf)
    np.maximum.at(best, low, average)
    np.maximum.at(best, high, average)
    tie = _mix(low, high)
    top_low, top_high = average == best[low], average == best[high]
    best_tie = np.full(n, -1, dtype=np.int64)
    np.maximum.at(best_tie, low[top_low], tie[top_low])
    np.maximum.at(best_tie, high[top_high], tie[top_high])
    partner = np.full(n, -1, dtype=np.int64)
    chosen = top_low & (tie == best_tie[low])
    partner[low[chosen]] = high[chosen]
    chosen = top_high & (tie == best_tie[high])
    partner[high[chosen]] = low[chosen]
    return partner


def _mix(low: Ints, high: Ints) -> Ints:
    """A number of each pair that looks random but is fixed (a 32-bit integer hash)."""
    mixed = (low * 0x9E3779B1 + high * 0x85EBCA77) & 0xFFFFFFFF
    mixed ^= mixed >> 15
    mixed = (mixed * 0x2C1B3C6D) & 0xFFFFFFFF
    mixed ^= mixed >> 12
    return mixed


def find_stories(reports: Reports, join_at: float = JOIN_AT) -> list[Story]:
    """Every article in exactly one story (a story of one is allowed), most important first."""
    if not reports.ids:
        return []
    vectors, common = _vectors(reports.terms)
    n = len(reports.ids)
    groups = _average_link(n, _neighbours(vectors, common, reports.dates), join_at)
    central = _central(vectors, groups)
    stories = [_story(reports, group, best) for group, best in zip(groups, central, strict=True)]
    rank(stories)
    return stories


def _central(vectors: Column, groups: list[list[int]]) -> list[int]:
    """Each group's member closest to the group's centre (the sum of its vectors), ties to the
    lower index: the story's headline is its title. Members equally close by the arithmetic
    count as tied, whatever the last bit of a sum's rounding: so the two of a story of two
    (both always equally close) and a story of one need no arithmetic, their first member."""
    import numpy as np

    central = [group[0] for group in groups]
    larger = [number for number, group in enumerate(groups) if len(group) > 2]
    if not larger:
        return central
    members = np.array([i for number in larger for i in groups[number]], dtype=np.int64)
    label = np.repeat(np.arange(len(larger), dtype=np.int64), [len(groups[k]) for k in larger])
    picked = vectors.take(members)
    rows = picked.rows()
    width = int(picked.keys.max()) + 1 if len(picked.keys) else 1
    cells, where = np.unique(label[rows] * width + picked.keys, return_inverse=True)
    centre = np.bincount(where, weights=picked.values, minlength=len(cells))
    closeness = np.bincount(rows, weights=picked.values * centre[where], minlength=len(members))
    closeness = np.round(closeness, 9)
    order = np.lexsort((members, -closeness, label))
    first = np.r_[True, label[order][1:] != label[order][:-1]]
    for number, best in zip(larger, members[order[first]].tolist(), strict=True):
        central[number] = best
    return central


def _story(reports: Reports, group: list[int], central: int) -> Story:
    dates, ids = reports.dates, reports.ids
    members = sorted(group, key=lambda i: (dates[i] or "9999", ids[i]))
    known = sorted(d for i in members if (d := dates[i]))
    outlets = sorted({s for i in members if (s := reports.sources[i])})
    return Story(
        id=ids[members[0]],
        article_ids=[ids[i] for i in members],
        title=reports.titles[central],
        outlets=outlets,
        first=known[0] if known else None,
        last=known[-1] if known else None,
    )


# Importance: how many report it, how many outlets, how recent (halving each week before the
# library's newest day); a story with no dates counts as a week old.
RECENCY_HALF_LIFE_DAYS = 7.0


def rank(stories: list[Story]) -> None:
    newest = max((day for s in stories if (day := _day(s.last)) is not None), default=None)
    for story in stories:
        age = RECENCY_HALF_LIFE_DAYS
        last = _day(story.last)
        if newest is not None and last is not None:
            age = (newest - last).days
        recency = 0.5 ** (age / RECENCY_HALF_LIFE_DAYS)
        story.importance = (
            math.log2(1 + len(story.article_ids))
            * (1 + 0.5 * math.log2(1 + len(story.outlets)))
            * (0.5 + 0.5 * recency)
        )
    stories.sort(key=lambda s: (-s.importance, s.id))
