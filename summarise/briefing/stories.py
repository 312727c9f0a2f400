"""Which articles report the same story: deterministic, one story per article, near-linear.

Each article is a short weighted vector of its most telling terms: content words weighted by
where they stand (title, lead, body) and by how rare they are in the library (tf-idf), and its
names. Two articles are alike by the cosine of their vectors; each article's nearest few are
found with one sparse matrix product over the terms that are not common (a term half the
library uses says nothing about which story an article tells), so the work grows with the
library and not its square. Stories are then built by average-link agglomeration over that
graph: the two groups whose articles are on average most alike are joined, again and again,
until no two groups are alike enough. Unlike taking articles one at a time, the result does not
depend on the order the articles come in, which for an undated library is only their ids.
Being close in time adds a little to the likeness of two reports, when both are dated.
"""

from __future__ import annotations

import heapq
import math
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date as Date
from typing import Any

from summarise.library.listing import Listed

# Bump when the grouping changes: stories cached for a set of articles are found again.
STORIES_VERSION = 2
# The average cosine at which two groups of articles are one story. On the DUC 2003 clusters
# (bench/briefing_quality.py) B-cubed F1 is flat within 0.01 from 0.08 to 0.12.
JOIN_AT = 0.1
# Each article's nearest neighbours kept in the graph.
NEIGHBOURS = 15
# Terms in an article's vector: enough for a story's vocabulary.
ARTICLE_TERMS = 40
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
class StoryItem:
    """What story detection needs of an article."""

    id: str
    title: str
    date: str | None
    source: str | None
    terms: tuple[tuple[str, float], ...]  # from its Profile


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


def _vectors(items: Sequence[StoryItem]) -> tuple[list[dict[str, float]], set[str]]:
    """tf-idf vectors, normalised, of each item's heaviest terms; and the library's common
    terms, which are kept out of the inverted index."""
    df: dict[str, int] = defaultdict(int)
    for item in items:
        for term, _ in item.terms:
            df[term] += 1
    n = len(items)
    background = max(n, BACKGROUND)
    common = {t for t, count in df.items() if count > max(COMMON_FLOOR, COMMON_SHARE * n)}
    vectors = []
    for item in items:
        scored = {t: w * math.log((n + background) / (df[t] + 0.5)) for t, w in item.terms}
        top = sorted(scored.items(), key=lambda kv: (-kv[1], kv[0]))[:ARTICLE_TERMS]
        norm = math.sqrt(sum(w * w for _, w in top)) or 1.0
        vectors.append({t: w / norm for t, w in top if w > 0})
    return vectors, common


def _neighbours(
    vectors: list[dict[str, float]], common: set[str], items: Sequence[StoryItem]
) -> dict[tuple[int, int], float]:
    """(i, j) with i < j -> likeness, for each article's NEIGHBOURS most alike articles."""
    import numpy as np
    from scipy import sparse

    vocabulary: dict[str, int] = {}
    rows, cols, values = [], [], []
    for i, vector in enumerate(vectors):
        for term, weight in vector.items():
            if term not in common:
                rows.append(i)
                cols.append(vocabulary.setdefault(term, len(vocabulary)))
                values.append(weight)
    n = len(vectors)
    matrix = sparse.csr_matrix((values, (rows, cols)), shape=(n, max(1, len(vocabulary))))
    transposed = _heaviest_per_term(matrix.T.tocsr(), POSTINGS_PER_TERM)
    # Days as numbers (-1: undated), for the small bonus of reports close in time.
    days = np.array([(d.toordinal() if (d := _day(item.date)) else -1) for item in items])
    pairs: dict[tuple[int, int], float] = {}
    for start in range(0, n, CHUNK_ROWS):
        block = (matrix[start : start + CHUNK_ROWS] @ transposed).tocsr()
        for offset in range(block.shape[0]):
            i = start + offset
            low, high = block.indptr[offset], block.indptr[offset + 1]
            others, scores = block.indices[low:high], block.data[low:high]
            if len(others) > NEIGHBOURS + 1:
                # The nearest (and the article itself), ties to the lower index.
                cut = np.partition(scores, len(scores) - NEIGHBOURS - 1)[-NEIGHBOURS - 1]
                keep = scores >= cut
                others, scores = others[keep], scores[keep]
            order = np.lexsort((others, -scores))
            ranked = zip(others[order].tolist(), scores[order].tolist(), strict=True)
            chosen = [(j, v) for j, v in ranked if j != i]
            for j, score in chosen[:NEIGHBOURS]:
                if days[i] >= 0 and days[j] >= 0 and abs(days[i] - days[j]) <= NEAR_DAYS:
                    score += NEAR_BONUS
                pairs[(i, j) if i < j else (j, i)] = score
    return pairs


