"""The library behind the reader: its catalogue and search index, kept up to date off screen.

A widget with nothing to show. It lists what the catalogue already holds at once, then runs
`python -m summarise.update` (parsing new files, analysing, indexing) as a process of its own,
relaying its progress lines; the reader's interpreter only reads them, so the keys never wait
for that work. When the update ends the list is read again if anything changed. Quitting stops
the update; what it committed is kept for next time.
"""

from __future__ import annotations

import json
import os
import selectors
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from textual import work
from textual.message import Message
from textual.widget import Widget
from textual.worker import Worker, get_current_worker

from summarise.article import Article
from summarise.library.catalogue import Catalogue, Entry
from summarise.library.listing import Listed, default_libraries, sort_articles
from summarise.library.state import Followed
from summarise.readers import LoadProblem
from summarise.render import PROGRESS_MIN_ITEMS
from summarise.search.following import Found
from summarise.search.index import SearchIndex
from tui.collector import no_collections
from tui.messages import Progress
from tui.widgets.article_list import StoryGroup

# How often the worker looks up from the update's output to see whether the reader is quitting.
POLL_SECONDS = 0.2
PROGRESS_INTERVAL = 0.25
# Articles listed at once, before the whole library is read: more than any screen shows.
FIRST_SCREEN_ARTICLES = 500
STAGES = {"reading": "reading", "indexing": "indexing", "naming": "finding names"}


