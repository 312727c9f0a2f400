"""The catalogue: parse once, follow the disk, survive damage; the index follows it."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from summarise.library.catalogue import PROBLEM_FILES, Catalogue
from summarise.search.index import SearchIndex


def write(folder: Path, name: str, title: str, body: str) -> Path:
    path = folder / name
    path.write_text(f"{title}\n\n{body}\n")
    return path


def library(tmp_path: Path, count: int = 3) -> Path:
    folder = tmp_path / "lib"
    folder.mkdir()
    for n in range(count):
        write(folder, f"{n}.txt", f"Title {n}", f"The walrus number {n} ate oysters today.")
    return folder


def titles(catalogue: Catalogue) -> list[str]:
    return [e.title for e in catalogue.entries()]


def test_files_are_parsed_once_and_a_changed_file_again(tmp_path: Path) -> None:
    folder = library(tmp_path)
    catalogue = Catalogue(tmp_path / "cat.db", [folder])
    first = catalogue.refresh()
    assert (first.added, first.kept) == (3, 0)
    assert titles(catalogue) == ["Title 0", "Title 1", "Title 2"]
    again = Catalogue(tmp_path / "cat.db", [folder]).refresh()
    assert (again.added, again.kept) == (0, 3)  # nothing changed: nothing read
    path = write(folder, "1.txt", "A new headline", "Now about seals, not walruses at all.")
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10**9))
    changed = catalogue.refresh()
    assert (changed.added, changed.kept) == (1, 2)
    assert titles(catalogue) == ["Title 0", "A new headline", "Title 2"]


def test_a_deleted_file_leaves_the_list_and_the_search(tmp_path: Path) -> None:
    folder = library(tmp_path)
    catalogue = Catalogue(tmp_path / "cat.db", [folder])
    catalogue.refresh()
    index = SearchIndex(tmp_path / "index.db", catalogue)
    assert index.sync_catalogue(catalogue).added == 3
    assert len(index.search("walrus")) == 3
    (folder / "0.txt").unlink()
    assert catalogue.refresh().removed == 1
    assert titles(catalogue) == ["Title 1", "Title 2"]
    report = index.sync_catalogue(catalogue)
    assert (report.added, report.removed) == (0, 1)
    assert sorted(h.title for h in index.search("walrus")) == ["Title 1", "Title 2"]
    # Reopened with nothing changed, the index reads no article and changes nothing.
    assert SearchIndex(tmp_path / "index.db", catalogue).sync_catalogue(catalogue).added == 0


def test_the_same_text_twice_is_listed_once(tmp_path: Path) -> None:
    folder = library(tmp_path, 1)
    (folder / "copy.txt").write_bytes((folder / "0.txt").read_bytes())
    catalogue = Catalogue(tmp_path / "cat.db", [folder])
    catalogue.refresh()
    assert titles(catalogue) == ["Title 0"]
    (folder / "0.txt").unlink()  # the copy still holds it
    catalogue.refresh()
    assert titles(catalogue) == ["Title 0"]
    index = SearchIndex(None, catalogue)
    index.sync_catalogue(catalogue)
    assert [h.title for h in index.search("walrus")] == ["Title 0"]


def test_unreadable_files_are_remembered_with_their_reason(tmp_path: Path) -> None:
    folder = library(tmp_path, 1)
    (folder / "bad.txt").write_bytes(b"\x00\x01binary\x00" * 40)
    catalogue = Catalogue(tmp_path / "cat.db", [folder])
    catalogue.refresh()
    assert [str(p) for p in catalogue.problems()] == [
        f"{folder / 'bad.txt'}: binary data, not text"
    ]
    assert titles(catalogue) == ["Title 0"]


def test_unreadable_files_are_found_without_reading_every_files_row(tmp_path: Path) -> None:
    """Every command lists the files it could not read: at a million files a scan of the
    files table took a fifth of a second, so an index answers, also in catalogues made
    before it existed."""
    folder = library(tmp_path, 3)
    (folder / "bad.txt").write_bytes(b"\x00\x01binary\x00" * 40)
    Catalogue(tmp_path / "cat.db", [folder]).refresh()
    with sqlite3.connect(tmp_path / "cat.db") as db:
        db.execute("DROP INDEX files_with_problems")  # as a catalogue from before it was
    catalogue = Catalogue(tmp_path / "cat.db", [folder])
    assert [p.path.name for p in catalogue.problems()] == ["bad.txt"]
    catalogue.close()
    with sqlite3.connect(tmp_path / "cat.db") as db:
        plan = " ".join(str(row) for row in db.execute(f"EXPLAIN QUERY PLAN {PROBLEM_FILES}"))
    assert "USING INDEX files_with_problems" in plan


def test_a_corrupt_catalogue_is_rebuilt_with_a_notice(tmp_path: Path) -> None:
    folder = library(tmp_path)
    (tmp_path / "cat.db").write_bytes(b"not a database at all " * 100)
    catalogue = Catalogue(tmp_path / "cat.db", [folder])
    report = catalogue.refresh()
    assert report.notices and "rebuilding" in report.notices[0]
    assert titles(catalogue) == ["Title 0", "Title 1", "Title 2"]


def test_two_cold_index_builds_at_once_both_succeed(tmp_path: Path) -> None:
    folder = library(tmp_path, 40)
    code = (
        "import sys; from pathlib import Path; from summarise.library.catalogue import Catalogue;"
        "from summarise.search.index import SearchIndex;"
        "c = Catalogue(Path(sys.argv[1]) / 'cat.db', [Path(sys.argv[2])]); c.refresh(jobs=1);"
        "i = SearchIndex(Path(sys.argv[1]) / 'index.db', c); i.sync_catalogue(c);"
        "print(len(i.search('walrus', limit=100)))"
    )
    runs = [
        subprocess.Popen(
            [sys.executable, "-c", code, str(tmp_path), str(folder)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    for run in runs:
        out, err = run.communicate(timeout=120)
        assert run.returncode == 0, err
        assert out.strip() == "40"


def test_a_folder_that_stops_answering_costs_a_bounded_wait_and_loses_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A network drive that stalls blocks stat and scandir in the kernel, where no signal
    reaches them. The walk gives up on it after the stall bound, says so, lists the rest, and
    keeps the stalled folder's articles as last seen instead of taking them for deleted."""
    import summarise.readers.folders as folders

    root = tmp_path / "lib"
    near, far = root / "near", root / "far"
    near.mkdir(parents=True)
    far.mkdir()
    write(near, "a.txt", "Near one", "The walrus ate oysters on the near shore.")
    write(far, "b.txt", "Far one", "The penguin ate fish on the far shore.")
    write(far, "c.txt", "Far two", "The seal slept on the far rocks all day.")
    catalogue = Catalogue(tmp_path / "cat.db", [root])
    catalogue.refresh()
    assert sorted(titles(catalogue)) == ["Far one", "Far two", "Near one"]

    answering = threading.Event()  # set at the end: the blocked calls then return
    real_stat, real_scandir = os.stat, os.scandir

    def stalls(path: object) -> None:
        if str(path).startswith(str(far)):
            answering.wait(60)

    def stat(path, *args, **kwargs):  # type: ignore[no-untyped-def]
        stalls(path)
        return real_stat(path, *args, **kwargs)

    def scandir(path="."):  # type: ignore[no-untyped-def]
        stalls(path)
        return real_scandir(path)

    monkeypatch.setattr(folders, "STALL_SECONDS", 0.5)
    monkeypatch.setattr(os, "stat", stat)
    monkeypatch.setattr(os, "scandir", scandir)
    try:
        write(near, "d.txt", "Near two", "The otter ate crabs on the near shore.")
        started = time.monotonic()
        report = Catalogue(tmp_path / "cat.db", [root]).refresh()
        assert time.monotonic() - started < 10
        assert any("stopped answering" in n and "network drive" in n for n in report.notices)
        assert report.removed == 0
        assert sorted(titles(catalogue)) == ["Far one", "Far two", "Near one", "Near two"]
        # The quick look the command line takes stalls on the same folder: bounded too.
        write(near, "e.txt", "Near three", "The heron ate frogs by the near pond.")
        started = time.monotonic()
        quick = Catalogue(tmp_path / "cat.db", [root]).refresh(quick=True)
        assert time.monotonic() - started < 10
        assert quick.removed == 0 and {"Far one", "Far two"} <= set(titles(catalogue))
    finally:
        answering.set()
    monkeypatch.undo()
    # Once it answers again, a full look finds everything and keeps the folder times.
    Catalogue(tmp_path / "cat.db", [root]).refresh()
    assert len(titles(catalogue)) == 5


