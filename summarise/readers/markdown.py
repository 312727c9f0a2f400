"""Markdown articles, with optional YAML (---) or TOML (+++) front matter."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

from summarise.article import Block, BlockKind, Enclosure
from summarise.readers.common import Parsed, iso_date, make_article, one_line
from summarise.readers.decode import clean_text, decode_references

_FRONT = re.compile(
    r"\A(?P<fence>---|\+\+\+)[ \t]*\n(?P<body>.*?)\n(?P=fence)[ \t]*(?:\n|\Z)", re.S
)
# Every pattern here is linear: a run never scans past the next delimiter it could end on, so
# "[[[[" or "*a *a *a" costs one pass, not one pass per delimiter.
_LINK = re.compile(r"!?\[([^\[\]]*)\]\([^()\s]*(?:\([^()\s]*\)[^()\s]*)?\)")
_EMPHASIS = re.compile(
    "|".join(
        rf"{d}(?=\S)([^{c}]+?)(?<=\S){d}"
        for d, c in ((r"\*\*", r"*"), (r"\*", r"*"), ("__", "_"), ("_", "_"), ("`", "`"))
    )
)
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_BULLET = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(.*)$")
# CommonMark's escapes: a backslash before ASCII punctuation makes it literal (and, here, before a
# curly double quote, so a pull quote's own quotation marks survive). While a line is read, each
# escaped character is held as a Unicode noncharacter (cleaning removes any from the text
# itself), so no pattern can mistake it for markup.
_PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
_HELD = {ch: chr(0xFDD0 + n) for n, ch in enumerate(_PUNCTUATION)}
_HELD |= {"“": "\U0001fffe", "”": "\U0001ffff"}
_RELEASE = str.maketrans({held: ch for ch, held in _HELD.items()})
_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~“”])")
# What the writer escapes anywhere in a line, and what only at its start.
_SPECIAL = re.compile(r"([\\`*_\[\]#<>|]|&(?=#?\w+;))")
_LINE_START = re.compile(r"^(\s*)([-+=\"“”]|\d+(?=[.)]))")
# A pull quote wrapped whole in quotation marks loses them: the reader shows quotes as quotes.
_WRAPPED = re.compile(r'^["“]([^"“”]*)["”]$')


def escape_markdown(text: str) -> str:
    """One line of text as Markdown that reads back as exactly this text: nothing in it
    becomes a heading, bullet, quote, link or emphasis."""
    text = _SPECIAL.sub(r"\\\1", text)
    if match := _LINE_START.match(text):
        lead, mark = match.groups()
        if mark[0].isdigit():  # "1999. A year" must not become a numbered item
            return f"{lead}{mark}\\{text[match.end() :]}"
        return f"{lead}\\{mark}{text[match.end() :]}"
    return text


def _hold(text: str) -> str:
    return _ESCAPED.sub(lambda m: _HELD[m.group(1)], text)


def _simple_yaml(text: str) -> dict[str, object]:
    """The flat `key: value` front matter that blogs write (lists as [a, b] or - items).
    Not a YAML parser: anything nested is ignored rather than guessed."""
    data: dict[str, object] = {}
    key = None
    for line in text.splitlines():
        if m := re.match(r"^([A-Za-z_][\w-]*)\s*:\s*(.*)$", line):
            key, value = m.group(1).lower(), m.group(2).strip()
            if value[:1] in ('"', "[") and (decoded := _json_value(value)) is not None:
                data[key] = decoded  # what newsbrief writes: exact, whatever the text holds
            elif value.startswith("[") and value.endswith("]"):
                data[key] = [v.strip().strip("'\"") for v in value[1:-1].split(",") if v.strip()]
            elif value:
                data[key] = value.strip("'\"")
            else:
                data[key] = []
        elif (
            key
            and (m := re.match(r"^\s+-\s+(.*)$", line))
            and isinstance(items := data.get(key), list)
        ):
            items.append(m.group(1).strip().strip("'\""))
    return data


def _json_value(value: str) -> object:
    """A double-quoted string or a list written as JSON, else None. JSON strings are also
    YAML's double-quoted strings, so other tools read these files the same way."""
    try:
        decoded = json.loads(value)
    except ValueError:
        return None
    if isinstance(decoded, str):
        return decoded
    if isinstance(decoded, list):
        return [item if isinstance(item, dict) else str(item) for item in decoded]
    return None


def _emphasised(match: re.Match[str]) -> str:
    return next(group for group in match.groups() if group is not None)


def _inline(text: str, unquote: bool = False) -> str:
    """A line's text without Markdown's inline markup; escaped characters come out literal."""
    text = _hold(text)
    text = _LINK.sub(r"\1", text)
    for _ in range(2):
        text = _EMPHASIS.sub(_emphasised, text)
    text = re.sub(r"\s+", " ", text).strip()
    if unquote and (wrapped := _WRAPPED.match(text)):
        text = wrapped.group(1).strip()
    # As CommonMark does, character references stand for their characters (an escaped "\&"
    # is held above, so it stays literal); cleaned again, since one may name a control.
    return clean_text(decode_references(text).translate(_RELEASE))


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
    title = one_line(meta.get("title")) or ""
    for chunk in re.split(r"\n\s*\n", text):
        lines = [_hold(ln) for ln in chunk.splitlines() if ln.strip()]
        if not lines or re.match(r"^\s*(?:[-*_]\s*){3,}$", lines[0]):
            continue
        if all(ln.lstrip().startswith(">") for ln in lines):
            quoted = [re.sub(r"^\s*>\s?", "", ln) for ln in lines]
            speaker = None
            if len(quoted) > 1 and (a := re.match(r"^[—–-]+\s*(.+)$", quoted[-1].strip())):
                speaker, quoted = _inline(a.group(1)), quoted[:-1]
            blocks.append(Block(BlockKind.QUOTE, _inline(" ".join(quoted), unquote=True), speaker))
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
    byline = meta.get("author") or meta.get("byline")
    return Parsed(
        [
            make_article(
                title,
                blocks,
                path,
                dek=one_line(meta.get("description")),
                byline=one_line(byline),
                source=one_line(meta.get("source") or meta.get("publication") or meta.get("site")),
                date=iso_date(meta.get("date") or meta.get("published")),
                tags=meta.get("tags") or meta.get("categories") or (),
                url=one_line(meta.get("url") or meta.get("link")),
                enclosures=_enclosures(meta.get("enclosures")),
            )
        ]
    )


def _enclosures(value: object) -> tuple[Enclosure, ...]:
    if not isinstance(value, list):
        return ()
    found = []
    for item in value:
        if isinstance(item, dict) and isinstance(item.get("url"), str):
            kind = item.get("type")
            found.append(Enclosure(item["url"], kind if isinstance(kind, str) else None))
    return tuple(found)
