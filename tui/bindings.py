"""Textual bindings made from the table of keys (tui/actions.py), which stays free of Textual so
that the command line can check a keymap against it."""

from __future__ import annotations

from textual.binding import Binding

from tui.actions import owned_by

# What Textual's BINDINGS hold.
BindingList = list[Binding | tuple[str, str] | tuple[str, str, str]]


def bindings(owner: str) -> BindingList:
    """The Textual bindings of one owner, every one with its id so it can be remapped."""
    found: BindingList = [
        Binding(a.keys, a.action, a.label, show=False, key_display=a.display, id=a.id)
        for a in owned_by(owner)
        # Widgets that bind a key themselves (Textual's own focus keys) need no second one,
        # and palette-only actions have no key.
        if a.keys and a.action not in ("focus_next", "focus_previous", "command_palette")
    ]
    return found
