"""Full-text search: query forms, hostile input, keeping the index in step, and the command."""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summarise.library.catalogue import Catalogue
from summarise.readers import load_paths
from summarise.search.index import (
    SCHEMA_VERSION,
    QueryError,
    SearchIndex,
    index_path_for,
    translate_query,
)
from tests.conftest import SEEDS


def indexed(roots: list[Path], path: Path | None = None) -> SearchIndex:
    """An index of the library at `roots`, brought up to date with its catalogue (kept in
    memory: the index reads its hits' text from it)."""
    catalogue = Catalogue(None, roots)
    catalogue.refresh(jobs=1)
    index = SearchIndex(path, catalogue)
    index.sync_catalogue(catalogue)
    return index


@pytest.fixture(scope="module")
def index() -> SearchIndex:  # module scope: Hypothesis reuses it across examples
    return indexed([SEEDS])


def titles(index: SearchIndex, query: str) -> list[str]:
    return [hit.title for hit in index.search(query)]


def test_stemming_prefix_and_phrases(index: SearchIndex) -> None:
    stemmed = titles(index, "tariff")
    assert len(stemmed) == 5  # "tariffs" in every article matches "tariff"
    assert titles(index, "tarif*") and set(titles(index, "tarif*")) == set(stemmed)
    phrase = titles(index, '"electric vehicles"')
    assert phrase and len(phrase) <= len(titles(index, "electric vehicles"))
    assert titles(index, '"vehicles electric"') == []


def test_title_is_weighted_up(index: SearchIndex) -> None:
    # Every seed mentions Carney or Trudeau in the body; the one with "Carney" in its title ranks
    # above the others.
    assert titles(index, "carney")[0].startswith("Carney in Beijing")


def test_boolean_operators(index: SearchIndex) -> None:
    canola = set(titles(index, "canola"))
    pork = set(titles(index, "pork"))
    assert set(titles(index, "canola NOT pork")) == canola - pork
    assert set(titles(index, "canola -pork")) == canola - pork
    assert set(titles(index, "pork OR huawei")) == pork | set(titles(index, "huawei"))
    assert set(titles(index, "canola AND pork")) == canola & pork


def test_field_filters(index: SearchIndex) -> None:
    assert titles(index, "title:carney") == [
        "Carney in Beijing aims to reset trade ties while risking U.S. ire"
    ]
    assert len(titles(index, "source:torontoer")) == 2
    assert titles(index, "tag:usmca") == [
        "Trudeau’s China gamble: why Ottawa is rebuilding ties despite US pressure"
    ]
    people = titles(index, 'entity:"Xi Jinping"')
    assert people and all(t in titles(index, "jinping") for t in people)


def test_hits_carry_snippet_and_offsets_into_the_article(index: SearchIndex) -> None:
    articles = {a.id: a for a in load_paths([SEEDS]).articles}
    for hit in index.search("canola"):
        article = articles[hit.article_id]
        assert hit.matches
        for m in hit.matches:
            assert article.blocks[m.block].text[m.start : m.end].lower() == "canola"
        assert all(hit.snippet[a:b].lower() == "canola" for a, b in hit.snippet_matches)
        assert "\x02" not in hit.snippet and "\x03" not in hit.snippet


@pytest.mark.parametrize(
    "query",
    [
        '"unbalanced',
        "AND",
        "OR OR",
        "NOT",
        "*",
        "-",
        "NEAR(",
        "canola NEAR(",
        "(((",
        "a:b:c",
        "x" * 5000,
        "tariff " * 300,
        "\x1b[31mtariff\x1b[0m\x07",
        "title:",
        "-canola",
        "'",
        "^",
        'canola"pork',
        "NOT canola",
        "canola AND",
        "AND canola OR",
    ],
)
def test_hostile_input_never_raises_anything_but_a_clear_query_error(
    index: SearchIndex, query: str
) -> None:
    try:
        index.search(query)
    except QueryError as exc:
        assert "nothing to search for" in str(exc)


@settings(max_examples=300, deadline=None)
@given(query=st.text(max_size=80))
def test_any_text_is_a_valid_query_or_a_clear_error(index: SearchIndex, query: str) -> None:
    try:
        hits = index.search(query)
    except QueryError as exc:
        said = str(exc)
        assert said == "nothing to search for: type a word" or (
            said.startswith("nothing to search for: -") and "only leaves a word out" in said
        )
    else:
        assert all(hit.title for hit in hits)


def test_translation_quotes_every_term() -> None:
    assert translate_query('canola AND NOT "electric vehicles" tarif*') == (
        '"canola" NOT "electric vehicles" AND "tarif"*'
    )
    assert translate_query("title:carney -trudeau") == 'title : "carney" NOT "trudeau"'
    with pytest.raises(QueryError):
        translate_query("AND OR *")


