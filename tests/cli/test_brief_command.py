"""`newsbrief brief` as a user types it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tui.cli import main


@pytest.mark.parametrize(
    ("name", "marker"),
    [
        ("briefing.md", "# Briefing:"),
        ("briefing.txt", "KEY POINTS"),
        ("briefing.html", "<!DOCTYPE html>"),
        ("briefing.json", '"key_points"'),
    ],
)
def test_brief_command_writes_each_format(
    tmp_path: Path,
    name: str,
    marker: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("NEWSBRIEF_CACHE_DIR", str(tmp_path / "cache"))
    target = tmp_path / name
    assert main(["brief", "-o", str(target)]) == 0
    text = target.read_text()
    assert marker in text.replace("Key points\n----------", "KEY POINTS")
    if name.endswith(".json"):
        assert json.loads(text)["disagreements"]
    # What was briefed, then what the page cites: never read as "5 articles briefed" when
    # 5 were cited of many.
    assert re.search(
        rf"wrote {re.escape(str(target))}: briefed 5 articles: 5 cited, \d+ words",
        capsys.readouterr().err,
    )


def test_brief_command_mistakes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["brief", "-o", str(tmp_path / "briefing.docx")]) == 2
    assert "cannot tell the format from 'briefing.docx'" in capsys.readouterr().err
    assert main(["brief", "-o", str(tmp_path / "no" / "such" / "b.md")]) == 2
    assert "no such folder" in capsys.readouterr().err


def test_a_briefing_too_big_for_memory_says_how_to_ask_for_less(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A whole library of a million articles briefed at once ran out of 12 GB: one line that
    says what to do, no traceback, and no briefing file half written."""
    import summarise.usecases

    def too_big(*args: object, **kwargs: object) -> None:
        raise MemoryError

    monkeypatch.setenv("NEWSBRIEF_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(summarise.usecases, "brief_library", too_big)
    target = tmp_path / "briefing.md"
    assert main(["brief", "-o", str(target)]) == 1
    err = capsys.readouterr().err
    assert err.strip().splitlines()[-1] == (
        "newsbrief: ran out of memory: ask for less at once (--since, --until or --query narrow "
        "a briefing or a list)"
    )
    assert "Traceback" not in err and not target.exists()
