"""A story's points: chosen across its articles, each cited only to the articles that say it.

Choosing. A point is a whole sentence of one article that stands on its own: it may not open
with a reference the page has not given ("It", "He", "However,", "The company ..."), nor point
back to one further on ("... is central to that strategy"). What
several of the story's reports say is what matters: the word pairs ("concepts", after Gillick
and Favre) that at least MIN_DF of the story's articles use (CONCEPT_SHARE of a small story),
each worth the number of articles that use it. The points are the sentences that together
cover the most concept weight within the word budget, found exactly as an integer programme
(HiGHS through scipy, ILP_SECONDS a story at most); a concept counts once, so a point that
repeats one already chosen gains nothing (and a near-copy is refused outright). When the
programme cannot run or finds nothing, and for a story told by one article (no shared
concepts), the greedy ranking decides: concept weight over length, with a pull toward the lead.

Citing. A point cites the article it comes from, and another article only when that article
holds a sentence with every number the point has and most of its content words. A story's
other articles are listed as covering the story, never as saying the sentence.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from summarise.language.datelines import strip_dateline
from summarise.language.function_words import FUNCTION_WORDS
from summarise.language.text import stem, stop_words
from summarise.library.analysis import ArticleAnalysis, SentenceInfo

# A point is a full sentence that can be read at a glance.
MIN_WORDS, MAX_WORDS = 8, 50
# Each article offers its best sentences and its lead; enough for any story's points.
PER_ARTICLE = 5
LEAD = 3
# A story's points are chosen from this many of its articles (the most central ones first):
# a story of thousands of reports costs what one of sixty does.
STORY_ARTICLES = 60
# Another article says the point when one of its sentences holds every number of the point, at
# least this share of its content words (the attribution check asks for half), and at least
# SUPPORT_WEIGHT of their weight, each word weighted by how rare it is in the story: words every
# report of the story uses ("Yukos", "court") cannot carry a claim alone ("Analysts are not
# optimistic about Yukos' chances in court"). It must also agree on direction and negation:
# "approvals have risen" is never supported by "approvals have fallen".
SUPPORT_SHARE = 0.6
SUPPORT_WEIGHT = 0.7
# Two points at or above this term overlap (cosine) say the same thing.
REDUNDANT = 0.5
# Tuned on the DUC 2003 clusters kept for tuning, a-e (bench/briefing_quality.py): a concept
# counts when this share of the story's articles use it (at least two), sentences are divided
# by their length to this power, and the lead pulls with this power of the position.
SHARED_BY = 0.4
LENGTH_POWER = 0.9
POSITION_WEIGHT = 1.0
# The first points of a story are the best summary of this many words on their own (the length
# of the DUC summaries people wrote); the rest of the story's budget follows them.
TOP_WORDS = 100
# A concept counts when at least this many of the story's articles use it (ICSI's choice for
# clusters of ten), or CONCEPT_SHARE of a smaller story's, and never fewer than two.
MIN_DF = 3
CONCEPT_SHARE = 0.3
# The solver's time for one story; past it the greedy choice is used.
ILP_SECONDS = 2.0
# In an update briefing a sentence repeats what the reader knew when this share of its pairs
# of adjacent content words are in one sentence of an article read before: the measure of a
# repeat the issue tracker and bench/update_briefings.py use.
REPEATS = 0.3

# Openings that point at something the reader of a briefing has not been given.
DANGLING = frozenset(
    """
    it its it's he she they them their theirs his her hers him we our us this these those that
    such both another other others either neither one ones here there then thus therefore
    however but and or nor so yet also still meanwhile separately moreover furthermore instead
    nevertheless nonetheless later earlier afterwards similarly likewise additionally
    otherwise besides indeed even further finally first second third next last
    """.split()
)
DANGLING_PHRASES = (
    "in addition",
    "as a result",
    "on the other hand",
    "at the same time",
    "by contrast",
    "in contrast",
    "after that",
    "despite this",
    "because of this",
    "for its part",
    "for their part",
    "in that case",
    "as well",
)
# "The company said..." refers back; "The Bank of England said..." does not.
GENERIC_NOUNS = frozenset(
    """
    company companies firm firms group groups bank banks business businesses carrier airline
    retailer maker makers brand chain network operator agency agencies body move moves deal
    deals decision decisions plan plans proposal proposals report reports study studies survey
    surveys research researchers scientists team teams club clubs side player players band
    singer actor actress film films show series album book court judge jury case cases bill
    law measure rule rules official officials spokesman spokeswoman spokesperson minister
    ministers president chairman chairwoman chief executive executives boss director
    government governments authorities country countries city region state states island
    party parties union unions talks meeting summit event events project scheme system
    product products service services device devices technology game games match matches
    victim victims suspect suspects man woman men women boy girl couple family patients
    children people police army troops rebels campaign offer bid sale sales figures rise fall
    increase cut cuts changes change problem problems issue issues incident attack attacks
    crash accident disease virus drug drugs treatment board boards committee panel
    commission council ministry department administration organisation organization institute
    university school hospital newspaper station plant factory mine museum agreement accord
    treaty contract pact scandal investigation inquiry probe trial lawsuit vote election
    """.split()
)
_WORD = re.compile(r"[\w’'-]+")
_NUMBER = re.compile(r"\d++(?:[.,]\d++)*+")
_QUOTED = re.compile(r"[\"“][^\"“”]*[\"”]")


_COUNTED = frozenset("two three four five six seven eight nine ten several both".split())


def needs_context(text: str) -> bool:
    """Whether a sentence cannot be read alone: it opens or points back to what came before,
    or it is the middle or end of a quotation another sentence opened."""
    return opens_dangling(text) or points_back(text) or inside_a_quote(text)


def inside_a_quote(text: str) -> bool:
    """'People still have an opportunity to express their view,” the governor said.': a
    closing quotation mark before any opening one means the quote began a sentence earlier,
    and whoever speaks in it is not this sentence's to say."""
    closing, opening = text.find("”"), text.find("“")
    if closing >= 0 and (opening < 0 or closing < opening):
        return True
    return text.count('"') % 2 == 1 and not text.lstrip().startswith('"')


