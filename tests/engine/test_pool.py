"""Worker processes: every item comes back, with a reason when it could not be done."""

from __future__ import annotations

import time

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
