"""The one way text from outside becomes something the reader draws.

Article titles and text, feed names, servers' error messages, file names: any of them may hold
escape sequences (a server's reason phrase "\\x1b]52;c;..." writes the terminal's clipboard) or
square brackets that Textual would read as markup ("[AP]"). `untrusted` makes a `Content` of such
text with every control and format character blanked (one for one, so highlight offsets still
fit) and nothing parsed as markup. A test walks the reader's code and fails on a `Content`,
`Static`, `Option` or title made from anything but a literal or `untrusted(...)`.
"""

from __future__ import annotations

from textual.content import Content

from summarise.untrusted import printable, printable_in_place


def untrusted(text: object, *, one_line: bool = False) -> Content:
    """`text` as Content that draws exactly its printable characters."""
    return Content(printable_in_place(text, keep_newlines=not one_line))


def untrusted_title(text: object) -> str:
    """For the few places that take a plain string (the app's title and subtitle)."""
    return printable(text)
