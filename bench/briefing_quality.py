"""How good and how faithful briefings are, on DUC 2003 and on the libraries users have.

    python bench/briefing_quality.py ../shared/data [--clusters a-e|f-j|all]

DATA holds duc2003/ and bbc/. The DUC clusters are split by the letter that ends their names:
a-e were used to tune stories and points (stories.py, briefing/points.py); f-j were never
tuned on. Every figure is given for both halves and for all 30 clusters.

1. Summary quality: each cluster briefed on its own; the first 100 words of its key points
   scored by ROUGE-1 and ROUGE-2 recall (rouge-score, stemmed), averaged over the four human
   summaries, then over clusters. In the same run, with the same cut and datelines removed
   from every sentence: the DUC lead baseline (the newest article's first 100 words), sumy's
   LexRank and TextRank over the cluster's sentences, and a tf-idf centroid summariser.
2. Story recovery: the 326 articles as one library (and each half as its own); B-cubed
   precision, recall and F1 of `find_stories` against stories.json.
3. Attribution: every citation in the briefings of the seeds, the BBC business folder and the
   DUC library; a citation fails unless the cited article holds a sentence with every number
   of the point and at least half of its content words, and no opposite stance (a fall for a
   rise, a negation).
4. Dangling points: points whose first word refers to what the page has not given, and points
   that point back further on ("central to that strategy", "these measures").
"""

from __future__ import annotations

import argparse
import json
import math
import re
import statistics
import sys
from collections import defaultdict
from pathlib import Path

from rouge_score import rouge_scorer

from summarise.article import Article
from summarise.briefing.build import build_briefing
from summarise.briefing.points import stance
from summarise.briefing.stories import StoryItem, find_stories
from summarise.language.datelines import strip_dateline
from summarise.language.text import article_sentences, content_terms
from summarise.library.analysis import analyse
from summarise.readers import load_paths

ROOT = Path(__file__).resolve().parent.parent
CUT = 100
TUNE, HELD_OUT = "abcde", "fghij"
# The bench's own list of openings that refer back: kept apart from the product's, so that
# the count is not the product grading itself.
DANGLING_OPENINGS = {
    "it", "its", "he", "she", "they", "their", "his", "her", "this", "these", "those", "however",
    "but", "and", "also", "separately", "meanwhile", "moreover", "furthermore", "instead", "such",
}  # fmt: skip
# Also the bench's own: a demonstrative past the opening, other than the article's own time.
POINTING_BACK = re.compile(
    r"\b(?:this|these|(?:to|of|in|on|for|with|by|from|at) that) "
    r"(?!(?:week|weekend|year|month|morning|afternoon|evening|night|season|time)\b)[a-z]"
)
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def first_words(sentences: list[str], count: int = CUT) -> str:
    words: list[str] = []
    for sentence in sentences:
        words += sentence.split()
        if len(words) >= count:
            break
    return " ".join(words[:count])


# ---- the systems --------------------------------------------------------------------------


def ours(articles: list[Article]) -> list[str]:
    return [p.text for p in build_briefing(articles).key_points]


def lead(articles: list[Article]) -> list[str]:
    newest = max(articles, key=lambda a: (a.date or "", a.id))
    return [strip_dateline(s.text) for s in article_sentences(newest)]


def cluster_sentences(articles: list[Article]) -> list[str]:
    return [strip_dateline(s.text) for a in articles for s in article_sentences(a)]


def sumy_method(name: str):  # type: ignore[no-untyped-def]
    def run(articles: list[Article]) -> list[str]:
        from sumy.models.dom import ObjectDocumentModel, Paragraph
        from sumy.models.dom import Sentence as SumySentence

        from summarise.language.summarisers import _sumy_summariser
        from summarise.language.text import SumyTokenizer

        tokenizer = SumyTokenizer()
        texts = [s for s in cluster_sentences(articles) if len(s.split()) >= 5]
        sentences = [SumySentence(t, tokenizer) for t in texts]
        summariser = _sumy_summariser(name, "")
        ratings: dict[object, float] = {}

        def keep(found, count, rating, *extra, **named):  # type: ignore[no-untyped-def]
            # sumy's ranking, kept whole: its sentences are then taken best first.
            rate = rating if callable(rating) else rating.__getitem__
            ratings.update((s, rate(s, *extra, **named)) for s in found)
            return ()

        summariser._get_best_sentences = keep
        summariser(ObjectDocumentModel([Paragraph(sentences)]), len(sentences))
        ranked = sorted(range(len(texts)), key=lambda i: (-ratings[sentences[i]], i))
        return [texts[i] for i in ranked]

    return run


