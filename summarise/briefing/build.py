"""One briefing across many articles: key points, figures, quotes, names, disagreements, sources.

Candidate sentences are each article's best few (by its own ranking), so the candidate set is
bounded whatever the library's size. They are ranked together on one sparse sentence graph with
a lead prior: a point several articles make is central to the graph. Selection is greedy with
redundancy removed (maximal marginal relevance): a candidate that says what a chosen point
already says adds its source to that point instead of being repeated.

Disagreements are reported only when they can be stated reliably: the same title (Prime
Minister, President, ...) given to different people by articles about the same story, never by
one article, and with no qualifier that tells them apart ("Chinese President" vs "U.S.
President").
"""

from __future__ import annotations

import dataclasses
import math
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from summarise.analysis import AnalysisCache, ArticleAnalysis, SentenceInfo, analyse_all
from summarise.article import Article
from summarise.briefing.model import (
    DEFAULT_WORDS,
    Briefing,
    BriefingError,
    Disagreement,
    Named,
    Point,
    Quote,
    SentenceRef,
    Source,
)

MIN_WORDS = 120
# Shares of the word budget; the rest is the title, scope, names and disagreements.
SHARE_POINTS, SHARE_FIGURES, SHARE_QUOTES = 0.5, 0.15, 0.15
MAX_POINTS, MAX_FIGURES, MAX_QUOTES = 12, 5, 4
MAX_PEOPLE, MAX_ORGANISATIONS = 8, 6
# Candidate sentences in all: enough for every story, bounded for a library of any size.
CANDIDATE_BUDGET = 3000
# Cosine of term sets. Measured on the seeds: pairs at 0.39-0.49 report the same fact in other
# words; pairs at 0.31-0.36 are related but different points.
SAME_POINT = 0.38  # at or above, two sentences make the same point: cite both sources once
REDUNDANT = 0.3  # at or above, a new sentence adds too little to be a point of its own
# Two articles cover one story when the names they mention overlap this much (Jaccard) and
# their three most mentioned places share at least two. On the BBC library a looser test made
# "the President" a clash between George W Bush and Ukraine's Leonid Kuchma.
SAME_STORY = 0.3
SHARED_TOP_PLACES = 2
QUOTE_MAX_WORDS = 45


