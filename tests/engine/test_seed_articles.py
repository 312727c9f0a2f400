"""The five scraped seed articles parse into the structure a reader sees on the page."""

from __future__ import annotations

import pytest

from summarise.article import Article, BlockKind
from summarise.language.summarisers import METHODS, summarise
from summarise.language.text import article_sentences

BOILERPLATE = [
    "Copy link",
    "Credit: Getty Images",
    "Getty Images",
    "This content was created with the help of AI.",
    "ChinaCanadaJustin TrudeautradeUSMCA",
    "Canada-China relationsMark CarneyXi JinpingTradeUS-Canada relationsTariffs",
]


def quote_by(article: Article, speaker: str) -> str:
    for block in article.blocks:
        if block.kind is BlockKind.QUOTE and block.speaker == speaker:
            return block.text
    raise AssertionError(f"no quote attributed to {speaker!r}")


def test_000_structure(seeds: dict[str, Article]) -> None:
    a = seeds["000"]
    assert a.title == "Trudeau’s China gamble: why Ottawa is rebuilding ties despite US pressure"
    assert a.section == "News"
    assert a.dek is not None and a.dek.startswith("Justin Trudeau is heading to Beijing")
    assert a.byline == "Torontoer Staff"
    assert a.source == "Torontoer"
    assert a.headings() == [
        "A clear message from Beijing",
        "Pressure from Washington",
        "Trade trade-offs at home",
        "A short history of engagement",
        "Why Ottawa is willing to take the risk",
        "What comes next",
    ]
    assert quote_by(a, "China Daily").startswith("If Ottawa still chooses to subject its China")
    assert quote_by(a, "U.S. President Donald Trump") == (
        "The agreement is irrelevant to me, I could take it or leave it."
    )
    assert len(a.bullets()) == 7
    assert a.bullets()[0].startswith("Canola exporters seek removal")
    assert a.tags == ("China", "Canada", "Justin Trudeau", "trade", "USMCA")


def test_001_structure(seeds: dict[str, Article]) -> None:
    a = seeds["001"]
    assert a.title.startswith("Canada Seeks Trade Deal as China Pushes Ottawa")
    assert a.dek is None  # its first paragraph is the lede, not a standfirst
    assert a.byline is None
    assert a.headings() == ["New commercial alliances abroad"]
    assert a.quotes() == []
    assert len(a.paragraphs()) == 4
    assert a.tags == ()


def test_002_structure(seeds: dict[str, Article]) -> None:
    a = seeds["002"]
    assert a.title == "Carney in Beijing aims to reset trade ties while risking U.S. ire"
    assert a.dek is not None and a.dek.startswith("Prime Minister Mark Carney meets Xi Jinping")
    assert a.byline == "Torontoer Staff"
    assert a.headings() == [
        "Why Ottawa is pushing for a reset",
        "Beijing’s opportunities and limits",
        "Constraints from the United States",
        "What success would look like",
        "Balancing engagement and alliance commitments",
    ]
    assert quote_by(a, "Stephen Nagy") == "We have to be very cautious about how we engage."
    assert quote_by(a, "Reza Hasmath, University of Alberta").startswith("This is just a starting")
    assert a.bullets() == [
        "Reopening technical consultations on canola duties",
        "Framework discussions on agriculture and energy cooperation",
        "Commitments to future talks on EV tariffs and market access",
        "No commitments on security, critical minerals, or sensitive technologies",
    ]
    assert a.tags == (
        "Canada-China relations",
        "Mark Carney",
        "Xi Jinping",
        "Trade",
        "US-Canada relations",
        "Tariffs",
    )


def test_003_structure(seeds: dict[str, Article]) -> None:
    a = seeds["003"]
    assert a.title.startswith("China, Canada Move to Reset Trade Ties")
    assert a.dek is None and a.byline is None
    assert a.headings() == [] and a.quotes() == [] and a.bullets() == []
    assert len(a.paragraphs()) == 5


def test_004_title_case_headings_are_not_speakers(seeds: dict[str, Article]) -> None:
    a = seeds["004"]
    assert a.title == "A Diplomatic Shift in a Tense Global Climate"
    assert a.headings() == [
        "Trade Concessions and Economic Recalibration",
        "Political Implications and Strategic Calculations",
        "A Cautious Path Forward",
    ]
    assert a.quotes() == []


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_title_appears_once_and_boilerplate_never(seeds: dict[str, Article], prefix: str) -> None:
    a = seeds[prefix]
    texts = [b.text for b in a.blocks] + [s.text for s in article_sentences(a)]
    assert a.title not in texts
    for text in texts:
        assert text not in ("News",)
        for junk in BOILERPLATE:
            assert junk not in text


@pytest.mark.parametrize("method", METHODS)
def test_summaries_never_contain_boilerplate_or_headings(
    seeds: dict[str, Article], method: str
) -> None:
    for a in seeds.values():
        summary = summarise(a, method, sentences=5)
        assert summary.sentences, f"{method} gave nothing for {a.title}"
        for s in summary.sentences:
            assert s.text not in a.headings()
            assert all(junk not in s.text for junk in BOILERPLATE)
