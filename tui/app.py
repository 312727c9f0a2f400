"""The newsbrief reader: it composes the panes, routes their messages and keeps the state.

Each widget owns its state (the list its articles, filter, sort and marks; the view its
highlights; the panel its summary settings; the search screen its history). The app hears what
changed, keeps it (StateStore) or tells the pane that needs to know."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App, ComposeResult, SystemCommand
from textual.containers import Horizontal
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Header

from summarise.library import Listed
from summarise.paths import user_library_path
from summarise.state import Setting, StateStore
from tui.actions import APP, ARTICLE, ENTITIES, LIST, Action, bindings
from tui.commands import ArticleCommands, action_commands
from tui.messages import OpenArticle, Progress
from tui.screens.help import HelpScreen
from tui.screens.search import SearchChoice, SearchScreen
from tui.widgets.article_list import ArticleList, SearchFilter
from tui.widgets.article_view import ArticleView
from tui.widgets.fetcher import Fetcher
from tui.widgets.key_footer import KeyFooter
from tui.widgets.library import LibraryService
from tui.widgets.side_panel import SUMMARY, EntityList, SidePanel
from tui.widgets.sidebar import Sidebar

if TYPE_CHECKING:
    # Imported where they are used: the first paint does not need them.
    from summarise.analysis import AnalysisCache

# Highlighting rows faster than this apart (holding j) only shows the last one.
PREVIEW_DELAY = 0.12


class NewsbriefApp(App[None]):
    CSS_PATH = Path(__file__).with_name("newsbrief.tcss")
    TITLE = "newsbrief"
    COMMANDS = App.COMMANDS | {ArticleCommands}
    AUTO_FOCUS = "ArticleList"
    BINDINGS = bindings(APP)
    # Below 120 columns an open panel hides the sidebar, so the article keeps a readable
    # measure (newsbrief.tcss).
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]

    def __init__(
        self,
        paths: list[Path] | None = None,
        store: StateStore | None = None,
        analysis_cache: AnalysisCache | None = None,
        jobs: int | None = None,
    ) -> None:
        super().__init__()
        self.paths = list(paths or [])
        self.store = store or StateStore.open_default()
        self.service = LibraryService(self.paths, jobs)
        self._analysis_cache = analysis_cache
        self._preview_timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="main"):
            yield Sidebar(id="sidebar")
            yield ArticleView(id="article")
            yield SidePanel(id="panel")
        yield KeyFooter(id="footer")
        yield self.service
        yield Fetcher(self.fetch_folder())

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
        theme = self.store.get(Setting.THEME)
        if theme in self.available_themes:
            self.theme = theme
        self.theme_changed_signal.subscribe(self, lambda t: self.store.set(Setting.THEME, t.name))
        for warning in self.store.warnings:
            self.notify(warning, title="Reading state", severity="warning", markup=False)
        self.article_view.highlighting = self.store.get(Setting.HIGHLIGHTING)
        store = self.store
        self.panel.restore(store.get(Setting.SUMMARY_METHOD), store.get(Setting.SUMMARY_SENTENCES))
        self.article_list.restore(store.get(Setting.SORT))
        self.watch(self.screen, "focused", self._focus_moved)
        self.service.load()

    def _has_widgets(self) -> bool:  # False while shutting down: nothing left to update
        return self.is_running and bool(self.screen_stack) and bool(self.query(ArticleList))

    # ---- layout and footer --------------------------------------------------------------

    def on_side_panel_changed(self) -> None:
        self.screen.set_class(self.panel.mode is not None, "-panel-open")
        if self.panel.mode == "entities":
            self.query_one(EntityList).focus()
        elif not self.focused or isinstance(self.focused, EntityList):
            self.article_view.focus()  # never leave the focus in a hidden pane
        self._focus_moved(self.focused)

    def _focus_moved(self, focused: Widget | None) -> None:
        pane = {ArticleView: ARTICLE, EntityList: ENTITIES}.get(type(focused), LIST)
        self.query_one(KeyFooter).show_pane(pane, available=self._available)

    def _available(self, action: Action) -> bool:
        return bool(self.check_action(action.action, ()))

    # ---- the library --------------------------------------------------------------------

    def on_library_service_loaded(self, message: LibraryService.Loaded) -> None:
        listing = self.article_list
        first = not listing.everything
        shown = self.article_view.article
        last = self.store.get(Setting.LAST_ARTICLE) if first else (shown and shown.id)
        listing.set_library(
            message.entries, self.store.read_ids(), self.store.bookmark_ids(), keep=last
        )
        if not message.entries:
            if message.final:
                self.article_view.show_empty(self.paths)
        elif first and (article := listing.highlighted_article) is not None:
            self.open_article(article, mark_read=False)
            if article.id == last:
                scroll = float(self.store.get(Setting.LAST_SCROLL))
                self.call_after_refresh(self.article_view.scroll_to, y=scroll, animate=False)
        if self.focused is None:
            listing.focus()

    def on_progress(self, message: Progress) -> None:
        self.query_one(Sidebar).progress = message.text

    # ---- opening articles ---------------------------------------------------------------

    def open_article(self, listed: Listed, mark_read: bool = True, focus: bool = False) -> None:
        article = self.service.article(listed.id)
        if article is None:
            self.notify(f"{listed.title}: no longer in the library", markup=False)
            return
        view = self.article_view
        if view.article is None or view.article.id != article.id:
            view.show(article)
            self.panel.show_article(article)
            self.store.set(Setting.LAST_ARTICLE, article.id)
        if mark_read:
            self.article_list.set_read([article.id], True)
        if focus:
            view.focus()

    def on_open_article(self, message: OpenArticle) -> None:
        listing = self.article_list
        if listing.index_of(message.article_id) is None:
            self.query_one(Sidebar).clear_filters()  # hidden by a filter: show what is open
        row = listing.index_of(message.article_id)
        if row is not None:
            listing.cursor = row
            self.open_article(listing.articles[row], focus=True)

    def on_article_list_highlighted(self) -> None:
        if self._preview_timer is not None:
            self._preview_timer.stop()
        self._preview_timer = self.set_timer(PREVIEW_DELAY, self._show_highlighted)

    def _show_highlighted(self) -> None:
        if self._has_widgets() and (article := self.article_list.highlighted_article):
            self.open_article(article, mark_read=False)

    def on_article_list_selected(self, message: ArticleList.Selected) -> None:
        self.open_article(message.article, focus=True)

    def on_article_list_mark_changed(self, message: ArticleList.MarkChanged) -> None:
        self.store.set_mark(message.article_ids, message.mark, message.on)

    def on_article_view_entities_found(self, message: ArticleView.EntitiesFound) -> None:
        self.panel.set_entities(message.article_id, message.entities)

    def on_article_view_position(self, message: ArticleView.Position) -> None:
        self.sub_title = message.text

    def on_side_panel_summary_shown(self, message: SidePanel.SummaryShown) -> None:
        self.article_view.set_summary(message.sentences)

    def on_side_panel_settings_changed(self, message: SidePanel.SettingsChanged) -> None:
        self.store.set(Setting.SUMMARY_METHOD, message.method)
        self.store.set(Setting.SUMMARY_SENTENCES, message.sentences)

    def on_entity_list_chosen(self, message: EntityList.Chosen) -> None:
        self.article_view.next_mention(message.key, message.entity)

    # ---- actions ------------------------------------------------------------------------

    def _current(self) -> Listed | None:
        return self.article_view.article or self.article_list.highlighted_article

    def action_toggle_mark(self, mark: str) -> None:
        if (article := self._current()) is not None:
            self.article_list.toggle_mark(article.id, mark)

    def action_jump_unread(self, step: int) -> None:
        shown = self.article_view.article
        found = self.article_list.next_unread(shown.id if shown else None, step)
        if found is None:
            self.notify("No more unread articles " + ("below" if step > 0 else "above"), timeout=3)
        else:
            self.open_article(found)

    def action_filter(self) -> None:
        self.query_one(Sidebar).focus_filter()

    def action_cycle_sort(self) -> None:
        key = self.article_list.cycle_sort()
        self.store.set(Setting.SORT, key)
        self.notify(f"Sorted by {key}", timeout=2)

    def action_toggle_groups(self) -> None:
        if self.article_list.groups is not None:
            self.article_list.groups = None
            return
        self.notify("Grouping the list by story…", timeout=3)
        self.service.group(self.article_list.everything)

    def on_library_service_grouped(self, message: LibraryService.Grouped) -> None:
        self.article_list.groups = message.groups

    def _sort_by(self, key: str) -> None:
        self.article_list.sort_key = key
        self.store.set(Setting.SORT, key)

    def action_toggle_panel(self, mode: str) -> None:
        self.panel.toggle(mode)

    def action_toggle_highlighting(self) -> None:
        view = self.article_view
        view.set_highlighting(not view.highlighting)
        self.store.set(Setting.HIGHLIGHTING, view.highlighting)

    def action_cycle_method(self) -> None:
        self.panel.cycle_method()

    def action_summary_length(self, step: int) -> None:
        self.panel.change_length(step)

    def action_step_hit(self, step: int) -> None:
        self.article_view.step_hit(step)

    def action_clear_search_filter(self) -> None:
        self.article_list.search_filter = None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("cycle_method", "summary_length"):
            return self.panel.mode == SUMMARY
        if action == "step_hit":
            return bool(self.article_view.search_hits)
        if action == "clear_search_filter":
            return self.article_list.search_filter is not None
        return True

    # ---- screens ------------------------------------------------------------------------

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_search(self) -> None:
        sources = {a.id: a.source for a in self.article_list.everything}
        history = self.store.get(Setting.SEARCH_HISTORY)
        self.push_screen(SearchScreen(self.service, sources, history), self._searched)

    def _searched(self, choice: SearchChoice | None) -> None:
        if choice is None:
            return
        self.store.set(Setting.SEARCH_HISTORY, list(choice.history))
        if choice.filter_ids:
            self.article_list.search_filter = SearchFilter(choice.query, choice.filter_ids)
            self.article_list.focus()
        elif choice.hit is not None:
            self.on_open_article(OpenArticle(choice.hit.article_id))
            view = self.article_view
            view.set_search_hits(choice.hit.matches)
            if choice.hit.matches:
                self.call_after_refresh(view.jump_to_hit, 0)
            else:
                said = f"{choice.query!r} matched the title, tags or names"
                self.notify(said, timeout=3, markup=False)

    def action_briefing(self) -> None:
        """A briefing over the articles the list shows (all, or the filtered or found ones)."""
        entries = self.article_list.articles
        if not entries or self.service.catalogue is None:
            self.notify("No articles in the list to brief", severity="warning")
            return
        from tui.screens.briefing import BriefingScreen

        screen = BriefingScreen(entries, self.service.catalogue.articles, self._analysis_cache)
        self.push_screen(screen, self._briefed)

    def _briefed(self, article_id: str | None) -> None:
        if article_id is not None:  # chosen from a story's coverage
            self.on_open_article(OpenArticle(article_id))

    # ---- fetching -----------------------------------------------------------------------

    def fetch_folder(self) -> Path:
        """Where added URLs go: the folder the reader was opened on, else your library."""
        folders = [p for p in self.paths if p.is_dir()]
        return folders[0] if folders else user_library_path()

    def action_add_url(self) -> None:
        self.query_one(Fetcher).ask()

    def action_refresh_feeds(self) -> None:
        self.query_one(Fetcher).refresh_feeds()

    def on_fetcher_done(self, message: Fetcher.Done) -> None:
        if not self.paths and message.folder == user_library_path():
            self.paths = self.service.paths = [message.folder]  # yours now, not the samples
        self.service.load()

    # ---- the palette --------------------------------------------------------------------

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        use = partial(setattr, self.panel, "method")
        yield from action_commands(self.run_action, self._sort_by, use)

    # ---- leaving ------------------------------------------------------------------------

    async def action_quit(self) -> None:
        if self.article_view.article is not None:
            self.store.set(Setting.LAST_SCROLL, self.article_view.scroll_y)
        await super().action_quit()

    def on_unmount(self) -> None:
        self.store.close()
