"""RSS 0.9x/1.0/2.0 and Atom feeds (feedparser): every entry an article, the feed the outlet."""

from __future__ import annotations

from pathlib import Path

from summarise.article import Enclosure
from summarise.readers.common import Parsed, iso_date, make_article, summarised
from summarise.readers.html_blocks import blocks_from_html


def parse_feed(text: str, path: Path | None = None) -> Parsed:
    import feedparser

    # Entry HTML becomes plain text blocks here (html_blocks), never rendered: feedparser's own
    # sanitising and link rewriting would be a third of the parse for nothing.
    feed = feedparser.parse(text, sanitize_html=False, resolve_relative_uris=False)
    if not feed.entries:
        reason = getattr(feed, "bozo_exception", None)
        raise ValueError(f"not a readable feed ({reason})" if reason else "a feed with no entries")
    outlet = feed.feed.get("title") or None
    parsed = Parsed()
    for number, entry in enumerate(feed.entries, 1):
        body = ""
        if entry.get("content"):
            body = max((c.get("value", "") for c in entry.content), key=len)
        body = body or entry.get("summary", "") or entry.get("description", "")
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
