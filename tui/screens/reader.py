"""The reader's screen: the panes side by side, and the routes between them.

Each widget owns its state (the list its articles, view, filter, sort and marks; the view its
highlights; the panel its summary settings; the feeds pane its feeds). The screen hears what
changed, keeps it (StateStore) or tells the pane that needs to know.
"""

from __future__ import annotations

import gc
from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Header, Static

from summarise.library.config import Config
from summarise.library.listing import ALL, Listed
from summarise.library.paths import seeds_path, user_library_path
from summarise.library.state import Setting, StateStore
from tui.actions import ARTICLE, ENTITIES, FEEDS, LIST, READER, Action
from tui.bindings import bindings
from tui.messages import OpenArticle, Progress
from tui.untrusted import untrusted_title
from tui.widgets.article_list import ArticleList
from tui.widgets.article_view import ArticleView
from tui.widgets.feeds_pane import FeedsPane
from tui.widgets.fetcher import AUTO_REFRESH_CHOICES, Fetcher
from tui.widgets.key_footer import KeyFooter
from tui.widgets.library import LibraryService
from tui.widgets.side_panel import SUMMARY, EntityList, SidePanel
from tui.widgets.sidebar import Sidebar

# Highlighting rows faster than this apart (holding j) only shows the last one.
PREVIEW_DELAY = 0.12
# From this many articles listed, the live objects are frozen out of the garbage collector's
# full passes after each listing.
FREEZE_AT_ARTICLES = 20_000


