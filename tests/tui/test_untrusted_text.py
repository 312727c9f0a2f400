"""No text from a file, feed or server reaches the terminal except through `tui.untrusted`.

Two checks: the reader's code makes every `Content`, `Static`, `Option`, palette hit and window
title from a literal or from `untrusted(...)` (a walk over the source: a new widget cannot forget);
and a hostile server whose reason phrase, headers, feed title and entries carry escape sequences
is refreshed in the reader, whose every drawn line is then read for control characters.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest

from tests.conftest import ROOT

# Constructors that draw their first positional argument (Hit draws its second).
_DRAWN_ARGUMENT = {"Static": 0, "Label": 0, "Option": 0, "DiscoveryHit": 0, "Hit": 1}
_DRAWN_KEYWORDS = {"help", "prompt"}
# Expressions that may carry outside text as a plain string: f-strings, joins, attributes.
_RAW = (ast.JoinedStr, ast.BinOp, ast.Attribute, ast.Subscript, ast.IfExp, ast.BoolOp)


def _is_literal(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def _problems(path: Path) -> Iterator[str]:
    tree = ast.parse(path.read_text("utf-8"))
    where = path.relative_to(ROOT)
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if (
                    isinstance(target, ast.Attribute)
                    and target.attr in ("title", "sub_title")
                    and not _is_literal(node.value)
                    and not (
                        isinstance(node.value, ast.Call)
                        and getattr(node.value.func, "id", "") == "untrusted_title"
                    )
                ):
                    yield f"{where}:{node.lineno}: .{target.attr} set without untrusted_title()"
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
        if name == "Content" and isinstance(func, ast.Name) and node.args:
            first = node.args[0]
            if not _is_literal(first) and not (isinstance(first, ast.Name) and first.id.isupper()):
                yield f"{where}:{node.lineno}: Content() of a non-literal: use untrusted()"
        if name == "assemble":
            for part in node.args:
                text = part.elts[0] if isinstance(part, ast.Tuple) and part.elts else part
                if isinstance(text, _RAW) and not _numbers_only(text):
                    yield f"{where}:{node.lineno}: Content.assemble of raw text: use untrusted()"
        drawn = []
        if name in _DRAWN_ARGUMENT and len(node.args) > _DRAWN_ARGUMENT[name]:
            drawn.append(node.args[_DRAWN_ARGUMENT[name]])
        if name in _DRAWN_ARGUMENT:
            drawn += [k.value for k in node.keywords if k.arg in _DRAWN_KEYWORDS]
        if name == "update" and len(node.args) == 1:
            drawn.append(node.args[0])
        for argument in drawn:
            if isinstance(argument, _RAW):
                yield f"{where}:{node.lineno}: {name}() draws raw text: use untrusted()"


def _numbers_only(node: ast.expr) -> bool:
    """An f-string of local names only ("{count:,} {noun}"): text read off an article, a feed
    or a hit is an attribute or an item, and must go through untrusted()."""
    return isinstance(node, ast.JoinedStr) and all(
        isinstance(v, ast.Constant)
        or (isinstance(v, ast.FormattedValue) and isinstance(v.value, ast.Name))
        for v in node.values
    )


def test_every_drawn_string_goes_through_shown() -> None:
    reader = [
        p
        for p in sorted((ROOT / "tui").rglob("*.py"))
        if "cli" not in p.parts and p.stem != "untrusted"
    ]
    problems = [problem for path in reader for problem in _problems(path)]
    assert problems == []


def test_the_walk_finds_a_raw_title() -> None:
    """The walk itself must be able to fail."""
    bad = ROOT / "tests" / "tui" / "_raw_example.py"
    bad.write_text(
        "from textual.content import Content\n"
        "def f(app, article, Static):\n"
        "    app.sub_title = article.title\n"
        "    Static(f'{article.title}')\n"
        "    return Content(article.title)\n"
    )
    try:
        found = list(_problems(bad))
    finally:
        bad.unlink()
    assert len(found) == 3


ESCAPES = "\x1b]52;c;cHduZWQ=\x07\x1b]0;PWNED\x07\x1b[2J"


class HostileFeedServer(BaseHTTPRequestHandler):
    """A feed that fails with an escape in its reason phrase, and one whose title, entries and
    headers carry escapes."""

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:  # the name http.server calls
        if self.path.startswith("/broken"):
            # The status line is written by hand: http.server would refuse the escape.
            self.wfile.write(f"HTTP/1.1 500 E{ESCAPES}\r\nContent-Length: 0\r\n\r\n".encode())
            return
        body = (
            '<?xml version="1.0"?><rss version="2.0"><channel>'
            f"<title>Evil{ESCAPES} feed</title>"
            f"<item><title>Escape{ESCAPES} title</title><link>http://127.0.0.1/x</link>"
            f"<description>{'Words of the story. ' * 200}{ESCAPES}</description></item>"
            "</channel></rss>"
        ).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def hostile_server() -> Iterator[str]:
    from tests.loopback import serve

    yield from serve(HostileFeedServer)


def _screen_text(app) -> str:  # type: ignore[no-untyped-def]
    """Every character the screen would send to the terminal, styles left out."""
    update = app.screen._compositor.render_full_update()
    return "\n".join("".join(segment.text for segment in strip) for strip in update.strips)


async def test_a_hostile_server_never_reaches_the_terminal(
    hostile_server: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from summarise.feeds.refresh import refresh
    from summarise.feeds.subscriptions import Subscriptions
    from tests.tui.helpers import make_app, settle

    monkeypatch.setenv("NEWSBRIEF_DATA_DIR", str(tmp_path / "data"))
    subscriptions = Subscriptions.open_default()
    broken = subscriptions.add(f"{hostile_server}/broken.xml")
    subscriptions.add(f"{hostile_server}/evil.xml")
    for _ in range(3):  # three failures in a row: the pane shows the last error
        refresh(subscriptions)
    stored = subscriptions.get(broken.id)
    assert stored is not None and stored.failing and stored.last_error
    assert "\x1b" not in stored.last_error and "\x07" not in stored.last_error
    library = subscriptions.library
    subscriptions.close()

    app = make_app(tmp_path, [library])
    async with app.run_test(size=(140, 40), notifications=True) as pilot:
        await settle(app, pilot)
        await pilot.press("enter")  # open the hostile entry
        await settle(app, pilot)
        assert app.screen.has_class("-feeds-open")
        drawn = _screen_text(app)
        assert "Evil" in drawn and "PWNED" in drawn  # the text is shown, its escapes are not
        assert "\x1b" not in drawn and "\x07" not in drawn
        await pilot.press("R")  # refresh in the reader: its notifications too
        await settle(app, pilot)
        await pilot.pause(0.5)
        drawn = _screen_text(app)
        assert "\x1b" not in drawn and "\x07" not in drawn
