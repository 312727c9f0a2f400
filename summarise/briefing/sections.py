"""The briefing's other sections: key figures, who said what, names, where sources differ.

Every section keeps to the rule of the points: an article is credited with a figure, a quote
or a claim only when its own text holds it.
"""

from __future__ import annotations

import contextlib
import re
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass

from summarise.briefing.points import (
    MAX_WORDS,
    REDUNDANT,
    Candidate,
    candidate_for,
    cosine,
    mostly_quoted,
    needs_context,
)
from summarise.entities.aliases import is_outlet
from summarise.language.datelines import strip_dateline
from summarise.library.analysis import ArticleAnalysis, RoleInfo
from summarise.library.profile_table import ProfileTable, summed_by

# A figure sentence is the central sentence of its article that carries a figure; central and
# carrying several figures count most.
FIGURE_BONUS = 0.2
MIN_FIGURE_WORDS = 6
QUOTE_MIN_WORDS, QUOTE_MAX_WORDS = 6, 45


@dataclass(frozen=True, slots=True)
class QuoteFound:
    text: str
    speaker: str
    article_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Claim:
    """ "Sources differ on who is Canada's Prime Minister": who each group of articles names,
    and where each says so (article id, sentence index)."""

    role: str
    country: str
    # (person, ((article id, the sentence that says so), ...))
    who: tuple[tuple[str, tuple[tuple[str, str | None], ...]], ...]

    @property
    def office(self) -> str:
        owner = f"{self.country}'" if self.country.endswith("s") else f"{self.country}'s"
        return f"{owner} {self.role}"


def figure_candidates(analyses: Sequence[ArticleAnalysis]) -> list[tuple[float, Candidate]]:
    """Sentences that carry figures, each with how much it matters: its centrality in its
    article (0-1) and FIGURE_BONUS for each figure."""
    found = []
    for analysis in analyses:
        top = max((s.score for s in analysis.sentences), default=1.0) or 1.0
        for info in analysis.sentences:
            text = strip_dateline(info.text)
            words = len(text.split())
            if not info.figures or not MIN_FIGURE_WORDS <= words <= MAX_WORDS:
                continue
            # "Fourth quarter turnover was $44.7bn": whose? A figure names its subject.
            if not info.names:
                continue
            if mostly_quoted(text) or needs_context(text):
                continue
            candidate = candidate_for(analysis.article_id, info, text, words)
            found.append((info.score / top + FIGURE_BONUS * len(info.figures), candidate))
    return found


def figures(
    analyses: Sequence[ArticleAnalysis], limit: int, budget: int, taken: set[tuple[str, int]]
) -> list[Candidate]:
    """The sentences with the figures that matter: central in their article, several figures."""
    found = figure_candidates(analyses)
    found.sort(key=lambda sc: (-sc[0], sc[1].article_id, sc[1].info.index))
    chosen: list[Candidate] = []
    words = 0
    for _, c in found:
        if len(chosen) >= limit or (c.article_id, c.info.index) in taken:
            continue
        if chosen and words + c.words > budget:
            continue
        if any(_overlap(c, other) for other in chosen):
            continue
        chosen.append(c)
        taken.add((c.article_id, c.info.index))
        words += c.words
    return chosen


def _overlap(a: Candidate, b: Candidate) -> bool:
    return cosine(a.terms, b.terms) >= REDUNDANT


_SPACE = re.compile(r"\s+")


def _normal(text: str) -> str:
    return _SPACE.sub(" ", text.strip(" “”\"'‘’.,;:!?…").casefold())


def quotes(
    analyses: Sequence[ArticleAnalysis], prominence: dict[str, int], limit: int, budget: int
) -> list[QuoteFound]:
    """One quote per speaker, the most prominent speakers first. A quote is credited to every
    article that holds the same words from the same speaker, and to no other."""
    said: dict[tuple[str, str], tuple[str, list[str]]] = {}
    for analysis in analyses:
        # "U.S. President Donald Trump" is Donald Trump, when the article itself names him.
        own = sorted((name for name, _ in analysis.people), key=len, reverse=True)
        for quote in analysis.quotes:
            words = quote.text.split()
            if len(words) < QUOTE_MIN_WORDS:
                continue
            speaker = next((p for p in own if p in quote.speaker), quote.speaker)
            key = (speaker, _normal(quote.text))
            if key in said:
                if analysis.article_id not in said[key][1]:
                    said[key][1].append(analysis.article_id)
            else:
                said[key] = (quote.text, [analysis.article_id])
    best: dict[str, tuple[float, str, list[str]]] = {}
    for (speaker, _), (text, articles) in said.items():
        rank = prominence.get(speaker, 0) + 0.1 * len(articles)
        if speaker not in best or rank > best[speaker][0]:
            best[speaker] = (rank, text, articles)
    chosen: list[QuoteFound] = []
    used = 0
    for speaker, (_, text, articles) in sorted(best.items(), key=lambda kv: (-kv[1][0], kv[0])):
        words_in = text.split()
        if len(words_in) > QUOTE_MAX_WORDS:
            continue  # a long quote cut short would no longer be the speaker's words
        size = len(words_in) + len(speaker.split())
        if len(chosen) >= limit or (chosen and used + size > budget):
            continue
        chosen.append(QuoteFound(text, speaker, tuple(articles)))
        used += size
    return chosen


