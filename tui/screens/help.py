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

from tui.actions import ACTIONS, GROUPS, HELP, Action, shown_key
from tui.bindings import bindings
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


# A column of keys needs about this many cells; a wide terminal shows the groups side by side.
COLUMN_WIDTH = 72


def _columns_for(width: int) -> int:
    return max(1, min(3, width // COLUMN_WIDTH))


def _balanced(
    groups: list[tuple[str, list[Action]]], columns: int
) -> list[list[tuple[str, list[Action]]]]:
    """The groups in order, cut into `columns` runs of about the same number of lines."""
    total = sum(len(rows) + 2 for _, rows in groups)
    found: list[list[tuple[str, list[Action]]]] = [[]]
    used = 0
    for group in groups:
        if used >= total / columns * len(found) and len(found) < columns and found[-1]:
            found.append([])
        found[-1].append(group)
        used += len(group[1]) + 2
    return found


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
        groups = [(g, [a for a in ACTIONS if a.group == g]) for g in GROUPS]
        groups = [(g, rows) for g, rows in groups if rows]
        self._columns = _columns_for(self.app.size.width)
        with Vertical(id="help-box"):
            yield Static(Content("newsbrief keys"), id="help-heading")
            yield Input(placeholder="/ filters the keys", id="help-filter")
            with HelpList(id="help-list"), Horizontal(id="help-columns"):
                for column in _balanced(groups, self._columns):
                    with Vertical(classes="help-column"):
                        for group, rows in column:
                            yield Static(untrusted(group), classes="help-group")
                            for action in rows:
                                keys = shown_key(action, self.keymap.get(action.id))
                                yield HelpRow(action, keys)
            yield Static(Content("escape closes · / filters · j k scroll"), id="help-hint")

    def on_mount(self) -> None:
        self.query_one(HelpList).focus()

    async def on_resize(self) -> None:
        if _columns_for(self.app.size.width) != self._columns:
            await self.recompose()
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
