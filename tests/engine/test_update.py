"""What's new: update briefings (`brief --since`, `brief --new`) and dated timelines."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from summarise.briefing.points import content_pairs
from summarise.library.state import StateStore
from tests.engine.update_library import EARLIER, EARLIER_SENTENCE, write_library
from tui.cli import main


@pytest.fixture(autouse=True)
def own_state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """What was read and told is each test's own."""
    monkeypatch.setenv("NEWSBRIEF_DATA_DIR", str(tmp_path / "data"))


def brief_json(args: list[str], capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    assert main(["brief", *args, "--json"]) == 0
    data: dict[str, Any] = json.loads(capsys.readouterr().out)
    return data


def cited_days(data: dict[str, Any]) -> dict[int, str | None]:
    return {s["number"]: s["date"] for s in data["sources"]}


def test_an_update_tells_only_what_is_new_and_says_which_stories_go_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    library = write_library(tmp_path / "news")
    data = brief_json([str(library), "--since", EARLIER], capsys)
    days = cited_days(data)
    told = [*data["key_points"], *data["key_figures"]]
    assert told
    for point in told:
        assert all(days[n] and days[n] >= EARLIER for n in point["sources"]), point
    for quote in data["quotes"]:
        assert all(days[n] and days[n] >= EARLIER for n in quote["sources"]), quote
    # The new articles repeat an earlier report's sentence word for word: it is not news.
    texts = [p["text"] for p in told]
    assert EARLIER_SENTENCE not in texts
    # Nor is any point three tenths the same as a sentence of an earlier article.
    earlier = [
        content_pairs(s)
        for path in sorted(library.glob("*.md"))
        if path.read_text().split("date: ")[1][:10] < EARLIER
        for s in path.read_text().split("---")[-1].replace("\n\n", " ").split(". ")
    ]
    for text in texts:
        pairs = content_pairs(text)
        assert all(len(pairs & e) < 0.3 * len(pairs) for e in earlier), text
    # What happened is there: the wall gave way, an election was called.
    assert any("flood wall" in t and "gave way" in t for t in texts)
    assert any("snap election" in t for t in texts)
    statuses = {s["title"]: s["status"] for s in data["stories"]}
    flood = next(s for s in data["stories"] if "Lune" in s["title"] or "Lancaster" in s["title"])
    assert flood["status"] == "developing: 3 earlier articles since 2026-03-02; 2 new"
    assert flood["earlier"] == 3 and flood["earlier_since"] == "2026-03-02"
    election = next(s for s in data["stories"] if "Preston" in s["title"])
    assert election["status"] == "new", statuses
    assert data["known"] == f"articles dated before {EARLIER}"
    assert data["scope"].startswith("4 new articles")


def test_a_timeline_is_dated_from_the_text_oldest_first_and_never_after_its_sources(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    library = write_library(tmp_path / "news")
    data = brief_json([str(library), "--since", EARLIER], capsys)
    days = cited_days(data)
    flood = next(s for s in data["stories"] if "Lune" in s["title"] or "Lancaster" in s["title"])
    lines = flood["timeline"]
    assert [line["date"] for line in lines] == sorted(line["date"] for line in lines)
    assert len({line["date"] for line in lines}) == len(lines), "one line a day"
    for line in lines:
        assert all(days[n] and line["date"] <= days[n] for n in line["sources"]), line
    by_day = {line["date"]: line["text"] for line in lines}
    # "gave way on Thursday" in the report of Friday 6 March: Thursday 5 March.
    assert "gave way on Thursday" in by_day["2026-03-05"]
    # The story's start, known to the reader, is on its timeline all the same.
    assert "2026-03-02" in by_day
    # Plans never date a line: polling stations open on April 2, after every article.
    assert all(line["date"] <= "2026-03-07" for s in data["stories"] for line in s["timeline"])


def test_every_format_shows_the_timeline_and_the_story_status(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    library = write_library(tmp_path / "news")
    for name, marks in {
        "b.md": ("**Timeline**", "- 2026-03-05: ", "Developing: 3 earlier articles"),
        "b.txt": ("Timeline:", "2026-03-05", "Developing: 3 earlier articles"),
        "b.html": ('class="timeline"', "2026-03-05", "Developing: 3 earlier articles"),
    }.items():
        target = tmp_path / name
        assert main(["brief", str(library), "--since", EARLIER, "-o", str(target)]) == 0
        text = target.read_text()
        for mark in marks:
            assert mark in text, (name, mark)


def test_undated_articles_count_as_new_and_the_page_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    library = write_library(tmp_path / "news", undated=True)
    data = brief_json([str(library), "--since", EARLIER], capsys)
    assert data["scope"].startswith("5 new articles")
    assert "1 undated, counted as new" in data["scope"]
    assert any("Heysham" in p["text"] for p in data["key_points"])


def test_nothing_new_is_said_in_one_line_and_is_not_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    library = write_library(tmp_path / "news")
    assert main(["brief", str(library), "--since", "2026-04-01"]) == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.strip().startswith("newsbrief: nothing new: every article is one of")


def test_brief_new_tells_each_article_once_then_only_what_came_after(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    library = write_library(tmp_path / "news")
    first = brief_json([str(library), "--new"], capsys)
    assert first["scope"].startswith("7 new articles")
    with StateStore.open_default() as state:
        assert len(state.told_ids()) == 7
        assert not state.read_ids(), "a digest marks nothing read unless asked"
    assert main(["brief", str(library), "--new"]) == 0
    assert "nothing new" in capsys.readouterr().err
    # Two more reports arrive: the next digest is about them, against what was told.
    (library / "late.md").write_text(
        '---\ntitle: "Preston count delayed"\ndate: 2026-03-08\nsource: Lancaster Guardian\n'
        "---\n\nPRESTON -- The count in the Preston city council election was delayed on "
        "Sunday after a fire alarm at the town hall, the mayor Priya Okafor said.\n\n"
        "Election officials said ballot boxes were kept under guard overnight.\n"
    )
    later = brief_json([str(library), "--new", "--mark-read"], capsys)
    assert later["scope"].startswith("1 new article ")
    (story,) = later["stories"]
    assert story["status"].startswith("developing: 2 earlier articles")
    with StateStore.open_default() as state:
        assert len(state.told_ids()) == 8
        assert len(state.read_ids()) == 1


def test_brief_new_leaves_out_what_was_read_in_the_reader(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    library = write_library(tmp_path / "news")
    assert main(["list", str(library), "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    flood = [a["id"] for a in listed if "Preston" not in a["title"]]
    with StateStore.open_default() as state:
        state.set_mark(flood, "read", True)
    data = brief_json([str(library), "--new"], capsys)
    assert data["scope"].startswith("2 new articles")
    (story,) = data["stories"]
    assert "Preston" in story["title"] and story["status"] == "new"


def test_since_and_new_together_is_a_usage_mistake(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    library = write_library(tmp_path / "news")
    assert main(["brief", str(library), "--new", "--since", "7d"]) == 2
    assert "give one" in capsys.readouterr().err
    assert main(["brief", str(library), "--mark-read"]) == 2
    assert "--mark-read goes with --new" in capsys.readouterr().err


def test_the_output_name_can_carry_the_day(tmp_path: Path) -> None:
    import datetime

    library = write_library(tmp_path / "news")
    assert main(["brief", str(library), "-o", str(tmp_path / "digest-{date}.md")]) == 0
    assert (tmp_path / f"digest-{datetime.date.today().isoformat()}.md").exists()


def test_a_timeline_line_never_leans_on_the_sentence_before() -> None:
    """Past a report's lead, "The ordinance passed 7-1 on Sept. 13" names something the report
    introduced before: read alone on a timeline it says nothing, so it is not a line. The lead,
    which introduces its own subject, is."""
    from summarise.briefing.timeline import timeline
    from summarise.library.analysis import analyse
    from summarise.readers import parse_text

    article = parse_text(
        "---\ntitle: Jersey City phone ban\ndate: 2000-09-22\n---\n\n"
        "Jersey City's council voted to ban drivers from using hand-held cellular phones "
        "on Wednesday, the second New Jersey city to do so.\n\n"
        "The ordinance passed by a 7-1 vote on Sept. 13 after a long debate.\n",
        suffix=".md",
    )
    lines = [event.text for event in timeline([analyse(article)], {article.id: article.date})]
    assert any(line.startswith("Jersey City's council voted") for line in lines)
    assert not any("ordinance" in line for line in lines)


def test_no_line_or_point_starts_inside_a_quotation() -> None:
    """A sentence that closes a quotation another sentence opened cannot be read alone: the
    reader would not know it is speech, nor whose."""
    from summarise.briefing.points import needs_context
    from summarise.briefing.timeline import timeline
    from summarise.library.analysis import analyse
    from summarise.readers import parse_text

    inside = (
        "People still have an opportunity to express their view and take part,” the "
        "Republican governor said Thursday."
    )
    assert needs_context(inside)
    assert not needs_context(
        "“New York has never had a primary like that before,” Governor George Pataki said."
    )
    article = parse_text(
        "---\ntitle: New York primary\ndate: 2000-03-10\n---\n\n"
        "Governor George Pataki proposed on Monday to open New York's Republican primary "
        "ballot to every recognised candidate. “This is a change,” he said. “" + inside + "\n",
        suffix=".md",
    )
    lines = [event.text for event in timeline([analyse(article)], {article.id: article.date})]
    assert lines and not any(line.startswith("People still") for line in lines)
