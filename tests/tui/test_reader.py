"""The reader, driven by key presses as a person uses it."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, Static

from summarise.language.text import article_sentences
from summarise.library.state import Setting, StateStore
from tests.tui.helpers import make_app, settle, shown, status, toasts
from tui.app import NewsbriefApp
from tui.screens.help import HelpScreen
from tui.screens.search import SearchScreen
from tui.widgets.side_panel import EntityList


async def test_navigate_open_and_read_mark_persists(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(app, pilot)
        listing = app.article_list
        assert app.focused is listing
        assert len(listing.articles) == 5
        assert app.article_list.read_ids == set()
        await pilot.press("j", "j")
        await settle(app, pilot)
        opened = listing.articles[2]
        assert shown(app) == opened.id  # highlighting previews the article
        assert app.article_list.read_ids == set()  # ...without marking it read
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.focused is app.article_view
        assert opened.id in app.article_list.read_ids
        assert "4 unread" in status(app)
    again = make_app(tmp_path)
    async with again.run_test(size=(100, 32)) as pilot:
        await settle(again, pilot)
        assert opened.id in again.article_list.read_ids
        assert again.article_view.article is not None
        assert again.article_view.article.id == opened.id  # reopens where the user was


async def test_toggle_read_bookmark_and_next_unread(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(app, pilot)
        first = app.article_list.articles[0]
        await pilot.press("m")
        assert first.id in app.article_list.read_ids
        await pilot.press("m")
        assert first.id not in app.article_list.read_ids
        await pilot.press("asterisk")
        assert first.id in app.article_list.bookmark_ids
        articles = app.article_list.articles
        # ] opens the next unread article after the one shown, and marks it read.
        await pilot.press("right_square_bracket")
        await settle(app, pilot)
        assert shown(app) == articles[1].id and articles[1].id in app.article_list.read_ids
        await pilot.press("right_square_bracket")
        await settle(app, pilot)
        assert shown(app) == articles[2].id
        # [ goes back past the read one to the first, still unread since m toggled it back.
        await pilot.press("left_square_bracket")
        await settle(app, pilot)
        assert shown(app) == first.id and first.id in app.article_list.read_ids
        await pilot.press("left_square_bracket")
        await settle(app, pilot)
        assert shown(app) == first.id  # nothing unread above: stays
    assert StateStore(tmp_path / "state.db").bookmark_ids() == {first.id}


async def test_summary_panel_method_and_length(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(130, 36)) as pilot:
        await settle(app, pilot)
        await pilot.press("s")
        await settle(app, pilot)
        assert app.panel.mode == "summary"
        marked = app.article_view.summary
        assert len(marked) >= 3
        title = str(app.query_one("#panel-title", Static).render())
        assert title == "Summary · newsrank, top of story"
        await pilot.press("plus")
        await settle(app, pilot)
        assert len(app.article_view.summary) == len(marked) + 1
        # Past three tenths of the article newsrank ranks the whole article, and says so.
        total = len(article_sentences(app.article_view.article))
        while len(app.article_view.summary) < 0.3 * total:
            await pilot.press("plus")
            await settle(app, pilot)
        title = str(app.query_one("#panel-title", Static).render())
        assert title == "Summary · newsrank, whole article"
        while len(app.article_view.summary) > len(marked) + 1:
            await pilot.press("minus")
            await settle(app, pilot)
        await pilot.press("M")
        await settle(app, pilot)
        assert str(app.query_one("#panel-title", Static).render()) == "Summary · lead"
        assert [s.index for s in app.article_view.summary] == list(range(len(marked) + 1))
        await pilot.press("s")
        assert app.panel.mode is None
        assert app.article_view.summary == ()
    store = StateStore(tmp_path / "state.db")
    assert store.get(Setting.SUMMARY_METHOD) == "lead"


async def test_entities_panel_jumps_between_mentions(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(130, 36)) as pilot:
        await settle(app, pilot)
        await pilot.press("e")
        await settle(app, pilot)
        entity_list = app.query_one(EntityList)
        assert app.panel.mode == "entities" and app.focused is entity_list
        option = entity_list.get_option_at_index(entity_list.highlighted or 0)
        entity = entity_list.entities[option.id or ""]
        await pilot.press("enter")
        assert app.article_view.current == entity.mentions[0]
        if entity.count > 1:
            await pilot.press("enter")
            assert app.article_view.current == entity.mentions[1]
        await pilot.press("h")
        assert app.article_view.highlighting is False
        await pilot.press("h")
        assert app.article_view.highlighting is True


async def test_palette_go_to_article(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"go to trudeau gamble")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await settle(app, pilot)
        article = app.article_view.article
        assert article is not None and article.title.startswith("Trudeau’s China gamble")
        assert article.id in app.article_list.read_ids


async def test_help_lists_every_key(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = " ".join(str(w.render()) for w in app.screen.query(Static))
        for words in (
            "next unread article",
            "bookmark",
            "Summary panel",
            "Entities panel",
            "highlighting",
            "ctrl+p",
        ):
            assert words in text
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)


async def test_filter_and_sort(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(app, pilot)
        await pilot.press("f")
        assert isinstance(app.focused, Input)
        await pilot.press(*"torontoer")
        await pilot.pause()
        assert len(app.article_list.articles) == 2
        await pilot.press("enter")  # keeps the filter, back to the list
        assert app.focused is app.article_list
        await pilot.press("o")
        assert status(app) == "2 of 5 articles · 2 unread · by title"
        titles = [a.title for a in app.article_list.articles]
        assert titles == sorted(titles, key=str.casefold)
        await pilot.press("f", "escape")  # escape in the box takes the filter off
        await pilot.pause()
        assert app.focused is app.article_list and len(app.article_list.articles) == 5


async def test_untrusted_text_is_shown_literally(tmp_path: Path) -> None:
    library = tmp_path / "lib"
    library.mkdir()
    (library / "a.txt").write_text(
        "[Reuters] Acme [bold]rises[/bold]\n\n[AP] Shares in Acme rose \x1b[31m5%\x1b[0m today.\n"
    )
    app = make_app(tmp_path, [library])
    async with app.run_test(size=(160, 32)) as pilot:
        await settle(app, pilot)
        row = app.article_list.render_line(0).text
        assert "[Reuters] Acme [bold]rises[/bold]" in row
        texts = [str(w.render()) for w in app.article_view.query(Static)]
        assert "[Reuters] Acme [bold]rises[/bold]" in texts
        assert any(t.startswith("[AP] Shares in Acme rose") and "\x1b" not in t for t in texts)


async def test_bad_files_are_reported_and_the_rest_load(tmp_path: Path) -> None:
    library = tmp_path / "lib"
    library.mkdir()
    (library / "good.txt").write_text("A fine title\n\nBody text here.\n")
    (library / "bad.txt").write_bytes(b"\x00\x01binary\x00" * 40)
    app = make_app(tmp_path, [library])
    async with app.run_test(size=(100, 32), notifications=True) as pilot:
        await settle(app, pilot)
        assert [a.title for a in app.article_list.everything] == ["A fine title"]
        assert any("bad.txt: binary data, not text" in note for note in toasts(app))


async def test_empty_library_says_what_to_do(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    app = make_app(tmp_path, [empty])
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(app, pilot)
        texts = " ".join(str(w.render()) for w in app.article_view.query(Static))
        assert "No articles found" in texts and "newsbrief read FOLDER" in texts


async def test_theme_choice_persists(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(app, pilot)
        app.theme = "nord"
        await pilot.pause()
    again = make_app(tmp_path)
    async with again.run_test(size=(100, 32)) as pilot:
        await settle(again, pilot)
        assert again.theme == "nord"


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_usable_at_small_and_large_sizes(tmp_path: Path, size: tuple[int, int]) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=size) as pilot:
        await settle(app, pilot)
        await pilot.press("s")
        await settle(app, pilot)
        # The article keeps a readable measure even with the panel open.
        assert app.article_view.size.width >= 36
        assert app.panel.size.width >= 30


async def test_last_article_and_scroll_position_are_restored(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("G", "enter")
        await settle(app, pilot)
        await pilot.press("space", "space")
        await settle(app, pilot)
        scrolled = app.article_view.scroll_y
        opened = app.article_view.article
        assert scrolled > 0 and opened is not None
        await pilot.press("q")
    again = make_app(tmp_path)
    async with again.run_test(size=(100, 24)) as pilot:
        await settle(again, pilot)
        await pilot.pause(0.2)
        assert again.article_view.article is not None
        assert again.article_view.article.id == opened.id
        assert again.article_view.scroll_y == scrolled


async def search_for(app: NewsbriefApp, pilot, query: str) -> SearchScreen:  # type: ignore[no-untyped-def]
    await pilot.press("slash")
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, SearchScreen)
    await pilot.press(*query)
    await pilot.pause(0.4)
    await app.workers.wait_for_complete()
    await pilot.pause()
    return screen


async def test_search_open_hit_and_step_through_matches(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(app, pilot)
        before = shown(app)
        screen = await search_for(app, pilot, "canola")
        assert len(screen.hits) >= 3
        status = str(screen.query_one("#search-status", Static).render())
        assert status == f"{len(screen.hits)} articles"
        await pilot.press("escape")  # back to where we were, nothing changed
        await pilot.pause()
        assert not isinstance(app.screen, SearchScreen) and shown(app) == before
        screen = await search_for(app, pilot, "canola")
        await pilot.press("down", "down")  # into the results, then the second hit
        chosen = screen.hits[1]
        await pilot.press("enter")
        await settle(app, pilot)
        view = app.article_view
        assert view.article is not None and view.article.id == chosen.article_id
        total = len(view.search_hits)
        assert app.service.index is not None
        assert total == len(app.service.index.matches_in(chosen.article_id, "canola")) > 0
        assert app.sub_title == f"hit 1/{total}"
        await pilot.press("n")
        assert app.sub_title == f"hit {2 if total > 1 else 1}/{total}"
        await pilot.press("N")
        assert app.sub_title == f"hit 1/{total}"
        for hit in view.search_hits:
            assert view.article.blocks[hit.block].text[hit.start : hit.end].lower() == "canola"
        # The box remembers: up recalls the last search.
        await pilot.press("slash")
        await pilot.pause()
        await pilot.press("up")
        assert app.screen.query_one("#query", Input).value == "canola"
    assert StateStore(tmp_path / "state.db").get(Setting.SEARCH_HISTORY) == ["canola"]


async def test_search_filters_the_sidebar_and_escape_clears_it(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(app, pilot)
        screen = await search_for(app, pilot, "huawei OR pork")
        wanted = [h.article_id for h in screen.hits]
        assert 0 < len(wanted) < 5
        await pilot.press("ctrl+f")
        await pilot.pause()
        assert [a.id for a in app.article_list.articles] == wanted
        assert "matching 'huawei OR pork'" in status(app)
        await pilot.press("escape")
        assert len(app.article_list.articles) == 5


async def test_search_with_nothing_to_find_says_so(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(app, pilot)
        screen = await search_for(app, pilot, "zebra")
        assert screen.hits == []
        assert str(screen.query_one("#search-status", Static).render()) == "No matches for 'zebra'"
        await pilot.press("enter")  # nothing to open: stays
        assert isinstance(app.screen, SearchScreen)


async def test_briefing_screen_over_the_list_and_save(tmp_path: Path) -> None:
    from textual.widgets import Markdown

    from tui.screens.briefing import BriefingScreen

    app = make_app(tmp_path)
    async with app.run_test(size=(110, 36), notifications=True) as pilot:
        await settle(app, pilot)
        await pilot.press("B")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, BriefingScreen)
        await settle(app, pilot)
        assert screen.briefing is not None
        assert len(screen.briefing.sources) == 5
        page = screen.query_one(Markdown)
        assert "Where sources differ" in page.source and "Justin Trudeau" in page.source
        await pilot.press("w")
        await pilot.pause()
        field = screen.query_one("#save-path", Input)
        assert field.display and field.value.endswith(".md")
        target = tmp_path / "out.html"
        field.value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        assert target.read_text().startswith("<!DOCTYPE html>")
        assert any(f"Saved {target}" in note for note in toasts(app))
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, BriefingScreen)


async def test_briefing_follows_the_filtered_list(tmp_path: Path) -> None:
    from tui.screens.briefing import BriefingScreen

    app = make_app(tmp_path)
    async with app.run_test(size=(110, 36)) as pilot:
        await settle(app, pilot)
        await pilot.press("f", *"torontoer", "enter")
        await pilot.pause()
        await pilot.press("B")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, BriefingScreen) and screen.briefing is not None
        assert {s.outlet for s in screen.briefing.sources} == {"Torontoer"}
        assert len(screen.briefing.sources) == 2


async def test_a_story_in_the_briefing_shows_its_full_coverage(tmp_path: Path) -> None:
    from textual.widgets import OptionList

    from tui.screens.briefing import BriefingScreen, CoverageScreen

    app = make_app(tmp_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        await pilot.press("B")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, BriefingScreen) and screen.briefing is not None
        stories = screen.query_one("#briefing-stories", OptionList)
        stories.focus()
        await pilot.press("enter")  # the first story: all five seeds report it
        await pilot.pause()
        coverage = app.screen
        assert isinstance(coverage, CoverageScreen)
        assert len(coverage.entries) == 5
        listed = coverage.query_one(OptionList)
        chosen = coverage.entries[2].id
        listed.highlighted = 2
        await pilot.press("enter")
        await settle(app, pilot)
        assert not isinstance(app.screen, (BriefingScreen, CoverageScreen))
        assert shown(app) == chosen  # opened in the reader


async def test_the_feeds_pane_opened_by_hand_shows_whole_names(tmp_path: Path) -> None:
    # The pane was drawn while hidden (no width), so its rows opened cut to "All…".
    from tests.tui.test_reader_fetch import _feeds_rows
    from tui.widgets.feeds_pane import RECOUNT_DELAY, WIDTH_CHECK_SECONDS

    app = make_app(tmp_path)
    async with app.run_test(size=(200, 50)) as pilot:
        await settle(app, pilot)
        await pilot.pause(RECOUNT_DELAY + 0.3)  # the hidden pane counts the list
        await pilot.press("F")
        await pilot.pause(WIDTH_CHECK_SECONDS * 2)  # at the latest (a loaded machine)
        assert _feeds_rows(app) == ["All articles 5/5", "Unread 5", "Bookmarks 0"]


async def test_a_runaway_article_is_drawn_cut_short_and_the_keys_keep_working(
    tmp_path: Path,
) -> None:
    """A 10 MB paragraph held the keys for a minute while Textual laid it out, on every
    resize. The reader draws the first part of a paragraph that long, says what it left out,
    and goes on to the next article at once."""
    library = tmp_path / "library"
    library.mkdir()
    (library / "a.txt").write_text("Aardvark\n\nA short article about aardvarks.\n")
    parts = "\n\n".join(f"## Part {n}" for n in range(3_000))
    (library / "b.md").write_text(f"# Walrus\n\n{'walrus ' * 50_000}\n\n{parts}\n")
    app = make_app(tmp_path, [library])
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(app, pilot)
        titles = [a.title for a in app.article_list.articles]
        await pilot.press(*["j"] * titles.index("Walrus"))
        await pilot.pause(0.3)
        assert app.article_view.article is not None
        assert app.article_view.article.title == "Walrus"
        paragraphs = [str(w.render()) for w in app.article_view.query(".paragraph")]
        assert 10_000 < len(paragraphs[0]) <= 20_000 and paragraphs[0].endswith("…")
        assert len(paragraphs) < 3_000
        (cut,) = app.article_view.query(".cut")
        assert "1 paragraph cut short" in str(cut.render())
        assert "newsbrief show" in str(cut.render())
        await pilot.press("s")  # its summary is one 350,000-character "sentence"
        await settle(app, pilot)
        summary = str(app.query_one("#summary-body", Static).render())
        assert summary.startswith("• walrus") and len(summary) < 2_100 and summary.endswith("…")
        await pilot.press("escape", "shift+tab")  # the panel closed, back to the list
        assert app.focused is app.article_list
        await pilot.press("g")  # back to the top of the list: the other article opens
        await pilot.pause(0.3)
        assert app.article_view.article.title == titles[0]


async def test_a_big_library_lists_its_newest_first_and_still_reopens_the_last_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The list starts with the newest articles (here two) while the rest are read; the oldest,
    # read last time, is opened once the whole list is in.
    from tui.screens.reader import ReaderScreen
    from tui.widgets import library as service

    folder = tmp_path / "lib"
    folder.mkdir()
    for day in range(1, 6):
        body = "\n\n".join(f"Paragraph {n} of the report from day {day}." for n in range(3))
        (folder / f"{day}.md").write_text(
            f"---\ntitle: Report of day {day}\ndate: 2026-11-0{day}\n---\n\n{body}\n"
        )
    monkeypatch.setattr(service, "FIRST_SCREEN_ARTICLES", 2)
    lists: list[tuple[bool, list[str]]] = []
    handler = ReaderScreen.on_library_service_loaded

    def spy(screen: ReaderScreen, message: service.LibraryService.Loaded) -> None:
        lists.append((message.first, [e.title for e in message.entries]))
        handler(screen, message)

    monkeypatch.setattr(ReaderScreen, "on_library_service_loaded", spy)
    app = make_app(tmp_path, [folder])
    async with app.run_test(size=(100, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("G", "enter")
        await settle(app, pilot)
        assert app.article_view.article is not None
        assert app.article_view.article.title == "Report of day 1"
        await pilot.press("q")
    lists.clear()
    again = make_app(tmp_path, [folder])
    async with again.run_test(size=(100, 24)) as pilot:
        await settle(again, pilot)
        assert again.article_view.article is not None
        assert again.article_view.article.title == "Report of day 1"
        highlighted = again.article_list.highlighted_article
        assert highlighted is not None and highlighted.title == "Report of day 1"
        assert len(again.article_list.articles) == 5
    first, titles = lists[0]
    assert first and sorted(titles) == ["Report of day 4", "Report of day 5"]


async def test_a_big_list_is_left_out_of_later_garbage_collections(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # At 100,000 articles a full collection took 0.1-0.2 s of the reader's thread, landing on
    # key presses; the reader collects once after listing and freezes what is alive.
    import gc

    from tui.screens import reader

    gc.unfreeze()
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(app, pilot)
        assert gc.get_freeze_count() == 0  # five articles: nothing to gain
    monkeypatch.setattr(reader, "FREEZE_AT_ARTICLES", 5)
    app = make_app(tmp_path)
    try:
        async with app.run_test(size=(100, 32)) as pilot:
            await settle(app, pilot)
            frozen = gc.get_freeze_count()
            listed = app.article_list.everything
            assert frozen > 0
            # The listed entries are out of the collector's generations: it no longer walks them.
            assert all(o is not listed[0] for o in gc.get_objects())
    finally:
        gc.unfreeze()


async def test_the_list_comes_sorted_from_the_library_thread_in_every_view(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Sorting a million articles took seconds of the keys' thread: the library's thread sorts
    # them by date, and the list shows exactly what sorting them itself would show.
    from summarise.library.listing import filter_articles, sort_articles
    from tui.widgets import article_list

    folder = tmp_path / "lib"
    folder.mkdir()
    days = ["2026-11-03", "2026-11-01", "2026-11-03", None, "2026-11-02", "2026-11-03", None]
    for n, day in enumerate(days):
        front = f"date: {day}\n" if day else ""
        title = ["Zinc", "apple", "Mango", "banana", "Cherry", "apple pie", "Date"][n]
        body = f"Report {n} says the river rose by {n} metres overnight in the town centre."
        (folder / f"{n}.md").write_text(f"---\ntitle: {title}\n{front}---\n\n{body}\n")
    sorted_here: list[int] = []
    real_sort = article_list.sort_articles

    def counted(articles, key):  # type: ignore[no-untyped-def]
        sorted_here.append(len(articles))
        return real_sort(articles, key)

    monkeypatch.setattr(article_list, "sort_articles", counted)
    app = make_app(tmp_path, [folder])
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(app, pilot)
        listing = app.article_list
        assert sorted_here == []  # by date, as listed: nothing sorted on this thread
        everything = listing.everything
        expected = [a.title for a in sort_articles(everything, "date")]
        assert [a.title for a in listing.articles] == expected
        assert expected[:3] == ["apple pie", "Mango", "Zinc"]  # one day's, by title
        listing.filter_text = "apple"  # a filter keeps the order it is given
        await pilot.pause()
        filtered = sort_articles(filter_articles(everything, "apple"), "date")
        assert [a.title for a in listing.articles] == [a.title for a in filtered]
        assert [a.title for a in filtered] == ["apple pie", "apple"]
        listing.filter_text = ""
        await pilot.press("o", "o", "o")  # title, source, and back to date
        await pilot.pause()
        assert listing.sort_key == "date"
        assert [a.title for a in listing.articles] == expected
