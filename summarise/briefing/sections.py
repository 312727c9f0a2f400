"""The briefing's other sections: key figures, who said what, names, where sources differ.

Every section keeps to the rule of the points: an article is credited with a figure, a quote
or a claim only when its own text holds it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
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
from summarise.language.datelines import strip_dateline
from summarise.library.analysis import ArticleAnalysis, Profile

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
    """ "Sources differ on who is Prime Minister": who each group of articles names."""

    role: str
    who: tuple[tuple[str, tuple[str, ...]], ...]  # (person, the articles that name them)


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


def names(profiles: Sequence[Profile], pick: str, limit: int) -> list[tuple[str, int, int]]:
    """(name, articles, mentions) of the most mentioned people or organisations: the names
    in more than one article first, when there is more than one article."""
    articles: dict[str, int] = defaultdict(int)
    mentions: dict[str, int] = defaultdict(int)
    for profile in profiles:
        for name, count in getattr(profile, pick):
            articles[name] += 1
            mentions[name] += count
    ranked = sorted(articles, key=lambda n: (-articles[n], -mentions[n], n))
    if len(profiles) > 1:
        ranked = [n for n in ranked if articles[n] > 1] or ranked
    return [(n, articles[n], mentions[n]) for n in ranked[:limit]]


def disagreements(analyses: Sequence[ArticleAnalysis]) -> list[Claim]:
    """Within one story: the same title given to different people by different articles.
    Never two people one article names with the title (two holders, not a clash), never when
    qualifiers tell them apart ("Chinese President", "U.S. President")."""
    said: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    qualifiers: dict[tuple[str, str], set[str]] = defaultdict(set)
    for analysis in analyses:
        for info in analysis.roles:
            said[info.role][info.person].add(analysis.article_id)
            if info.qualifier:
                qualifiers[(info.role, info.person)].add(info.qualifier)
    found = []
    for role, people in sorted(said.items()):
        clashing: set[str] = set()
        everyone = sorted(people)
        for x, a in enumerate(everyone):
            for b in everyone[x + 1 :]:
                if people[a] & people[b]:
                    continue
                qa, qb = qualifiers[(role, a)], qualifiers[(role, b)]
                if qa and qb and not (qa & qb):
                    continue
                clashing |= {a, b}
        if clashing:
            who = tuple((p, tuple(sorted(people[p]))) for p in sorted(clashing))
            found.append(Claim(role, who))
    return found
