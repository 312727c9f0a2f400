"""JSON and JSON Lines exports: records with a title and text, as common scrapers write them."""

from __future__ import annotations

import json
from pathlib import Path

from summarise.readers.common import Parsed, iso_date, make_article, summarised
from summarise.readers.decode import decode_references
from summarise.readers.html_blocks import blocks_from_html

TITLE_KEYS = ("title", "headline", "name")
TEXT_KEYS = ("text", "body", "content", "article", "maintext", "full_text", "description")
DATE_KEYS = ("date", "published", "published_at", "date_publish", "pubdate", "datetime")
SOURCE_KEYS = ("source", "outlet", "site", "site_name", "source_domain", "publisher")
AUTHOR_KEYS = ("author", "authors", "byline", "creator")


def _first(record: dict[str, object], keys: tuple[str, ...]) -> object:
    lowered = {k.lower(): v for k, v in record.items()}
    return next((lowered[k] for k in keys if lowered.get(k)), None)


def _article(record: object, path: Path | None):  # type: ignore[no-untyped-def]
    if not isinstance(record, dict):
        raise ValueError("not an object with a title and text")
    text = _first(record, TEXT_KEYS)
    if isinstance(text, list):
        text = "\n\n".join(str(t) for t in text)
    author = _first(record, AUTHOR_KEYS)
    if isinstance(author, list):
        author = ", ".join(str(a) for a in author)
    source = _first(record, SOURCE_KEYS)
    if isinstance(source, dict):
        source = source.get("name")
    tags = record.get("tags") or record.get("keywords") or ()
    # Scrapers leave character references in fields that are not HTML ("&#163;1.8m fine").
    return make_article(
        decode_references(str(_first(record, TITLE_KEYS) or "")),
        blocks_from_html(str(text or "")),
        path,
        byline=decode_references(str(author)) if author else None,
        source=decode_references(str(source)) if source else None,
        date=iso_date(_first(record, DATE_KEYS)),
        tags=tuple(decode_references(str(t)) for t in tags) if isinstance(tags, list) else (),
        identity=str(record.get("url") or record.get("link") or ""),
        url=str(record.get("url") or record.get("link") or "") or None,
    )


class _Unreadable(ValueError):
    """A line of JSON Lines that is not JSON: reported in its place among the records."""


def _collect(records: list[tuple[int, object]], path: Path | None, where: str) -> Parsed:
    parsed = Parsed()
    for number, record in records:
        try:
            if isinstance(record, _Unreadable):
                raise record
            parsed.articles.append(_article(record, path))
        except ValueError as exc:
            parsed.problems.append(f"{where} {number}: {exc}")
    if not parsed.articles:
        raise ValueError(parsed.problems[0] if parsed.problems else "no records")
    parsed.problems = summarised(parsed.problems, len(records), f"{where}s")
    return parsed


def parse_json(text: str, path: Path | None = None) -> Parsed:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(f"not valid JSON (line {exc.lineno}: {exc.msg})") from None
    if isinstance(data, dict):
        for key in ("articles", "items", "results", "data", "entries"):
            if isinstance(data.get(key), list):
                data = data[key]
                break
        else:
            data = [data]
    if not isinstance(data, list):
        raise ValueError("JSON that holds no article records")
    return _collect(list(enumerate(data, 1)), path, "record")


def parse_jsonl(text: str, path: Path | None = None) -> Parsed:
    records: list[tuple[int, object]] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            records.append((number, json.loads(line)))
        except json.JSONDecodeError as exc:
            records.append((number, _Unreadable(f"not valid JSON ({exc.msg})")))
    return _collect(records, path, "line")
