"""The right-hand panel: the article's summary, or its entities grouped by type."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import LoadingIndicator, OptionList, Static
from textual.widgets.option_list import Option

from summarise.entities import ENTITY_LABELS, ArticleEntities, Entity
from summarise.summarisers import Summary


class EntityList(OptionList):
    """Entities by type; choosing one (enter) jumps to its next mention."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.entities: dict[str, Entity] = {}

    def set_entities(self, found: ArticleEntities) -> None:
        self.clear_options()
        self.entities = {}
        options: list[Option | None] = []
        for kind, entities in found.by_type().items():
            # The header counts names, the rows their mentions: "People (3)", "Mark Carney ×8".
            header = Content(f"{ENTITY_LABELS[kind]} ({len(entities)})").stylize(
                "bold $text-primary"
            )
            options.append(Option(header, disabled=True))
            for entity in entities:
                key = f"{kind.value}:{entity.name}"
                self.entities[key] = entity
                label = Content.assemble("  ", Content(entity.name), f"  ×{entity.count}")
                options.append(Option(label, id=key))
        if not options:
            options.append(Option(Content("No entities found"), disabled=True))
        self.add_options(options)
        self.highlighted = next((i for i, o in enumerate(self.options) if not o.disabled), None)


class PanelChanged(Message):
    """The panel opened, closed or changed mode."""


class SidePanel(Vertical):
    def compose(self) -> ComposeResult:
        yield Static("", id="panel-title")
        yield Static("", id="panel-hint")
        with VerticalScroll(id="summary-scroll"):
            yield Static("", id="summary-body")
        yield LoadingIndicator(id="panel-loading")
        yield EntityList(id="entity-list")

    @property
    def mode(self) -> str | None:
        if not self.has_class("-visible"):
            return None
        return "entities" if self.query_one(EntityList).display else "summary"

    def _set_mode(self, mode: str, loading: bool) -> None:
        self.add_class("-visible")
        self.post_message(PanelChanged())
        self.query_one("#summary-scroll").display = mode == "summary" and not loading
        self.query_one(EntityList).display = mode == "entities" and not loading
        self.query_one("#panel-loading").display = loading

    def hide(self) -> None:
        self.remove_class("-visible")
        self.post_message(PanelChanged())

    def show_summary_loading(self, method: str) -> None:
        self._set_mode("summary", loading=True)
        self.query_one("#panel-title", Static).update(Content("Summary"))
        self.query_one("#panel-hint", Static).update(Content(f"Summarising with {method}…"))

    def show_summary(self, summary: Summary) -> None:
        self._set_mode("summary", loading=False)
        kept = f"{len(summary.sentences)} of {summary.total_sentences} sentences"
        self.query_one("#panel-title", Static).update(Content(f"Summary · {summary.method}"))
        hint = f"{kept}  ·  M method  +/- length"
        self.query_one("#panel-hint", Static).update(Content(hint))
        body = Content("\n\n").join(Content("• " + s.text) for s in summary.sentences)
        self.query_one("#summary-body", Static).update(body or Content("Nothing to summarise."))

    def show_summary_error(self, message: str) -> None:
        self._set_mode("summary", loading=False)
        self.query_one("#panel-title", Static).update(Content("Summary"))
        self.query_one("#panel-hint", Static).update(Content(""))
        self.query_one("#summary-body", Static).update(Content(message))

    def show_entities_loading(self) -> None:
        self._set_mode("entities", loading=True)
        self.query_one("#panel-title", Static).update(Content("Entities"))
        self.query_one("#panel-hint", Static).update(Content("Finding entities…"))

    def show_entities(self, found: ArticleEntities) -> None:
        self._set_mode("entities", loading=False)
        self.query_one("#panel-title", Static).update(Content("Entities"))
        self.query_one("#panel-hint", Static).update(Content("enter: next mention"))
        self.query_one(EntityList).set_entities(found)
