"""Refreshing subscriptions: every feed at once (politely), full text for teasers, each entry once.

A feed is fetched with a conditional GET, so an unchanged feed costs one 304 and no parsing. A
new entry is saved as Markdown into its feed's folder; when its text is a teaser (in `auto`
mode: too short to be the article, or cut off with "…" or "Read more"), its link is fetched and
the article extracted with trafilatura, keeping the feed's title, date and author where the page
lacks them. A page that fails keeps the teaser, and the report says why.

Entries are known by their canonical link, so a story seen again, in another feed, or with
other tracking parameters is not saved twice. A server that answers 429 or 503 is left alone
until its Retry-After has passed. Downloads run on threads (polite.py); the SQLite record is
written on the caller's thread, each entry after its file is safely on disk.
"""

from __future__ import annotations

import contextlib
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import Any

from summarise.article import Article
from summarise.feeds.http import FetchError, Response, get
from summarise.feeds.polite import PER_HOST, WORKERS, PoliteScheduler, host_of
from summarise.feeds.saving import article_file, save_article
from summarise.feeds.subscriptions import Feed, FullText, Subscriptions
from summarise.library.sqlite import StorageError
from summarise.library.urls import canonical_url
from summarise.readers.decode import clean_text

# In auto mode an entry with fewer words than this is taken for a teaser. Feeds that carry the
# article give hundreds of words; teasers give one or two sentences.
TEASER_WORDS = 150
_CUT_OFF = re.compile(
    r"(?:…|\.\.\.|\[…\]|\[\.\.\.\]|read more|continue reading|read the full (?:story|article)"
    r"|the post .{1,200} appeared first on .{1,200})\W*$",
    re.I,
)
# A server that says 429 or 503 without Retry-After is asked again after this long.
BUSY_WAIT = 15 * 60.0
# One refresh saves at most this many new entries of a feed, the newest (a busy news site's
# feed holds 20-100), and fetches at most this many of its teasers' pages; what is left over
# is reported. A feed of 160,000 items cannot fill the disk or make 160,000 requests.
MOST_ENTRIES = 500
MOST_PAGES = 100
_FEED_ACCEPT = (
    "application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.5"
)
_PAGE_ACCEPT = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5"


def is_teaser(article: Article) -> bool:
    if article.word_count < TEASER_WORDS:
        return True
    last = article.blocks[-1].text if article.blocks else ""
    return bool(_CUT_OFF.search(last))


def entry_key(article: Article) -> str:
    """What identifies a feed entry across refreshes and feeds: its canonical link."""
    return canonical_url(article.url) if article.url else f"id:{article.id}"


@dataclass(slots=True)
class FeedReport:
    """What refreshing one feed did."""

    feed: Feed
    outcome: str = (
        "unchanged"  # "new", "unchanged", "known" (all saved before), "failed", "waiting"
    )
    saved: list[Path] = field(default_factory=list)
    already: int = 0  # entries saved before, by this feed or another
    full_text: int = 0  # entries whose whole article came from their page
    pages: int = 0  # pages downloaded for teasers' whole articles
    teasers: list[str] = field(default_factory=list)  # "title: why the page was not used"
    problems: list[str] = field(default_factory=list)  # entries that could not be saved
    error: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "feed": self.feed.url,
            "title": self.feed.title,
            "outcome": self.outcome,
            "new": len(self.saved),
            "already": self.already,
            "full_text": self.full_text,
            "pages": self.pages,
            "teasers_kept": self.teasers,
            "problems": self.problems,
            "error": self.error,
            "files": [str(p) for p in self.saved],
        }


@dataclass(slots=True)
class _FeedFetched:
    feed: Feed
    response: Response | None = None
    left_out: int = 0  # entries past MOST_ENTRIES
    title: str | None = None
    articles: list[Article] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    error: FetchError | None = None


@dataclass(slots=True)
class _Saved:
    """Entries on disk (key, file, url, whole article?, written now?) and what went wrong."""

    feed: Feed
    files: list[tuple[str, Path, str | None, bool, bool]] = field(default_factory=list)
    teasers: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    page: bool = False


@dataclass(frozen=True, slots=True)
class Limits:
    timeout: float = 15.0
    deadline: float = 60.0


