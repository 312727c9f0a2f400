"""Messages any part of the reader may send the app."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from summarise.search.index import Match


class OpenArticle(Message):
    """Open this article (from the palette, a search hit, a briefing); a search hit brings its
    matches, which are marked and the first shown, and the query that found them."""

    def __init__(
        self, article_id: str, matches: tuple[Match, ...] | None = None, query: str = ""
    ) -> None:
        super().__init__()
        self.article_id = article_id
        self.matches = matches
        self.query = query


class Progress(Message):
    """Background work to show in the status line ("indexing 400/1,808"), or "" when done."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text
