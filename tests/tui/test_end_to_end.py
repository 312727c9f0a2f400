"""The real `newsbrief` command in a real terminal (tmux), read from the screen."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from summarise.library.state import StateStore

TMUX = shutil.which("tmux")
if TMUX is None and os.environ.get("CI"):
    pytest.fail("tmux is missing; `make test` installs it", pytrace=False)
pytestmark = pytest.mark.skipif(
    TMUX is None, reason="tmux is not installed (make test installs it)"
)

COMMAND = Path(sys.executable).with_name("newsbrief")


class Terminal:
    def __init__(self, data_dir: Path, width: int = 100, height: int = 30, args: str = "") -> None:
        self.session = f"nb-{uuid.uuid4().hex[:8]}"
        # Textual sizes itself from COLUMNS/LINES when they are set, and pytest's
        # process can hand down 80x24 to the tmux server it starts.
        env = f"NEWSBRIEF_DATA_DIR={data_dir} TERM=xterm-256color COLUMNS={width} LINES={height}"
        subprocess.run(
            [
                TMUX,
                "new-session",
                "-d",
                "-s",
                self.session,
                "-x",
                str(width),
                "-y",
                str(height),
                f"env {env} {COMMAND} {args}".rstrip(),
            ],
            check=True,
        )

    def screen(self) -> str:
        result = subprocess.run(
            [TMUX, "capture-pane", "-p", "-t", self.session], capture_output=True, text=True
        )
        return result.stdout

    def wait_for(self, text: str, timeout: float = 20) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.1)
        raise AssertionError(f"{text!r} never appeared; the screen was:\n{self.screen()}")

    def wait_gone(self, text: str, timeout: float = 20) -> None:
        deadline = time.monotonic() + timeout
        while text in self.screen():
            if time.monotonic() > deadline:
                raise AssertionError(f"{text!r} never went away:\n{self.screen()}")
            time.sleep(0.1)

    def title(self) -> str:
        """The pane's title, which an OSC 0 or 2 sequence from the program would change."""
        result = subprocess.run(
            [TMUX, "display-message", "-p", "-t", self.session, "#{pane_title}"],
            capture_output=True,
            text=True,
        )
        return result.stdout.strip()

    def press(self, *keys: str) -> None:
        subprocess.run([TMUX, "send-keys", "-t", self.session, *keys], check=True)

    def alive(self) -> bool:
        return (
            subprocess.run(
                [TMUX, "has-session", "-t", self.session], capture_output=True
            ).returncode
            == 0
        )

    def close(self) -> None:
        subprocess.run([TMUX, "kill-session", "-t", self.session], capture_output=True)


def test_read_an_article_summarise_it_and_quit(tmp_path: Path) -> None:
    assert COMMAND.exists(), f"the console script is missing: {COMMAND}"
    term = Terminal(tmp_path)
    try:
        screen = term.wait_for("5 articles · 5 unread")
        assert "Trudeau’s China gamble" in screen or "Trudeau's China gamble" in screen
        term.press("G")  # last in the list: the Trudeau article, sorted by date then title
        term.press("Enter")
        # The count and the article are painted in separate frames: wait for both.
        term.wait_for("Torontoer Staff")
        screen = term.wait_for("4 unread")
        assert "Torontoer Staff" in screen
        assert "Copy link" not in screen
        term.press("s")
        screen = term.wait_for("Summary · newsrank")
        assert "sentences" in screen
        term.press("?")
        term.wait_for("newsbrief keys")
        term.press("Escape")
        # Escape then q at machine speed reads as alt+q; a person sees the help close first.
        term.wait_gone("newsbrief keys")
        term.press("q")
        deadline = time.monotonic() + 10
        while term.alive() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not term.alive(), "q did not quit"
    finally:
        term.close()
    assert len(StateStore(tmp_path / "state.db").read_ids()) == 1


