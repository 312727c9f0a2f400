"""Markdown articles, with optional YAML (---) or TOML (+++) front matter."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from summarise.article import Block, BlockKind
from summarise.readers.common import Parsed, iso_date, make_article

_FRONT = re.compile(
    r"\A(?P<fence>---|\+\+\+)[ \t]*\n(?P<body>.*?)\n(?P=fence)[ \t]*(?:\n|\Z)", re.S
)
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1")
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_BULLET = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(.*)$")


def _simple_yaml(text: str) -> dict[str, object]:
    """The flat `key: value` front matter that blogs write (lists as [a, b] or - items).
    Not a YAML parser: anything nested is ignored rather than guessed."""
    data: dict[str, object] = {}
    key = None
    for line in text.splitlines():
        if m := re.match(r"^([A-Za-z_][\w-]*)\s*:\s*(.*)$", line):
            key, value = m.group(1).lower(), m.group(2).strip()
            if value.startswith("[") and value.endswith("]"):
                data[key] = [v.strip().strip("'\"") for v in value[1:-1].split(",") if v.strip()]
            elif value:
                data[key] = value.strip("'\"")
            else:
                data[key] = []
        elif key and (m := re.match(r"^\s+-\s+(.*)$", line)) and isinstance(data.get(key), list):
            data[key].append(m.group(1).strip().strip("'\""))  # type: ignore[union-attr]
    return data


def _inline(text: str) -> str:
    text = _LINK.sub(r"\1", text)
    for _ in range(2):
        text = _EMPHASIS.sub(r"\2", text)
    return re.sub(r"\s+", " ", text).strip()


def parse_markdown(text: str, path: Path | None = None) -> Parsed:
    meta: dict[str, object] = {}
    if m := _FRONT.match(text):
        if m.group("fence") == "+++":
            try:
                meta = {k.lower(): v for k, v in tomllib.loads(m.group("body")).items()}
            except tomllib.TOMLDecodeError as exc:
                raise ValueError(f"bad TOML front matter: {exc}") from None
        else:
            meta = _simple_yaml(m.group("body"))
        text = text[m.end() :]
    blocks: list[Block] = []
    title = str(meta.get("title", "") or "")
    for chunk in re.split(r"\n\s*\n", text):
        lines = [ln for ln in chunk.splitlines() if ln.strip()]
        if not lines or re.match(r"^\s*(?:[-*_]\s*){3,}$", lines[0]):
            continue
        if all(ln.lstrip().startswith(">") for ln in lines):
            quoted = [re.sub(r"^\s*>\s?", "", ln) for ln in lines]
            speaker = None
            if len(quoted) > 1 and (a := re.match(r"^[—–-]+\s*(.+)$", quoted[-1].strip())):
                speaker, quoted = _inline(a.group(1)), quoted[:-1]
            blocks.append(Block(BlockKind.QUOTE, _inline(" ".join(quoted)).strip('“”"'), speaker))
            continue
        paragraph: list[str] = []
        for line in lines:
            if h := _HEADING.match(line):
                if paragraph:
                    blocks.append(Block(BlockKind.PARAGRAPH, _inline(" ".join(paragraph))))
                    paragraph = []
                if len(h.group(1)) == 1 and not title:
                    title = _inline(h.group(2))
                else:
                    blocks.append(Block(BlockKind.HEADING, _inline(h.group(2))))
            elif b := _BULLET.match(line):
                if paragraph:
                    blocks.append(Block(BlockKind.PARAGRAPH, _inline(" ".join(paragraph))))
                    paragraph = []
                blocks.append(Block(BlockKind.BULLET, _inline(b.group(1))))
            elif (
                blocks
                and blocks[-1].kind is BlockKind.BULLET
                and not paragraph
                and line[:1].isspace()
            ):
                blocks[-1] = Block(BlockKind.BULLET, f"{blocks[-1].text} {_inline(line)}")
            else:
                paragraph.append(line.strip())
        if paragraph:
            blocks.append(Block(BlockKind.PARAGRAPH, _inline(" ".join(paragraph))))
    tags = meta.get("tags") or meta.get("categories") or ()
    if isinstance(tags, str):
        tags = [t.strip() for t in tags.split(",")]
    byline = meta.get("author") or meta.get("byline")
    return Parsed(
        [
            make_article(
                title,
                blocks,
                path,
                dek=str(meta["description"]) if meta.get("description") else None,
                byline=str(byline) if byline else None,
                source=str(meta.get("source") or meta.get("publication") or meta.get("site") or "")
                or None,
                date=iso_date(meta.get("date") or meta.get("published")),
                tags=tuple(str(t) for t in tags),  # type: ignore[union-attr]
                url=str(meta.get("url") or meta.get("link") or "") or None,
            )
        ]
    )
