"""Read-only and full disks: whatever only reads still works, and a write that cannot be made is
one clear line, never a traceback, with nothing already stored damaged.

The folders are real: a tmpfs mounted read-only or too small (as root, which ignores file
modes), or a folder without write permission (as anyone else).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import SEEDS

NEWSBRIEF = [str(Path(sys.executable).with_name("newsbrief"))]


def _mount(where: Path, options: str) -> bool:
    where.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(where)], capture_output=True
    )
    return done.returncode == 0


def _unmount(where: Path) -> None:
    subprocess.run(["umount", "-l", str(where)], capture_output=True)


@pytest.fixture
def read_only(tmp_path: Path) -> Iterator[Path]:
    """A folder holding a built cache and state that can no longer be written."""
    folder = tmp_path / "ro"
    root = os.geteuid() == 0
    if root and not _mount(folder, "size=16m"):
        pytest.skip("running as root without the right to mount a tmpfs: no read-only folder")
    env = {**os.environ, "NEWSBRIEF_CACHE_DIR": str(folder), "NEWSBRIEF_DATA_DIR": str(folder)}
    for command in (["list"], ["search", "tariff"], ["brief"]):  # build every cache first
        subprocess.run([*NEWSBRIEF, *command, str(SEEDS)], env=env, capture_output=True)
    if root:
        subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
    else:
        for path in [folder, *folder.rglob("*")]:
            path.chmod(0o555 if path.is_dir() else 0o444)
    yield folder
    if root:
        _unmount(folder)
    else:
        for path in [folder, *folder.rglob("*")]:
            path.chmod(0o755)


@pytest.fixture
def full(tmp_path: Path) -> Iterator[Path]:
    """A folder with room for almost nothing."""
    folder = tmp_path / "full"
    if os.geteuid() != 0 or not _mount(folder, "size=200k"):
        pytest.skip("a full disk needs a small tmpfs, which needs root")
    yield folder
    _unmount(folder)


def _run(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NEWSBRIEF_CACHE_DIR": str(folder), "NEWSBRIEF_DATA_DIR": str(folder)}
    return subprocess.run([*NEWSBRIEF, *args], env=env, capture_output=True, text=True, timeout=120)


def test_a_read_only_cache_and_data_folder_still_serve_every_reading_command(
    read_only: Path,
) -> None:
    for args in (["list"], ["search", "tariff"], ["brief", "--words", "150"], ["stories"]):
        done = _run(read_only, *args, str(SEEDS))
        assert done.returncode == 0, (args, done.stderr)
        assert done.stdout.strip() and "Traceback" not in done.stderr
    summary = _run(read_only, "summary", str(next(SEEDS.glob("*.txt"))))
    assert summary.returncode == 0 and "Traceback" not in summary.stderr


def test_saving_into_a_read_only_folder_is_one_clear_line(read_only: Path) -> None:
    done = _run(read_only, "fetch", "http://127.0.0.1:9/page", "--into", str(read_only / "new"))
    assert done.returncode == 1 and "Traceback" not in done.stderr
    (line,) = done.stderr.strip().splitlines()
    assert line.startswith("newsbrief: cannot continue:") and "Read-only file system" in line


def test_a_full_disk_reads_from_the_files_and_says_so(full: Path, tmp_path: Path) -> None:
    library = tmp_path / "library"
    shutil.copytree(SEEDS, library)
    for n in range(40):  # enough text that no cache of it fits in 200 KB
        (library / f"copy{n}.txt").write_text(
            (SEEDS / "000_a8eec068d7993b9a.txt").read_text() + f"\n\nCopy {n}.\n"
        )
    for args in (["list"], ["search", "tariff"], ["brief", "--words", "150"]):
        done = _run(full, *args, str(library))
        assert done.returncode == 0, (args, done.stderr)
        assert done.stdout.strip() and "Traceback" not in done.stderr
        assert "the disk is full" in done.stderr
    assert not list(full.rglob("*.tmp"))


def test_an_unreadable_state_file_on_a_read_only_disk_is_left_alone(tmp_path: Path) -> None:
    from summarise.library.state import Setting, StateStore

    folder = tmp_path / "data"
    root = os.geteuid() == 0
    if root and not _mount(folder, "size=1m"):
        pytest.skip("running as root without the right to mount a tmpfs: no read-only folder")
    folder.mkdir(exist_ok=True)
    (folder / "state.db").write_bytes(b"not a database at all")
    if root:
        subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
    else:
        folder.chmod(0o555)
    try:
        store = StateStore(folder / "state.db")  # cannot be moved aside: no crash
        assert any("nor moved aside" in w for w in store.warnings)
        store.set(Setting.SORT, "title")  # this session's state still works, in memory
        assert store.get(Setting.SORT) == "title"
        store.close()
        assert (folder / "state.db").read_bytes() == b"not a database at all"  # untouched
    finally:
        if root:
            _unmount(folder)
        else:
            folder.chmod(0o755)
