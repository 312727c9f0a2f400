"""Which articles report the same story: near-linear, deterministic, one story per article.

Each article is a short weighted vector of its most telling terms: content words weighted by
where they stand (title, lead, body) and by how rare they are in the library (tf-idf), and its
names. Articles are taken in date order; each joins the story whose centroid it is closest to,
when close enough, or starts one. Candidate stories come from an inverted index over the
centroids' terms, never from all pairs, and terms that half the library shares are left out
of it; so the work grows with the library, not its square. Being close in time adds a little
to the likeness of two reports, when both are dated.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date as Date
from itertools import islice

from summarise.library.listing import Listed

# Bump when the grouping changes: stories cached for a set of articles are found again.
STORIES_VERSION = 1
# Measured on the DUC 2003 clusters chosen for tuning (bench/briefing_quality.py): the
# cosine at which an article joins a story.
JOIN_AT = 0.2
# The cosine of two stories' centres at which they are one story.
MERGE_AT = 0.4
# Terms in an article's vector, and in a story's centroid: enough for a story's vocabulary.
ARTICLE_TERMS = 40
CENTROID_TERMS = 80
# A term in more than this share of the library (and more than COMMON_FLOOR articles) says
# nothing about which story an article tells.
COMMON_SHARE = 0.05
COMMON_FLOOR = 20
# Rarity is judged as if the library sat among at least this many unrelated articles: in a
# library of five reports of one story, the words all five share are what tells the story,
# not what says nothing.
BACKGROUND = 200
# Each term leads to at most this many stories (the most recently changed), and the few
# stories sharing the most weight with an article are scored in full.
POSTINGS_PER_TERM = 30
EXACT_CHECKS = 3
# Stories are looked up by an article's heaviest terms alone.
LOOKUP_TERMS = 12
RECENTRE_ALWAYS, RECENTRE_GROWTH = 10, 1.1
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


@dataclass(slots=True)
class _Cluster:
    members: list[int] = field(default_factory=list)
    weights: dict[str, float] = field(default_factory=dict)  # sum of member vectors
    top: dict[str, float] = field(default_factory=dict)  # normalised centroid, truncated
    last: Date | None = None
    centred_at: int = 0  # how many members the centroid was last computed from


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


def _recentre(cluster: _Cluster) -> None:
    # The running sums keep only the heaviest terms, so a story of thousands of reports costs
    # what one of dozens does.
    if len(cluster.weights) > 8 * CENTROID_TERMS:
        kept = sorted(cluster.weights.items(), key=lambda kv: (-kv[1], kv[0]))
        cluster.weights = dict(kept[: 4 * CENTROID_TERMS])
    top = sorted(cluster.weights.items(), key=lambda kv: (-kv[1], kv[0]))[:CENTROID_TERMS]
    norm = math.sqrt(sum(w * w for _, w in top)) or 1.0
    cluster.top = {t: w / norm for t, w in top}
    cluster.centred_at = len(cluster.members)


class _Postings:
    """Term -> the stories whose centre holds it, the most recently changed last, at most
    POSTINGS_PER_TERM of them: a term many stories share leads to the ones still going."""

    def __init__(self, common: set[str]) -> None:
        self.common = common
        self.lists: dict[str, dict[int, None]] = defaultdict(dict)

    def touch(self, cluster: int, terms: Iterable[str]) -> None:
        for term in terms:
            if term in self.common:
                continue
            held = self.lists[term]
            held.pop(cluster, None)
            held[cluster] = None
            if len(held) > POSTINGS_PER_TERM:
                del held[next(iter(held))]

    def drop(self, cluster: int, terms: Iterable[str]) -> None:
        for term in terms:
            if term in self.lists:
                self.lists[term].pop(cluster, None)

    def nearest(
        self, vector: dict[str, float], clusters: list[_Cluster], skip: int = -1
    ) -> list[int]:
        """The few stories that share the most weight with `vector`, by their shared terms."""
        shared: dict[int, float] = defaultdict(float)
        # Vectors and centroids hold their terms heaviest first.
        for term, weight in islice(vector.items(), LOOKUP_TERMS):
            for c in self.lists.get(term, ()):
                if c != skip:
                    shared[c] += weight * clusters[c].top.get(term, 0.0)
        return sorted(shared, key=lambda c: (-shared[c], c))[:EXACT_CHECKS]


def _likeness(vector: dict[str, float], cluster: _Cluster) -> float:
    top = cluster.top
    return sum(vector[t] * top[t] for t in vector.keys() & top.keys())


def find_stories(
    items: Sequence[StoryItem], join_at: float = JOIN_AT, merge_at: float | None = None
) -> list[Story]:
    """Every article in exactly one story (a story of one is allowed), most important first."""
    if not items:
        return []
    merge_at = MERGE_AT if merge_at is None else merge_at
    vectors, common = _vectors(items)
    order = sorted(range(len(items)), key=lambda i: (items[i].date or "9999", items[i].id))
    clusters: list[_Cluster] = []
    postings = _Postings(common)
    for i in order:
        vector, day = vectors[i], _day(items[i].date)
        best, best_score = -1, join_at
        for c in postings.nearest(vector, clusters):
            cluster = clusters[c]
            score = _likeness(vector, cluster)
            if day and cluster.last and abs((day - cluster.last).days) <= NEAR_DAYS:
                score += NEAR_BONUS
            if score > best_score or (score == best_score and c < best):
                best, best_score = c, score
        if best < 0:
            clusters.append(_Cluster())
            best = len(clusters) - 1
        cluster = clusters[best]
        before = set(cluster.top)
        cluster.members.append(i)
        for term, weight in vector.items():
            cluster.weights[term] = cluster.weights.get(term, 0.0) + weight
        if day and (cluster.last is None or day > cluster.last):
            cluster.last = day
        # A story of many reports barely moves with one more: its centre is computed again
        # only when it has grown by a tenth.
        if len(cluster.members) <= RECENTRE_ALWAYS or (
            len(cluster.members) >= cluster.centred_at * RECENTRE_GROWTH
        ):
            _recentre(cluster)
            postings.drop(best, before - set(cluster.top))
            postings.touch(best, cluster.top)
    for cluster in clusters:
        if cluster.centred_at != len(cluster.members):
            _recentre(cluster)
    clusters = _merge(clusters, postings, merge_at)
    stories = [_story(items, vectors, c) for c in clusters]
    _rank(stories)
    return stories


def _merge(clusters: list[_Cluster], postings: _Postings, merge_at: float) -> list[_Cluster]:
    """Join stories whose centres are alike: taking articles one at a time, the first of a
    story can start apart before its centre has formed. Larger stories absorb the others."""
    alive = set(range(len(clusters)))
    for c in sorted(range(len(clusters)), key=lambda c: (-len(clusters[c].members), c)):
        if c not in alive:
            continue
        cluster = clusters[c]
        for other in postings.nearest(cluster.top, clusters, skip=c):
            target = clusters[other]
            if other not in alive or _likeness(cluster.top, target) < merge_at:
                continue
            before = set(cluster.top)
            cluster.members += target.members
            for term, weight in target.weights.items():
                cluster.weights[term] = cluster.weights.get(term, 0.0) + weight
            if target.last and (cluster.last is None or target.last > cluster.last):
                cluster.last = target.last
            _recentre(cluster)
            alive.discard(other)
            postings.drop(other, target.top)
            postings.drop(c, before - set(cluster.top))
            postings.touch(c, cluster.top)
    return [clusters[c] for c in sorted(alive)]


def _story(items: Sequence[StoryItem], vectors: list[dict[str, float]], cluster: _Cluster) -> Story:
    members = sorted(cluster.members, key=lambda i: (items[i].date or "9999", items[i].id))
    # The headline: the title of the member closest to the story's centre.
    central = max(
        members,
        key=lambda i: (sum(w * cluster.top.get(t, 0.0) for t, w in vectors[i].items()), -i),
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


def _rank(stories: list[Story]) -> None:
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
