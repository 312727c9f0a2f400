"""Short summaries on people's highlights, by 5-fold cross-validation over every CNN/DailyMail
article: newsrank (the lead's sentences but the last third of the summary, then directed
centrality), lead-3, directed centrality alone (newsrank before), and a logistic regression
over a few sentence features trained on the other four folds.

    python bench/summary_model.py ../shared/data/cnndm      # about 9 minutes (the oracle)

Features of a sentence (sentence_features, below): its place (1/(1+i), and whether it is
the first, second or third), its share of the article's directed centrality, its length, and
how many names and figures it carries. Labels: a greedy ROUGE-2 oracle of 3 sentences against
the highlights. For each fold: ROUGE-2 F1 at k = 3 of every method; then the mean and the spread
over folds of ROUGE-1/2/L, and the paired difference from lead-3.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from rouge_score import rouge_scorer

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from summarise.language.ranking import directed_centrality
from summarise.language.summarisers import summarise_sentences
from summarise.language.text import Sentence, article_sentences, content_terms
from summarise.readers import read_article

_NAME = re.compile(r"(?<=\s)[A-Z][a-z]+")
_FIGURE = re.compile(r"\d")
# Features of a sentence for the short-summary scorer, in SHORT_MODEL's order.
FEATURES = (
    "place 1/(1+i)", "first", "second", "third", "centrality share", "length", "names",
    "figures", "bias",
)  # fmt: skip


def sentence_features(sentences: Sequence[Sentence]) -> np.ndarray:
    """One row per sentence: where it stands, how central it is (directed centrality, as a
    share of the article's highest), how long it is, how many names and figures it holds."""
    n = len(sentences)
    if n == 0:
        return np.zeros((0, len(FEATURES)))
    central = np.asarray(directed_centrality([content_terms(s.text) for s in sentences]))
    central = central / (central.max() or 1.0)
    rows = []
    for i, s in enumerate(sentences):
        words = len(s.text.split())
        rows.append(
            (
                1.0 / (1.0 + i),
                float(i == 0),
                float(i == 1),
                float(i == 2),
                float(central[i]),
                min(words, 60) / 30.0,
                min(len(_NAME.findall(s.text)), 10) / 5.0,
                float(bool(_FIGURE.search(s.text))),
                1.0,
            )
        )
    return np.array(rows)


FOLDS = 5
K = 3
SCORER = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)


def oracle(sentences: list[str], reference: str, k: int = K) -> set[int]:
    """The greedy ROUGE-2 oracle: sentences added while they raise recall."""
    chosen: list[int] = []
    best = 0.0
    for _ in range(k):
        gains = []
        for i in range(len(sentences)):
            if i in chosen:
                continue
            text = " ".join(sentences[j] for j in sorted([*chosen, i]))
            gains.append((SCORER.score(reference, text)["rouge2"].recall, -i, i))
        if not gains:
            break
        score, _, pick = max(gains)
        if score <= best:
            break
        best = score
        chosen.append(pick)
    return set(chosen)


def fit(x: np.ndarray, y: np.ndarray, l2: float = 1.0, steps: int = 50) -> np.ndarray:
    """Logistic regression by Newton's method, with an L2 penalty (not on the bias)."""
    w = np.zeros(x.shape[1])
    penalty = np.eye(x.shape[1]) * l2
    penalty[-1, -1] = 0.0
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(x @ w)))
        gradient = x.T @ (p - y) + penalty @ w
        hessian = (x.T * (p * (1 - p))) @ x + penalty
        w -= np.linalg.solve(hessian, gradient)
    return w


def rouge(picked: list[int], sentences: list[str], reference: str) -> tuple[float, float, float]:
    text = " ".join(sentences[i] for i in sorted(picked))
    result = SCORER.score(reference, text)
    return (
        100 * result["rouge1"].fmeasure,
        100 * result["rouge2"].fmeasure,
        100 * result["rougeL"].fmeasure,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cnndm", type=Path)
    args = parser.parse_args(argv)
    docs = []
    for path in sorted((args.cnndm / "articles").glob("*.md")):
        reference = (args.cnndm / "summaries" / f"{path.stem}.txt").read_text(errors="replace")
        article = read_article(path)
        sentences = list(article_sentences(article))
        if len(sentences) < K + 1:
            continue
        texts = [s.text for s in sentences]
        features = sentence_features(sentences)
        labels = np.array(
            [1.0 if i in oracle(texts, reference) else 0.0 for i in range(len(texts))]
        )
        docs.append((sentences, texts, features, labels, reference, article.title))
    print(f"{len(docs)} articles, {FOLDS} folds, k = {K}")
    methods = ("newsrank", "lead-3", "centrality alone", "regression")
    per_fold: dict[str, list[tuple[float, float, float]]] = {m: [] for m in methods}
    for fold in range(FOLDS):
        train = [d for n, d in enumerate(docs) if n % FOLDS != fold]
        test = [d for n, d in enumerate(docs) if n % FOLDS == fold]
        w = fit(np.vstack([d[2] for d in train]), np.concatenate([d[3] for d in train]))
        scores: dict[str, list[tuple[float, float, float]]] = {m: [] for m in per_fold}
        for sentences, texts, features, _, reference, title in test:
            ranked = list(np.argsort(-(features @ w), kind="stable")[:K])
            scores["regression"].append(rouge(ranked, texts, reference))
            scores["lead-3"].append(rouge(list(range(K)), texts, reference))
            picked = summarise_sentences(sentences, K, "newsrank", title)
            scores["newsrank"].append(rouge(picked, texts, reference))
            central = directed_centrality([content_terms(t) for t in texts])
            alone = sorted(range(len(texts)), key=lambda i: (-central[i], i))[:K]
            scores["centrality alone"].append(rouge(alone, texts, reference))
        for method, values in scores.items():
            mean = tuple(statistics.fmean(col) for col in zip(*values, strict=True))
            per_fold[method].append(mean)  # type: ignore[arg-type]
        row = "  ".join(f"{m} {per_fold[m][-1][1]:5.2f}" for m in per_fold)
        print(f"fold {fold + 1}: ROUGE-2 {row}")
    print("\nmean (sd over folds) of ROUGE-1 / ROUGE-2 / ROUGE-L F1:")
    for method, rows in per_fold.items():
        cells = []
        for col in range(3):
            values = [r[col] for r in rows]
            cells.append(f"{statistics.fmean(values):5.2f} ({statistics.stdev(values):.2f})")
        print(f"  {method:<17} " + "  ".join(cells))
    for method in methods:
        if method == "lead-3":
            continue
        pairs = zip(per_fold[method], per_fold["lead-3"], strict=True)
        diffs = [a[1] - b[1] for a, b in pairs]
        print(
            f"{method} minus lead-3, ROUGE-2: {statistics.fmean(diffs):+.2f} "
            f"(sd over folds {statistics.stdev(diffs):.2f})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
