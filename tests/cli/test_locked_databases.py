"""Another newsbrief holding the write lock (the reader indexing, a refresh from cron): a command
says what it waits for, answers from what is committed, and never fails with a traceback."""

from __future__ import annotations

import shutil
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

import summarise.library.sqlite as sqlite_module
from tests.conftest import SEEDS
from tui.cli import main

WAITING = "waiting for another newsbrief to finish writing the catalogue"


@contextmanager
def locked(database: Path, seconds: float) -> Iterator[threading.Thread]:
    """A write transaction held on `database` by another connection for `seconds`."""
    taken, release = threading.Event(), threading.Event()

    def hold() -> None:
        db = sqlite3.connect(database, isolation_level=None, check_same_thread=False)
        db.execute("BEGIN IMMEDIATE")
        taken.set()
        release.wait(seconds)
        db.execute("ROLLBACK")
        db.close()

    holder = threading.Thread(target=hold)
    holder.start()
    taken.wait()
    try:
        yield holder
    finally:
        release.set()
        holder.join()


@pytest.fixture
def library(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, Path]:
    folder = tmp_path / "library"
    shutil.copytree(SEEDS, folder)
    assert main(["list", str(folder)]) == 0
    capsys.readouterr()
    (catalogue,) = Path(tmp_path / "cache").rglob("catalogue-*.db")
    return folder, catalogue


@pytest.fixture(autouse=True)
def caches(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSBRIEF_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("NEWSBRIEF_DATA_DIR", str(tmp_path / "data"))


def _add(folder: Path) -> None:
    (folder / "new.txt").write_text(
        "A new article arrives\n\nThe council met on Tuesday to agree the budget. It passed.\n"
    )


def test_an_unchanged_library_lists_at_once_beside_a_writer(
    library: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    folder, catalogue = library
    with locked(catalogue, 20) as writer:
        assert main(["list", str(folder)]) == 0
        assert writer.is_alive()  # answered while the other still writes, not after
    err = capsys.readouterr().err
    assert WAITING not in err  # opening needs no write: nothing to wait for
    assert err.strip().endswith("5 articles")


def test_a_change_waits_for_the_writer_and_says_so(
    library: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    folder, catalogue = library
    _add(folder)
    with locked(catalogue, 2.5):
        assert main(["list", str(folder)]) == 0
    err = capsys.readouterr().err
    assert f"newsbrief: {WAITING}" in err
    assert err.strip().endswith("6 articles")


def test_a_writer_that_never_lets_go_costs_the_timeout_and_nothing_else(
    library: tuple[Path, Path], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, catalogue = library
    _add(folder)
    monkeypatch.setattr(sqlite_module, "BUSY_TIMEOUT_SECONDS", 2)
    with locked(catalogue, 30):
        assert main(["list", str(folder)]) == 0
    err = capsys.readouterr().err
    assert "the catalogue is locked by another newsbrief" in err
    assert "the library is read from disk this time" in err
    assert "Traceback" not in err and err.strip().endswith("6 articles")


def test_handing_free_pages_back_does_not_wait_for_another_writer(tmp_path: Path) -> None:
    """Freeing pages is housekeeping: with another newsbrief writing, it is left for later
    rather than holding the command for the 30 s a real write would wait."""
    import time

    from summarise.library.sqlite import Database

    path = tmp_path / "cache.db"
    database = Database(path, "CREATE TABLE IF NOT EXISTS t (x BLOB);", 1)
    database.write("INSERT INTO t VALUES (zeroblob(200000))")
    database.write("DELETE FROM t")
    with locked(path, 20) as writer:
        started = time.monotonic()
        database.release_free_pages()
        assert time.monotonic() - started < 2 and writer.is_alive()
    database.release_free_pages()
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA freelist_count").fetchone()[0] == 0
    database.close()