def centroid(articles: list[Article], df: dict[str, int], docs: int) -> list[str]:
    """tf-idf centroid (idf over all DUC articles); sentences by cosine to the centroid,
    redundant ones (cosine over 0.5 to one taken) skipped."""
    texts = [s for s in cluster_sentences(articles) if len(s.split()) >= 5]
    vectors = []
    total: dict[str, float] = defaultdict(float)
    for text in texts:
        vector: dict[str, float] = defaultdict(float)
        for term in content_terms(text):
            vector[term] += math.log(docs / (1 + df.get(term, 0)))
        vectors.append(vector)
        for term, weight in vector.items():
            total[term] += weight

    def cos(a: dict[str, float], b: dict[str, float]) -> float:
        dot = sum(w * b.get(t, 0.0) for t, w in a.items())
        na = math.sqrt(sum(w * w for w in a.values()))
        nb = math.sqrt(sum(w * w for w in b.values()))
        return dot / (na * nb) if na and nb else 0.0

    ranked = sorted(range(len(texts)), key=lambda i: (-cos(vectors[i], total), i))
    chosen: list[int] = []
    for i in ranked:
        if all(cos(vectors[i], vectors[j]) < 0.5 for j in chosen):
            chosen.append(i)
    return [texts[i] for i in chosen]


# ---- 1. summary quality -------------------------------------------------------------------


def quality(data: Path) -> None:
    root = data / "duc2003"
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2"], use_stemmer=True)
    library = load_paths([root / "clusters"]).articles
    df: dict[str, int] = defaultdict(int)
    for article in library:
        for term in set(content_terms(article.body_text)):
            df[term] += 1
    clusters: dict[str, list[Article]] = defaultdict(list)
    for article in library:
        assert article.path is not None
        clusters[article.path.parent.name].append(article)
    systems = {
        "ours (key points)": ours,
        "lead (newest article)": lead,
        "sumy LexRank": sumy_method("lexrank"),
        "sumy TextRank": sumy_method("textrank"),
        "tf-idf centroid": lambda articles: centroid(articles, df, len(library)),
    }
    scores: dict[str, dict[str, tuple[float, float]]] = defaultdict(dict)
    for name in sorted(clusters):
        refs = [p.read_text() for p in sorted((root / "refs" / name).glob("*.txt"))]
        for system, run in systems.items():
            summary = first_words(run(clusters[name]))
            r1 = statistics.mean(scorer.score(ref, summary)["rouge1"].recall for ref in refs)
            r2 = statistics.mean(scorer.score(ref, summary)["rouge2"].recall for ref in refs)
            scores[system][name] = (r1 * 100, r2 * 100)
    print("\n1. Summary quality: ROUGE recall of the first 100 words (stemmed), DUC 2003")
    print(f"   {'system':<24} {'tuning a-e':>14} {'held out f-j':>14} {'all 30':>14}")
    best_baseline = {part: 0.0 for part in ("tune", "held", "all")}
    for system, per in scores.items():
        cells = []
        for part, letters in (("tune", TUNE), ("held", HELD_OUT), ("all", TUNE + HELD_OUT)):
            chosen = [v for k, v in per.items() if k[-1] in letters]
            r1 = statistics.mean(v[0] for v in chosen)
            r2 = statistics.mean(v[1] for v in chosen)
            cells.append(f"{r1:5.1f} / {r2:5.2f}")
            if not system.startswith("ours"):
                best_baseline[part] = max(best_baseline[part], r2)
            else:
                mine = {**getattr(quality, "mine", {}), part: r2}
                quality.mine = mine  # type: ignore[attr-defined]
        print(f"   {system:<24} " + " ".join(f"{c:>14}" for c in cells))
    for part in ("tune", "held", "all"):
        ratio = quality.mine[part] / best_baseline[part]  # type: ignore[attr-defined]
        print(f"   ROUGE-2, ours over the best baseline ({part}): {100 * (ratio - 1):+.1f}%")
    print("   (cells: ROUGE-1 / ROUGE-2 recall)")


