"""Adding pages and feeds from the reader: the prompt, the download in a worker, the report."""

from __future__ import annotations

from pathlib import Path

from textual import work
from textual.message import Message
from textual.widget import Widget

from tui.messages import Progress


class Fetcher(Widget):
    DEFAULT_CSS = "Fetcher { display: none; }"

    class Done(Message):
        """Articles were saved into `folder`: the library should be loaded again."""

        def __init__(self, folder: Path) -> None:
            super().__init__()
            self.folder = folder

    def __init__(self, folder: Path) -> None:
        """`folder`: where added articles go."""
        super().__init__()
        self.folder = folder

    def ask(self) -> None:
        from tui.screens.add_url import AddUrlScreen

        def fetch(urls: list[str] | None) -> None:
            if urls:
                self.fetch(urls)

        self.app.push_screen(AddUrlScreen(str(self.folder)), fetch)

    def refresh_feeds(self) -> None:
        from summarise.fetch import feeds_in

        feeds = feeds_in(self.folder)
        if not feeds:
            self.notify("No feeds fetched into this library yet: add one with a", timeout=4)
            return
        self.fetch(feeds)

    @work(thread=True, exclusive=True, group="fetch")
    def fetch(self, urls: list[str]) -> None:
        from summarise.fetch import fetch

        def progress(done: int, total: int, _: object) -> None:
            self.post_message(Progress(f"fetching {done}/{total}"))

        self.post_message(Progress(f"fetching 0/{len(urls)}"))
        results = fetch(urls, self.folder, progress=progress)
        self.post_message(Progress(""))
        for result in results:
            if result.error:
                message = f"{result.url}: {result.error}"
                self.notify(message, title="Could not fetch", severity="error", markup=False)
        saved = sum(len(r.saved) for r in results)
        self.notify(f"{saved} new article(s) in {self.folder}", timeout=4, markup=False)
        if saved:
            self.post_message(self.Done(self.folder))
