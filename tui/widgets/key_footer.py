"""The footer: the keys that matter in the focused pane, as many as fit the width.

What each pane shows comes from the table of actions; a key the app cannot run right now
(no search hits to step through) is left out, and the rest are dropped from the least
important end until the line fits. Help and quit are always last and always shown.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from textual.content import Content
from textual.widgets import Static

from tui.actions import Action, in_footer, shown_key
from tui.untrusted import untrusted

GAP = "  "
ALWAYS = ("help", "quit")


class KeyFooter(Static):
    DEFAULT_CSS = """
    KeyFooter {
        height: 1;
        background: $footer-background;
        color: $footer-foreground;
        padding: 0 1;
    }
    """

    def __init__(
        self, pane: str = "list", always: tuple[str, ...] = ALWAYS, **kwargs: object
    ) -> None:
        super().__init__("", **kwargs)  # type: ignore[arg-type]
        self.pane = pane
        self.always = always
        self.keymap: dict[str, str] = {}
        self.available: Callable[[Action], bool] = lambda _: True

    def show_pane(
        self,
        pane: str,
        keymap: Mapping[str, str] | None = None,
        available: Callable[[Action], bool] | None = None,
    ) -> None:
        self.pane = pane
        if keymap is not None:
            self.keymap = dict(keymap)
        if available is not None:
            self.available = available
        self._draw()

    def on_resize(self) -> None:
        self._draw()

    def _item(self, action: Action) -> Content:
        key = shown_key(action, self.keymap.get(action.id))
        return Content.assemble((key, "bold $footer-key-foreground"), " ", untrusted(action.label))

    def _draw(self) -> None:
        actions = [a for a in in_footer(self.pane) if self.available(a)]
        fixed = [a for a in actions if a.id in self.always]
        optional = [a for a in actions if a.id not in self.always]
        room = max(0, self.size.width - 2) if self.size.width else 200
        while optional:
            items = [self._item(a) for a in (*optional, *fixed)]
            if sum(i.cell_length for i in items) + len(GAP) * (len(items) - 1) <= room:
                break
            optional.pop()
        self.update(Content(GAP).join(self._item(a) for a in (*optional, *fixed)))