def _cosine(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / math.sqrt(len(a) * len(b))


@dataclass(slots=True)
class _Candidate:
    source: int
    article_id: str
    info: SentenceInfo
    terms: frozenset[str]
    score: float = 0.0


def _candidates(analyses: Sequence[ArticleAnalysis]) -> list[_Candidate]:
    per_article = max(2, min(10, CANDIDATE_BUDGET // max(1, len(analyses))))
    found = []
    for number, analysis in enumerate(analyses, 1):
        usable = [s for s in analysis.sentences if 8 <= s.words <= 60 and s.terms]
        usable.sort(key=lambda s: (-s.score, s.index))
        for info in usable[:per_article]:
            found.append(_Candidate(number, analysis.article_id, info, frozenset(info.terms)))
    return found


def _rank(candidates: list[_Candidate]) -> None:
    from summarise.ranking import rank_sentences

    if not candidates:
        return
    # Terms in a quarter of all candidates link everything to everything: like stop words,
    # they only make the graph dense.
    if len(candidates) > 40:
        df: dict[str, int] = defaultdict(int)
        for c in candidates:
            for term in c.terms:
                df[term] += 1
        limit = len(candidates) // 4
        term_lists = [[t for t in c.info.terms if df[t] <= limit] for c in candidates]
    else:
        term_lists = [list(c.info.terms) for c in candidates]
    scores = rank_sentences(term_lists, positions=[c.info.index for c in candidates])
    for candidate, score in zip(candidates, scores, strict=True):
        candidate.score = float(score)


def _select(
    ranked: list[_Candidate],
    budget: int,
    limit: int,
    taken: set[tuple[str, int]],
    per_source: int | None = None,
) -> list[Point]:
    """Greedy selection without repetition; same-point candidates add their source. No one
    source supplies more than `per_source` points, so one long article cannot drown the rest."""
    points: list[Point] = []
    from_source: dict[int, int] = defaultdict(int)
    chosen_terms: list[frozenset[str]] = []
    words = 0
    for c in ranked:
        key = (c.article_id, c.info.index)
        if key in taken:
            continue
        similar = [(_cosine(c.terms, t), i) for i, t in enumerate(chosen_terms)]
        best, at = max(similar, default=(0.0, -1))
        if best >= SAME_POINT:
            point = points[at]
            if c.source not in point.sources:
                point.sources.append(c.source)
                point.refs.append(SentenceRef(*key))
            continue
        if best >= REDUNDANT or len(points) >= limit:
            continue
        if points and words + c.info.words > budget:
            continue
        if per_source is not None and from_source[c.source] >= per_source:
            continue
        from_source[c.source] += 1
        points.append(Point(c.info.text, [c.source], [SentenceRef(*key)], c.info.figures))
        chosen_terms.append(c.terms)
        taken.add(key)
        words += c.info.words
    for point in points:
        point.sources.sort()
    return points


def _cover_every_source(
    points: list[Point], ranked: list[_Candidate], sources: int, taken: set[tuple[str, int]]
) -> None:
    """In a briefing of a few articles, every article is heard: a source that no point cites
    adds its best sentence that says something new (as its own point: citing it on a merely
    similar point would put words in its mouth)."""
    if sources > MAX_POINTS:
        return
    cited = {n for p in points for n in p.sources}
    terms_by_ref = {(c.article_id, c.info.index): c.terms for c in ranked}
    chosen = [terms_by_ref[(p.refs[0].article_id, p.refs[0].sentence)] for p in points]
    for c in ranked:
        if c.source in cited or (c.article_id, c.info.index) in taken:
            continue
        if max((_cosine(c.terms, t) for t in chosen), default=0.0) >= REDUNDANT:
            continue  # its next-best sentence may still say something new
        points.append(
            Point(
                c.info.text, [c.source], [SentenceRef(c.article_id, c.info.index)], c.info.figures
            )
        )
        chosen.append(c.terms)
        cited.add(c.source)
        taken.add((c.article_id, c.info.index))


def _figures(
    analyses: Sequence[ArticleAnalysis], budget: int, taken: set[tuple[str, int]]
) -> list[Point]:
    candidates = []
    for number, analysis in enumerate(analyses, 1):
        top = max((s.score for s in analysis.sentences), default=1.0) or 1.0
        for info in analysis.sentences:
            if info.figures and 6 <= info.words <= 50:
                candidate = _Candidate(number, analysis.article_id, info, frozenset(info.terms))
                candidate.score = info.score / top + 0.2 * len(info.figures)
                candidates.append(candidate)
    candidates.sort(key=lambda c: (-c.score, c.source, c.info.index))
    return _select(candidates, budget, MAX_FIGURES, taken)


def _speaker(raw: str, people: Sequence[str]) -> str:
    """ "U.S. President Donald Trump" is "Donald Trump" once the library knows him."""
    return next((p for p in people if p in raw), raw)


def _quotes(
    analyses: Sequence[ArticleAnalysis], prominence: dict[str, int], budget: int
) -> list[Quote]:
    found: dict[str, tuple[float, str, list[int]]] = {}
    texts: list[tuple[frozenset[str], str]] = []
    people = sorted(prominence, key=len, reverse=True)
    for number, analysis in enumerate(analyses, 1):
        for raw in analysis.quotes:
            quote = dataclasses.replace(raw, speaker=_speaker(raw.speaker, people))
            words = quote.text.split()
            if len(words) < 6:
                continue
            text = " ".join(words[:QUOTE_MAX_WORDS]) + ("…" if len(words) > QUOTE_MAX_WORDS else "")
            terms = frozenset(w.lower().strip(".,;:!?“”\"'") for w in words)
            repeat = next((s for t, s in texts if _cosine(terms, t) >= SAME_POINT), None)
            if repeat is not None:
                if number not in found[repeat][2]:
                    found[repeat][2].append(number)
                continue
            rank = prominence.get(quote.speaker, 0) + (0.5 if quote.sentence is None else 0.0)
            if quote.speaker not in found or rank > found[quote.speaker][0]:
                found[quote.speaker] = (rank, text, [number])
                texts.append((terms, quote.speaker))
    ordered = sorted(found.items(), key=lambda item: (-item[1][0], item[0]))
    quotes, words = [], 0
    for speaker, (_, text, sources) in ordered:
        size = len(text.split()) + len(speaker.split())
        if len(quotes) >= MAX_QUOTES or (quotes and words + size > budget):
            continue
        quotes.append(Quote(text, speaker, tuple(sorted(sources))))
        words += size
    return quotes


def _names(
    analyses: Sequence[ArticleAnalysis],
    pick: Callable[[ArticleAnalysis], Sequence[tuple[str, int]]],
    limit: int,
) -> list[Named]:
    articles: dict[str, int] = defaultdict(int)
    mentions: dict[str, int] = defaultdict(int)
    for analysis in analyses:
        for name, count in pick(analysis):
            articles[name] += 1
            mentions[name] += count
    ranked = sorted(articles, key=lambda n: (-articles[n], -mentions[n], n))
    if len(analyses) > 1:
        ranked = [n for n in ranked if articles[n] > 1] or ranked
    return [Named(n, articles[n], mentions[n]) for n in ranked[:limit]]


def _story_names(analysis: ArticleAnalysis) -> frozenset[str]:
    return frozenset(analysis.places) | {name for name, _ in analysis.people}


def _disagreements(analyses: Sequence[ArticleAnalysis]) -> list[Disagreement]:
    # role -> person -> sources, and the qualifiers each person was given under it
    said: dict[str, dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))
    qualifiers: dict[tuple[str, str], set[str]] = defaultdict(set)
    for number, analysis in enumerate(analyses, 1):
        for role in analysis.roles:
            said[role.role][role.person].add(number)
            if role.qualifier:
                qualifiers[(role.role, role.person)].add(role.qualifier)
    names = [_story_names(a) for a in analyses]
    top_places = [frozenset(a.places[:3]) for a in analyses]

    def same_story(a: set[int], b: set[int]) -> bool:
        for i in a:
            for j in b:
                union = names[i - 1] | names[j - 1]
                overlap = len(names[i - 1] & names[j - 1]) / len(union) if union else 0.0
                places = len(top_places[i - 1] & top_places[j - 1])
                if overlap >= SAME_STORY and places >= SHARED_TOP_PLACES:
                    return True
        return False

    found = []
    for role, people in sorted(said.items()):
        if len(people) < 2:
            continue
        clashing: set[str] = set()
        everyone = sorted(people)
        for x, a in enumerate(everyone):
            for b in everyone[x + 1 :]:
                if people[a] & people[b]:
                    continue  # one article names both: two holders of the title, not a clash
                qa, qb = qualifiers[(role, a)], qualifiers[(role, b)]
                if qa and qb and not (qa & qb):
                    continue  # "Chinese President" and "U.S. President"
                if same_story(people[a], people[b]):
                    clashing |= {a, b}
        if clashing:
            claims = tuple(
                (p, tuple(sorted(people[p])))
                for p in sorted(clashing, key=lambda p: (min(people[p]), p))
            )
            found.append(Disagreement(role, claims))
    return found


def _scope(articles: Sequence[Article]) -> str:
    outlets = sorted({a.source for a in articles if a.source})
    unnamed = sum(1 for a in articles if not a.source)
    parts = list(outlets[:4])
    if len(outlets) > 4:
        parts.append(f"{len(outlets) - 4} more outlets")
    if unnamed:
        parts.append(f"{unnamed} without a named outlet")
    dates = sorted(a.date for a in articles if a.date)
    when = (
        (f"{dates[0]} to {dates[-1]}" if dates[0] != dates[-1] else dates[0])
        if dates
        else ("undated")
    )
    noun = "article" if len(articles) == 1 else "articles"
    return f"{len(articles)} {noun} · {', '.join(parts)} · {when}"


def build_briefing(
    articles: Sequence[Article],
    words: int = DEFAULT_WORDS,
    cache: AnalysisCache | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Briefing:
    """The briefing for these articles, in about `words` words (sources not counted)."""
    if not articles:
        raise BriefingError("no articles to brief")
    words = max(MIN_WORDS, words)
    analyses = analyse_all(articles, cache, progress)
    if not any(a.sentences for a in analyses):
        raise BriefingError("the articles have no sentences to brief")

    sources = [
        Source(n, a.id, a.title, a.source, a.byline, a.date, str(a.path) if a.path else None)
        for n, a in enumerate(articles, 1)
    ]
    candidates = _candidates(analyses)
    _rank(candidates)
    candidates.sort(key=lambda c: (-c.score, c.source, c.info.index))
    taken: set[tuple[str, int]] = set()
    per_source = max(3, math.ceil(MAX_POINTS / len(articles))) if len(articles) > 1 else None
    key_points = _select(candidates, int(words * SHARE_POINTS), MAX_POINTS, taken, per_source)
    _cover_every_source(key_points, candidates, len(articles), taken)
    key_figures = _figures(analyses, int(words * SHARE_FIGURES), taken)

    people = _names(analyses, lambda a: a.people, MAX_PEOPLE)
    prominence: dict[str, int] = defaultdict(int)
    for analysis in analyses:
        for name, _ in analysis.people:
            prominence[name] += 1
    quotes = _quotes(analyses, prominence, int(words * SHARE_QUOTES))
    organisations = _names(analyses, lambda a: a.organisations, MAX_ORGANISATIONS)

    place_counts: dict[str, int] = defaultdict(int)
    for analysis in analyses:
        for place in analysis.places:
            place_counts[place] += 1
    topics = sorted(place_counts, key=lambda p: (-place_counts[p], p))[:2]
    topics += [n.name for n in people[:1]]
    title = "Briefing: " + (", ".join(topics) if topics else articles[0].title)

    briefing = Briefing(
        title=title,
        scope=_scope(articles),
        key_points=key_points,
        key_figures=key_figures,
        quotes=quotes,
        people=people,
        organisations=organisations,
        disagreements=_disagreements(analyses),
        sources=sources,
        word_budget=words,
    )
    # The sections keep to their shares; if names and disagreements push past the budget,
    # drop the least central items until it holds.
    while briefing.body_words() > words:
        for section in (briefing.key_figures, briefing.quotes, briefing.key_points):
            if len(section) > (1 if section is briefing.key_points else 0):
                section.pop()
                break
        else:
            break
    _cite_only_what_is_used(briefing)
    return briefing


def _cite_only_what_is_used(briefing: Briefing) -> None:
    """List only the sources the page cites, numbered in the order they are first cited:
    a briefing of 1,700 articles cites a dozen, and a source list of 1,700 is not one page.
    The scope line still counts every article briefed."""
    order: list[int] = []
    for numbers in (
        *(p.sources for p in briefing.key_points),
        *(p.sources for p in briefing.key_figures),
        *(q.sources for q in briefing.quotes),
        *(numbers for d in briefing.disagreements for _, numbers in d.claims),
    ):
        for number in sorted(numbers):
            if number not in order:
                order.append(number)
    renumber = {old: new for new, old in enumerate(order, 1)}
    by_number = {s.number: s for s in briefing.sources}
    briefing.sources = [
        dataclasses.replace(by_number[old], number=new) for old, new in renumber.items()
    ]
    for point in (*briefing.key_points, *briefing.key_figures):
        point.sources = sorted(renumber[n] for n in point.sources)
    briefing.quotes = [
        dataclasses.replace(q, sources=tuple(sorted(renumber[n] for n in q.sources)))
        for q in briefing.quotes
    ]
    briefing.disagreements = [
        Disagreement(
            d.subject,
            tuple((who, tuple(sorted(renumber[n] for n in numbers))) for who, numbers in d.claims),
        )
        for d in briefing.disagreements
    ]
