"""Names from outside (file names, feed titles, URLs, servers' error messages) made safe to show.

A file name may hold escape sequences that set the terminal's title, write to its clipboard or
clear the screen; a feed's title may hold a newline that splits a line of output in two, or
bytes that are not text at all (a file name that is not UTF-8 arrives as lone surrogates, which
cannot even be printed). Everything of that kind that reaches the terminal, a log or a
Markdown or text file goes through `printable` first: one line, no control or format characters.
"""

from __future__ import annotations

import re
import unicodedata

# Line and paragraph breaks, tabs: one space each, so a name stays on its line.
_BREAKS = re.compile("[\t\n\v\f\r\x1c-\x1e\x85\u2028\u2029]+")
# Categories that draw nothing or drive the terminal: controls (ESC, BEL, CSI), format
# characters (bidi overrides, joiners, soft hyphens), surrogates, private use, unassigned.
_HIDDEN = frozenset({"Cc", "Cf", "Cs", "Co", "Cn"})


def printable(text: object) -> str:
    """`text` as one line that shows what it says and nothing else."""
    text = _BREAKS.sub(" ", str(text))
    if text.isascii() and text.isprintable():
        return text
    kept = []
    for ch in text:
        category = unicodedata.category(ch)
        if category == "Cs":  # a byte of a name that is not UTF-8: shown as such
            kept.append("\ufffd")
        elif category not in _HIDDEN:
            kept.append(ch)
    return "".join(kept)


def printable_lines(text: object) -> str:
    """`text` kept on its own lines (a message listing several files, an article's paragraph
    with its line breaks), each line printable."""
    return "\n".join(printable(line) for line in str(text).split("\n"))


def printable_in_place(text: object, *, keep_newlines: bool = True) -> str:
    """`text` with every character that would not draw itself (controls, format characters,
    surrogates) replaced by a space, one for one, so offsets into it (an entity's mention, a
    search hit) still point at the same words; newlines are kept unless `keep_newlines` is off."""
    text = str(text)
    if text.isascii() and (text.replace("\n", "") if keep_newlines else text).isprintable():
        return text
    return "".join(
        ch if (ch == "\n" and keep_newlines) or unicodedata.category(ch) not in _HIDDEN else " "
        for ch in text
    )