def opens_dangling(text: str) -> bool:
    """Whether a sentence opens with a reference the reader has not been given."""
    body = strip_dateline(text).lstrip("\"“‘'([ ")
    words = _WORD.findall(body[:80])
    if not words or not (body[:1].isupper() or body[:1].isdigit()):
        return True
    first = words[0].lower().strip("’'")
    if first in DANGLING:
        return True
    opening = " ".join(w.lower() for w in words[:4])
    if any(opening.startswith(phrase) for phrase in DANGLING_PHRASES):
        return True
    if first == "the" and len(words) > 1 and words[1][:1].islower():
        second = words[1].lower().strip("’'")
        # "The company said", "The two leaders met": back to someone named before.
        return second.removesuffix("’s").removesuffix("'s") in GENERIC_NOUNS or (second in _COUNTED)
    return False


# A demonstrative before a noun inside a sentence: "these measures", "central to that
# strategy". "that" counts only after a preposition, where it cannot be "said that ...". Before
# a verb ("... and this could help") it is the sentence's own clause, and "those" is mostly
# "those who", "those affected": neither counts.
_DEMONSTRATIVE = re.compile(
    r"\b(?:this|these|such(?!\s+as\b)|(?:to|of|in|on|for|with|by|from|at|about|despite|under)"
    r" that)\s+([a-z][\w’'-]*)"
)
# "this week", "this year's": the article's own time, which its date gives.
_TIMES = frozenset(
    """
    week weekend year month morning afternoon evening night season spring summer autumn winter
    decade century quarter time
    """.split()
)


# Function words leave out modal verbs (they help the summary ranker); here they are grammar.
_NOT_NOUNS = FUNCTION_WORDS | frozenset("could would may might must shall also".split())


def points_back(text: str) -> bool:
    """Whether a sentence refers, past its opening, to a thing it has not named itself."""
    for word in _DEMONSTRATIVE.findall(text):
        word = word.removesuffix("’s").removesuffix("'s")
        if word not in _TIMES and word not in _NOT_NOUNS:
            return True
    return False


def numbers(text: str) -> frozenset[str]:
    """The numbers a sentence states, as written without thousands separators."""
    return frozenset(n.replace(",", "") for n in _NUMBER.findall(text))


def mostly_quoted(text: str) -> bool:
    return sum(len(m) for m in _QUOTED.findall(text)) > len(text) / 2


