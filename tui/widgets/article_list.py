"""The sidebar: one line pair per article with its read and bookmark marks."""

from __future__ import annotations

from contextlib import suppress

from textual.binding import Binding
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option, OptionDoesNotExist

from summarise.article import Article


def article_prompt(article: Article, read: bool, bookmarked: bool) -> Content:
    """Title on the first line, source and date (or length) on the second. Article text is
    always Content, never markup: "[Reuters]" must show as written."""
    dot = Content.styled("  ", "") if read else Content.styled("● ", "$text-accent bold")
    star = Content.styled(" ★", "$text-warning") if bookmarked else Content("")
    title = Content(article.title)
    if not read:
        title = title.stylize("bold")
    details = [article.source or "", article.date or f"{article.word_count} words"]
    second = Content("  " + " · ".join(d for d in details if d)).stylize("$text-muted")
    return Content.assemble(dot, title, star, "\n", second)


class ArticleList(OptionList):
    """An OptionList (fast for thousands of rows) with reader keys."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("g", "first", "First", show=False),
        Binding("G", "last", "Last", show=False),
    ]

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.articles: list[Article] = []

    def set_articles(
        self,
        articles: list[Article],
        read_ids: set[str],
        bookmark_ids: set[str],
        keep: str | None = None,
    ) -> None:
        """Replace the rows, keeping the highlight on article `keep` when it is still listed."""
        self.articles = articles
        self.clear_options()
        self.add_options(
            Option(article_prompt(a, a.id in read_ids, a.id in bookmark_ids), id=a.id)
            for a in articles
        )
        if articles:
            index = next((i for i, a in enumerate(articles) if a.id == keep), 0)
            self.highlighted = index

    def refresh_article(self, article: Article, read: bool, bookmarked: bool) -> None:
        # A row filtered out of the list has nothing to redraw.
        with suppress(OptionDoesNotExist):
            self.replace_option_prompt(article.id, article_prompt(article, read, bookmarked))

    def index_of(self, article_id: str) -> int | None:
        for index, article in enumerate(self.articles):
            if article.id == article_id:
                return index
        return None

    @property
    def highlighted_article(self) -> Article | None:
        if self.highlighted is None or not self.articles:
            return None
        return self.articles[self.highlighted]
