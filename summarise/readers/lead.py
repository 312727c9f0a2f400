"""The opening of an article, made ready by every reader the same way.

Wire copy opens with a dateline ("SEOUL, South Korea (AP) _"): it is taken off the first
paragraph and kept as the article's `dateline`, so no sentence, summary, headline or briefing
point carries it; its agency names the outlet when the file does not. Newswire archives also
hold typesetting codes written as unknown character references ("&QL;", "&UR;" in New York
Times copy): they are not text, and go. An article with no headline gets one made from its lead
(language/headlines.py).
"""

from __future__ import annotations

import html.entities
import re
from collections.abc import Sequence
from dataclasses import dataclass

from summarise.article import Block, BlockKind
from summarise.language.datelines import find_dateline
from summarise.language.headlines import headline_from_lead
from summarise.language.text import default_splitter

# An upper-case "&XX;" that names no HTML character: a wire service's formatting code.
_CODE = re.compile(r"&([A-Z]{2,4});")
# Agencies a dateline names, as an outlet is named; others are kept as written.
AGENCIES = {
    "AP": "Associated Press",
    "AFP": "Agence France-Presse",
    "UPI": "United Press International",
    "DPA": "Deutsche Presse-Agentur",
    "Reuters": "Reuters",
    "Xinhua": "Xinhua",
}
# Paragraphs read for a headline's sentences.
LEAD_PARAGRAPHS = 3


def without_codes(text: str) -> str:
    if "&" not in text:
        return text
    kept = _CODE.sub(lambda m: m.group(0) if f"{m.group(1)};" in html.entities.html5 else "", text)
    return " ".join(kept.split()) if kept != text else text


@dataclass(frozen=True, slots=True)
class Lead:
    blocks: list[Block]
    dateline: str | None
    agency: str | None  # the outlet the dateline names, spelled out


def take_dateline(blocks: Sequence[Block]) -> Lead:
    """Blocks without their typesetting codes, the first paragraph without its dateline."""
    cleaned = [Block(b.kind, t, b.speaker) for b in blocks if (t := without_codes(b.text))]
    for index, block in enumerate(cleaned[:2]):
        if block.kind is not BlockKind.PARAGRAPH:
            continue
        found = find_dateline(block.text)
        if found is None:
            break
        rest = block.text[found.end :].strip()
        cleaned[index : index + 1] = [Block(BlockKind.PARAGRAPH, rest)] if rest else []
        agency = AGENCIES.get(found.agency or "", AGENCIES.get((found.agency or "").upper()))
        return Lead(cleaned, found.text, agency or found.agency)
    return Lead(cleaned, None, None)


def headline_for(blocks: Sequence[Block]) -> str:
    """A headline made from the lead of an article that has none."""
    prose = [b.text for b in blocks if b.kind in (BlockKind.PARAGRAPH, BlockKind.BULLET)]
    prose = prose or [b.text for b in blocks]
    splitter = default_splitter()
    sentences = [s for text in prose[:LEAD_PARAGRAPHS] for s in splitter.split(text)]
    return headline_from_lead(prose, sentences)
