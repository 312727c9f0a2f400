"""The right-hand panel: the article's summary, or its entities grouped by type.

The panel owns the summary settings (method and length) and computes summaries in its own
worker; it tells the app what it chose (to keep) and what it picked (to mark in the text).
"""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import LoadingIndicator, OptionList, Static
from textual.widgets.option_list import Option

from summarise.article import Article
from summarise.entities import ENTITY_LABELS, ArticleEntities, Entity
from summarise.language.summarisers import DEFAULT_METHOD, METHODS, Summary
from summarise.language.text import Sentence
from summarise.shown import shown_line
from tui.actions import ENTITIES
from tui.bindings import bindings
from tui.untrusted import untrusted

SUMMARY, ENTITY_MODE = "summary", "entities"


class EntityList(OptionList):
    """Entities by type; choosing one (enter) jumps to its next mention."""

    BINDINGS = bindings(ENTITIES)

    class Chosen(Message):
        def __init__(self, key: str, entity: Entity) -> None:
            super().__init__()
            self.key, self.entity = key, entity

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.entities: dict[str, Entity] = {}

    def set_entities(self, found: ArticleEntities) -> None:
        self.clear_options()
        self.entities = {}
        options: list[Option | None] = []
        for kind, entities in found.by_type().items():
            # The header counts names, the rows their mentions: "People (3)", "Mark Carney ×8".
            header = untrusted(f"{ENTITY_LABELS[kind]} ({len(entities)})").stylize(
                "bold $text-primary"
            )
            options.append(Option(header, disabled=True))
            for entity in entities:
                key = f"{kind.value}:{entity.name}"
                self.entities[key] = entity
                mentions = entity.count
                label = Content.assemble("  ", untrusted(entity.name), f"  ×{mentions}")
                options.append(Option(label, id=key))
        if not options:
            options.append(Option(Content("No entities found"), disabled=True))
        self.add_options(options)
        self.highlighted = next((i for i, o in enumerate(self.options) if not o.disabled), None)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        key = event.option.id or ""
        if key in self.entities:
            self.post_message(self.Chosen(key, self.entities[key]))


class SidePanel(Vertical):
    mode: reactive[str | None] = reactive(None, init=False)
    method: reactive[str] = reactive(DEFAULT_METHOD, init=False)
    sentences: reactive[int | None] = reactive(None, init=False)

    class Changed(Message):
        """The panel opened, closed or changed mode."""

    class SummaryShown(Message):
        """The sentences the summary picked (empty when the summary closes)."""

        def __init__(self, sentences: tuple[Sentence, ...]) -> None:
            super().__init__()
            self.sentences = sentences

    class SettingsChanged(Message):
        def __init__(self, method: str, sentences: int | None) -> None:
            super().__init__()
            self.method, self.sentences = method, sentences

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.article: Article | None = None
        self.entities: tuple[str, ArticleEntities] | None = None
        self.focus_list_when_shown = False

    def compose(self) -> ComposeResult:
        yield Static("", id="panel-title")
        yield Static("", id="panel-hint")
        with VerticalScroll(id="summary-scroll"):
            yield Static("", id="summary-body")
        yield LoadingIndicator(id="panel-loading")
        yield EntityList(id="entity-list")

    def restore(self, method: str | None, sentences: int | None) -> None:
        """The settings kept from last time, set without announcing them as changes."""
        if method in METHODS:
            self.set_reactive(SidePanel.method, method)
        self.set_reactive(SidePanel.sentences, sentences)

    # ---- what is shown ------------------------------------------------------------------

    def show_article(self, article: Article) -> None:
        self.article = article
        if self.mode == SUMMARY:
            self._summarise()
        elif self.mode == ENTITY_MODE:
            self._show_entities()

    def set_entities(self, article_id: str, entities: ArticleEntities) -> None:
        self.entities = (article_id, entities)
        if self.mode == ENTITY_MODE:
            self._show_entities()

    def toggle(self, mode: str) -> None:
        self.mode = None if self.mode == mode else mode

    def watch_mode(self, old: str | None, new: str | None) -> None:
        self.set_class(new is not None, "-visible")
        if old == SUMMARY:
            self.post_message(self.SummaryShown(()))
        if new == SUMMARY:
            self._summarise()
        elif new == ENTITY_MODE:
            self._show_entities()
        self.post_message(self.Changed())

    def _loading(self, loading: bool) -> None:
        self.query_one("#summary-scroll").display = self.mode == SUMMARY and not loading
        self.query_one(EntityList).display = self.mode == ENTITY_MODE and not loading
        self.query_one("#panel-loading").display = loading

    def _titles(self, title: str, hint: str) -> None:
        self.query_one("#panel-title", Static).update(untrusted(title))
        self.query_one("#panel-hint", Static).update(untrusted(hint))

    # ---- entities -----------------------------------------------------------------------

    def _show_entities(self) -> None:
        current = self.article.id if self.article else None
        if self.entities is None or self.entities[0] != current:
            self._titles("Entities", "Finding entities…")
            self._loading(True)
            return
        self._titles("Entities", "enter: next mention")
        entity_list = self.query_one(EntityList)
        entity_list.set_entities(self.entities[1])
        self._loading(False)
        if self.focus_list_when_shown:  # opened while the names were still being found
            self.focus_list_when_shown = False
            entity_list.focus()

    # ---- summaries ----------------------------------------------------------------------

    def cycle_method(self) -> None:
        names = list(METHODS)
        self.method = names[(names.index(self.method) + 1) % len(names)]

    def change_length(self, step: int) -> None:
        from summarise.language.summarisers import default_length
        from summarise.language.text import article_sentences

        if self.article is None:
            return
        total = len(article_sentences(self.article))
        current = self.sentences or default_length(total)
        self.sentences = max(1, min(total, current + step))

    def watch_method(self) -> None:
        self._settings_changed()

    def watch_sentences(self) -> None:
        self._settings_changed()

    def _settings_changed(self) -> None:
        self.post_message(self.SettingsChanged(self.method, self.sentences))
        if self.mode == SUMMARY:
            self._summarise()

    def _summarise(self) -> None:
        if self.article is None:
            return
        self._titles("Summary", f"Summarising with {self.method}…")
        self._loading(True)
        self._compute_summary(self.article, self.method, self.sentences)

    @work(thread=True, exclusive=True, group="summary")
    def _compute_summary(self, article: Article, method: str, sentences: int | None) -> None:
        from summarise.usecases import summary_of

        result = summary_of(article, method, sentences)
        self.app.call_from_thread(self._summary_ready, article.id, result)

    def _summary_ready(self, article_id: str, result: Summary | str) -> None:
        if self.mode != SUMMARY or self.article is None or self.article.id != article_id:
            return
        self._loading(False)
        body = self.query_one("#summary-body", Static)
        if isinstance(result, str):
            self._titles("Summary", "")
            body.update(untrusted(result))
            return
        kept = f"{len(result.sentences)} of {result.total_sentences} sentences"
        method = f"{result.method}, {result.focus}" if result.focus else result.method
        self._titles(f"Summary · {method}", f"{kept}  ·  M method  +/- length")
        text = Content("\n\n").join(untrusted("• " + shown_line(s.text)) for s in result.sentences)
        if not result.sentences:
            text = Content("Nothing to summarise.")
        body.update(text)
        self.post_message(self.SummaryShown(result.sentences))
