"""A quick refresh lists again only the folders whose time changed: files added, removed or
renamed anywhere are found at once, unchanged folders cost one stat, and a file rewritten in
place is left to the full check, which the command line starts in the background."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from summarise.library.catalogue import Catalogue, check_in_background

BODY = "{title}\n\nThe council approved the {word} plan on Tuesday after a long debate.\n"


def _write(path: Path, title: str, word: str = "harbour") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(BODY.format(title=title, word=word))


@pytest.fixture
def library(tmp_path: Path) -> Path:
    root = tmp_path / "library"
    for feed in ("alpha", "beta"):
        for n in range(3):
            _write(root / feed / f"{n}.txt", f"{feed.title()} story {n}", f"{feed}{n}")
    return root


def _rewrite_in_place(path: Path) -> None:
    """Rewrite a file so that its folder's time stays as it was (as writing in place does)."""
    stamp = path.parent.stat()
    _write(path, "Alpha story rewritten", "orchard")
    os.utime(path.parent, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))


def _titles(catalogue: Catalogue, quick: bool = True) -> list[str]:
    catalogue.refresh(jobs=1, quick=quick)
    return sorted(e.title for e in catalogue.entries())


def test_what_is_added_or_removed_anywhere_is_found_quickly(library: Path, tmp_path: Path) -> None:
    catalogue = Catalogue(tmp_path / "catalogue.db", [library])
    try:
        assert len(_titles(catalogue, quick=False)) == 6
        _write(library / "alpha" / "new.txt", "Alpha story new", "ferry")
        (library / "alpha" / "2.txt").unlink()
        _write(library / "gamma" / "deep" / "1.txt", "Gamma deep story", "tunnel")
        shutil.rmtree(library / "beta")  # a whole folder gone
        titles = _titles(catalogue)
        assert titles == [
            "Alpha story 0", "Alpha story 1", "Alpha story new", "Gamma deep story"
        ]  # fmt: skip
        (library / "alpha" / "1.txt").rename(library / "alpha" / "renamed.txt")
        assert len(_titles(catalogue)) == 4
        assert str(library / "alpha" / "renamed.txt") in {e.location for e in catalogue.entries()}
    finally:
        catalogue.close()


def test_a_file_rewritten_in_place_waits_for_the_full_check(library: Path, tmp_path: Path) -> None:
    catalogue = Catalogue(tmp_path / "catalogue.db", [library])
    try:
        _titles(catalogue, quick=False)
        _rewrite_in_place(library / "alpha" / "0.txt")
        assert "Alpha story rewritten" not in _titles(catalogue)  # the folder says: unchanged
        assert "Alpha story rewritten" in _titles(catalogue, quick=False)
    finally:
        catalogue.close()


def test_an_unchanged_library_is_looked_at_without_writing(library: Path, tmp_path: Path) -> None:
    path = tmp_path / "catalogue.db"
    catalogue = Catalogue(path, [library])
    try:
        _titles(catalogue, quick=False)
        other = sqlite3.connect(path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")  # another newsbrief writing: a quick look never waits
        try:
            started = time.monotonic()
            assert len(_titles(catalogue)) == 6
            assert time.monotonic() - started < 5  # well under the 30 s a write would wait
        finally:
            other.execute("ROLLBACK")
            other.close()
    finally:
        catalogue.close()


def test_an_old_full_check_is_run_again_in_the_background(library: Path, tmp_path: Path) -> None:
    path = tmp_path / "catalogue.db"
    catalogue = Catalogue(path, [library])
    try:
        _titles(catalogue, quick=False)
        assert not check_in_background(catalogue)  # just checked: nothing to start
        _rewrite_in_place(library / "alpha" / "0.txt")
        with sqlite3.connect(path) as db:
            db.execute("UPDATE facts SET value = value - 3600 WHERE key = 'full_check'")
        assert check_in_background(catalogue)
        # Under way: the searches meanwhile do not each start another (a million files take
        # minutes to check).
        assert not check_in_background(catalogue)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if "Alpha story rewritten" in _titles(catalogue):
                break
            time.sleep(0.2)
        assert "Alpha story rewritten" in _titles(catalogue)
    finally:
        catalogue.close()


def test_the_full_check_never_makes_a_catalogue_that_was_deleted(tmp_path: Path) -> None:
    gone = tmp_path / "cache" / "catalogue-x.db"
    done = subprocess.run(
        [sys.executable, "-m", "summarise.library.catalogue", str(gone), str(tmp_path)],
        timeout=60,
    )
    assert done.returncode == 0 and not gone.parent.exists()


def test_an_answer_from_an_old_check_says_so(
    library: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from summarise.library.catalogue import catalogue_path_for
    from summarise.usecases import open_library

    monkeypatch.setenv("NEWSBRIEF_CACHE_DIR", str(tmp_path / "cache"))
    first = open_library([library], jobs=1)  # a full look: every file checked now
    first.catalogue.close()
    assert not any("checked" in n for n in first.notices)
    with sqlite3.connect(catalogue_path_for([library])) as db:
        db.execute("UPDATE facts SET value = value - 7200 WHERE key = 'full_check'")
    again = open_library([library], jobs=1, quick=True)
    again.catalogue.close()
    said = "every file was checked last 2 hours ago, and is being checked again in the background"
    assert any(said in n for n in again.notices)


def test_while_a_full_check_is_under_way_answers_say_so_and_start_no_other(
    library: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A million files take minutes to check: every search meanwhile used to start another
    check, and they took the searches' cores."""
    import summarise.library.catalogue as catalogue_module
    from summarise.library.catalogue import catalogue_path_for
    from summarise.usecases import open_library

    started: list[list[str]] = []
    monkeypatch.setattr(
        catalogue_module.subprocess, "Popen", lambda command, **_: started.append(command)
    )
    monkeypatch.setenv("NEWSBRIEF_CACHE_DIR", str(tmp_path / "cache"))
    open_library([library], jobs=1).catalogue.close()
    with sqlite3.connect(catalogue_path_for([library])) as db:
        db.execute("UPDATE facts SET value = value - 7200 WHERE key = 'full_check'")
    for _ in range(3):
        answer = open_library([library], jobs=1, quick=True)
        answer.catalogue.close()
        assert any("every file was checked last 2 hours ago" in n for n in answer.notices)
    assert len(started) == 1


@pytest.mark.parametrize(
    ("seconds", "said"),
    [
        (20, "under a minute ago"),
        (60, "1 minute ago"),
        (150, "2 minutes ago"),
        (3600, "1 hour ago"),
        (7300, "2 hours ago"),
        (3 * 86400, "3 days ago"),
    ],
)
def test_how_long_ago_the_last_check_was_reads_as_english(seconds: float, said: str) -> None:
    """The notice said "checked last 1 hours ago" after an hour."""
    from summarise.usecases import _ago

    assert _ago(seconds) == said
