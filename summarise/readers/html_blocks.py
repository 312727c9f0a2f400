"""HTML (a page's main content, or a feed entry's body) to Blocks, keeping the structure."""

from __future__ import annotations

import re

from summarise.article import Block, BlockKind
from summarise.readers.decode import clean_text

_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6", "head"}
_SPACE = re.compile(r"\s+")
_ATTRIBUTION = re.compile(r"^[—–-]\s*(?P<who>.{2,80})$")


def _text(element) -> str:  # type: ignore[no-untyped-def]
    return _SPACE.sub(
        " ",
        clean_text(
            element.text_content()
            if hasattr(element, "text_content")
            else "".join(element.itertext())
        ),
    ).strip()


def blocks_from_tree(root) -> list[Block]:  # type: ignore[no-untyped-def]
    """Walk an lxml tree (HTML or trafilatura's XML) and collect paragraph-level blocks."""
    blocks: list[Block] = []

    def walk(element) -> None:  # type: ignore[no-untyped-def]
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        if tag in ("script", "style", "nav", "aside", "footer", "form", "figure", "noscript"):
            return
        if tag in _HEADINGS:
            text = _text(element)
            if text:
                blocks.append(Block(BlockKind.HEADING, text))
            return
        if tag in ("li", "item"):
            text = _text(element)
            if text:
                blocks.append(Block(BlockKind.BULLET, text))
            return
        if tag in ("blockquote", "quote"):
            parts = [_text(p) for p in element if isinstance(p.tag, str)] or [_text(element)]
            parts = [p for p in parts if p]
            speaker = None
            cite = element.find(".//cite")
            if cite is not None and _text(cite):
                speaker = _text(cite).lstrip("—–- ")
                parts = [p for p in parts if p.lstrip("—–- ") != speaker] or parts
            elif len(parts) > 1 and (m := _ATTRIBUTION.match(parts[-1])):
                speaker, parts = m.group("who"), parts[:-1]
            text = " ".join(parts)
            if text:
                blocks.append(Block(BlockKind.QUOTE, text.strip('“”"') or text, speaker))
            return
        if tag == "p":
            text = _text(element)
            if text:
                blocks.append(Block(BlockKind.PARAGRAPH, text))
            return
        children = [c for c in element if isinstance(c.tag, str)]
        if not children:
            text = _text(element)
            if text and tag not in ("html", "body", "doc", "main"):
                blocks.append(Block(BlockKind.PARAGRAPH, text))
            return
        # Text directly inside a container, outside any child block, is a paragraph too.
        if element.text and element.text.strip() and tag not in ("ul", "ol", "list"):
            blocks.append(Block(BlockKind.PARAGRAPH, _SPACE.sub(" ", element.text).strip()))
        for child in children:
            walk(child)
            if child.tail and child.tail.strip() and tag not in ("ul", "ol", "list"):
                blocks.append(Block(BlockKind.PARAGRAPH, _SPACE.sub(" ", child.tail).strip()))

    walk(root)
    return blocks


def blocks_from_html(fragment: str) -> list[Block]:
    """Blocks of an HTML fragment; plain text (no tags) is split on blank lines."""
    if not re.search(r"<[a-zA-Z][^>]*>", fragment):
        return [
            Block(BlockKind.PARAGRAPH, _SPACE.sub(" ", p).strip())
            for p in re.split(r"\n\s*\n", clean_text(fragment))
            if p.strip()
        ]
    from lxml import html as lxml_html

    try:
        root = lxml_html.fragment_fromstring(fragment, create_parent="div")
    except Exception:  # lxml raises several types on hopeless markup
        return [Block(BlockKind.PARAGRAPH, _SPACE.sub(" ", re.sub(r"<[^>]+>", " ", fragment)))]
    return blocks_from_tree(root)
