"""Numbering a briefing's sources in the order the page first names them.

While a briefing is built, every citation is an article id; here each article named on the page
gets a number (a point's sources, then the story's other reports, then figures, quotes and
disagreements), and only those articles are listed. A briefing of 1,700 articles lists the few
dozen it names; the scope line still counts every article briefed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from summarise.briefing.model import (
    Briefing,
    Disagreement,
    Quote,
    SentenceRef,
    Source,
    TimelineLine,
)
from summarise.briefing.model import Claim as Side
from summarise.briefing.sections import Claim, QuoteFound
from summarise.briefing.timeline import Event
from summarise.library.listing import Listed


def number_sources(
    briefing: Briefing,
    entries: Mapping[str, Listed],
    said: Sequence[QuoteFound],
    clashes: Sequence[Claim],
    covering: Sequence[Sequence[str]],
    timelines: Sequence[Sequence[Event]] = (),
) -> None:
    order: dict[str, int] = {}

    def number(article_id: str) -> int:
        return order.setdefault(article_id, len(order) + 1)

    for story, others in zip(briefing.stories, covering, strict=True):
        cited = [number(r.article_id) for p in story.points for r in p.refs]
        story.covering = [number(i) for i in others]
        story.articles = list(dict.fromkeys([*cited, *story.covering]))
    for story, events in zip(briefing.stories, timelines, strict=False):
        story.timeline = [
            TimelineLine(
                e.date,
                e.text,
                tuple(sorted({number(i) for i in e.article_ids})),
                (SentenceRef(e.article_ids[0], e.sentence),),
            )
            for e in events
        ]
    for point in (*briefing.key_points, *briefing.key_figures):
        point.sources = sorted({number(r.article_id) for r in point.refs})
    briefing.quotes = [
        Quote(q.text, q.speaker, tuple(sorted(number(i) for i in q.article_ids))) for q in said
    ]
    briefing.disagreements = [
        Disagreement(
            claim.office,
            tuple(
                sorted(
                    (
                        Side(
                            who,
                            tuple(sorted(number(i) for i, _ in where)),
                            next((text for _, text in where if text), None),
                        )
                        for who, where in claim.who
                    ),
                    key=lambda side: (min(side.sources), side.who),
                )
            ),
        )
        for claim in clashes
    ]
    briefing.sources = []
    for article_id, n in sorted(order.items(), key=lambda kv: kv[1]):
        entry = entries[article_id]
        briefing.sources.append(
            Source(
                n,
                article_id,
                entry.title,
                entry.source,
                entry.byline,
                entry.date,
                str(entry.path) if entry.path else None,
            )
        )
