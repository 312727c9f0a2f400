"""Story detection at a library's scale: the shortcuts that keep a million articles within a
few gigabytes give exactly the stories the plain algorithm gives."""

from __future__ import annotations

import random

import numpy as np
import pytest

from summarise.briefing import stories
from summarise.briefing.sections import names
from summarise.briefing.stories import Reports, find_stories
from summarise.library.analysis import Profile
from summarise.library.profile_table import Column, ProfileTable


def _plain_average_link(n: int, scores: dict[tuple[int, int], float], join_at: float) -> set:
    """Average link over every pair at once, the slow way: the reference."""
    groups = [[i] for i in range(n)]
    while True:
        best, pair = join_at, None
        for x in range(len(groups)):
            for y in range(x + 1, len(groups)):
                a, b = groups[x], groups[y]
                summed = sum(scores.get((min(i, j), max(i, j)), 0.0) for i in a for j in b)
                average = summed / (len(a) * len(b))
                if average >= best and (pair is None or average > best):
                    best, pair = average, (x, y)
        if pair is None:
            return {tuple(sorted(g)) for g in groups}
        x, y = pair
        groups[x] = groups[x] + groups[y]
        del groups[y]


@pytest.mark.parametrize("seed", range(12))
def test_grouping_each_connected_set_on_its_own_gives_the_groups_of_the_whole(seed: int) -> None:
    """At a million articles the pairs of the whole library did not fit in memory; the
    groups must not change for it."""
    rng = random.Random(seed)
    n = 24
    scores: dict[tuple[int, int], float] = {}
    for _ in range(60):
        a, b = sorted(rng.sample(range(n), 2))
        scores[(a, b)] = rng.choice([rng.uniform(0.0, 0.09), rng.uniform(0.1, 0.6)])
    low = np.array([a for a, _ in scores], dtype=np.int64)
    high = np.array([b for _, b in scores], dtype=np.int64)
    value = np.array(list(scores.values()))
    found = stories._average_link(n, (low, high, value), 0.1)
    assert {tuple(g) for g in found} == _plain_average_link(n, scores, 0.1)
    assert sorted(i for g in found for i in g) == list(range(n))  # each article once


def test_many_equal_copies_of_a_report_are_one_story() -> None:
    """Every pair of 40 copies equally alike (a wire story reprinted) is one story, beside a
    report only weakly like them; equal ties must not leave copies out."""
    copies = range(40)
    pairs = [(a, b, 0.8) for a in copies for b in copies if a < b] + [(0, 40, 0.05)]
    low, high, value = (np.array(column) for column in zip(*pairs, strict=True))
    found = stories._average_link(41, (low, high, value.astype(float)), 0.1)
    assert found == [list(copies), [40]]


def _plain_neighbours(
    matrix: np.ndarray, days: list[int], most: int
) -> dict[tuple[int, int], float]:
    """Each article's NEIGHBOURS most alike (ties to the lower index) by dense arithmetic, the
    pair keeping the likeness its later article found."""
    n = matrix.shape[0]
    by_term = matrix.T.copy()
    for term in range(by_term.shape[0]):  # each term's `most` heaviest articles
        order = np.argsort(-by_term[term], kind="stable")
        by_term[term, order[most:]] = 0.0
    likeness = matrix @ by_term
    pairs: dict[tuple[int, int], float] = {}
    for i in range(n):
        ranked = sorted(
            (j for j in range(n) if j != i and likeness[i, j] > 0),
            key=lambda j: (-likeness[i, j], j),
        )
        for j in ranked[: stories.NEIGHBOURS]:
            score = likeness[i, j]
            if days[i] >= 0 and days[j] >= 0 and abs(days[i] - days[j]) <= stories.NEAR_DAYS:
                score += stories.NEAR_BONUS
            pairs[(min(i, j), max(i, j))] = score
    return pairs


