"""The briefing screen: one page over the articles in the list, with save to a file."""

from __future__ import annotations

import datetime
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, LoadingIndicator, Markdown, Static

from summarise.analysis import AnalysisCache
from summarise.article import Article
from summarise.briefing.build import Briefing, BriefingError, build_briefing
from summarise.briefing.render import format_for, render, to_markdown, write_atomically
from tui.actions import BRIEFING, bindings


class BriefingScreen(ModalScreen[None]):
    BINDINGS = bindings(BRIEFING)

    def __init__(
        self, articles: list[Article], cache: AnalysisCache | None, save_dir: Path | None = None
    ) -> None:
        super().__init__()
        self.articles = articles
        self.cache = cache if cache is not None else AnalysisCache.default()
        self.save_dir = save_dir or Path.cwd()
        self.briefing: Briefing | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="briefing-box"):
            yield Static(Content(f"Briefing {len(self.articles)} articles…"), id="briefing-status")
            yield LoadingIndicator(id="briefing-loading")
            with VerticalScroll(id="briefing-scroll"):
                yield Markdown(id="briefing-page")
            yield Input(id="save-path", placeholder="Save as (.md, .txt, .html, .json)")

    def on_mount(self) -> None:
        self.query_one("#save-path", Input).display = False
        self.query_one("#briefing-scroll").display = False
        self.build()

    @work(thread=True, exclusive=True, group="briefing")
    def build(self) -> None:
        def progress(done: int, total: int) -> None:
            self.app.call_from_thread(self._status, f"Analysing {done}/{total} articles…")

        try:
            briefing = build_briefing(self.articles, cache=self.cache, progress=progress)
        except BriefingError as exc:
            self.app.call_from_thread(self._status, f"Nothing to brief: {exc}.")
            self.app.call_from_thread(self._loaded, None)
            return
        self.app.call_from_thread(self._loaded, briefing)

    def _status(self, text: str) -> None:
        self.query_one("#briefing-status", Static).update(Content(text))

    async def _loaded(self, briefing: Briefing | None) -> None:
        self.query_one("#briefing-loading").display = False
        if briefing is None:
            return
        self.query_one("#briefing-scroll").display = True
        # Markdown renders asynchronously; the briefing counts as shown once it has.
        await self.query_one("#briefing-page", Markdown).update(to_markdown(briefing))
        self._status(f"{briefing.body_words()} words · w saves · escape closes")
        self.query_one("#briefing-scroll").focus()
        self.briefing = briefing  # last: from here on, the page is shown and has the focus

    def action_close(self) -> None:
        field = self.query_one("#save-path", Input)
        if field.display:
            field.display = False
            self.query_one("#briefing-scroll").focus()
            return
        self.dismiss(None)

    def action_save(self) -> None:
        if self.briefing is None:
            return
        field = self.query_one("#save-path", Input)
        field.value = str(self.save_dir / f"briefing-{datetime.date.today().isoformat()}.md")
        field.display = True
        field.focus()
        field.cursor_position = len(field.value)

    @on(Input.Submitted, "#save-path")
    def _save(self, event: Input.Submitted) -> None:
        if self.briefing is None:
            return
        path = Path(event.value).expanduser()
        fmt = format_for(path)
        if fmt is None:
            self.notify("Use a name ending in .md, .txt, .html or .json", severity="error")
            return
        try:
            write_atomically(path, render(self.briefing, fmt))
        except OSError as exc:
            self.notify(f"Could not save {path}: {exc.strerror or exc}", severity="error")
            return
        event.input.display = False
        self.query_one("#briefing-scroll").focus()
        self.notify(f"Saved {path}", timeout=4)