def _fetch_feed(feed: Feed, limits: Limits) -> _FeedFetched:
    from summarise.readers.feed import parse_feed

    result = _FeedFetched(feed)
    try:
        result.response = get(
            feed.url,
            etag=feed.etag,
            last_modified=feed.last_modified,
            accept=_FEED_ACCEPT,
            timeout=limits.timeout,
            deadline=limits.deadline,
        )
        if result.response.status == 304:
            return result
        text = result.response.text
        try:
            parsed = parse_feed(text)
        except ValueError as exc:
            raise FetchError(f"not a readable feed ({exc})") from None
        articles = _newest_first(parsed.articles)
        result.articles, result.problems = articles[:MOST_ENTRIES], parsed.problems
        result.left_out = max(0, len(articles) - MOST_ENTRIES)
        # The readers give every entry its feed's title as the outlet.
        result.title = parsed.articles[0].source if parsed.articles else None
    except FetchError as exc:
        result.error = exc
    return result


def _newest_first(articles: list[Article]) -> list[Article]:
    """Dated entries newest first, then the undated in the feed's own order (feeds list their
    newest first, so the order they give is the next best guess)."""
    return sorted(articles, key=lambda a: a.date or "", reverse=True)


def feed_title(text: str) -> str | None:
    from summarise.readers.feed import parsed_feed

    title = parsed_feed(text).feed.get("title") or ""
    return clean_text(title).strip()[:200] or None


def _save(feed: Feed, entries: list[tuple[Article, str]]) -> _Saved:
    saved = _Saved(feed)
    for article, key in entries:
        # The file may be there already: the feed was removed and followed again, or its
        # records lost. It is recorded again, but it is not a new article.
        existed = article_file(article, feed.folder).exists()
        try:
            path = save_article(article, feed.folder, article.url)
        except OSError as exc:
            saved.problems.append(f"{article.title}: could not save ({exc.strerror or exc})")
            continue
        saved.files.append((key, path, article.url, False, not existed))
    return saved


def _whole(teaser: Article, page: Article) -> Article:
    """The page's article, with the feed's title, date, author, tags and enclosures where the
    page lacks them; the link stays the entry's."""
    title = page.title
    if not title or title.startswith(teaser.title) or teaser.title.startswith(title):
        title = teaser.title  # feeds title stories without the site's " | Site" tail
    return replace(
        page,
        title=title,
        date=page.date or teaser.date,
        byline=page.byline or teaser.byline,
        source=teaser.source or page.source,
        tags=page.tags or teaser.tags,
        url=teaser.url,
        enclosures=teaser.enclosures,
    )


def _fetch_page(
    feed: Feed,
    teaser: Article,
    key: str,
    link: str,
    limits: Limits,
    busy: dict[str, float],
    private: bool,
) -> _Saved:
    from summarise.readers.html_page import parse_html

    saved = _Saved(feed, page=True)
    article, why = teaser, None
    host = host_of(link)
    if busy.get(host, 0.0) > time.time():
        why = "the site asked us to wait"
    else:
        try:
            response = get(
                link,
                accept=_PAGE_ACCEPT,
                timeout=limits.timeout,
                deadline=limits.deadline,
                allow_private=private,  # a public feed's links stay on the internet
            )
            page = parse_html(response.text, None).articles[0]
            if page.word_count <= teaser.word_count:
                why = "the page has no more text than the feed"
            else:
                article = _whole(teaser, page)
        except FetchError as exc:
            why = str(exc)
            if exc.retry_at is not None or "busy" in why:
                busy[host] = exc.retry_at or time.time() + BUSY_WAIT
        except ValueError as exc:
            why = f"no article found in the page ({exc})"
    if why:
        saved.teasers.append(f"{teaser.title}: {why}")
    result = _save(feed, [(article, key)])
    saved.problems = result.problems
    saved.files = [(k, p, u, why is None, new) for k, p, u, _, new in result.files]
    return saved


ProgressFn = Callable[[int, int], None]


