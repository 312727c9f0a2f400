"""Score every summary method against references: BBC News Summary, or CNN/DailyMail.

    python bench/summary_quality.py ../shared/data/bbc [--limit N] [--methods a,b]
    python bench/summary_quality.py ../shared/data/cnndm

BBC: for each article, k is the number of the article's own sentences the reference keeps (the
references are extractive). CNN/DailyMail: k = 3, against the highlights people wrote; the 40
articles listed in bench/cnndm_heldout.txt (drawn at random before any tuning) are reported
apart from the 85 that may be tuned on. Each method picks k sentences and is scored with
ROUGE-1/2/L F1 (rouge-score, stemmed). BBC is reported the same way: the 600 articles in
bench/bbc_heldout.txt apart from the 1,208 that may be tuned on. Prints one row per method
with the mean scores and the median milliseconds per article.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from rouge_score import rouge_scorer

from summarise.language.summarisers import METHODS, summarise_sentences
from summarise.language.text import article_sentences
from summarise.readers import ArticleError, read_article


def kept(sentences: Sequence[str], reference: str) -> list[int]:
    """Indexes of the article sentences the reference keeps (it runs them together verbatim),
    in the order the reference lists them."""
    squashed = reference.replace(" ", "")
    where = {i: squashed.find(s.replace(" ", "")) for i, s in enumerate(sentences)}
    return sorted((i for i, at in where.items() if at >= 0), key=lambda i: where[i])


def reference_count(sentences: list[str], reference: str) -> int:
    """How many article sentences the reference keeps."""
    return len(kept(sentences, reference))


def load_pairs(
    data_dir: Path, limit: int | None, categories: list[str] | None = None
) -> list[tuple[Path, Path]]:
    pairs = []
    for category in sorted((data_dir / "articles").iterdir()):
        if categories and category.name not in categories:
            continue
        files = sorted(category.glob("*.txt"))[:limit] if limit else sorted(category.glob("*.txt"))
        for article_path in files:
            summary_path = data_dir / "summaries" / category.name / article_path.name
            if summary_path.exists():
                pairs.append((article_path, summary_path))
    return pairs


CNNDM_K = 3
HELD_OUT = Path(__file__).with_name("cnndm_heldout.txt")
BBC_HELD_OUT = Path(__file__).with_name("bbc_heldout.txt")


def listed(path: Path) -> set[str]:
    return {line.strip() for line in path.read_text().splitlines() if not line.startswith("#")}


def bbc_split(pairs: list[tuple[Path, Path]]) -> dict[str, list[tuple[Path, Path]]]:
    """The BBC pairs as {"tuning": [...], "held out": [...]} by bench/bbc_heldout.txt."""
    held = listed(BBC_HELD_OUT)
    split: dict[str, list[tuple[Path, Path]]] = {"tuning": [], "held out": []}
    for pair in pairs:
        name = f"{pair[0].parent.name}/{pair[0].stem}"
        split["held out" if name in held else "tuning"].append(pair)
    return split


def cnndm_pairs(data_dir: Path) -> dict[str, list[tuple[Path, Path]]]:
    """The articles with their highlights, as {"tuning": [...], "held out": [...]}."""
    held = listed(HELD_OUT)
    split: dict[str, list[tuple[Path, Path]]] = {"tuning": [], "held out": []}
    for article_path in sorted((data_dir / "articles").glob("*.md")):
        summary_path = data_dir / "summaries" / f"{article_path.stem}.txt"
        if summary_path.exists():
            split["held out" if article_path.stem in held else "tuning"].append(
                (article_path, summary_path)
            )
    return split


def score(
    pairs: list[tuple[Path, Path]], methods: list[str], fixed_k: int | None
) -> tuple[dict[str, list[tuple[float, float, float]]], dict[str, list[float]], int]:
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)
    scores: dict[str, list[tuple[float, float, float]]] = {m: [] for m in methods}
    times: dict[str, list[float]] = {m: [] for m in methods}
    skipped = 0
    for n, (article_path, summary_path) in enumerate(pairs, 1):
        try:
            article = read_article(article_path)
        except ArticleError:
            skipped += 1
            continue
        reference = summary_path.read_bytes().decode("utf-8", errors="replace")
        sentences = list(article_sentences(article))
        if fixed_k is not None:
            k = min(fixed_k, len(sentences))
        else:
            k = reference_count([s.text for s in sentences], reference)
        if k == 0:
            skipped += 1
            continue
        for method in methods:
            started = time.perf_counter()
            picked = summarise_sentences(sentences, k, method, article.title)
            times[method].append((time.perf_counter() - started) * 1000)
            candidate = " ".join(sentences[i].text for i in picked)
            result = scorer.score(reference, candidate)
            scores[method].append(
                (result["rouge1"].fmeasure, result["rouge2"].fmeasure, result["rougeL"].fmeasure)
            )
        if n % 200 == 0:
            print(f"  {n}/{len(pairs)} articles", file=sys.stderr)
    return scores, times, skipped


def table(
    label: str,
    scores: dict[str, list[tuple[float, float, float]]],
    times: dict[str, list[float]],
    skipped: int,
    baseline: str,
) -> None:
    methods = list(scores)
    scored = len(next(iter(scores.values())))
    print(f"\n{label}: {scored} articles scored, {skipped} skipped")
    print(f"{'method':<10} {'ROUGE-1':>8} {'ROUGE-2':>8} {'ROUGE-L':>8} {'ms/article':>11}")
    rows = []
    for method in methods:
        r1, r2, rl = (100 * statistics.fmean(col) for col in zip(*scores[method], strict=True))
        rows.append((method, r1, r2, rl, statistics.median(times[method])))
    for method, r1, r2, rl, ms in sorted(rows, key=lambda r: -r[2]):
        print(f"{method:<10} {r1:8.1f} {r2:8.1f} {rl:8.1f} {ms:11.2f}")
    ours = next((r for r in rows if r[0] == "newsrank"), None)
    sumy = [r for r in rows if r[0] not in ("newsrank", "lead")]
    if ours and sumy:
        best = max(sumy, key=lambda r: r[2])
        print(
            f"newsrank vs best sumy ({best[0]}): ROUGE-2 {ours[2] - best[2]:+.1f} points "
            f"({100 * (ours[2] / best[2] - 1):+.1f}%), {best[4] / ours[4]:.1f}x the speed"
        )
    other = next((r for r in rows if r[0] == baseline), None)
    if ours and other and baseline != "newsrank":
        print(
            f"newsrank vs {baseline}: ROUGE-2 {ours[2] - other[2]:+.2f} points "
            f"({100 * (ours[2] / other[2] - 1):+.1f}%)"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--limit", type=int, help="articles per category (default: all)")
    parser.add_argument("--methods", default=",".join(METHODS))
    parser.add_argument("--categories", help="comma-separated (default: all)")
    args = parser.parse_args(argv)

    methods = args.methods.split(",")
    if (args.data_dir / "articles").is_dir() and any((args.data_dir / "articles").glob("*.md")):
        for label, pairs in cnndm_pairs(args.data_dir).items():
            scored = score(pairs[: args.limit] if args.limit else pairs, methods, CNNDM_K)
            table(f"CNN/DailyMail, {label} (k = {CNNDM_K})", *scored, baseline="lead")
        return 0
    categories = args.categories.split(",") if args.categories else None
    pairs = load_pairs(args.data_dir, args.limit, categories)
    for label, part in bbc_split(pairs).items():
        if part:
            table(
                f"BBC News Summary, {label} (k from the reference)",
                *score(part, methods, None),
                baseline="lead",
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
