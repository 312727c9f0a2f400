"""Every per-article step has a wall-clock budget that does not depend on what made it slow:
past it the command says so in one line, and other articles go on."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

import summarise.entities
import summarise.language.summarisers
import summarise.library.pool
from summarise.article import Article
from tui.cli import main

# A pattern of the kind that has made news files slow: a run of marks not followed by a space
# is rescanned from each mark: 20,000 dots take about 6 s inside the regex engine, well past the
# test's budget but never long enough to hang the suite if the budget fails.
_QUADRATIC = re.compile(r"[.!?]+[\"')]*(?=\s)")


def _stuck(*_args: object, **_kwargs: object) -> object:
    return _QUADRATIC.findall("." * 20_000)


def _article(folder: Path, name: str, body: str) -> Path:
    path = folder / name
    path.write_text(f"A headline for {name}\n\n{body}\n", "utf-8")
    return path


@pytest.fixture
def short_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(summarise.library.pool, "ITEM_BUDGET_SECONDS", 0.5)


@pytest.mark.usefixtures("short_budget")
def test_a_summary_that_cannot_finish_is_cut_with_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _article(tmp_path, "slow.txt", "One sentence here. Another one there. " * 5)
    monkeypatch.setattr(summarise.language.summarisers, "summarise", _stuck)
    started = time.monotonic()
    assert main(["summary", str(path)]) == 2
    assert time.monotonic() - started < 3  # the regex was stopped, not left to finish
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"newsbrief: {path}: took too long to summarise (over 0.5 s)"]


@pytest.mark.usefixtures("short_budget")
def test_names_of_one_slow_article_are_skipped_and_the_others_listed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    slow = _article(tmp_path, "slow.txt", "Mark Carney met Xi Jinping in Beijing on Friday.")
    fine = _article(tmp_path, "fine.txt", "Mark Carney met Xi Jinping in Beijing on Friday.")
    real = summarise.entities.find_entities

    def find(article: Article) -> object:
        if article.path == slow:
            return _stuck()
        return real(article)

    monkeypatch.setattr(summarise.entities, "find_entities", find)
    assert main(["entities", str(slow), str(fine)]) == 0
    out, err = capsys.readouterr()
    assert f"skipped {slow}: took too long to find its names (over 0.5 s)" in err
    assert "Xi Jinping" in out and "fine.txt" in out


def test_a_megabyte_of_dots_is_summarised(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The file the hostile corpus found: a headline, then 1 MB of dots (minutes before).
    path = tmp_path / "dots.txt"
    path.write_text("Headline\n\n" + "." * 1_000_000, "utf-8")
    assert main(["summary", str(path), "--json"]) == 0
    assert '"total_sentences": 1' in capsys.readouterr().out
