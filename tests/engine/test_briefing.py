"""The one-page briefing: content, references, redundancy, the budget, formats, the command."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summarise.article import Article
from summarise.briefing.build import Briefing, BriefingError, build_briefing
from summarise.briefing.points import REDUNDANT, cosine, needs_context, numbers, stance
from summarise.briefing.render import to_data, to_html, to_markdown, to_text
from summarise.language.text import article_sentences, content_terms
from summarise.library.analysis import AnalysisCache, analyse_all
from summarise.readers import load_paths, parse_text
from tests.conftest import SEEDS
from tests.engine.test_seed_articles import BOILERPLATE
from tui.cli import main

ARTICLES = load_paths([SEEDS]).articles


def says(sentence: str, point: str) -> bool:
    """The attribution rule the briefing promises: the sentence holds every number of the
    point and at least half of its content words, and does not say the opposite (a fall for a
    rise, "not" for a plain statement)."""
    wanted = set(content_terms(point))
    shared = wanted & set(content_terms(sentence))
    return (
        numbers(point) <= numbers(sentence)
        and len(shared) >= len(wanted) / 2
        and stance(sentence) == stance(point)
    )


def check_valid(briefing: Briefing, articles: list[Article], words: int) -> None:
    """What any briefing must satisfy, whatever its input."""
    count = len(briefing.sources)
    by_id = {a.id: a for a in articles}
    assert briefing.body_words() <= words
    # Sources: exactly the articles the page names, numbered 1..n; the scope counts them all.
    assert [s.number for s in briefing.sources] == list(range(1, count + 1))
    assert briefing.scope.startswith(f"{len(articles)} article")
    named = {n for p in briefing.key_points + briefing.key_figures for n in p.sources}
    named |= {n for q in briefing.quotes for n in q.sources}
    named |= {n for d in briefing.disagreements for side in d.claims for n in side.sources}
    named |= {n for story in briefing.stories for n in story.covering}
    assert named == set(range(1, count + 1))
    assert briefing.key_points, "a briefing always has at least one key point"
    assert briefing.key_points == [p for s in briefing.stories for p in s.points]
    numbered = {s.number: s.article_id for s in briefing.sources}
    for point in briefing.key_points + briefing.key_figures:
        assert point.sources and all(1 <= n <= count for n in point.sources)
        assert {numbered[n] for n in point.sources} == {r.article_id for r in point.refs}
        own = point.refs[0]
        # The point is its article's sentence (a wire dateline before it left out)...
        assert article_sentences(by_id[own.article_id])[own.sentence].text.endswith(point.text)
        assert not needs_context(point.text)
        # ...and every other article cited for it says it.
        for ref in point.refs[1:]:
            assert says(article_sentences(by_id[ref.article_id])[ref.sentence].text, point.text)
    for story in briefing.stories:
        cited = {n for p in story.points for n in p.sources}
        assert not cited & set(story.covering), "a covering article is not a cited one"
    for quote in briefing.quotes:
        assert all(1 <= n <= count for n in quote.sources)
        for n in quote.sources:  # each article credited with a quote holds it
            assert quote.text[:40] in by_id[numbered[n]].body_text
    terms = [frozenset(content_terms(p.text)) for p in briefing.key_points]
    for a, b in itertools.combinations(terms, 2):
        assert cosine(a, b) < REDUNDANT, "two key points say the same thing"
    rendered = to_markdown(briefing)
    for junk in BOILERPLATE:
        assert junk not in rendered


def test_seed_briefing_has_every_section_and_reports_the_disagreement() -> None:
    briefing = build_briefing(ARTICLES)
    check_valid(briefing, ARTICLES, 500)
    md = to_markdown(briefing)
    for heading in (
        "## Key points",
        "## Key figures",
        "## Who said what",
        "## People and organisations",
        "## Where sources differ",
        "## Sources",
    ):
        assert heading in md
    (differ,) = briefing.disagreements
    trudeau = next(s.number for s in briefing.sources if s.title.startswith("Trudeau’s China"))
    others = sorted(s.number for s in briefing.sources if s.number != trudeau)
    trudeau_claim = f"Justin Trudeau [{trudeau}]"
    carney_claim = "Mark Carney " + "".join(f"[{n}]" for n in others)
    # Claims in the order their first source is numbered.
    first, second = sorted([trudeau_claim, carney_claim], key=lambda c: int(c.split("[")[1][:-1]))
    assert differ.text == f"Sources differ on who is Canada's Prime Minister: {first}; {second}."
    # Each side with the sentence that says so.
    for side in differ.claims:
        assert side.sentence and side.who in side.sentence and "Prime Minister" in side.sentence
    # The five report one story, each in its own words: no sentence of one says all that a
    # point of another says ("China, as Canada's second-largest trading partner, is central to
    # that strategy" is not said by "China is Canada's second-largest trading partner"), so
    # each point cites its own article and the story lists the rest as covering it.
    (story,) = briefing.stories
    assert story.count == 5 and sorted(story.articles) == [1, 2, 3, 4, 5]
    cited = {n for p in story.points for n in p.sources}
    assert cited | set(story.covering) == {1, 2, 3, 4, 5}
    assert any("100 percent" in f.text for f in briefing.key_figures)
    speakers = {q.speaker for q in briefing.quotes}
    assert "Donald Trump" in speakers  # "U.S. President Donald Trump" on the page
    assert [n.name for n in briefing.people][:1] == ["Mark Carney"]


@pytest.mark.parametrize("words", [150, 300, 500, 900])
def test_the_word_budget_holds(words: int) -> None:
    check_valid(build_briefing(ARTICLES, words=words), ARTICLES, words)


@settings(max_examples=25, deadline=None)
@given(st.sets(st.integers(min_value=0, max_value=4), min_size=1))
def test_any_subset_gives_a_valid_briefing(chosen: set[int]) -> None:
    subset = [ARTICLES[i] for i in sorted(chosen)]
    check_valid(build_briefing(subset), subset, 500)


def test_one_article_gives_a_sensible_briefing() -> None:
    (article,) = [a for a in ARTICLES if a.title.startswith("Carney in Beijing")]
    briefing = build_briefing([article])
    check_valid(briefing, [article], 500)
    assert briefing.disagreements == []
    assert briefing.scope.startswith("1 article ·")
    assert len(briefing.key_points) >= 4


def test_nothing_to_brief_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(BriefingError, match="no articles to brief"):
        build_briefing([])
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["brief", str(empty)]) == 2
    assert f"no articles to brief in {empty}" in capsys.readouterr().err


def test_untrusted_text_is_escaped_in_every_format() -> None:
    evil = parse_text(
        "[Reuters] Acme <script>alert(1)</script> *wins*\n\n"
        "Acme Corp said on Monday that its <b>profits</b> rose 25% to $3bn, beating "
        "[forecasts](javascript:alert(1)) by a wide margin, and it will pay a dividend.\n"
    )
    briefing = build_briefing([evil])
    md = to_markdown(briefing)
    assert "<script>" not in md and "\\<script\\>" in md
    assert "\\[forecasts\\](javascript" in md and "\\<b\\>profits" in md
    page = to_html(briefing)
    assert "<script>" not in page and "&lt;script&gt;" in page and "&lt;b&gt;" in page
    assert "http" not in page  # self-contained: nothing fetched
    assert "@page" in page
    data = to_data(briefing)
    assert data["sources"][0]["title"].startswith("[Reuters] Acme <script>")


def test_text_wraps_at_80_and_json_carries_ids() -> None:
    briefing = build_briefing(ARTICLES)
    assert max(len(line) for line in to_text(briefing).splitlines()) <= 80
    data = to_data(briefing)
    ids = {a.id for a in ARTICLES}
    for point in data["key_points"]:
        assert point["sentences"] and all(s["article_id"] in ids for s in point["sentences"])
    assert data["words"] <= data["word_budget"] == 500
    assert sorted(s["article_id"] for s in data["sources"]) == sorted(a.id for a in ARTICLES)


def test_analysis_is_cached_by_content(tmp_path: Path) -> None:
    cache = AnalysisCache(tmp_path / "analysis.db")
    first = analyse_all(ARTICLES, cache)
    again = AnalysisCache(tmp_path / "analysis.db").get_many(a.id for a in ARTICLES)
    assert [again[a.id] for a in ARTICLES] == first
    assert build_briefing(ARTICLES, cache=cache).key_points == build_briefing(ARTICLES).key_points


def test_analyses_unused_for_months_are_pruned(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import summarise.library.analysis as analysis

    start = 1_700_000_000.0
    monkeypatch.setattr(analysis, "_now", lambda: start)
    cache = AnalysisCache(tmp_path / "analysis.db")
    analyse_all(ARTICLES, cache)
    cache.close()
    # Two months on, one article is briefed again; a month after that, the rest are idle for
    # three months and go, while the one read recently stays.
    monkeypatch.setattr(analysis, "_now", lambda: start + 60 * 86400)
    AnalysisCache(tmp_path / "analysis.db").get_many([ARTICLES[0].id])
    monkeypatch.setattr(analysis, "_now", lambda: start + 91 * 86400)
    kept = AnalysisCache(tmp_path / "analysis.db").get_many(a.id for a in ARTICLES)
    assert set(kept) == {ARTICLES[0].id}


def test_sources_show_paths_as_typed_and_json_keeps_them_whole(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    briefing = build_briefing(ARTICLES)
    first = briefing.sources[0].path
    assert first is not None and Path(first).is_absolute()
    relative = Path(first).relative_to(SEEDS.parent).as_posix()
    monkeypatch.chdir(SEEDS.parent)
    for rendered in (to_markdown(briefing), to_text(briefing), to_html(briefing)):
        assert relative in rendered and first not in rendered
    assert to_data(briefing)["sources"][0]["path"] == first
    # Outside the working directory the path stays whole (or starts at ~).
    monkeypatch.chdir(tmp_path)
    assert first in to_markdown(briefing) or "~/" in to_markdown(briefing)


def article(title: str, *paragraphs: str) -> Article:
    return parse_text(title + "\n\n" + "\n\n".join(paragraphs) + "\n")


HARBOUR = [
    article(
        "Harbour dredging plan approved",
        "The Port of Kelso approved a plan on Tuesday to dredge the harbour channel so that "
        "larger container ships can berth at the port.",
        "Kelso fishermen oppose the harbour dredging, saying silt will drive cod from grounds "
        "their families have fished for generations.",
    ),
    article(
        "Kelso port votes to deepen harbour",
        "The Port of Kelso voted on Tuesday to dredge its harbour channel for larger container "
        "ships, despite protests from local fishermen.",
        "Dredging of the Kelso harbour will begin in spring once the cod fishing season ends.",
    ),
    article(
        "Fishermen protest Kelso harbour dredging",
        "Kelso fishermen protested outside the port offices against the harbour dredging plan "
        "approved by the Port of Kelso on Tuesday.",
        "The fishermen say dredging silt will drive cod away from the Kelso grounds.",
    ),
]
FOOTBALL = [
    article(
        "Rovers beat United in cup final",
        "Ashby Rovers beat Delford United in the county cup final on Saturday with a late "
        "header from striker Tomas Berg.",
        "Berg scored in the ninetieth minute after United had dominated the cup final.",
    ),
    article(
        "Berg header wins cup for Rovers",
        "Striker Tomas Berg headed Ashby Rovers to victory over Delford United in the county "
        "cup final on Saturday.",
        "Rovers manager Lena Holt praised Berg after the cup final win over United.",
    ),
]


def test_two_stories_mixed_in_one_folder_come_apart() -> None:
    mixed = [HARBOUR[0], FOOTBALL[0], HARBOUR[1], FOOTBALL[1], HARBOUR[2]]
    briefing = build_briefing(mixed)
    check_valid(briefing, mixed, 500)
    numbered = {s.number: s.article_id for s in briefing.sources}
    told = [{numbered[n] for n in story.articles} for story in briefing.stories]
    assert sorted(told, key=len) == [{a.id for a in FOOTBALL}, {a.id for a in HARBOUR}]
    assert [s.count for s in briefing.stories] == [3, 2]  # the bigger story first


def test_a_figure_is_never_credited_to_an_article_without_it() -> None:
    with_figures = article(
        "Acme profit jumps",
        "Acme Corporation said on Monday that its annual profit rose 25% to $3bn in the year "
        "to March, helped by strong sales of its engines.",
        "Acme Corporation shares rose after the results were published in London.",
    )
    without = article(
        "Acme profit up on engine sales",
        "Acme Corporation said on Monday that its annual profit rose sharply in the year to "
        "March, helped by strong sales of its engines.",
        "Acme Corporation shares rose after the results were published in London.",
    )
    briefing = build_briefing([with_figures, without])
    check_valid(briefing, [with_figures, without], 500)
    numbered = {s.article_id: s.number for s in briefing.sources}
    for point in briefing.key_points + briefing.key_figures:
        if "25%" in point.text or "$3bn" in point.text:
            assert numbered[without.id] not in point.sources
    # The sentence both hold word for word is said once and cites both.
    shared = [p for p in briefing.key_points if p.text.startswith("Acme Corporation shares")]
    assert [sorted(p.sources) for p in shared] in ([], [sorted(numbered.values())])


def test_a_point_is_never_credited_to_an_article_that_says_the_opposite() -> None:
    risen = article(
        "Mortgage approvals rise",
        "The number of mortgages approved in the UK has risen for the first time since May "
        "last year, according to lending figures from the Bank of England.",
        "Mortgage lending in the UK rose in December, the Bank of England said in London.",
    )
    also_risen = article(
        "Bank of England says mortgage approvals up",
        "Lending figures from the Bank of England show the number of mortgages approved in the "
        "UK has risen for the first time since May last year.",
        "Mortgage lending in the UK rose in December, the Bank of England said in London.",
    )
    fallen = article(
        "Mortgage approvals fall",
        "Lending figures from the Bank of England show the number of mortgages approved in the "
        "UK has fallen for the first time since May last year.",
        "Mortgage lending in the UK fell in December, the Bank of England said in London.",
    )
    library = [risen, also_risen, fallen]
    briefing = build_briefing(library)
    check_valid(briefing, library, 500)
    numbered = {s.article_id: s.number for s in briefing.sources}
    about_a_rise = [p for p in briefing.key_points if "risen" in p.text or "rose" in p.text]
    assert about_a_rise, "the story's point is about the rise most reports give"
    for point in about_a_rise:
        assert numbered.get(fallen.id) not in point.sources
        # the report that says the same thing in other words is cited for it
        assert {numbered[risen.id], numbered[also_risen.id]} <= set(point.sources)


def test_a_point_never_opens_with_a_reference_the_page_has_not_given() -> None:
    dangling = article(
        "Globex results",
        "Its profit rose for the third year running, beating forecasts by a wide margin.",
        "He said the company would open three new factories in Europe next year.",
        "Globex, the engine maker based in Leeds, reported record sales of turbines to "
        "airlines in Asia and the Middle East.",
        "However, analysts warned that rising costs for steel could hurt Globex next year.",
    )
    briefing = build_briefing([dangling])
    check_valid(briefing, [dangling], 500)
    openings = [p.text.split()[0] for p in briefing.key_points + briefing.key_figures]
    assert openings and not {"Its", "He", "However,"} & set(openings)
    assert any(p.text.startswith("Globex, the engine maker") for p in briefing.key_points)


def test_a_point_never_points_back_to_what_the_page_has_not_given() -> None:
    # The sample corpus offered "China ... is central to that strategy." as a point.
    assert "central to that strategy" not in to_markdown(build_briefing(ARTICLES))
    assert needs_context("China, as Canada's largest partner, is central to that strategy.")
    assert needs_context("Officials said these measures would cut imports of steel by half.")
    # "said that ...", "those who ...", "this week", "in that it ..." and a clause the sentence
    # has just given point at nothing the page lacks.
    assert not needs_context("Officials said that trade talks would resume in Beijing in May.")
    assert not needs_context("Workers at the plant said those who lost their jobs were paid.")
    assert not needs_context("Carney flew to Beijing this week for talks on tariffs and canola.")
    assert not needs_context("The ruling matters in that it binds every court in the province.")
    assert not needs_context("Independents can vote in the primary, and this could help McCain.")
