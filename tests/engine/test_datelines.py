"""Wire datelines in every style are taken off the lead and kept apart; untitled wire copy gets
a headline an editor would keep."""

from __future__ import annotations

import pytest

from summarise.language.datelines import find_dateline
from summarise.language.headlines import HEADLINE_WORDS, headline_from_lead, shorten
from summarise.readers import parse_text

STYLES = [
    ("WASHINGTON (AP) -- The Senate voted.", "WASHINGTON (AP)", "AP"),
    ("SEOUL, South Korea (AP) _ U.S. officials met.", "SEOUL, South Korea (AP)", "AP"),
    ("LONDON -- Shares fell.", "LONDON", None),
    ("WASHINGTON (Reuters) - The dollar rose.", "WASHINGTON (Reuters)", "Reuters"),
    ("BEIJING, Dec. 3 (Xinhua) -- China said.", "BEIJING, Dec. 3 (Xinhua)", "Xinhua"),
    ("PINE RIDGE, S.D. (AP) -- Clinton arrived.", "PINE RIDGE, S.D. (AP)", "AP"),
    ("BEIDAIHE (Hebei), March 5 (Xinhua) -- China will.",
     "BEIDAIHE (Hebei), March 5 (Xinhua)", "Xinhua"),
    ("DAR ES SALAAM, Tanzania (AP) _ A bomb exploded.", "DAR ES SALAAM, Tanzania (AP)", "AP"),
    ("Tokyo, Jan 5 (AFP) – Japan's economy shrank.", "Tokyo, Jan 5 (AFP)", "AFP"),
    ("NEW DELHI: The government said.", "NEW DELHI", None),
    ("BERLIN, June 3 (dpa) - German exports rose.", "BERLIN, June 3 (dpa)", "dpa"),
    ("(AP) -- The candidates were invited.", "(AP)", "AP"),
]  # fmt: skip


@pytest.mark.parametrize(("paragraph", "dateline", "agency"), STYLES)
def test_every_style_of_dateline_is_recognised(
    paragraph: str, dateline: str, agency: str | None
) -> None:
    found = find_dateline(paragraph)
    assert found is not None and (found.text, found.agency) == (dateline, agency)
    assert paragraph[found.end].isupper()  # the lead starts where the dateline ends


@pytest.mark.parametrize(
    "paragraph",
    [
        "The unusually destructive virus -- which spread fast -- hit.",
        "NASA -- the agency said so.",
        "Smith, Jones -- the pair went home.",
        "IBM: The company said so.",
        "US -- Something happened.",
    ],
)
def test_openings_that_are_not_datelines(paragraph: str) -> None:
    assert find_dateline(paragraph) is None


def test_an_untitled_wire_file_has_its_dateline_apart_and_a_headline() -> None:
    article = parse_text(
        "SEOUL, South Korea (AP) _ U.S. President Bill Clinton won South Korea's support "
        "Saturday for confronting North Korea over a suspected nuclear site, but the two allies "
        "differed on how hard to push.\n\nClinton met President Kim Dae-jung in Seoul. Kim "
        "said the North must open the site to inspectors. &QL;\n"
    )
    assert article.dateline == "SEOUL, South Korea (AP)"
    assert article.source == "Associated Press"
    assert article.blocks[0].text.startswith("U.S. President Bill Clinton won")
    assert "&QL;" not in article.body_text
    assert article.title == (
        "U.S. President Bill Clinton won South Korea's support for confronting North Korea"
    )


def test_markdown_wire_copy_without_a_title() -> None:
    article = parse_text(
        "---\ndate: 1998-11-21\n---\n\nWASHINGTON _ The Senate voted 52-48 on Friday to "
        "confirm the nominee after a long debate over his record on trade.\n\nMore text here.\n",
        suffix=".md",
    )
    assert article.dateline == "WASHINGTON"
    assert article.title == "The Senate voted 52-48 to confirm the nominee"
    assert article.blocks[0].text.startswith("The Senate voted")


@pytest.mark.parametrize(
    ("sentences", "wanted"),
    [
        (
            [
                "In the summer of 1995, a whiff of revolution was in the air.",
                "Netscape Communications sold shares to the public on Wednesday, and its "
                "stock more than doubled in the first hours of trading on Nasdaq.",
                "Netscape had been founded the year before.",
            ],
            "Netscape Communications sold shares to the public",
        ),
        (
            [
                "Conservatives won a major victory in Kansas on Wednesday when the state Board "
                "of Education approved new science standards that dilute evolution.",
                "The Kansas board voted 6-4.",
            ],
            "Conservatives won a major victory in Kansas",
        ),
        (
            [
                "Schizophrenia, the devastating mental illness that afflicts an estimated 2.7 "
                "million Americans, is rarely diagnosed until it becomes full-blown.",
                "Schizophrenia research is costly.",
            ],
            "Schizophrenia is rarely diagnosed until it becomes full-blown",
        ),
        (
            [
                "But scientists have long surmised that the ocean under Europa's ice could "
                "hold life, and NASA now plans a probe.",
                "NASA scientists said on Tuesday that the Europa probe would launch in 2024.",
            ],
            "NASA scientists said that the Europa probe would launch in 2024",
        ),
    ],
)
def test_headlines_name_the_actors_and_are_cut_at_a_clause(
    sentences: list[str], wanted: str
) -> None:
    assert headline_from_lead([" ".join(sentences)], sentences) == wanted


@pytest.mark.parametrize(
    "text",
    [
        "Philippine President Joseph Estrada underscored the need to step up efforts to "
        "strengthen the country's defense system against the so-called millennium bug or Y2K",
        "A " + "very " * 30 + "long headline",
        "one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen",
    ],
)
def test_a_headline_is_never_over_sixteen_words_nor_cut_with_an_ellipsis(text: str) -> None:
    cut = shorten(text)
    assert len(cut.split()) <= HEADLINE_WORDS
    assert not cut.endswith(("…", "...", ",", " the", " of"))
