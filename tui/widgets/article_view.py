"""The main pane: the article with its structure, entity highlights and summary marks."""

from __future__ import annotations

from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.style import Style
from textual.widgets import Static

from summarise.article import Article, BlockKind
from summarise.entities import ENTITY_LABELS, ArticleEntities, EntityType, Mention
from summarise.search import Match
from summarise.text import Sentence

_KIND_CLASS = {
    BlockKind.HEADING: "heading",
    BlockKind.PARAGRAPH: "paragraph",
    BlockKind.BULLET: "bullet",
    BlockKind.QUOTE: "quote",
}


class ArticleView(VerticalScroll, can_focus=True):
    """Renders one Article. Blocks are separate widgets so the view can scroll to any of them."""

    COMPONENT_CLASSES = {
        *(f"article-view--{t.value.lower()}" for t in EntityType),
        "article-view--summary",
        "article-view--search",
        "article-view--current",
    }

    BINDINGS = [
        Binding("j", "scroll_down", "Scroll down", show=False),
        Binding("k", "scroll_up", "Scroll up", show=False),
        Binding("g", "scroll_home", "Top", show=False),
        Binding("G", "scroll_end", "Bottom", show=False),
        Binding("space", "page_down", "Page down", show=False),
        Binding("b", "page_up", "Page up", show=False),
    ]

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.article: Article | None = None
        self.entities: ArticleEntities | None = None
        self.summary: tuple[Sentence, ...] = ()
        self.highlighting = True
        self.current: Mention | None = None
        self.search_hits: tuple[Match, ...] = ()
        self.hit_index: int | None = None
        self._block_widgets: dict[int, Static] = {}
        self._legend: Static | None = None

    def show_message(self, text: str) -> None:
        self.article = None
        self._block_widgets = {}
        self.remove_children()
        self.mount(Static(Content(text), classes="empty"))

    def show(self, article: Article) -> None:
        """Display an article from the top; highlights and marks arrive separately."""
        self.article = article
        self.entities = None
        self.summary = ()
        self.current = None
        self.search_hits = ()
        self.hit_index = None
        self._block_widgets = {}
        widgets: list[Static] = [Static(Content(article.title), classes="headline")]
        if article.dek:
            widgets.append(Static(Content(article.dek), classes="dek"))
        meta = [article.byline and f"By {article.byline}", article.source, article.date]
        meta_text = " · ".join([m for m in meta if m] + [f"{article.word_count} words"])
        widgets.append(Static(Content(meta_text), classes="meta"))
        self._legend = Static("", classes="legend")
        widgets.append(self._legend)
        for index, block in enumerate(article.blocks):
            widget = Static(Content(block.text), classes=_KIND_CLASS[block.kind])
            self._block_widgets[index] = widget
            widgets.append(widget)
            if block.kind is BlockKind.QUOTE and block.speaker:
                widgets.append(Static(Content("— " + block.speaker), classes="speaker"))
        if article.tags:
            widgets.append(Static(Content("Tags: " + ", ".join(article.tags)), classes="tags"))
        with self.app.batch_update():
            self.remove_children()
            self.mount_all(widgets)
        self.scroll_home(animate=False)
        self._restyle()

    def set_entities(self, entities: ArticleEntities | None) -> None:
        self.entities = entities
        self._restyle()

    def set_summary(self, sentences: tuple[Sentence, ...]) -> None:
        self.summary = sentences
        self._restyle()

    def set_highlighting(self, on: bool) -> None:
        self.highlighting = on
        self._restyle()

    def jump_to(self, mention: Mention) -> None:
        """Scroll to a mention and mark it as the current one."""
        self.current = mention
        self._restyle()
        widget = self._block_widgets.get(mention.block)
        if widget is not None:
            self.scroll_to_widget(widget, animate=False, center=True)

    def set_search_hits(self, hits: tuple[Match, ...]) -> None:
        self.search_hits = hits
        self.hit_index = None
        self._restyle()

    def jump_to_hit(self, index: int) -> None:
        """Scroll to search hit `index` and mark it as the current one."""
        if not self.search_hits:
            return
        self.hit_index = index % len(self.search_hits)
        hit = self.search_hits[self.hit_index]
        self.current = None
        self._restyle()
        widget = self._block_widgets.get(hit.block)
        if widget is not None:
            self.scroll_to_widget(widget, animate=False, center=True)

    def _style(self, name: str) -> Style:
        return Style.from_rich_style(self.get_component_rich_style(name, partial=True))

    def _restyle(self) -> None:
        article = self.article
        if article is None:
            return
        mentions: dict[int, list[Mention]] = {}
        if self.highlighting and self.entities is not None:
            for mention in self.entities.mentions:
                mentions.setdefault(mention.block, []).append(mention)
        marks: dict[int, list[Sentence]] = {}
        for sentence in self.summary:
            marks.setdefault(sentence.block, []).append(sentence)
        summary_style = self._style("article-view--summary")
        current_style = self._style("article-view--current")
        search_style = self._style("article-view--search")
        for index, widget in self._block_widgets.items():
            content = Content(article.blocks[index].text)
            for sentence in marks.get(index, ()):
                content = content.stylize(summary_style, sentence.start, sentence.end)
            for mention in mentions.get(index, ()):
                style = self._style(f"article-view--{mention.type.value.lower()}")
                content = content.stylize(style, mention.start, mention.end)
            for number, hit in enumerate(self.search_hits):
                if hit.block == index:
                    style = current_style if number == self.hit_index else search_style
                    content = content.stylize(style, hit.start, hit.end)
            if self.current is not None and self.current.block == index:
                content = content.stylize(current_style, self.current.start, self.current.end)
            widget.update(content)
        if self._legend is not None:
            self._legend.update(self._legend_content())
            self._legend.display = self.highlighting and bool(mentions)

    def _legend_content(self) -> Content:
        present = {m.type for m in self.entities.mentions} if self.entities else set()
        parts = [
            Content(label).stylize(self._style(f"article-view--{kind.value.lower()}"))
            for kind, label in ENTITY_LABELS.items()
            if kind in present
        ]
        return Content("  ").join(parts)
