"""Every key of the reader, described once.

Each row gives the Binding id (what a user's keymap remaps), the default keys, the action, a
short label (footer), a description (help, palette), the group the help shows it under, the
widget that owns it, and the panes whose footer shows it. BINDINGS of the app and of each
widget, the help screen, the footer and the command palette are all generated from this table.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

# Who owns a key: the app (works on every screen), the reader's screen (works in any of its
# panes unless the pane uses the key), or one widget.
APP, READER, LIST, ARTICLE, ENTITIES, SEARCH, BRIEFING, HELP, FEEDS = (
    "app",
    "reader",
    "list",
    "article",
    "entities",
    "search",
    "briefing",
    "help",
    "feeds",
)
# The briefing's page and its list of stories: panes of the briefing screen, with footers.
PAGE, STORIES = "briefing-page", "briefing-stories"
# Panes whose footer can show a key: the focused one decides.
PANES = (LIST, ARTICLE, ENTITIES, FEEDS)


@dataclass(frozen=True, slots=True)
class Action:
    id: str  # the Binding id: stable, what config.toml's [keys] names
    keys: str  # Textual key names, comma-separated; "" for the palette only
    action: str  # what runs
    label: str  # short, for the footer
    description: str  # for the help screen and the palette
    group: str
    owner: str = APP
    footer: tuple[str, ...] = ()  # panes whose footer shows it
    display: str | None = None  # how the key is shown when its name is not what one types
    palette: bool = False  # offered in the command palette


def _rows(*rows: tuple[object, ...]) -> tuple[Action, ...]:
    return tuple(Action(*row) for row in rows)  # type: ignore[arg-type]


_L, _A, _E, _ALL = (LIST,), (ARTICLE,), (ENTITIES,), PANES
_LA, _LAE = (LIST, ARTICLE), (LIST, ARTICLE, ENTITIES)

# fmt: off
ACTIONS: tuple[Action, ...] = _rows(
    # id, keys, action, label, description, group, owner, footer, display, palette
    ("down", "j,down", "cursor_down", "Down", "Next article", "Moving", LIST, (), "j ↓"),
    ("up", "k,up", "cursor_up", "Up", "Previous article", "Moving", LIST, (), "k ↑"),
    ("first", "g,home", "first", "First", "First article", "Moving", LIST, (), "g"),
    ("last", "G,end", "last", "Last", "Last article", "Moving", LIST, (), "G"),
    ("page-down-list", "pagedown", "page_down", "Page", "Page down the list", "Moving", LIST),
    ("page-up-list", "pageup", "page_up", "Page", "Page up the list", "Moving", LIST),
    ("open", "enter", "select", "Open", "Open the article (marks it read)", "Moving", LIST, _L),
    ("scroll-down", "j,down", "scroll_down", "Down", "Scroll the article down", "Moving",
     ARTICLE, (), "j ↓"),
    ("scroll-up", "k,up", "scroll_up", "Up", "Scroll the article up", "Moving", ARTICLE, (),
     "k ↑"),
    ("top", "g,home", "scroll_home", "Top", "Top of the article", "Moving", ARTICLE, (), "g"),
    ("bottom", "G,end", "scroll_end", "Bottom", "Bottom of the article", "Moving", ARTICLE, (),
     "G"),
    ("page-down", "space,pagedown", "page_down", "Page", "Page down in the article", "Moving",
     ARTICLE, _A, "space"),
    ("page-up", "b,pageup", "page_up", "Back", "Page up in the article", "Moving", ARTICLE, (),
     "b"),
    ("next-mention", "enter", "select", "Next mention",
     "Jump to the entity's next mention in the article", "Moving", ENTITIES, _E),
    ("focus-next", "tab", "focus_next", "Next pane", "Move to the next pane", "Moving", READER,
     _LAE),
    ("focus-previous", "shift+tab", "focus_previous", "Previous pane",
     "Move to the previous pane", "Moving"),
    ("next-unread", "right_square_bracket", "jump_unread(1)", "Next unread",
     "Open the next unread article", "Reading", READER, _LA, "]", True),
    ("previous-unread", "left_square_bracket", "jump_unread(-1)", "Previous unread",
     "Open the previous unread article", "Reading", READER, (), "[", True),
    ("toggle-read", "m", "toggle_mark('read')", "Read/unread", "Mark read or unread",
     "Reading", READER, _L, None, True),
    ("bookmark", "asterisk", "toggle_mark('bookmark')", "Bookmark", "Add or remove a bookmark",
     "Reading", READER, _L, "*", True),
    ("highlighting", "h", "toggle_highlighting", "Highlight", "Entity highlighting on or off",
     "Reading", READER, _A, None, True),
    ("next-hit", "n", "step_hit(1)", "Next hit", "Next search hit in the article", "Reading",
     READER, _A),
    ("previous-hit", "N", "step_hit(-1)", "Previous hit", "Previous search hit in the article",
     "Reading", READER),
    ("summary", "s", "toggle_panel('summary')", "Summary",
     "Summary panel; its sentences are marked in the text", "Panels", READER, _LAE, None, True),
    ("entities", "e", "toggle_panel('entities')", "Entities",
     "Entities panel: people, organisations, places with counts", "Panels", READER, _LAE, None,
     True),
    ("summary-method", "M", "cycle_method", "Method", "Next summary method (summary open)",
     "Panels", READER, (), None, True),
    ("summary-longer", "plus,equals_sign", "summary_length(1)", "Longer",
     "One summary sentence more (summary open)", "Panels", READER, (), "+"),
    ("summary-shorter", "minus", "summary_length(-1)", "Shorter",
     "One summary sentence fewer (summary open)", "Panels", READER, (), "-"),
    ("close-panel", "escape", "close_panel", "Close panel", "Close the summary or entities panel",
     "Panels", READER, (), "escape"),
    ("filter", "f", "filter", "Filter", "Filter the list by title, source, byline, tags",
     "List", READER, _L, None, True),
    ("sort", "o", "cycle_sort", "Sort", "Sort by date, title or source", "List", READER, (), None,
     True),
    ("group-stories", "S", "toggle_groups", "Stories",
     "Group the list by story, with each story's article count", "List", READER, (), None, True),
    ("clear-search-filter", "escape", "clear_search_filter", "Clear filter",
     "Show every article again after a search filter", "List", READER),
    ("search", "slash", "search", "Search", "Search every article", "Library", APP, _LA, "/",
     True),
    ("briefing", "B", "briefing", "Briefing", "Briefing of the articles in the list", "Library",
     APP, _L, None, True),
    ("whats-new", "W", "whats_new", "What's new",
     "What's new: a briefing of what you have not read, new and developing stories with "
     "timelines", "Library", APP, (), None, True),
    ("add-url", "a", "add_url", "Add URL", "Add pages or feeds by URL", "Library", READER, _L, None,
     True),
    ("refresh-feeds", "R", "refresh_feeds", "Refresh", "Refresh every feed you follow",
     "Library", READER, (FEEDS,), None, True),
    ("auto-refresh", "", "cycle_auto_refresh", "Auto refresh",
     "Refresh feeds every 15, 30 or 60 minutes while open, or never", "Library", READER, (),
     "palette", True),
    ("feeds-pane", "F", "toggle_feeds", "Feeds",
     "Feeds pane: all, unread, bookmarks and each feed, with unread counts", "Library", READER,
     _L, None, True),
    ("choose-view", "enter", "select", "Show", "Show the view's or feed's articles in the list",
     "Library", FEEDS, (FEEDS,)),
    ("mark-all-read", "A", "mark_all_read", "All read", "Mark every article in the list read",
     "Reading", READER, (FEEDS,), None, True),
    ("unread-only", "u", "toggle_unread_only", "Unread only",
     "Show only unread articles, or all again", "List", READER, (FEEDS,), None, True),
    ("open-link", "v", "open_link", "Open link", "Open the article's link in your browser",
     "Reading", READER, _A, None, True),
    ("copy-link", "y", "copy_link", "Copy link", "Copy the article's link to the clipboard",
     "Reading", READER, (), None, True),
    ("search-results", "down", "results", "Results", "From the box into the results",
     "Search", SEARCH, (), "↓"),
    ("search-history", "up", "history", "History",
     "In the box: earlier searches; at the top of the results: back to the box", "Search",
     SEARCH, (), "↑"),
    ("search-filter", "ctrl+f", "filter_list", "Filter list",
     "Show only the matching articles in the list", "Search", SEARCH),
    ("search-close", "escape", "dismiss(None)", "Back", "Back to where you were", "Search",
     SEARCH),
    ("briefing-page-down", "space,pagedown", "page_down", "Page", "Page down the briefing",
     "Briefing", PAGE, (PAGE,), "space"),
    ("briefing-page-up", "b,pageup", "page_up", "Back", "Page up the briefing", "Briefing",
     PAGE, (), "b"),
    ("briefing-down", "j,down", "scroll_down", "Down", "Scroll the briefing down", "Briefing",
     PAGE, (), "j ↓"),
    ("briefing-up", "k,up", "scroll_up", "Up", "Scroll the briefing up", "Briefing", PAGE, (),
     "k ↑"),
    ("briefing-top", "g,home", "scroll_home", "Top", "Top of the briefing", "Briefing", PAGE,
     (), "g"),
    ("briefing-bottom", "G,end", "scroll_end", "Bottom", "End of the briefing", "Briefing",
     PAGE, (), "G"),
    ("briefing-coverage", "enter", "select", "Coverage",
     "Every article of the story (in the list of stories)", "Briefing", STORIES, (STORIES,)),
    ("briefing-panes", "tab", "focus_next", "Stories",
     "Between the page and the list of stories", "Briefing", BRIEFING, (PAGE, STORIES)),
    ("briefing-save", "w", "save", "Save", "Save the briefing (.md .txt .html .json)",
     "Briefing", BRIEFING, (PAGE, STORIES)),
    ("briefing-close", "escape,q", "close", "Close", "Close the briefing", "Briefing",
     BRIEFING, (PAGE, STORIES), "escape q"),
    ("help-close", "escape,q,question_mark,f1", "dismiss", "Close", "Close the help", "Help",
     HELP, (), "escape q"),
    ("help", "question_mark,f1", "help", "Help", "Every key", "App", APP, (*_ALL, PAGE, STORIES),
     "?", True),
    ("palette", "ctrl+p", "command_palette", "Palette",
     "Command palette: every action, go to any article, themes", "App"),
    ("quit", "q", "quit", "Quit", "Quit", "App", APP, _ALL),
)
# fmt: on

GROUPS = ("Moving", "Reading", "Panels", "List", "Library", "Search", "Briefing", "Help", "App")


def shown_key(action: Action, keys: str | None = None) -> str:
    """How a key reads in the footer and help: "?", "]", "space"."""
    if keys is None or keys == action.keys:
        if action.display:
            return action.display
        keys = action.keys
    return " ".join(_KEY_NAMES.get(k, k) for k in keys.split(","))


_KEY_NAMES = {
    "question_mark": "?",
    "slash": "/",
    "asterisk": "*",
    "right_square_bracket": "]",
    "left_square_bracket": "[",
    "plus": "+",
    "minus": "-",
    "equals_sign": "=",
    "down": "↓",
    "up": "↑",
}


def owned_by(owner: str) -> list[Action]:
    return [a for a in ACTIONS if a.owner == owner]


def in_footer(pane: str) -> list[Action]:
    return [a for a in ACTIONS if pane in a.footer]


def for_palette() -> Iterable[Action]:
    return (a for a in ACTIONS if a.palette)


BY_ID = {a.id: a for a in ACTIONS}


# Where a key works, as the help and docs/reader.md say it.
_WHERE = {
    APP: "anywhere",
    READER: "reader",
    LIST: "list",
    ARTICLE: "article",
    ENTITIES: "entities panel",
    SEARCH: "search",
    BRIEFING: "briefing",
    PAGE: "briefing page",
    STORIES: "briefing stories",
    HELP: "help",
    FEEDS: "feeds pane",
}


def keys_markdown() -> str:
    """Every key as Markdown tables, one per group: docs/reader.md holds this text, and a test
    keeps the two the same."""
    out: list[str] = []
    for group in GROUPS:
        rows = [a for a in ACTIONS if a.group == group]
        if not rows:
            continue
        out += [f"### {group}", "", "| key | does | where | id |", "|---|---|---|---|"]
        for a in rows:
            keys = [_KEY_NAMES.get(k, k) for k in a.keys.split(",")] if a.keys else []
            shown = " ".join(f"`{k}`" for k in keys) or "palette"
            out.append(f"| {shown} | {a.description} | {_WHERE[a.owner]} | `{a.id}` |")
        out.append("")
    return "\n".join(out).rstrip() + "\n"


# Owners whose keys are live while the reader is on screen: a key one of them takes from quit
# or help leaves the reader with no way out or no way to learn the keys.
_ON_THE_READER = (APP, READER, LIST, ARTICLE, ENTITIES, FEEDS)


def keymap_problems(keymap: Mapping[str, str]) -> list[str]:
    """What is wrong with config.toml's [keys], one line each: ids no action has, and a
    remapping that takes every key of quit or help away."""
    problems = [
        f"config.toml [keys]: no action is called {i!r}; see ? or docs/reader.md for the ids"
        for i in keymap
        if i not in BY_ID
    ]
    keys = {a.id: set((keymap.get(a.id) or a.keys).split(",")) - {""} for a in ACTIONS}
    for guarded, what in (("quit", "quit"), ("help", "open the help")):
        taken = set().union(
            *(
                keys[a.id]
                for a in ACTIONS
                if a.id != guarded and a.owner in _ON_THE_READER and a.id in keymap
            )
        )
        if keys[guarded] and keys[guarded] <= taken:
            problems.append(
                f"config.toml [keys]: this leaves no key to {what} "
                f"({', '.join(sorted(keys[guarded]))} now does something else); "
                f'set {guarded} = "..." to another key'
            )
    return problems
