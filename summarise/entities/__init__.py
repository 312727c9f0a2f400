"""Named entities, found by rules that need no model or download.

Figures (money, percentages, dates) come from patterns (figures.py). Names come from runs of
capitalised words, typed by what surrounds them (names.py): a title or a first name makes a
person, an organisation word an organisation, the word lists (gazetteer.py) a place or a
nationality. recognise.py runs the passes; a later "Carney" inherits what "Mark Carney" was.

Importing this package loads no word lists: they load on the first find_entities() call.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from summarise.entities.model import ENTITY_LABELS, ArticleEntities, Entity, EntityType, Mention

if TYPE_CHECKING:
    from summarise.article import Article

__all__ = ["ENTITY_LABELS", "ArticleEntities", "Entity", "EntityType", "Mention", "find_entities"]


def find_entities(article: Article) -> ArticleEntities:
    """Every entity mention in the article's blocks, typed, with canonical names."""
    from summarise.entities.recognise import find_entities as recognise

    return recognise(article)