def refresh(
    subscriptions: Subscriptions,
    feeds: Sequence[Feed] | None = None,
    *,
    workers: int = WORKERS,
    per_host: int = PER_HOST,
    limits: Limits = Limits(),
    progress: ProgressFn | None = None,
) -> list[FeedReport]:
    """Refresh `feeds` (default: every subscription); one report per feed, in order.
    `progress(done, total)` counts downloads, which grow as teasers' pages are queued."""
    feeds = list(subscriptions.all() if feeds is None else feeds)
    reports = {feed.id: FeedReport(feed) for feed in feeds}
    busy: dict[str, float] = {}  # host -> when it said we may come back
    claimed: set[str] = set()  # entry keys being saved in this refresh
    # A feed's validators (ETag, Last-Modified) are kept only once every entry it queued is
    # saved: a refresh killed midway must not leave the next one a 304 for what it never saved.
    unsaved: dict[int, _Validators] = {}
    now = time.time()
    done = total = 0
    with PoliteScheduler(workers, per_host) as pool:
        for feed in feeds:
            if feed.retry_at and feed.retry_at > now:
                reports[feed.id].outcome = "waiting"
                reports[
                    feed.id
                ].error = f"the server asked us to wait until {_clock(feed.retry_at)}"
                continue
            pool.submit(feed.url, partial(_fetch_feed, feed, limits))
            total += 1
        if progress:
            progress(done, total)
        for result in pool.results():
            done += 1
            if isinstance(result, _FeedFetched):
                queued = _feed_answered(subscriptions, result, reports, claimed, pool, limits, busy)
                total += queued
                answer, outcome = result.response, reports[result.feed.id].outcome
                if answer is not None and answer.status != 304 and outcome != "failed":
                    unsaved[result.feed.id] = _Validators(queued, answer)
                    _maybe_done(subscriptions, result.feed, unsaved)
            elif isinstance(result, _Saved):
                _record(subscriptions, result, reports[result.feed.id])
                if result.feed.id in unsaved:
                    unsaved[result.feed.id].pending -= 1
                    _maybe_done(subscriptions, result.feed, unsaved)
            elif isinstance(result, BaseException):
                raise result
            if progress:
                progress(done, total)
    return [reports[feed.id] for feed in feeds]


def _feed_answered(
    subscriptions: Subscriptions,
    result: _FeedFetched,
    reports: dict[int, FeedReport],
    claimed: set[str],
    pool: PoliteScheduler,
    limits: Limits,
    busy: dict[str, float],
) -> int:
    """Record the feed's answer and queue its new entries; returns the downloads queued."""
    feed, report, now = result.feed, reports[result.feed.id], time.time()
    if result.error is not None:
        report.outcome, report.error = "failed", str(result.error)
        retry_at = result.error.retry_at
        if retry_at is None and "busy" in report.error:
            retry_at = now + BUSY_WAIT
        subscriptions.failed(feed, report.error, retry_at=retry_at, now=now)
        return 0
    response = result.response
    assert response is not None
    if response.status == 304:
        subscriptions.refreshed(
            feed, etag=response.etag, last_modified=response.last_modified, now=now
        )
        return 0
    # Answered; what the next GET may send is kept once everything queued here is saved.
    subscriptions.refreshed(feed, etag=None, last_modified=None, now=now)
    if result.title:
        subscriptions.set_title(feed, result.title)
    report.problems += result.problems
    if result.left_out:
        report.problems.append(
            f"the feed holds {len(result.articles) + result.left_out:,} entries: only the "
            f"newest {MOST_ENTRIES:,} were looked at"
        )
    try:
        feed.folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        report.outcome = "failed"
        report.error = f"cannot create {feed.folder} ({exc.strerror or exc})"
        return 0
    plain: list[tuple[Article, str]] = []
    pages = teasers_kept = 0
    for article in result.articles:
        key, link = entry_key(article), article.url
        if article.url:  # saved without tracking parameters; fetched as the feed gave it
            article = replace(article, url=key)
        if key in claimed or subscriptions.known(key):
            report.already += 1
            continue
        claimed.add(key)
        wanted = feed.full_text is FullText.ALWAYS or (
            feed.full_text is FullText.AUTO and is_teaser(article)
        )
        if wanted and link and pages < MOST_PAGES:
            pool.submit(
                article.url,
                partial(_fetch_page, feed, article, key, link, limits, busy, response.private),
            )
            pages += 1
        else:
            teasers_kept += wanted and bool(article.url)
            plain.append((article, key))
    if teasers_kept:
        report.problems.append(
            f"kept the feed's text for {teasers_kept:,} entries: at most {MOST_PAGES} pages are "
            "fetched from one feed in one refresh"
        )
    if plain:
        pool.submit(None, lambda: _save(feed, plain))
        pages += 1
    return pages


@dataclass(slots=True)
class _Validators:
    pending: int  # downloads and saves queued for the feed and not yet finished
    response: Response


