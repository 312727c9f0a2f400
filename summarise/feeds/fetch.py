"""Fetching one-off pages and feeds from the web into a library folder (`newsbrief fetch`).

Each URL is downloaded once with the limits of http.py. A page becomes one article, a feed one
article per entry, saved as Markdown with front matter (saving.py), which keeps their structure
and reads back exactly. Subscriptions, which are refreshed again and again, are refresh.py's.

Nothing is saved twice: `.fetched.json` in the folder remembers each URL's articles, and a
file's name carries the article's content id, so the same article reached by another address is
recognised too. A failure, including a full disk, is reported for its URL and the others go on.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from summarise.feeds.http import USER_AGENT, FetchError, Response, get
from summarise.feeds.saving import save_article, write_atomically
from summarise.library.urls import canonical_url
from summarise.readers import parse_document

__all__ = ["USER_AGENT", "FetchError", "FetchRecord", "FetchResult", "fetch", "looks_like_feed"]

RECORD = ".fetched.json"


@dataclass(slots=True)
class FetchResult:
    url: str
    saved: list[Path] = field(default_factory=list)
    already: int = 0  # articles that were in the folder already
    feed: bool = False
    error: str | None = None
    problems: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        """What `newsbrief fetch --json` prints for one URL."""
        return {
            "url": self.url,
            "kind": "feed" if self.feed else "page",
            "new": len(self.saved),
            "already": self.already,
            "files": [str(p) for p in self.saved],
            "error": self.error,
            "problems": self.problems,
        }


def _suffix_for(url: str, kind: str, text: str) -> str:
    kind = kind.lower()
    if looks_like_feed(text):
        return ".xml"
    if "html" in kind:
        return ".html"
    if "json" in kind:
        return ".json"
    if "xml" in kind:
        return ".xml"
    return ".html" if "<html" in text[:4096].lower() else ".txt"


def looks_like_feed(text: str) -> bool:
    head = text[:4096].lower()
    return "<rss" in head or "<feed" in head or "<rdf:rdf" in head


class FetchRecord:
    """What has been fetched into a folder: URL -> article ids. A record that cannot be read
    (damaged, or of another shape) starts empty: the files themselves are the truth."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / RECORD
        try:
            data = json.loads(self.path.read_text("utf-8"))
        except (OSError, ValueError):
            data = {}
        urls = data.get("urls") if isinstance(data, dict) else None
        self.urls: dict[str, list[str]] = {
            str(url): [str(i) for i in ids]
            for url, ids in (urls.items() if isinstance(urls, dict) else ())
            if isinstance(ids, list)
        }

    def save(self) -> None:
        write_atomically(self.path, json.dumps({"urls": self.urls}, indent=1))


def fetch_one(url: str, into: Path, record: FetchRecord, **limits: float) -> FetchResult:
    try:
        response = get(url, **limits)  # type: ignore[arg-type]
    except FetchError as exc:
        return FetchResult(url, error=str(exc))
    return save_response(url, response, into, record)


def save_response(url: str, response: Response, into: Path, record: FetchRecord) -> FetchResult:
    """Save what a download held (a page's article, or a feed's entries) into the folder."""
    result = FetchResult(url)
    try:
        text = response.text
        parsed = parse_document(text, None, _suffix_for(response.url, response.content_type, text))
    except FetchError as exc:
        result.error = str(exc)
        return result
    except ValueError as exc:
        result.error = f"not readable as an article ({exc})"
        return result
    result.problems = parsed.problems
    result.feed = looks_like_feed(text)
    existing = {p.stem.rsplit("-", 1)[-1] for p in into.glob("*.md")}
    ids = []
    for article in parsed.articles:
        if article.id in existing:
            result.already += 1
            ids.append(article.id)
            continue
        # A page keeps the address it was reached by; a feed's entries keep their own links.
        link = article.url if result.feed else url
        try:
            result.saved.append(save_article(article, into, canonical_url(link) if link else None))
        except OSError as exc:
            result.error = f"could not save {article.title!r} ({exc.strerror or exc})"
            break
        existing.add(article.id)
        ids.append(article.id)
    record.urls[url] = ids
    return result


def fetch(
    urls: Sequence[str],
    into: Path,
    progress: Callable[[int, int, FetchResult], None] | None = None,
    **limits: float,
) -> list[FetchResult]:
    """Fetch every URL into the folder; each result says what was saved or what went wrong."""
    into.mkdir(parents=True, exist_ok=True)
    record = FetchRecord(into)
    wanted = list(dict.fromkeys(u.strip() for u in urls if u.strip()))
    results = []
    for done, url in enumerate(wanted, 1):
        result = fetch_one(url, into, record, **limits)
        results.append(result)
        try:
            record.save()
        except OSError as exc:
            # The files are what matter: the next fetch recognises them by their names.
            result.problems.append(f"could not update {RECORD} ({exc.strerror or exc})")
        if progress is not None:
            progress(done, len(wanted), result)
    return results