def test_an_update_since_a_day_reads_by_date_what_the_whole_listing_would_give(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`brief --since` on a million articles cannot list them all: the catalogue reads the
    new ones and the newest known ones by date. Whatever the copies and undated files, the
    update gets exactly the new and background articles the full listing gave it."""
    import random

    import summarise.briefing.update as update
    from summarise.briefing.update import Known, split

    rng = random.Random(7)
    root = tmp_path / "lib"
    root.mkdir()
    words = "walrus seal otter heron penguin crab oyster kelp tide reef shore gull".split()
    for n in range(60):
        body = " ".join(rng.choice(words) for _ in range(80)).capitalize() + "."
        day = f"2026-11-{1 + n % 28:02d}" if n % 9 else None  # some undated
        front = f"---\ntitle: Story {n}\n" + (f"date: {day}\n" if day else "") + "---\n\n"
        (root / f"{n:03d}.md").write_text(front + body + "\n")
        if n % 7 == 0:  # a copy elsewhere, dated otherwise: listed once, by its stand-in
            later = f"2026-11-{1 + (n * 5) % 28:02d}"
            (root / f"{n:03d}-copy.md").write_text(
                f"---\ntitle: Story {n} again\ndate: {later}\n---\n\n{body} Updated.\n"
            )
    catalogue = Catalogue(tmp_path / "cat.db", [root])
    catalogue.refresh()
    assert catalogue.copies()  # the test has copies to fold
    for background in (3, 10, 100):
        monkeypatch.setattr(update, "BACKGROUND_ARTICLES", background)
        for day in ("2026-11-10", "2026-11-25", "2026-12-01"):
            known = Known(before=day)
            whole = split(catalogue.listing(), known)
            by_date = split(catalogue.recent(day, background), known)
            assert [[e.id for e in part] for part in by_date] == [
                [e.id for e in part] for part in whole
            ]
            assert [e.copies for e in by_date[0]] == [e.copies for e in whole[0]]


def test_words_are_searchable_before_names_and_names_follow(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from summarise.library import analysis
    from summarise.library.analysis import AnalysisCache

    folder = tmp_path / "lib"
    folder.mkdir()
    write(folder, "a.txt", "Talks resume", "Angela Merkel met Emmanuel Macron in Berlin to talk.")
    write(folder, "b.txt", "Markets", "Shares rose in Tokyo as Angela Merkel spoke of the yen.")
    write(folder, "c.txt", "Weather", "Rain fell on Leeds all day, and the river rose.")
    catalogue = Catalogue(tmp_path / "cat.db", [folder])
    catalogue.refresh()
    index = SearchIndex(tmp_path / "index.db", catalogue)
    report = index.sync_catalogue(catalogue, names=False)
    assert (report.added, report.unnamed) == (3, 3)
    assert sorted(h.title for h in index.search("merkel")) == ["Markets", "Talks resume"]
    assert index.search('entity:"Angela Merkel"') == []  # no names yet

    # One article's analysis fails: it keeps its words, gets no names, and is not retried.
    real = analysis.names_and_profile
    monkeypatch.setattr(
        analysis,
        "names_and_profile",
        lambda a: (_ for _ in ()).throw(RuntimeError("x")) if a.title == "Markets" else real(a),
    )
    cache = AnalysisCache(tmp_path / "analysis.db")
    assert index.name_articles(catalogue, cache) == 3
    assert [h.title for h in index.search('entity:"Angela Merkel"')] == ["Talks resume"]
    assert sorted(h.title for h in index.search("merkel")) == ["Markets", "Talks resume"]
    assert index.unnamed() == 0
    assert index.name_articles(catalogue, cache) == 0
    # The analyses are kept for briefings; a new index takes the names from them at once.
    assert len(cache.names_many(e.id for e in catalogue.entries())) == 3
    fresh = SearchIndex(tmp_path / "fresh.db", catalogue).sync_catalogue(
        catalogue, cache, names=False
    )
    assert (fresh.added, fresh.unnamed) == (3, 0)

    # A named row is deleted as exactly what it holds: it leaves every search.
    (folder / "a.txt").unlink()
    catalogue.refresh()
    assert index.sync_catalogue(catalogue, cache).removed == 1
    assert index.search('entity:"Angela Merkel"') == []
    assert [h.title for h in index.search("merkel")] == ["Markets"]


def test_a_search_counts_the_articles_still_unnamed_only_so_far(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Counting a million unnamed rows took a sixth of a search's time: past a bound the
    notice says "more than"."""
    from summarise.search import index as index_module
    from summarise.usecases import unnamed_notice

    folder = library(tmp_path, 3)
    catalogue = Catalogue(tmp_path / "cat.db", [folder])
    catalogue.refresh()
    index = SearchIndex(tmp_path / "index.db", catalogue)
    monkeypatch.setattr(index_module, "UNNAMED_COUNTED", 2)
    report = index.sync_catalogue(catalogue, names=False)
    assert report.unnamed == 3 and index.unnamed() == 3
    assert "not indexed yet in more than 2 articles" in unnamed_notice(report.unnamed)
    assert "not indexed yet in 2 articles" in unnamed_notice(2)
    monkeypatch.setattr(index_module, "UNNAMED_COUNTED", 10)
    assert index.sync_catalogue(catalogue, names=False).unnamed == 3


def test_the_newest_articles_are_the_start_of_the_list_sorted_by_date(tmp_path: Path) -> None:
    from summarise.library.listing import sort_articles

    folder = tmp_path / "lib"
    folder.mkdir()
    days = ["2026-11-03", "2026-11-03", "2026-11-03", "2026-11-02", "2026-11-01", None]
    for n, day in enumerate(days):
        front = f"date: {day}\n" if day else ""
        body = f"Report number {n} says the river rose by {n} metres overnight in the town."
        (folder / f"{n}.md").write_text(f"---\ntitle: Report {5 - n}\n{front}---\n\n{body}\n")
    (folder / "copy.md").write_bytes((folder / "1.md").read_bytes())  # listed once
    catalogue = Catalogue(tmp_path / "cat.db", [folder])
    catalogue.refresh()
    whole = [e.id for e in sort_articles(catalogue.listing(), "date")]
    for count in range(1, 8):
        first = [e.id for e in sort_articles(catalogue.newest(count), "date")]
        assert first == whole[: len(first)]
        # A date's articles come whole: asking for one of 2026-11-03's gives all three.
        assert len(first) >= 3
    assert len(catalogue.newest(100)) == 5  # every dated one; the undated come after them


def test_the_names_pass_keeps_names_and_profiles_and_a_briefing_keeps_what_it_tells(
    tmp_path: Path,
) -> None:
    """A million analyses kept whole took more room than the articles; the library-wide pass
    keeps what library-wide work needs, and a briefing what it tells."""
    from summarise.library.analysis import Analyses, AnalysisCache, names_and_profile

    folder = tmp_path / "lib"
    folder.mkdir()
    write(folder, "a.txt", "Talks resume", "Angela Merkel met Emmanuel Macron in Berlin to talk.")
    write(folder, "b.txt", "Markets", "Shares rose in Tokyo as Angela Merkel spoke of the yen.")
    catalogue = Catalogue(tmp_path / "cat.db", [folder])
    catalogue.refresh(jobs=1)
    cache = AnalysisCache(tmp_path / "analysis.db")
    SearchIndex(tmp_path / "index.db", catalogue).sync_catalogue(catalogue, cache)
    ids = sorted(e.id for e in catalogue.entries())
    assert all("Angela Merkel" in names for names in cache.names_many(ids).values())
    assert cache.whole(ids) == set() and cache.get_many(ids) == {}
    analyses = Analyses(catalogue.articles, cache, jobs=1)
    profiles = analyses.profiles(ids)  # from the names pass: nothing analysed again
    assert sorted(profiles) == ids and cache.whole(ids) == set()
    told = analyses.full(ids[:1])[ids[0]]
    assert told.sentences and cache.whole(ids) == {ids[0]}
    # The pass works out only what it keeps, and the same: stories do not depend on which ran.
    assert (told.profile, told.names) == (profiles[ids[0]], cache.names_many(ids)[ids[0]])
    assert AnalysisCache(tmp_path / "analysis.db").get_many(ids)[ids[0]] == told
    # A names pass of the same text later (another process) leaves the whole analysis whole.
    article = catalogue.article(ids[0])
    assert article is not None
    cache.put_packed([names_and_profile(article)])
    assert cache.whole(ids) == {ids[0]}


def test_a_names_pass_leaves_no_old_postings_nor_free_pages_behind(tmp_path: Path) -> None:
    """Naming a row rewrites it; FTS5 keeps what it replaced until segments merge, and the
    file keeps freed pages unless they are handed back: both cost disk for nothing."""
    folder = tmp_path / "lib"
    folder.mkdir()
    people = ["Angela Merkel", "Emmanuel Macron", "Justin Trudeau", "Jacinda Ardern"]
    for n in range(80):
        who = people[n % len(people)]
        body = f"{who} met ministers in Berlin on day {n} to talk about trade and tariffs. " * 6
        write(folder, f"{n}.txt", f"Talks, day {n}", body)
    catalogue = Catalogue(tmp_path / "cat.db", [folder])
    catalogue.refresh(jobs=1)
    index = SearchIndex(tmp_path / "index.db", catalogue)
    index.sync_catalogue(catalogue, names=False)
    index.name_articles(catalogue)
    assert len(index.search('entity:"Angela Merkel"', limit=100)) == 20
    assert index.count("tariffs") == 80
    index.close()
    with sqlite3.connect(tmp_path / "index.db") as db:
        assert db.execute("SELECT value FROM meta WHERE key = 'written'").fetchone() is None
        assert db.execute("PRAGMA freelist_count").fetchone()[0] == 0
    again = SearchIndex(tmp_path / "index.db", catalogue)
    assert len(again.search('entity:"Emmanuel Macron"', limit=100)) == 20