def _heaviest_per_term(by_term: Any, most: int) -> Any:
    """The term-by-article matrix keeping, for each term, only its `most` heaviest articles:
    a term hundreds of articles share leads each article to its likeliest neighbours, and the
    work stays linear in the library."""
    import numpy as np
    from scipy import sparse

    keep = np.zeros(by_term.nnz, dtype=bool)
    for term in range(by_term.shape[0]):
        low, high = by_term.indptr[term], by_term.indptr[term + 1]
        if high - low <= most:
            keep[low:high] = True
        else:
            top = np.argpartition(by_term.data[low:high], high - low - most)[-most:]
            keep[low + top] = True
    indptr = np.concatenate(([0], np.cumsum(keep)))[by_term.indptr]
    return sparse.csr_matrix(
        (by_term.data[keep], by_term.indices[keep], indptr), shape=by_term.shape
    )


def _average_link(n: int, pairs: dict[tuple[int, int], float], join_at: float) -> list[list[int]]:
    """Groups of articles: the two groups most alike on average (pairs absent from the graph
    count as 0) are joined while that average is at least `join_at`."""
    size = [1] * n
    members: list[list[int]] = [[i] for i in range(n)]
    linked: list[dict[int, float]] = [{} for _ in range(n)]  # group -> summed likeness
    for (a, b), score in pairs.items():
        linked[a][b] = score
        linked[b][a] = score
    heap = [(-score, a, b) for (a, b), score in pairs.items() if score >= join_at]
    heapq.heapify(heap)
    alive = [True] * n
    while heap:
        negative, a, b = heapq.heappop(heap)
        if not (alive[a] and alive[b]):
            continue
        average = linked[a].get(b, 0.0) / (size[a] * size[b])
        if not math.isclose(average, -negative, rel_tol=1e-9, abs_tol=1e-12):
            continue  # a pair scored before one of its groups grew
        keep, gone = (a, b) if a < b else (b, a)
        alive[gone] = False
        size[keep] += size[gone]
        members[keep] += members[gone]
        members[gone] = []
        for other, summed in linked[gone].items():
            if other == keep:
                continue
            linked[keep][other] = linked[keep].get(other, 0.0) + summed
            linked[other][keep] = linked[keep][other]
            del linked[other][gone]
        linked[keep].pop(gone, None)
        linked[gone] = {}
        for other, summed in linked[keep].items():
            average = summed / (size[keep] * size[other])
            if average >= join_at:
                heapq.heappush(heap, (-average, min(keep, other), max(keep, other)))
    return [sorted(group) for group, live in zip(members, alive, strict=True) if live]


def find_stories(items: Sequence[StoryItem], join_at: float = JOIN_AT) -> list[Story]:
    """Every article in exactly one story (a story of one is allowed), most important first."""
    if not items:
        return []
    vectors, common = _vectors(items)
    groups = _average_link(len(items), _neighbours(vectors, common, items), join_at)
    stories = [_story(items, vectors, group) for group in groups]
    rank(stories)
    return stories


def _story(items: Sequence[StoryItem], vectors: list[dict[str, float]], group: list[int]) -> Story:
    members = sorted(group, key=lambda i: (items[i].date or "9999", items[i].id))
    centre: dict[str, float] = defaultdict(float)
    for i in members:
        for term, weight in vectors[i].items():
            centre[term] += weight
    # The headline: the title of the member closest to the story's centre.
    central = max(
        members,
        key=lambda i: (sum(w * centre.get(t, 0.0) for t, w in vectors[i].items()), -i),
    )
    dates = sorted(d for i in members if (d := items[i].date))
    outlets = sorted({s for i in members if (s := items[i].source)})
    return Story(
        id=items[members[0]].id,
        article_ids=[items[i].id for i in members],
        title=items[central].title,
        outlets=outlets,
        first=dates[0] if dates else None,
        last=dates[-1] if dates else None,
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
