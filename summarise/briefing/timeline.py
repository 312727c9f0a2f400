"""A story's dated timeline: its events one line each, cited, oldest first.

An event is a sentence near the top of one of the story's reports that dates what it reports:
by a date it states, resolved against the article's own date (language/when.py: "on Thursday"
in an article of Friday 4 December is 3 December), or, for a lead that names no time at all,
by the article's date, since a lead reports the news of its day. Plans, deadlines and
forecasts never date an event, so no line is dated after the article it comes from.

One line a day: of the sentences dated to a day, the one most of the story's reports say
(points.supporters), cited to the article it is from and every other that says it, dated on
or after that day. A lead dated by its article that says again what an earlier-chosen line
said is left out, so one event reported on three days is one line, on the day its text gives.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from summarise.briefing.points import (
    REDUNDANT,
    Candidate,
    candidate_for,
    cosine,
    mostly_quoted,
    needs_context,
    supporters,
)
from summarise.language.datelines import strip_dateline
from summarise.language.when import event_date, names_a_time
from summarise.library.analysis import ArticleAnalysis

# Sentences of each report that can be events: news puts its events at the top.
EVENT_SENTENCES = 6
# Lines a timeline keeps at most (the best-supported days, then shown oldest first).
MOST_EVENTS = 8
MIN_WORDS, MAX_WORDS = 6, 45
# Two sentences this alike (cosine of content words) say the same thing whatever day they name.
SAME_WORDS = 0.8


@dataclass(frozen=True, slots=True)
class Event:
    """One line of a timeline while it is built: article ids, numbered later."""

    date: str  # YYYY-MM-DD
    text: str
    article_ids: tuple[str, ...]  # the article it is from first, then those that say it too
    sentence: int  # its index in the first article


def _day(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def _events_of(analysis: ArticleAnalysis, written: date) -> list[tuple[date, bool, Candidate]]:
    """(day, whether the text itself gives the day, sentence) for each event the report
    dates near its top."""
    found = []
    for info in analysis.sentences[:EVENT_SENTENCES]:
        text = strip_dateline(info.text)
        words = len(text.split())
        if not MIN_WORDS <= words <= MAX_WORDS or text.endswith("?"):
            continue
        if mostly_quoted(text) or needs_context(text):
            continue
        if info.index > 0 and _definite_opening(text):
            continue  # "The ordinance passed 7-1": past the lead, "the" points back
        day = event_date(text, written)
        stated = day is not None
        if day is None and info.index == 0 and not names_a_time(text, written):
            day = written  # an undated lead reports its day's news
        if day is not None and day <= written:
            found.append((day, stated, candidate_for(analysis.article_id, info, text, words)))
    return found


def _definite_opening(text: str) -> bool:
    """ "The audience was encouraged ...", "The poll, conducted ...": a sentence past the lead
    that opens with "the" and a common noun names something its report introduced before; a
    timeline line stands alone, so it is not one. ("The State Department" is a name.)"""
    words = text.lstrip("\"“‘'( ").split(maxsplit=2)
    return len(words) > 1 and words[0] == "The" and words[1][:1].islower()


def timeline(analyses: Sequence[ArticleAnalysis], dates: Mapping[str, str | None]) -> list[Event]:
    """The story's events, oldest first, one a day, at most MOST_EVENTS."""
    dated = {a.article_id: d for a in analyses if (d := _day(dates.get(a.article_id)))}
    options: list[tuple[date, bool, Candidate]] = []
    for analysis in analyses:
        if analysis.article_id in dated:
            options += _events_of(analysis, dated[analysis.article_id])
    # The best-supported first; a day the text states before a day taken from a date line.
    scored = []
    for day, stated, candidate in options:
        said_by = [
            a
            for a, _ in supporters(candidate, analyses)
            if a in dated and dated[a] >= day  # none can say it before it happened
        ]
        scored.append((len(said_by), stated, day, candidate, said_by))
    scored.sort(key=lambda s: (-s[0], not s[1], s[2], s[3].article_id, s[3].position))
    chosen: dict[date, Event] = {}
    taken: list[Candidate] = []
    for _, stated, day, candidate, said_by in scored:
        # A day the text states is its own event even in the words of another ("began to
        # fall on Saturday, two days after the wall gave way"); a lead dated by its article
        # that says an earlier line again is that line's event, reported later.
        alike = SAME_WORDS if stated else REDUNDANT
        if day in chosen or any(cosine(candidate.terms, t.terms) >= alike for t in taken):
            continue
        chosen[day] = Event(
            day.isoformat(),
            candidate.text,
            (candidate.article_id, *said_by),
            candidate.info.index,
        )
        taken.append(candidate)
        if len(chosen) >= MOST_EVENTS:
            break
    return [chosen[d] for d in sorted(chosen)]
