"""Saved articles read back exactly as they were fetched; a full disk loses nothing."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from summarise.article import Block, BlockKind, Enclosure
from summarise.feeds.saving import save_article, to_markdown, write_atomically
from summarise.readers import read_file
from summarise.readers.common import make_article
from summarise.readers.feed import parse_feed
from tests.news_site import item, rss

HOSTILE = [
    'He said "hello" and left',
    "A back\\slash, C:\\path\\to and \\* stars",
    "[Reuters] brackets ](x) and <b>tags</b>",
    "# not a heading",
    "- not a bullet",
    "> not a quote",
    "1999. A year, not a list",
    "*emphasis* and _under_ and `code` | pipes",
    "---",
    "AT&T, R&D and a literal &amp; or &#163; written out",
]


def _fields(article):  # type: ignore[no-untyped-def]
    return (
        article.title,
        article.dek,
        article.byline,
        article.source,
        article.date,
        article.tags,
        article.url,
        article.enclosures,
        article.blocks,
    )


@pytest.mark.parametrize("text", HOSTILE)
def test_titles_authors_tags_and_body_lines_round_trip(text: str, tmp_path: Path) -> None:
    article = make_article(
        text,
        [
            Block(BlockKind.PARAGRAPH, text),
            Block(BlockKind.BULLET, text),
            Block(BlockKind.HEADING, text),
            Block(BlockKind.PARAGRAPH, f"{text} (as a paragraph again)"),
            Block(BlockKind.QUOTE, f'"{text}"', text),
        ],
        None,
        byline=text,
        source=text,
        tags=(text, "a\nb", "one, two"),
        dek=f"{text}\nsecond line",
        date="2026-11-24",
        url="https://news.example/a?id=1",
        enclosures=(Enclosure("https://news.example/a.mp3", "audio/mpeg"),),
    )
    path = save_article(article, tmp_path)
    (back,) = read_file(path).articles
    assert _fields(back) == _fields(article)


def test_a_feed_entry_round_trips_through_the_saved_file(tmp_path: Path) -> None:
    feed = rss(
        "Wire",
        [
            item(
                'Minister says "no" to \\ backslash plan',
                "https://news.example/1",
                "<p># First line looks like a heading</p><p>- and this like a bullet</p>"
                "<p>&gt; and this like a quote, but all three are prose.</p>",
                author='Jo "JJ" O\'Brien',
                categories=("Politics\nand power", "[Breaking]"),
                enclosure=("https://news.example/1.mp3", "audio/mpeg"),
            )
        ],
    )
    (fetched,) = parse_feed(feed.decode()).articles
    (back,) = read_file(save_article(fetched, tmp_path)).articles
    assert _fields(back) == _fields(fetched)
    assert fetched.blocks[0].text == "# First line looks like a heading"
    assert back.tags == ("Politics and power", "[Breaking]")  # one line, as every tag is


def test_the_saved_file_is_plain_readable_markdown(tmp_path: Path) -> None:
    blocks = [
        Block(BlockKind.PARAGRAPH, "Lead."),
        Block(BlockKind.HEADING, "Part one"),
        Block(BlockKind.BULLET, "a point"),
        Block(BlockKind.PARAGRAPH, "Text."),
    ]
    text = to_markdown(make_article("Title", blocks, None))
    assert text == '---\ntitle: "Title"\n---\n\nLead.\n\n## Part one\n\n- a point\n\nText.\n'


def test_a_full_disk_leaves_no_temporary_file_and_keeps_the_old_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "record.json"
    target.write_text("old")
    real_open = open

    class Full:
        def __init__(self, handle) -> None:  # type: ignore[no-untyped-def]
            self.handle = handle

        def __enter__(self):  # type: ignore[no-untyped-def]
            return self

        def __exit__(self, *exc: object) -> None:
            self.handle.close()

        def write(self, text: str) -> int:
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("builtins.open", lambda *a, **k: Full(real_open(*a, **k)))
    with pytest.raises(OSError, match="No space"):
        write_atomically(target, "new")
    monkeypatch.undo()
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["record.json"]
