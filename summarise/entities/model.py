"""What the recogniser finds: typed mentions with canonical names, grouped into entities."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from summarise.language.text import Sentence


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

    def figures_by_sentence(self, sentences: Sequence[Sentence]) -> dict[int, list[str]]:
        """The money and percentages each sentence states, by sentence index. Each sentence
        finds its span among its block's figures by bisection: a paragraph of thousands of
        figures costs n log n, not n squared."""
        starts: dict[int, list[int]] = {}
        texts: dict[int, list[str]] = {}
        for m in self.mentions:  # in reading order: by block, then start
            if m.type in (EntityType.MONEY, EntityType.PERCENT):
                starts.setdefault(m.block, []).append(m.start)
                texts.setdefault(m.block, []).append(m.text)
        figures: dict[int, list[str]] = {}
        for s in sentences:
            if s.block in starts:
                first = bisect_left(starts[s.block], s.start)
                last = bisect_left(starts[s.block], s.end)
                if last > first:
                    figures[s.index] = texts[s.block][first:last]
        return figures
