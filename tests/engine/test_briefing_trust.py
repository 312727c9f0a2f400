"""What a briefing must never print: disagreements that are not, one person under two names,
outlets as organisations in the news. Each failure seen on a library nobody tuned on, pinned by
a small fixture of its own."""

from __future__ import annotations

from summarise.briefing.build import build_briefing
from summarise.entities.aliases import is_outlet, resolve_aliases
from summarise.readers import parse_text


def wire(dateline: str, text: str, date: str | None = None) -> object:
    front = f"---\ndate: {date}\n---\n\n" if date else ""
    return parse_text(f"{front}{dateline} {text}\n", suffix=".md" if date else ".txt")


def _briefing(texts: list[str]):  # type: ignore[no-untyped-def]
    articles = [parse_text(t) for t in texts]
    return build_briefing(articles)


MIDEAST = [
    "Talks on Iraq sanctions\n\nIranian Foreign Minister Kamal Kharrazi said Iraq must comply "
    "with the United Nations sanctions on Baghdad. Kharrazi spoke in Tehran on Monday about "
    "the sanctions on Iraq and the inspections.",
    "Arab ministers meet on Iraq sanctions\n\nEgyptian Foreign Minister Amr Moussa said the "
    "sanctions on Iraq were hurting Iraqi children. Moussa met Arab ministers in Cairo about "
    "the sanctions on Iraq and the inspections.",
    "Syria backs talks on Iraq sanctions\n\nSyrian Foreign Minister Farouq al-Sharaa said the "
    "sanctions on Iraq must end. Al-Sharaa spoke in Damascus about the sanctions on Iraq and "
    "the inspections.",
    # Wire copy often leaves the country out: "Foreign Minister Faris Bweiz said Lebanon ..."
    "Lebanon joins talks on Iraq sanctions\n\nForeign Minister Faris Bweiz said Lebanon "
    "wanted the sanctions on Iraq reviewed, as Iran did. Bweiz spoke in Beirut about the "
    "sanctions on Iraq and the inspections.",
    "Turkey on Iraq sanctions\n\nForeign Minister Ismail Cem said the sanctions on Iraq "
    "were costing Turkey dearly. Cem spoke in Ankara about the sanctions on Iraq and the "
    "inspections.",
    "Presidents discuss Iraq sanctions\n\nEgypt's President Hosni Mubarak and Lebanese "
    "President Elias Hrawi discussed the sanctions on Iraq. Mubarak and Hrawi met in Cairo "
    "about the sanctions on Iraq and the inspections.",
]


def test_office_holders_of_different_countries_never_disagree() -> None:
    """The foreign ministers of Iran, Egypt, Syria and Lebanon, and the presidents of Egypt
    and Lebanon, all quoted in one story: no one contradicts anyone."""
    briefing = _briefing(MIDEAST)
    assert len(briefing.stories) == 1
    assert briefing.disagreements == []


def test_two_spellings_of_one_name_never_disagree() -> None:
    briefing = _briefing(
        [
            "Korea talks\n\nSouth Korean President Kim Dae-jung met the envoy in Seoul on "
            "Monday about the North's nuclear site and the talks.",
            "Korea talks go on\n\nSouth Korean President Kim Dae Jung said the talks with the "
            "envoy about the North's nuclear site would go on.",
        ]
    )
    assert briefing.disagreements == []
    (kim,) = [p for p in briefing.people if p.name.startswith("Kim")]  # one entry, both spellings
    assert kim.articles == 2


def test_transliterations_of_one_name_are_one_person() -> None:
    # DUC 2006's Israel stories write him three ways; each was a side of its own.
    briefing = _briefing(
        [
            "Israel talks\n\nIsraeli Prime Minister Benjamin Netanyahu met the envoy in "
            "Jerusalem on Monday about the peace talks and the settlements.",
            "Israel talks go on\n\nIsraeli Prime Minister Binyamin Netanyahu said the peace "
            "talks with the envoy about the settlements would go on.",
            "Israel talks stall\n\nIsraeli Prime Minister Binyamin Natanyahu said the peace "
            "talks with the envoy about the settlements had stalled.",
        ]
    )
    assert briefing.disagreements == []
    (bibi,) = [p for p in briefing.people if "yahu" in p.name]
    assert bibi.articles == 3


def test_short_names_one_letter_apart_stay_two_people() -> None:
    aliases = resolve_aliases(
        {"Dan Smith": 3, "Don Smith": 2, "Mark Twain": 1, "Marc Twain": 1}, {}
    )
    assert aliases == {}


def test_former_holders_are_not_a_disagreement() -> None:
    briefing = _briefing(
        [
            "Election in Israel\n\nIsraeli Prime Minister Benjamin Netanyahu called an early "
            "election on Monday after his coalition collapsed in the Knesset vote.",
            "Israel votes early\n\nFormer Israeli Prime Minister Shimon Peres said the early "
            "election after the coalition collapsed in the Knesset vote was good.",
        ]
    )
    assert briefing.disagreements == []


def test_the_real_disagreement_of_the_samples_stays(seeds: dict[str, object]) -> None:
    briefing = build_briefing(list(seeds.values()))  # type: ignore[arg-type]
    (differ,) = briefing.disagreements
    assert differ.subject == "Canada's Prime Minister"
    assert sorted(side.who for side in differ.claims) == ["Justin Trudeau", "Mark Carney"]


