"""Typed entity spans over an article's blocks, found by rules that need no model or download.

Figures (money, percentages, dates) come from patterns. Names come from runs of capitalised
words, typed by what surrounds them: a title ("Prime Minister", "President") or a first name
makes a person, an organisation word ("University", "Group", "Ministry") an organisation, the
gazetteer a place or a nationality. A document-level pass then lets a later "Carney" inherit
what "Mark Carney" was, so short mentions count as the same entity.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache

from summarise.article import Article, BlockKind
from summarise.gazetteer import (
    FIRST_NAMES,
    LAWS,
    NATIONALITIES,
    ORG_CUES,
    ORG_NAMES,
    PERSON_TITLES,
    PLACE_NAMES,
)


class EntityType(StrEnum):
    PERSON = "PERSON"
    ORG = "ORG"
    GPE = "GPE"
    NORP = "NORP"
    DATE = "DATE"
    MONEY = "MONEY"
    PERCENT = "PERCENT"
    LAW = "LAW"


ENTITY_LABELS = {
    EntityType.PERSON: "People",
    EntityType.ORG: "Organisations",
    EntityType.GPE: "Places",
    EntityType.NORP: "Nationalities & groups",
    EntityType.DATE: "Dates",
    EntityType.MONEY: "Money",
    EntityType.PERCENT: "Percentages",
    EntityType.LAW: "Agreements & laws",
}


@dataclass(frozen=True, slots=True)
class Mention:
    block: int
    start: int
    end: int
    type: EntityType
    name: str  # canonical: "Mark Carney" for a mention "Carney"
    text: str


@dataclass(slots=True)
class Entity:
    type: EntityType
    name: str
    mentions: list[Mention] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.mentions)


@dataclass(frozen=True, slots=True)
class ArticleEntities:
    mentions: tuple[Mention, ...]  # in reading order

    def entities(self) -> list[Entity]:
        """Grouped by (type, canonical name), most mentioned first within reading order."""
        grouped: dict[tuple[EntityType, str], Entity] = {}
        for m in self.mentions:
            grouped.setdefault((m.type, m.name), Entity(m.type, m.name)).mentions.append(m)
        return sorted(grouped.values(), key=lambda e: (-e.count, e.mentions[0].block))

    def by_type(self) -> dict[EntityType, list[Entity]]:
        result: dict[EntityType, list[Entity]] = {}
        for entity in self.entities():
            result.setdefault(entity.type, []).append(entity)
        return {t: result[t] for t in EntityType if t in result}

    def in_block(self, block: int) -> list[Mention]:
        return [m for m in self.mentions if m.block == block]


_NUM = r"\d+(?:[.,]\d+)*"
_SCALE = r"(?:\s?(?:bn|m|k|tn|billion|million|trillion|thousand)\b)?"
_MONEY = re.compile(
    rf"(?:(?:US|C|A|HK)?[$£€¥]\s?{_NUM}{_SCALE})"
    rf"|(?:\b{_NUM}\s?(?:billion|million|trillion)?\s?(?:dollars|pounds|euros|yuan|yen|rupees)\b)"
)
_NUMBER_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|"
    "forty|fifty|sixty|seventy|eighty|ninety|a hundred|one hundred"
)
_PERCENT = re.compile(
    rf"(?:\b{_NUM}(?:\s?%|\s(?:percent|per cent)\b))"
    rf"|(?:\b(?:{_NUMBER_WORDS})(?:\s(?:or|to)\s(?:{_NUMBER_WORDS}))?\s(?:percent|per cent)\b)",
    re.IGNORECASE,
)
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)"
)
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DATE = re.compile(
    rf"\b(?:{_MONTH}\s\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s\d{{4}})?"
    rf"|\d{{1,2}}\s{_MONTH}(?:\s\d{{4}})?"
    rf"|{_MONTH}\s\d{{4}}"
    rf"|(?:early|mid|late)[- ]{_MONTH}"
    rf"|{_WEEKDAY}"
    rf"|(?:the\s)?(?:19|20)\d0s"
    rf"|(?:19|20)\d\d(?:-\d\d)?"
    rf"|(?:this|last|next|earlier this|later this)\s"
    rf"(?:week|month|year|spring|summer|autumn|fall|winter)"
    rf"|(?:a|one|two|three|four|five|six|seven|eight|nine|ten|several|\d+)\s"
    rf"(?:years?|months?|weeks?|days?|decades?)\sago"
    rf"|(?:yesterday|today|tomorrow))\b"
    rf"|\b{_MONTH}(?=[\s,.])",
)

# A capitalised word: "Carney", "U.S.", "Xi", "McDonald", "O'Brien", "Chrétien", "AOL".
_CAP_WORD = r"(?:[A-Z][a-zA-Z]*\.(?:[A-Z]\.)*|[A-Z][\w'’\-]*[\w]|[A-Z])"
# "and" is left out: "Mark Carney and Xi Jinping" is two names, not one.
_CONNECTOR = r"(?:of|the|for|de|du|da|van|von|der|al|bin)"
_NAME_RUN = re.compile(
    rf"(?<![\w’'])(?:{_CAP_WORD})(?:\s(?:{_CONNECTOR}\s)?(?:{_CAP_WORD}))*(?:['’]s)?(?![\w])"
)
_POSSESSIVE = re.compile(r"['’]s$")


@cache
def _sentence_starters() -> frozenset[str]:
    from summarise.text import stop_words

    extra = """according after although among another any as because before both but by
    despite during each either even every for from given having here however if in including
    instead it its meanwhile most much neither no nor not now on once one only other our over
    since so some still such than that the their then there these they this those though
    through to under unlike until we what when where whether which while who why with within
    without yet you""".split()
    return frozenset(w.capitalize() for w in (*stop_words(), *extra))


@dataclass(slots=True)
class _Candidate:
    block: int
    start: int
    end: int
    text: str
    type: EntityType | None = None
    name: str = ""


def _strip_leading_common(text: str, start: int, sentence_initial: bool) -> tuple[str, int]:
    """Drop a capitalised function word that only starts the sentence ("The", "However")."""
    words = text.split(" ")
    starters = _sentence_starters()
    while words and (words[0] in starters or (words[0] == "The" and len(words) > 1)):
        if len(words) > 1 and words[0] == "The" and " ".join(words[1:]) in ORG_NAMES:
            break
        start += len(words[0]) + 1
        words = words[1:]
    del sentence_initial
    return " ".join(words), start


def _classify(text: str, before: str) -> tuple[EntityType | None, str]:
    """Type a run of capitalised words from the words themselves and what precedes them."""
    words = text.split()
    if text in LAWS:
        return EntityType.LAW, text
    if text in NATIONALITIES:
        return EntityType.NORP, text
    if text in PLACE_NAMES:
        return EntityType.GPE, PLACE_NAMES[text]
    if text in ORG_NAMES:
        return EntityType.ORG, text
    if words[-1] in ORG_CUES or (len(words) > 2 and words[0] in ORG_CUES and words[1] == "of"):
        return EntityType.ORG, text
    # Titles glued to the name: "Prime Minister Mark Carney", "President Xi Jinping".
    for title in PERSON_TITLES:
        if text.startswith(title + " ") and len(text) > len(title) + 1:
            rest = text[len(title) + 1 :]
            if rest and rest not in PLACE_NAMES and rest not in NATIONALITIES:
                return EntityType.PERSON, rest
    if re.search(rf"(?:{'|'.join(map(re.escape, PERSON_TITLES))})\s*$", before):
        return EntityType.PERSON, text
    if len(words) >= 2 and words[0] in FIRST_NAMES and all(w[0].isupper() for w in words):
        return EntityType.PERSON, text
    if re.fullmatch(r"[A-Z]{2,6}", text):
        return EntityType.ORG, text
    return None, text


def _split_prefixed(text: str) -> list[tuple[int, str]]:
    """A run like "Canadian Prime Minister Mark Carney" or "U.S. President Donald Trump" holds a
    nationality or place before the title: return the pieces with their offsets."""
    for title in sorted(PERSON_TITLES, key=len, reverse=True):
        index = text.find(" " + title + " ")
        if index > 0:
            head = text[:index]
            if head in NATIONALITIES or head in PLACE_NAMES:
                return [(0, head), (index + 1, text[index + 1 :])]
    return [(0, text)]


def find_entities(article: Article) -> ArticleEntities:
    """Every entity mention in the article's blocks, typed, with canonical names."""
    figures: list[Mention] = []
    candidates: list[_Candidate] = []
    for block_index, block in enumerate(article.blocks):
        text = block.text
        taken: list[tuple[int, int]] = []
        for pattern, kind in ((_MONEY, EntityType.MONEY), (_PERCENT, EntityType.PERCENT)):
            for m in pattern.finditer(text):
                figures.append(Mention(block_index, m.start(), m.end(), kind, m.group(), m.group()))
                taken.append((m.start(), m.end()))
        for m in _DATE.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            if m.group() == "May" and not re.match(r"\s(?:\d|19|20)", text[m.end() : m.end() + 3]):
                continue  # the verb, not the month
            figures.append(
                Mention(block_index, m.start(), m.end(), EntityType.DATE, m.group(), m.group())
            )
            taken.append((m.start(), m.end()))
        for m in _NAME_RUN.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            run = _POSSESSIVE.sub("", m.group())
            prefix = text[: m.start()].rstrip()
            sentence_initial = (
                not prefix
                or prefix[-1] in '.!?"“:'
                or block.kind
                in (
                    BlockKind.HEADING,
                    BlockKind.BULLET,
                )
            )
            run, start = _strip_leading_common(run, m.start(), sentence_initial)
            if not run:
                continue
            for offset, piece in _split_prefixed(run):
                candidates.append(
                    _Candidate(block_index, start + offset, start + offset + len(piece), piece)
                )
            if block.kind is BlockKind.HEADING:
                candidates[-1].type = None

    # First pass: type what can be typed from the mention itself.
    heading_blocks = {i for i, b in enumerate(article.blocks) if b.kind is BlockKind.HEADING}
    for c in candidates:
        before = article.blocks[c.block].text[max(0, c.start - 40) : c.start]
        c.type, c.name = _classify(c.text, before)
        if c.type is EntityType.PERSON and c.block in heading_blocks:
            c.type = None  # headings are labels; a person there needs the body's word for it

    # Second pass: a later short mention inherits from a full name seen in the article.
    known_people = {c.name for c in candidates if c.type is EntityType.PERSON}
    by_surname: dict[str, Counter[str]] = {}
    for person in known_people:
        parts = person.split()
        if len(parts) >= 2:
            by_surname.setdefault(parts[-1], Counter())[person] += 1
            by_surname.setdefault(parts[0], Counter())[person] += 0
    known_orgs = {c.name for c in candidates if c.type is EntityType.ORG}
    for c in candidates:
        if c.type is not None:
            continue
        if c.text in by_surname and sum(1 for p in by_surname[c.text] if p.endswith(c.text)) == 1:
            c.type = EntityType.PERSON
            c.name = next(p for p in by_surname[c.text] if p.endswith(c.text))
        elif c.text in known_orgs:
            c.type, c.name = EntityType.ORG, c.text

    mentions = figures + [
        Mention(c.block, c.start, c.end, c.type, c.name, c.text)
        for c in candidates
        if c.type is not None
    ]
    mentions.sort(key=lambda m: (m.block, m.start))
    return ArticleEntities(tuple(mentions))
