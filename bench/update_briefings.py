"""Update briefings and timelines on dated newswire: what is new, never what was said before.

    python bench/update_briefings.py ../shared/data [--sets duc2003,duc2006]

Each DUC 2003 cluster and DUC 2006 topic is a library of its own, opened through the product's
path (catalogue, copies folded). Its articles are sorted by date; the sixth article's day is D,
and the reader is taken to know everything dated before D. Two briefings of each library:

- update: `brief --since D`, the product's update briefing (stories found across all the
  articles, told from the new ones against the earlier ones);
- filter only: the briefing of the articles dated from D on, alone (the product before).

Printed for each, in the same run, on two variants of each set (as distributed; datelines
restyled and file names shuffled, bench/variants.py):

1. citations of articles dated before D in points, figures and quotes (must be 0);
2. repeats: points with three tenths or more of their content bigrams in one sentence of an
   earlier article; beside it the same rate for the new articles' own lead sentences (news
   repeats itself: this is the floor a writer would reach);
3. timelines: told stories with at least three dated lines (the goal: half or more), lines out
   of order, and lines dated after an article they cite (both must be 0);
4. ROUGE-2 recall of the first 100 (DUC 2003) or 250 (DUC 2006) words of the points against the
   people's summaries: those summarise the whole cluster, not the update, so this only shows
   what an update gives up by leaving out what was known; a second row scores against the same
   summaries with the sentences the earlier articles already said taken out (half or more of
   their content word pairs in the earlier text): the nearest this data has to an update
   summary written by a person;
5. the median seconds a library.

Date resolution is scored on the sentences labelled in tests/date_labels.json (written for the
project) and bench/date_labels_duc2006.json (60 DUC 2006 sentences labelled after the resolver
was written and never tuned on).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from datetime import date
from itertools import pairwise
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
# The analyses go to a cache of the bench's own, not the user's.
os.environ.setdefault("NEWSBRIEF_CACHE_DIR", tempfile.mkdtemp(prefix="nb-bench-cache-"))

from rouge_score import rouge_scorer  # noqa: E402
from variants import _body, duc2003, duc2006, make_variant  # noqa: E402

from summarise.article import Article  # noqa: E402
from summarise.briefing.model import Briefing, BriefingError  # noqa: E402
from summarise.briefing.update import Known  # noqa: E402
from summarise.language.datelines import strip_dateline  # noqa: E402
from summarise.language.text import article_sentences, content_terms  # noqa: E402
from summarise.language.when import event_date  # noqa: E402
from summarise.library.listing import Listed  # noqa: E402
from summarise.readers import load_paths  # noqa: E402
from summarise.usecases import brief_entries, open_library  # noqa: E402

REPEAT = 0.3
CUTS = {"duc2003": 100, "duc2006": 250}


def bigrams(text: str) -> set[tuple[str, str]]:
    terms = content_terms(strip_dateline(text))
    return set(pairwise(terms))


def repeats(text: str, earlier: list[set[tuple[str, str]]]) -> bool:
    mine = bigrams(text)
    if not mine:
        return False
    return any(len(mine & other) >= REPEAT * len(mine) for other in earlier)


def first_words(texts: list[str], count: int) -> str:
    words: list[str] = []
    for text in texts:
        words += strip_dateline(text).split()
    return " ".join(words[:count])


def news_only(summary: str, old: list[Article]) -> str:
    """A person's summary without the sentences the earlier articles already said (half or
    more of its content word pairs in their text): what an update summary would keep."""
    known: set[tuple[str, str]] = set()
    for article in old:
        known |= bigrams(article.body_text)
    kept = []
    for sentence in re.split(r"(?<=[.!?])\s+", summary.strip()):
        pairs = bigrams(sentence)
        if pairs and len(pairs & known) < 0.5 * len(pairs):
            kept.append(sentence)
    return " ".join(kept) or summary


# ---- date resolution -------------------------------------------------------------------------


def resolution(data: Path) -> None:
    rows = json.loads((ROOT / "tests" / "date_labels.json").read_text())["labels"]
    right = sum(
        event_date(s, date.fromisoformat(w)) == (date.fromisoformat(e) if e else None)
        for w, s, e in rows
    )
    print("Date resolution (the day a sentence dates what it reports, or none)")
    print(f"   written for the project (tests/): {right}/{len(rows)} = {right / len(rows):.3f}")
    held = json.loads((ROOT / "bench" / "date_labels_duc2006.json").read_text())["labels"]
    topics = data / "duc2006" / "topics"
    loaded = {
        a.path.relative_to(topics).as_posix(): a for a in load_paths([topics]).articles if a.path
    }
    right = 0
    for ref, index, expected in held:
        article = loaded[ref]
        fields, _ = _body(article.path.read_text("utf-8"))
        written = date.fromisoformat(fields["date"][:10])
        sentence = article_sentences(article)[index].text
        found = event_date(sentence, written)
        right += found == (date.fromisoformat(expected) if expected else None)
    print(f"   DUC 2006, held out:               {right}/{len(held)} = {right / len(held):.3f}")


# ---- update briefings ------------------------------------------------------------------------


def libraries(data: Path, which: str, out: Path, restyle: bool) -> dict[str, Path]:
    files = duc2003(data) if which == "duc2003" else duc2006(data)
    groups: dict[str, dict[Path, str]] = {}
    for path, story in files.items():
        groups.setdefault(story, {})[path] = story
    folders = {}
    for story, members in sorted(groups.items()):
        folder = out / which / ("restyled" if restyle else "plain") / story
        make_variant(members, folder, strip=False, restyle=restyle, shuffle=restyle)
        (folder / "truth.json").unlink()
        folders[story] = folder
    return folders


class Tally:
    def __init__(self) -> None:
        self.libraries = 0
        self.points = 0
        self.cited_before = 0
        self.repeating = 0
        self.stories = 0
        self.with_timeline = 0
        self.lines = 0
        self.out_of_order = 0
        self.after_source = 0
        self.rouge: list[float] = []
        self.rouge_new: list[float] = []
        self.seconds: list[float] = []
        self.nothing_new = 0

    def add(
        self,
        briefing: Briefing,
        day: str,
        dates: dict[str, str | None],
        earlier: list[set[tuple[str, str]]],
        refs: list[str],
        new_refs: list[str],
        cut: int,
        scorer: rouge_scorer.RougeScorer,
    ) -> None:
        self.libraries += 1
        by_number = {s.number: s.article_id for s in briefing.sources}
        cited = [*briefing.key_points, *briefing.key_figures]
        self.points += len(briefing.key_points)
        numbers = [n for p in cited for n in p.sources]
        numbers += [n for q in briefing.quotes for n in q.sources]
        self.cited_before += sum(
            1 for n in numbers if (d := dates.get(by_number[n])) and d[:10] < day
        )
        self.repeating += sum(repeats(p.text, earlier) for p in briefing.key_points)
        for story in briefing.stories:
            self.stories += 1
            self.with_timeline += len(story.timeline) >= 3
            self.lines += len(story.timeline)
            days = [line.date for line in story.timeline]
            self.out_of_order += sum(a > b for a, b in pairwise(days))
            for line in story.timeline:
                cited_days = [d[:10] for n in line.sources if (d := dates.get(by_number[n]))]
                self.after_source += bool(cited_days) and line.date > min(cited_days)
        summary = first_words([p.text for p in briefing.key_points], cut)
        self.rouge.append(
            statistics.mean(scorer.score(r, summary)["rouge2"].recall for r in refs) * 100
        )
        self.rouge_new.append(
            statistics.mean(scorer.score(r, summary)["rouge2"].recall for r in new_refs) * 100
        )


def _systems(
    entries: list[Listed], articles: dict[str, Article], day: str
) -> dict[str, Callable[[], Briefing]]:
    def fetch(ids: Sequence[str]) -> dict[str, Article]:
        return {i: articles[i] for i in ids if i in articles}

    since = Known(before=day, label=f"articles before {day}")
    new = [e for e in entries if e.date and e.date[:10] >= day]
    return {
        "update": lambda: brief_entries(entries, fetch, known=since).briefing,
        "filter only": lambda: brief_entries(new, fetch).briefing,
    }


def update_run(data: Path, which: str, restyle: bool, out: Path) -> None:
    scorer = rouge_scorer.RougeScorer(["rouge2"], use_stemmer=True)
    cut = CUTS[which]
    refs_root = data / which / "refs"
    tallies = {"update": Tally(), "filter only": Tally()}
    lead_repeats = leads = 0
    for story, folder in libraries(data, which, out, restyle).items():
        opened = open_library([folder])
        with opened.catalogue as catalogue:
            entries = catalogue.listing()
            articles = catalogue.articles([e.id for e in entries])
        dated = sorted((e for e in entries if e.date), key=lambda e: (e.date or "", e.id))
        if len(dated) < 7:
            continue
        day = (dated[5].date or "")[:10]
        dates = {e.id: e.date for e in entries}
        old = [articles[e.id] for e in entries if e.date and e.date[:10] < day]
        earlier = [bigrams(s.text) for a in old for s in article_sentences(a)]
        for entry in entries:
            if entry.date and entry.date[:10] >= day:
                sentences = article_sentences(articles[entry.id])
                if sentences:
                    leads += 1
                    lead_repeats += repeats(sentences[0].text, earlier)
        refs = [p.read_text(errors="replace") for p in sorted((refs_root / story).glob("*.txt"))]
        new_refs = [news_only(r, old) for r in refs]

        runs = _systems(entries, articles, day)
        for name, run in runs.items():
            start = time.perf_counter()
            try:
                briefing = run()
            except BriefingError:
                tallies[name].nothing_new += 1
                continue
            tallies[name].seconds.append(time.perf_counter() - start)
            tallies[name].add(briefing, day, dates, earlier, refs, new_refs, cut, scorer)
    label = f"{which} {'restyled, shuffled' if restyle else 'as distributed'}"
    print(f"\n{label}: {tallies['update'].libraries} libraries, D = the sixth article's day")
    print(
        f"   new articles' lead sentences repeating an earlier sentence: "
        f"{lead_repeats}/{leads} = {lead_repeats / max(leads, 1):.1%}"
    )
    head = f"   {'':<38}" + "".join(f"{n:>14}" for n in tallies)
    print(head)
    rows = [
        ("points", lambda t: f"{t.points}"),
        ("citations of articles before D", lambda t: f"{t.cited_before}"),
        ("points repeating an earlier sentence", lambda t: f"{t.repeating / max(t.points, 1):.1%}"),
        ("stories told", lambda t: f"{t.stories}"),
        (
            "stories with >= 3 timeline lines",
            lambda t: f"{t.with_timeline / max(t.stories, 1):.0%}",
        ),
        ("timeline lines", lambda t: f"{t.lines}"),
        ("lines out of order", lambda t: f"{t.out_of_order}"),
        ("lines dated after a cited article", lambda t: f"{t.after_source}"),
        (f"ROUGE-2 recall, first {cut} words", lambda t: f"{statistics.mean(t.rouge):.2f}"),
        (
            f"  against what is new in them ({cut})",
            lambda t: f"{statistics.mean(t.rouge_new):.2f}",
        ),
        ("median seconds a library", lambda t: f"{statistics.median(t.seconds):.2f}"),
        ("nothing to brief", lambda t: f"{t.nothing_new}"),
    ]
    for name, cell in rows:
        print(f"   {name:<38}" + "".join(f"{cell(t):>14}" for t in tallies.values()))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, help="the folder holding duc2003/ and duc2006/")
    parser.add_argument("--sets", default="duc2003,duc2006")
    args = parser.parse_args(argv)
    resolution(args.data)
    with tempfile.TemporaryDirectory() as out:
        for which in args.sets.split(","):
            for restyle in (False, True):
                update_run(args.data, which, restyle, Path(out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
