"""A one-line prompt for the URLs of pages or feeds to add to the library."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from tui.untrusted import untrusted


class AddUrlScreen(ModalScreen[list[str] | None]):
    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel")]

    def __init__(self, folder: str) -> None:
        super().__init__()
        self.folder = folder

    def compose(self) -> ComposeResult:
        with Vertical(id="add-box"):
            yield Static(untrusted(f"Add pages or feeds to {self.folder}"), id="add-title")
            yield Input(placeholder="https://… (several: separate with spaces)", id="urls")
            yield Static(Content("enter fetches · escape cancels"), id="add-hint")

    def on_mount(self) -> None:
        self.query_one("#urls", Input).focus()

    @on(Input.Submitted, "#urls")
    def _submitted(self, event: Input.Submitted) -> None:
        urls = event.value.split()
        if urls:
            self.dismiss(urls)
