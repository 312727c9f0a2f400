"""`newsbrief fetch` as a user types it, against a server on 127.0.0.1."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tui.cli import main


def test_fetch_command(server: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["fetch", f"{server}/atom", "--into", str(tmp_path)]) == 0
    out, err = capsys.readouterr()
    assert out.strip() == f"{server}/atom: feed, 2 new"
    assert f"1 of 1 fetched into {tmp_path}" in err
    assert main(["fetch", f"{server}/missing", f"{server}/atom", "--into", str(tmp_path)]) == 1
    out, err = capsys.readouterr()
    assert f"{server}/atom: feed, 0 new, 2 already in the library" in out
    assert f"newsbrief: {server}/missing: HTTP 404 Not Found" in err


def test_the_default_library_is_yours_once_it_has_articles(
    server: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from summarise.library.listing import default_library_path, seeds_path, user_library_path

    assert default_library_path() == seeds_path()  # nothing fetched yet: the samples
    assert main(["fetch", f"{server}/page.html"]) == 0
    capsys.readouterr()
    assert default_library_path() == user_library_path()
    assert main(["list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [row["title"] for row in listed] == ["Copper hits two-year high on supply worries"]
    for path in user_library_path().iterdir():  # leave the session's library as it was
        path.unlink()
