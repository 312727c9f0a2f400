"""The Article model: what every reader produces and everything downstream consumes."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any


class BlockKind(StrEnum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    BULLET = "bullet"
    QUOTE = "quote"


# Blocks whose sentences are the article's prose: summaries and briefings draw from these.
# Headings are labels, and pull quotes repeat what the prose already says.
PROSE_KINDS = frozenset({BlockKind.PARAGRAPH, BlockKind.BULLET})


@dataclass(frozen=True, slots=True)
class Block:
    kind: BlockKind
    text: str
    speaker: str | None = None

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"kind": self.kind.value, "text": self.text}
        if self.kind is BlockKind.QUOTE:
            data["speaker"] = self.speaker
        return data


@dataclass(frozen=True, slots=True)
class Enclosure:
    """A file a feed entry links to: a podcast episode, an image, a video."""

    url: str
    kind: str | None = None  # its media type, as the feed gave it

    def to_dict(self) -> dict[str, str | None]:
        return {"url": self.url, "type": self.kind}


_WORD = re.compile(r"\w++(?:['’\-]\w++)*+")


def count_words(text: str) -> int:
    return len(_WORD.findall(text))


def content_id(text: str) -> str:
    """A short stable identity for an article's text: the same text always gets the same id."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


@dataclass(frozen=True, slots=True)
class Article:
    id: str
    path: Path | None
    title: str
    blocks: tuple[Block, ...]
    dek: str | None = None
    byline: str | None = None
    source: str | None = None
    date: str | None = None
    section: str | None = None
    tags: tuple[str, ...] = ()
    word_count: int = field(default=0)
    url: str | None = None  # where the article was published, when known
    enclosures: tuple[Enclosure, ...] = ()
    # Wire copy's "SEOUL, South Korea (AP)", taken off the first paragraph (readers/lead.py).
    dateline: str | None = None

    @property
    def body_text(self) -> str:
        return "\n\n".join(block.text for block in self.blocks)

    def prose_blocks(self) -> list[tuple[int, Block]]:
        return [(i, b) for i, b in enumerate(self.blocks) if b.kind in PROSE_KINDS]

    def headings(self) -> list[str]:
        return [b.text for b in self.blocks if b.kind is BlockKind.HEADING]

    def quotes(self) -> list[Block]:
        return [b for b in self.blocks if b.kind is BlockKind.QUOTE]

    def bullets(self) -> list[str]:
        return [b.text for b in self.blocks if b.kind is BlockKind.BULLET]

    def paragraphs(self) -> list[str]:
        return [b.text for b in self.blocks if b.kind is BlockKind.PARAGRAPH]

    def summary_dict(self) -> dict[str, Any]:
        path = str(self.path) if self.path else None
        return listing_fields(
            self.id, self.title, self.source, self.date, self.word_count, path, self.url
        )

    def to_dict(self) -> dict[str, Any]:
        """The full structure `newsbrief show --json` prints."""
        return {
            **self.summary_dict(),
            "dek": self.dek,
            "byline": self.byline,
            "dateline": self.dateline,
            "section": self.section,
            "tags": list(self.tags),
            "enclosures": [enclosure.to_dict() for enclosure in self.enclosures],
            "blocks": [block.to_dict() for block in self.blocks],
        }


def listing_fields(
    article_id: str,
    title: str,
    source: str | None,
    date: str | None,
    words: int,
    path: str | None,
    url: str | None,
) -> dict[str, Any]:
    """The fields `newsbrief list --json` prints for each article, whether it comes from a file
    or from the catalogue."""
    return {
        "id": article_id,
        "title": title,
        "source": source,
        "date": date,
        "words": words,
        "path": path,
        "url": url,
    }
