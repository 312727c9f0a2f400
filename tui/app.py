"""The newsbrief reader: the app holds what every screen shares.

The reading state (StateStore), the library service, the theme, the command palette and the
screens opened over the reader (help, search, briefing). The reader's own panes and the routes
between them are the ReaderScreen's (screens/reader.py).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.app import App, SystemCommand
from textual.screen import Screen

from summarise.language.summarisers import METHODS
from summarise.library.config import Config, load_config
from summarise.library.state import Setting, StateStore
from summarise.untrusted import printable, printable_lines
from tui.actions import APP, BY_ID, READER, keymap_problems
from tui.bindings import bindings
from tui.commands import ArticleCommands, action_commands
from tui.messages import OpenArticle
from tui.screens.help import HelpScreen
from tui.screens.reader import ReaderScreen
from tui.screens.search import SearchChoice, SearchScreen
from tui.widgets.article_list import ArticleList, SearchFilter
from tui.widgets.article_view import ArticleView
from tui.widgets.library import LibraryService
from tui.widgets.side_panel import SidePanel

if TYPE_CHECKING:
    # Imported where they are used: the first paint does not need them.
    from summarise.library.analysis import AnalysisCache


class NewsbriefApp(App[None]):
    CSS_PATH = Path(__file__).with_name("newsbrief.tcss")
    TITLE = "newsbrief"
    COMMANDS = App.COMMANDS | {ArticleCommands}
    BINDINGS = bindings(APP)
    # Below 120 columns an open panel hides the sidebar, so the article keeps a readable
    # measure (newsbrief.tcss).
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]

    def notify(self, message: str, *, title: str = "", **options: Any) -> None:
        """Notifications name files, feeds and servers: every line is made printable, so no
        name can drive the terminal or add lines of its own."""
        super().notify(printable_lines(message), title=printable(title), **options)

    def __init__(
        self,
        paths: list[Path] | None = None,
        store: StateStore | None = None,
        analysis_cache: AnalysisCache | None = None,
        jobs: int | None = None,
        config: Config | None = None,
        follow_links: bool = False,
    ) -> None:
        super().__init__()
        self.paths = list(paths or [])
        self.store = store or StateStore.open_default()
        self.config = config if config is not None else load_config(methods=METHODS)
        self.service = LibraryService(self.paths, jobs, follow_links)
        self.reader = ReaderScreen(self.service, self.store, self.paths, self.config)
        self._analysis_cache = analysis_cache

    def get_default_screen(self) -> Screen:
        return self.reader

    @property
    def article_list(self) -> ArticleList:
        return self.reader.article_list

    @property
    def article_view(self) -> ArticleView:
        return self.reader.article_view

    @property
    def panel(self) -> SidePanel:
        return self.reader.panel

    def on_mount(self) -> None:
        problems = list(self.config.problems)
        theme = self.config.theme or self.store.get(Setting.THEME)
        if theme in self.available_themes:
            self.theme = theme
        elif self.config.theme:
            problems.append(f"config.toml: theme {theme!r} is not a theme; it is ignored")
        self.theme_changed_signal.subscribe(self, lambda t: self.store.set(Setting.THEME, t.name))
        problems += keymap_problems(self.config.keys)
        self.set_keymap({i: k for i, k in self.config.keys.items() if i in BY_ID})
        for problem in problems:
            self.notify(problem, title="Config", severity="warning", timeout=10, markup=False)
        for warning in self.store.warnings:
            self.notify(warning, title="Reading state", severity="warning", markup=False)

    # ---- screens over the reader --------------------------------------------------------

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.config.keys))

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
            hit = choice.hit
            self.reader.post_message(OpenArticle(hit.article_id, hit.matches, choice.query))

    def action_briefing(self) -> None:
        """A briefing over the articles the list shows (all, or the filtered or found ones)."""
        entries = self.article_list.articles
        if not entries or self.service.catalogue is None:
            self.notify("No articles in the list to brief", severity="warning")
            return
        from tui.screens.briefing import BriefingScreen

        screen = BriefingScreen(
            entries,
            self.service.catalogue.articles,
            self._analysis_cache,
            keymap=self.config.keys,
        )
        self.push_screen(screen, self._briefed)

    def action_whats_new(self) -> None:
        """An update briefing of the whole library for what you have not read (nor been told by
        `brief --new`): new and developing stories, each with its timeline."""
        entries = self.article_list.everything
        if not entries or self.service.catalogue is None:
            self.notify("No articles yet", severity="warning")
            return
        from summarise.usecases import known_articles
        from tui.screens.briefing import BriefingScreen

        known = known_articles(self.store.read_ids() | self.store.told_ids())
        screen = BriefingScreen(
            entries,
            self.service.catalogue.articles,
            self._analysis_cache,
            keymap=self.config.keys,
            known=known,
        )
        self.push_screen(screen, self._briefed)

    def _briefed(self, article_id: str | None) -> None:
        if article_id is not None:  # chosen from a story's coverage
            self.reader.post_message(OpenArticle(article_id))

    def on_open_article(self, message: OpenArticle) -> None:
        """From the palette, which posts to the app: the reader opens articles."""
        message.stop()
        self.reader.post_message(OpenArticle(message.article_id, message.matches, message.query))

    # ---- the palette --------------------------------------------------------------------

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        use = partial(setattr, self.panel, "method")
        yield from action_commands(self._run, self.reader.sort_by, use)

    def _run(self, action_id: str) -> None:
        action = BY_ID[action_id]
        target = self.reader if action.owner == READER else self
        self.call_later(self.run_action, action.action, target)

    def deliver_screenshot(
        self, filename: str | None = None, path: str | None = None, time_format: str | None = None
    ) -> str | None:
        """The palette's Screenshot, saved to a folder that exists (see screenshot_folder)."""
        from summarise.library.paths import screenshot_folder

        return super().deliver_screenshot(filename, path or str(screenshot_folder()), time_format)

    # ---- leaving ------------------------------------------------------------------------

    async def action_quit(self) -> None:
        if self.article_view.article is not None:
            self.store.set(Setting.LAST_SCROLL, self.article_view.scroll_y)
        await super().action_quit()

    def on_unmount(self) -> None:
        self.store.close()
