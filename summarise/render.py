"""Articles, summaries, entities and search hits as plain text and JSON, for the command line.

Nothing here writes to a terminal or knows about one: callers pass the width and, for search
hits, the two strings that start and end a highlighted match (ANSI bold on a terminal, nothing
when piped). The briefing has its own renderers in briefing/render.py, built on these helpers.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from summarise.article import Article, BlockKind
from summarise.plain import clip, shown_path, wrap
from summarise.untrusted import printable

if TYPE_CHECKING:
    from summarise.briefing.stories import Story
    from summarise.entities import ArticleEntities
    from summarise.feeds.refresh import FeedReport
    from summarise.feeds.subscriptions import Feed, FeedCount
    from summarise.language.summarisers import Summary
    from summarise.library.listing import Listed
    from summarise.search.index import Hit


def to_json(data: object) -> str:
    """Indented JSON; a long list puts one compact item on each line instead, which reads as
    well and is written by json's C encoder (indenting is pure Python: seconds at 100,000)."""
    if isinstance(data, list) and len(data) > 100:
        items = ",\n".join(json.dumps(item, ensure_ascii=False) for item in data)
        return f"[\n{items}\n]"
    return json.dumps(data, ensure_ascii=False, indent=2)


def article_meta(article: Article) -> str:
    """ "By Byline · Outlet · date · N words", leaving out what the article does not say."""
    parts = [article.byline and f"By {article.byline}", article.source, article.date]
    return " · ".join([p for p in parts if p] + [f"{article.word_count} words"])


def copy_label(copy: Listed) -> str:
    """How another copy of a story is named: "Outlet, 2026-11-24 (~/path/file.md)"."""
    parts = [copy.source or "unknown outlet", copy.date]
    where = f" ({shown_path(copy.path)})" if copy.path else ""
    return ", ".join(p for p in parts if p) + where


# ---- list ---------------------------------------------------------------------------------


def listing_line(article: Listed, width: int) -> str:
    meta = f"{article.id}  {article.date or '':10}  {clip(article.source or '-', 14):14}"
    meta += f" {article.word_count:5}w  "
    copies = len(getattr(article, "copies", ()))
    title = article.title + (f" (+{copies} cop{'y' if copies == 1 else 'ies'})" if copies else "")
    return meta + clip(title, width - len(meta))


# ---- one article --------------------------------------------------------------------------


def article_text(article: Article, width: int = 80) -> str:
    lines = [*wrap(article.title, width), "=" * min(len(article.title), width)]
    if article.dek:
        lines += ["", *wrap(article.dek, width)]
    lines += ["", article_meta(article)]
    for block in article.blocks:
        if block.kind is BlockKind.HEADING:
            lines += ["", f"## {block.text}"]
        elif block.kind is BlockKind.BULLET:
            lines += wrap(block.text, width, "  • ", "    ")
        elif block.kind is BlockKind.QUOTE:
            lines += ["", *wrap(f"“{block.text}”", width, "    ")]
            if block.speaker:
                lines.append(f"        — {block.speaker}")
        else:
            lines += ["", *wrap(block.text, width)]
    if article.tags:
        lines += ["", "Tags: " + ", ".join(article.tags)]
    lines += ["", f"id {article.id}  {printable(article.path or '')}".rstrip()]
    return "\n".join(lines)


# ---- summaries ----------------------------------------------------------------------------


def summary_text(article: Article, summary: Summary, width: int = 80) -> str:
    kept = f"{len(summary.sentences)} of {summary.total_sentences} sentences"
    method = f"{summary.method} ({summary.focus})" if summary.focus else summary.method
    lines = [*wrap(article.title, width), f"{method} summary, {kept}", ""]
    for sentence in summary.sentences:
        lines += wrap(sentence.text, width, "• ", "  ")
    return "\n".join(lines)


def summary_data(article: Article, summary: Summary) -> dict[str, Any]:
    return {"title": article.title, **summary.to_dict()}


# ---- entities -----------------------------------------------------------------------------


def entities_text(article: Article, found: ArticleEntities, width: int = 80) -> str:
    from summarise.entities import ENTITY_LABELS

    where = printable(article.path or "")
    lines = [*wrap(article.title, width), f"id {article.id}  {where}".rstrip()]
    for kind, entities in found.by_type().items():
        names = ", ".join(f"{e.name} ({e.count})" for e in entities)
        lines += wrap(f"{ENTITY_LABELS[kind]}: {names}", width, "  ")
    return "\n".join(lines)


def entities_data(article: Article, found: ArticleEntities) -> dict[str, Any]:
    return {
        "id": article.id,
        "path": str(article.path) if article.path else None,
        "title": article.title,
        "entities": [
            {
                "type": e.type.value,
                "name": e.name,
                "count": e.count,
                "mentions": [
                    {"text": m.text, "block": m.block, "start": m.start, "end": m.end}
                    for m in e.mentions
                ],
            }
            for e in found.entities()
        ],
    }


