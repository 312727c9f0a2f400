"""One polite HTTP GET with hard limits, for fetching pages and refreshing feeds.

http.client rather than urllib, because the limits need the socket: a total deadline that a
server dripping one byte at a time cannot stretch (a watchdog shuts the socket down when the
time is up, whatever the read is waiting for), every redirect checked for its scheme, gzip
decoded under the size cap, and conditional GETs (ETag, Last-Modified) whose 304 is an answer,
not an error. Proxies from the environment (http_proxy, https_proxy, no_proxy) are honoured.
"""

from __future__ import annotations

import contextlib
import email.utils
import http.client
import ipaddress
import re
import socket
import ssl
import threading
import time
import urllib.request
import zlib
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from summarise import __version__
from summarise.errors import NewsbriefError
from summarise.readers.decode import UndecodableError, decode_bytes
from summarise.untrusted import printable

USER_AGENT = f"newsbrief/{__version__} (terminal news reader; fetches articles you ask for)"
TIMEOUT = 15.0  # seconds for connecting, and for any one wait for data
DEADLINE = 60.0  # seconds for a whole download, redirects included
MAX_BYTES = 10 * 1024 * 1024  # after decompression
MAX_REDIRECTS = 5
# A server asking us to wait longer than this is asked again after this long.
LONGEST_WAIT = 24 * 3600.0
ACCEPT = (
    "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
    "application/xml;q=0.9,application/json;q=0.8,text/*;q=0.7"
)
_TEXT_TYPES = re.compile(r"^(text/|application/(?:[\w.+-]*\+)?(?:xml|json|xhtml\+xml|rss|atom))")
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_BUSY = frozenset({429, 503})


class FetchError(NewsbriefError):
    """Why one URL could not be fetched, in words for the user. `retry_at` is when the server
    said to come back (429 or 503 with Retry-After), as a Unix time. The message quotes the
    server (a reason phrase, a content type), so it is made printable here, once, before any
    store, log or screen holds it."""

    def __init__(self, message: str, retry_at: float | None = None) -> None:
        super().__init__(printable(message))
        self.retry_at = retry_at


@dataclass(frozen=True, slots=True)
class Response:
    status: int  # 200, or 304 when a conditional GET found nothing new
    body: bytes
    content_type: str
    url: str  # after redirects
    etag: str | None = None
    last_modified: str | None = None
    private: bool = False  # the answer came from a loopback, private or link-local address

    @property
    def text(self) -> str:
        """The body as text: the declared charset when it works, else detected."""
        charset = re.search(r"charset=[\"']?([\w-]+)", self.content_type, re.I)
        if charset:
            try:
                return self.body.decode(charset.group(1))
            except (LookupError, UnicodeDecodeError):
                pass
        try:
            return decode_bytes(self.body)
        except UndecodableError as exc:
            raise FetchError(f"not readable as text ({exc})") from None


def retry_time(value: str | None, now: float) -> float | None:
    """Retry-After as a Unix time: seconds or an HTTP date; None when absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        wait = float(value)
    else:
        try:
            wait = email.utils.parsedate_to_datetime(value).timestamp() - now
        except (TypeError, ValueError, IndexError, OverflowError):
            return None
    return now + min(max(wait, 0.0), LONGEST_WAIT)


def _checked(url: str) -> tuple[str, str, int, str]:
    """Scheme, host, port and request target; only http and https, at every hop."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        raise FetchError("not a valid address") from None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise FetchError(f"only http:// and https:// addresses can be fetched, not {scheme}://")
    if not parts.hostname:
        raise FetchError("the address has no host")
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    return scheme, parts.hostname, port or (443 if scheme == "https" else 80), target


def _connection(
    scheme: str, host: str, port: int, target: str, timeout: float
) -> tuple[http.client.HTTPConnection, str]:
    """A connection for one request, through the environment's proxy when one applies."""
    proxy = None if urllib.request.proxy_bypass(host) else urllib.request.getproxies().get(scheme)
    connection: http.client.HTTPConnection
    if proxy:
        parts = urlsplit(proxy if "://" in proxy else f"http://{proxy}")
        proxy_host, proxy_port = parts.hostname or "", parts.port or 8080
        if scheme == "https":
            connection = http.client.HTTPSConnection(
                proxy_host, proxy_port, timeout=timeout, context=ssl.create_default_context()
            )
            connection.set_tunnel(host, port)
            return connection, target
        connection = http.client.HTTPConnection(proxy_host, proxy_port, timeout=timeout)
        return connection, f"http://{host}:{port}{target}"
    if scheme == "https":
        context = ssl.create_default_context()
        return http.client.HTTPSConnection(host, port, timeout=timeout, context=context), target
    return http.client.HTTPConnection(host, port, timeout=timeout), target


class _Watchdog:
    """Shuts a connection's socket down when the deadline passes, ending any read at once.

    It keeps the socket itself: for a response that closes the connection (HTTP/1.0, or
    `Connection: close`), http.client hands the socket to the response and forgets it, so a
    watchdog that asked the connection would find nothing to shut down."""

    def __init__(self, seconds: float) -> None:
        self.fired = False
        self._sock: socket.socket | None = None
        self._lock = threading.Lock()
        self._timer = threading.Timer(max(seconds, 0.0), self._fire)
        self._timer.daemon = True
        self._timer.start()

    def watch(self, sock: socket.socket | None) -> None:
        with self._lock:
            self._sock = sock
            if self.fired:
                self._shut()

    def _fire(self) -> None:
        with self._lock:
            self.fired = True
            self._shut()

    def _shut(self) -> None:
        if self._sock is not None:
            with contextlib.suppress(OSError):
                self._sock.shutdown(socket.SHUT_RDWR)

    def cancel(self) -> None:
        self._timer.cancel()


