"""Reading state survives restarts, crashes and corruption."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from summarise.library.state import Setting, StateStore


def test_marks_and_settings_persist(tmp_path: Path) -> None:
    path = tmp_path / "state.db"
    store = StateStore(path)
    store.set_read("aaa")
    store.set_read("bbb")
    store.set_read("bbb", False)
    store.set_bookmark("ccc")
    store.set(Setting.THEME, "nord")
    store.close()
    again = StateStore(path)
    assert again.read_ids() == {"aaa"}
    assert again.bookmark_ids() == {"ccc"}
    assert again.get(Setting.THEME) == "nord"
    assert again.get(Setting.SORT) == "date"  # never set: the default
    assert again.warnings == []


def test_a_kill_9_loses_nothing_already_written(tmp_path: Path) -> None:
    path = tmp_path / "state.db"
    code = (
        "import os, signal, sys; from summarise.library.state import Setting, StateStore;"
        "s = StateStore(__import__('pathlib').Path(sys.argv[1]));"
        "[s.set_read(f'id{i}') for i in range(50)];"
        "os.kill(os.getpid(), signal.SIGKILL)"
    )
    result = subprocess.run([sys.executable, "-c", code, str(path)], check=False)
    assert result.returncode == -9
    store = StateStore(path)
    assert len(store.read_ids()) == 50
    assert store.warnings == []


def test_corrupt_file_is_moved_aside_and_a_fresh_one_started(tmp_path: Path) -> None:
    path = tmp_path / "state.db"
    garbage = b"this is not a database" * 100
    path.write_bytes(garbage)
    store = StateStore(path)
    (aside,) = tmp_path.glob("state.db.corrupt-*")
    assert aside.read_bytes() == garbage  # kept, never deleted
    assert len(store.warnings) == 1 and str(aside) in store.warnings[0]
    store.set_read("fresh")
    assert StateStore(path).read_ids() == {"fresh"}


def test_unwritable_location_falls_back_to_memory_with_a_warning(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    store = StateStore(blocker / "sub" / "state.db")
    assert store.warnings and "will not be saved" in store.warnings[0]
    store.set_read("x")
    assert store.read_ids() == {"x"}
