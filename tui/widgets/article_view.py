"""The main pane: the article with its structure, entity highlights and summary marks."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from pathlib import Path

from textual import work
from textual.containers import VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.style import Style
from textual.widgets import Static

from summarise.article import Article, BlockKind
from summarise.entities import ENTITY_LABELS, ArticleEntities, Entity, EntityType, Mention
from summarise.language.text import Sentence
from summarise.library.listing import Listed
from summarise.render import article_meta, copy_label
from summarise.search.index import Match
from summarise.shown import shown_blocks, shown_line
from summarise.untrusted import printable
from tui.actions import ARTICLE
from tui.bindings import bindings
from tui.colours import entity_styles
from tui.untrusted import untrusted

# Entities of recently shown articles, kept so that going back is instant.
ENTITY_CACHE_SIZE = 64
# Columns of article text at most: lines much longer than this are hard to follow back to the
# next line's start (config.toml's article_width changes it).
MEASURE = 88

_KIND_CLASS = {
    BlockKind.HEADING: "heading",
    BlockKind.PARAGRAPH: "paragraph",
    BlockKind.BULLET: "bullet",
    BlockKind.QUOTE: "quote",
}


def _marked(content: Content, style: Style, start: int, end: int) -> Content:
    """The span styled, as far as it is drawn: past a block's cut there is nothing to mark."""
    if start >= len(content):
        return content
    return content.stylize(style, start, min(end, len(content)))


