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
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date as Date
from typing import TYPE_CHECKING, Any

from summarise.library.listing import Listed
from summarise.library.profile_table import Column

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    Bools = npt.NDArray[np.bool_]
    Ints = npt.NDArray[np.int64]
    Floats = npt.NDArray[np.float64]
    # (a, b, likeness) of pairs of articles, a < b.
    Pairs = tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.float64]]

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
    norms = np.sqrt(np.bincount(rows, weights=scored * scored, minlength=n))
    norms[norms == 0] = 1.0
    values = scored / norms[rows]
    positive = values > 0
    return Column.of_rows(rows[positive], terms.keys[positive], values[positive], n), common


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
    transposed = _heaviest_per_term(matrix.T.tocsr(), POSTINGS_PER_TERM)
    # Days as numbers (-1: undated), for the small bonus of reports close in time.
    days = np.array([(d.toordinal() if (d := _day(date)) else -1) for date in dates])
    found_rows, found_others, found_scores = [], [], []
    for start in range(0, n, CHUNK_ROWS):
        block = (matrix[start : start + CHUNK_ROWS] @ transposed).tocsr()
        row, other, score = _nearest(block)
        row += start
        apart = row != other
        row, other, score = row[apart], other[apart], score[apart]
        # Each row's nearest, ties to the lower index.
        order = np.lexsort((other, -score, row))
        row, other, score = row[order], other[order], score[order]
        first = np.flatnonzero(np.r_[True, row[1:] != row[:-1]]) if len(row) else row
        rank = np.arange(len(row)) - np.repeat(first, np.diff(np.r_[first, len(row)]))
        near = rank < NEIGHBOURS
        found_rows.append(row[near])
        found_others.append(other[near])
        found_scores.append(score[near])
    row, other = np.concatenate(found_rows), np.concatenate(found_others)
    score = np.concatenate(found_scores)
    dated = (days[row] >= 0) & (days[other] >= 0)
    score = score + NEAR_BONUS * (dated & (np.abs(days[row] - days[other]) <= NEAR_DAYS))
    # A pair both articles chose keeps the likeness its later article found.
    low, high = np.minimum(row, other), np.maximum(row, other)
    key = low * n + high
    order = np.lexsort((row, key))
    last = np.r_[key[order][1:] != key[order][:-1], True] if len(key) else key.astype(bool)
    chosen = order[last]
    return low[chosen], high[chosen], score[chosen]


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
        cells, where = np.unique(low * n + high, return_inverse=True)
        summed = np.bincount(where, weights=summed[apart], minlength=len(cells)).astype(np.float64)
        low, high = (cells // n).astype(np.int64), (cells % n).astype(np.int64)
    order = np.argsort(group, kind="stable")
    bounds = np.flatnonzero(np.r_[True, group[order][1:] != group[order][:-1], True]).tolist()
    return [order[a:b].tolist() for a, b in itertools.pairwise(bounds)]


def _most_alike(n: int, low: Ints, high: Ints, average: Floats) -> Ints:
    """Each group's most alike partner among these pairs (-1: none): the highest average,
    ties to the highest mix of the pair's two numbers."""
    import numpy as np

    tie = _mix(low, high)
    group = np.concatenate([low, high])
    other = np.concatenate([high, low])
    alike = np.concatenate([average, average])
    tied = np.concatenate([tie, tie])
    best = np.full(n, -np.inf)
    np.maximum.at(best, group, alike)
    top = alike == best[group]
    group, other, tied = group[top], other[top], tied[top]
    best_tie = np.full(n, -1, dtype=np.int64)
    np.maximum.at(best_tie, group, tied)
    chosen = tied == best_tie[group]
    partner = np.full(n, -1, dtype=np.int64)
    partner[group[chosen]] = other[chosen]
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
    lower index: the story's headline is its title."""
    import numpy as np

    n = len(vectors)
    label = np.empty(n, dtype=np.int64)
    for number, group in enumerate(groups):
        label[group] = number
    rows = vectors.rows()
    width = int(vectors.keys.max()) + 1 if len(vectors.keys) else 1
    cell = label[rows] * width + vectors.keys
    cells, where = np.unique(cell, return_inverse=True)
    centre = np.bincount(where, weights=vectors.values, minlength=len(cells))
    closeness = np.bincount(rows, weights=vectors.values * centre[where], minlength=n)
    # Members equally close (the two of a story of two always are) by the arithmetic, not by
    # the last bit of a sum's rounding: the first of them.
    closeness = np.round(closeness, 9)
    order = np.lexsort((np.arange(n), -closeness, label))
    first = np.r_[True, label[order][1:] != label[order][:-1]]
    central: list[int] = order[first].tolist()
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