def names(
    profiles: ProfileTable,
    pick: str,
    limit: int,
    aliases: Mapping[str, str] | None = None,
    outlets: Collection[str] = (),
) -> list[tuple[str, int, int]]:
    """(name, articles, mentions) of the most mentioned people or organisations, each under
    the one name the library uses for it (`aliases`), news outlets left out: the names in more
    than one article first, when there is more than one article."""
    import numpy as np

    aliases = aliases or {}
    outlets = set(outlets)
    column = profiles.people if pick == "people" else profiles.organisations
    # Each name of the library as the library writes it (-1: an outlet), then each article's
    # names counted once under that name.
    written: dict[str, int] = {}
    renumbered = np.array(
        [
            -1
            if is_outlet(name := aliases.get(n, n), outlets)
            else written.setdefault(name, len(written))
            for n in profiles.names
        ],
        dtype=np.int64,
    )
    keys = renumbered[column.keys] if len(column.keys) else column.keys
    kept = keys >= 0
    width = max(1, len(written))
    cells, in_cell = summed_by(column.rows()[kept] * width + keys[kept], column.values[kept])
    counted = np.bincount(cells % width, minlength=width)
    summed = np.bincount(cells % width, weights=in_cell, minlength=width)
    spelt, counts, sums = list(written), counted.tolist(), summed.tolist()
    present = np.flatnonzero(counted).tolist()
    articles = {spelt[k]: counts[k] for k in present}
    mentions = {spelt[k]: round(sums[k]) for k in present}
    # A surname the library could not join to one person ("Clinton" beside Bill and Hillary)
    # is not listed as a person of its own beside them.
    surnames = {n.split()[-1] for n in articles if " " in n}
    if pick == "people":
        for name in [n for n in articles if " " not in n and n in surnames]:
            del articles[name], mentions[name]
    ranked = sorted(articles, key=lambda n: (-articles[n], -mentions[n], n))
    if len(profiles) > 1:
        ranked = [n for n in ranked if articles[n] > 1] or ranked
    return [(n, articles[n], mentions[n]) for n in ranked[:limit]]


# Two reports further apart than this may name two holders of one office, one after the other.
SAME_TIME_DAYS = 90


def disagreements(
    analyses: Sequence[ArticleAnalysis],
    aliases: Mapping[str, str] | None = None,
    dates: Mapping[str, str | None] | None = None,
) -> list[Claim]:
    """Within one story: different articles naming different people as holder of the same
    office of the same country or body, at the same time. Precision before recall, so never:
    an office whose country is not known (from the words before the title, or the one country
    the article is about); two people one article names with the title (two holders, not a
    clash); a past, future or stand-in holder ("former", "then-", "acting"); two spellings of
    one name (`aliases`); reports months apart (`dates`, when both are dated)."""
    aliases = aliases or {}
    dates = dates or {}
    said: dict[tuple[str, str], dict[str, dict[str, str | None]]] = defaultdict(
        lambda: defaultdict(dict)
    )
    stated = _stated_countries(analyses, aliases)
    for analysis in analyses:
        for info in analysis.roles:
            person = aliases.get(info.person, info.person)
            country = info.country or _implied_country(info, person, analysis, stated)
            if info.tenure or not country:
                continue
            where = said[(info.role, country)][person]
            sentence = None
            if info.sentence is not None and info.sentence < len(analysis.sentences):
                sentence = strip_dateline(analysis.sentences[info.sentence].text)
            where.setdefault(analysis.article_id, sentence)
    found = []
    for (role, country), people in sorted(said.items()):
        clashing: set[str] = set()
        everyone = sorted(people)
        for x, a in enumerate(everyone):
            for b in everyone[x + 1 :]:
                if people[a].keys() & people[b].keys():
                    continue  # one article names both: two holders (a coalition, a handover)
                if _apart(people[a], people[b], dates):
                    continue
                clashing |= {a, b}
        if clashing:
            who = tuple((p, tuple(sorted(people[p].items()))) for p in sorted(clashing))
            found.append(Claim(role, country, who))
    return found


def _stated_countries(
    analyses: Sequence[ArticleAnalysis], aliases: Mapping[str, str]
) -> dict[tuple[str, str], set[str]]:
    """(office, person) -> the countries the story's articles say the office is of, where the
    words before the title say so ("Canadian Prime Minister Mark Carney"); and (office, "")
    -> every country any article names it for."""
    stated: dict[tuple[str, str], set[str]] = defaultdict(set)
    for analysis in analyses:
        for info in analysis.roles:
            if info.country:
                stated[(info.role, aliases.get(info.person, info.person))].add(info.country)
                stated[(info.role, "")].add(info.country)
    return stated


def _implied_country(
    info: RoleInfo,
    person: str,
    analysis: ArticleAnalysis,
    stated: Mapping[tuple[str, str], set[str]],
) -> str | None:
    """Whose office an unqualified title is ("Prime Minister Justin Trudeau"), only where the
    story leaves one answer: the country other articles give this person's office; else the one
    country the story's articles ever give the office, when the sentence itself names that
    country and no other, and the article is about no other country (by its dateline or what it
    mostly names). Otherwise unknown."""
    own = stated.get((info.role, person), set())
    if len(own) == 1:
        return next(iter(own))
    if own:
        return None
    story = stated.get((info.role, ""), set())
    if len(story) != 1:
        return None
    (country,) = story
    if info.nearby == (country,) and analysis.country in (None, country):
        return country
    return None


def _apart(
    first: Mapping[str, str | None],
    second: Mapping[str, str | None],
    dates: Mapping[str, str | None],
) -> bool:
    """Whether every report of one is months from every report of the other."""
    import datetime

    def days(ids: Iterable[str]) -> list[datetime.date]:
        found = []
        for article_id in ids:
            with contextlib.suppress(ValueError, TypeError):
                found.append(datetime.date.fromisoformat(str(dates.get(article_id))[:10]))
        return found

    a, b = days(first), days(second)
    if not a or not b:
        return False
    return min(abs((x - y).days) for x in a for y in b) > SAME_TIME_DAYS