def is_private_address(address: str) -> bool:
    """Loopback, private, link-local or otherwise not a public internet address."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return not ip.is_global


def _peer_is_private(sock: socket.socket | None) -> bool:
    try:
        return sock is not None and is_private_address(str(sock.getpeername()[0]))
    except OSError:
        return False


def _decoder(encoding: str) -> zlib._Decompress | None:
    encoding = encoding.strip().lower()
    if encoding in ("gzip", "x-gzip"):
        return zlib.decompressobj(16 + zlib.MAX_WBITS)
    if encoding == "deflate":
        return zlib.decompressobj(32 + zlib.MAX_WBITS)  # zlib-wrapped, as servers mostly send
    if encoding in ("", "identity"):
        return None
    raise FetchError(f"the server sent an encoding we cannot read ({encoding})")


def _read_body(response: http.client.HTTPResponse, max_bytes: int, watchdog: _Watchdog) -> bytes:
    too_large = FetchError(f"too large (over {max_bytes / 1_048_576:.0f} MB)")
    decoder = _decoder(response.getheader("Content-Encoding", "") or "")
    chunks, size = [], 0
    while not watchdog.fired and (chunk := response.read1(65536)):
        if decoder is not None:
            try:
                chunk = decoder.decompress(chunk, max_bytes + 1 - size)
            except zlib.error:
                raise FetchError("the server sent a damaged compressed body") from None
        size += len(chunk)
        if size > max_bytes:
            raise too_large
        chunks.append(chunk)
    return b"".join(chunks)


def get(
    url: str,
    *,
    etag: str | None = None,
    last_modified: str | None = None,
    accept: str = ACCEPT,
    timeout: float = TIMEOUT,
    deadline: float = DEADLINE,
    max_bytes: int = MAX_BYTES,
    allow_private: bool = True,
) -> Response:
    """GET `url`, following redirects; a FetchError says in words what went wrong.

    With `allow_private` off, an answer from a loopback, private or link-local address is
    refused at every hop, checked on the connected socket (so neither a redirect nor a DNS
    answer that changes between two lookups gets past it): a feed on the internet cannot make
    newsbrief request the user's own network through its links. Through a proxy the peer is
    the proxy, and the check is the proxy's to make."""
    started = time.monotonic()
    for _ in range(MAX_REDIRECTS + 1):
        scheme, host, port, target = _checked(url)
        left = deadline - (time.monotonic() - started)
        if left <= 0:
            break
        connection, target = _connection(scheme, host, port, target, min(timeout, left))
        watchdog = _Watchdog(left)
        headers = {
            "User-Agent": USER_AGENT,
            "Accept": accept,
            "Accept-Encoding": "gzip, deflate",
            "Connection": "close",
        }
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        try:
            connection.connect()
            watchdog.watch(connection.sock)
            proxied = connection.host != host
            private = not proxied and _peer_is_private(connection.sock)
            if private and not allow_private:
                raise FetchError(f"refused: {host} is an address on a private network")
            connection.request("GET", target, headers=headers)
            response = connection.getresponse()
            status = response.status
            if status in _REDIRECTS and response.getheader("Location"):
                url = urljoin(url, response.getheader("Location", ""))
                continue
            if status == 304:
                return Response(304, b"", "", url, etag, last_modified, private)
            if status in _BUSY:
                retry_at = retry_time(response.getheader("Retry-After"), time.time())
                raise FetchError(f"HTTP {status} {response.reason} (the server is busy)", retry_at)
            if status >= 400:
                raise FetchError(f"HTTP {status} {response.reason}")
            kind = response.getheader("Content-Type", "") or ""
            if kind and not _TEXT_TYPES.match(kind.lower()):
                raise FetchError(f"not an article or feed ({kind.split(';')[0]})")
            length = response.getheader("Content-Length") or ""
            if length.isdigit() and int(length) > max_bytes:
                raise FetchError(
                    f"too large ({int(length) / 1_048_576:.0f} MB; the limit is "
                    f"{max_bytes / 1_048_576:.0f} MB)"
                )
            body = _read_body(response, max_bytes, watchdog)
            if watchdog.fired:
                break
            return Response(
                status,
                body,
                kind,
                url,
                response.getheader("ETag"),
                response.getheader("Last-Modified"),
                private,
            )
        except FetchError:
            raise
        except TimeoutError:
            if watchdog.fired:
                break
            raise FetchError(f"timed out (no answer for {timeout:.0f} s)") from None
        except ssl.SSLError as exc:
            raise FetchError(f"secure connection failed ({exc.reason or exc})") from None
        except (http.client.HTTPException, OSError) as exc:
            if watchdog.fired:
                break
            reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
            if isinstance(exc, socket.gaierror):
                raise FetchError(f"cannot find the server {host}") from None
            if isinstance(exc, ConnectionRefusedError):
                raise FetchError(f"cannot connect to {host} (connection refused)") from None
            raise FetchError(f"network error ({reason})") from None
        finally:
            watchdog.cancel()
            connection.close()
    else:
        raise FetchError(f"too many redirects (more than {MAX_REDIRECTS})")
    raise FetchError(f"too slow (gave up after {deadline:.0f} s)")
