"""Briefing speed and ranking quality, ours against sumy's LexRank in the same run.

    python bench/briefing.py ../shared/data/bbc [--sentences 2000] [--pick 20] [--skip-sumy]

1. A briefing over every article in DATA_DIR/articles: cold (empty analysis cache) and cached,
   with the process's peak memory. Loading the files is timed separately.
2. One long input of --sentences sentences (the BBC articles' sentences in order, as a
   combined briefing sees them): sumy's LexRank and our ranker each pick --pick sentences.
   Prints both times and the ratio, ROUGE-1/2 F1 of our pick against sumy's, and of each pick
   against the reference summaries of the articles the input spans.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

from summarise.analysis import AnalysisCache
from summarise.briefing.build import build_briefing
from summarise.readers import load_paths


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def briefing_speed(data_dir: Path) -> None:
    started = time.perf_counter()
    articles = load_paths([data_dir / "articles"]).articles
    loading = time.perf_counter() - started
    print(f"Library: {len(articles)} distinct articles, loaded in {loading:.2f} s")
    with tempfile.TemporaryDirectory() as folder:
        cache = AnalysisCache(Path(folder) / "analysis.db")
        started = time.perf_counter()
        cold = build_briefing(articles, cache=cache)
        cold_time = time.perf_counter() - started
        warm_times = []
        for _ in range(3):
            started = time.perf_counter()
            warm = build_briefing(articles, cache=cache)
            warm_times.append(time.perf_counter() - started)
        cache.close()
    assert [p.text for p in warm.key_points] == [p.text for p in cold.key_points]
    print(f"  briefing, cold (analysis computed):  {cold_time:.2f} s   (target < 10 s)")
    print(
        f"  briefing, analysis cached (median of 3): {sorted(warm_times)[1]:.2f} s   (target < 1 s)"
    )
    print(f"  peak memory of this process so far: {peak_mb():.0f} MB   (target < 1024 MB)")
    print(
        f"  {len(cold.key_points)} key points, {cold.body_words()} words, "
        f"{len(cold.disagreements)} disagreements reported"
    )


def long_input(data_dir: Path, count: int) -> tuple[list[str], list[str]]:
    """The first `count` sentences of the library, and the references of their articles."""
    from summarise.readers import ArticleError, read_article
    from summarise.text import article_sentences

    sentences: list[str] = []
    references: list[str] = []
    for path in sorted((data_dir / "articles").rglob("*.txt")):
        if len(sentences) >= count:
            break
        try:
            article = read_article(path)
        except ArticleError:
            continue  # a file the loader rejects is skipped here too
        sentences += [s.text for s in article_sentences(article)]
        relative = path.relative_to(data_dir / "articles")
        summary = data_dir / "summaries" / relative
        if summary.exists():
            references.append(summary.read_bytes().decode("utf-8", errors="replace"))
    return sentences[:count], references


def ranking_comparison(data_dir: Path, count: int, pick: int, skip_sumy: bool) -> None:
    from rouge_score import rouge_scorer

    from summarise.ranking import rank_sentences
    from summarise.summarisers import summarise_sentences
    from summarise.text import Sentence, content_terms

    texts, references = long_input(data_dir, count)
    print(f"\nOne input of {len(texts)} sentences from {len(references)} articles, pick {pick}:")
    started = time.perf_counter()
    scores = rank_sentences([content_terms(t) for t in texts])
    ours = sorted(sorted(range(len(texts)), key=lambda i: (-scores[i], i))[:pick])
    ours_time = time.perf_counter() - started
    print(f"  newsrank (ours):  {ours_time:.2f} s")
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2"], use_stemmer=True)
    reference = "\n".join(references)
    ours_text = " ".join(texts[i] for i in ours)
    ours_vs_ref = scorer.score(reference, ours_text)
    if skip_sumy:
        print("  sumy LexRank: skipped (--skip-sumy)")
        return
    sentences = [Sentence(i, 0, 0, len(t), t) for i, t in enumerate(texts)]
    started = time.perf_counter()
    sumy_pick = summarise_sentences(sentences, pick, "lexrank")
    sumy_time = time.perf_counter() - started
    sumy_text = " ".join(texts[i] for i in sumy_pick)
    sumy_vs_ref = scorer.score(reference, sumy_text)
    agreement = scorer.score(sumy_text, ours_text)
    print(f"  sumy LexRank:     {sumy_time:.2f} s")
    print(f"  speed-up:         {sumy_time / ours_time:.0f}x   (target >= 50x)")
    print(
        f"  ours vs sumy's own pick: ROUGE-1 {100 * agreement['rouge1'].fmeasure:.1f}, "
        f"ROUGE-2 {100 * agreement['rouge2'].fmeasure:.1f}; "
        f"{len(set(ours) & set(sumy_pick))} of {pick} sentences the same"
    )
    for name, result in (("ours", ours_vs_ref), ("sumy", sumy_vs_ref)):
        print(
            f"  {name} vs the references: ROUGE-1 recall {100 * result['rouge1'].recall:.2f}, "
            f"ROUGE-2 recall {100 * result['rouge2'].recall:.2f}, "
            f"ROUGE-2 precision {100 * result['rouge2'].precision:.1f}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--sentences", type=int, default=2000)
    parser.add_argument("--pick", type=int, default=20)
    parser.add_argument("--skip-sumy", action="store_true", help="sumy takes about a minute")
    args = parser.parse_args(argv)
    briefing_speed(args.data_dir)
    ranking_comparison(args.data_dir, args.sentences, args.pick, args.skip_sumy)
    return 0


if __name__ == "__main__":
    sys.exit(main())
