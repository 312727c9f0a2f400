"""Turning files into Articles: one module per input format, and the folder loader."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from summarise.article import Article
from summarise.readers.decode import UndecodableError, clean_text, decode_bytes
from summarise.readers.plaintext import parse_plaintext

# Enough for any real article; a bigger file is a mistake (a log, a dump) and would stall loading.
MAX_FILE_BYTES = 20 * 1024 * 1024

Parser = Callable[[str, Path | None], Article]
PARSERS: dict[str, Parser] = {".txt": parse_plaintext, ".text": parse_plaintext}


class ArticleError(Exception):
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
        return f"{self.path}: {self.reason}"


@dataclass(slots=True)
class Library:
    articles: list[Article] = field(default_factory=list)
    problems: list[LoadProblem] = field(default_factory=list)

    def by_id(self) -> dict[str, Article]:
        return {a.id: a for a in self.articles}


def is_supported(path: Path) -> bool:
    return path.suffix.lower() in PARSERS


def parse_text(text: str, path: Path | None = None, suffix: str = ".txt") -> Article:
    parser = PARSERS.get(suffix.lower(), parse_plaintext)
    return parser(clean_text(text), path)


def read_article(path: Path) -> Article:
    """Read one file; raise ArticleError with a reason a user can act on."""
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
        return parse_text(text, path, path.suffix or ".txt")
    except ValueError as exc:
        raise ArticleError(path, str(exc)) from None


def iter_article_files(root: Path) -> Iterator[Path]:
    """Every supported file under root, recursively, in a stable order; hidden entries skipped."""
    if root.is_file():
        yield root
        return
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root).parts
        if any(part.startswith(".") for part in relative):
            continue
        if path.is_file() and is_supported(path):
            yield path


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
                article = read_article(path)
            except ArticleError as exc:
                library.problems.append(LoadProblem(exc.path, exc.reason))
                continue
            if article.id not in seen:
                seen.add(article.id)
                library.articles.append(article)
    return library
