"""Saving articles as Markdown files that read back exactly as they were.

Front matter values are written as JSON strings and lists (which YAML also reads), so quotes,
backslashes, newlines and brackets in titles, authors and tags survive; body text is escaped so
a line that starts with "#", "-" or ">" stays a paragraph. Writes are atomic: a file appears
whole or not at all, and nothing half-written is left behind when the disk is full.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import tempfile
from pathlib import Path

from summarise.article import Article, BlockKind
from summarise.readers.markdown import escape_markdown


def _value(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


def to_markdown(article: Article, url: str | None = None) -> str:
    """The article as Markdown with front matter (title, author, date, source, url,
    description, tags, enclosures); `url` overrides the article's own."""
    lines = ["---", f"title: {_value(article.title)}"]
    for key, value in (
        ("author", article.byline),
        ("date", article.date),
        ("source", article.source),
        ("url", url or article.url),
        ("description", article.dek),
    ):
        if value:
            lines.append(f"{key}: {_value(value)}")
    if article.tags:
        lines.append(f"tags: {_value(list(article.tags))}")
    if article.enclosures:
        lines.append(f"enclosures: {_value([e.to_dict() for e in article.enclosures])}")
    lines += ["---", ""]
    for block in article.blocks:
        text = escape_markdown(block.text)
        if block.kind is BlockKind.BULLET:
            lines.append(f"- {text}")
            continue
        if lines[-1].startswith("- "):
            lines.append("")  # anything after a list ends the list
        if block.kind is BlockKind.HEADING:
            lines += [f"## {text}", ""]
        else:
            if block.kind is BlockKind.QUOTE:
                lines.append(f"> {text}")
                if block.speaker:
                    lines.append(f"> — {escape_markdown(block.speaker)}")
            else:
                lines.append(text)
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def slug(title: str, most: int = 60) -> str:
    """A file-name-safe form of a title: lower-case words joined by hyphens."""
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:most].strip("-") or "article"


def write_atomically(path: Path, text: str) -> None:
    """Write `path` whole or not at all. An OSError (full or read-only disk) propagates after
    the temporary file is removed, and an existing file is left as it was.

    The temporary file has a name of its own (mkstemp: O_EXCL, so it is never a link someone
    placed, nor another writer's file), and the rename replaces the name `path`: a link there is
    replaced, never written through. Two writers of one file each rename a whole copy; the
    last one stays."""
    handle, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    temporary = Path(name)
    try:
        with open(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        temporary.replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise


def article_file(article: Article, folder: Path) -> Path:
    """Where `save_article` keeps an article: `<slug>-<id>.md` in the folder."""
    return folder / f"{slug(article.title)}-{article.id}.md"


def save_article(article: Article, folder: Path, url: str | None = None) -> Path:
    """Save the article into `folder` (article_file); an article already saved there (same
    id) is not written again. Returns the file."""
    target = article_file(article, folder)
    if not target.exists():
        write_atomically(target, to_markdown(article, url))
    return target
