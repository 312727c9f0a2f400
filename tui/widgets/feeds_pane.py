"""The feeds pane: All, Unread, Bookmarks, each feed you follow with its unread count, then
each person, organisation or search you follow (`newsbrief follow`) with its unread count.

Choosing a row sets the list's view. A feed whose last refreshes all failed is marked "!" with
its last error beside it. Counts come from the list's own articles and marks (feed_counts), so
they follow every read mark without asking the disk.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from textual import work
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from summarise.feeds.subscriptions import Feed, feed_counts
from summarise.library.listing import ALL, BOOKMARKS, UNREAD, Listed, View
from summarise.search.following import Found
from tui.actions import FEEDS
from tui.bindings import bindings
from tui.untrusted import untrusted

# Counts are worked out again at most this often while marks change (holding m, mark all).
RECOUNT_DELAY = 0.3
# From this many articles the counts are made in a thread of their own: at a million they
# took the keys' thread 0.9 s, after every article opened (it is marked read).
COUNT_IN_THREAD_FROM = 20_000
WIDTH_CHECK_SECONDS = 0.2


@dataclass(frozen=True, slots=True)
class _Count:
    """What the pane counts, taken at one moment."""

    number: int
    articles: list[Listed]
    read: set[str]
    bookmarks: set[str]
    feeds: list[Feed]
    following: list[Found]

    def tallies(self) -> list[tuple[str, str]]:
        """Each row's name and count: All, Unread, Bookmarks, each feed, each follow."""
        read = self.read
        unread = sum(1 for a in self.articles if a.id not in read)
        # Pairs made one at a time: a list of a million would wake the collector.
        counts = feed_counts(
            self.feeds, ((a.id, getattr(a, "location", None)) for a in self.articles), read
        )
        rows = [
            ("All articles", f"{unread:,}/{len(self.articles):,}"),
            ("Unread", f"{unread:,}"),
            ("Bookmarks", f"{sum(1 for a in self.articles if a.id in self.bookmarks):,}"),
        ]
        for feed in self.feeds:
            count = counts.get(feed.id)
            name = ("! " if feed.failing else "") + feed.name
            rows.append((name, f"{count.unread:,}" if count else "0"))
        for found in self.following:
            rows.append((_follow_label(found), f"{sum(1 for i in found.ids if i not in read):,}"))
        return rows


def _follow_label(found: Found) -> str:
    """ "Following Carney", "Search: flood OR river"."""
    if found.followed.kind == "query":
        return f"Search: {found.followed.name}"
    return f"Following {found.followed.name}"


class FeedsPane(OptionList):
    BINDINGS = bindings(FEEDS)

    class Chosen(Message):
        def __init__(self, view: View) -> None:
            super().__init__()
            self.view = view

    class Loaded(Message):
        """The feeds are known: whether there are any decides if the pane opens by itself."""

        def __init__(self, feeds: list[Feed]) -> None:
            super().__init__()
            self.feeds = feeds

    def __init__(self, roots: Sequence[Path], **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.roots = [r.resolve() for r in roots]
        self.feeds: list[Feed] = []
        self._views: list[View] = [ALL, UNREAD, BOOKMARKS]
        self._articles: Sequence[Listed] = ()
        self._read: set[str] = set()
        self._bookmarks: set[str] = set()
        self._pending = False
        self.following: list[Found] = []
        self._drawn_width = 0
        self._tallies: list[tuple[str, str]] = []  # each row's name and count, as last counted
        self._counts_asked = self._counts_shown = 0  # so a late count never replaces a newer

    def on_mount(self) -> None:
        self._recount()
        # Names are cut to the pane's width, which is 0 while it is hidden, and an option list
        # is told of no resize (it is a scroll view): cut them again whenever the width they
        # were cut to is not the pane's (they read "All…" when opened otherwise).
        self.set_interval(WIDTH_CHECK_SECONDS, self._check_width)

    def on_show(self) -> None:
        self.call_after_refresh(self._check_width)  # opened: cut to its width at once

    def _check_width(self) -> None:
        if self.size.width and self.size.width != self._drawn_width:
            self._draw()

    @work(thread=True, exclusive=True, group="feeds")
    def load(self) -> None:
        """Read the subscriptions whose folders are in the library the reader shows."""
        from summarise.feeds.subscriptions import Subscriptions

        store = Subscriptions.open_default()
        try:
            found = [f for f in store.all() if self._shown(f.folder)]
        finally:
            store.close()
        self.app.call_from_thread(self._loaded, found)

    def _shown(self, folder: Path) -> bool:
        return any(folder == root or root in folder.parents for root in self.roots)

    def _loaded(self, feeds: list[Feed]) -> None:
        self.feeds = feeds
        self._rebuild()
        self.post_message(self.Loaded(feeds))

    def set_following(self, found: list[Found]) -> None:
        """What each follow finds now (after the index is built or the library changed)."""
        self.following = found
        self._rebuild()

    def _rebuild(self) -> None:
        self._views = [ALL, UNREAD, BOOKMARKS]
        self._views += [View("folder", str(f.folder), f.name) for f in self.feeds]
        self._views += [
            View("ids", label=_follow_label(f), ids=frozenset(f.ids)) for f in self.following
        ]
        self._recount()

    def count(self, articles: Sequence[Listed], read: set[str], bookmarks: set[str]) -> None:
        """The list's articles and marks changed: recount soon (once for a burst)."""
        self._articles, self._read, self._bookmarks = articles, read, bookmarks
        if not self._pending:
            self._pending = True
            self.set_timer(RECOUNT_DELAY, self._recount)

    def _recount(self) -> None:
        self._pending = False
        self._counts_asked += 1
        # Copies: the marks change on this thread while a thread counts.
        job = _Count(
            self._counts_asked,
            list(self._articles),
            set(self._read),
            set(self._bookmarks),
            list(self.feeds),
            list(self.following),
        )
        if len(job.articles) < COUNT_IN_THREAD_FROM:
            self._counted(job.number, job.tallies())
        else:
            self._count_in_thread(job)

    @work(thread=True, group="feed-counts", exit_on_error=False)
    def _count_in_thread(self, job: _Count) -> None:
        self.app.call_from_thread(self._counted, job.number, job.tallies())

    def _counted(self, number: int, tallies: list[tuple[str, str]]) -> None:
        if number < self._counts_shown:
            return
        self._counts_shown, self._tallies = number, tallies
        self._draw()

    def _draw(self) -> None:
        self._drawn_width = self.size.width
        rows = self._tallies
        highlighted = self.highlighted
        self.clear_options()
        self.add_options([self._option(n, name, tally) for n, (name, tally) in enumerate(rows)])
        if highlighted is not None and highlighted < len(rows):
            self.highlighted = highlighted

    def _option(self, n: int, name: str, tally: str) -> Option:
        content = untrusted(name).truncate(max(4, self.size.width - len(tally) - 4), ellipsis=True)
        line = Content.assemble(content, " ", untrusted(tally).stylize("dim"))
        if 3 <= n < 3 + len(self.feeds) and (feed := self.feeds[n - 3]).failing and feed.last_error:
            line = Content.assemble(line, "\n", untrusted(f"  {feed.last_error}").stylize("dim"))
        return Option(line, id=f"view-{n}")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.Chosen(self._views[event.option_index]))
