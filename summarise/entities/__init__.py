"""Named entities, found by rules and a small tagger that need no download.

Figures (money, percentages, dates) come from patterns (figures.py). Names come from runs of
capitalised words, typed by what surrounds them (names.py): a title or a first name makes a
person, an organisation word an organisation, the word lists (gazetteer.py) a place or a
nationality. recognise.py runs the passes; a later "Carney" inherits what "Mark Carney" was.
After the rules, an averaged perceptron (tagger.py, weights shipped in the package) adds the
people, organisations and places no rule found.

Importing this package loads no word lists: they load on the first find_entities() call.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from summarise.entities.model import ENTITY_LABELS, ArticleEntities, Entity, EntityType, Mention

if TYPE_CHECKING:
    from summarise.article import Article

__all__ = ["ENTITY_LABELS", "ArticleEntities", "Entity", "EntityType", "Mention", "find_entities"]


def find_entities(article: Article, back_off: bool = True) -> ArticleEntities:
    """Every entity mention in the article's blocks, typed, with canonical names; `back_off`
    off for the rules alone."""
    from summarise.entities.recognise import find_entities as recognise

    return recognise(article, back_off)
