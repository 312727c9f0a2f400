"""No XML document we read may declare its own entities.

A feed or OPML list never needs a DTD, and a DTD's entities are how 100 KB of XML becomes
gigabytes: `<!ENTITY a "...64 KB...">` then `&a;` 16,000 times. expat limits nested expansion
but not this linear kind, and feedparser's lenient parser, used when the strict parse fails,
substitutes every entity the prolog declares. So the DOCTYPE is cut out of the prolog before
any parser sees the text: with no declaration there is nothing to expand, whatever parser runs.
"""

from __future__ import annotations

import re

# Where the root element starts: the first "<" followed by a word character, which is how
# feedparser itself divides the prolog from the document (sanitizer.replace_doctype).
_ROOT = re.compile(r"<\w", re.ASCII)
_DOCTYPE = re.compile(r"<!DOCTYPE", re.IGNORECASE)
_ENTITY = re.compile(r"<!ENTITY", re.IGNORECASE)


def without_doctype(text: str) -> str:
    """`text` with everything from its DOCTYPE to the root element removed (a declaration, its
    internal subset, and any comment or processing instruction between them)."""
    root = _ROOT.search(text)
    end = root.start() if root else len(text)
    doctype = _DOCTYPE.search(text, 0, end)
    if doctype is None:
        return text
    return text[: doctype.start()] + text[end:]


def declares_entities(text: str) -> bool:
    """Whether an entity declaration appears anywhere in `text` (not only its first bytes:
    an internal subset can be padded past any fixed window)."""
    return _ENTITY.search(text) is not None
