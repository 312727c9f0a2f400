"""`newsbrief search` as a user types it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from summarise.readers import read_article


def test_search_command(tmp_path: Path) -> None:
    found = run_cli("canola", "--limit", "2", cache=tmp_path)
    assert found.returncode == 0
    assert found.stdout.startswith("1. ") and "\n2. " in found.stdout
    assert "\x1b[" not in found.stdout  # piped: no bold
    missing = run_cli("zebra", cache=tmp_path)
    assert missing.returncode == 1 and missing.stdout == ""
    assert "no matches for 'zebra'" in missing.stderr
    nothing = run_cli("*", cache=tmp_path)
    assert nothing.returncode == 2 and "nothing to search for" in nothing.stderr
    as_json = json.loads(run_cli("title:carney", "--json", cache=tmp_path).stdout)
    assert [h["title"] for h in as_json] == [
        "Carney in Beijing aims to reset trade ties while risking U.S. ire"
    ]
    assert set(as_json[0]) == {
        "id",
        "path",
        "title",
        "score",
        "snippet",
        "snippet_matches",
        "matches",
    }


def test_search_command_on_a_folder(tmp_path: Path) -> None:
    library = tmp_path / "lib"
    library.mkdir()
    (library / "a.txt").write_text("Alpha\n\nThe walrus ate oysters.\n")
    result = run_cli("walrus", str(library), "--json", cache=tmp_path / "cache")
    (hit,) = json.loads(result.stdout)
    article = read_article(library / "a.txt")
    assert hit["id"] == article.id and hit["matches"] == [[0, 4, 10]]


def run_cli(*args: str, cache: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NEWSBRIEF_CACHE_DIR": str(cache)}
    return subprocess.run(
        [sys.executable, "-m", "tui.cli", "search", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )


def test_a_query_may_start_with_a_minus(tmp_path: Path) -> None:
    alone = run_cli("-tariff", cache=tmp_path)
    assert alone.returncode == 2
    assert "-tariff only leaves a word out" in alone.stderr  # not "unrecognised argument"
    after_dashes = run_cli("--", "-tariff", cache=tmp_path)
    assert after_dashes.returncode == 2 and "only leaves a word out" in after_dashes.stderr
    both = run_cli("canola -tariff", "--json", cache=tmp_path)
    assert both.returncode in (0, 1) and "usage" not in both.stderr


def test_a_first_search_answers_from_the_words_and_says_the_names_are_to_come(
    tmp_path: Path,
) -> None:
    library = tmp_path / "lib"
    library.mkdir()
    (library / "a.txt").write_text("Talks\n\nAngela Merkel met Emmanuel Macron in Berlin.\n")
    (library / "b.txt").write_text("Weather\n\nRain fell on Leeds all day long.\n")
    cache = tmp_path / "cache"
    words = run_cli("merkel", str(library), cache=cache)
    assert words.returncode == 0 and words.stdout.startswith("1. Talks")
    assert "names are not indexed yet in 2 articles" in words.stderr
    names = run_cli('entity:"Angela Merkel"', str(library), cache=cache)
    assert names.returncode == 0 and names.stdout.startswith("1. Talks")
    assert "not indexed yet" not in names.stderr
    again = run_cli("merkel", str(library), cache=cache)
    assert again.stdout == words.stdout and "not indexed yet" not in again.stderr
