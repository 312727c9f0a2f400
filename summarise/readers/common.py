"""Building an Article from parts, shared by the readers of structured formats."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date as Date
from datetime import datetime
from pathlib import Path

from summarise.article import Article, Block, BlockKind, Enclosure, content_id, count_words
from summarise.readers.decode import clean_text
from summarise.readers.lead import headline_for, take_dateline, without_codes
from summarise.readers.plaintext import parse_date


@dataclass(slots=True)
class Parsed:
    """What one file held: its articles, and problems with parts of it (a bad feed entry)."""

    articles: list[Article] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def one_line(value: object) -> str | None:
    """A single-line field (title, byline, source, tag) from whatever the file gave: text or a
    number as one line of clean text; anything else (a table, a list, true) is not a value."""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return None
    return " ".join(clean_text(str(value)).split()) or None


def as_tags(value: object) -> tuple[str, ...]:
    """Tags from a comma-separated string, a list, or one scalar; other things are ignored."""
    if isinstance(value, str):
        items: list[object] = list(value.split(","))
    elif isinstance(value, list | tuple):
        items = list(value)
    else:
        items = [value]
    return tuple(tag for tag in map(one_line, items) if tag)


def iso_date(value: object) -> str | None:
    """An ISO date from the many ways feeds and front matter write one. A date must be a date:
    a time of day (TOML's 07:32:00) or a bare number is not one."""
    if value is None or isinstance(value, bool | int | float):
        return None
    if hasattr(value, "tm_year"):  # time.struct_time from feedparser
        return f"{value.tm_year:04d}-{value.tm_mon:02d}-{value.tm_mday:02d}"  # type: ignore[attr-defined]
    if isinstance(value, Date):  # datetime is a date too
        return value.isoformat()[:10]
    if not isinstance(value, str):
        return None
    text = value.strip()
    if re.match(r"^\d{4}-\d{2}-\d{2}", text):
        return text[:10]
    try:
        return datetime.strptime(text[:31], "%a, %d %b %Y %H:%M:%S %z").date().isoformat()
    except ValueError:
        return parse_date(text)


# Past this many bad entries in one file, one line says how many and what the first was wrong
# with: a broken export of 10,000 lines is one message, not 10,000.
MAX_LISTED_PROBLEMS = 3


def summarised(problems: list[str], total: int, what: str) -> list[str]:
    if len(problems) <= MAX_LISTED_PROBLEMS:
        return problems
    return [f"{len(problems):,} of {total:,} {what} could not be read; the first: {problems[0]}"]


MIN_UNTITLED_WORDS = 5

# How versions before 0.2 titled an untitled article, kept only so its id (which hashes the
# title) stays what it was, and the reader's read marks with it.
_OLD_DATELINE = re.compile(
    r"^(?:&\w+;\s*)*[A-Z][A-Z .,'’-]{1,40}(?:,\s*[A-Z][\w.]*\.?(?:\s\d{1,2})?)*"
    r"(?:\s*\([A-Za-z .]{1,20}\)\s*(?:--|—|–|_|-)|\s+(?:--|—|_))\s+"
)


def _id_title(text: str) -> str:
    from summarise.language.text import default_splitter

    body = _OLD_DATELINE.sub("", text.strip(), count=1)
    first = default_splitter().split(body)[:1]
    words = (first[0] if first else body).split()
    if len(words) <= 14:
        return " ".join(words)
    return " ".join(words[:14]).rstrip(",;:-–—") + "…"


def make_article(
    title: str,
    blocks: list[Block],
    path: Path | None,
    *,
    dek: str | None = None,
    byline: str | None = None,
    source: str | None = None,
    date: str | None = None,
    tags: object = (),
    identity: str = "",
    url: str | None = None,
    enclosures: tuple[Enclosure, ...] = (),
) -> Article:
    """An Article from parts; its id hashes the text (plus `identity`, e.g. a feed entry's
    link, so two entries with the same words but different addresses stay two). Title, byline,
    source and tags are single-line fields: whatever the file put in them becomes one line."""
    title = without_codes(one_line(title) or "")
    # The id is the text as written, dateline included: ids (and read marks) stay what they
    # were before datelines were taken off.
    written = "\n\n".join(b.text for b in blocks if b.text)
    id_title = title or (_id_title(written.split("\n\n", 1)[0]) if written else "")
    lead = take_dateline(blocks)
    blocks = lead.blocks
    if title:
        # A page repeats its headline as a heading or paragraph: once is enough.
        blocks = [b for b in blocks if b.text and b.text != title]
    else:
        # No headline: one is made from the lead, which stays whole; a few words with no
        # headline (a stray fragment of a page) are not an article.
        if sum(count_words(b.text) for b in blocks) < MIN_UNTITLED_WORDS:
            raise ValueError("no article text found")
        title = headline_for(blocks)
    if not title or not blocks:
        raise ValueError("no article text found")
    if dek:
        dek = one_line(dek)
        if blocks and blocks[0].kind is BlockKind.PARAGRAPH and blocks[0].text == dek:
            blocks = blocks[1:]
    elif (
        len(blocks) > 1
        and blocks[0].kind is BlockKind.HEADING
        and (blocks[1].kind is BlockKind.PARAGRAPH)
    ):
        # A heading before any text is the page's subtitle: the standfirst, not a section.
        dek, blocks = blocks[0].text, blocks[1:]
    body = "\n\n".join(b.text for b in blocks)
    words = count_words(title) + count_words(body) + (count_words(dek) if dek else 0)
    return Article(
        id=content_id(f"{identity}\n{id_title}\n\n{written if lead.dateline else body}"),
        path=path,
        title=title,
        blocks=tuple(blocks),
        dek=dek or None,
        byline=one_line(byline),
        source=one_line(source) or lead.agency,
        date=date,
        tags=as_tags(tags),
        word_count=words,
        url=_address(url),
        enclosures=tuple(
            Enclosure(address, clean_text(e.kind).strip() or None if e.kind else None)
            for e in enclosures
            if (address := _address(e.url))
        ),
        dateline=lead.dateline,
    )


def _address(url: str | None) -> str | None:
    """A link as it may be shown: no spaces or control characters, or nothing."""
    url = clean_text(url or "").strip()
    return url if url and not re.search(r"\s", url) else None