def _maybe_done(subscriptions: Subscriptions, feed: Feed, unsaved: dict[int, _Validators]) -> None:
    """Keep the feed's validators once the last of its entries is saved."""
    waiting = unsaved[feed.id]
    if waiting.pending <= 0:
        del unsaved[feed.id]
        subscriptions.refreshed(
            feed,
            etag=waiting.response.etag,
            last_modified=waiting.response.last_modified,
            now=time.time(),
        )


def _record(subscriptions: Subscriptions, saved: _Saved, report: FeedReport) -> None:
    now = time.time()
    report.pages += saved.page
    for key, path, url, whole, new in saved.files:
        try:
            subscriptions.record_entry(saved.feed, key, path, url, whole, now)
        except StorageError as exc:  # the next refresh adopts the file
            report.problems.append(f"{path.name}: saved, but not recorded ({exc})")
        if not new:
            report.already += 1
            if report.outcome == "unchanged":  # it answered with entries, all known already
                report.outcome = "known"
            continue
        report.saved.append(path)
        report.full_text += whole
        report.outcome = "new"
    report.teasers += saved.teasers
    report.problems += saved.problems


def _clock(when: float) -> str:
    return time.strftime("%H:%M", time.localtime(when))


_ALTERNATE = re.compile(r"<link\b[^>]*>", re.I)
_ATTRIBUTE = re.compile(r"""(?<!\w)(\w+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")


def discover_feed(html: str, base: str) -> str | None:
    """The feed a web page announces with <link rel="alternate" type="application/rss+xml">."""
    from html import unescape
    from urllib.parse import urljoin

    for tag in _ALTERNATE.findall(html[:200_000]):
        attributes = {m[0].lower(): m[1] or m[2] or m[3] for m in _ATTRIBUTE.findall(tag)}
        kind, href = attributes.get("type", "").lower(), attributes.get("href")
        if (
            href
            and "alternate" in attributes.get("rel", "").lower()
            and ("rss" in kind or "atom" in kind)
        ):
            return str(urljoin(base, unescape(href)))
    return None


def resolve_feed(url: str, limits: Limits = Limits()) -> tuple[str, str | None]:
    """The feed to subscribe to for `url`, and its title: `url` itself when it is a feed, or
    the feed its page announces. FetchError says why there is none."""
    from summarise.feeds.fetch import looks_like_feed

    response = get(url, accept=_FEED_ACCEPT, timeout=limits.timeout, deadline=limits.deadline)
    text = response.text
    if looks_like_feed(text):
        return url, feed_title(text)
    found = discover_feed(text, response.url)
    if found is None:
        raise FetchError("not a feed, and the page does not link to one")
    response = get(found, accept=_FEED_ACCEPT, timeout=limits.timeout, deadline=limits.deadline)
    if not looks_like_feed(response.text):
        raise FetchError(f"the page's feed link ({found}) is not a feed")
    return found, feed_title(response.text)


@dataclass(slots=True)
class Added:
    """What adding one URL did: a feed followed (and refreshed), or a page saved."""

    url: str
    report: FeedReport | None = None
    page: Any = None  # fetch.FetchResult
    error: str | None = None


def add_urls(
    urls: Sequence[str],
    subscriptions: Subscriptions,
    into: Path,
    progress: ProgressFn | None = None,
) -> list[Added]:
    """Follow the URLs that are feeds (refreshing them at once); save the others, pages, into
    `into` as one-off articles."""
    from summarise.feeds.fetch import FetchRecord, looks_like_feed, save_response

    added: list[Added] = []
    feeds: dict[int, Added] = {}
    record: FetchRecord | None = None
    for url in dict.fromkeys(u.strip() for u in urls if u.strip()):
        result = Added(url)
        added.append(result)
        try:
            response = get(url)
            text = response.text
        except FetchError as exc:
            result.error = str(exc)
            continue
        if looks_like_feed(text):
            feed = subscriptions.add(url, FullText.AUTO, feed_title(text))
            feeds[feed.id] = result
            continue
        try:
            into.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            result.error = f"cannot create {into} ({exc.strerror or exc})"
            continue
        record = record or FetchRecord(into)
        result.page = save_response(url, response, into, record)
        result.error = result.page.error
    if record is not None:
        with contextlib.suppress(OSError):
            record.save()
    if feeds:
        chosen = [f for f in subscriptions.all() if f.id in feeds]
        for report in refresh(subscriptions, chosen, progress=progress):
            feeds[report.feed.id].report = report
            feeds[report.feed.id].error = report.error
    return added
