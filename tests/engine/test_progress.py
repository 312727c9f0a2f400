"""Progress reports thinned to a readable rate, never stopping short of the end."""

from __future__ import annotations

from summarise.library.progress import thinned


def test_a_long_job_reports_ten_times_a_second_and_always_its_end() -> None:
    # 100,000 items over 10 seconds of a fake clock: about a hundred reports, not 100,000, and
    # the first and last are among them.
    now = [0.0]
    seen: list[int] = []
    report = thinned(lambda done, total: seen.append(done), clock=lambda: now[0])
    for done in range(1, 100_001):
        now[0] = done * 0.0001
        report(done, 100_000)
    assert seen[0] == 1 and seen[-1] == 100_000
    assert 90 <= len(seen) <= 110


def test_a_short_job_still_shows_its_end() -> None:
    seen: list[tuple[int, int]] = []
    report = thinned(lambda done, total: seen.append((done, total)), clock=lambda: 5.0)
    for done in range(1, 4):
        report(done, 3)
    assert seen == [(1, 3), (3, 3)]
