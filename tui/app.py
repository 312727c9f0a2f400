"""The newsbrief reader: a sidebar of articles, the article, and a summary or entities panel."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.theme import Theme
from textual.timer import Timer
from textual.widgets import Footer, Header, Input, OptionList, Static

from summarise.article import Article
from summarise.entities import ArticleEntities, find_entities
from summarise.library import (
    SORT_KEYS,
    default_library_path,
    filter_articles,
    sort_articles,
    user_library_path,
)
from summarise.readers import load_paths
from summarise.search import SearchIndex
from summarise.store import StateStore
from tui.commands import ArticleCommands
from tui.messages import EntitiesReady, LibraryLoaded, SummaryReady
from tui.screens.help import HelpScreen
from tui.screens.search import SearchChoice, SearchScreen
from tui.widgets.article_list import ArticleList
from tui.widgets.article_view import ArticleView
from tui.widgets.side_panel import EntityList, PanelChanged, SidePanel

if TYPE_CHECKING:
    # Imported where they are used: the first paint does not need them (about 80 ms).
    from summarise.analysis import AnalysisCache
    from summarise.fetch import FetchResult

# Highlighting rows faster than this apart (holding j) only shows the last one.
PREVIEW_DELAY = 0.12


class NewsbriefApp(App[None]):
    CSS_PATH = "newsbrief.tcss"
    TITLE = "newsbrief"
    COMMANDS = App.COMMANDS | {ArticleCommands}
    AUTO_FOCUS = "ArticleList"

    BINDINGS = [
        Binding("q", "quit", "Quit", id="quit"),
        Binding("question_mark,f1", "help", "Help", key_display="?", id="help"),
        Binding("s", "toggle_summary", "Summary", id="summary"),
        Binding("e", "toggle_entities", "Entities", id="entities"),
        Binding("h", "toggle_highlighting", "Highlight", id="highlighting"),
        Binding("m", "toggle_read", "Read/unread", id="toggle-read"),
        Binding("asterisk", "toggle_bookmark", "Bookmark", key_display="*", id="bookmark"),
        Binding(
            "right_square_bracket", "next_unread", "Next unread", key_display="]", id="next-unread"
        ),
        Binding(
            "left_square_bracket",
            "previous_unread",
            "Previous unread",
            key_display="[",
            show=False,
            id="previous-unread",
        ),
        Binding("slash", "search", "Search", key_display="/", id="search"),
        Binding("n", "next_hit", "Next hit", show=False, id="next-hit"),
        Binding("N", "previous_hit", "Previous hit", show=False, id="previous-hit"),
        Binding(
            "escape",
            "clear_search_filter",
            "Clear search filter",
            show=False,
            id="clear-search-filter",
        ),
        Binding("B", "briefing", "Briefing", key_display="B", id="briefing"),
        Binding("a", "add_url", "Add URL", show=False, id="add-url"),
        Binding("R", "refresh_feeds", "Refresh feeds", show=False, id="refresh-feeds"),
        Binding("f", "filter", "Filter", id="filter"),
        Binding("o", "cycle_sort", "Sort", show=False, id="sort"),
        Binding("M", "cycle_method", "Summary method", show=False, id="summary-method"),
        Binding(
            "plus,equals_sign",
            "summary_length(1)",
            "Longer summary",
            key_display="+",
            show=False,
            id="summary-longer",
        ),
        Binding(
            "minus",
            "summary_length(-1)",
            "Shorter summary",
            key_display="-",
            show=False,
            id="summary-shorter",
        ),
    ]

    def __init__(
        self,
        paths: list[Path] | None = None,
        store: StateStore | None = None,
        search_index: SearchIndex | None = None,
        analysis_cache: AnalysisCache | None = None,
    ) -> None:
        super().__init__()
        self._given_index = search_index
        self.index: SearchIndex | None = None  # set once it holds this library
        self.search_filter: tuple[str, tuple[str, ...]] | None = None  # (query, ranked ids)
        self._index_status = ""
        self._analysis_cache: AnalysisCache | None = analysis_cache
        self.paths = list(paths or [])
        self.store = store or StateStore.open_default()
        self.all_articles: list[Article] = []
        self.read_ids = self.store.read_ids()
        self.bookmark_ids = self.store.bookmark_ids()
        self.sort_key: str = self.store.get_setting("sort", "date")
        if self.sort_key not in SORT_KEYS:
            self.sort_key = "date"
        self.summary_method: str = self.store.get_setting("summary_method", "newsrank")
        self.summary_sentences: int | None = self.store.get_setting("summary_sentences")
        self.highlighting: bool = bool(self.store.get_setting("highlighting", True))
        self._entity_cache: dict[str, ArticleEntities] = {}
        self._mention_index: dict[str, int] = {}
        self._preview_timer: Timer | None = None
        # bench/startup.py: a file to write the time of the first painted list to, then exit.
        self._paint_file = os.environ.get("NEWSBRIEF_EXIT_AFTER_LOAD")

    # ---- layout -------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="main"):
            with Vertical(id="sidebar"):
                yield Input(placeholder="Filter (f)", id="filter")
                yield Static("Loading…", id="list-status")
                yield ArticleList(id="articles")
            yield ArticleView(id="article")
            yield SidePanel(id="panel")
        yield Footer()

    @property
    def article_list(self) -> ArticleList:
        return self.query_one(ArticleList)

    @property
    def article_view(self) -> ArticleView:
        return self.query_one(ArticleView)

    @property
    def panel(self) -> SidePanel:
        return self.query_one(SidePanel)

    def on_mount(self) -> None:
        theme = self.store.get_setting("theme")
        if theme in self.available_themes:
            self.theme = theme
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        for warning in self.store.warnings:
            self.notify(warning, title="Reading state", severity="warning", timeout=10)
        self.article_view.highlighting = self.highlighting
        self.article_list.loading = True
        self.load_library()

    # Below this width an open panel hides the sidebar, so the article keeps a readable measure.
    NARROW = 120

    def _fit_layout(self) -> None:
        narrow = self.size.width < self.NARROW and self.panel.mode is not None
        self.screen.set_class(narrow, "-narrow-panel")

    def on_resize(self) -> None:
        self._fit_layout()

    def on_panel_changed(self, _: PanelChanged) -> None:
        self._fit_layout()

    def _remember_theme(self, theme: Theme) -> None:
        self.store.set_setting("theme", theme.name)

    # ---- loading ------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="library")
    def load_library(self) -> None:
        paths = self.paths or [default_library_path()]
        self.post_message(LibraryLoaded(load_paths(paths)))

    def on_library_loaded(self, message: LibraryLoaded) -> None:
        library = message.library
        self.all_articles = library.articles
        self.article_list.loading = False
        if library.problems:
            shown = "\n".join(str(p) for p in library.problems[:3])
            more = len(library.problems) - 3
            if more > 0:
                shown += f"\n…and {more} more"
            self.notify(
                shown,
                title=f"Skipped {len(library.problems)} unreadable file(s)",
                severity="warning",
                timeout=10,
            )
        last = self.store.get_setting("last_article")
        self._rebuild_list(keep=last)
        if not self.all_articles:
            where = ", ".join(str(p) for p in self.paths) or "the sample library"
            self.article_view.show_message(
                f"No articles found in {where}.\n\n"
                "newsbrief reads .txt articles: newsbrief read FOLDER"
            )
        else:
            article = self.article_list.highlighted_article
            if article is not None:
                self.open_article(article, mark_read=False)
                if article.id == last:
                    scroll = float(self.store.get_setting("last_scroll", 0) or 0)
                    self.call_after_refresh(self.article_view.scroll_to, y=scroll, animate=False)
        if self.focused is None:
            self.article_list.focus()
        if self._paint_file:
            self.call_after_refresh(self._painted, self._paint_file)
            return
        self.sync_index(library.articles)

    @work(thread=True, exclusive=True, group="index")
    def sync_index(self, articles: list[Article]) -> None:
        index = self._given_index or SearchIndex.for_library(self.paths or [default_library_path()])

        def progress(done: int, total: int) -> None:
            if total >= 100:
                self.call_from_thread(self._set_index_status, f"indexing {done}/{total}")

        report = index.sync(articles, progress=progress)
        if self.is_running:
            self.call_from_thread(self._index_ready, index, report.notices)

    def _set_index_status(self, status: str) -> None:
        self._index_status = status
        self._update_status()

    def _index_ready(self, index: SearchIndex, notices: list[str]) -> None:
        if not self._has_widgets():
            return
        self.index = index
        for notice in notices:
            self.notify(notice, title="Search", severity="warning", timeout=8)
        self._set_index_status("")

    def _painted(self, paint_file: str) -> None:
        import time

        Path(paint_file).write_text(repr(time.time()))
        self.exit()

    def _rebuild_list(self, keep: str | None = None) -> None:
        query = self.query_one("#filter", Input).value
        if self.search_filter is not None:
            by_id = {a.id: a for a in self.all_articles}
            ranked = [by_id[i] for i in self.search_filter[1] if i in by_id]
            shown = filter_articles(ranked, query)
        else:
            shown = sort_articles(filter_articles(self.all_articles, query), self.sort_key)
        if keep is None and self.article_view.article is not None:
            keep = self.article_view.article.id
        self.article_list.set_articles(shown, self.read_ids, self.bookmark_ids, keep=keep)
        self._update_status()

    def _has_widgets(self) -> bool:
        """False while the app is shutting down: late callbacks then have nothing to update."""
        return self.is_running and bool(self.screen_stack) and bool(self.query(ArticleList))

    def _update_status(self) -> None:
        if not self._has_widgets():
            return
        shown = self.article_list.articles
        unread = sum(1 for a in shown if a.id not in self.read_ids)
        total = len(self.all_articles)
        count = f"{len(shown)} of {total}" if len(shown) != total else f"{total}"
        order = (
            f"matching {self.search_filter[0]!r}" if self.search_filter else (f"by {self.sort_key}")
        )
        status = f"{count} articles · {unread} unread · {order}"
        if self._index_status:
            status += f" · {self._index_status}"
        self.query_one("#list-status", Static).update(Content(status))

    # ---- opening articles ---------------------------------------------------------------

    def open_article(self, article: Article, mark_read: bool = True, focus: bool = False) -> None:
        view = self.article_view
        if view.article is None or view.article.id != article.id:
            view.show(article)
            self.sub_title = ""
            self._mention_index.clear()
            self.store.set_setting("last_article", article.id)
            self._request_entities(article)
            if self.panel.mode == "summary":
                self._request_summary(article)
        if mark_read and article.id not in self.read_ids:
            self._set_read(article, True)
        if focus:
            view.focus()

    def open_article_by_id(self, article_id: str) -> None:
        article = next((a for a in self.all_articles if a.id == article_id), None)
        if article is None:
            return
        index = self.article_list.index_of(article_id)
        if index is None:  # hidden by the filter: clear it so the list shows what is open
            self.query_one("#filter", Input).value = ""
            self._rebuild_list(keep=article_id)
            index = self.article_list.index_of(article_id)
        self.article_list.highlighted = index
        self.open_article(article, focus=True)

    @on(OptionList.OptionHighlighted, "#articles")
    def _preview_highlighted(self) -> None:
        if self._preview_timer is not None:
            self._preview_timer.stop()
        self._preview_timer = self.set_timer(PREVIEW_DELAY, self._show_highlighted)

    def _show_highlighted(self) -> None:
        if not self._has_widgets():
            return
        article = self.article_list.highlighted_article
        if article is not None:
            self.open_article(article, mark_read=False)

    @on(OptionList.OptionSelected, "#articles")
    def _open_selected(self) -> None:
        article = self.article_list.highlighted_article
        if article is not None:
            self.open_article(article, focus=True)

    # ---- read marks and bookmarks -------------------------------------------------------

    def _current(self) -> Article | None:
        return self.article_view.article or self.article_list.highlighted_article

    def _set_read(self, article: Article, read: bool) -> None:
        self.store.set_read(article.id, read)
        (self.read_ids.add if read else self.read_ids.discard)(article.id)
        self.article_list.refresh_article(article, read, article.id in self.bookmark_ids)
        self._update_status()

    def action_toggle_read(self) -> None:
        article = self._current()
        if article is not None:
            self._set_read(article, article.id not in self.read_ids)

    def action_toggle_bookmark(self) -> None:
        article = self._current()
        if article is None:
            return
        marked = article.id not in self.bookmark_ids
        self.store.set_bookmark(article.id, marked)
        (self.bookmark_ids.add if marked else self.bookmark_ids.discard)(article.id)
        self.article_list.refresh_article(article, article.id in self.read_ids, marked)
        self.notify("Bookmarked" if marked else "Bookmark removed", timeout=2)

    def _jump_unread(self, step: int) -> None:
        articles = self.article_list.articles
        current = self.article_view.article
        start = self.article_list.index_of(current.id) if current else None
        if start is None:
            start = -1 if step > 0 else len(articles)
        index = start + step
        while 0 <= index < len(articles):
            if articles[index].id not in self.read_ids:
                self.article_list.highlighted = index
                self.open_article(articles[index])
                return
            index += step
        self.notify("No more unread articles " + ("below" if step > 0 else "above"), timeout=3)

    def action_next_unread(self) -> None:
        self._jump_unread(1)

    def action_previous_unread(self) -> None:
        self._jump_unread(-1)

    # ---- list: filter and sort ----------------------------------------------------------

    def action_filter(self) -> None:
        self.query_one("#filter", Input).focus()

    @on(Input.Changed, "#filter")
    def _filter_changed(self) -> None:
        self._rebuild_list()

    @on(Input.Submitted, "#filter")
    def _filter_done(self) -> None:
        self.article_list.focus()

    def on_key(self, event: object) -> None:
        key = getattr(event, "key", None)
        if key == "escape" and self.focused is self.query_one("#filter", Input):
            self.article_list.focus()

    def action_cycle_sort(self) -> None:
        self.sort_key = SORT_KEYS[(SORT_KEYS.index(self.sort_key) + 1) % len(SORT_KEYS)]
        self.store.set_setting("sort", self.sort_key)
        self._rebuild_list()
        self.notify(f"Sorted by {self.sort_key}", timeout=2)

    # ---- entities -----------------------------------------------------------------------

    def _request_entities(self, article: Article) -> None:
        cached = self._entity_cache.get(article.id)
        if cached is not None:
            self._apply_entities(article.id, cached)
        else:
            if self.panel.mode == "entities":
                self.panel.show_entities_loading()
            self.compute_entities(article)

    @work(thread=True, exclusive=True, group="entities")
    def compute_entities(self, article: Article) -> None:
        self.post_message(EntitiesReady(article.id, find_entities(article)))

    def on_entities_ready(self, message: EntitiesReady) -> None:
        self._entity_cache[message.article_id] = message.entities
        self._apply_entities(message.article_id, message.entities)

    def _apply_entities(self, article_id: str, entities: ArticleEntities) -> None:
        view = self.article_view
        if view.article is None or view.article.id != article_id:
            return
        view.set_entities(entities)
        if self.panel.mode == "entities":
            self.panel.show_entities(entities)

    def action_toggle_entities(self) -> None:
        if self.panel.mode == "entities":
            self.panel.hide()
            self.article_view.focus()
            return
        article = self.article_view.article
        if article is None:
            return
        cached = self._entity_cache.get(article.id)
        if cached is None:
            self.panel.show_entities_loading()
            self.compute_entities(article)
        else:
            self.panel.show_entities(cached)
        self.query_one(EntityList).focus()

    @on(OptionList.OptionSelected, "#entity-list")
    def _jump_to_entity(self, event: OptionList.OptionSelected) -> None:
        key = event.option.id
        entity = self.query_one(EntityList).entities.get(key or "")
        if entity is None or key is None:
            return
        index = self._mention_index.get(key, -1) + 1
        if index >= entity.count:
            index = 0
        self._mention_index[key] = index
        self.article_view.jump_to(entity.mentions[index])
        self.notify(f"{entity.name}: mention {index + 1} of {entity.count}", timeout=2)

    def action_toggle_highlighting(self) -> None:
        self.highlighting = not self.highlighting
        self.store.set_setting("highlighting", self.highlighting)
        self.article_view.set_highlighting(self.highlighting)

    # ---- summaries ----------------------------------------------------------------------

    def _request_summary(self, article: Article) -> None:
        self.panel.show_summary_loading(self.summary_method)
        self.compute_summary(article, self.summary_method, self.summary_sentences)

    @work(thread=True, exclusive=True, group="summary")
    def compute_summary(self, article: Article, method: str, sentences: int | None) -> None:
        from summarise.summarisers import SummaryError, summarise

        try:
            result = summarise(article, method, sentences=sentences)
        except SummaryError as exc:
            self.post_message(SummaryReady(article.id, None, str(exc)))
            return
        self.post_message(SummaryReady(article.id, result))

    def on_summary_ready(self, message: SummaryReady) -> None:
        view = self.article_view
        if view.article is None or view.article.id != message.article_id:
            return
        if message.summary is None:
            self.panel.show_summary_error(message.error or "No summary")
            return
        if self.panel.mode == "summary":
            self.panel.show_summary(message.summary)
            view.set_summary(message.summary.sentences)

    def action_toggle_summary(self) -> None:
        if self.panel.mode == "summary":
            self.panel.hide()
            self.article_view.set_summary(())
            return
        article = self.article_view.article
        if article is not None:
            self._request_summary(article)

    def action_cycle_method(self) -> None:
        from summarise.summarisers import METHODS

        self.summary_method = METHODS[(METHODS.index(self.summary_method) + 1) % len(METHODS)]
        self.store.set_setting("summary_method", self.summary_method)
        self._resummarise()

    def set_summary_method(self, method: str) -> None:
        self.summary_method = method
        self.store.set_setting("summary_method", method)
        self._resummarise()

    def action_summary_length(self, step: int) -> None:
        from summarise.summarisers import default_length
        from summarise.text import article_sentences

        article = self.article_view.article
        if article is None:
            return
        total = len(article_sentences(article))
        current = self.summary_sentences or default_length(total)
        self.summary_sentences = max(1, min(total, current + step))
        self.store.set_setting("summary_sentences", self.summary_sentences)
        self._resummarise()

    def _resummarise(self) -> None:
        article = self.article_view.article
        if article is not None:
            self._request_summary(article)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("cycle_method", "summary_length"):
            return self.panel.mode == "summary"
        if action in ("next_hit", "previous_hit"):
            return bool(self.article_view.search_hits)
        if action == "clear_search_filter":
            return self.search_filter is not None
        return True

    # ---- fetching -----------------------------------------------------------------------

    def fetch_folder(self) -> Path:
        """Where added URLs go: the folder the reader was opened on, else your library."""
        folders = [p for p in self.paths if p.is_dir()]
        return folders[0] if folders else user_library_path()

    def action_add_url(self) -> None:
        from tui.screens.add_url import AddUrlScreen

        self.push_screen(AddUrlScreen(str(self.fetch_folder())), self._add_urls)

    def _add_urls(self, urls: list[str] | None) -> None:
        if urls:
            self.fetch_urls(urls)

    def action_refresh_feeds(self) -> None:
        from summarise.fetch import feeds_in

        feeds = feeds_in(self.fetch_folder())
        if not feeds:
            self.notify("No feeds fetched into this library yet: add one with a", timeout=4)
            return
        self.fetch_urls(feeds)

    @work(thread=True, exclusive=True, group="fetch")
    def fetch_urls(self, urls: list[str]) -> None:
        from summarise.fetch import fetch

        folder = self.fetch_folder()

        def progress(done: int, total: int, _: object) -> None:
            self.call_from_thread(self._set_index_status, f"fetching {done}/{total}")

        self.call_from_thread(self._set_index_status, f"fetching 0/{len(urls)}")
        results = fetch(urls, folder, progress=progress)
        self.call_from_thread(self._fetched, folder, results)

    def _fetched(self, folder: Path, results: list[FetchResult]) -> None:
        if not self._has_widgets():
            return
        self._set_index_status("")
        saved = sum(len(r.saved) for r in results)
        for result in results:
            if result.error:
                self.notify(
                    f"{result.url}: {result.error}",
                    title="Could not fetch",
                    severity="error",
                    timeout=8,
                )
        self.notify(f"{saved} new article(s) in {folder}", timeout=4)
        if saved:
            if not self.paths and folder == user_library_path():
                self.paths = [folder]  # the reader now shows your library, not the samples
            self.load_library()

    # ---- briefing -----------------------------------------------------------------------

    def action_briefing(self) -> None:
        """A briefing over the articles the list shows (all, or the filtered or found ones)."""
        articles = list(self.article_list.articles)
        if not articles:
            self.notify("No articles in the list to brief", severity="warning")
            return
        from summarise.analysis import AnalysisCache
        from tui.screens.briefing import BriefingScreen

        if self._analysis_cache is None:
            self._analysis_cache = AnalysisCache.default()
        self.push_screen(BriefingScreen(articles, self._analysis_cache))

    # ---- search -------------------------------------------------------------------------

    def action_search(self) -> None:
        sources = {a.id: a.source for a in self.all_articles}
        history = self.store.get_setting("search_history", []) or []
        status = "" if self.index is not None else "The index is still being built…"
        screen = SearchScreen(lambda: self.index, sources, history, status)
        self.push_screen(screen, self._searched)

    def _searched(self, choice: SearchChoice | None) -> None:
        if choice is None:
            return
        history = self.store.get_setting("search_history", []) or []
        if choice.query.strip():
            history = [choice.query, *[h for h in history if h != choice.query]][:50]
            self.store.set_setting("search_history", history)
        if choice.filter_ids:
            self.search_filter = (choice.query, choice.filter_ids)
            self._rebuild_list(keep=choice.filter_ids[0])
            self.article_list.focus()
            return
        if choice.hit is not None:
            self.open_article_by_id(choice.hit.article_id)
            view = self.article_view
            view.set_search_hits(choice.hit.matches)
            if choice.hit.matches:
                self.call_after_refresh(self._jump_hit, 0)
            else:
                self.notify(f"{choice.query!r} matched the title, tags or names", timeout=3)

    def _jump_hit(self, index: int) -> None:
        view = self.article_view
        view.jump_to_hit(index)
        if view.hit_index is not None:
            self.sub_title = f"hit {view.hit_index + 1}/{len(view.search_hits)}"

    def action_next_hit(self) -> None:
        view = self.article_view
        self._jump_hit(0 if view.hit_index is None else view.hit_index + 1)

    def action_previous_hit(self) -> None:
        view = self.article_view
        self._jump_hit(-1 if view.hit_index is None else view.hit_index - 1)

    def action_clear_search_filter(self) -> None:
        self.search_filter = None
        self._rebuild_list()

    # ---- help and palette ---------------------------------------------------------------

    def action_help(self) -> None:
        if isinstance(self.screen, HelpScreen):
            return
        self.push_screen(HelpScreen([b for b in self.BINDINGS if isinstance(b, Binding)]))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        from summarise.summarisers import METHODS

        yield SystemCommand("Summary", "Show or hide the summary (s)", self.action_toggle_summary)
        yield SystemCommand(
            "Entities", "Show or hide the entities panel (e)", self.action_toggle_entities
        )
        yield SystemCommand(
            "Highlighting",
            "Turn entity highlighting on or off (h)",
            self.action_toggle_highlighting,
        )
        yield SystemCommand("Mark read/unread", "Toggle the read mark (m)", self.action_toggle_read)
        yield SystemCommand("Bookmark", "Add or remove a bookmark (*)", self.action_toggle_bookmark)
        yield SystemCommand(
            "Next unread", "Open the next unread article (])", self.action_next_unread
        )
        yield SystemCommand(
            "Previous unread", "Open the previous unread article ([)", self.action_previous_unread
        )
        yield SystemCommand("Filter", "Filter the article list (f)", self.action_filter)
        yield SystemCommand("Search", "Search every article (/)", self.action_search)
        yield SystemCommand(
            "Add URL", "Fetch pages or feeds into the library (a)", self.action_add_url
        )
        yield SystemCommand("Refresh feeds", "Fetch the feeds again (R)", self.action_refresh_feeds)
        yield SystemCommand(
            "Briefing", "One page over the articles in the list (B)", self.action_briefing
        )
        for key in SORT_KEYS:
            yield SystemCommand(f"Sort by {key}", f"Order the list by {key}", self._sorter(key))
        for method in METHODS:
            yield SystemCommand(
                f"Summary method: {method}",
                f"Summarise with {method}",
                lambda method=method: self.set_summary_method(method),  # type: ignore[misc]
            )
        yield SystemCommand("Help", "Every key (?)", self.action_help)

    def _sorter(self, key: str):  # type: ignore[no-untyped-def]
        def apply() -> None:
            self.sort_key = key
            self.store.set_setting("sort", key)
            self._rebuild_list()

        return apply

    # ---- leaving ------------------------------------------------------------------------

    def save_position(self) -> None:
        if self.article_view.article is not None:
            self.store.set_setting("last_scroll", self.article_view.scroll_y)

    async def action_quit(self) -> None:
        self.save_position()
        await super().action_quit()

    def on_unmount(self) -> None:
        self.store.close()
