"""The long-summary ranker's settings, swept on BBC's tuning articles only, and what BBC's
references are.

    python bench/summary_sweep.py ../shared/data/bbc [--cnndm ../shared/data/cnndm]

First: how the references were made (how many list their sentences out of article order, how
many keep exactly 40% of the article's sentences, rounded up). Then one ROUGE-2 F1 per setting,
k from the reference, scored like bench/summary_quality.py (picked sentences in article order),
on the 1,208 articles outside bench/bbc_heldout.txt. The held-out articles are never read.
With --cnndm, the short-summary ranker (k = 3) over each kind of term on CNN/DailyMail's 85
tuning articles, to show why it keeps stemmed content words.
"""

from __future__ import annotations

import argparse
import math
import statistics
import sys
from collections.abc import Callable
from pathlib import Path

import numpy as np
from rouge_score import rouge_scorer
from summary_quality import CNNDM_K, bbc_split, cnndm_pairs, kept, load_pairs

from summarise.language import ranking
from summarise.language.function_words import FUNCTION_WORDS
from summarise.language.text import article_sentences, content_terms, plain_terms, stop_words
from summarise.readers import ArticleError, read_article

Scorer = Callable[[list[str]], np.ndarray]


def _leaving_out(words: frozenset[str]) -> Callable[[str], list[str]]:
    return lambda sentence: plain_terms(sentence, words)


def _cosine_pagerank(
    terms: Callable[[str], list[str]], damping: float = 0.85, prior: float = 0.0
) -> Scorer:
    def score(sentences: list[str]) -> np.ndarray:
        similarity = ranking._dense_cosine([terms(s) for s in sentences])
        teleport = ranking.position_prior(range(len(sentences)), prior)
        return ranking._solve_pagerank(similarity, teleport, damping)

    return score


# Candidates for the function-word list that were measured and left off it.
MORE_FUNCTION_WORDS = frozenset(
    "could would may might must shall also many much another every either neither across along"
    " among around behind beyond toward towards onto upon within without".split()
)


def _directed(terms: Callable[[str], list[str]]) -> Scorer:
    return lambda sentences: ranking.directed_centrality([terms(s) for s in sentences])


SETTINGS: dict[str, Scorer] = {
    "position-prior PageRank, shared stemmed terms (before)": lambda s: ranking.rank_sentences(
        [content_terms(x) for x in s]
    ),
    "cosine PageRank, stemmed content terms": _cosine_pagerank(content_terms),
    "cosine PageRank, plain words, sumy's stop words": _cosine_pagerank(_leaving_out(stop_words())),
    "cosine PageRank, plain words, function words (now)": _cosine_pagerank(plain_terms),
    '  the same, "us" also left out': _cosine_pagerank(_leaving_out(FUNCTION_WORDS | {"us"})),
    "  the same, modal verbs, quantifiers and long prepositions also left out": _cosine_pagerank(
        _leaving_out(FUNCTION_WORDS | MORE_FUNCTION_WORDS)
    ),
    "  the same, damping 0.7": _cosine_pagerank(plain_terms, damping=0.7),
    "  the same, damping 0.95": _cosine_pagerank(plain_terms, damping=0.95),
    "  the same, position prior 0.1": _cosine_pagerank(plain_terms, prior=0.1),
    "  the same, position prior 0.25": _cosine_pagerank(plain_terms, prior=0.25),
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--cnndm", type=Path, help="CNN/DailyMail folder (optional)")
    args = parser.parse_args(argv)

    everything = load_pairs(args.data_dir, None)
    # Each article read once: (sentences, reference, what the reference keeps) by its pair.
    read: dict[tuple[Path, Path], tuple[list[str], str, list[int]]] = {}
    for pair in everything:
        try:
            sentences = [s.text for s in article_sentences(read_article(pair[0]))]
        except ArticleError:
            continue
        reference = pair[1].read_bytes().decode("utf-8", errors="replace")
        read[pair] = (sentences, reference, kept(sentences, reference))
    out_of_order = sum(order != sorted(order) for _, _, order in read.values())
    forty_percent = sum(
        len(order) == math.ceil(0.4 * len(sentences)) for sentences, _, order in read.values()
    )
    print(f"BBC references: {len(read)} articles read")
    print(f"  {out_of_order} list their sentences out of article order")
    print(f"  {forty_percent} keep exactly 40% of the article's sentences, rounded up")

    articles = []
    for pair in bbc_split(everything)["tuning"]:
        if pair in read and (order := read[pair][2]):
            articles.append((read[pair][0], read[pair][1], len(order)))

    print(f"\nROUGE-2 F1 on the {len(articles)} tuning articles")
    for label, score in SETTINGS.items():
        print(f"  {rouge2(articles, score):5.1f}  {label}", flush=True)

    if args.cnndm:
        short = []
        for article_path, summary_path in cnndm_pairs(args.cnndm)["tuning"]:
            sentences = [s.text for s in article_sentences(read_article(article_path))]
            short.append((sentences, summary_path.read_text("utf-8"), CNNDM_K))
        print(f"\nCNN/DailyMail, directed centrality, k = 3, {len(short)} tuning articles")
        for label, terms in (
            ("stemmed content terms (now)", content_terms),
            ("plain terms", plain_terms),
        ):
            print(f"  {rouge2(short, _directed(terms)):5.1f}  {label}", flush=True)
    return 0


def rouge2(articles: list[tuple[list[str], str, int]], score: Scorer) -> float:
    """Mean ROUGE-2 F1 of the top k sentences by `score`, put back in article order."""
    rouge = rouge_scorer.RougeScorer(["rouge2"], use_stemmer=True)
    results = []
    for sentences, reference, k in articles:
        scores = score(sentences)
        picked = sorted(sorted(range(len(sentences)), key=lambda i: (-scores[i], i))[:k])
        candidate = " ".join(sentences[i] for i in picked)
        results.append(rouge.score(reference, candidate)["rouge2"].fmeasure)
    return 100 * statistics.fmean(results)


if __name__ == "__main__":
    sys.exit(main())
