"""Per-article summaries through one call: every method, lengths, order, positions."""

from __future__ import annotations

import pytest

from summarise.article import Article
from summarise.language.summarisers import (
    DEFAULT_METHOD,
    METHODS,
    SummaryError,
    default_length,
    resolve_length,
    summarise,
)
from summarise.language.text import article_sentences
from summarise.readers import parse_text


@pytest.mark.parametrize("method", METHODS)
def test_every_method_gives_n_sentences_in_article_order(
    seeds: dict[str, Article], method: str
) -> None:
    article = seeds["000"]
    summary = summarise(article, method, sentences=4)
    indexes = [s.index for s in summary.sentences]
    assert len(indexes) == 4
    assert indexes == sorted(indexes)
    assert summary.total_sentences == len(article_sentences(article))


def test_sentences_point_back_into_the_article(seeds: dict[str, Article]) -> None:
    article = seeds["002"]
    for s in summarise(article, sentences=5).sentences:
        assert article.blocks[s.block].text[s.start : s.end] == s.text


def test_ratio_is_a_share_not_a_count(seeds: dict[str, Article]) -> None:
    article = seeds["000"]
    total = len(article_sentences(article))
    assert len(summarise(article, "lexrank", ratio=0.4).sentences) == round(total * 0.4)
    assert len(summarise(article, ratio=0.01).sentences) == 1


def test_lead_is_the_first_sentences(seeds: dict[str, Article]) -> None:
    article = seeds["003"]
    assert [s.index for s in summarise(article, "lead", sentences=3).sentences] == [0, 1, 2]


def test_default_length_and_method(seeds: dict[str, Article]) -> None:
    assert DEFAULT_METHOD == "newsrank"
    assert default_length(40) == 7 and default_length(10) == 3 and default_length(2) == 2
    article = seeds["000"]
    assert len(summarise(article).sentences) == default_length(len(article_sentences(article)))


def test_default_summary_of_seed_leads_with_the_news(seeds: dict[str, Article]) -> None:
    # The ranker's position prior and centrality both favour the opening of 002.
    first = summarise(seeds["002"], sentences=3).sentences[0]
    assert first.text.startswith("Prime Minister Mark Carney arrived in Beijing")


def test_bad_lengths_and_methods_are_clear_errors(seeds: dict[str, Article]) -> None:
    article = seeds["000"]
    with pytest.raises(SummaryError, match="unknown method 'bogus'"):
        summarise(article, "bogus")
    with pytest.raises(SummaryError, match="at least 1"):
        resolve_length(10, sentences=0)
    with pytest.raises(SummaryError, match="above 0 and at most 1"):
        resolve_length(10, ratio=1.5)
    with pytest.raises(SummaryError, match="not both"):
        resolve_length(10, sentences=2, ratio=0.5)


def test_more_sentences_than_the_article_has(seeds: dict[str, Article]) -> None:
    article = seeds["003"]
    total = len(article_sentences(article))
    assert len(summarise(article, "textrank", sentences=500).sentences) == total


@pytest.mark.parametrize("sentences", [350, 2500])
def test_long_articles_are_summarised(sentences: int) -> None:
    # Past 300 sentences the ranker uses sparse matrices, past 1,000 it ranks in windows (a
    # 2 MB article used to take a gigabyte); either way the summary comes back whole.
    topics = ["tariffs on steel", "talks in Beijing", "canola exports", "electric vehicles"]
    body = "\n\n".join(
        f"Sentence {i} says the minister spoke about {topics[i % 4]} and trade on day {i}."
        for i in range(sentences)
    )
    article = parse_text(f"A very long article\n\n{body}\n")
    result = summarise(article, "newsrank", sentences=5)
    assert len(result.sentences) == 5
    assert len({s.text for s in result.sentences}) == 5


def test_a_short_summary_of_a_news_story_keeps_its_top() -> None:
    # An inverted pyramid: the lead states the story, later paragraphs take up its words and
    # add background. A three-sentence summary of twelve (ranked by directed centrality) keeps
    # the lead. (bench/summary_quality.py measures the gain on CNN/DailyMail's highlights.)
    article = parse_text(
        "Council passes budget\n\n"
        "The city council approved a budget for schools and parks on Monday after a debate.\n\n"
        "The budget gives schools more teachers and parks more staff from next spring.\n\n"
        "Council members said the schools needed the money most after years of cuts.\n\n"
        "Parks will get new playgrounds and longer opening hours under the budget.\n\n"
        "The debate on Monday lasted more than six hours before the council voted.\n\n"
        "Teachers welcomed the budget, saying schools had waited too long for staff.\n\n"
        "The mayor first proposed the plan for schools and parks in her campaign.\n\n"
        "Opponents on the council argued that taxes would have to rise to pay for it.\n\n"
        "A similar budget was rejected by the council two years ago by one vote.\n\n"
        "The city last built a new park in 1998, when the population was smaller.\n\n"
        "Officials expect the first new teachers to start work in the autumn term.\n\n"
        "The council will meet again next month to discuss road repairs and housing.\n"
    )
    short = summarise(article, "newsrank", sentences=3)
    assert short.sentences[0].text.startswith("The city council approved a budget")


ABOUT_THE_STRIKE = parse_text(
    "Rail strike\n\n"
    "Rail workers said they would strike next week over pay and rail safety.\n\n"
    "The weather in the north was mild for the time of year.\n\n"
    "The rail union said the strike over pay would close most rail lines.\n\n"
    "A museum in the town reopened after repairs to its roof.\n\n"
    "Rail bosses said the pay offer was fair and urged workers to call off the strike.\n\n"
    "Local football fans celebrated a late winner on Saturday.\n\n"
    "Passengers said a rail strike would leave them without a way to work.\n\n"
    "A new bakery opened on the high street with a queue outside.\n\n"
    "Ministers said talks on rail pay could resume before the strike.\n\n"
    "The library extended its opening hours during the holidays.\n"
)


def test_a_long_summary_keeps_what_the_article_is_about() -> None:
    # Half the article: the five sentences on the strike, wherever they stand, and none of the
    # asides between them (the lead method would take three asides).
    picked = summarise(ABOUT_THE_STRIKE, "newsrank", ratio=0.5).sentences
    assert all("strike" in s.text for s in picked), [s.text for s in picked]
    assert len(picked) == 5


def test_long_summaries_do_not_depend_on_the_matrix_kind(monkeypatch: pytest.MonkeyPatch) -> None:
    # Small articles use plain arrays and long ones sparse matrices; both must score alike.
    from summarise.language import ranking
    from summarise.language.text import plain_terms

    terms = [plain_terms(s.text) for s in article_sentences(ABOUT_THE_STRIKE)]
    dense = ranking.lexical_centrality(terms)
    monkeypatch.setattr(ranking, "DENSE_LIMIT", 0)
    assert ranking.lexical_centrality(terms) == pytest.approx(dense, rel=1e-6)