class ArticleView(VerticalScroll, can_focus=True):
    """Renders one Article. Blocks are separate widgets so the view can scroll to any of them."""

    COMPONENT_CLASSES = {
        "article-view--summary",
        "article-view--search",
        "article-view--current",
    }

    BINDINGS = bindings(ARTICLE)

    class EntitiesFound(Message):
        """The shown article's entities are known (for the entities panel)."""

        def __init__(self, article_id: str, entities: ArticleEntities) -> None:
            super().__init__()
            self.article_id, self.entities = article_id, entities

    class Position(Message):
        """Where the view's cursor is: "hit 3/7", "Mark Carney: mention 2 of 8", or ""."""

        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.article: Article | None = None
        self._entity_cache: OrderedDict[str, ArticleEntities] = OrderedDict()
        self._mention_index: dict[str, int] = {}
        self.entities: ArticleEntities | None = None
        self.summary: tuple[Sentence, ...] = ()
        self.highlighting = True
        self.current: Mention | None = None
        self.search_hits: tuple[Match, ...] = ()
        self.hit_index: int | None = None
        self._block_widgets: dict[int, Static] = {}
        self._block_texts: dict[int, str] = {}  # as drawn: a pathological block is cut short
        self._legend: Static | None = None
        self.measure = MEASURE
        self._entity_theme: str | None = None
        self._entity_look: dict[EntityType, Style] = {}

    def show_message(self, text: str) -> None:
        self.article = None
        self._block_widgets = {}
        self.remove_children()
        self.mount(Static(untrusted(text), classes="empty"))

    def show_empty(self, paths: list[Path]) -> None:
        from summarise.readers import SUFFIXES

        where = ", ".join(printable(p) for p in paths) or "the sample library"
        kinds = ", ".join(sorted(SUFFIXES))
        self.show_message(
            f"No articles found in {where}.\n\nnewsbrief reads plain text, web pages, RSS and "
            f"Atom feeds, Markdown, JSON and JSON Lines ({kinds}): newsbrief read FOLDER, or a "
            "to add pages and feeds by URL."
        )

    def show(self, article: Article, copies: Sequence[Listed] = ()) -> None:
        """Display an article from the top; highlights and marks arrive separately. `copies`:
        the same story held elsewhere (another feed's copy of a wire story)."""
        self.article = article
        self.entities = None
        self.summary = ()
        self.current = None
        self.search_hits = ()
        self.hit_index = None
        self._mention_index.clear()
        self._block_widgets = {}
        self._block_texts = {}
        widgets: list[Static] = [Static(untrusted(shown_line(article.title)), classes="headline")]
        if article.dek:
            widgets.append(Static(untrusted(shown_line(article.dek)), classes="dek"))
        widgets.append(Static(untrusted(article_meta(article)), classes="meta"))
        if article.url:
            widgets.append(Static(untrusted(article.url), classes="link"))
        if copies:
            also = "; ".join(copy_label(c) for c in copies)
            widgets.append(Static(untrusted(f"Also in: {also}"), classes="copies"))
        self._legend = Static("", classes="legend")
        widgets.append(self._legend)
        shown = shown_blocks(article)
        for index, (block, text) in enumerate(zip(article.blocks, shown.blocks, strict=False)):
            widget = Static(untrusted(text), classes=_KIND_CLASS[block.kind])
            self._block_widgets[index] = widget
            self._block_texts[index] = text
            widgets.append(widget)
            if block.kind is BlockKind.QUOTE and block.speaker:
                speaker = shown_line("— " + block.speaker)
                widgets.append(Static(untrusted(speaker), classes="speaker"))
        if shown.cut:
            widgets.append(Static(untrusted(shown.cut), classes="cut"))
        if article.tags:
            widgets.append(Static(untrusted("Tags: " + ", ".join(article.tags)), classes="tags"))
        for enclosure in article.enclosures:
            label = f"Attached {enclosure.kind or 'file'}: {enclosure.url}"
            widgets.append(Static(untrusted(label), classes="enclosure"))
        for widget in widgets:  # a comfortable measure, centred when the pane is wider
            widget.styles.max_width = self.measure
        with self.app.batch_update():
            self.remove_children()
            self.mount_all(widgets)
        self.scroll_home(animate=False)
        self._restyle()
        self.post_message(self.Position(""))
        cached = self._entity_cache.get(article.id)
        if cached is not None:
            self._entity_cache.move_to_end(article.id)
            self._entities_found(article.id, cached)
        else:
            self._find_entities(article)

    @work(thread=True, exclusive=True, group="entities")
    def _find_entities(self, article: Article) -> None:
        from summarise.usecases import names_of

        found = names_of(article)
        if isinstance(found, str):  # too slow to find: said once, and the text shows plain
            self.app.call_from_thread(self.notify, found, title="Names", markup=False)
            return
        self.app.call_from_thread(self._entities_found, article.id, found)

    def _entities_found(self, article_id: str, entities: ArticleEntities) -> None:
        self._entity_cache[article_id] = entities
        while len(self._entity_cache) > ENTITY_CACHE_SIZE:
            self._entity_cache.popitem(last=False)
        if self.article is not None and self.article.id == article_id:
            self.entities = entities
            self._restyle()
            self.post_message(self.EntitiesFound(article_id, entities))

    def next_mention(self, key: str, entity: Entity) -> None:
        """Jump to the entity's next mention, round and round."""
        index = (self._mention_index.get(key, -1) + 1) % entity.count
        self._mention_index[key] = index
        self.jump_to(entity.mentions[index])
        self.post_message(self.Position(f"{entity.name}: mention {index + 1} of {entity.count}"))

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

    def step_hit(self, step: int) -> None:
        """The next (1) or previous (-1) search hit; from none, the first or the last."""
        if self.hit_index is None:
            self.jump_to_hit(0 if step > 0 else -1)
        else:
            self.jump_to_hit(self.hit_index + step)

    def jump_to_hit(self, index: int) -> None:
        """Scroll to search hit `index` and mark it as the current one."""
        if not self.search_hits:
            return
        self.hit_index = index % len(self.search_hits)
        self.post_message(self.Position(f"hit {self.hit_index + 1}/{len(self.search_hits)}"))
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
        entity = self._entity_styles()
        summary_style = self._style("article-view--summary")
        current_style = self._style("article-view--current")
        search_style = self._style("article-view--search")
        for index, widget in self._block_widgets.items():
            content = untrusted(self._block_texts[index])
            for sentence in marks.get(index, ()):
                content = _marked(content, summary_style, sentence.start, sentence.end)
            for mention in mentions.get(index, ()):
                content = _marked(content, entity[mention.type], mention.start, mention.end)
            for number, hit in enumerate(self.search_hits):
                if hit.block == index:
                    style = current_style if number == self.hit_index else search_style
                    content = _marked(content, style, hit.start, hit.end)
            if self.current is not None and self.current.block == index:
                content = _marked(content, current_style, self.current.start, self.current.end)
            widget.update(content)
        if self._legend is not None:
            self._legend.update(self._legend_content())
            self._legend.display = self.highlighting and bool(mentions)

    def _entity_styles(self) -> dict[EntityType, Style]:
        """Each entity type's highlight, readable on the current theme (colours.py)."""
        theme = self.app.theme
        if self._entity_theme != theme:
            self._entity_theme = theme
            self._entity_look = entity_styles(self.app.get_css_variables())
        return self._entity_look

    def _legend_content(self) -> Content:
        """ "Highlighted: People · Places …", each name in its colour: a key, not tabs."""
        present = {m.type for m in self.entities.mentions} if self.entities else set()
        styles = self._entity_styles()
        parts = [
            untrusted(label).stylize(styles[kind])
            for kind, label in ENTITY_LABELS.items()
            if kind in present
        ]
        return Content.assemble("Highlighted: ", Content(" · ").join(parts), "  (h hides)")

    def open_link(self) -> str:
        """Open the article's link in the browser ($BROWSER is honoured); what happened."""
        import webbrowser

        from textual.app import SuspendNotSupported

        url = self.article.url if self.article else None
        if not url or not url.lower().startswith(("http://", "https://")):
            return "This article has no web link"
        try:
            with self.app.suspend():  # a terminal browser gets the terminal while it runs
                opened = webbrowser.open(url)
        except SuspendNotSupported:
            opened = webbrowser.open(url)
        return f"Opened {url}" if opened else "No browser found: set $BROWSER"

    def copy_link(self) -> str:
        """Copy the link with OSC 52 (base64-encoded: link text cannot reach the terminal)."""
        url = self.article.url if self.article else None
        if not url:
            return "This article has no web link"
        self.app.copy_to_clipboard(url)
        return f"Copied {url}"
