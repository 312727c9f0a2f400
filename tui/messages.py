"""Messages any part of the reader may send the app."""

from __future__ import annotations

from textual.message import Message


class OpenArticle(Message):
    """Open this article (from the palette, a search hit, a briefing)."""

    def __init__(self, article_id: str) -> None:
        super().__init__()
        self.article_id = article_id


class Progress(Message):
    """Background work to show in the status line ("indexing 400/1,808"), or "" when done."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text
