"""Command palette: "go to article" over every title, fuzzy-matched."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from functools import partial

from textual.app import SystemCommand
from textual.command import DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content

from summarise.language.summarisers import METHODS
from summarise.library.listing import SORT_KEYS, Listed
from tui.actions import for_palette
from tui.messages import OpenArticle
from tui.untrusted import untrusted
from tui.widgets.article_list import ArticleList

# The palette's empty state lists this many articles; typing searches them all.
DISCOVERY_SIZE = 50


def highlight_match(matcher: Matcher, text: str) -> Content:
    """Matcher.highlight parses its argument as markup ("[AP] Acme" loses "[AP]"); article
    titles are untrusted text, so the matched letters are styled on a Content instead."""
    content = untrusted(text)
    score, offsets = matcher.fuzzy_search.match(matcher.query, text)
    if score:
        for offset in offsets:
            if not text[offset].isspace():
                content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


class ArticleCommands(Provider):
    """Every article as a palette command."""

    def _articles(self) -> Sequence[Listed]:
        found = self.app.query(ArticleList)
        return found.first().everything if found else []

    def _open(self, article_id: str) -> None:
        self.app.post_message(OpenArticle(article_id))

    async def discover(self) -> Hits:
        for article in self._articles()[:DISCOVERY_SIZE]:
            yield DiscoveryHit(
                untrusted(f"Go to: {article.title}"),
                lambda article_id=article.id: self._open(article_id),
                # Content, not a str, so the outlet is never read as markup: Textual draws either
                # (Content.from_markup), though its annotation says str.
                help=untrusted(article.source or article.id),  # type: ignore[arg-type]
            )

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for article in self._articles():
            label = f"Go to: {article.title}"
            score = matcher.match(label)
            if score > 0:
                yield Hit(
                    score,
                    highlight_match(matcher, label),
                    lambda article_id=article.id: self._open(article_id),
                    help=untrusted(article.source or article.id),  # type: ignore[arg-type]
                )


def action_commands(
    run: Callable[[str], object], sort_by: Callable[[str], None], use: Callable[[str], None]
) -> Iterable[SystemCommand]:
    """The palette's commands: every action the table offers (`run` gets its id), each sort
    and summary method."""
    for action in for_palette():
        yield SystemCommand(action.label, action.description, partial(run, action.id))
    for key in SORT_KEYS:
        yield SystemCommand(f"Sort by {key}", f"Order the list by {key}", partial(sort_by, key))
    for method in METHODS:
        yield SystemCommand(
            f"Summary method: {method}", f"Summarise with {method}", partial(use, method)
        )