def test_one_name_per_person_and_organisation_across_a_library() -> None:
    aliases = resolve_aliases(
        {"Bill Clinton": 27, "Clinton": 48, "Hillary Rodham Clinton": 3, "George Bush": 4,
         "George W. Bush": 20, "Bush": 30, "Kim Dae Jung": 2, "Kim Dae-jung": 9},
        {"EU": 12, "European Union": 8, "U.N.": 5, "United Nations": 7, "Reuters": 40},
        [["EU", "European Union"], ["U.N.", "United Nations"], ["Clinton", "Bill Clinton"]],
    )  # fmt: skip
    assert aliases["Clinton"] == "Bill Clinton"
    assert aliases["George Bush"] == aliases["Bush"] == "George W. Bush"
    assert aliases["Kim Dae Jung"] == "Kim Dae-jung"
    assert aliases["EU"] == "European Union" and aliases["U.N."] == "United Nations"
    assert "Hillary Rodham Clinton" not in aliases and "Reuters" not in aliases


def test_an_initialism_needs_an_article_that_uses_both() -> None:
    aliases = resolve_aliases({}, {"EU": 5, "European Union": 4}, [["EU"], ["European Union"]])
    assert "EU" not in aliases


def test_outlets_are_sources_not_organisations_in_the_news() -> None:
    for outlet in ("Reuters", "BBC", "Associated Press", "Xinhua News Agency", "New York Times"):
        assert is_outlet(outlet)
    assert is_outlet("Torontoer", sources=["Torontoer"])
    for body in ("European Union", "Rosneft", "Ford Motor Co.", "Supreme Court"):
        assert not is_outlet(body)
    briefing = _briefing(
        [
            "Oil firm sold\n\nRosneft bought Yugansk on Monday, Reuters reported. The BBC said "
            "Rosneft paid $9.3bn for Yugansk at the auction in Moscow.",
            "Yukos unit sold\n\nRosneft said on Tuesday it had bought Yugansk, the BBC reported, "
            "after the auction in Moscow. Reuters said Rosneft would keep Yugansk.",
        ]
    )
    names = [o.name for o in briefing.organisations]
    assert "Reuters" not in names and "BBC" not in names


def test_wire_briefings_carry_no_dateline_and_no_cut_headlines() -> None:
    articles = [
        parse_text(
            f"SEOUL, South Korea (AP) _ U.S. President Bill Clinton won South Korea's support "
            f"Saturday for confronting North Korea over a suspected nuclear site, officials "
            f"said in report {n}.\n\nClinton met President Kim Dae-jung. The talks on the "
            f"North's nuclear site went on for hours, report {n} said.\n"
        )
        for n in range(3)
    ]
    briefing = build_briefing(articles)
    for story in briefing.stories:
        assert "(AP)" not in story.title and "SEOUL" not in story.title
        assert not story.title.endswith("…") and len(story.title.split()) <= 16
    assert all("(AP)" not in p.text and "SEOUL" not in p.text for p in briefing.key_points)
    assert not briefing.title.endswith("…")
    assert not any(s.title.endswith("..") for s in briefing.sources)


def test_points_and_figures_that_lean_on_what_the_reader_never_saw() -> None:
    from summarise.briefing.points import needs_context

    assert needs_context(
        "Legal experts said Rosneft's purchase of Yugansk would include such obligations."
    )
    assert needs_context("The board's executive committee will meet in Salt Lake next Friday.")
    assert not needs_context("Banks such as Barclays and HSBC raised their forecasts on Monday.")
    briefing = _briefing(
        [
            "Ford results\n\nFord Motor Co. reported a loss on Thursday as car sales in America "
            "fell for the third quarter running. Fourth quarter turnover was $44.7bn, compared "
            "to $45.9bn a year ago.",
            "Ford loses money\n\nFord Motor Co. said on Thursday it lost money as car sales in "
            "America fell again. Fourth quarter turnover was $44.7bn, compared to $45.9bn a "
            "year ago.",
        ]
    )
    # The figure names no one: whose turnover? It is not shown as a key figure.
    assert not any("turnover was $44.7bn" in f.text for f in briefing.key_figures)


SHARED_SURNAME = (
    "Murray back for Scotland\n\n"
    "Scotland prop Euan Murray returns against Wales on Saturday after injury, and his "
    "namesake Scott Murray keeps his place in the second row for the match.\n\n"
    '"I\'m just happy to be back playing and be involved with the squad," said Murray on '
    "Tuesday at the team hotel in Edinburgh.\n"
)


def test_a_quote_by_a_shared_surname_goes_to_one_person_whatever_the_process() -> None:
    """'said Murray' with Euan and Scott Murray in the article: the speaker the recogniser
    reads there, the same in every process (it depended on a set's hash order: one run
    credited Euan, another Scott)."""
    import os
    import subprocess
    import sys

    script = (
        "import sys; from summarise.readers import parse_text; "
        "from summarise.library.analysis import analyse; "
        "print([q.speaker for q in analyse(parse_text(sys.stdin.read())).quotes])"
    )
    speakers = {
        subprocess.run(
            [sys.executable, "-c", script],
            input=SHARED_SURNAME,
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
            check=True,
        ).stdout.strip()
        for seed in range(8)
    }
    assert len(speakers) == 1, speakers
    (said,) = speakers
    assert said == "['Euan Murray']"  # the one the article introduced first
