"""Files that are not files, and links that lead out of the library or round in circles.

Each sits beside a real article: the article still loads, nothing outside the library is
listed, and nothing blocks or loops.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from summarise.library.catalogue import Catalogue
from summarise.readers import load_paths
from tests.conftest import SEEDS

ARTICLE = "A real article\n\nThe council approved the harbour plan on Tuesday after a debate.\n"


@pytest.fixture
def library(tmp_path: Path) -> Path:
    folder = tmp_path / "library"
    (folder / "sub").mkdir(parents=True)
    (folder / "real.txt").write_text(ARTICLE)
    return folder


def _titles(folder: Path, follow_links: bool = False) -> tuple[list[str], list[str]]:
    catalogue = Catalogue(None, [folder], follow_links=follow_links)
    try:
        report = catalogue.refresh(jobs=1)
        return sorted(e.title for e in catalogue.listing()), report.notices
    finally:
        catalogue.close()


def test_links_out_of_the_library_are_not_followed(library: Path) -> None:
    (library / "etc-link").symlink_to("/etc")
    (library / "passwd.txt").symlink_to("/etc/passwd")
    titles, notices = _titles(library)
    assert titles == ["A real article"]
    assert any("2 link(s)" in n and "--follow-links" in n for n in notices)
    assert [a.title for a in load_paths([library]).articles] == ["A real article"]


def test_link_loops_end_with_or_without_following(library: Path) -> None:
    (library / "self").symlink_to(".")
    (library / "sub" / "up").symlink_to("..")
    started = time.monotonic()
    assert _titles(library)[0] == ["A real article"]
    titles, notices = _titles(library, follow_links=True)
    assert titles == ["A real article"]  # read once, not once per way round the loop
    assert any("lead back into it" in n for n in notices)
    assert time.monotonic() - started < 10


def test_followed_links_are_read_when_asked(library: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "other.txt").write_text("Another article\n\nThe mayor opened the new bridge.\n")
    (library / "more").symlink_to(elsewhere)
    assert _titles(library)[0] == ["A real article"]
    assert _titles(library, follow_links=True)[0] == ["A real article", "Another article"]


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_links_to_devices_are_never_read(library: Path, device: str) -> None:
    (library / "endless.txt").symlink_to(device)
    started = time.monotonic()
    assert _titles(library, follow_links=True)[0] == ["A real article"]
    assert _titles(library)[0] == ["A real article"]
    assert time.monotonic() - started < 10


def test_a_fifo_and_a_socket_beside_an_article(library: Path) -> None:
    os.mkfifo(library / "pipe.txt")  # opening it would wait for a writer forever
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(library / "sock.txt"))
        started = time.monotonic()
        assert _titles(library)[0] == ["A real article"]
        assert time.monotonic() - started < 10


def test_the_command_line_lists_nothing_through_a_link(library: Path) -> None:
    (library / "etc-link").symlink_to("/etc")
    (library / "passwd.txt").symlink_to("/etc/passwd")
    (library / "self").symlink_to(".")
    (library / "seeds").symlink_to(SEEDS)
    command = [sys.executable, "-m", "tui.cli", "list", str(library)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0
    assert "root:" not in done.stdout and "A real article" in done.stdout
    assert "1 article" in done.stderr and "--follow-links" in done.stderr
    (library / "etc-link").unlink()
    (library / "passwd.txt").unlink()
    followed = subprocess.run([*command, "--follow-links"], capture_output=True, text=True)
    assert "6 articles" in followed.stderr  # the seeds, through the link the user made, once


def test_a_file_that_vanishes_after_the_walk_is_reported_and_the_rest_load(
    library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import summarise.library.pool as pool_module  # the catalogue imports process_map on use

    vanishing = library / "vanishing.txt"
    vanishing.write_text(ARTICLE.replace("harbour", "bridge"))
    real_map = pool_module.process_map

    def map_after_deleting(*args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        vanishing.unlink()  # seen by the walk, gone before it is read
        return real_map(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pool_module, "process_map", map_after_deleting)
    catalogue = Catalogue(None, [library])
    try:
        catalogue.refresh(jobs=1)
        assert [e.title for e in catalogue.listing()] == ["A real article"]
        assert any(
            "vanishing.txt" in str(p) and "no such file" in str(p) for p in catalogue.problems()
        )
    finally:
        catalogue.close()


def test_a_file_that_grows_after_it_was_read_is_read_again(library: Path) -> None:
    catalogue = Catalogue(None, [library])
    try:
        catalogue.refresh(jobs=1)
        with (library / "real.txt").open("a") as grown:
            grown.write("A second paragraph was added by the writer later that day.\n")
        os.utime(library / "real.txt", (time.time() + 5, time.time() + 5))
        catalogue.refresh(jobs=1)
        (entry,) = catalogue.entries()
        (article,) = catalogue.articles([entry.id]).values()
        assert "second paragraph" in article.body_text
    finally:
        catalogue.close()