class LibraryService(Widget):
    DEFAULT_CSS = "LibraryService { display: none; }"

    class Loaded(Message):
        """What the library holds now; `final` once it matches the disk. A `first` screen
        is only its newest articles (the start of the list sorted by date), sent while the
        rest are read. `by_date` is the same entries newest first, sorted where the message
        is made (the library's worker thread), not in the list's rebuild on the keys' thread, and
        `date_rows` each entry's place in it."""

        def __init__(self, entries: list[Entry], final: bool, first: bool = False) -> None:
            super().__init__()
            self.entries, self.final, self.first = entries, final, first
            self.by_date = sort_articles(entries, "date")
            self.date_rows = {entry.id: row for row, entry in enumerate(self.by_date)}

    class Indexed(Message):
        """The search index matches the library: follows can be counted."""

    class Following(Message):
        """What each followed name or search finds in the library now."""

        def __init__(self, found: list[Found]) -> None:
            super().__init__()
            self.found = found

    class Grouped(Message):
        """The list's articles grouped into stories, most important first."""

        def __init__(self, groups: tuple[StoryGroup, ...]) -> None:
            super().__init__()
            self.groups = groups

    def __init__(
        self, paths: list[Path], jobs: int | None = None, follow_links: bool = False
    ) -> None:
        super().__init__()
        self.paths = paths
        self.jobs = jobs
        self.follow_links = follow_links
        # The command that updates the library; it prints progress as JSON lines.
        self.update_command = [sys.executable, "-m", "summarise.update", "--background"]
        self.index: SearchIndex | None = None
        self.catalogue: Catalogue | None = None
        self._listed = self._catalogued = False
        self._shown = 0.0

    @property
    def roots(self) -> list[Path]:
        return self.paths or default_libraries()

    def articles(self, ids: Sequence[str]) -> list[Article]:
        """Full articles, in the order asked, from the catalogue."""
        if self.catalogue is None:
            return []
        found = self.catalogue.articles(ids)
        return [found[i] for i in ids if i in found]

    def article(self, article_id: str) -> Article | None:
        return self.catalogue.article(article_id) if self.catalogue else None

    @work(thread=True, exclusive=True, group="library")
    def load(self) -> None:
        catalogue = Catalogue.for_library(self.roots, follow_links=self.follow_links)
        previous, self.catalogue = self.catalogue, catalogue
        # The index reads its hits' text from the catalogue: it moves to the new one.
        if self.index is not None:
            self.index.close()
            self.index = SearchIndex.for_library(self.roots, catalogue)
        if previous is not None:
            previous.close()
        # 100,000 entries take a second to read and sort: the newest come first, by date.
        if newest := catalogue.newest(FIRST_SCREEN_ARTICLES):
            self.post_message(self.Loaded(newest, final=False, first=True))
            self.post_message(Progress("listing"))
        with no_collections():
            known = catalogue.listing()
            listed = self.Loaded(known, final=False) if known else None
        self._catalogued = False
        if listed is not None:
            self.post_message(listed)
        if newest:
            self.post_message(Progress(""))
        self._listed = bool(known)
        result = self._update()
        self.post_message(Progress(""))
        if result is None:
            return  # quitting
        notices = result.get("notices")
        for notice in notices if isinstance(notices, list) else ():
            self.notify(str(notice), title="Library", severity="warning", markup=False)
        if not self._catalogued:
            self._list_again(bool(result.get("changed")))
        if self.index is not None:
            self.index.close()
        self.index = SearchIndex.for_library(self.roots, catalogue)
        self.post_message(self.Indexed())

    @work(thread=True, exclusive=True, group="following")
    def find_follows(self, follows: Sequence[Followed]) -> None:
        """The articles each follow finds, from the index and the articles' names."""
        from summarise.usecases import find_follows

        index, catalogue = self.index, self.catalogue
        if index is None or catalogue is None:
            return
        found = find_follows(index, catalogue.articles, follows, jobs=self.jobs) if follows else []
        self.post_message(self.Following(found))

    def _list_again(self, changed: bool) -> None:
        """The catalogue matches the disk: list it again if that changed anything."""
        self._catalogued = True
        assert self.catalogue is not None
        self._report(self.catalogue.problems())
        if changed or not self._listed:
            with no_collections():
                listed = self.Loaded(self.catalogue.listing(), final=True)
            self.post_message(listed)

    def _update(self) -> dict[str, object] | None:
        """Run the update process; its last line, or None if the reader is quitting."""
        worker = get_current_worker()
        options = ["--jobs", str(self.jobs)] if self.jobs else []
        if self.follow_links:
            options.append("--follow-links")
        command = [*self.update_command, *options, *map(str, self.roots)]
        with tempfile.TemporaryFile() as errors:
            process = subprocess.Popen(
                command, stdout=subprocess.PIPE, stderr=errors, stdin=subprocess.DEVNULL
            )
            last = self._relay(process, worker)
            if last is None:
                return None
            if process.wait() != 0 or not last.get("finished"):
                errors.seek(0)
                said = errors.read().decode(errors="replace").strip().splitlines()
                reason = said[-1] if said else f"exit status {process.returncode}"
                return {"changed": True, "notices": [f"the library was not updated: {reason}"]}
        return last

    def _relay(
        self, process: subprocess.Popen[bytes], worker: Worker[None]
    ) -> dict[str, object] | None:
        """Pass the update's progress on as it comes; its last line, or None if cancelled."""
        assert process.stdout is not None
        fd = process.stdout.fileno()
        pending = b""
        last: dict[str, object] = {}
        with selectors.DefaultSelector() as watch:
            watch.register(fd, selectors.EVENT_READ)
            while True:
                if worker.is_cancelled:
                    process.kill()
                    process.wait()
                    return None
                if not watch.select(POLL_SECONDS):
                    continue
                chunk = os.read(fd, 65536)
                if not chunk:
                    return last
                pending += chunk
                *lines, pending = pending.split(b"\n")
                for line in lines:
                    try:
                        last = json.loads(line)
                    except ValueError:
                        continue
                    self._progress(last)

    def _progress(self, line: dict[str, object]) -> None:
        stage, total = line.get("stage"), int(str(line.get("total") or 0))
        if stage == "catalogued":
            self._list_again(bool(line.get("done")))
            return
        if stage in STAGES and total >= PROGRESS_MIN_ITEMS:
            done = int(str(line.get("done") or 0))
            now = time.monotonic()
            if done < total and now - self._shown < PROGRESS_INTERVAL:
                return  # however fast the lines come, the screen gets a few a second
            self._shown = now
            text = f"{STAGES[str(stage)]} {done:,}/{total:,}" if done < total else ""
            self.post_message(Progress(text))

    @work(thread=True, exclusive=True, group="stories")
    def group(self, entries: Sequence[Listed]) -> None:
        """Find the stories of these articles (from their profiles; cached for the set)."""
        from summarise.briefing.build import headline
        from summarise.library.analysis import AnalysisCache
        from summarise.usecases import stories_of_entries

        if self.catalogue is None:
            return
        with AnalysisCache.default() as cache:
            found = stories_of_entries(
                entries, self.catalogue.articles, cache=cache, jobs=self.jobs
            )
        groups = tuple(StoryGroup(headline(s.title), tuple(reversed(s.article_ids))) for s in found)
        self.post_message(self.Grouped(groups))

    def _report(self, problems: list[LoadProblem]) -> None:
        if problems:
            shown = "\n".join(str(p) for p in problems[:3])
            if len(problems) > 3:
                shown += f"\n…and {len(problems) - 3} more"
            title = f"Skipped {len(problems)} unreadable file(s)"
            self.notify(shown, title=title, severity="warning", timeout=10, markup=False)
