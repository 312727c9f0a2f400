"""The library behind the reader: its catalogue and search index, kept off the UI thread.

A widget with nothing to show. It lists what the catalogue already holds at once, then
reconciles the catalogue with the disk (new and changed files are parsed in worker processes)
and lists again if anything changed, then brings the search index up to date, reporting
progress as it goes. Quitting cancels the work between batches; what was done is kept.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from textual import work
from textual.message import Message
from textual.widget import Widget
from textual.worker import get_current_worker

from summarise.article import Article
from summarise.catalogue import Catalogue, Entry
from summarise.library import default_library_path
from summarise.readers import LoadProblem
from summarise.render import PROGRESS_MIN_ITEMS
from summarise.search import NamesFor, SearchIndex
from tui.messages import Progress


class _Stopped(Exception):
    """The reader is quitting: stop between two batches."""


class LibraryService(Widget):
    DEFAULT_CSS = "LibraryService { display: none; }"

    class Loaded(Message):
        """What the library holds now; `final` once it matches the disk."""

        def __init__(self, entries: list[Entry], final: bool) -> None:
            super().__init__()
            self.entries, self.final = entries, final

    def __init__(
        self,
        paths: list[Path],
        index: SearchIndex | None = None,
        jobs: int | None = None,
        names: NamesFor | None = None,
    ) -> None:
        super().__init__()
        self.paths = paths
        self.jobs = jobs
        self._given_index = index
        self._names = names
        self.index: SearchIndex | None = None
        self.catalogue: Catalogue | None = None

    @property
    def roots(self) -> list[Path]:
        return self.paths or [default_library_path()]

    def articles(self, ids: Sequence[str]) -> list[Article]:
        """Full articles, in the order asked, from the catalogue."""
        if self.catalogue is None:
            return []
        found = self.catalogue.articles(ids)
        return [found[i] for i in ids if i in found]

    def article(self, article_id: str) -> Article | None:
        return self.catalogue.article(article_id) if self.catalogue else None

    def _progress(self, label: str) -> Callable[[int, int], None]:
        worker = get_current_worker()

        def show(done: int, total: int) -> None:
            if worker.is_cancelled:
                raise _Stopped
            if total >= PROGRESS_MIN_ITEMS:
                text = "" if done >= total else f"{label} {done:,}/{total:,}"
                self.post_message(Progress(text))

        return show

    @work(thread=True, exclusive=True, group="library")
    def load(self) -> None:
        catalogue = Catalogue.for_library(self.roots)
        previous, self.catalogue = self.catalogue, catalogue
        if previous is not None:
            previous.close()
        known = catalogue.entries()
        if known:
            self.post_message(self.Loaded(known, final=False))
        try:
            report = catalogue.refresh(self.jobs, self._progress("reading"))
        except _Stopped:
            return
        self.post_message(Progress(""))
        for notice in report.notices:
            self.notify(notice, title="Library", severity="warning", markup=False)
        self._report(catalogue.problems())
        if report.parsed or report.removed or not known:
            self.post_message(self.Loaded(catalogue.entries(), final=True))
        self._index(catalogue)

    def _report(self, problems: list[LoadProblem]) -> None:
        if problems:
            shown = "\n".join(str(p) for p in problems[:3])
            if len(problems) > 3:
                shown += f"\n…and {len(problems) - 3} more"
            title = f"Skipped {len(problems)} unreadable file(s)"
            self.notify(shown, title=title, severity="warning", timeout=10, markup=False)

    def _index(self, catalogue: Catalogue) -> None:
        from summarise.analysis import AnalysisCache
        from summarise.search import names_from_analyses

        index = self._given_index or SearchIndex.for_library(self.roots)
        cache = None
        names = self._names
        if names is None:
            cache = AnalysisCache.default()
            names = names_from_analyses(cache, self.jobs)
        try:
            report = index.sync_catalogue(catalogue, names, self._progress("indexing"))
        except _Stopped:
            return
        finally:
            if cache is not None:
                cache.close()
        self.index = index
        self.post_message(Progress(""))
        for notice in report.notices:
            self.notify(notice, title="Search", severity="warning", timeout=8, markup=False)
