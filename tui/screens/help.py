"""The help screen: every key, grouped, generated from the table of actions.

Each row is its own pair of widgets, so a long description wraps under itself and never under
the key column. The list scrolls with the reader's keys; / filters it.
"""

from __future__ import annotations

from collections.abc import Mapping

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from tui.actions import ACTIONS, GROUPS, HELP, Action, bindings, shown_key
from tui.untrusted import untrusted


class HelpRow(Horizontal):
    def __init__(self, action: Action, keys: str) -> None:
        super().__init__(classes="help-row")
        self.action = action
        self.keys = keys
        self.words = f"{keys} {action.description} {action.group}".casefold()

    def compose(self) -> ComposeResult:
        yield Static(untrusted(self.keys), classes="help-key")
        yield Static(untrusted(self.action.description), classes="help-text")


class HelpList(VerticalScroll, can_focus=True):
    BINDINGS = [
        Binding("j,down", "scroll_down", show=False),
        Binding("k,up", "scroll_up", show=False),
        Binding("g,home", "scroll_home", show=False),
        Binding("G,end", "scroll_end", show=False),
        Binding("space,pagedown", "page_down", show=False),
        Binding("b,pageup", "page_up", show=False),
    ]


class HelpScreen(ModalScreen[None]):
    BINDINGS = [
        *bindings(HELP),
        Binding("slash", "filter", "Filter", show=False),
    ]

    def __init__(self, keymap: Mapping[str, str] | None = None) -> None:
        """`keymap`: the user's remapped keys by action id, shown instead of the defaults."""
        super().__init__()
        self.keymap = dict(keymap or {})

    def compose(self) -> ComposeResult:
        with Vertical(id="help-box"):
            yield Static(Content("newsbrief keys"), id="help-heading")
            yield Input(placeholder="/ filters the keys", id="help-filter")
            with HelpList(id="help-list"):
                for group in GROUPS:
                    rows = [a for a in ACTIONS if a.group == group]
                    if not rows:
                        continue
                    yield Static(untrusted(group), classes="help-group")
                    for action in rows:
                        yield HelpRow(action, shown_key(action, self.keymap.get(action.id)))
            yield Static(Content("escape closes · / filters · j k scroll"), id="help-hint")

    def on_mount(self) -> None:
        self.query_one(HelpList).focus()

    def action_filter(self) -> None:
        self.query_one("#help-filter", Input).focus()

    @on(Input.Changed, "#help-filter")
    def _filter(self, event: Input.Changed) -> None:
        words = event.value.casefold().split()
        for row in self.query(HelpRow):
            row.display = all(w in row.words for w in words)
        for heading in self.query(".help-group"):
            heading.display = not words

    @on(Input.Submitted, "#help-filter")
    def _filtered(self) -> None:
        self.query_one(HelpList).focus()

    def on_key(self, event: events.Key) -> None:
        field = self.query_one("#help-filter", Input)
        if event.key == "escape" and self.focused is field:
            self.query_one(HelpList).focus()
            event.stop()