@dataclass(slots=True)
class Candidate:
    article_id: str
    info: SentenceInfo
    text: str  # the sentence, any dateline before it removed
    terms: frozenset[str]
    concepts: frozenset[tuple[str, str]]
    words: int
    position: int  # the sentence's place in its article


_TOKEN = re.compile(r"[A-Za-z0-9]+(?:['’][a-z]+)?")


def concepts(text: str) -> frozenset[tuple[str, str]]:
    """The sentence's pairs of adjacent stemmed words, but for pairs of two stop words."""
    stops = stop_words()
    words = [stem(w) for w in _TOKEN.findall(text.lower())]
    return frozenset((a, b) for a, b in pairwise(words) if not (a in stops and b in stops))


def content_pairs(text: str) -> frozenset[tuple[str, str]]:
    """Pairs of adjacent content words (stop words taken out first), stemmed."""
    stops = stop_words()
    words = [stem(w) for w in _TOKEN.findall(text.lower()) if w not in stops]
    return frozenset(pairwise(words))


class Background:
    """What the reader of an update briefing already knows: the sentences of the articles
    they have read, indexed by their pairs of adjacent content words."""

    def __init__(self, analyses: Sequence[ArticleAnalysis]) -> None:
        self._pairs: dict[tuple[str, str], list[int]] = defaultdict(list)
        sentence = 0
        for analysis in analyses:
            for info in analysis.sentences:
                for k in content_pairs(strip_dateline(info.text)):
                    self._pairs[k].append(sentence)
                sentence += 1

    def repeats(self, text: str) -> bool:
        """Whether REPEATS or more of a sentence's content word pairs are in one sentence the
        reader has read. (Pairs with a stop word, "the river", would make any sentence about
        the same place a repeat: "the flood wall gave way" is news after "the river rose".)"""
        pairs = content_pairs(text)
        if not pairs:
            return False
        hits: dict[int, int] = defaultdict(int)
        for k in pairs:
            for sentence in self._pairs.get(k, ()):
                hits[sentence] += 1
        return bool(hits) and max(hits.values()) >= REPEATS * len(pairs)


def candidates(analyses: Sequence[ArticleAnalysis]) -> list[Candidate]:
    """Each article's lead and best sentences that could stand alone as points."""
    found = []
    for analysis in analyses:
        best = sorted(analysis.sentences, key=lambda s: (-s.score, s.index))[:PER_ARTICLE]
        chosen = {s.index: s for s in (*analysis.sentences[:LEAD], *best)}
        for info in sorted(chosen.values(), key=lambda s: s.index):
            text = strip_dateline(info.text)
            words = len(text.split())
            if not MIN_WORDS <= words <= MAX_WORDS or not info.terms:
                continue
            if text.endswith("?") or mostly_quoted(text) or needs_context(text):
                continue
            found.append(candidate_for(analysis.article_id, info, text, words))
    return found


def candidate_for(article_id: str, info: SentenceInfo, text: str, words: int) -> Candidate:
    return Candidate(
        article_id, info, text, frozenset(info.terms), concepts(text), words, info.index
    )


