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
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date as Date

from summarise.library import Listed

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
    top = sorted(cluster.weights.items(), key=lambda kv: (-kv[1], kv[0]))[:CENTROID_TERMS]
    norm = math.sqrt(sum(w * w for _, w in top)) or 1.0
    cluster.top = {t: w / norm for t, w in top}


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
    postings: dict[str, set[int]] = defaultdict(set)  # term -> clusters with it in the centroid
    for i in order:
        vector, day = vectors[i], _day(items[i].date)
        candidates: set[int] = set()
        for term in vector:
            if term not in common:
                candidates |= postings.get(term, set())
        best, best_score = -1, join_at
        for c in sorted(candidates):
            cluster = clusters[c]
            score = sum(w * cluster.top.get(t, 0.0) for t, w in vector.items())
            if day and cluster.last and abs((day - cluster.last).days) <= NEAR_DAYS:
                score += NEAR_BONUS
            if score >= best_score:
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
        _recentre(cluster)
        for term in before - set(cluster.top):
            postings[term].discard(best)
        for term in set(cluster.top) - before:
            postings[term].add(best)
    clusters = _merge(clusters, postings, common, merge_at)
    stories = [_story(items, vectors, c) for c in clusters]
    _rank(stories)
    return stories


def _merge(
    clusters: list[_Cluster], postings: dict[str, set[int]], common: set[str], merge_at: float
) -> list[_Cluster]:
    """Join stories whose centres are alike: taking articles one at a time, the first of a
    story can start apart before its centre has formed. Largest stories absorb the others."""
    alive = set(range(len(clusters)))
    for c in sorted(range(len(clusters)), key=lambda c: (-len(clusters[c].members), c)):
        if c not in alive:
            continue
        cluster = clusters[c]
        candidates: set[int] = set()
        for term in cluster.top:
            if term not in common:
                candidates |= postings.get(term, set())
        for other in sorted(candidates - {c}):
            if other not in alive:
                continue
            target = clusters[other]
            likeness = sum(w * target.top.get(t, 0.0) for t, w in cluster.top.items())
            if likeness < merge_at:
                continue
            before = set(cluster.top)
            cluster.members += target.members
            for term, weight in target.weights.items():
                cluster.weights[term] = cluster.weights.get(term, 0.0) + weight
            if target.last and (cluster.last is None or target.last > cluster.last):
                cluster.last = target.last
            _recentre(cluster)
            alive.discard(other)
            for term in target.top:
                postings[term].discard(other)
            for term in before - set(cluster.top):
                postings[term].discard(c)
            for term in set(cluster.top) - before:
                postings[term].add(c)
    return [clusters[c] for c in sorted(alive)]


def _story(items: Sequence[StoryItem], vectors: list[dict[str, float]], cluster: _Cluster) -> Story:
    members = sorted(cluster.members, key=lambda i: (items[i].date or "9999", items[i].id))
    # The headline: the title of the member closest to the story's centre.
    central = max(
        members,
        key=lambda i: (sum(w * cluster.top.get(t, 0.0) for t, w in vectors[i].items()), -i),
    )
    dates = sorted(d for d in (items[i].date for i in members) if d)
    outlets = sorted({items[i].source for i in members if items[i].source})
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
    newest = max((_day(s.last) for s in stories if s.last), default=None)
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