# ---- search hits --------------------------------------------------------------------------


def hits_text(hits: Sequence[Hit], width: int = 100, marks: tuple[str, str] = ("", "")) -> str:
    """Numbered hits with their snippets; `marks` wrap each match (ANSI bold, or nothing)."""
    start_mark, end_mark = marks
    lines = []
    for rank, hit in enumerate(hits, 1):
        lines.append(f"{rank}. {hit.title}  [{hit.article_id}]")
        snippet, cursor = [], 0
        for start, end in hit.snippet_matches:
            snippet += [hit.snippet[cursor:start], start_mark, hit.snippet[start:end], end_mark]
            cursor = end
        snippet.append(hit.snippet[cursor:])
        # Wrapped before the marks are counted would be nicer; marks are zero-width on a
        # terminal and absent when piped, so wrapping the marked text keeps lines short enough.
        lines += wrap("".join(snippet), width, "   ")
    return "\n".join(lines)


# Below this many items a job is over before a progress line could be read: none is shown.
PROGRESS_MIN_ITEMS = 100


def story_listing(
    stories: Sequence[Story], entries: Mapping[str, Listed], width: int, limit: int
) -> str:
    """Stories, most important first, each with its articles newest first."""
    lines = []
    for number, story in enumerate(stories[:limit], 1):
        count = len(story.article_ids)
        span = story.first if story.first == story.last else f"{story.first} to {story.last}"
        meta = [f"{count:,} article{'s' if count != 1 else ''}"]
        if story.outlets:
            meta.append(f"{len(story.outlets)} outlet{'s' if len(story.outlets) != 1 else ''}")
        if story.first and span:
            meta.append(span)
        lines += wrap(f"{number}. {story.title}", width, "", "   ")
        lines.append("   " + " · ".join(meta))
        for article_id in reversed(story.article_ids):
            entry = entries[article_id]
            prefix = f"   {entry.date or '':10}  {clip(entry.source or '-', 14):14} "
            lines.append(prefix + clip(entry.title, width - len(prefix)))
        lines.append("")
    if len(stories) > limit:
        lines.append(f"…and {len(stories) - limit:,} more stories (--limit N shows more)")
    return "\n".join(lines).rstrip("\n") + "\n" if lines else ""


def progress_line(done: int, total: int, what: str = "articles", width: int = 20) -> str:
    bar = "#" * round(width * done / total) if total else ""
    return f"[{bar:<{width}}] {done:,}/{total:,} {what}"


# ---- feeds --------------------------------------------------------------------------------


def when(moment: float | None, now: float) -> str:
    """ "3 min ago", "2 h ago", "5 d ago", or "never"."""
    if moment is None:
        return "never"
    seconds = max(0.0, now - moment)
    for size, unit in ((86400, "d"), (3600, "h"), (60, "min")):
        if seconds >= size:
            return f"{int(seconds // size)} {unit} ago"
    return "just now"


def feed_lines(
    feeds: Sequence[Feed], counts: Mapping[int, FeedCount], now: float, width: int = 100
) -> list[str]:
    """One line per feed: number, unread/articles, last refresh, title; a second line with
    the last error when the last refresh failed."""
    lines = []
    for feed in feeds:
        count = counts.get(feed.id)
        tally = f"{count.unread:,}/{count.articles:,}" if count else "-"
        mark = "!" if feed.failing else " "
        head = f"{feed.id:>3}{mark} {tally:>11}  {when(feed.last_refresh, now):>11}  "
        shown = printable(f"{feed.name}  {feed.url}" if feed.title else feed.url)
        lines.append(head + clip(shown, width - len(head)))
        if feed.last_error:
            lines.append(
                " " * len(head)
                + clip(printable(f"last error: {feed.last_error}"), width - len(head))
            )
    return lines


def refresh_summary(reports: Sequence[FeedReport]) -> str:
    """What a refresh did, in plain words: "1 feed: 4 pages fetched, 0 new articles", "12
    feeds: 41 new articles (from 3 feeds), 8 feeds unchanged, 1 failed"."""
    count = len(reports)
    new = sum(len(r.saved) for r in reports)
    pages = sum(r.pages for r in reports)
    with_new = sum(r.outcome == "new" for r in reports)
    parts = [f"{pages:,} page{'' if pages == 1 else 's'} fetched"] if pages else []
    said = f"{new:,} new article{'' if new == 1 else 's'}"
    if new and count > 1:
        said += f" (from {with_new:,} feed{'' if with_new == 1 else 's'})"
    parts.append(said)
    for outcome, words in (
        ("unchanged", "unchanged"),
        ("failed", "failed"),
        ("waiting", "asked us to wait"),
    ):
        if n := sum(r.outcome == outcome for r in reports):
            parts.append(f"{n:,} {words}" if count > 1 else words)
    return f"{count:,} feed{'' if count == 1 else 's'}: " + ", ".join(parts)
