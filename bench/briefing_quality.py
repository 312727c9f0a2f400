"""How good and how faithful briefings are, on DUC 2003 and on the libraries users have.

    python bench/briefing_quality.py ../shared/data [--skip-rouge]

DATA holds duc2003/, duc2006/ and bbc/. The DUC 2003 clusters are split by the letter that ends
their names: a-e were used to tune stories and points (stories.py, briefing/points.py); f-j
were never tuned on. DUC 2006 was never tuned on. Parts 2-5 run on variants of both made by
bench/variants.py (front matter kept or stripped, datelines restyled, file names shuffled),
through the product's own path (catalogue, copies folded, use cases).

1. Summary quality: each cluster briefed on its own; the first 100 words of its key points
   scored by ROUGE-1 and ROUGE-2 recall (rouge-score, stemmed), averaged over the four human
   summaries, then over clusters. In the same run, with the same cut and datelines removed
   from every sentence: the DUC lead baseline (the newest article's first 100 words), sumy's
   LexRank and TextRank over the cluster's sentences, and a tf-idf centroid summariser.
2. Story recovery: each variant as one library; B-cubed precision, recall and F1 of the
   stories found against the true clusters (DUC 2003) or topics (DUC 2006, where a topic holds
   several stories: precision is what counts there).
3. Attribution: every citation in the briefings of the seeds, the BBC business folder and every
   variant; a citation fails unless the cited article holds a sentence with every number of
   the point and at least half of its content words, and no opposite stance.
4. Dangling points: points whose first word refers to what the page has not given, and points
   that point back further on ("central to that strategy", "these measures").
5. What must never be printed: each disagreement with its label (tests/, read by a person;
   "unlabelled" until one has), unmerged aliases among the listed people and organisations,
   and headlines with a dateline, cut off or over 16 words.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import statistics
import sys
from collections import defaultdict
from pathlib import Path

from rouge_score import rouge_scorer

from summarise.article import Article
from summarise.briefing.build import build_briefing
from summarise.briefing.points import stance
from summarise.language.datelines import strip_dateline
from summarise.language.text import article_sentences, content_terms
from summarise.readers import load_paths

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
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


def greedy_points(articles: list[Article], words: int) -> list[str]:
    """The briefing's points as chosen before concept coverage was solved exactly: the greedy
    ranker (points._greedy), kept to compare in the same run."""
    from unittest import mock

    import summarise.briefing.points as points

    def greedy(found, analyses, limit, budget, taken, background=None):  # type: ignore[no-untyped-def]
        pool = [c for c in found if (c.article_id, c.info.index) not in taken]
        return points._greedy(pool, analyses, limit, budget, taken)

    with (
        mock.patch.object(points, "select", greedy),
        mock.patch("summarise.briefing.build.select", greedy),
    ):
        return [p.text for p in build_briefing(articles, words=words).key_points]


def _clusters(root: Path, folder: str) -> dict[str, list[Article]]:
    found: dict[str, list[Article]] = defaultdict(list)
    for article in load_paths([root / folder]).articles:
        assert article.path is not None
        found[article.path.parent.name].append(article)
    return found


def quality(data: Path) -> None:
    """ROUGE of every system on DUC 2003 (100 words; tuning and held-out halves) and DUC 2006
    (250 words; never tuned on; people answered a topic statement, so compare the systems with
    each other), with the paired difference of ours and the best other system."""
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2"], use_stemmer=True)
    for label, root, folder, cut in (
        ("DUC 2003", data / "duc2003", "clusters", 100),
        ("DUC 2006", data / "duc2006", "topics", 250),
    ):
        clusters = _clusters(root, folder)
        library = [a for group in clusters.values() for a in group]
        df: dict[str, int] = defaultdict(int)
        for article in library:
            for term in set(content_terms(article.body_text)):
                df[term] += 1
        words = 500 if cut == 100 else 700  # the points get half of a briefing's words
        systems = {
            "ours (concept coverage)": lambda a, w=words: [
                p.text for p in build_briefing(a, words=w).key_points
            ],
            "ours before (greedy)": lambda a, w=words: greedy_points(a, w),
            "lead (newest article)": lead,
            "sumy LexRank": sumy_method("lexrank"),
            "sumy TextRank": sumy_method("textrank"),
            "tf-idf centroid": lambda a, df=df, library=library: centroid(a, df, len(library)),
        }
        scores: dict[str, dict[str, tuple[float, float]]] = defaultdict(dict)
        for name in sorted(clusters):
            refs = [
                p.read_text(errors="replace") for p in sorted((root / "refs" / name).glob("*.txt"))
            ]
            for system, run in systems.items():
                summary = first_words(run(clusters[name]), cut)
                r1 = statistics.mean(scorer.score(ref, summary)["rouge1"].recall for ref in refs)
                r2 = statistics.mean(scorer.score(ref, summary)["rouge2"].recall for ref in refs)
                scores[system][name] = (r1 * 100, r2 * 100)
        halves = label == "DUC 2003"
        print(f"\n1. Summary quality, {label}: ROUGE-1 / ROUGE-2 recall of the first {cut} words")
        head = f"   {'system':<26}"
        head += f" {'tuning a-e':>14} {'held out f-j':>14}" if halves else ""
        print(head + f" {'all ' + str(len(clusters)):>14}")
        parts = (("tune", TUNE), ("held", HELD_OUT), ("all", TUNE + HELD_OUT))
        for system, per in scores.items():
            cells = []
            for _, letters in parts if halves else parts[2:]:
                chosen = [v for k, v in per.items() if not halves or k[-1] in letters]
                r1 = statistics.mean(v[0] for v in chosen)
                r2 = statistics.mean(v[1] for v in chosen)
                cells.append(f"{r1:5.1f} / {r2:5.2f}")
            print(f"   {system:<26} " + " ".join(f"{c:>14}" for c in cells))
        mine = scores["ours (concept coverage)"]
        for other in [s for s in systems if not s.startswith("ours (")]:
            diffs = [mine[k][1] - scores[other][k][1] for k in mine]
            se = statistics.stdev(diffs) / math.sqrt(len(diffs))
            print(f"   ROUGE-2, ours minus {other}: {statistics.mean(diffs):+.2f} ± {se:.2f} (SE)")


# ---- the libraries, as the product opens them -----------------------------------------------


def open_folder(folder: Path) -> tuple[list, dict]:  # type: ignore[type-arg]
    """A folder through the product's own path (catalogue, copies folded): entries and articles."""
    from summarise.usecases import open_library

    opened = open_library([folder])
    with opened.catalogue as catalogue:
        entries = catalogue.listing()
        articles = catalogue.articles([e.id for e in entries])
    return entries, articles


