"""The help screen: every key, grouped, generated from the bindings so it never goes stale."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

# Keys that belong to widgets rather than the app, described once here for the help text.
PANE_KEYS = [
    ("j / k, ↓ / ↑", "move in the list, or scroll the article"),
    ("g / G", "first / last article, or top / bottom of the article"),
    ("space / b", "page down / up in the article"),
    ("enter", "open the highlighted article (list) or jump to the next mention (entities)"),
    ("tab / shift+tab", "move between list, article and panel"),
    ("escape", "leave the filter box; close this help"),
    ("ctrl+p", "command palette: every action, go to any article, change theme"),
    ("search: ↓ / ↑", "into the results / back; ↑ in the box recalls earlier searches"),
    ("search: ctrl+f", "show only the matching articles in the list (escape clears)"),
]


class HelpScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape,q,question_mark,f1", "dismiss", "Close help"),
    ]

    def __init__(self, app_bindings: list[Binding]) -> None:
        super().__init__()
        self.app_bindings = app_bindings

    def compose(self) -> ComposeResult:
        rows = [(b.key_display or b.key, b.description) for b in self.app_bindings]
        width = max(len(k) for k, _ in rows + PANE_KEYS) + 2
        lines = [Content("newsbrief keys").stylize("bold")]
        lines.append(Content(""))
        for key, description in [*PANE_KEYS, *rows]:
            lines.append(Content.assemble((key.ljust(width), "bold $text-accent"), description))
        with VerticalScroll():
            yield Static(Content("\n").join(lines))
            yield Static(Content("escape closes"), classes="help-title")
