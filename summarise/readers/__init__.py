"""Turning files into Articles: one module per input format, and the folder loader."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TypeAlias

from summarise.errors import AskedAmiss
from summarise.untrusted import printable

# The readers themselves are imported when a file is read: a command that finds its library
# unchanged (most searches) reads no file, and importing them took a sixth of its start-up.
if TYPE_CHECKING:
    from summarise.article import Article
    from summarise.readers.common import Parsed

# Enough for any real article or feed; a bigger file is a mistake (a log, a dump, a video) and
# would stall loading, so it is refused before it is read.
MAX_FILE_BYTES = 20 * 1024 * 1024

Parser: TypeAlias = "Callable[[str, Path | None], Parsed]"


def _plaintext(text: str, path: Path | None) -> Parsed:
    from summarise.readers.common import Parsed
    from summarise.readers.plaintext import parse_plaintext

    return Parsed([parse_plaintext(text, path)])


def _html(text: str, path: Path | None) -> Parsed:
    from summarise.readers.html_page import parse_html

    return parse_html(text, path)


def _feed(text: str, path: Path | None) -> Parsed:
    from summarise.readers.feed import parse_feed

    return parse_feed(text, path)


def _markdown(text: str, path: Path | None) -> Parsed:
    from summarise.readers.markdown import parse_markdown

    return parse_markdown(text, path)


def _json(text: str, path: Path | None) -> Parsed:
    from summarise.readers.records import parse_json

    return parse_json(text, path)


def _jsonl(text: str, path: Path | None) -> Parsed:
    from summarise.readers.records import parse_jsonl

    return parse_jsonl(text, path)


FORMATS: dict[str, Parser] = {
    "text": _plaintext,
    "html": _html,
    "feed": _feed,
    "markdown": _markdown,
    "json": _json,
    "jsonl": _jsonl,
}
SUFFIXES = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
    ".md": "markdown",
    ".markdown": "markdown",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}

_FEED_START = re.compile(r"<(?:rss|feed|rdf:RDF)\b", re.I)
_HTML_START = re.compile(r"<(?:!doctype html|html|head|body)\b", re.I)


def detect_format(text: str, suffix: str = "") -> str:
    """The format of a file's text. Content decides when it is unmistakable (an .xml page
    that is HTML, a .txt that is a feed); the extension decides otherwise."""
    head = text[:2048].lstrip("\ufeff \t\r\n")
    if head.startswith("<"):
        if _FEED_START.search(head):
            return "feed"
        if _HTML_START.search(head):
            return "html"
        if head.startswith("<?xml"):
            return "feed" if SUFFIXES.get(suffix) != "html" else "html"
    if head.startswith(("{", "[")) and SUFFIXES.get(suffix) not in ("markdown", "text"):
        first_line = head.split("\n", 1)[0].strip()
        if head.startswith("{") and first_line.endswith("}") and "\n{" in text[:65536]:
            return "jsonl"
        return "jsonl" if SUFFIXES.get(suffix) == "jsonl" else "json"
    if head.startswith(("---\n", "+++\n")) and SUFFIXES.get(suffix, "markdown") in (
        "markdown",
        "text",
    ):
        return "markdown"
    return SUFFIXES.get(suffix, "text")


class ArticleError(AskedAmiss):
    """A file that could not be read as an article; the message says why, for the user."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


@dataclass(frozen=True, slots=True)
class LoadProblem:
    path: Path
    reason: str

    def __str__(self) -> str:
        return printable(f"{self.path}: {self.reason}")


@dataclass(slots=True)
class Library:
    articles: list[Article] = field(default_factory=list)
    problems: list[LoadProblem] = field(default_factory=list)

    def by_id(self) -> dict[str, Article]:
        return {a.id: a for a in self.articles}


def parse_text(text: str, path: Path | None = None, suffix: str = ".txt") -> Article:
    """The first article in some text (the seeds' and tests' common case)."""
    return parse_document(text, path, suffix).articles[0]


# More lines than a book (War and Peace, hard-wrapped, has about 65,000): a text or Markdown file
# past this is a log or a dump, refused at once rather than parsed into a million paragraphs.
MAX_LINES = 100_000


def parse_document(text: str, path: Path | None = None, suffix: str = ".txt") -> Parsed:
    from summarise.readers.decode import clean_text, decode_references

    fmt = detect_format(text, suffix.lower())
    # Lines with text: the blank line between two paragraphs does not count.
    if fmt in ("text", "markdown") and (lines := text.count("\n") - text.count("\n\n")) > MAX_LINES:
        raise ValueError(f"too many lines to be one article ({lines:,})")
    # Markup formats clean their own text after parsing; control characters in raw XML or
    # JSON are the parsers' business.
    if fmt == "text":  # scraped text keeps the page's character references: &#163;1.8m
        text = decode_references(text)
    source = text if fmt in ("html", "feed", "json", "jsonl") else clean_text(text)
    return FORMATS[fmt](source, path)


def read_article(path: Path) -> Article:
    """Read one file's first article; raise ArticleError with a reason a user can act on."""
    return read_file(path).articles[0]


def read_file(path: Path) -> Parsed:
    """Read one file (one article, or many from a feed or JSON export)."""
    from summarise.readers.decode import UndecodableError, decode_bytes

    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ArticleError(path, f"too large ({size / 1_048_576:.0f} MB; the limit is 20 MB)")
        data = path.read_bytes()
    except PermissionError:
        raise ArticleError(path, "permission denied") from None
    except FileNotFoundError:
        raise ArticleError(path, "no such file") from None
    except IsADirectoryError:
        raise ArticleError(path, "is a directory") from None
    except OSError as exc:
        raise ArticleError(path, exc.strerror or str(exc)) from None
    if not data.strip():
        raise ArticleError(path, "empty file")
    try:
        text = decode_bytes(data)
    except UndecodableError as exc:
        raise ArticleError(path, str(exc)) from None
    try:
        return parse_document(text, path, path.suffix or ".txt")
    except ValueError as exc:
        raise ArticleError(path, str(exc)) from None
    except RecursionError:
        raise ArticleError(path, "nested too deeply to read") from None
    except Exception as exc:  # a reader's bug must cost this file, never the library
        raise ArticleError(path, f"could not be read ({type(exc).__name__}: {exc})") from None


def iter_article_files(root: Path, follow_links: bool = False) -> Iterator[Path]:
    """Every supported file under root, recursively, in a stable order; hidden entries and
    links skipped (folders.py)."""
    from summarise.readers.folders import FolderWalk

    yield from sorted(Path(path) for path, _, _ in FolderWalk(root, SUFFIXES, follow_links))


def load_paths(paths: Iterable[Path]) -> Library:
    """Load every article under the given files and folders. A file that fails is recorded in
    `problems` with its reason and the rest still load; the same text twice loads once."""
    library = Library()
    seen: set[str] = set()
    for root in paths:
        if not root.exists():
            library.problems.append(LoadProblem(root, "no such file or folder"))
            continue
        for path in iter_article_files(root):
            try:
                parsed = read_file(path)
            except ArticleError as exc:
                library.problems.append(LoadProblem(exc.path, exc.reason))
                continue
            library.problems.extend(LoadProblem(path, reason) for reason in parsed.problems)
            for article in parsed.articles:
                if article.id not in seen:
                    seen.add(article.id)
                    library.articles.append(article)
    return library
