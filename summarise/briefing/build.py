"""One briefing across many articles, built from stories.

The articles are grouped into stories (stories.py), from small per-article profiles. The top
stories are told: a headline, then points chosen across the story's articles (points.py), each
cited only to the articles that say it, and the story's other reports listed as covering it.
Further stories get one line each. Key figures, quotes and where sources differ come from the
top stories; the people and organisations from every article. Only the top stories' articles
are ever analysed in full, so a library of 100,000 articles costs their profiles and a few
hundred analyses.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from summarise.article import Article
from summarise.briefing.model import (
    DEFAULT_WORDS,
    Briefing,
    BriefingError,
    Named,
    Point,
    Quote,
    SentenceRef,
    StoryBrief,
    StoryLine,
)
from summarise.briefing.numbering import number_sources
from summarise.briefing.points import Background, Candidate, candidates, select, supporters
from summarise.briefing.sections import Claim, QuoteFound, disagreements, figures, names, quotes
from summarise.briefing.stories import STORIES_VERSION, Reports, Story, find_stories
from summarise.briefing.timeline import Event, timeline
from summarise.briefing.update import Developing, Known, NothingNew, new_stories, split
from summarise.entities.aliases import resolve_aliases
from summarise.language.datelines import strip_dateline
from summarise.language.headlines import shorten
from summarise.library.analysis import (
    Analyses,
    AnalysisCache,
    ArticleAnalysis,
)
from summarise.library.listing import Listed
from summarise.library.profile_table import Column, ProfileTable, summed_by

MIN_WORDS = 120
# Shares of the word budget; the rest is titles, names and disagreements.
SHARE_POINTS, SHARE_FIGURES, SHARE_QUOTES = 0.5, 0.15, 0.15
# Points in all, shared among the stories told by their importance.
MAX_POINTS = 12
MAX_FIGURES, MAX_QUOTES = 5, 4
MAX_PEOPLE, MAX_ORGANISATIONS = 8, 6
# Stories told with points (unless asked for another number), then stories in one line.
TOP_STORIES, MORE_STORIES = 5, 8
# A story's reports are analysed, newest first, up to this many (see points.STORY_ARTICLES).
STORY_ARTICLES = 60
# Known articles of any story that an update's points are checked against, the newest first:
# a day or two of a busy library's reading.
RECENT_KNOWN = 300
# Articles listed as covering a story; more are counted, not listed.
COVERING_SHOWN = 8
# Articles whose terms are written as the library writes them at once (bounds the memory).
RESOLVED_AT_ONCE = 100_000
# Headlines longer than this many words are cut at a word.
HEADLINE_WORDS = 16


@dataclass(slots=True)
class _Told:
    """A top story while it is being built: article ids, numbered at the end."""

    story: Story
    points: list[tuple[Candidate, list[tuple[str, int]]]]
    covering: list[str]


def build_briefing(
    articles: Sequence[Article],
    words: int = DEFAULT_WORDS,
    cache: AnalysisCache | None = None,
    progress: Callable[[int, int], None] | None = None,
    stories: int | None = None,
    jobs: int | None = None,
) -> Briefing:
    """The briefing for articles held in memory."""
    return brief(articles, Analyses.of_articles(articles, cache, jobs, progress), words, stories)


def headline(title: str) -> str:
    """A story's headline from an article's title: no dateline, at most HEADLINE_WORDS words,
    cut where a clause ends, never with "…"."""
    return shorten(strip_dateline(title).rstrip("…").rstrip(), HEADLINE_WORDS)


def brief(
    entries: Sequence[Listed],
    analyses: Analyses,
    words: int = DEFAULT_WORDS,
    top_stories: int | None = None,
    known: Known | None = None,
) -> Briefing:
    """The briefing for a library's entries, in about `words` words (sources not counted).
    With `known`, an update briefing: only what is new to a reader who knows those articles
    (update.py)."""
    if not entries:
        raise BriefingError("no articles to brief")
    words = max(MIN_WORDS, words)
    everything = entries
    earlier_of: dict[str, Developing] = {}
    earlier: list[Listed] = []
    if known is not None:
        entries, earlier = split(everything, known)
        if not entries:
            raise NothingNew(f"nothing new: every article is one of the {known.label}")
        grouped = [*entries, *earlier]
        profiles = analyses.profile_table([e.id for e in grouped])
        developing = new_stories(
            stories_of(grouped, profiles, analyses.cache),
            {e.id for e in entries},
            {e.id: e.date for e in grouped},
            {e.id: e.source for e in grouped},
            {e.id: headline(e.title) for e in grouped},
        )
        found = [d.story for d in developing]
        earlier_of = {d.story.id: d for d in developing}
        profiles = profiles.take(e.id for e in entries)
        aliases = name_aliases(profiles)
    else:
        profiles = analyses.profile_table([e.id for e in entries])
        aliases = name_aliases(profiles)
        found = stories_of(entries, profiles, analyses.cache, aliases)
    count = top_stories if top_stories is not None else TOP_STORIES
    top, rest = found[:count], found[count : count + MORE_STORIES]
    # A story's reports are analysed newest first, up to STORY_ARTICLES of them; in an update,
    # its earlier reports too, as what the reader knew.
    wanted = {s.id: list(s.article_ids[-STORY_ARTICLES:]) for s in top}
    before = {
        s.id: earlier_of[s.id].earlier[-STORY_ARTICLES:] if s.id in earlier_of else [] for s in top
    }
    # What a point must not repeat: the told stories' earlier reports, and the newest known
    # articles of any story (the grouping may have told a related report apart).
    recent = [e.id for e in earlier[-RECENT_KNOWN:]] if known is not None else []
    full = analyses.full([i for ids in (*wanted.values(), *before.values(), recent) for i in ids])
    if not any(full[i].sentences for ids in wanted.values() for i in ids if i in full):
        raise BriefingError("the articles have no sentences to brief")

    taken: set[tuple[str, int]] = set()
    background = None
    if known is not None:
        seen = dict.fromkeys([*recent, *(i for s in top for i in before[s.id])])
        background = Background([full[i] for i in seen if i in full])
    told = _tell(top, wanted, full, int(words * SHARE_POINTS), taken, background)
    told_analyses = [full[i] for t in told for i in wanted[t.story.id] if i in full]
    story_of = {i: t.story.id for t in told for i in wanted[t.story.id]}
    by_story = {t.story.id: [full[i] for i in wanted[t.story.id] if i in full] for t in told}
    figure_points = [
        (c, supporters(c, by_story[story_of[c.article_id]]))
        for c in figures(told_analyses, MAX_FIGURES, int(words * SHARE_FIGURES), taken)
        if background is None or not background.repeats(c.text)
    ]
    prominence = Counter(profiles.articles_naming(profiles.people))
    said = quotes(told_analyses, prominence, MAX_QUOTES, int(words * SHARE_QUOTES))
    dates = {e.id: e.date for e in everything}
    clashes = [c for t in told for c in disagreements(by_story[t.story.id], aliases, dates)]
    outlets = {e.source for e in entries if e.source}
    lines = {
        t.story.id: timeline(
            [full[i] for i in (*before[t.story.id], *wanted[t.story.id]) if i in full], dates
        )
        for t in told
    }
    briefing = _assemble(
        everything,
        entries,
        told,
        rest,
        figure_points,
        said,
        clashes,
        profiles,
        full,
        words,
        aliases,
        outlets,
        len(found),
        lines,
        earlier_of,
    )
    if known is not None:
        briefing.known = known.label
    return briefing


def name_aliases(profiles: ProfileTable) -> dict[str, str]:
    """Every other form of a person's or organisation's name -> the one the library uses
    (entities/aliases.py), from the articles' profiles."""
    return resolve_aliases(
        profiles.mentions(profiles.people),
        profiles.mentions(profiles.organisations),
        profiles.together(),
    )


