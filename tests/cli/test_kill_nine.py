"""kill -9 in the middle of a refresh or a briefing loses nothing: the next run goes on from
what was written, every saved file is whole, and a briefing file is old or new, never half."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from summarise.readers import read_file
from tests.news_site import Site, running_site


@pytest.fixture
def site() -> Iterator[Site]:
    with running_site() as site:
        yield site


def _env(tmp_path: Path) -> dict[str, str]:
    return {
        **os.environ,
        "NEWSBRIEF_DATA_DIR": str(tmp_path / "data"),
        "NEWSBRIEF_CACHE_DIR": str(tmp_path / "cache"),
        "NEWSBRIEF_CONFIG_DIR": str(tmp_path / "config"),
    }


def _newsbrief(*args: str) -> list[str]:
    return [sys.executable, "-m", "tui.cli", *args]


def _saved(tmp_path: Path) -> list[Path]:
    return sorted((tmp_path / "data").rglob("*.md"))


def test_a_refresh_killed_midway_is_finished_by_the_next(site: Site, tmp_path: Path) -> None:
    feed = site.teaser_feed("city", 12)
    site.delay = 0.4  # each page takes a while: the kill lands among the saves
    env = _env(tmp_path)
    first = subprocess.Popen(
        _newsbrief("feeds", "add", feed),
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while not _saved(tmp_path) and time.monotonic() < deadline and first.poll() is None:
        time.sleep(0.05)
    assert first.poll() is None, "the refresh ended before it could be killed"
    os.kill(first.pid, signal.SIGKILL)
    first.wait()
    assert 1 <= len(_saved(tmp_path)) < 12

    site.delay = 0
    again = subprocess.run(
        _newsbrief("refresh"), env=env, capture_output=True, text=True, timeout=120
    )
    assert again.returncode == 0, again.stderr
    saved = _saved(tmp_path)
    assert len(saved) == 12  # every article once: none lost, none twice
    titles = sorted(a.title for p in saved for a in read_file(p).articles)
    assert titles == sorted(f"City story {n}: the {t} plan" for n, t in _topics(12))
    listed = subprocess.run(_newsbrief("list"), env=env, capture_output=True, text=True, timeout=60)
    assert "12 articles" in listed.stderr  # a temporary file the kill left is never an article


def _topics(count: int) -> list[tuple[int, str]]:
    from tests.news_site import TOPICS

    return [(n, TOPICS[n % len(TOPICS)]) for n in range(count)]


def test_a_briefing_killed_while_writing_leaves_the_old_file_whole(tmp_path: Path) -> None:
    out = tmp_path / "briefing.md"
    out.write_text("# Yesterday's briefing\n\nWhole and readable.\n")
    env = _env(tmp_path)
    # Killed with the new page half on disk: after the text is written, before it is synced
    # and renamed over the old file.
    killer = (
        "import os, signal\n"
        "os.fsync = lambda fd: os.kill(os.getpid(), signal.SIGKILL)\n"
        "from tui.cli import main\n"
        f"main(['brief', '-o', {str(out)!r}])\n"
    )
    done = subprocess.run([sys.executable, "-c", killer], env=env, timeout=120)
    assert done.returncode == -signal.SIGKILL
    assert out.read_text() == "# Yesterday's briefing\n\nWhole and readable.\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]  # it was mid-write
    again = subprocess.run(_newsbrief("brief", "-o", str(out)), env=env, timeout=120)
    assert again.returncode == 0 and out.read_text().startswith("# ")
    assert "Yesterday" not in out.read_text()
