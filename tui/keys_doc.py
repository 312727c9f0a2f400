"""Rewrite the table of keys in docs/reader.md from tui/actions.py: `make docs`."""

from __future__ import annotations

import sys
from pathlib import Path

from tui.actions import keys_markdown

START, END = "<!-- keys:start -->\n", "<!-- keys:end -->"


def with_keys(document: str) -> str:
    """The document with the text between its key markers replaced by the generated tables."""
    if START not in document or END not in document.partition(START)[2]:
        raise ValueError("the document has no <!-- keys:start --> ... <!-- keys:end --> markers")
    head, _, rest = document.partition(START)
    tail = rest.partition(END)[2]
    return head + START + keys_markdown() + END + tail


def main(argv: list[str]) -> int:
    path = Path(argv[0]) if argv else Path("docs/reader.md")
    path.write_text(with_keys(path.read_text("utf-8")), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
