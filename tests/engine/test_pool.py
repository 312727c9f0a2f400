"""Worker processes: every item comes back, with a reason when it could not be done."""

from __future__ import annotations

import time

import pytest

from summarise.library.pool import Failure, process_map
from tests.slow_work import square_slowly


def test_every_item_comes_back_and_a_slow_one_is_abandoned_at_its_budget() -> None:
    started = time.monotonic()
    outcomes = list(process_map(square_slowly, list(range(100)), jobs=2, budget=2))
    elapsed = time.monotonic() - started
    assert sorted(o.item for o in outcomes) == list(range(100))
    failed = {o.item: o.result.reason for o in outcomes if isinstance(o.result, Failure)}
    assert failed == {
        7: "took too long to read (over 2 s)",
        9: "ValueError: nine is not allowed",
        11: "its reader stopped unexpectedly",
    }
    assert all(o.result == o.item**2 for o in outcomes if o.item not in failed)
    assert elapsed < 30  # the sleeping item did not hold the rest for its 60 s


def test_small_jobs_run_in_this_process() -> None:
    outcomes = list(process_map(abs, [-1, -2, 3], jobs=2))
    assert [o.result for o in outcomes] == [1, 2, 3]


def test_one_slow_item_alone_is_abandoned_at_its_budget_in_this_process() -> None:
    started = time.monotonic()
    (outcome,) = process_map(square_slowly, [7], jobs=2, budget=1)
    assert outcome.result == Failure("took too long to read (over 1 s)")
    assert time.monotonic() - started < 5  # not the 60 s the item would take
    # The timer is gone: later work in this process is not interrupted.
    assert [o.result for o in process_map(square_slowly, [3], budget=None)] == [9]


def test_run_bounded_runs_in_a_worker_and_abandons_it_past_the_budget() -> None:
    import threading

    from summarise.library.pool import Failure, run_bounded

    assert run_bounded(square_slowly, 4, budget=20) == 16
    results: list[object] = []
    # From a thread, as the reader calls it: no interval timer there, the worker is killed.
    caller = threading.Thread(target=lambda: results.append(run_bounded(square_slowly, 7, 0.5)))
    started = time.monotonic()
    caller.start()
    caller.join(30)
    assert time.monotonic() - started < 10
    (result,) = results
    assert isinstance(result, Failure) and result.reason == "took too long to read (over 0.5 s)"


def test_a_huge_article_is_summarised_in_a_worker_with_the_same_result(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import summarise.usecases as usecases
    from tests.conftest import seed

    article = seed("000")
    here = usecases.summary_of(article, "newsrank", 3)
    monkeypatch.setattr(usecases, "BIG_ARTICLE_WORDS", 10)  # every article is "huge" now
    there = usecases.summary_of(article, "newsrank", 3)
    assert not isinstance(there, str) and not isinstance(here, str)
    assert [s.text for s in there.sentences] == [s.text for s in here.sentences]
    from summarise.entities import find_entities

    names = usecases.names_of(article)
    assert names == find_entities(article)  # found in a worker, the same mentions


def test_an_article_of_a_megabyte_without_words_is_summarised_in_a_worker(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A word count alone let 1 MB of dots (no words) be summarised in the reader's own
    process, where a pattern working through it holds the interpreter and the keys."""
    import summarise.library.pool as pool
    import summarise.usecases as usecases
    from summarise.article import Article, Block, BlockKind
    from tests.conftest import seed

    sent: list[str] = []
    original = pool.run_bounded

    def recorded(fn, item, budget=None, doing="read"):  # type: ignore[no-untyped-def]
        sent.append(doing)
        return original(fn, item, budget, doing)

    monkeypatch.setattr(pool, "run_bounded", recorded)
    usecases.summary_of(seed("000"), "newsrank", 3)
    assert sent == []  # an ordinary article stays in a thread: a process costs 0.2 s
    dots = Article("dots", None, "Headline", (Block(BlockKind.PARAGRAPH, "." * 300_000),))
    result = usecases.summary_of(dots, "newsrank", 3)
    names = usecases.names_of(dots)
    assert sent == ["summarise", "find its names"]
    assert not isinstance(result, str) and not isinstance(names, str)