@pytest.mark.parametrize(("seed", "postings"), [(s, p) for s in range(4) for p in (9, 100)])
def test_each_articles_nearest_are_found_as_by_plain_arithmetic(
    seed: int, postings: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Rows are cut to their nearest by one partition of a padded block, not by sorting
    thousands of likenesses a row; ties go to the lower index. (With every term's postings
    kept, weights from a few values make ties; with them cut, weights differ, so that which
    of a term's equal postings are kept does not decide.)"""
    monkeypatch.setattr(stories, "CHUNK_ROWS", 7)  # several blocks, one of them short
    monkeypatch.setattr(stories, "POSTINGS_PER_TERM", postings)
    rng = np.random.default_rng(seed)
    n, terms = 40, 12
    exact = rng.choice([0.25, 0.5, 1.0], (n, terms))  # sums exact in any order: true ties
    values = exact if postings > n else rng.random((n, terms))
    dense = np.where(rng.random((n, terms)) < 0.4, values, 0.0)
    rows, keys = np.nonzero(dense)
    vectors = Column.of_rows(rows.astype(np.int64), keys.astype(np.int64), dense[rows, keys], n)
    dates = [None if i % 5 == 0 else f"2026-01-{1 + i % 20:02d}" for i in range(n)]
    days = [-1 if d is None else int(d[-2:]) for d in dates]
    low, high, score = stories._neighbours(vectors, np.zeros(terms, dtype=bool), dates)
    found = {(a, b): s for a, b, s in zip(low.tolist(), high.tolist(), score.tolist(), strict=True)}
    expected = _plain_neighbours(dense, days, postings)
    assert found.keys() == expected.keys()
    assert all(found[p] == pytest.approx(expected[p]) for p in expected)


def test_worker_processes_find_the_nearest_a_single_process_finds(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A large library's blocks of rows go to worker processes, which read the matrices from
    files; what they find is what one process finds."""
    import summarise.library.pool as pool

    monkeypatch.setattr(stories, "CHUNK_ROWS", 3)
    rng = np.random.default_rng(7)
    n, terms = 60, 15
    dense = np.where(rng.random((n, terms)) < 0.3, rng.random((n, terms)), 0.0)
    rows, keys = np.nonzero(dense)
    vectors = Column.of_rows(rows.astype(np.int64), keys.astype(np.int64), dense[rows, keys], n)
    dates = [f"2026-02-{1 + i % 28:02d}" for i in range(n)]
    common = np.zeros(terms, dtype=bool)
    monkeypatch.setattr(pool, "MIN_ITEMS_FOR_WORKERS", 10**6)
    alone = stories._neighbours(vectors, common, dates)
    monkeypatch.setattr(pool, "MIN_ITEMS_FOR_WORKERS", 4)  # 20 blocks: workers
    shared = stories._neighbours(vectors, common, dates)
    assert len(alone[0]) > n
    for mine, theirs in zip(alone, shared, strict=True):
        assert np.array_equal(mine, theirs)


def _column(rows: list[dict[str, float]], vocabulary: dict[str, int]) -> Column:
    keys, values, row_of = [], [], []
    for row, terms in enumerate(rows):
        for term, weight in terms.items():
            row_of.append(row)
            keys.append(vocabulary.setdefault(term, len(vocabulary)))
            values.append(weight)
    return Column.of_rows(
        np.array(row_of, dtype=np.int64),
        np.array(keys, dtype=np.int64),
        np.array(values, dtype=np.float64),
        len(rows),
    )


def test_a_story_of_two_reports_is_headed_by_the_first_listed_every_time() -> None:
    """Both of two reports are equally close to their story's centre: the headline used to go
    to whichever the last bit of a sum favoured."""
    vocabulary: dict[str, int] = {}
    shared = {"canola": 3.0, "harvest": 2.0, "saskatchewan": 2.0, "frost": 1.0}
    terms = _column(
        [
            {**shared, "farmers": 1.0},
            {"walrus": 3.0, "ice": 2.0},
            {**shared, "prices": 1.5},
        ],
        vocabulary,
    )
    reports = Reports(
        ["a1", "b2", "c3"],
        ["Frost cuts the canola harvest", "Walruses haul out", "Canola prices rise after frost"],
        ["2026-09-01", "2026-09-01", "2026-09-02"],
        ["Wire", "Wire", "Daily"],
        terms,
    )
    found = find_stories(reports)
    (canola,) = [s for s in found if len(s.article_ids) == 2]
    assert canola.article_ids == ["a1", "c3"]
    assert canola.title == "Frost cuts the canola harvest"
    assert canola.outlets == ["Daily", "Wire"]
    assert (canola.first, canola.last) == ("2026-09-01", "2026-09-02")
    assert sorted(len(s.article_ids) for s in found) == [1, 2]


def _profiles() -> list[Profile]:
    return [
        Profile(
            "a",
            (("canola", 3.0), ("@Bill Clinton", 2.0)),
            (("Bill Clinton", 3), ("Clinton", 1)),
            (("EU", 2), ("Reuters", 1)),
        ),
        Profile("b", (("walrus", 2.0),), (("Bill Clinton", 1),), (("European Union", 1),)),
        Profile("c", (), (), ()),
    ]


def test_a_library_of_profiles_in_columns_gives_back_what_each_profile_held() -> None:
    table = ProfileTable.of(_profiles())
    assert len(table) == 3
    assert table.mentions(table.people) == {"Bill Clinton": 4, "Clinton": 1}
    assert table.articles_naming(table.people) == {"Bill Clinton": 2, "Clinton": 1}
    assert table.mentions(table.organisations) == {"EU": 2, "Reuters": 1, "European Union": 1}
    assert list(table.together()) == [
        ["Bill Clinton", "Clinton", "EU", "Reuters"],
        ["Bill Clinton", "European Union"],
        [],
    ]
    picked = table.take(["c", "missing", "a"])
    assert picked.article_ids == ["c", "a"]
    assert list(picked.together()) == [[], ["Bill Clinton", "Clinton", "EU", "Reuters"]]
    weights = picked.term_weights
    assert [
        (picked.terms[k], w)
        for k, w in zip(
            weights.keys[weights.starts[1] :].tolist(),
            weights.values[weights.starts[1] :].tolist(),
            strict=True,
        )
    ] == [("canola", 3.0), ("@Bill Clinton", 2.0)]


def test_people_are_counted_once_an_article_under_the_library_s_name_outlets_left_out() -> None:
    table = ProfileTable.of(_profiles())
    aliases = {"Clinton": "Bill Clinton", "EU": "European Union"}
    assert names(table, "people", 5, aliases) == [("Bill Clinton", 2, 5)]
    assert names(table, "organisations", 5, aliases) == [("European Union", 2, 3)]


def test_an_empty_library_has_no_stories() -> None:
    empty = Column.of_rows(np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros(0), 0)
    assert find_stories(Reports([], [], [], [], empty)) == []
