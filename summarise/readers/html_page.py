"""Saved web pages: the main article extracted with trafilatura, structure kept.

trafilatura was measured against readability-lxml on the pages in tests/data
(bench/readers.py): it found the title and body of more of them and also gives the byline, date
and site name, which readability does not.
"""

from __future__ import annotations

import re
from pathlib import Path

from summarise.readers.common import Parsed, iso_date, make_article
from summarise.readers.html_blocks import blocks_from_tree

# The speaker inside <cite>...</cite>, never across another <cite: a page of unclosed <cite>
# tags is then one pass, not one pass per tag (50,000 of them took minutes).
_CITE = re.compile(r"<cite\b[^>]*>([^<]*(?:<(?!/?cite\b)[^<]*)*)</cite>", re.I)
# More elements than any article page has (a long page with comments has a few thousand):
# past this the file is refused before the HTML parser builds a tree of them all.
MAX_ELEMENTS = 40_000
# An attribute value longer than any page needs for its text (only an inlined data: image comes
# near). libxml2 stops parsing at a 10 MB one, losing the article after it, and trafilatura's
# date search ran its patterns over it for 8 s. Kept as an empty value. No value can contain its
# own quote, so each long run is scanned once.
_HUGE_ATTRIBUTE = re.compile(r"""(\s[\w:.-]+\s*=\s*)(?:"[^"]{10000,}"|'[^']{10000,}')""")


def parse_html(text: str, path: Path | None = None) -> Parsed:
    import trafilatura
    from lxml import etree

    if (elements := text.count("<")) > MAX_ELEMENTS:
        raise ValueError(f"too many HTML elements to be one article ({elements:,})")

    # trafilatura drops <cite>; as a "— Name" line the speaker survives into the quote block.
    text = _CITE.sub(r"<p>— \1</p>", _HUGE_ATTRIBUTE.sub(r'\1""', text))
    xml = trafilatura.extract(
        text,
        output_format="xml",
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_formatting=False,
        favor_precision=True,
    )
    if not xml:
        raise ValueError("no article text found in the page")
    root = etree.fromstring(xml.encode("utf-8"))
    main = root.find("main")
    blocks = blocks_from_tree(main if main is not None else root)
    title = root.get("title") or ""
    article = make_article(
        title,
        blocks,
        path,
        dek=root.get("description") or None,
        byline=root.get("author") or None,
        source=root.get("sitename") or None,
        date=iso_date(root.get("date")),
        tags=tuple(
            t.strip()
            for t in (root.get("tags") or root.get("categories") or "").split(",")
            if t.strip()
        ),
        url=root.get("url") or None,
    )
    return Parsed([article])
