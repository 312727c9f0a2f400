"""Fetching articles and feeds from the web into a library folder.

Each URL is fetched once with a timeout, a total deadline and a size cap, following redirects,
and identified by a User-Agent that says what we are. A page becomes one article, a feed one
article per entry. Articles are saved as Markdown with front matter (title, author, date,
source, url, tags), which keeps their structure and reads back with the Markdown reader.

Nothing is saved twice: `.fetched.json` in the folder remembers each URL's articles (and which
URLs were feeds, for refreshing), and a file's name carries the article's content id, so the
same article reached by another address is recognised too. A failure is reported for its URL
and the others go on.
"""

from __future__ import annotations

import json
import re
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from summarise import __version__
from summarise.article import Article, BlockKind
from summarise.readers import parse_document
from summarise.readers.decode import UndecodableError, decode_bytes

USER_AGENT = f"newsbrief/{__version__} (terminal news reader; fetches articles you ask for)"
TIMEOUT = 15.0  # seconds for connecting and for each read
DEADLINE = 60.0  # seconds for a whole download
MAX_BYTES = 10 * 1024 * 1024
RECORD = ".fetched.json"
_TEXT_TYPES = re.compile(r"^(text/|application/(?:[\w.+-]*\+)?(?:xml|json|xhtml\+xml|rss|atom))")


class FetchError(Exception):
    """Why one URL could not be fetched, in words for the user."""


@dataclass(slots=True)
class FetchResult:
    url: str
    saved: list[Path] = field(default_factory=list)
    already: int = 0  # articles that were in the folder already
    feed: bool = False
    error: str | None = None
    problems: list[str] = field(default_factory=list)


