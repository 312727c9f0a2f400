"""What a briefing holds, independent of how it is built or rendered."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

# Defined in the package (a search needs them without these classes); still found here.
from summarise.briefing import DEFAULT_WORDS as DEFAULT_WORDS
from summarise.briefing import BriefingError as BriefingError


@dataclass(frozen=True, slots=True)
class Source:
    number: int
    article_id: str
    title: str
    outlet: str | None
    byline: str | None
    date: str | None
    path: str | None


@dataclass(frozen=True, slots=True)
class SentenceRef:
    article_id: str
    sentence: int  # index among the article's prose sentences (as in `summary --json`)


@dataclass(slots=True)
class Point:
    text: str
    sources: list[int]
    refs: list[SentenceRef]
    figures: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Quote:
    text: str
    speaker: str
    sources: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Named:
    name: str
    articles: int
    mentions: int


@dataclass(frozen=True, slots=True)
class Claim:
    """One side of a disagreement: who, the sources that say so, and one of them saying it."""

    who: str
    sources: tuple[int, ...]
    sentence: str | None = None


@dataclass(frozen=True, slots=True)
class Disagreement:
    subject: str  # "Canada's Prime Minister"
    claims: tuple[Claim, ...]

    @property
    def text(self) -> str:
        claims = "; ".join(f"{c.who} {cite(c.sources)}" for c in self.claims)
        return f"Sources differ on who is {self.subject}: {claims}."


@dataclass(frozen=True, slots=True)
class TimelineLine:
    """One event of a story's timeline: the day, the sentence that reports it, its sources."""

    date: str  # YYYY-MM-DD
    text: str
    sources: tuple[int, ...]
    refs: tuple[SentenceRef, ...] = ()


@dataclass(slots=True)
class StoryBrief:
    """One of the top stories: its headline, its points, and who else reports it."""

    title: str
    articles: list[int]  # every source of the story shown on the page, cited ones first
    points: list[Point]
    covering: list[int]  # sources that report the story but are not cited for a point
    count: int  # articles of the story in all (more than are listed, for a big story)
    outlets: list[str]
    first: str | None
    last: str | None
    article_ids: list[str] = field(default_factory=list)  # all of them, for full coverage
    timeline: list[TimelineLine] = field(default_factory=list)
    # In an update briefing: how many of the story's articles the reader already knew, and
    # the first day among them ("developing: 7 earlier articles since 1998-12-03; 3 new").
    earlier: int | None = None
    earlier_since: str | None = None

    @property
    def status(self) -> str | None:
        """ "new" or "developing: ..." in an update briefing; None in any other."""
        if self.earlier is None:
            return None
        if not self.earlier:
            return "new"
        noun = "article" if self.earlier == 1 else "articles"
        since = f" since {self.earlier_since}" if self.earlier_since else ""
        return f"developing: {self.earlier:,} earlier {noun}{since}; {self.count:,} new"


@dataclass(frozen=True, slots=True)
class StoryLine:
    """A further story, in one line."""

    title: str
    count: int
    outlets: int
    last: str | None
    article_ids: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Briefing:
    title: str
    scope: str
    key_points: list[Point] = field(default_factory=list)  # every story's points, page order
    stories: list[StoryBrief] = field(default_factory=list)
    more_stories: list[StoryLine] = field(default_factory=list)
    key_figures: list[Point] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    people: list[Named] = field(default_factory=list)
    organisations: list[Named] = field(default_factory=list)
    disagreements: list[Disagreement] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    word_budget: int = DEFAULT_WORDS
    # An update briefing tells only what is new: what the reader knew, in words ("articles
    # before 1998-12-03", "the 40 articles you have read or been briefed on"), else None.
    known: str | None = None

    def body_words(self) -> int:
        """Words on the page above the source list: what the budget limits."""
        texts = [self.title, self.scope]
        texts += [s.title for s in self.stories] + [s.title for s in self.more_stories]
        texts += [p.text for p in self.key_points + self.key_figures]
        texts += [f"{q.text} {q.speaker}" for q in self.quotes]
        texts += [n.name for n in self.people + self.organisations]
        texts += [d.text for d in self.disagreements]
        return sum(len(t.split()) for t in texts)


def cite(numbers: Sequence[int]) -> str:
    return "".join(f"[{n}]" for n in sorted(numbers))