def article_text(title: str, body: str) -> str:
    return f"{title}\n\n{body}\n"


def test_reopening_indexes_only_what_changed_and_never_serves_stale_hits(
    tmp_path: Path,
) -> None:
    library = tmp_path / "lib"
    library.mkdir()
    (library / "a.txt").write_text(article_text("Alpha", "The walrus ate oysters."))
    (library / "b.txt").write_text(article_text("Beta", "The penguin ate fish."))
    path = tmp_path / "index.db"
    catalogue = Catalogue(tmp_path / "cat.db", [library])
    catalogue.refresh(jobs=1)
    first = SearchIndex(path, catalogue)
    report = first.sync_catalogue(catalogue)
    assert (report.added, report.removed, report.kept) == (2, 0, 0)
    first.close()
    (library / "b.txt").write_text(article_text("Beta", "The penguin ate krill."))
    (library / "a.txt").unlink()
    (library / "c.txt").write_text(article_text("Gamma", "A walrus slept."))
    catalogue.refresh(jobs=1)
    again = SearchIndex(path, catalogue)
    report = again.sync_catalogue(catalogue)
    assert (report.added, report.removed, report.kept) == (2, 2, 0)
    assert titles(again, "walrus") == ["Gamma"]  # the deleted Alpha is gone
    assert titles(again, "fish") == []  # the old text of Beta is gone
    assert titles(again, "krill") == ["Beta"]
    # The index keeps no text: forgetting a row means telling it what the row held, so a
    # mistake would leave matches counted (and ranked) for articles no longer there.
    assert (again.count("walrus"), again.count("fish"), again.count("oysters")) == (1, 0, 0)
    assert again.notices == []  # caught up, not rebuilt
    assert SearchIndex(path, catalogue).sync_catalogue(catalogue).added == 0


def walrus_library(tmp_path: Path, count: int) -> tuple[Path, Catalogue, SearchIndex]:
    """A folder of `count` reports, its catalogue and its index, on disk, up to date."""
    library = tmp_path / "lib"
    library.mkdir()
    for n in range(count):
        (library / f"{n}.txt").write_text(article_text(f"Report {n}", f"Walrus number {n}."))
    catalogue = Catalogue(tmp_path / "cat.db", [library])
    catalogue.refresh(jobs=1)
    index = SearchIndex(tmp_path / "index.db", catalogue)
    index.sync_catalogue(catalogue)
    return library, catalogue, index


def dropped_rows(catalogue_file: Path) -> int:
    with sqlite3.connect(catalogue_file) as db:
        return int(db.execute("SELECT count(*) FROM dropped").fetchone()[0])


def test_the_text_of_a_deleted_article_is_kept_only_until_the_index_has_forgotten_it(
    tmp_path: Path,
) -> None:
    library, catalogue, index = walrus_library(tmp_path, 3)
    (library / "0.txt").unlink()
    (library / "1.txt").write_text(article_text("Report 1", "Seal number 1."))
    catalogue.refresh(jobs=1)
    assert dropped_rows(tmp_path / "cat.db") == 2  # what the index must be told to forget
    assert index.sync_catalogue(catalogue).removed == 2
    assert dropped_rows(tmp_path / "cat.db") == 0  # and then the catalogue holds it no more
    assert (index.count("walrus"), index.count("seal")) == (1, 1)


def test_the_same_text_with_two_sources_is_forgotten_whichever_file_goes_first(
    tmp_path: Path,
) -> None:
    """The id is the text's: two files can hold it under other front matter. The index holds
    one of them, and forgets it exactly, or starts again, never miscounting."""
    library = tmp_path / "lib"
    library.mkdir()
    for name, source in (("a.md", "Wire One"), ("b.md", "Wire Two")):
        (library / name).write_text(
            f"---\ntitle: Walrus found\nsource: {source}\n---\n\nA walrus was found asleep.\n"
        )
    catalogue = Catalogue(tmp_path / "cat.db", [library])
    catalogue.refresh(jobs=1)
    index = SearchIndex(tmp_path / "index.db", catalogue)
    index.sync_catalogue(catalogue)
    assert index.count("walrus") == 1
    for name in ("a.md", "b.md"):
        (library / name).unlink()
        catalogue.refresh(jobs=1)
        index.sync_catalogue(catalogue)
    assert (index.count("walrus"), index.count("source:wire"), index.indexed_ids()) == (0, 0, set())


