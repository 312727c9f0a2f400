"""The briefing screen: one page over the articles in the list, its stories beside it.

The stories list on the left leads to full coverage: enter on a story lists every article
that reports it, with outlet and date, and enter on one of those opens it in the reader.
`w` saves the page as Markdown, text, HTML or JSON.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Input, LoadingIndicator, Markdown, OptionList, Static
from textual.widgets.option_list import Option

from summarise.article import Article
from summarise.briefing.build import Briefing, BriefingError
from summarise.briefing.model import StoryBrief, StoryLine
from summarise.briefing.render import format_for, render, to_markdown
from summarise.briefing.update import Known, NothingNew
from summarise.feeds.saving import write_atomically
from summarise.library.analysis import AnalysisCache
from summarise.library.listing import Listed
from summarise.library.paths import documents_folder
from summarise.library.progress import thinned
from summarise.usecases import Briefed, brief_entries
from tui.actions import BRIEFING, PAGE, STORIES
from tui.bindings import bindings
from tui.untrusted import untrusted
from tui.widgets.key_footer import KeyFooter

Fetch = Callable[[Sequence[str]], dict[str, Article]]


def _story_option(number: int, title: str, count: int) -> Content:
    noun = "article" if count == 1 else "articles"
    return Content.assemble(
        (f"{number}. ", "bold"), untrusted(title), (f"\n   {count:,} {noun}", "$text-muted")
    )


class CoverageScreen(ModalScreen[str | None]):
    """Every article of one story, newest first; enter opens one."""

    BINDINGS = [("escape,q", "dismiss(None)", "Back")]

    def __init__(self, title: str, entries: Sequence[Listed]) -> None:
        super().__init__()
        self.story_title = title
        self.entries = list(entries)

    def compose(self) -> ComposeResult:
        with Vertical(id="coverage-box"):
            count = len(self.entries)
            heading = f"{self.story_title} · {count:,} article{'s' if count != 1 else ''}"
            yield Static(untrusted(heading), id="coverage-title")
            yield OptionList(
                *(
                    Option(
                        Content.assemble(
                            untrusted(f"{e.date or 'undated':10}  ").stylize("$text-muted"),
                            untrusted(f"{(e.source or '-')[:18]:18}  ").stylize("$text-accent"),
                            untrusted(e.title),
                        ),
                        id=e.id,
                    )
                    for e in self.entries
                ),
                id="coverage-list",
            )
            yield Static(Content("enter opens · escape goes back"), id="coverage-hint")

    def on_mount(self) -> None:
        listing = self.query_one("#coverage-list", OptionList)
        listing.highlighted = 0 if self.entries else None
        listing.focus()

    @on(OptionList.OptionSelected, "#coverage-list")
    def _open(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)


class BriefingPage(VerticalScroll, can_focus=True):
    """The briefing's page: scrolled with the reader's keys (space, b, j, k, g, G)."""

    BINDINGS = bindings(PAGE)


class BriefingScreen(ModalScreen[str | None]):
    """Dismissed with the id of an article to open, or None."""

    BINDINGS = bindings(BRIEFING)

    class Built(Message):
        """The worker's briefing, or None when there was nothing to brief."""

        def __init__(self, briefed: Briefed | None) -> None:
            super().__init__()
            self.briefed = briefed

    def __init__(
        self,
        entries: Sequence[Listed],
        fetch: Fetch,
        cache: AnalysisCache | None,
        save_dir: Path | None = None,
        keymap: Mapping[str, str] | None = None,
        known: Known | None = None,
    ) -> None:
        super().__init__()
        # With what the reader knows: "what's new", an update briefing of the rest.
        self.known = known
        self.keymap = dict(keymap or {})
        self.entries = list(entries)
        self.by_id: Mapping[str, Listed] = {e.id: e for e in self.entries}
        self.fetch = fetch
        self.cache = cache if cache is not None else AnalysisCache.default()
        self.save_dir = save_dir
        self.briefing: Briefing | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="briefing-box"):
            count = len(self.entries)
            doing = "Looking for what is new in" if self.known else "Briefing"
            yield Static(untrusted(f"{doing} {count:,} articles…"), id="briefing-status")
            yield LoadingIndicator(id="briefing-loading")
            with Horizontal(id="briefing-body"):
                yield OptionList(id="briefing-stories")
                with BriefingPage(id="briefing-scroll"):
                    yield Markdown(id="briefing-page")
            with Vertical(id="save-box"):
                yield Static("", id="save-label")
                yield Input(
                    id="save-path", placeholder="a name ending in .md, .txt, .html or .json"
                )
            yield KeyFooter(PAGE, always=("help", "briefing-close"), id="briefing-footer")

    def on_mount(self) -> None:
        self.query_one("#save-box").display = False
        self.query_one("#briefing-body").display = False
        self.query_one("#briefing-scroll").focus()
        self.build()

    def on_descendant_focus(self) -> None:
        pane = STORIES if isinstance(self.focused, OptionList) else PAGE
        self.query_one(KeyFooter).show_pane(pane, keymap=self.keymap)

    @work(thread=True, exclusive=True, group="briefing")
    def build(self) -> None:
        def analysing(done: int, total: int) -> None:
            self.app.call_from_thread(self._status, f"Analysing {done:,}/{total:,} articles…")

        shown = thinned(analysing)
        try:
            briefed = brief_entries(
                self.entries,
                self.fetch,
                cache=self.cache,
                progress=lambda _, d, t: shown(d, t),
                known=self.known,
            )
        except NothingNew:
            said = "Nothing new: you have read every article (or been told it by brief --new)."
            self.app.call_from_thread(self._status, said)
            self.post_message(self.Built(None))
            return
        except BriefingError as exc:
            self.app.call_from_thread(self._status, f"Nothing to brief: {exc}.")
            self.post_message(self.Built(None))
            return
        except MemoryError:
            # A million articles at once did not fit 12 GB: the reader stays, and says how.
            said = (
                f"Not enough memory to brief {len(self.entries):,} articles at once: filter "
                "the list (f) or brief a search's articles."
            )
            self.app.call_from_thread(self._status, said)
            self.post_message(self.Built(None))
            return
        self.post_message(self.Built(briefed))

    def _status(self, text: str) -> None:
        self.query_one("#briefing-status", Static).update(untrusted(text))

    async def on_briefing_screen_built(self, message: Built) -> None:
        self.query_one("#briefing-loading").display = False
        if message.briefed is None:
            return
        briefed = message.briefed
        briefing = briefed.briefing
        self.query_one("#briefing-body").display = True
        stories = self.query_one("#briefing-stories", OptionList)
        told = [
            (s.title if s.status is None else f"{s.title} ({s.status.split(':')[0]})", s.count)
            for s in briefing.stories
        ]
        told += [(s.title, s.count) for s in briefing.more_stories]
        stories.add_options(
            Option(_story_option(n, title, count), id=str(n - 1))
            for n, (title, count) in enumerate(told, 1)
        )
        stories.highlighted = 0 if told else None
        # Markdown renders asynchronously; the briefing counts as shown once it has.
        await self.query_one("#briefing-page", Markdown).update(to_markdown(briefing))
        self._status(briefed.status())
        self.query_one("#briefing-scroll").focus()
        self.briefing = briefing  # last: from here on, the page is shown and has the focus

    @on(OptionList.OptionSelected, "#briefing-stories")
    def _coverage(self, event: OptionList.OptionSelected) -> None:
        if self.briefing is None or event.option.id is None:
            return
        every: list[StoryBrief | StoryLine] = [*self.briefing.stories, *self.briefing.more_stories]
        story = every[int(event.option.id)]
        entries = [self.by_id[i] for i in story.article_ids if i in self.by_id]
        self.app.push_screen(CoverageScreen(story.title, entries), self._opened)

    def _opened(self, article_id: str | None) -> None:
        if article_id is not None:
            self.dismiss(article_id)

    def action_close(self) -> None:
        box = self.query_one("#save-box")
        if box.display:
            box.display = False
            self.query_one("#briefing-scroll").focus()
            return
        self.dismiss(None)

    def action_save(self) -> None:
        if self.briefing is None:
            self.notify("The briefing is not ready yet", timeout=3)
            return
        folder = self.save_dir or documents_folder()
        self.query_one("#save-label", Static).update(
            untrusted(f"Save the briefing in {folder} as (enter saves, escape cancels):")
        )
        field = self.query_one("#save-path", Input)
        field.value = str(folder / f"briefing-{datetime.date.today().isoformat()}.md")
        self.query_one("#save-box").display = True
        field.focus()
        field.cursor_position = len(field.value)

    @on(Input.Submitted, "#save-path")
    def _save(self, event: Input.Submitted) -> None:
        if self.briefing is None:
            return
        path = Path(event.value).expanduser()
        fmt = format_for(path)
        if fmt is None:
            self.notify("Use a name ending in .md, .txt, .html or .json", severity="error")
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(path, render(self.briefing, fmt))
        except OSError as exc:
            self.notify(
                f"Could not save {path}: {exc.strerror or exc}", severity="error", markup=False
            )
            return
        self.query_one("#save-box").display = False
        self.query_one("#briefing-scroll").focus()
        self.notify(f"Saved {path}", timeout=4, markup=False)
