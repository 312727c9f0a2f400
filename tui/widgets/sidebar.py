"""The sidebar: the filter box, a status line, and the article list.

It owns the filter box (typing filters the list; enter keeps the filter and goes back to the
list, escape clears it and goes back) and the
status line ("12 of 1,808 articles · 5 unread · by date · indexing 400/1,808").
"""

from __future__ import annotations

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.reactive import reactive
from textual.widgets import Input, Static

from tui.untrusted import untrusted
from tui.widgets.article_list import ArticleList


class Sidebar(Vertical):
    progress: reactive[str] = reactive("", init=False)

    def compose(self) -> ComposeResult:
        yield Input(placeholder="Filter (f)", id="filter")
        yield Static("Loading…", id="list-status")
        yield Static("", id="list-progress")
        yield ArticleList(id="articles")

    @property
    def article_list(self) -> ArticleList:
        return self.query_one(ArticleList)

    def focus_filter(self) -> None:
        self.query_one("#filter", Input).focus()

    def clear_filters(self) -> None:
        self.query_one("#filter", Input).value = ""
        self.article_list.search_filter = None
        self.article_list.filter_text = ""

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.article_list.filter_text = event.value

    @on(Input.Submitted, "#filter")
    def _filter_done(self, event: Input.Submitted) -> None:
        event.stop()
        self.article_list.focus()

    def on_key(self, event: events.Key) -> None:
        # Escape in the box takes the filter back off, as in a search box; enter keeps it.
        field = self.query_one("#filter", Input)
        if event.key == "escape" and self.screen.focused is field:
            field.value = ""
            self.article_list.filter_text = ""
            self.article_list.focus()
            event.stop()

    def on_article_list_changed(self) -> None:
        self._update_status()

    def on_article_list_working(self) -> None:
        self._update_status()

    def watch_progress(self) -> None:
        self._update_status()

    def _update_status(self) -> None:
        listing = self.article_list
        shown, total = len(listing.articles), len(listing.everything)
        count = f"{shown:,} of {total:,}" if shown != total else f"{total:,}"
        found = listing.search_filter
        order = f"matching {found.query!r}" if found else f"by {listing.sort_key}"
        status = f"{count} articles · {listing.unread_shown:,} unread · {order}"
        if listing.unread_only:
            status = f"unread only · {status}"
        if listing.view.kind != "all":
            status = f"{listing.view.label} · {status}"
        if listing.groups is not None:
            status += f" · {listing.story_count:,} stories"
        if listing.working:  # a big list's new order or filter, being worked out
            status += " · working…"
        self.query_one("#list-status", Static).update(untrusted(status))
        # A line of its own while work runs: "indexing 12,400/100,000" fits any sidebar.
        progress = self.query_one("#list-progress", Static)
        progress.update(untrusted(self.progress))
        progress.display = bool(self.progress)