class ReaderScreen(Screen[None]):
    AUTO_FOCUS = "ArticleList"
    BINDINGS = bindings(READER)

    def __init__(
        self, service: LibraryService, store: StateStore, paths: list[Path], config: Config
    ) -> None:
        super().__init__()
        self.service, self.store, self.paths, self.config = service, store, paths, config
        self._preview_timer: Timer | None = None
        self._laid_out_width = 0
        self._position = ""  # the article cursor's place, shown in the title bar
        self._restoring = True  # the article read last time is still to be opened

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="main"):
            with Vertical(id="feeds-column"):
                yield Static(Content("Feeds"), id="feeds-title")
                yield FeedsPane(self.service.roots, id="feeds")
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

    @property
    def feeds(self) -> FeedsPane:
        return self.query_one(FeedsPane)

    def on_mount(self) -> None:
        store, config = self.store, self.config  # what config.toml sets wins over what is kept
        self.article_view.highlighting = store.get(Setting.HIGHLIGHTING)
        self.article_view.measure = config.article_width or self.article_view.measure
        self.panel.restore(
            config.summary_method or store.get(Setting.SUMMARY_METHOD),
            config.summary_sentences or store.get(Setting.SUMMARY_SENTENCES),
        )
        self.article_list.restore(store.get(Setting.SORT))
        self.article_list.set_reactive(ArticleList.unread_only, store.get(Setting.UNREAD_ONLY))
        minutes = store.get(Setting.AUTO_REFRESH)
        if config.refresh_minutes is not None:
            minutes = config.refresh_minutes
        elif minutes not in AUTO_REFRESH_CHOICES:
            minutes = 0
        self.query_one(Fetcher).refresh_every(minutes)
        self.watch(self, "focused", self._focus_moved)
        self._shown_roots = self.service.roots
        self.service.load()
        self.feeds.load()

    def _has_widgets(self) -> bool:  # False while shutting down: nothing left to update
        return self.app.is_running and self.is_attached and bool(self.query(ArticleList))

    # ---- layout and footer --------------------------------------------------------------

    def on_side_panel_changed(self) -> None:
        self.set_class(self.panel.mode is not None, "-panel-open")
        if self.panel.mode != "entities" and "mention" in self._position:
            self._show_position("")  # "Mark Carney: mention 2 of 8" goes with the panel
        self._focus_moved(self.focused)  # the panel's keys come and go with it
        # Focus once the new layout is in place: a pane only just shown cannot take it yet.
        self.call_after_refresh(self._focus_after_layout)

    def on_resize(self) -> None:
        # Only a new width can hide a pane (below 120 columns an open panel takes the list's
        # place); anything more here would answer the layout's own refreshes, for ever.
        if self.size.width != self._laid_out_width:
            self._laid_out_width = self.size.width
            self.call_after_refresh(self._focus_after_layout)

    def _focus_after_layout(self) -> None:
        """The entities panel takes the focus when it opens; otherwise no hidden widget may
        keep it (a narrow terminal hides the list while a panel is open): keys typed then
        would go somewhere the user cannot see."""
        entity_list = self.query_one(EntityList)
        focused = self.focused
        target: Widget | None = None
        if self.panel.mode == "entities" and not isinstance(focused, EntityList):
            if _showing(entity_list):
                target = entity_list
            else:  # the names are still being found: it takes the focus when they are
                self.panel.focus_list_when_shown = True
        if isinstance(focused, EntityList) and self.panel.mode != "entities":
            target = self.article_view  # the panel closed: back to the article it was about
        elif target is None and (focused is None or not _showing(focused)):
            target = self.article_list if _showing(self.article_list) else self.article_view
        if target is not None and target is not focused:
            target.focus()
            self._focus_moved(target)

    def _focus_moved(self, focused: Widget | None) -> None:
        panes: dict[type[Widget], str] = {
            ArticleView: ARTICLE,
            EntityList: ENTITIES,
            FeedsPane: FEEDS,
        }
        pane = panes.get(type(focused), LIST) if focused is not None else LIST
        footer = self.query_one(KeyFooter)
        footer.show_pane(pane, keymap=self.config.keys, available=self._available)

    def _available(self, action: Action) -> bool:
        """Whether the footer offers a key now: one that would only say why it cannot act
        (no summary open, no hits, no link) is left out of the footer, not out of reach."""
        name = action.action.split("(")[0]
        if name in ("cycle_method", "summary_length"):
            return self.panel.mode == SUMMARY
        if name == "step_hit":
            return bool(self.article_view.search_hits)
        if name in ("open_link", "copy_link"):
            article = self.article_view.article
            return article is not None and article.url is not None
        return bool(self.check_action(name, ()))

    # ---- the library and the feeds ------------------------------------------------------

    def on_library_service_loaded(self, message: LibraryService.Loaded) -> None:
        listing = self.article_list
        if message.first and (listing.everything or not listing.newest_first):
            return  # the newest articles are the list's start only when it is sorted by date
        shown = self.article_view.article
        # The article read last time is opened once, unless the user has moved meanwhile.
        untouched = listing.highlighted_article in (None, *listing.articles[:1])
        restoring = self._restoring and shown is None and untouched
        last = self.store.get(Setting.LAST_ARTICLE) if restoring else (shown.id if shown else None)
        listing.set_library(
            message.entries,
            self.store.read_ids(),
            self.store.bookmark_ids(),
            keep=last,
            by_date=message.by_date,
            date_rows=message.date_rows,
        )
        self._count_feeds()
        if not message.first and len(message.entries) >= FREEZE_AT_ARTICLES:
            # A full collection walks every live object: with 100,000 entries listed it takes
            # 0.1-0.2 s, and lands on whatever key is pressed then. Collect once now (a new
            # list is a pause already), then leave what is alive out of later collections.
            gc.unfreeze()
            gc.collect()
            gc.freeze()
        if not message.entries:
            if message.final:
                self.article_view.show_empty(self.paths)
        elif (
            restoring
            and (article := listing.highlighted_article) is not None
            and (article.id == last or not message.first)
        ):
            self._restoring = False
            self.open_article(article, mark_read=False)
            if article.id == last:
                scroll = float(self.store.get(Setting.LAST_SCROLL))
                self.call_after_refresh(self.article_view.scroll_to, y=scroll, animate=False)
        if self.focused is None:
            listing.focus()

    def _count_feeds(self) -> None:
        # Only when the library or a mark changes: the counts are the whole library's, so a
        # new filter or order leaves them (at a million articles a count is a second's work).
        listing = self.article_list
        self.feeds.count(listing.everything, listing.read_ids, listing.bookmark_ids)

    def on_library_service_indexed(self) -> None:
        self.service.find_follows(self.store.follows())

    def on_library_service_following(self, message: LibraryService.Following) -> None:
        self.feeds.set_following(message.found)

    def on_feeds_pane_loaded(self, message: FeedsPane.Loaded) -> None:
        # The pane opens by itself only where there is room beside the list and the article;
        # below 120 columns it would take the list's place.
        wide = not self.has_class("-narrow")
        opened = bool(message.feeds) and wide
        self.set_class(opened != self.has_class("-feeds-toggled"), "-feeds-open")

    def on_feeds_pane_chosen(self, message: FeedsPane.Chosen) -> None:
        self.article_list.view = message.view
        if self.has_class("-narrow"):  # the pane stood in the list's place: show the list
            self.remove_class("-feeds-open", "-feeds-toggled")
        self.article_list.focus()

    def on_progress(self, message: Progress) -> None:
        self.query_one(Sidebar).progress = message.text

    def fetch_folder(self) -> Path:
        """Where added pages go: the folder the reader was opened on, else your library."""
        folders = [p for p in self.paths if p.is_dir()]
        return folders[0] if folders else user_library_path()

    def on_fetcher_done(self, message: Fetcher.Done) -> None:
        mine = user_library_path()
        if not self.paths and (message.feeds_changed or message.folder == mine):
            if seeds_path() in self._shown_roots:  # the samples were showing: say where they went
                said = f"Showing your library now. The samples: newsbrief read {seeds_path()}"
                self.notify(said, title="Your library", timeout=8, markup=False)
            self.paths = self.service.paths = [mine]
            self.feeds.roots = [mine.resolve()]
        self._shown_roots = self.service.roots
        self.service.load()
        self.feeds.load()

    # ---- opening articles ---------------------------------------------------------------

    def open_article(self, listed: Listed, mark_read: bool = True, focus: bool = False) -> None:
        article = self.service.article(listed.id)
        if article is None:
            self.notify(f"{listed.title}: no longer in the library", markup=False)
            return
        view = self.article_view
        if view.article is None or view.article.id != article.id:
            view.show(article, self.service.articles(getattr(listed, "copies", ())))
            self.panel.show_article(article)
            self.store.set(Setting.LAST_ARTICLE, article.id)
        if mark_read:
            self.article_list.set_read([article.id], True)
        if focus:
            view.focus()

    def on_open_article(self, message: OpenArticle) -> None:
        message.stop()
        listing = self.article_list
        if listing.index_of(message.article_id) is None:
            listing.view = ALL  # hidden by the view or a filter: show what is open
            self.query_one(Sidebar).clear_filters()
        row = listing.index_of(message.article_id)
        if row is not None:
            listing.cursor = row
            self.open_article(listing.articles[row], focus=True)
        if message.matches is not None:  # from a search hit: mark its matches, show the first
            view = self.article_view
            view.set_search_hits(message.matches)
            if message.matches:
                self.call_after_refresh(view.jump_to_hit, 0)
            else:
                said = f"{message.query!r} matched the title, tags or names"
                self.notify(said, timeout=3, markup=False)

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
        self._count_feeds()

    def on_article_view_entities_found(self, message: ArticleView.EntitiesFound) -> None:
        self.panel.set_entities(message.article_id, message.entities)

    def on_article_view_position(self, message: ArticleView.Position) -> None:
        self._show_position(message.text)

    def _show_position(self, text: str) -> None:
        """Where the article's cursor is ("hit 3/7") in the title bar, while this screen shows."""
        self._position = text
        if self.is_current:
            self.app.sub_title = untrusted_title(text)

    def on_screen_suspend(self) -> None:
        # Help, search and the briefing are other screens: the article's position is not theirs.
        self.app.sub_title = ""

    def on_screen_resume(self) -> None:
        self.app.sub_title = untrusted_title(self._position)

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

    def action_mark_all_read(self) -> None:
        shown = [a.id for a in self.article_list.articles]
        self.article_list.set_read(shown, True)
        self.notify(f"Marked {len(shown):,} article(s) read", timeout=3)

    def action_toggle_unread_only(self) -> None:
        listing = self.article_list
        listing.unread_only = not listing.unread_only
        self.store.set(Setting.UNREAD_ONLY, listing.unread_only)
        self.notify("Only unread articles" if listing.unread_only else "All articles", timeout=2)

    def action_jump_unread(self, step: int) -> None:
        shown = self.article_view.article
        found = self.article_list.next_unread(shown.id if shown else None, step)
        if found is None:
            self.notify("No more unread articles " + ("below" if step > 0 else "above"), timeout=3)
        else:
            self.open_article(found)

    def action_open_link(self) -> None:
        self.notify(self.article_view.open_link(), timeout=3, markup=False)

    def action_copy_link(self) -> None:
        self.notify(self.article_view.copy_link(), timeout=3, markup=False)

    def action_filter(self) -> None:
        self.query_one(Sidebar).focus_filter()

    def action_cycle_sort(self) -> None:
        self.sort_by(self.article_list.cycle_sort())
        self.notify(f"Sorted by {self.article_list.sort_key}", timeout=2)

    def sort_by(self, key: str) -> None:
        self.article_list.sort_key = key
        self.store.set(Setting.SORT, key)

    def action_toggle_groups(self) -> None:
        if self.article_list.groups is not None:
            self.article_list.groups = None
            return
        self.notify("Grouping the list by story…", timeout=3)
        self.service.group(self.article_list.everything)

    def on_library_service_grouped(self, message: LibraryService.Grouped) -> None:
        self.article_list.groups = message.groups

    def action_toggle_feeds(self) -> None:
        """Open the feeds pane and go to it; from the pane itself, close it."""
        if self.has_class("-feeds-open") and self.focused is not self.feeds:
            self.feeds.focus()
            return
        self.toggle_class("-feeds-open", "-feeds-toggled")
        if self.has_class("-feeds-open"):
            self.feeds.focus()
        else:
            self.article_list.focus()

    def action_toggle_panel(self, mode: str) -> None:
        self.panel.toggle(mode)

    def action_close_panel(self) -> None:
        self.panel.mode = None

    def action_toggle_highlighting(self) -> None:
        view = self.article_view
        view.set_highlighting(not view.highlighting)
        self.store.set(Setting.HIGHLIGHTING, view.highlighting)

    def action_cycle_method(self) -> None:
        if self.panel.mode != SUMMARY:
            self.notify("Open the summary first (s)", timeout=3)
            return
        self.panel.cycle_method()

    def action_summary_length(self, step: int) -> None:
        if self.panel.mode != SUMMARY:
            self.notify("Open the summary first (s)", timeout=3)
            return
        self.panel.change_length(step)

    def action_step_hit(self, step: int) -> None:
        if not self.article_view.search_hits:
            self.notify("No search hits in this article: / searches", timeout=3)
            return
        self.article_view.step_hit(step)

    def action_clear_search_filter(self) -> None:
        self.article_list.search_filter = None

    def action_add_url(self) -> None:
        self.query_one(Fetcher).ask()

    def action_refresh_feeds(self) -> None:
        self.query_one(Fetcher).refresh_feeds()

    def action_cycle_auto_refresh(self) -> None:
        fetcher = self.query_one(Fetcher)
        choices = AUTO_REFRESH_CHOICES
        at = choices.index(fetcher.every) if fetcher.every in choices else 0  # config's own
        minutes = choices[(at + 1) % len(choices)]
        fetcher.refresh_every(minutes)
        self.store.set(Setting.AUTO_REFRESH, minutes)
        said = f"Feeds refresh every {minutes} minutes" if minutes else "Auto refresh off"
        self.notify(said, timeout=3)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Escape is shared: it closes a panel, or else clears a search filter. Every other key
        # acts or says in one line why it cannot.
        if action == "close_panel":
            return self.panel.mode is not None
        if action == "clear_search_filter":
            return self.article_list.search_filter is not None
        return True


def _showing(widget: Widget) -> bool:
    """Whether the widget and every container around it are displayed."""
    return all(node.display for node in widget.ancestors_with_self if isinstance(node, Widget))