def brief_folder(folder: Path):  # type: ignore[no-untyped-def]
    from summarise.usecases import brief_entries

    entries, articles = open_folder(folder)
    briefing = brief_entries(entries, lambda ids: {i: articles[i] for i in ids if i in articles})
    return briefing.briefing, entries, articles


# ---- 2. story recovery --------------------------------------------------------------------


def bcubed(groups: list[list[str]], truth: dict[str, str]) -> tuple[float, float, float]:
    gold: dict[str, set[str]] = defaultdict(set)
    for article_id, story in truth.items():
        gold[story].add(article_id)
    precision = recall = 0.0
    for group in groups:
        mine = set(group)
        for article_id in group:
            right = gold[truth[article_id]]
            precision += len(mine & right) / len(mine)
            recall += len(mine & right) / len(right)
    n = sum(len(g) for g in groups)
    precision, recall = precision / n, recall / n
    return precision, recall, 2 * precision * recall / (precision + recall)


def story_groups(folder: Path) -> tuple[list[list[str]], dict[str, str]]:
    """The stories the product finds in a folder (as file names) and the true ones; each copy
    folded into an article counts where that article is."""
    from summarise.usecases import open_library, stories_of_library

    truth_by_file = json.loads((folder / "truth.json").read_text())
    opened = open_library([folder])
    with opened.catalogue as catalogue:
        found, entries = stories_of_library(catalogue)
    name = {e.id: Path(e.location or "").name for e in entries}
    groups = [[name[i] for i in story.article_ids] for story in found]
    truth = {n: truth_by_file[n] for g in groups for n in g}
    return groups, truth