def _resolved_terms(profiles: ProfileTable, aliases: dict[str, str]) -> Column:
    """The profiles' terms with their names ("@Clinton") written as the library writes them:
    two forms of one name in an article are one term of their summed weight."""
    import numpy as np

    numbers: dict[str, int] = {}
    renumbered = np.array(
        [
            numbers.setdefault(
                "@" + aliases.get(term[1:], term[1:]) if term.startswith("@") else term,
                len(numbers),
            )
            for term in profiles.terms
        ],
        dtype=np.int64,
    )
    weights = profiles.term_weights
    width = max(1, len(numbers))
    rows, keys, values = [], [], []
    # A block of articles at a time: sorting all of a million articles' terms at once took
    # 1.5 GB more than the terms.
    for first in range(0, len(profiles), RESOLVED_AT_ONCE):
        last = min(len(profiles), first + RESOLVED_AT_ONCE)
        low, high = weights.starts[first], weights.starts[last]
        row = np.repeat(
            np.arange(first, last, dtype=np.int64), np.diff(weights.starts[first : last + 1])
        )
        cells, summed = summed_by(
            row * width + renumbered[weights.keys[low:high]], weights.values[low:high]
        )
        values.append(summed)
        rows.append(cells // width)
        keys.append((cells % width).astype(np.int32))
    if not rows:
        return Column.of_rows(renumbered[:0], renumbered[:0], np.zeros(0), len(profiles))
    return Column.of_rows(
        np.concatenate(rows), np.concatenate(keys), np.concatenate(values), len(profiles)
    )


def stories_of(
    entries: Sequence[Listed],
    profiles: ProfileTable,
    cache: AnalysisCache | None,
    aliases: dict[str, str] | None = None,
) -> list[Story]:
    """The entries' stories; the same set of articles again is answered from the cache.
    `aliases`: name_aliases of these profiles, when the caller has them already (a few
    seconds at a million articles)."""
    # Titles are part of the key: a story's headline is one of them, and a newer reader may
    # title the same text anew.
    key = hashlib.sha256(
        "\n".join(
            [str(STORIES_VERSION), *sorted(f"{e.id}{e.date or ''}{e.title}" for e in entries)]
        ).encode()
    ).hexdigest()
    if cache is not None and isinstance(known := cache.get_stories(key), list):
        return known
    wanted = [e.id for e in entries]
    if profiles.article_ids != wanted:  # a copy of a million articles' profiles is a gigabyte
        profiles = profiles.take(wanted)
    of = {e.id: e for e in entries}
    told = [of[i] for i in profiles.article_ids]
    found = find_stories(
        Reports(
            profiles.article_ids,
            [e.title for e in told],
            [e.date for e in told],
            [e.source for e in told],
            _resolved_terms(profiles, name_aliases(profiles) if aliases is None else aliases),
        )
    )
    for story in found:
        story.title = headline(story.title)
    if cache is not None:
        cache.put_stories(key, found)
    return found


def _tell(
    top: Sequence[Story],
    wanted: dict[str, list[str]],
    full: dict[str, ArticleAnalysis],
    budget: int,
    taken: set[tuple[str, int]],
    background: Background | None,
) -> list[_Told]:
    weight = sum(s.importance for s in top) or 1.0
    told = []
    for story in top:
        analyses = [full[i] for i in wanted[story.id] if i in full]
        # Words and points follow importance: a story most of the library reports gets most.
        share = story.importance / weight
        limit = max(1, min(MAX_POINTS, round(MAX_POINTS * share)))
        chosen = select(
            candidates(analyses),
            analyses,
            limit,
            math.floor(budget * share),
            taken,
            background,
        )
        points = [(c, supporters(c, analyses)) for c in chosen]
        cited = {c.article_id for c, _ in points} | {a for _, sup in points for a, _ in sup}
        covering = [i for i in reversed(story.article_ids) if i not in cited]
        told.append(_Told(story, points, covering))
    return [t for t in told if t.points] or told[:1]


def _point(candidate: Candidate, support: list[tuple[str, int]]) -> Point:
    refs = [SentenceRef(candidate.article_id, candidate.info.index)]
    refs += [SentenceRef(a, s) for a, s in support]
    return Point(candidate.text, [], refs, candidate.info.figures)


def _assemble(
    everything: Sequence[Listed],
    entries: Sequence[Listed],
    told: list[_Told],
    rest: Sequence[Story],
    figure_points: list[tuple[Candidate, list[tuple[str, int]]]],
    said: list[QuoteFound],
    clashes: list[Claim],
    profiles: ProfileTable,
    full: dict[str, ArticleAnalysis],
    words: int,
    aliases: dict[str, str],
    outlets: set[str],
    story_count: int,
    lines: dict[str, list[Event]],
    earlier_of: dict[str, Developing],
) -> Briefing:
    stories = [
        StoryBrief(
            title=headline(t.story.title),
            articles=[],
            points=[_point(c, sup) for c, sup in t.points],
            covering=[],
            count=len(t.story.article_ids),
            outlets=t.story.outlets,
            first=t.story.first,
            last=t.story.last,
            article_ids=list(reversed(t.story.article_ids)),
            earlier=len(earlier_of[t.story.id].earlier) if earlier_of else None,
            earlier_since=earlier_of[t.story.id].earlier_since if earlier_of else None,
        )
        for t in told
    ]
    briefing = Briefing(
        title=_title(told, entries, story_count),
        scope=_scope(entries, new=bool(earlier_of) or len(everything) != len(entries)),
        key_points=[p for s in stories for p in s.points],
        stories=stories,
        more_stories=[
            StoryLine(
                headline(s.title),
                len(s.article_ids),
                len(s.outlets),
                s.last,
                list(reversed(s.article_ids)),
            )
            for s in rest
        ],
        key_figures=[_point(c, sup) for c, sup in figure_points],
        people=[Named(*n) for n in names(profiles, "people", MAX_PEOPLE, aliases)],
        organisations=[
            Named(*n) for n in names(profiles, "organisations", MAX_ORGANISATIONS, aliases, outlets)
        ],
        word_budget=words,
    )
    _trim(briefing, told, said, clashes, words)
    number_sources(
        briefing,
        {e.id: e for e in everything},
        said,
        clashes,
        [t.covering[:COVERING_SHOWN] for t in told],
        [lines[t.story.id] for t in told],
    )
    return briefing


def _trim(
    briefing: Briefing,
    told: list[_Told],
    said: list[QuoteFound],
    clashes: list[Claim],
    words: int,
) -> None:
    """Keep to the budget: drop the least central items until the page fits."""
    briefing.quotes = [Quote(q.text, q.speaker, ()) for q in said]
    while briefing.body_words() + _claim_words(clashes) > words:
        if briefing.more_stories:
            briefing.more_stories.pop()
        elif briefing.key_figures:
            briefing.key_figures.pop()
        elif briefing.quotes:
            briefing.quotes.pop()
            said.pop()
        elif sum(len(s.points) for s in briefing.stories) > 1:
            story = max(briefing.stories, key=lambda s: (len(s.points), -briefing.stories.index(s)))
            story.points.pop()
            told[briefing.stories.index(story)].points.pop()
            briefing.key_points = [p for s in briefing.stories for p in s.points]
        else:
            break


def _claim_words(clashes: list[Claim]) -> int:
    """Words a disagreement takes: its office, and each side's name and sentence."""
    return sum(
        5
        + len(c.office.split())
        + sum(
            len(p.split()) + 1 + len((next((t for _, t in w if t), None) or "").split())
            for p, w in c.who
        )
        for c in clashes
    )


def _title(told: list[_Told], entries: Sequence[Listed], stories: int) -> str:
    """The top story's headline when it is most of the news; else how many stories from how
    many sources over which days ("12 stories from 3 sources, 1998-11-01 to 1998-11-30")."""
    if told and (stories == 1 or 2 * len(told[0].story.article_ids) >= len(entries)):
        return "Briefing: " + headline(told[0].story.title)
    outlets = {e.source for e in entries if e.source}
    dates = sorted(d for e in entries if (d := e.date))
    said = f"{stories:,} {'story' if stories == 1 else 'stories'}"
    if outlets:
        said += f" from {len(outlets):,} source{'s' if len(outlets) != 1 else ''}"
    if dates:
        said += f", {dates[0]}" + (f" to {dates[-1]}" if dates[-1] != dates[0] else "")
    return "Briefing: " + said


def _scope(entries: Sequence[Listed], new: bool = False) -> str:
    outlets = sorted({e.source for e in entries if e.source})
    unnamed = sum(1 for e in entries if not e.source)
    parts = list(outlets[:4])
    if len(outlets) > 4:
        parts.append(f"{len(outlets) - 4} more outlets")
    if unnamed:
        parts.append(f"{unnamed} without a named outlet")
    dates = sorted(e.date for e in entries if e.date)
    undated = len(entries) - len(dates)
    when = (f"{dates[0]} to {dates[-1]}" if dates[0] != dates[-1] else dates[0]) if dates else ""
    if undated:
        # An update counts an undated article as new: nothing says the reader knew it.
        counted = "undated" if undated == len(entries) else f"{undated} undated"
        undated_said = counted + (", counted as new" if new else "")
        when = f"{when}, {undated_said}" if when else undated_said
    noun = ("new " if new else "") + ("article" if len(entries) == 1 else "articles")
    return f"{len(entries):,} {noun} · {', '.join(parts)} · {when}"
