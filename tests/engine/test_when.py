"""Dates in what a sentence says, resolved against the day its article was written."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from summarise.language.when import dates_in, event_date, names_a_time

LABELS = Path(__file__).parents[1] / "date_labels.json"
FRIDAY = date(1998, 12, 4)  # a Friday


def _labelled() -> list[tuple[date, str, date | None]]:
    rows = json.loads(LABELS.read_text(encoding="utf-8"))["labels"]
    return [(date.fromisoformat(w), s, date.fromisoformat(e) if e else None) for w, s, e in rows]


def test_the_labelled_sentences_are_dated_as_a_reader_would() -> None:
    rows = _labelled()
    assert len(rows) >= 80
    wrong = [(s, e, event_date(s, w)) for w, s, e in rows if event_date(s, w) != e]
    # 95%: the figure docs/ quotes; the held-out wire set is scored by bench/timelines.py.
    assert len(wrong) <= len(rows) * 0.05, wrong


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The minister resigned on Thursday.", date(1998, 12, 3)),
        ("The minister resigned Thursday.", date(1998, 12, 3)),
        ("Police said yesterday that two men were held.", date(1998, 12, 3)),
        ("The talks ended on Dec. 1.", date(1998, 12, 1)),
        ("The treaty was signed on 12 November 1997.", date(1997, 11, 12)),
        ("The bank cut rates on 1998-11-30.", date(1998, 11, 30)),
        ("Two days ago the army withdrew.", date(1998, 12, 2)),
        ("Last Monday the strike began.", date(1998, 11, 30)),
    ],
)
def test_past_events_are_dated_to_their_day(sentence: str, expected: date) -> None:
    assert event_date(sentence, FRIDAY) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The council will vote on Thursday.",
        "Ministers are due to meet on Dec. 10.",
        "The deadline is Friday.",
        "Talks must end by Monday.",
        "The summit is next Tuesday.",
        "Prices rose last month.",  # a month, not a day
        "The company was founded in 1996.",
        "Unemployment fell last week.",
    ],
)
def test_plans_deadlines_and_vague_times_date_nothing(sentence: str) -> None:
    assert event_date(sentence, FRIDAY) is None
    assert names_a_time(sentence, FRIDAY)


def test_a_plan_resolves_forward_and_is_never_past() -> None:
    (when,) = dates_in("The council will vote on Thursday.", FRIDAY)
    assert when.date == date(1998, 12, 10) and not when.past
    (when,) = dates_in("The law takes effect on January 1.", FRIDAY)
    assert when.date == date(1999, 1, 1) and not when.past


def test_a_day_without_a_year_is_the_most_recent_one_before_the_article() -> None:
    assert event_date("The talks ended on Dec. 20.", date(1999, 1, 3)) == date(1998, 12, 20)


def test_precision_is_kept() -> None:
    kinds = {
        w.text.lower(): w.precision
        for w in dates_in(
            "Sales fell last month, rose last week and in March 1998, and last year.", FRIDAY
        )
    }
    assert kinds["last month"] == "month"
    assert kinds["last week"] == "week"
    assert kinds["in march 1998"] == "month"
    assert kinds["last year"] == "year"


def test_words_that_only_contain_a_date_are_not_dates() -> None:
    assert not names_a_time("The Mayday parade drew crowds.", FRIDAY)
    assert event_date("A statement came in May.", FRIDAY) is None  # a month, not a day
