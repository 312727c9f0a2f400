"""The library behind the reader: loading it and keeping its search index, off the UI thread.

A widget with nothing to show: it owns the workers that read the folders and index them, and
reports with messages, so the app only routes what it hears.
"""

from __future__ import annotations

from pathlib import Path

from textual import work
from textual.message import Message
from textual.widget import Widget

from summarise.article import Article
from summarise.library import default_library_path
from summarise.readers import Library, load_paths
from summarise.render import PROGRESS_MIN_ITEMS
from summarise.search import SearchIndex
from tui.messages import Progress


class LibraryService(Widget):
    DEFAULT_CSS = "LibraryService { display: none; }"

    class Loaded(Message):
        def __init__(self, library: Library) -> None:
            super().__init__()
            self.library = library

    def __init__(self, paths: list[Path], index: SearchIndex | None = None) -> None:
        super().__init__()
        self.paths = paths
        self._given_index = index
        self.index: SearchIndex | None = None

    @property
    def roots(self) -> list[Path]:
        return self.paths or [default_library_path()]

    @work(thread=True, exclusive=True, group="library")
    def load(self) -> None:
        library = load_paths(self.roots)
        if library.problems:
            shown = "\n".join(str(p) for p in library.problems[:3])
            if len(library.problems) > 3:
                shown += f"\n…and {len(library.problems) - 3} more"
            title = f"Skipped {len(library.problems)} unreadable file(s)"
            self.notify(shown, title=title, severity="warning", timeout=10, markup=False)
        self.post_message(self.Loaded(library))

    @work(thread=True, exclusive=True, group="index")
    def sync_index(self, articles: list[Article]) -> None:
        index = self._given_index or SearchIndex.for_library(self.roots)

        def progress(done: int, total: int) -> None:
            if total >= PROGRESS_MIN_ITEMS:
                self.post_message(Progress(f"indexing {done:,}/{total:,}"))

        report = index.sync(articles, progress=progress)
        self.index = index
        self.post_message(Progress(""))
        for notice in report.notices:
            self.notify(notice, title="Search", severity="warning", timeout=8, markup=False)
