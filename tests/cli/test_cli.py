"""The command line as a user types it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from summarise.language.text import article_sentences
from summarise.readers import read_article
from tests.conftest import ROOT, SEEDS
from tui.cli import main


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui.cli", *args], capture_output=True, text=True, timeout=60
    )


def test_version_and_help() -> None:
    assert run("--version").stdout.strip().startswith("newsbrief ")
    help_text = run("--help").stdout
    for command in ("read", "list", "show", "summary"):
        assert command in help_text


def test_list_json_is_stable(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 5
    assert set(rows[0]) == {"id", "title", "source", "date", "words", "path", "url", "copies"}
    titles = [r["title"] for r in rows]
    assert "Carney in Beijing aims to reset trade ties while risking U.S. ire" in titles


def test_list_human_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list", str(SEEDS)]) == 0
    out, err = capsys.readouterr()
    assert len(out.splitlines()) == 5
    assert "Torontoer" in out
    assert err.strip() == "5 articles"


def test_show_by_id_prefix_and_by_path(capsys: pytest.CaptureFixture[str]) -> None:
    path = next(SEEDS.glob("002_*.txt"))
    assert main(["show", str(path), "--json"]) == 0
    by_path = json.loads(capsys.readouterr().out)
    assert main(["show", by_path["id"][:6], "--json"]) == 0
    by_id = json.loads(capsys.readouterr().out)
    assert by_id == by_path
    kinds = {b["kind"] for b in by_id["blocks"]}
    assert kinds == {"heading", "paragraph", "bullet", "quote"}
    assert {"speaker": "Stephen Nagy"}.items() <= next(
        b for b in by_id["blocks"] if b["kind"] == "quote"
    ).items()


def test_show_human_output_has_structure(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", str(next(SEEDS.glob("000_*.txt")))]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Trudeau’s China gamble")
    assert "## Pressure from Washington" in out
    assert "— U.S. President Donald Trump" in out
    assert "  • Canola exporters" in out
    assert "Copy link" not in out


def test_summary_json(capsys: pytest.CaptureFixture[str]) -> None:
    path = str(next(SEEDS.glob("000_*.txt")))
    assert main(["summary", path, "--sentences", "3", "--method", "textrank", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["method"] == "textrank" and data["focus"] is None
    assert len(data["sentences"]) == 3
    assert main(["summary", path, "--sentences", "3", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["focus"] == "top of story"
    assert {"index", "block", "start", "end", "text"} == set(data["sentences"][0])


def test_summary_ratio_human(capsys: pytest.CaptureFixture[str]) -> None:
    path = next(SEEDS.glob("003_*.txt"))
    total = len(article_sentences(read_article(path)))
    kept = round(total * 0.5)
    assert main(["summary", str(path), "--ratio", "0.5"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[1] == f"newsrank (whole article) summary, {kept} of {total} sentences"
    assert out.count("• ") == kept


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["list", "/no/such/place"], "no such file or folder: /no/such/place"),
        (["show", "zzzzzz"], "no article with id or path 'zzzzzz'"),
        (["summary", "c0b9", "--method", "bogus"], "unknown method 'bogus'"),
        (["summary", "c0b9", "--sentences", "x"], "expected a whole number, got 'x'"),
        (["summary", "c0b9", "--sentences", "0"], "at least 1"),
        (["summary", "c0b9", "--ratio", "2"], "above 0 and at most 1"),
        (["summary", "c0b9", "-n", "2", "-r", "0.5"], "not allowed with argument"),
        (["show", str(SEEDS)], "is a folder"),
        (["frobnicate"], "invalid choice"),
    ],
)
def test_user_mistakes_are_one_line_and_exit_2(args: list[str], message: str) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert message in result.stderr


def test_bad_file_in_folder_is_reported_and_the_rest_listed(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("Fine title\n\nSome body text here.\n")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01\x02binary\x00" * 50)
    result = run("list", str(tmp_path))
    assert result.returncode == 0
    assert "Fine title" in result.stdout
    assert f"newsbrief: skipped {tmp_path / 'bad.txt'}: binary data, not text" in result.stderr


def test_piping_into_head_is_not_an_error() -> None:
    result = subprocess.run(
        f"{sys.executable} -m tui.cli list | head -1",
        shell=True,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert len(result.stdout.splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_a_feed_file_is_never_shown_as_its_first_entry(
    capsys: pytest.CaptureFixture[str],
) -> None:
    feed = ROOT / "tests" / "data" / "blog-atom.xml"
    assert main(["show", str(feed)]) == 2
    error = capsys.readouterr().err
    assert "holds 2 articles" in error and "--library" in error
    assert main(["list", str(feed), "--json"]) == 0
    second = json.loads(capsys.readouterr().out)[1]
    assert main(["show", second["id"][:8], "--library", str(feed), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["title"] == second["title"]
    # Commands that take many articles take every entry.
    assert main(["entities", str(feed), "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 2


def test_a_path_alone_opens_the_reader_there(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tui.cli.reading as reading

    opened: list[list[Path]] = []
    monkeypatch.setattr(reading, "cmd_read", lambda args: opened.append(args.paths) or 0)
    assert main([str(tmp_path)]) == 0
    assert main(["./news", "--jobs", "1"]) == 0
    assert opened == [[tmp_path], [Path("news")]]
    # A word that is neither a command nor a path is still reported as a mistyped command.
    with pytest.raises(SystemExit) as stopped:
        main(["serach", "tariffs"])
    assert stopped.value.code == 2
    assert opened == [[tmp_path], [Path("news")]]


@pytest.mark.parametrize("command", ["brief", "list", "read", "show", "summary", "entities"])
def test_a_web_address_where_a_path_goes_gets_the_command_that_reads_it(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([command, "http://127.0.0.1:9/rss.xml"]) == 2
    err = capsys.readouterr().err.strip()
    assert err == (
        "newsbrief: http://127.0.0.1:9/rss.xml is a web address; to read it: newsbrief fetch URL"
    )
