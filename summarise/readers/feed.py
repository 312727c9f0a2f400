"""RSS 0.9x/1.0/2.0 and Atom feeds (feedparser): every entry an article, the feed the outlet."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from summarise.article import Enclosure
from summarise.readers.common import Parsed, iso_date, make_article, summarised
from summarise.readers.dtd import without_doctype
from summarise.readers.html_blocks import blocks_from_html

# What a feed's entries may hold, in characters, at most: as much as the largest file we read.
# Without a DTD nothing can expand, so this only holds if a parser ever learns a new trick.
MAX_FEED_TEXT = 20 * 1024 * 1024


def parsed_feed(text: str) -> Any:
    """feedparser's reading of `text`, its DOCTYPE removed first (readers/dtd.py). Every
    feedparser call in newsbrief goes through here."""
    import feedparser

    # Entry HTML becomes plain text blocks here (html_blocks), never rendered: feedparser's own
    # sanitising and link rewriting would be a third of the parse for nothing.
    return feedparser.parse(without_doctype(text), sanitize_html=False, resolve_relative_uris=False)


def parse_feed(text: str, path: Path | None = None) -> Parsed:
    feed = parsed_feed(text)
    if not feed.entries:
        reason = getattr(feed, "bozo_exception", None)
        raise ValueError(f"not a readable feed ({reason})" if reason else "a feed with no entries")
    outlet = feed.feed.get("title") or None
    parsed = Parsed()
    held = 0
    for number, entry in enumerate(feed.entries, 1):
        body = ""
        if entry.get("content"):
            body = max((c.get("value", "") for c in entry.content), key=len)
        body = body or entry.get("summary", "") or entry.get("description", "")
        held += len(body)
        if held > MAX_FEED_TEXT:
            raise ValueError("its entries hold more text than any feed (over 20 MB)")
        try:
            parsed.articles.append(
                make_article(
                    entry.get("title", ""),
                    blocks_from_html(body),
                    path,
                    byline=entry.get("author") or None,
                    source=outlet,
                    date=iso_date(entry.get("published_parsed") or entry.get("updated_parsed")),
                    tags=tuple(t.get("term", "") for t in entry.get("tags", [])),
                    identity=entry.get("link", "") or entry.get("id", ""),
                    url=entry.get("link") or None,
                    enclosures=tuple(
                        Enclosure(e.get("href", ""), e.get("type") or None)
                        for e in entry.get("enclosures", [])
                        if e.get("href")
                    ),
                )
            )
        except ValueError as exc:
            parsed.problems.append(f"entry {number}: {exc}")
    if not parsed.articles:
        raise ValueError("; ".join(parsed.problems[:3]) or "no entries with text")
    parsed.problems = summarised(
        parsed.problems, len(parsed.problems) + len(parsed.articles), "entries"
    )
    return parsed
