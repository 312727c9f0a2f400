"""HTTP servers on 127.0.0.1 for the tests: nothing ever leaves the machine."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

DATA = Path(__file__).parent / "data"
SEEN_AGENTS: list[str] = []


class PagesHandler(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:  # keep test output clean
        pass

    def send(self, body: bytes, kind: str, status: int = 200) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # the name http.server calls
        SEEN_AGENTS.append(self.headers.get("User-Agent", ""))
        path = self.path.split("?")[0]
        if path == "/page.html":
            self.send((DATA / "wire.html").read_bytes(), "text/html; charset=utf-8")
        elif path == "/feed.xml":
            self.send((DATA / "rss2-content-encoded.xml").read_bytes(), "application/rss+xml")
        elif path == "/atom":
            self.send((DATA / "blog-atom.xml").read_bytes(), "application/atom+xml")
        elif path == "/moved":
            self.send_response(302)
            self.send_header("Location", "/page.html")
            self.end_headers()
        elif path == "/slow":
            time.sleep(3)
            with contextlib.suppress(OSError):  # the client gave up, as it should
                self.send(b"<html><body><p>late</p></body></html>", "text/html")
        elif path == "/huge":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()  # no length: the cap must stop the read itself
            try:
                for _ in range(200):
                    self.wfile.write(b"<p>" + b"x" * 65536 + b"</p>")
            except (BrokenPipeError, ConnectionResetError):
                pass
        elif path == "/image.png":
            self.send(b"\x89PNG\r\n\x1a\n" + b"\x00" * 500, "image/png")
        else:
            self.send(b"not here", "text/plain", status=404)


def serve(handler: type[BaseHTTPRequestHandler]) -> Iterator[str]:
    """A threaded HTTP server on 127.0.0.1 for the length of a test; yields its base URL."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
