"""Real-world inputs: web pages, feeds, Markdown, JSON exports, and bad files of every kind."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from summarise.article import BlockKind
from summarise.readers import ArticleError, detect_format, load_paths, read_file

DATA = Path(__file__).parent.parent / "data"
EXPECTED = json.loads((DATA.parent / "format_expectations.json").read_text())


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_sample_reads_right(name: str) -> None:
    want = EXPECTED[name]
    path = DATA / name
    assert detect_format(path.read_text(), path.suffix) == want["format"]
    parsed = read_file(path)
    assert len(parsed.articles) == want.get("articles", 1)
    assert len(parsed.problems) == want.get("problems", 0)
    article = parsed.articles[0]
    assert article.title == want["title"]
    assert article.blocks[0].text.startswith(want["first"])
    assert article.dateline == want.get("dateline")
    assert (article.byline, article.source, article.date) == (
        want["byline"],
        want["outlet"],
        want["date"],
    )
    body = " ".join(b.text for b in article.blocks)
    for junk in want["absent"]:
        assert junk not in body, junk


def test_page_structure_is_kept() -> None:
    article = read_file(DATA / "wordpress.html").articles[0]
    kinds = [b.kind for b in article.blocks]
    assert BlockKind.HEADING in kinds and BlockKind.BULLET in kinds
    (quote,) = article.quotes()
    assert (quote.text, quote.speaker) == (
        "We will not trade our livelihoods for bigger ships.",
        "Marta Silva",
    )
    assert article.headings() == ["What happens next"]
    substack = read_file(DATA / "substack.html").articles[0]
    assert substack.dek == "Three branches could close if the budget passes unchanged"


def test_feed_entries_become_articles_with_the_feed_as_outlet() -> None:
    parsed = read_file(DATA / "rss2-content-encoded.xml")
    bridge, school = parsed.articles
    assert bridge.tags == ("Transport",)
    assert bridge.headings() == ["Shorter trips"]
    assert bridge.quotes()[0].speaker == "Ruth Adams"
    assert school.source == "Valley Gazette" and school.byline == "Ana Costa"
    assert parsed.problems == ["entry 3: no article text found"]


def test_markdown_front_matter_and_structure() -> None:
    article = read_file(DATA / "article-yaml.md").articles[0]
    assert article.tags == ("heritage", "town")
    assert article.headings() == ["Raising the money"]
    assert article.bullets() == ["The mechanism dates from 1889", "Volunteers met every Saturday"]
    assert article.quotes()[0].speaker == "Paul Ortiz"
    assert "hand-made mechanism" in article.blocks[0].text  # emphasis marks removed


def test_a_folder_of_mixed_formats_loads_together() -> None:
    library = load_paths([DATA])
    titles = {a.title for a in library.articles}
    # 4 pages, 2 + 2 feed entries, 2 Markdown files, 2 + 1 JSON records
    assert len(library.articles) == 13
    assert {"Bees return to the old orchard", "Ferry timetable changes from May"} <= titles
    reasons = {f"{p.path.name}: {p.reason}" for p in library.problems}
    assert reasons == {
        "rss2-content-encoded.xml: entry 3: no article text found",
        "export.jsonl: line 2: not valid JSON (Expecting value)",
    }


def test_content_decides_over_a_misleading_extension(tmp_path: Path) -> None:
    feed = tmp_path / "news.txt"
    feed.write_text((DATA / "blog-atom.xml").read_text())
    assert len(read_file(feed).articles) == 2
    page = tmp_path / "saved.xml"
    page.write_text((DATA / "wire.html").read_text())
    assert read_file(page).articles[0].title.startswith("Copper hits two-year high")


BAD = {
    "binary.html": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 100,
    "empty.xml": b"",
    "truncated.xml": (DATA / "rss2-content-encoded.xml").read_bytes()[:180],
    "malformed.html": b"<html><body><div><p>Short</div></body>",
    "not-json.json": b'{"title": "x", "text": ',
    "nothing.jsonl": b"not json at all\nnor this\n",
    "deep.json": b"[" * 100_000 + b"]" * 100_000,
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_files_are_reported_and_skipped(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_bytes(BAD[name])
    (tmp_path / "good.md").write_text("# A good one\n\nIt has text to read.\n")
    started = time.perf_counter()
    library = load_paths([tmp_path])
    assert time.perf_counter() - started < 10
    assert [a.title for a in library.articles] == ["A good one"]
    (problem,) = library.problems
    assert problem.path.name == name and problem.reason


def test_other_encodings_declared_or_not(tmp_path: Path) -> None:
    page = (
        '<html><head><meta charset="iso-8859-1"><title>Café prices</title></head><body>'
        "<article><h1>Café prices</h1><p>Prices at the café in Zürich rose again this week, "
        "owners said, blaming the cost of milk and rent for the increases.</p><p>Customers "
        "said they would keep coming because the croissants are the best in town.</p>"
        "</article></body></html>"
    )
    (tmp_path / "latin1.html").write_bytes(page.encode("latin-1"))
    feed = (DATA / "blog-atom.xml").read_text().replace("wild bees", "wild bées")
    (tmp_path / "utf16.xml").write_bytes(feed.encode("utf-16"))
    library = load_paths([tmp_path])
    assert library.problems == []
    texts = " ".join(b.text for a in library.articles for b in a.blocks)
    assert "Zürich" in texts and "wild bées" in texts


def test_an_enormous_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    huge = tmp_path / "huge.html"
    with huge.open("wb") as out:
        out.truncate(50 * 1024 * 1024)  # sparse: 50 MB on paper, nothing written
    started = time.perf_counter()
    with pytest.raises(ArticleError, match="too large"):
        read_file(huge)
    assert time.perf_counter() - started < 1


def test_character_references_and_invisible_characters_are_cleaned(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from summarise.readers import read_article

    text = tmp_path / "viacom.txt"
    text.write_text(
        "&#163;1.8m indecency fine for Viacom\n\n"
        "Media giant Viacom has paid a record &#163;1.8m to settle, AT&amp;T said; R&D rose "
        "and the soft\u00adhyphen, word\u2060joiner, zero\u200dwidth and \u180emongolian went.\n"
    )
    article = read_article(text)
    assert article.title == "£1.8m indecency fine for Viacom"
    body = article.body_text
    assert "£1.8m" in body and "AT&T said; R&D rose" in body
    assert "softhyphen, wordjoiner, zerowidth and mongolian" in body
    record = tmp_path / "export.json"
    record.write_text(
        '[{"title": "Caf&eacute; &amp; bar", '
        '"text": "<p>A caf&eacute; opened in town today, with a bar.</p>"}]'
    )
    (from_json,) = [read_article(record)]
    assert from_json.title == "Café & bar"