# ---- 2. story recovery --------------------------------------------------------------------


def bcubed(items: list[StoryItem], truth: dict[str, str]) -> tuple[float, float, float]:
    found = {}
    for story in find_stories(items):
        for article_id in story.article_ids:
            found[article_id] = set(story.article_ids)
    gold: dict[str, set[str]] = defaultdict(set)
    for item in items:
        gold[truth[item.id]].add(item.id)
    precision = recall = 0.0
    for item in items:
        mine, right = found[item.id], gold[truth[item.id]]
        precision += len(mine & right) / len(mine)
        recall += len(mine & right) / len(right)
    precision, recall = precision / len(items), recall / len(items)
    return precision, recall, 2 * precision * recall / (precision + recall)


def recovery(data: Path) -> None:
    root = data / "duc2003"
    stories = json.loads((root / "stories.json").read_text())
    items, truth = [], {}
    for article in load_paths([root / "clusters"]).articles:
        assert article.path is not None
        truth[article.id] = stories[str(article.path.relative_to(root / "clusters"))]
        profile = analyse(article).profile
        assert profile is not None
        items.append(
            StoryItem(article.id, article.title, article.date, article.source, profile.terms)
        )
    print("\n2. Story recovery: B-cubed against stories.json")
    for label, letters in (
        ("tuning a-e", TUNE),
        ("held out f-j", HELD_OUT),
        ("all 326", TUNE + HELD_OUT),
    ):
        chosen = [i for i in items if truth[i.id][-1] in letters]
        p, r, f = bcubed(chosen, truth)
        print(f"   {label:<14} P {p:.3f}  R {r:.3f}  F1 {f:.3f}  ({len(chosen)} articles)")


# ---- 3 and 4. attribution and dangling openings ---------------------------------------------


def numbers(text: str) -> set[str]:
    return {n.replace(",", "") for n in _NUMBER.findall(text)}


def faithful(sentence: str, point: str) -> bool:
    """Every number of the point, half of its content words, and no opposite stance (a fall
    cited for a rise, a negation for a plain statement)."""
    wanted = set(content_terms(point))
    return (
        numbers(point) <= numbers(sentence)
        and len(wanted & set(content_terms(sentence))) >= len(wanted) / 2
        and stance(sentence) == stance(point)
    )


def audit(label: str, articles: list[Article]) -> None:
    from summarise.briefing.render import to_data

    data = to_data(build_briefing(articles))
    by_id = {a.id: a for a in articles}
    citations = failed = dangling = points = 0
    for section in ("key_points", "key_figures"):
        for point in data[section]:
            points += 1
            first = point["text"].split()[0].strip("“\"'(,").lower() if point["text"] else ""
            dangling += first in DANGLING_OPENINGS or bool(POINTING_BACK.search(point["text"]))
            for ref in point["sentences"]:
                citations += 1
                sentence = article_sentences(by_id[ref["article_id"]])[ref["sentence"]].text
                failed += not faithful(sentence, point["text"])
    for quote in data["quotes"]:
        for number in quote["sources"]:
            citations += 1
            source = next(s for s in data["sources"] if s["number"] == number)
            failed += quote["text"][:40] not in by_id[source["article_id"]].body_text
    share = 100 * failed / citations if citations else 0.0
    print(
        f"   {label:<28} {citations:4} citations, {failed} fail ({share:.1f}%); "
        f"{dangling} of {points} points dangle"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, help="the folder holding duc2003/ and bbc/")
    args = parser.parse_args(argv)
    quality(args.data)
    recovery(args.data)
    print("\n3-4. Attribution and dangling points")
    audit("seeds (5)", load_paths([ROOT / "seeds"]).articles)
    audit("BBC business (503)", load_paths([args.data / "bbc" / "articles" / "business"]).articles)
    audit("DUC 2003 library (326)", load_paths([args.data / "duc2003" / "clusters"]).articles)
    return 0


if __name__ == "__main__":
    sys.exit(main())
