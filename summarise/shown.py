"""How much of an article a screen draws: all of any real article, a bounded part of a
pathological one.

A terminal widget lays out every character it holds, again on each resize and restyle: a
paragraph of 10 MB (one "word" of punctuation, a feed's runaway text) held the reader's keys
for a minute. The longest paragraphs of real articles run to a few thousand characters and the
longest articles to a few hundred thousand, so these bounds cut only what nobody reads in a
terminal. The command line prints the whole text (`newsbrief show`).
"""

from __future__ import annotations

from dataclasses import dataclass

from summarise.article import Article
from summarise.plain import clip

SHOWN_BLOCK_CHARACTERS = 20_000
SHOWN_CHARACTERS = 500_000
SHOWN_BLOCKS = 2_000
# Headline, standfirst, byline and the other one-line fields.
SHOWN_LINE_CHARACTERS = 2_000


@dataclass(frozen=True, slots=True)
class Shown:
    """The text of the first len(blocks) blocks as drawn (each perhaps cut short), and one
    line saying what is not drawn, if anything."""

    blocks: tuple[str, ...]
    cut: str | None


def shown_line(text: str) -> str:
    return clip(text, SHOWN_LINE_CHARACTERS)


def shown_blocks(article: Article) -> Shown:
    texts: list[str] = []
    total = cut_blocks = 0
    for block in article.blocks[:SHOWN_BLOCKS]:
        room = SHOWN_CHARACTERS - total
        if room <= 0:
            break
        text = clip(block.text, min(SHOWN_BLOCK_CHARACTERS, room))
        cut_blocks += len(text) < len(block.text)
        texts.append(text)
        total += len(text)
    left = len(article.blocks) - len(texts)
    if not cut_blocks and not left:
        return Shown(tuple(texts), None)
    parts = []
    if cut_blocks:
        parts.append(f"{cut_blocks:,} paragraph{'s' * (cut_blocks != 1)} cut short")
    if left:
        parts.append(f"{left:,} more not shown")
    return Shown(
        tuple(texts),
        f"Too long to draw here ({'; '.join(parts)}): `newsbrief show` prints all of it.",
    )
