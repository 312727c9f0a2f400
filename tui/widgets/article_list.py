"""The sidebar: a virtual list of articles that owns its model.

Only the rows on screen are ever rendered, so 100,000 articles cost what 50 do. The widget holds
the whole list's state as reactives (the filter, the sort, a search's ranked ids) and rebuilds
what it shows when one changes; read and bookmark marks are its own sets, and the unread count
of what is shown moves by one per change instead of being counted again.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Sequence
from dataclasses import dataclass

from rich.segment import Segment
from textual import events
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style
from textual.timer import Timer

from summarise.library.listing import (
    ALL,
    SORT_KEYS,
    Listed,
    View,
    filter_articles,
    in_view,
    sort_articles,
)
from tui.actions import LIST
from tui.bindings import bindings
from tui.collector import no_collections
from tui.untrusted import untrusted

ROW_HEIGHT = 2
# Narrower than this, a row gives its title two lines (and its details a third) instead of
# cutting it after a couple of words.
WRAP_BELOW = 44
# Rendered rows kept for redraws; a screenful is 20-40.
ROW_CACHE_SIZE = 512


@dataclass(frozen=True, slots=True)
class SearchFilter:
    query: str
    ranked_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class StoryGroup:
    """A story the list can be grouped by: its headline and its articles, newest first."""

    title: str
    article_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Header:
    title: str
    count: int


# From this many articles the list shown is worked out (view, filter, sort, stories) in a
# thread of its own, once the typing pauses: at a million a filter took 0.5-0.9 s a keystroke
# and a sort by source 1.9 s on the keys' thread.
REBUILD_IN_THREAD_FROM = 20_000
REBUILD_PAUSE = 0.15


@dataclass(frozen=True, slots=True)
class _Shown:
    """What the list shows, worked out from one moment's settings and marks."""

    number: int  # which rebuild asked: only the latest one's is shown
    rows: list[Listed | _Header]
    articles: list[Listed]
    row_of: dict[str, int]
    count: int


@dataclass(frozen=True, slots=True)
class _Listing:
    """The settings a rebuild works from, taken at one moment (copies: the marks change on the
    keys' thread while a thread works it out)."""

    number: int
    base: list[Listed]
    view: View
    read_ids: set[str]
    bookmark_ids: set[str]
    unread_only: bool
    ranked_ids: tuple[str, ...] | None
    filter_text: str
    sort_key: str | None  # None: `base` is in the order to show already
    groups: tuple[StoryGroup, ...] | None

    def work_out(self) -> _Shown:
        viewed = in_view(self.base, self.view, self.read_ids, self.bookmark_ids)
        if self.unread_only:
            viewed = [a for a in viewed if a.id not in self.read_ids]
        if self.ranked_ids is not None:
            by_id = {a.id: a for a in viewed}
            ranked = [by_id[i] for i in self.ranked_ids if i in by_id]
            shown = filter_articles(ranked, self.filter_text)
        elif self.sort_key is None:
            shown = filter_articles(viewed, self.filter_text)
        else:
            shown = sort_articles(filter_articles(viewed, self.filter_text), self.sort_key)
        rows: list[Listed | _Header] = (
            _grouped(shown, self.groups) if self.groups is not None else list(shown)
        )
        articles = [r for r in rows if not isinstance(r, _Header)]
        row_of = {r.id: row for row, r in enumerate(rows) if not isinstance(r, _Header)}
        return _Shown(self.number, rows, articles, row_of, len(shown))


def _grouped(shown: list[Listed], groups: Sequence[StoryGroup]) -> list[Listed | _Header]:
    """The shown articles under their stories' headlines, stories as given."""
    by_id = {a.id: a for a in shown}
    rows: list[Listed | _Header] = []
    placed: set[str] = set()
    for group in groups:
        members = [by_id[i] for i in group.article_ids if i in by_id and i not in placed]
        if members:
            rows.append(_Header(group.title, len(members)))
            rows += members
            placed.update(a.id for a in members)
    rest = [a for a in shown if a.id not in placed]
    if rest:
        rows.append(_Header("Not in a story yet", len(rest)))
        rows += rest
    return rows


