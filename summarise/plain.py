"""Plain-text layout every renderer shares: lines wrapped and clipped to a width, and paths as a
reader would type them, made printable.
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

from summarise.untrusted import printable


def wrap(text: str, width: int = 80, first: str = "", rest: str | None = None) -> list[str]:
    """Lines of at most `width`, the first prefixed by `first` and the others by `rest`."""
    # textwrap cuts a word longer than the line by copying what is left of it for every line
    # (10 MB of "@" took minutes): such words are cut into line-long pieces first.
    piece = max(1, width - max(len(first), len(first if rest is None else rest)))
    if len(text) > piece:
        text = re.sub(
            rf"\S{{{piece + 1},}}",
            lambda m: " ".join(m[0][i : i + piece] for i in range(0, len(m[0]), piece)),
            text,
        )
    return textwrap.wrap(
        text,
        width,
        initial_indent=first,
        subsequent_indent=first if rest is None else rest,
        break_long_words=True,
        break_on_hyphens=False,
    ) or [first.rstrip()]


def clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(0, width - 1)] + "…"


def shown_path(path: str | Path) -> str:
    """A path as a reader would type it: relative to the working directory when it lies inside
    it, with ~ for the home directory otherwise; one printable line, whatever the name holds."""
    return printable(_typed_path(Path(path)))


def _typed_path(absolute: Path) -> str:
    try:
        bases = ((Path.cwd(), ""), (Path.home(), "~/"))
    except (OSError, RuntimeError):  # a deleted working directory, or no home
        return str(absolute)
    for base, prefix in bases:
        try:
            return prefix + absolute.relative_to(base).as_posix()
        except ValueError:
            continue
    return str(absolute)
