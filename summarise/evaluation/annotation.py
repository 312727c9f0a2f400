"""Inline entity annotation: `[[Mark Carney|PERSON]]` in a block's text, to and from mentions.

The gold files for the entity scorer are written in this form because a person can read and
correct them; offsets are derived, never typed by hand.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from summarise.article import Article
from summarise.entities import EntityType, Mention

_MARK = re.compile(r"\[\[(?P<text>[^\[\]|]+)\|(?P<type>[A-Z]+)\]\]")
BLOCK_SEPARATOR = "\n\n"


@dataclass(frozen=True, slots=True)
class GoldMention:
    block: int
    start: int
    end: int
    type: EntityType
    text: str

    @property
    def key(self) -> tuple[int, int, int, str]:
        return (self.block, self.start, self.end, self.type.value)


def mark_up(article: Article, mentions: list[Mention]) -> str:
    """The article's blocks, one per paragraph, with mentions written inline."""
    out = []
    for index, block in enumerate(article.blocks):
        text = block.text
        pieces, cursor = [], 0
        for m in sorted((m for m in mentions if m.block == index), key=lambda m: m.start):
            if m.start < cursor:
                continue
            pieces += [text[cursor : m.start], f"[[{text[m.start : m.end]}|{m.type.value}]]"]
            cursor = m.end
        pieces.append(text[cursor:])
        out.append("".join(pieces))
    return BLOCK_SEPARATOR.join(out) + "\n"


def parse_marked(marked: str, article: Article) -> list[GoldMention]:
    """Mentions from marked-up blocks; the text without marks must be the article's text."""
    blocks = marked.rstrip("\n").split(BLOCK_SEPARATOR)
    if len(blocks) != len(article.blocks):
        raise ValueError(f"{len(blocks)} marked blocks for {len(article.blocks)} in the article")
    gold: list[GoldMention] = []
    for index, (text, block) in enumerate(zip(blocks, article.blocks, strict=True)):
        plain, cursor = [], 0
        for m in _MARK.finditer(text):
            plain.append(text[cursor : m.start()])
            start = sum(len(p) for p in plain)
            plain.append(m.group("text"))
            gold.append(
                GoldMention(
                    index,
                    start,
                    start + len(m.group("text")),
                    EntityType(m.group("type")),
                    m.group("text"),
                )
            )
            cursor = m.end()
        plain.append(text[cursor:])
        if "".join(plain) != block.text:
            raise ValueError(f"block {index}: the marked text differs from the article's text")
    return gold