def recovery(variants: dict[str, Path]) -> None:
    print("\n2. Story recovery: B-cubed against the true stories (DUC 2003 clusters; DUC 2006")
    print("   topics, which hold several stories each, so there only precision says much)")
    for label, folder in variants.items():
        groups, truth = story_groups(folder)
        if label.startswith("duc2003"):
            for part, letters in (("a-e", TUNE), ("f-j", HELD_OUT)):
                keep = [[n for n in g if truth[n][-1] in letters] for g in groups]
                keep = [g for g in keep if g]
                p, r, f = bcubed(keep, {n: truth[n] for g in keep for n in g})
                print(f"   {label + ' ' + part:<26} P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
        p, r, f = bcubed(groups, truth)
        n = sum(len(g) for g in groups)
        print(
            f"   {label:<26} P {p:.3f}  R {r:.3f}  F1 {f:.3f}  "
            f"({len(groups)} stories, {n} articles)"
        )


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


def audit(label: str, briefing, articles: dict) -> None:  # type: ignore[no-untyped-def, type-arg]
    from summarise.briefing.render import to_data

    data = to_data(briefing)
    citations = failed = dangling = points = 0
    for section in ("key_points", "key_figures"):
        for point in data[section]:
            points += 1
            first = point["text"].split()[0].strip("“\"'(,").lower() if point["text"] else ""
            dangling += first in DANGLING_OPENINGS or bool(POINTING_BACK.search(point["text"]))
            for ref in point["sentences"]:
                citations += 1
                sentence = article_sentences(articles[ref["article_id"]])[ref["sentence"]].text
                failed += not faithful(sentence, point["text"])
    for quote in data["quotes"]:
        for number in quote["sources"]:
            citations += 1
            source = next(s for s in data["sources"] if s["number"] == number)
            failed += quote["text"][:40] not in articles[source["article_id"]].body_text
    share = 100 * failed / citations if citations else 0.0
    print(
        f"   {label:<26} {citations:4} citations, {failed} fail ({share:.1f}%); "
        f"{dangling} of {points} points dangle"
    )


# ---- 5. what must never be printed ----------------------------------------------------------

LABELS = ROOT / "tests" / "disagreement_labels.json"
HEADLINE_MOST = 16
_DATELINE_LEFT = re.compile(
    r"\((?:AP|Reuters|AFP|Xinhua|UPI|dpa)\)|^[A-Z]{3,}[A-Z ,.]* (?:--|_|—) "
)


def unmerged(names: list[str], people: bool) -> list[tuple[str, str]]:
    """Pairs of listed names that are one person or body: a surname and its full name (people),
    an initialism and its expansion (organisations), two spellings."""

    def key(name: str) -> str:
        return " ".join(name.replace("-", " ").replace(".", "").casefold().split())

    found = []
    for a in names:
        for b in names:
            if a >= b:
                continue
            ka, kb = key(a), key(b)
            short, long = (ka, kb) if len(ka) <= len(kb) else (kb, ka)
            initials = "".join(w[0] for w in long.split() if w not in ("of", "the", "for", "and"))
            if (
                ka == kb
                or (people and " " not in short and long.split()[-1] == short)
                or (not people and " " not in short and short == initials and len(short) > 1)
            ):
                found.append((a, b))
    return found


def bad_headline(title: str) -> str | None:
    if _DATELINE_LEFT.search(title):
        return "dateline"
    if title.rstrip().endswith(("…", "...")):
        return "cut off"
    if len(title.split()) > HEADLINE_MOST:
        return "over 16 words"
    return None


def label_key(line: str) -> str:
    """A disagreement as its label knows it: without its source numbers, sides in name order
    (a variant of a library numbers and orders the same line differently)."""
    head, _, sides = re.sub(r"\s*(?:\[\d+\])+", "", line).rstrip(".").partition(": ")
    return head + ": " + "; ".join(sorted(s.strip() for s in sides.split(";")))


def trust(label: str, briefing) -> None:  # type: ignore[no-untyped-def]
    raw = json.loads(LABELS.read_text()) if LABELS.exists() else {}
    labels = {label_key(line): verdict for line, verdict in raw.items()}
    said = []
    for d in briefing.disagreements:
        verdict = labels.get(label_key(d.text), "unlabelled")
        said.append(f"{verdict}: {d.text}")
    false = sum(s.startswith("false") for s in said)
    people = [n.name for n in briefing.people]
    organisations = [n.name for n in briefing.organisations]
    aliases = unmerged(people, people=True) + unmerged(organisations, people=False)
    titles = [briefing.title.removeprefix("Briefing: ")]
    titles += [s.title for s in briefing.stories] + [s.title for s in briefing.more_stories]
    bad = [(t, why) for t in titles if (why := bad_headline(t))]
    dotted = [s.title for s in briefing.sources if s.title.endswith("..")]
    print(
        f"   {label:<26} disagreements {len(said)} ({false} false, "
        f"{sum(s.startswith('unlabelled') for s in said)} unlabelled); unmerged aliases "
        f"{len(aliases)}; bad headlines {len(bad)}; titles ending '..' {len(dotted)}"
    )
    for line in said:
        print(f"      {line}")
    for pair in aliases:
        print(f"      alias: {pair}")
    for title, why in bad:
        print(f"      headline ({why}): {title}")


def main(argv: list[str] | None = None) -> int:
    import tempfile

    from variants import VARIANTS, duc2003, duc2006, make_variant

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, help="the folder holding duc2003/, duc2006/ and bbc/")
    parser.add_argument("--skip-rouge", action="store_true", help="leave out part 1")
    args = parser.parse_args(argv)
    if not args.skip_rouge:
        quality(args.data)
    with tempfile.TemporaryDirectory() as work:
        os.environ["NEWSBRIEF_CACHE_DIR"] = str(Path(work) / "cache")
        variants = {}
        for name, files in (("duc2003", duc2003(args.data)), ("duc2006", duc2006(args.data))):
            for variant, how in VARIANTS.items():
                folder = Path(work) / f"{name}-{variant}"
                make_variant(files, folder, **how)
                variants[f"{name}-{variant}"] = folder
        recovery(variants)
        libraries = {
            "seeds (5)": ROOT / "seeds",
            "BBC business": args.data / "bbc" / "articles" / "business",
            **variants,
        }
        briefed = {label: brief_folder(folder) for label, folder in libraries.items()}
        print("\n3-4. Attribution and dangling points")
        for label, (briefing, _, articles) in briefed.items():
            audit(label, briefing, articles)
        print("\n5. What must never be printed: false disagreements (labels in")
        print("   tests/disagreement_labels.json), unmerged aliases among the listed names, bad")
        print("   headlines (a dateline left, cut off with an ellipsis, over 16 words)")
        for label, (briefing, _, _) in briefed.items():
            trust(label, briefing)
    return 0


if __name__ == "__main__":
    sys.exit(main())
