"""`newsbrief config check`: every mistake by line, keymaps checked against the table of keys,
and a config path that is not a file never hangs anything."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tui.cli import main


@pytest.fixture
def config_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("NEWSBRIEF_CONFIG_DIR", str(tmp_path))
    return tmp_path / "config.toml"


def test_an_unknown_binding_id_is_named(
    config_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config_file.write_text('[keys]\nbookmrk = "b"\nbookmark = "B"\n')
    assert main(["config", "check"]) == 1
    err = capsys.readouterr().err
    assert "no action is called 'bookmrk'" in err
    assert "bookmark" not in err.replace("bookmrk", "")


def test_a_keymap_that_takes_away_quit_or_help_is_refused(
    config_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config_file.write_text('[keys]\nbookmark = "q"\nsearch = "question_mark,f1"\n')
    assert main(["config", "check"]) == 1
    err = capsys.readouterr().err
    assert "leaves no key to quit (q now does something else)" in err
    assert "leaves no key to open the help" in err


def test_moving_quit_elsewhere_first_is_fine(
    config_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config_file.write_text('[keys]\nbookmark = "q"\nquit = "ctrl+q"\n')
    assert main(["config", "check"]) == 0
    assert "is fine" in capsys.readouterr().out


def test_a_config_that_is_a_fifo_is_reported_not_waited_on(tmp_path: Path) -> None:
    fifo = tmp_path / "config.toml"
    os.mkfifo(fifo)
    env = {
        **os.environ,
        "NEWSBRIEF_CONFIG_DIR": str(tmp_path),
        "NEWSBRIEF_CACHE_DIR": str(tmp_path),
    }

    def run(*command: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "tui.cli", *command],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,  # a read of the FIFO would block forever: this fails instead
        )

    checked = run("config", "check")
    assert checked.returncode == 1
    assert "is not a regular file; the defaults are used" in checked.stderr
    listed = run("list")  # the default library comes from config.toml: still lists
    assert listed.returncode == 0 and "5 articles" in listed.stderr
