"""App-wide messages: workers report back with these."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from summarise.entities import ArticleEntities
from summarise.readers import Library
from summarise.summarisers import Summary


@dataclass
class LibraryLoaded(Message):
    library: Library


@dataclass
class EntitiesReady(Message):
    article_id: str
    entities: ArticleEntities


@dataclass
class SummaryReady(Message):
    article_id: str
    summary: Summary | None
    error: str | None = None