class ArticleList(ScrollView, can_focus=True):
    """Articles two lines each: title with read and bookmark marks, then outlet and date."""

    BINDINGS = bindings(LIST)
    COMPONENT_CLASSES = {
        "article-list--cursor",
        "article-list--cursor-blurred",
        "article-list--details",
        "article-list--unread-mark",
        "article-list--star",
        "article-list--story",
    }
    DEFAULT_CSS = """
    ArticleList {
        background: $surface;
        & > .article-list--cursor { background: $block-cursor-background;
                                    color: $block-cursor-foreground; }
        & > .article-list--cursor-blurred { background: $block-cursor-blurred-background; }
        & > .article-list--details { color: $text-muted; }
        & > .article-list--unread-mark { color: $text-accent; text-style: bold; }
        & > .article-list--star { color: $text-warning; }
        & > .article-list--story { background: $boost; color: $text-primary; }
    }
    """

    filter_text: reactive[str] = reactive("", init=False)
    sort_key: reactive[str] = reactive("date", init=False)
    search_filter: reactive[SearchFilter | None] = reactive(None, init=False)
    groups: reactive[tuple[StoryGroup, ...] | None] = reactive(None, init=False)
    view: reactive[View] = reactive(ALL, init=False)
    # Only unread articles, in any view. One read while shown stays until the list is rebuilt,
    # so opening an article does not pull it from under the cursor.
    unread_only: reactive[bool] = reactive(False, init=False)
    cursor: reactive[int] = reactive(0, init=False, always_update=True)

    class Highlighted(Message):
        """The cursor moved to an article (previewed, not yet read)."""

        def __init__(self, article: Listed) -> None:
            super().__init__()
            self.article = article

    class Selected(Message):
        """The user opened an article (enter or a click)."""

        def __init__(self, article: Listed) -> None:
            super().__init__()
            self.article = article

    class Changed(Message):
        """What the list shows changed: its counts, for titles and status lines."""

        def __init__(self, shown: int, total: int, unread: int) -> None:
            super().__init__()
            self.shown, self.total, self.unread = shown, total, unread

    class Working(Message):
        """A new order, filter or view is being worked out (a big list, in a thread): the
        counts have not changed yet, so nothing need be counted again."""

    class MarkChanged(Message):
        """A read or bookmark mark changed; the app keeps it."""

        def __init__(self, article_ids: list[str], mark: str, on: bool) -> None:
            super().__init__()
            self.article_ids, self.mark, self.on = article_ids, mark, on

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.everything: list[Listed] = []
        self._by_date: list[Listed] | None = None  # everything, newest first, when given
        self._date_rows: dict[str, int] | None = None  # each one's place in _by_date
        self._asked = 0  # rebuilds asked for: a thread's result is shown only if the latest
        self.working = False  # a rebuild is being worked out in a thread
        self._rebuild_timer: Timer | None = None
        self.articles: list[Listed] = []  # as shown: filtered and sorted
        self.rows: list[Listed | _Header] = []  # the articles, and story headers when grouped
        self.read_ids: set[str] = set()
        self.bookmark_ids: set[str] = set()
        self._row_of: dict[str, int] = {}
        self._unread_shown = 0
        self._rows: dict[tuple[object, ...], Strip] = {}
        self.row_height = ROW_HEIGHT

    # ---- the model ----------------------------------------------------------------------

    def set_library(
        self,
        articles: Sequence[Listed],
        read_ids: set[str],
        bookmark_ids: set[str],
        keep: str | None = None,
        by_date: Sequence[Listed] | None = None,
        date_rows: dict[str, int] | None = None,
    ) -> None:
        """Every article of the library and the marks; the cursor stays on `keep` if listed.
        `by_date`: the same articles already sorted newest first, and `date_rows` each one's
        place in it, so that sorting a million of them and mapping their places (2 s on the
        keys' thread) is not done here, where the keys wait."""
        self.everything = list(articles)
        self._by_date = list(by_date) if by_date is not None else None
        self._date_rows = date_rows if by_date is not None else None
        self.read_ids, self.bookmark_ids = read_ids, bookmark_ids
        self.rebuild(keep)

    @property
    def newest_first(self) -> bool:
        """Whether the list shows articles newest first, so that the newest few are its
        start whatever the view or filter."""
        return self.sort_key == "date" and self.groups is None and self.search_filter is None

    def rebuild(self, keep: str | None = None) -> None:
        asked = keep is not None
        if keep is None and self.highlighted_article is not None:
            keep = self.highlighted_article.id
        # Views and filters keep the order they are given: sorted already, they stay sorted.
        presorted = self.sort_key == "date" and self._by_date is not None
        self._asked += 1  # whatever a thread is still working out is not shown now
        if self._rebuild_timer is not None:
            self._rebuild_timer.stop()
            self._rebuild_timer = None
        if presorted and self._whole_by_date():
            self._show_whole_by_date(keep)
            return
        base = self._by_date if presorted and self._by_date is not None else self.everything
        listing = _Listing(
            self._asked,
            base,
            self.view,
            set(self.read_ids),
            set(self.bookmark_ids),
            self.unread_only,
            self.search_filter.ranked_ids if self.search_filter is not None else None,
            self.filter_text,
            None if presorted else self.sort_key,
            self.groups,
        )
        if len(base) < REBUILD_IN_THREAD_FROM or not self.is_mounted:
            self._show(listing.work_out(), keep)
            return
        self._rebuild_timer = self.set_timer(
            REBUILD_PAUSE, lambda: self._work_out(listing, keep if asked else None)
        )
        self.working = True  # the status line says so until it is shown
        self.post_message(self.Working())

    def _work_out(self, listing: _Listing, keep: str | None) -> None:
        # A thread of its own, not a worker: the workers' threads are shared with the reader's
        # other work, and a sort waited seconds for one at a million articles.
        threading.Thread(target=self._in_thread, args=(listing, keep), daemon=True).start()

    def _in_thread(self, listing: _Listing, keep: str | None) -> None:
        if listing.number != self._asked:
            return  # a later rebuild was asked meanwhile
        try:
            with no_collections():
                shown = listing.work_out()
        except Exception as exc:  # a mistake here must not leave the list "working" for ever
            with contextlib.suppress(RuntimeError):
                self.app.call_from_thread(self._not_worked_out, listing.number, exc)
            return
        with contextlib.suppress(RuntimeError):  # the reader closed meanwhile
            self.app.call_from_thread(self._show, shown, keep)

    def _not_worked_out(self, number: int, exc: Exception) -> None:
        if number == self._asked:
            self.working = False
            self.post_message(self.Working())  # the status line drops "working…"
        self.notify(
            f"The list could not be sorted or filtered ({type(exc).__name__}: {exc})",
            severity="error",
            markup=False,
        )

    def _show(self, shown: _Shown, keep: str | None) -> None:
        """Show what a rebuild worked out, if no later one was asked; `keep` None stays on
        the article highlighted now."""
        if shown.number != self._asked:
            return
        self.working = False
        if keep is None and self.highlighted_article is not None:
            keep = self.highlighted_article.id
        self.rows, self.articles, self._row_of = shown.rows, shown.articles, shown.row_of
        # Each article is shown once: the unread ones are those shown less the read shown.
        read_shown = sum(1 for i in self.read_ids if i in self._row_of)
        self._unread_shown = len(self.articles) - read_shown
        self._rows.clear()
        self.virtual_size = Size(self.size.width, len(self.rows) * self.row_height)
        first = self._row_of[self.articles[0].id] if self.articles else 0
        self.cursor = self._row_of.get(keep, first) if keep else first
        self.refresh()
        self.post_message(self.Changed(shown.count, len(self.everything), self._unread_shown))

    def _whole_by_date(self) -> bool:
        """Whether the list shows every article newest first, as the library sent them."""
        return (
            self._date_rows is not None
            and self.view.kind == "all"
            and not self.unread_only
            and self.search_filter is None
            and not self.filter_text
            and self.groups is None
        )

    def _show_whole_by_date(self, keep: str | None) -> None:
        """rebuild() for the whole library by date, from what the library's worker made: at
        a million articles each pass over the list here holds the keys for a fifth of a
        second or more."""
        assert self._by_date is not None and self._date_rows is not None
        whole = self._by_date
        self._show(_Shown(self._asked, list(whole), whole, self._date_rows, len(whole)), keep)

    def watch_groups(self) -> None:
        self.rebuild()

    @property
    def story_count(self) -> int:
        return sum(1 for r in self.rows if isinstance(r, _Header))

    def watch_filter_text(self) -> None:
        self.rebuild()

    def watch_view(self) -> None:
        self.rebuild()

    def watch_unread_only(self) -> None:
        self.rebuild()

    def watch_sort_key(self) -> None:
        self.rebuild()

    def watch_search_filter(self, _: SearchFilter | None, new: SearchFilter | None) -> None:
        self.rebuild(new.ranked_ids[0] if new and new.ranked_ids else None)

    def restore(self, sort_key: str) -> None:
        """The sort kept from last time, set before anything is listed."""
        self.set_reactive(ArticleList.sort_key, sort_key if sort_key in SORT_KEYS else "date")

    def cycle_sort(self) -> str:
        self.sort_key = SORT_KEYS[(SORT_KEYS.index(self.sort_key) + 1) % len(SORT_KEYS)]
        return self.sort_key

    @property
    def unread_shown(self) -> int:
        return self._unread_shown

    @property
    def highlighted_article(self) -> Listed | None:
        if not 0 <= self.cursor < len(self.rows):
            return None
        row = self.rows[self.cursor]
        return None if isinstance(row, _Header) else row

    def index_of(self, article_id: str) -> int | None:
        return self._row_of.get(article_id)

    def article_by_id(self, article_id: str) -> Listed | None:
        row = self._row_of.get(article_id)
        if row is not None:
            return self.rows[row]  # type: ignore[return-value]
        return next((a for a in self.everything if a.id == article_id), None)

    # ---- marks --------------------------------------------------------------------------

    def set_read(self, article_ids: list[str], read: bool) -> None:
        changed = [i for i in article_ids if (i in self.read_ids) != read]
        for article_id in changed:
            (self.read_ids.add if read else self.read_ids.discard)(article_id)
            if article_id in self._row_of:
                self._unread_shown += -1 if read else 1
                self._refresh_row(self._row_of[article_id])
        if changed:
            self.post_message(self.MarkChanged(changed, "read", read))
            self.post_message(
                self.Changed(len(self.articles), len(self.everything), self._unread_shown)
            )

    def toggle_mark(self, article_id: str, mark: str) -> None:
        """Flip the "read" or "bookmark" mark of one article."""
        if mark == "read":
            self.set_read([article_id], article_id not in self.read_ids)
        else:
            self._toggle_bookmark(article_id)

    def _toggle_bookmark(self, article_id: str) -> None:
        marked = article_id not in self.bookmark_ids
        (self.bookmark_ids.add if marked else self.bookmark_ids.discard)(article_id)
        if article_id in self._row_of:
            self._refresh_row(self._row_of[article_id])
        self.post_message(self.MarkChanged([article_id], "bookmark", marked))

    def next_unread(self, after: str | None, step: int) -> Listed | None:
        """The next unread article below (step 1) or above (-1) the one given."""
        row = self._row_of.get(after, self.cursor) if after else self.cursor
        row += step
        while 0 <= row < len(self.rows):
            found = self.rows[row]
            if not isinstance(found, _Header) and found.id not in self.read_ids:
                self.cursor = row
                return found
            row += step
        return None

    # ---- the cursor ---------------------------------------------------------------------

    def validate_cursor(self, cursor: int) -> int:
        return max(0, min(cursor, len(self.rows) - 1)) if self.rows else 0

    def _step(self, delta: int) -> None:
        """Move by `delta` rows, passing over story headers."""
        row = self.validate_cursor(self.cursor + delta)
        direction = 1 if delta >= 0 else -1
        while 0 <= row < len(self.rows) and isinstance(self.rows[row], _Header):
            row += direction
        if not 0 <= row < len(self.rows):  # a header at the end: back the other way
            row = self.cursor
        self.cursor = row

    def watch_cursor(self, old: int, new: int) -> None:
        self._refresh_row(old)
        self._refresh_row(new)
        self.scroll_to_region(
            self._row_region(new), animate=False, force=True, immediate=True, center=False
        )
        article = self.highlighted_article
        if article is not None:
            self.post_message(self.Highlighted(article))

    def _row_region(self, row: int) -> Region:
        return Region(0, row * self.row_height, self.size.width, self.row_height)

    def action_cursor_down(self) -> None:
        self._step(1)

    def action_cursor_up(self) -> None:
        self._step(-1)

    def action_first(self) -> None:
        self._step(-self.cursor)

    def action_last(self) -> None:
        self._step(len(self.rows) - 1 - self.cursor)

    def action_page_down(self) -> None:
        self._step(max(1, self.size.height // self.row_height))

    def action_page_up(self) -> None:
        self._step(-max(1, self.size.height // self.row_height))

    def action_select(self) -> None:
        article = self.highlighted_article
        if article is not None:
            self.post_message(self.Selected(article))

    def on_click(self, event: events.Click) -> None:
        row = (event.y + int(self.scroll_offset.y)) // self.row_height
        if 0 <= row < len(self.rows) and not isinstance(self.rows[row], _Header):
            self.cursor = row
            self.action_select()

    def on_focus(self) -> None:
        self._rows.clear()
        self.refresh()

    def on_blur(self) -> None:
        self._rows.clear()
        self.refresh()

    def on_resize(self) -> None:
        self._rows.clear()
        self.row_height = ROW_HEIGHT + (0 < self.size.width < WRAP_BELOW)
        self.virtual_size = Size(self.size.width, len(self.rows) * self.row_height)
        self.scroll_to_region(
            self._row_region(self.cursor), animate=False, force=True, immediate=True
        )

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._rows.clear()  # a new theme: every cached row has old colours

    # ---- drawing ------------------------------------------------------------------------

    def _refresh_row(self, row: int) -> None:
        if 0 <= row < len(self.rows):
            for line in range(self.row_height):
                self._rows.pop(("row", row, line), None)
            self.refresh(self._row_region(row).translate(-self.scroll_offset))

    def render_line(self, y: int) -> Strip:
        row, line = divmod(int(self.scroll_offset.y) + y, self.row_height)
        width = self.size.width
        if row >= len(self.rows):
            return Strip.blank(width, self.rich_style)
        key = ("row", row, line)
        strip = self._rows.get(key)
        if strip is None or strip.cell_length != width:
            if len(self._rows) > ROW_CACHE_SIZE:
                self._rows.clear()
            strip = self._rows[key] = self._render_row(row, line, width)
        return strip

    def _render_row(self, row: int, line: int, width: int) -> Strip:
        article = self.rows[row]
        if isinstance(article, _Header):
            return self._render_header(article, line, width)
        if row == self.cursor:
            base = self.get_visual_style(
                "article-list--cursor" if self.has_focus else "article-list--cursor-blurred"
            )
        else:
            base = self.get_visual_style()
        read = article.id in self.read_ids
        title_lines = self.row_height - 1
        if line < title_lines:
            mark = (
                Content("  ") if read or line else Content("● ").stylize(self._style("unread-mark"))
            )
            star = (
                Content(" ★").stylize(self._style("star"))
                if (article.id in self.bookmark_ids and line == 0)
                else Content("")
            )
            room = max(1, width - 2 - (2 if article.id in self.bookmark_ids else 0))
            part = _title_line(article.title, room, line, title_lines)
            title = untrusted(part, one_line=True)
            if not read:
                title = title.stylize("bold")
            title = title.truncate(room, ellipsis=True)
            content = Content.assemble(mark, title, star)
        else:
            # The outlet gives way to the date or the word count, which are never cut.
            when = article.date or f"{article.word_count} words"
            room = width - 2 - len(when) - 3
            source = untrusted(article.source or "", one_line=True)
            if source.cell_length > room:
                source = source.truncate(max(0, room), ellipsis=True) if room > 3 else Content("")
            parts = [p for p in (source, untrusted(when)) if p.cell_length]
            content = Content.assemble("  ", Content(" · ").join(parts))
            content = content.stylize(self._style("details")).truncate(width, ellipsis=True)
        segments = [Segment(text, style.rich_style) for text, style in content.render(base, end="")]
        return Strip(segments).extend_cell_length(width, base.rich_style).crop(0, width)

    def _render_header(self, header: _Header, line: int, width: int) -> Strip:
        base = self.get_visual_style("article-list--story")
        title_lines = self.row_height - 1
        if line < title_lines:
            part = _title_line(header.title, max(1, width - 2), line, title_lines)
            content = untrusted(("▾ " if line == 0 else "  ") + part, one_line=True)
            content = content.stylize("bold")
        else:
            noun = "article" if header.count == 1 else "articles"
            content = untrusted(f"  {header.count:,} {noun}").stylize(self._style("details"))
        content = content.truncate(width, ellipsis=True)
        segments = [Segment(text, style.rich_style) for text, style in content.render(base, end="")]
        return Strip(segments).extend_cell_length(width, base.rich_style).crop(0, width)

    def _style(self, name: str) -> Style:
        return self.get_visual_style(f"article-list--{name}", partial=True)


def _title_line(title: str, room: int, line: int, lines: int) -> str:
    """Line `line` of a title given `lines` lines of `room` cells: broken between words; what
    does not fit in the last line is cut there (with an ellipsis, by the caller)."""
    if lines == 1:
        return title
    words, current = title.split(), ""
    rows: list[str] = []
    for word in words:
        if current and len(current) + 1 + len(word) > room and len(rows) < lines - 1:
            rows.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    rows.append(current)
    return rows[line] if line < len(rows) else ""
