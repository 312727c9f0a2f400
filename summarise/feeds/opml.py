"""OPML 2.0 subscription lists: what feed readers import and export (newsboat's -i and -e).

Reading uses the standard library's XML parser, and a file that declares an entity anywhere is
refused before it is parsed, so a hostile file cannot expand into gigabytes; nested outlines
(folders) are flattened.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime
from xml.sax.saxutils import quoteattr

from summarise.errors import AskedAmiss
from summarise.readers.decode import clean_text
from summarise.readers.dtd import declares_entities


class OpmlError(AskedAmiss, ValueError):
    """The file is not an OPML subscription list."""


@dataclass(frozen=True, slots=True)
class Outline:
    url: str
    title: str | None = None


def read_opml(text: str) -> list[Outline]:
    """Every outline with an xmlUrl, in order, each URL once."""
    if declares_entities(text):
        raise OpmlError("the file declares XML entities, which an OPML list never needs")
    try:
        root = ET.fromstring(text)
    except ET.ParseError as exc:
        raise OpmlError(f"not readable as OPML ({exc})") from None
    if root.tag.lower() != "opml":
        raise OpmlError(f"not an OPML file (its root is <{root.tag}>)")
    found: dict[str, Outline] = {}
    for node in root.iter():
        if node.tag.lower() != "outline":
            continue
        attributes = {k.lower(): v for k, v in node.attrib.items()}
        url = clean_text(attributes.get("xmlurl", "")).strip()
        if url and url not in found:
            title = clean_text(attributes.get("title") or attributes.get("text") or "").strip()
            found[url] = Outline(url, title or None)
    return list(found.values())


def write_opml(outlines: list[Outline], title: str = "newsbrief subscriptions") -> str:
    """An OPML 2.0 document: one rss outline per feed."""
    created = format_datetime(datetime.now(UTC), usegmt=True)
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<opml version="2.0">',
        "  <head>",
        f"    <title>{_text(title)}</title>",
        f"    <dateCreated>{created}</dateCreated>",
        "  </head>",
        "  <body>",
    ]
    for outline in outlines:
        name = quoteattr(outline.title or outline.url)
        lines.append(
            f'    <outline type="rss" text={name} title={name} xmlUrl={quoteattr(outline.url)}/>'
        )
    lines += ["  </body>", "</opml>"]
    return "\n".join(lines) + "\n"


def _text(value: str) -> str:
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