def test_follow_a_feed_then_read_and_refresh_it_in_the_reader(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.news_site import running_site
    from tui.cli import main

    monkeypatch.setenv("NEWSBRIEF_DATA_DIR", str(tmp_path))
    with running_site() as site:
        assert main(["feeds", "add", site.teaser_feed("town", 3)]) == 0
        term = Terminal(tmp_path, width=130, height=30)
        try:
            screen = term.wait_for("3 articles · 3 unread")
            assert "The Town Feed" in screen  # the feeds pane, open because you follow one
            term.press("R")
            term.wait_for("unchanged")  # "1 feed: 0 new articles, unchanged"
            assert site.not_modified["/feeds/town.xml"] == 1
            term.press("F")  # to the feeds pane: its keys show in the footer
            term.wait_for("enter Show")
            term.press("End", "Enter")  # the feed's own view
            term.wait_for("The Town Feed · 3")  # the status line, clipped by the pane's width
            term.press("A")  # mark all read: the pane's count follows
            term.wait_for("The Town Feed 0")
            term.press("q")
        finally:
            term.close()


def test_at_80x24_a_panel_over_the_list_swallows_nothing(tmp_path: Path) -> None:
    term = Terminal(tmp_path, width=80, height=24)
    try:
        term.wait_for("5 articles · 5 unread")
        term.press("s")  # the summary takes the list's place at this width
        term.wait_for("Summary · newsrank")
        term.press("x", "z", "w")  # letters that are no command here
        time.sleep(0.5)
        term.press("s")
        screen = term.wait_for("5 articles · 5 unread")
        assert "Summary ·" not in screen and "of 5 articles" not in screen
        term.press("q")
    finally:
        term.close()


def test_escape_sequences_in_file_names_never_reach_the_terminal(tmp_path: Path) -> None:
    library = tmp_path / "library"
    library.mkdir()
    hostile = "\x1b]2;owned\x07\x1b]52;c;SGk=\x07\x1b[2J"
    (library / f"good{hostile}.txt").write_text("A good article\n\nIt has words to read.\n")
    (library / f"bad{hostile}.txt").write_bytes(b"\x00\x01\x02 binary")
    term = Terminal(tmp_path, width=120, height=30, args=f"read {library}")
    try:
        term.wait_for("Skipped 1 unreadable file")  # the bad file's name was shown
        time.sleep(0.5)
        assert "A good article" in term.screen()  # and the screen was not cleared by it
        assert term.title() != "owned"  # nor the terminal's title set
        term.press("q")
    finally:
        term.close()


def test_at_80x24_with_a_feed_followed_counts_stay_whole_and_the_article_has_room(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No count is cut ("5 articles · 3 unread ·"), and the feeds pane does not squeeze the
    article: below 120 columns it opens only when asked, in the list's place."""
    import re

    from tests.news_site import running_site
    from tui.cli import main

    monkeypatch.setenv("NEWSBRIEF_DATA_DIR", str(tmp_path))
    with running_site() as site:
        assert main(["feeds", "add", site.teaser_feed("harbour", 3)]) == 0
        term = Terminal(tmp_path, width=80, height=24)
        try:
            screen = term.wait_for("unread")
            time.sleep(1)
            screen = term.screen()
            assert not re.search(r"\d…|· …", screen), screen  # a number or a count cut short
            assert "3 articles · 3 unread" in screen.replace("\n", " ")
            # The article column: from the list's right edge to the screen's.
            edge = max(line.find("▕") for line in screen.splitlines())
            assert 0 < edge <= 80 - 50, f"the article has {80 - edge} columns:\n{screen}"
            term.press("F")
            screen = term.wait_for("All articles")
            assert "Harbour Feed" in screen and "3 articles · 3" not in screen  # in its place
            term.press("q")
        finally:
            term.close()


def test_brief_new_after_reading_half_in_the_reader_tells_only_the_rest(tmp_path: Path) -> None:
    """Read two of the five sample articles in the real reader, quit, then ask the command line
    what is new: the two read are neither briefed nor cited, the other three are."""
    term = Terminal(tmp_path)
    try:
        term.wait_for("5 articles · 5 unread")
        term.press("Enter")
        term.wait_for("4 unread")
        term.press("]")  # the next unread article, opened
        term.wait_for("3 unread")
        term.press("q")
        deadline = time.monotonic() + 10
        while term.alive() and time.monotonic() < deadline:
            time.sleep(0.1)
    finally:
        term.close()
    read = StateStore(tmp_path / "state.db").read_ids()
    assert len(read) == 2
    env = {**os.environ, "NEWSBRIEF_DATA_DIR": str(tmp_path)}
    done = subprocess.run(
        [str(COMMAND), "brief", "--new", "--json"], env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    briefing = json.loads(done.stdout)
    assert briefing["scope"].startswith("3 new articles")
    cited = {source["article_id"] for source in briefing["sources"]}
    assert cited and not cited & read