def test_an_index_too_far_behind_its_catalogue_starts_again_with_a_notice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from summarise.library import catalogue as catalogue_module

    library, catalogue, index = walrus_library(tmp_path, 4)
    monkeypatch.setattr(catalogue_module, "CHANGE_LOG_SIZE", 2)
    for n in range(3):
        (library / f"{n}.txt").unlink()
    catalogue.refresh(jobs=1)  # the log (and the texts dropped) reach back only two changes
    report = index.sync_catalogue(catalogue)
    assert any("rebuilding" in notice for notice in report.notices)
    assert [hit.title for hit in index.search("walrus")] == ["Report 3"]
    assert index.count("walrus") == 1


def test_a_corrupt_index_is_rebuilt_with_a_notice(tmp_path: Path) -> None:
    path = tmp_path / "index.db"
    path.write_bytes(b"garbage, not sqlite " * 200)
    catalogue = Catalogue(None, [SEEDS])
    catalogue.refresh(jobs=1)
    index = SearchIndex(path, catalogue)
    assert index.notices and "rebuilding" in index.notices[0]
    index.sync_catalogue(catalogue)
    assert len(titles(index, "canola")) >= 3


def test_an_index_from_an_older_recogniser_is_rebuilt_quietly(tmp_path: Path) -> None:
    path = tmp_path / "index.db"
    index = indexed([SEEDS], path)
    index.close()
    with sqlite3.connect(path) as db:  # as a version with another recogniser left it
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION - 1}")
    catalogue = Catalogue(None, [SEEDS])
    catalogue.refresh(jobs=1)
    again = SearchIndex(path, catalogue)
    assert again.indexed_ids() == set() and again.notices == []
    assert again.sync_catalogue(catalogue).added == 5
    assert titles(again, 'entity:"Mark Carney"')


def test_indexes_of_libraries_left_for_months_are_deleted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSBRIEF_CACHE_DIR", str(tmp_path))
    old, recent = tmp_path / "search-0000000000000000.db", tmp_path / "search-1111.db"
    catalogue = Catalogue(None, [SEEDS])
    for path in (old, recent):
        SearchIndex(path, catalogue).close()
    long_ago = time.time() - 100 * 86400
    os.utime(old, (long_ago, long_ago))
    os.utime(recent, (time.time() - 10 * 86400,) * 2)
    current = index_path_for([SEEDS])
    SearchIndex(current, catalogue).close()
    os.utime(current, (long_ago, long_ago))  # this library is opened now: it stays
    SearchIndex.for_library([SEEDS], catalogue).close()
    assert not old.exists() and recent.exists() and current.exists()


def test_a_snippet_is_short_however_long_the_word_it_shows() -> None:
    from summarise.search.snippets import SNIPPET_CHARS, snippet

    text = "Headline " + "a" * 1_000_000
    shown, marks = snippet(text, [(0, 8)])
    assert len(shown) <= SNIPPET_CHARS + 2 and shown.endswith("…")
    assert marks == [(0, 8)]


def test_wrapping_a_word_longer_than_the_line_cuts_it_into_lines() -> None:
    from summarise.plain import wrap

    lines = wrap("start " + "x" * 100_000 + " end", 80, "   ")
    assert all(len(line) <= 80 for line in lines)
    assert "".join("".join(line.split()) for line in lines) == "start" + "x" * 100_000 + "end"


def test_names_go_into_the_row_as_it_was_indexed_when_its_id_has_two_texts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The names pass's workers analyse one of the texts stored under an id and hand back
    the fields they read; when the row was indexed from the other text, the row is taken out
    as it holds it, not as the worker read it (or its postings would be left behind)."""
    from summarise.library.packing import pack

    library = tmp_path / "lib"
    library.mkdir()
    for name, source in (("a.md", "Wire One"), ("b.md", "Wire Two")):
        (library / name).write_text(
            f"---\ntitle: Walrus found\nsource: {source}\n---\n\n"
            "Angela Merkel said a walrus was found asleep in Berlin.\n"
        )
    catalogue = Catalogue(tmp_path / "cat.db", [library])
    catalogue.refresh(jobs=1)
    index = SearchIndex(tmp_path / "index.db", catalogue)
    index.sync_catalogue(catalogue, names=False)
    held = "Wire One" if index.count('source:"wire one"') else "Wire Two"
    (article_id,) = index.indexed_ids()
    (other,) = [a for a in catalogue.versions([article_id])[article_id] if a.source != held]
    monkeypatch.setattr(catalogue, "blobs", lambda ids: {article_id: pack(other)})
    assert index.name_articles(catalogue) == 1
    assert index.count('entity:"Angela Merkel"') == 1
    assert (index.count(f'source:"{held}"'), index.count(f'source:"{other.source}"')) == (1, 0)
    monkeypatch.undo()
    for name in ("a.md", "b.md"):
        (library / name).unlink()
    catalogue.refresh(jobs=1)
    index.sync_catalogue(catalogue)
    assert (index.count("walrus"), index.count("source:wire"), index.count("merkel")) == (0, 0, 0)
