"""Command palette: "go to article" over every title, fuzzy-matched."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content

if TYPE_CHECKING:
    from tui.app import NewsbriefApp


def highlight_match(matcher: Matcher, text: str) -> Content:
    """Matcher.highlight parses its argument as markup ("[AP] Acme" loses "[AP]"); article
    titles are untrusted text, so the matched letters are styled on a Content instead."""
    content = Content(text)
    score, offsets = matcher.fuzzy_search.match(matcher.query, text)
    if score:
        for offset in offsets:
            if not text[offset].isspace():
                content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


class ArticleCommands(Provider):
    """Every article as a palette command."""

    @property
    def reader(self) -> NewsbriefApp:
        return self.app  # type: ignore[return-value]

    async def discover(self) -> Hits:
        for article in self.reader.all_articles[:50]:
            yield DiscoveryHit(
                Content(f"Go to: {article.title}"),
                partial(self.reader.open_article_by_id, article.id),
                help=Content(article.source or article.id),
            )

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for article in self.reader.all_articles:
            label = f"Go to: {article.title}"
            score = matcher.match(label)
            if score > 0:
                yield Hit(
                    score,
                    highlight_match(matcher, label),
                    partial(self.reader.open_article_by_id, article.id),
                    help=Content(article.source or article.id),
                )
