"""Plain text beyond the seeds: the `title\\n\\nbody` layout, wrapped text, untrusted text."""

from __future__ import annotations

from summarise.article import BlockKind
from summarise.readers import parse_text
from summarise.readers.plaintext import parse_date, split_tag_line

BBC_STYLE = (
    "Ad sales boost Time Warner profit\n\n"
    "Quarterly profits at US media giant TimeWarner jumped 76% to $1.13bn (£600m) for the three "
    "months to December, from $639m year-earlier.\n\n"
    "The firm, which is now one of the biggest investors in Google, benefited from sales of "
    "high-speed internet connections and higher advert sales. TimeWarner said fourth quarter "
    "sales rose 2% to $11.1bn from $10.9bn.\n"
)


def test_title_then_blank_line_paragraphs() -> None:
    a = parse_text(BBC_STYLE)
    assert a.title == "Ad sales boost Time Warner profit"
    assert a.dek is None
    assert [b.kind for b in a.blocks] == [BlockKind.PARAGRAPH, BlockKind.PARAGRAPH]
    assert a.blocks[0].text.startswith("Quarterly profits at US media giant")


def test_hard_wrapped_paragraphs_are_joined() -> None:
    body = (
        "The council voted on Tuesday to approve the new budget for the coming year,\n"
        "which includes funding for road repairs and two new libraries in the east of\n"
        "the city. Officials said the plan was the largest in a decade.\n"
        "\n"
        "Opposition members said the spending was reckless and that taxes would have\n"
        "to rise within two years to pay for it. The mayor rejected that claim and\n"
        "said the city had reserves to cover any shortfall in the near term.\n"
    )
    a = parse_text("Council approves budget\n\n" + body)
    assert len(a.blocks) == 2
    assert a.blocks[0].text.startswith("The council voted")
    assert "in the east of the city." in a.blocks[0].text


def test_byline_and_dateline_are_metadata() -> None:
    text = (
        "Storm closes ports\n\nBy Jane Doe and Sam Roe\nPublished January 13, 2026\n\n"
        "Heavy winds closed three ports on Monday, officials said.\n"
    )
    a = parse_text(text)
    assert a.byline == "Jane Doe and Sam Roe"
    assert a.date == "2026-01-13"
    assert [b.text for b in a.blocks] == [
        "Heavy winds closed three ports on Monday, officials said."
    ]


def test_dates_in_common_forms() -> None:
    assert parse_date("13 Jan 2026") == "2026-01-13"
    assert parse_date("Updated: Sept. 4, 2025 at 5:30 p.m. ET") == "2025-09-04"
    assert parse_date("2024-02-29") == "2024-02-29"
    assert parse_date("The plan was agreed in 2024") is None


def test_markup_and_escapes_survive_only_as_plain_text() -> None:
    evil = "Headline [bold]x[/bold]\n\n[Reuters] Acme \x1b[31mred\x1b[0m rose\u202e gnp.\x07\n"
    a = parse_text(evil)
    assert a.title == "Headline [bold]x[/bold]"
    text = a.blocks[0].text
    assert text.startswith("[Reuters] Acme ")
    assert "\x1b" not in text and "\x07" not in text and "\u202e" not in text


def test_dash_attribution_makes_a_quote() -> None:
    text = (
        "Mayor defends plan\n\nThe mayor spoke at length on Monday about the budget and its "
        "critics, who say it spends too much.\n\nWe will not apologise for investing.\n"
        "— Mayor Ana Ruiz\n\nThe vote is next week.\n"
    )
    a = parse_text(text)
    quote = a.quotes()[0]
    assert quote.text == "We will not apologise for investing."
    assert quote.speaker == "Mayor Ana Ruiz"


def test_tag_line_split_uses_the_article_words() -> None:
    body = "Justin Trudeau spoke on trade with China and Canada about the USMCA."
    assert split_tag_line("ChinaCanadaJustin TrudeautradeUSMCA", body) == [
        "China",
        "Canada",
        "Justin Trudeau",
        "trade",
        "USMCA",
    ]


def test_same_text_same_id_and_different_text_different_id() -> None:
    assert parse_text(BBC_STYLE).id == parse_text(BBC_STYLE).id
    assert parse_text(BBC_STYLE).id != parse_text(BBC_STYLE + "\nMore.").id


def test_a_headline_that_is_also_a_section_name_is_kept_as_the_headline() -> None:
    short = parse_text("Markets\n\nShares rose in Tokyo as the yen fell.\n")
    assert short.title == "Markets" and short.section is None
    assert [b.text for b in short.blocks] == ["Shares rose in Tokyo as the yen fell."]
    labelled = parse_text("Markets\n\nYen falls\n\nShares rose in Tokyo as the yen fell.\n")
    assert (labelled.section, labelled.title) == ("Markets", "Yen falls")
