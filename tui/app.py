"""The newsbrief reader (placeholder until the reader lands: starts, lists, quits)."""

from __future__ import annotations

from pathlib import Path

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Header, Static


class NewsbriefApp(App[None]):
    TITLE = "newsbrief"
    BINDINGS = [Binding("q", "quit", "Quit", id="quit")]

    def __init__(self, paths: list[Path] | None = None) -> None:
        super().__init__()
        self.paths = paths or []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("newsbrief", id="placeholder")
        yield Footer()
