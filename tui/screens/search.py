"""The search screen: results as you type, keyboard to choose, history on the up arrow."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, replace
from typing import Protocol

from textual import events, on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from summarise.search.index import Hit, QueryError, SearchIndex
from tui.actions import SEARCH
from tui.bindings import bindings
from tui.untrusted import untrusted

# Typing faster than this apart runs one search, for the last keystroke.
DEBOUNCE = 0.15
HISTORY_SIZE = 50
RESULTS_SHOWN = 50


BUILDING = "The index is still being built… results will appear when it is ready"
# While the index is being built, the screen looks this often for it to be ready.
READY_POLL = 0.5


class Indexed(Protocol):
    """Whatever holds the library's index, once it is built."""

    index: SearchIndex | None


@dataclass(frozen=True)
class SearchChoice:
    """What the user chose: open a hit, or filter the sidebar by the query."""

    query: str
    history: tuple[str, ...]  # earlier searches, newest first, this one included
    hit: Hit | None = None
    filter_ids: tuple[str, ...] = ()


def hit_prompt(hit: Hit, source: str | None) -> Content:
    title = untrusted(hit.title).stylize("bold")
    if source:
        title = Content.assemble(title, untrusted(f"  {source}").stylize("$text-muted"))
    snippet = untrusted(hit.snippet)
    for start, end in hit.snippet_matches:
        snippet = snippet.stylize("bold $text-warning", start, end)
    return Content.assemble(title, "\n  ", snippet)


class SearchScreen(ModalScreen[SearchChoice | None]):
    BINDINGS = bindings(SEARCH)

    def __init__(
        self, library: Indexed, sources: dict[str, str | None], history: list[str]
    ) -> None:
        super().__init__()
        # Asked at each search, not once: the index may finish syncing while the screen is open.
        self.library = library
        self.sources = sources
        self.history = list(history)[:HISTORY_SIZE]
        self.status = "" if library.index is not None else BUILDING
        self.hits: list[Hit] = []
        self._history_at: int | None = None
        self._timer: Timer | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="search-box"):
            yield Input(
                placeholder='Search: words, "phrase", pref*, title: source: entity: tag:',
                id="query",
            )
            yield Static(untrusted(self.status or "Type to search"), id="search-status")
            yield OptionList(id="results")

    def on_mount(self) -> None:
        self.query_one("#query", Input).focus()
        if self.library.index is None:
            self._waiting = self.set_interval(READY_POLL, self._index_ready)

    def _index_ready(self) -> None:
        """The index was being built: search what is typed as soon as it is there."""
        if self.library.index is not None:
            self._waiting.stop()
            self.run_search(self.query_one("#query", Input).value)

    @on(Input.Changed, "#query")
    def _changed(self, event: Input.Changed) -> None:
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(DEBOUNCE, lambda: self.run_search(event.value))

    @work(thread=True, exclusive=True, group="search")
    def run_search(self, query: str) -> None:
        index = self.library.index
        if index is None:
            self.app.call_from_thread(self._show, query, [], BUILDING)
            return
        if not query.strip():
            self.app.call_from_thread(self._show, query, [], "Type to search")
            return
        try:
            hits = index.search(query, limit=RESULTS_SHOWN, with_matches=False)
            total = index.count(query) if len(hits) == RESULTS_SHOWN else len(hits)
        except QueryError as exc:
            self.app.call_from_thread(self._show, query, [], str(exc))
            return
        except sqlite3.ProgrammingError:
            if self.library.index is index:
                raise
            # The library was opened again meanwhile (after a refresh) and this index closed:
            # the same search, in the new one.
            self.app.call_from_thread(self.run_search, query)
            return
        noun = "article" if len(hits) == 1 else "articles"
        message = f"{len(hits)} {noun}" if hits else f"No matches for {query!r}"
        if len(hits) == RESULTS_SHOWN:  # the best few of how many?
            message = f"showing the best {len(hits)} of {total:,} articles"
        self.app.call_from_thread(self._show, query, hits, message)

    def _show(self, query: str, hits: list[Hit], message: str) -> None:
        if query != self.query_one("#query", Input).value:
            return  # typed on since: a newer search is coming
        self.hits = hits
        results = self.query_one("#results", OptionList)
        results.clear_options()
        results.add_options(
            Option(hit_prompt(hit, self.sources.get(hit.article_id)), id=hit.article_id)
            for hit in hits
        )
        if hits:
            results.highlighted = 0
        self.query_one("#search-status", Static).update(untrusted(message))

    def _remember(self, query: str) -> tuple[str, ...]:
        query = query.strip()
        if query:
            if query in self.history:
                self.history.remove(query)
            self.history.insert(0, query)
            del self.history[HISTORY_SIZE:]
        return tuple(self.history)

    def _choose(self, index: int | None) -> None:
        if index is None or not self.hits:
            return
        query = self.query_one("#query", Input).value
        hit = self.hits[index]
        if self.library.index is not None:  # where the query matches, for n and N
            hit = replace(hit, matches=self.library.index.matches_in(hit.article_id, query))
        self.dismiss(SearchChoice(query, self._remember(query), hit=hit))

    @on(Input.Submitted, "#query")
    def _submitted(self) -> None:
        self._choose(self.query_one("#results", OptionList).highlighted)

    @on(OptionList.OptionSelected, "#results")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self._choose(event.option_index)

    def action_results(self) -> None:
        if self.hits:
            self.query_one("#results", OptionList).focus()

    def action_history(self) -> None:
        query_box = self.query_one("#query", Input)
        if self.focused is query_box and self.history:
            step = 0 if self._history_at is None else self._history_at + 1
            self._history_at = min(step, len(self.history) - 1)
            query_box.value = self.history[self._history_at]
            query_box.cursor_position = len(query_box.value)

    def on_key(self, event: events.Key) -> None:
        # The results list takes up itself; at its top, up goes back to the box.
        results = self.query_one("#results", OptionList)
        if self.focused is results and event.key == "up" and results.highlighted == 0:
            self.query_one("#query", Input).focus()
            event.stop()

    def action_filter_list(self) -> None:
        query = self.query_one("#query", Input).value
        if self.hits:
            ids = tuple(h.article_id for h in self.hits)
            self.dismiss(SearchChoice(query, self._remember(query), filter_ids=ids))
