"""`newsbrief follow`: people, organisations and searches followed like feeds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.engine.update_library import write_library
from tui.cli import main


@pytest.fixture(autouse=True)
def own_state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSBRIEF_DATA_DIR", str(tmp_path / "data"))


def _library(folder: Path, hillary: bool = False) -> Path:
    """Two reports that name Bill Clinton in full and one that says only Clinton; with
    `hillary`, one about Hillary Clinton's senate campaign too."""
    folder.mkdir(exist_ok=True)
    texts = {
        "a.md": "President Bill Clinton met the Irish prime minister in Washington on Monday. "
        "Clinton said the peace talks in Belfast would resume within a month.",
        "b.md": "Bill Clinton signed the budget bill on Tuesday after weeks of argument in "
        "Congress. The White House said President Clinton would travel to Ohio next week.",
        "c.md": "Clinton told reporters at the White House that the budget would cut the "
        "deficit. Aides said the president was pleased with the vote in Congress.",
        "d.md": "Hillary Rodham Clinton opened her senate campaign in New York on Wednesday. "
        "Hillary Rodham Clinton said schools would be her first concern.",
        "e.md": "Farmers in Iowa said the drought had cut the corn harvest by a third. The "
        "state's agriculture department said prices would rise.",
    }
    if not hillary:
        del texts["d.md"]
    for name, body in texts.items():
        title = body.split(".")[0][:40]
        (folder / name).write_text(f"# {title}\n\n{body}\n")
    return folder


def test_follow_a_person_by_surname_finds_every_report_of_them_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    library = _library(tmp_path / "news")
    assert main(["follow", "Bill Clinton", str(library)]) == 0
    assert capsys.readouterr().out.strip() == "following Bill Clinton: 3 articles, 3 unread"
    assert main(["follow", "clinton", str(library)]) == 0
    assert capsys.readouterr().out.strip() == (
        "following clinton (as Bill Clinton): 3 articles, 3 unread"
    )
    # Once the library has another Clinton, a bare "Clinton" could be either: it is not
    # counted for him (a wrong attribution is worse than a missing one), nor is she.
    _library(library, hillary=True)
    assert main(["follow", "--list", str(library), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows[0] == {
        "name": "Bill Clinton",
        "kind": "name",
        "resolved": "Bill Clinton",
        "articles": 2,
        "unread": 2,
    }


def test_follow_a_search_and_brief_only_what_it_finds(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    library = write_library(tmp_path / "news")
    assert main(["follow", "--query", "flood OR river", str(library)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("following search flood OR river: 5 articles, 5 unread")
    assert main(["brief", str(library), "--follow", "flood OR river", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["scope"].startswith("5 articles")
    assert all("Preston" not in s["title"] for s in data["stories"])


def test_unfollow_is_case_blind_and_a_mistake_says_what_to_do(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    library = _library(tmp_path / "news")
    assert main(["follow", "Bill Clinton", str(library)]) == 0
    assert main(["follow", "Bill Clinton", str(library)]) == 0
    assert capsys.readouterr().out.splitlines()[-1].startswith("already following Bill Clinton")
    assert main(["unfollow", "bill clinton"]) == 0
    assert capsys.readouterr().out.strip() == "no longer following Bill Clinton"
    assert main(["unfollow", "Bill Clinton"]) == 2
    assert "you do not follow 'Bill Clinton'" in capsys.readouterr().err
    assert main(["follow", "--list", str(library)]) == 0
    assert "you follow nothing yet" in capsys.readouterr().err


def test_follow_needs_a_name_or_a_query(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["follow"]) == 2
    assert "give a NAME or --query QUERY" in capsys.readouterr().err
    assert main(["follow", "--query", "AND"]) == 2
