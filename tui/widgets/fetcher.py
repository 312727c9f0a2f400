"""Adding URLs and refreshing feeds from the reader: the prompt, the work in a worker, the report.

A URL that is a feed is followed (and refreshed at once); any other is saved as a page. `R`
refreshes every feed; with auto refresh on, so does a timer every N minutes while the reader is
open. Progress goes to the status line, failures to one notification.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual import work
from textual.message import Message
from textual.timer import Timer
from textual.widget import Widget

from summarise.render import refresh_summary
from tui.messages import Progress

# What auto refresh cycles through, in minutes (0: off).
AUTO_REFRESH_CHOICES = (0, 15, 30, 60)


class Fetcher(Widget):
    DEFAULT_CSS = "Fetcher { display: none; }"

    class Done(Message):
        """Articles were saved into `folder`, or feeds were followed: load the library again."""

        def __init__(self, folder: Path, feeds_changed: bool = False) -> None:
            super().__init__()
            self.folder, self.feeds_changed = folder, feeds_changed

    def __init__(self, folder: Path) -> None:
        """`folder`: where added pages go (feeds go to your library)."""
        super().__init__()
        self.folder = folder
        self.every = 0  # minutes between automatic refreshes; 0: none
        self._timer: Timer | None = None

    def ask(self) -> None:
        from tui.screens.add_url import AddUrlScreen

        def add(urls: list[str] | None) -> None:
            if urls:
                self.add(urls)

        self.app.push_screen(AddUrlScreen(str(self.folder)), add)

    def refresh_every(self, minutes: int) -> None:
        self.every = minutes
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if minutes:
            self._timer = self.set_interval(minutes * 60, self.refresh_feeds)

    def _progress(self, what: str) -> Callable[[int, int], None]:
        def show(done: int, total: int) -> None:
            self.post_message(Progress(f"{what} {done}/{total}" if done < total else ""))

        return show

    @work(thread=True, exclusive=True, group="fetch")
    def add(self, urls: list[str]) -> None:
        from summarise.feeds.refresh import add_urls
        from summarise.feeds.subscriptions import Subscriptions

        self.post_message(Progress("adding…"))
        store = Subscriptions.open_default()
        try:
            added = add_urls(urls, store, self.folder, self._progress("fetching"))
        finally:
            store.close()
            self.post_message(Progress(""))
        for result in added:
            if result.error:
                said = f"{result.url}: {result.error}"
                self.notify(said, title="Could not add", severity="error", markup=False)
        feeds = [r.report for r in added if r.report is not None]
        pages = sum(len(r.page.saved) for r in added if r.page is not None)
        added_lines = [f"following {r.feed.name}: {len(r.saved)} articles" for r in feeds]
        if pages:
            added_lines.append(f"{pages} page(s) saved in {self.folder}")
        if added_lines:
            self.notify("\n".join(added_lines), title="Added", timeout=6, markup=False)
        if feeds or pages:
            self.post_message(self.Done(self.folder, feeds_changed=bool(feeds)))

    @work(thread=True, exclusive=True, group="fetch")
    def refresh_feeds(self) -> None:
        from summarise.feeds.refresh import refresh
        from summarise.feeds.subscriptions import Subscriptions

        store = Subscriptions.open_default()
        try:
            if not store.all():
                self.notify("You follow no feeds yet: add one with a", timeout=4)
                return
            reports = refresh(store, progress=self._progress("refreshing"))
        finally:
            store.close()
            self.post_message(Progress(""))
        failed = [r for r in reports if r.outcome == "failed"]
        if failed:
            said = "\n".join(f"{r.feed.name}: {r.error}" for r in failed[:5])
            title = f"{len(failed)} feed(s) could not be refreshed"
            self.notify(said, title=title, severity="warning", timeout=8, markup=False)
        self.notify(refresh_summary(reports), timeout=4, markup=False)
        self.post_message(self.Done(self.folder, feeds_changed=True))
