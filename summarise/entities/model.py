"""What the recogniser finds: typed mentions with canonical names, grouped into entities."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


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
