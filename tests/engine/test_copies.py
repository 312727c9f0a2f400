"""The same story held twice is listed once, with its copies named."""

from __future__ import annotations

from pathlib import Path

from summarise.library.catalogue import Catalogue
from summarise.library.copies import Held, find_copies, signature
from tests.news_site import paragraphs


def _write(folder: Path, name: str, title: str, body: list[str], url: str | None = None) -> None:
    front = f'---\ntitle: "{title}"\nsource: "{name}"\n' + (f'url: "{url}"\n' if url else "")
    (folder / f"{name}.md").write_text(front + "---\n\n" + "\n\n".join(body) + "\n")


def test_wire_copies_and_a_teaser_with_its_page_are_listed_once(tmp_path: Path) -> None:
    story = paragraphs("harbour", 6)
    _write(tmp_path, "outlet-a", "Harbour plan approved", story)
    # The same wire story in another outlet's feed: its own headline and a last line of its own.
    _write(tmp_path, "outlet-b", "Council backs harbour plan", [*story, "Reporting by B staff."])
    _write(tmp_path, "other", "Railway plan delayed", paragraphs("railway", 6))  # a different story
    link = "https://news.example/bridge"
    _write(
        tmp_path, "teaser", "Bridge reopens", ["Read about the bridge…"], f"{link}?utm_source=rss"
    )
    _write(tmp_path, "page", "Bridge reopens", paragraphs("bridge", 6), link)
    catalogue = Catalogue(None, [tmp_path])
    catalogue.refresh(jobs=1)
    listed = {e.title: e for e in catalogue.listing()}
    assert sorted(listed) == [
        "Bridge reopens",
        "Council backs harbour plan",
        "Railway plan delayed",
    ]
    by_source = {e.source: e.id for e in catalogue.entries()}
    assert listed["Council backs harbour plan"].copies == (by_source["outlet-a"],)
    assert listed["Bridge reopens"].source == "page"  # the whole article stands for its teaser
    assert listed["Bridge reopens"].copies == (by_source["teaser"],)
    assert listed["Railway plan delayed"].copies == ()
    catalogue.close()


def test_outlets_reporting_one_story_in_their_own_words_are_not_copies(seeds) -> None:  # type: ignore[no-untyped-def]
    # The five samples all report Canada's trade talks with China, each in its own words.
    held = [Held(a.id, a.url, a.word_count, signature(a.body_text)) for a in seeds.values()]
    assert find_copies(held) == {}


def test_too_short_texts_are_only_matched_by_link() -> None:
    assert signature("Read about the bridge…") == b""
    held = [Held("a", "https://x.example/1", 5, b""), Held("b", "https://x.example/2", 5, b"")]
    assert find_copies(held) == {}