def download(
    url: str, timeout: float = TIMEOUT, deadline: float = DEADLINE, max_bytes: int = MAX_BYTES
) -> tuple[bytes, str, str]:
    """The body, content type and final URL (after redirects) of a GET."""
    if not re.match(r"^https?://", url, re.I):
        raise FetchError("only http:// and https:// addresses can be fetched")
    request = urllib.request.Request(
        url,
        headers={
            "User-Agent": USER_AGENT,
            "Accept": "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
            "application/xml;q=0.9,application/json;q=0.8,text/*;q=0.7",
        },
    )
    started = time.monotonic()
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            kind = response.headers.get("Content-Type", "")
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise FetchError(
                    f"too large ({int(length) / 1_048_576:.0f} MB; the limit is "
                    f"{max_bytes / 1_048_576:.0f} MB)"
                )
            if kind and not _TEXT_TYPES.match(kind.lower()):
                raise FetchError(f"not an article or feed ({kind.split(';')[0]})")
            chunks, size = [], 0
            while chunk := response.read(65536):
                size += len(chunk)
                if size > max_bytes:
                    raise FetchError(f"too large (over {max_bytes / 1_048_576:.0f} MB)")
                if time.monotonic() - started > deadline:
                    raise FetchError(f"too slow (gave up after {deadline:.0f} s)")
                chunks.append(chunk)
            return b"".join(chunks), kind, response.geturl()
    except FetchError:
        raise
    except urllib.error.HTTPError as exc:
        raise FetchError(f"HTTP {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, TimeoutError) or "timed out" in str(reason):
            raise FetchError(f"timed out after {timeout:.0f} s") from None
        raise FetchError(f"cannot connect ({reason})") from None
    except TimeoutError:
        raise FetchError(f"timed out after {timeout:.0f} s") from None
    except OSError as exc:
        raise FetchError(f"network error ({exc.strerror or exc})") from None


def _suffix_for(url: str, kind: str) -> str:
    kind = kind.lower()
    if "html" in kind:
        return ".html"
    if any(word in kind for word in ("rss", "atom", "xml")):
        return ".xml"
    if "json" in kind:
        return ".json"
    match = re.search(r"(\.\w{2,8})(?:[?#]|$)", url)
    return match.group(1).lower() if match else ".html"


def _front_value(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # a quoted string YAML and our reader accept


def to_markdown(article: Article, url: str) -> str:
    """The article as Markdown with front matter: what fetch saves, and reads back as is."""
    lines = ["---", f"title: {_front_value(article.title)}"]
    for key, value in (
        ("author", article.byline),
        ("date", article.date),
        ("source", article.source),
        ("url", url),
        ("description", article.dek),
    ):
        if value:
            lines.append(f"{key}: {_front_value(value)}")
    if article.tags:
        lines.append("tags: [" + ", ".join(t.replace(",", " ") for t in article.tags) + "]")
    lines += ["---", ""]
    for block in article.blocks:
        text = block.text
        if block.kind is BlockKind.HEADING:
            lines += [f"## {text}", ""]
        elif block.kind is BlockKind.BULLET:
            lines.append(f"- {text}")
        elif block.kind is BlockKind.QUOTE:
            if lines and lines[-1].startswith("- "):
                lines.append("")
            lines.append(f"> {text}")
            if block.speaker:
                lines.append(f"> — {block.speaker}")
            lines.append("")
        else:
            if lines and lines[-1].startswith("- "):
                lines.append("")
            lines += [text, ""]
    return "\n".join(lines).rstrip() + "\n"


def _slug(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:60] or "article"


class FetchRecord:
    """What has been fetched into a folder: URL -> article ids, and the feeds."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / RECORD
        try:
            data = json.loads(self.path.read_text("utf-8"))
        except (OSError, ValueError):
            data = {}
        self.urls: dict[str, list[str]] = dict(data.get("urls", {}))
        self.feeds: list[str] = list(data.get("feeds", []))

    def save(self) -> None:
        temporary = self.path.with_name(self.path.name + ".tmp")
        temporary.write_text(json.dumps({"urls": self.urls, "feeds": self.feeds}, indent=1))
        temporary.replace(self.path)


def fetch_one(url: str, into: Path, record: FetchRecord, **limits: float) -> FetchResult:
    result = FetchResult(url)
    try:
        data, kind, final = download(url, **limits)  # type: ignore[arg-type]
        charset = re.search(r"charset=([\w-]+)", kind, re.I)
        try:
            text = data.decode(charset.group(1)) if charset else decode_bytes(data)
        except (LookupError, UnicodeDecodeError, UndecodableError):
            text = decode_bytes(data)
        parsed = parse_document(text, None, _suffix_for(final, kind))
    except FetchError as exc:
        result.error = str(exc)
        return result
    except (UndecodableError, ValueError) as exc:
        result.error = f"not readable as an article ({exc})"
        return result
    result.problems = parsed.problems
    result.feed = len(parsed.articles) > 1 or "<rss" in text[:2048] or "<feed" in text[:2048]
    existing = {p.stem.rsplit("-", 1)[-1] for p in into.glob("*.md")}
    ids = []
    for article in parsed.articles:
        ids.append(article.id)
        if article.id in existing:
            result.already += 1
            continue
        target = into / f"{_slug(article.title)}-{article.id}.md"
        temporary = target.with_name(f".{target.name}.tmp")
        temporary.write_text(to_markdown(article, url if not result.feed else final), "utf-8")
        temporary.replace(target)
        existing.add(article.id)
        result.saved.append(target)
    record.urls[url] = ids
    if result.feed and url not in record.feeds:
        record.feeds.append(url)
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
    results = []
    for done, url in enumerate(dict.fromkeys(u.strip() for u in urls if u.strip()), 1):
        result = fetch_one(url, into, record, **limits)
        results.append(result)
        record.save()
        if progress is not None:
            progress(done, len(urls), result)
    return results


def feeds_in(folder: Path) -> list[str]:
    """The feed URLs fetched into a folder before: what a refresh fetches again."""
    return FetchRecord(folder).feeds