def cosine(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / math.sqrt(len(a) * len(b))


def concept_weights(analyses: Sequence[ArticleAnalysis]) -> dict[tuple[str, str], float]:
    """Each bigram concept -> how many of the story's articles use it, for the concepts enough
    of them use (MIN_DF, or CONCEPT_SHARE of a small story, at least two)."""
    df: dict[tuple[str, str], int] = defaultdict(int)
    for analysis in analyses:
        seen: set[tuple[str, str]] = set()
        for info in analysis.sentences:
            seen |= concepts(strip_dateline(info.text))
        for concept in seen:
            df[concept] += 1
    enough = max(2, min(MIN_DF, math.ceil(CONCEPT_SHARE * len(analyses))))
    return {k: float(n) for k, n in df.items() if n >= enough}


def select_by_concepts(
    found: Sequence[Candidate],
    weights: dict[tuple[str, str], float],
    limit: int,
    budget: int,
    seconds: float = ILP_SECONDS,
) -> list[Candidate] | None:
    """The points that together cover the most weight of the story's concepts in `budget`
    words (Gillick and Favre's ICSI summariser): an exact integer programme (HiGHS, through
    scipy), a concept counting once however many points hold it, so saying a thing twice
    gains nothing. None when the solver finds no answer within `seconds`."""
    import numpy as np
    from scipy.optimize import Bounds, LinearConstraint, milp
    from scipy.sparse import lil_matrix

    pool = [c for c in found if c.concepts & weights.keys()]
    if not pool:
        return []
    wanted = sorted({k for c in pool for k in c.concepts if k in weights})
    index = {k: i for i, k in enumerate(wanted)}
    n, m = len(pool), len(wanted)
    # Objective: concept weight; a thousandth for an earlier place in the article breaks ties
    # the same way every time.
    cost = np.concatenate(
        (
            [-1e-3 / (1 + c.position) for c in pool],
            [-float(weights[k]) for k in wanted],
        )
    )
    redundant = [
        (a, b)
        for a in range(n)
        for b in range(a + 1, n)
        if cosine(pool[a].terms, pool[b].terms) >= REDUNDANT
    ]
    rows = lil_matrix((2 + m + len(redundant), n + m))
    for j, c in enumerate(pool):
        rows[0, j] = c.words
        rows[1, j] = 1
        for k in c.concepts:
            if k in index:
                rows[2 + index[k], j] = -1
    for i in range(m):
        rows[2 + i, n + i] = 1
    for r, (a, b) in enumerate(redundant):
        rows[2 + m + r, a] = rows[2 + m + r, b] = 1
    upper = np.concatenate(([budget, limit], np.zeros(m), np.ones(len(redundant))))
    result = milp(
        cost,
        constraints=LinearConstraint(rows.tocsr(), -np.inf, upper),
        integrality=np.ones(n + m),
        bounds=Bounds(0, 1),
        options={"time_limit": seconds},
    )
    if result.x is None:
        return None
    return [c for j, c in enumerate(pool) if result.x[j] > 0.5]


def select(
    found: Sequence[Candidate],
    analyses: Sequence[ArticleAnalysis],
    limit: int,
    budget: int,
    taken: set[tuple[str, int]],
    background: Background | None = None,
) -> list[Candidate]:
    """Up to `limit` points in about `budget` words. Across several articles, by concept
    coverage (select_by_concepts): first the best TOP_WORDS, then the best rest of the budget
    given what those cover, so the top of the list is itself the best short summary; each
    part in the order of its articles' dates and places. One article alone: by its ranking.
    With a background (an update briefing), a sentence that repeats it is never a point. (Its
    concepts still count: counting them for nothing as well cost 0.4-1.0 ROUGE-2 on the DUC
    sets split by date, bench/update_briefings.py, and repeated no fewer sentences.)"""
    pool = [c for c in found if (c.article_id, c.info.index) not in taken]
    if background is not None:
        pool = [c for c in pool if not background.repeats(c.text)]
    if len(analyses) > 1:
        weights = concept_weights(analyses)
        first = select_by_concepts(pool, weights, limit, min(budget, TOP_WORDS))
        if first:
            covered = {k for c in first for k in c.concepts}
            rest_pool = [c for c in pool if c not in first]
            left = {k: w for k, w in weights.items() if k not in covered}
            spent = sum(c.words for c in first)
            rest = (
                select_by_concepts(rest_pool, left, limit - len(first), budget - spent)
                if budget > spent and len(first) < limit
                else []
            )
            chosen = [*_in_order(first, analyses), *_in_order(rest or [], analyses)]
            chosen = [
                c
                for c in chosen
                if not any(cosine(c.terms, o.terms) >= REDUNDANT for o in chosen[: chosen.index(c)])
            ]
            taken.update((c.article_id, c.info.index) for c in chosen)
            return chosen
    return _greedy(pool, analyses, limit, budget, taken)


def _in_order(chosen: Sequence[Candidate], analyses: Sequence[ArticleAnalysis]) -> list[Candidate]:
    """Points by their article's place in the story (oldest first) and their place in it."""
    place = {a.article_id: i for i, a in enumerate(analyses)}
    return sorted(chosen, key=lambda c: (place.get(c.article_id, 0), c.position))


def _greedy(
    pool: Sequence[Candidate],
    analyses: Sequence[ArticleAnalysis],
    limit: int,
    budget: int,
    taken: set[tuple[str, int]],
) -> list[Candidate]:
    """Greedy coverage, for one article (by its ranking) or when the solver gives no answer."""
    df: dict[tuple[str, str], int] = defaultdict(int)
    for analysis in analyses:
        seen: set[tuple[str, str]] = set()
        for info in analysis.sentences:
            seen |= concepts(strip_dateline(info.text))
        for concept in seen:
            df[concept] += 1
    shared = len(analyses) > 1
    enough = max(2, round(SHARED_BY * len(analyses)))
    top_score = {a.article_id: max((s.score for s in a.sentences), default=1.0) for a in analyses}

    def value(c: Candidate, covered: set[tuple[str, str]]) -> float:
        if shared:
            gain = float(sum(df[k] for k in c.concepts - covered if df[k] >= enough))
        else:
            gain = 10.0 * c.info.score / (top_score[c.article_id] or 1.0)
        lead = 1.0 / (1.0 + c.position) ** POSITION_WEIGHT
        return float((gain + lead) / c.words**LENGTH_POWER)

    chosen: list[Candidate] = []
    covered: set[tuple[str, str]] = set()
    words = 0
    pool = list(pool)
    while pool and len(chosen) < limit:
        best = max(pool, key=lambda c: (value(c, covered), -c.position, c.article_id))
        pool.remove(best)
        if chosen and words + best.words > budget:
            continue
        if any(cosine(best.terms, c.terms) >= REDUNDANT for c in chosen):
            continue
        chosen.append(best)
        covered |= best.concepts
        words += best.words
        taken.add((best.article_id, best.info.index))
    return chosen


# Words that give a claim its direction, and words that negate it, as written (stems would
# join "rose" and "rise" to nothing and "fallen" to "fallen").
RISING = frozenset(
    """
    rise rises rising rose risen up increase increases increased increasing gain gains gained
    grow grows grew grown growing growth climb climbs climbed jump jumps jumped surge surges
    surged higher highest boost boosted soar soared rebound rebounded rally rallied record win
    wins won beat profit profits
    """.split()
)
FALLING = frozenset(
    """
    fall falls falling fell fallen down decrease decreases decreased decreasing decline
    declines declined declining drop drops dropped dropping lose loses lost losing loss losses
    cut cuts shrink shrank shrunk slump slumped lower lowest dip dipped plunge plunged slide
    slid tumble tumbled sink sank slow slowed slowing weaker weak defeat defeated
    """.split()
)
NEGATIONS = frozenset("not no never none nothing nobody neither nor without cannot".split())
_LOWER_WORD = re.compile(r"[a-z]+(?:['’]t)?")


def stance(text: str) -> tuple[bool, bool, bool]:
    """Whether a sentence speaks of a rise, of a fall, and whether it negates."""
    words = set(_LOWER_WORD.findall(text.lower()))
    negated = bool(words & NEGATIONS) or any(w.endswith(("n't", "n’t")) for w in words)
    return bool(words & RISING), bool(words & FALLING), negated


def supporters(point: Candidate, analyses: Sequence[ArticleAnalysis]) -> list[tuple[str, int]]:
    """(article id, sentence index) of the sentence in each other article that says the point:
    every number of the point, at least SUPPORT_SHARE of its content words and SUPPORT_WEIGHT
    of their rarity in the story, and the same stance (rise, fall, negation)."""
    wanted = numbers(point.text)
    need = math.ceil(SUPPORT_SHARE * len(point.terms))
    # Each sentence's share of the point's words, found once: it gives both how many of the
    # story's reports use each word and which sentences could say the point.
    shares = [[point.terms.intersection(i.terms) for i in a.sentences] for a in analyses]
    used_by = dict.fromkeys(point.terms, 0)
    for shared_by_sentence in shares:
        for term in frozenset().union(*shared_by_sentence):
            used_by[term] += 1
    reports = max(len(analyses), 1)
    weight = {t: math.log((reports + 1) / (n + 0.5)) + 0.05 for t, n in used_by.items()}
    total = sum(weight.values()) or 1.0
    own = stance(point.text)
    found = []
    for analysis, shared_by_sentence in zip(analyses, shares, strict=True):
        if analysis.article_id == point.article_id:
            continue
        for info, shared in zip(analysis.sentences, shared_by_sentence, strict=True):
            if (
                len(shared) >= need
                and sum(weight[t] for t in shared) >= SUPPORT_WEIGHT * total
                and wanted <= numbers(info.text)
                and stance(info.text) == own
            ):
                found.append((analysis.article_id, info.index))
                break
    return found
