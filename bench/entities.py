"""Entity recognition: quality against gold annotations, and speed.

    python bench/entities.py ../shared/data/bbc

Scores exact-span, exact-type precision, recall and F1 per type on the five seed articles
(tests/entities_gold/*.ann), on 15 BBC articles the rules were tuned on
(bench/entities_gold_bbc.json), on 10 random BBC articles that were held out once and then tuned
on (bench/entities_gold_bbc_dev2.json), and on 10 more random BBC articles annotated after the
rules were frozen (bench/entities_gold_bbc_heldout.json); then names alone (PERSON, ORG, GPE)
on 10 random DUC 2003 newswire articles the rules were tuned on
(bench/entities_gold_duc_dev.json) and 10 more annotated after the rules were frozen
(bench/entities_gold_duc_heldout.json). Offsets only: the text is read from DATA_DIR and
--duc. Then times the recogniser over every BBC article: start-up (the
first call, which loads the word lists), median milliseconds per article and per 800 words, and
articles per second.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def bbc_gold(data_dir: Path, name: str, folder: str = "articles"):  # type: ignore[no-untyped-def]
    from summarise.entities import EntityType
    from summarise.evaluation.annotation import GoldMention
    from summarise.readers import read_article

    for record in json.loads((ROOT / "bench" / name).read_text()):
        article = read_article(data_dir / folder / record["path"])
        gold = []
        for block, start, end, kind, text in record["mentions"]:
            if article.blocks[block].text[start:end] != text:
                raise SystemExit(f"{record['path']}: gold {text!r} does not match the text")
            gold.append(GoldMention(block, start, end, EntityType(kind), text))
        yield record["path"], article, gold


def seed_gold():  # type: ignore[no-untyped-def]
    from summarise.evaluation.annotation import parse_marked
    from summarise.readers import read_article

    for ann in sorted((ROOT / "tests" / "entities_gold").glob("*.ann")):
        (path,) = (ROOT / "seeds").glob(f"{ann.stem}_*.txt")
        article = read_article(path)
        yield ann.stem, article, parse_marked(ann.read_text("utf-8"), article)


def evaluate(  # type: ignore[no-untyped-def]
    title: str, documents, show_errors: bool, names_only: bool = False
) -> float:
    """Print P/R/F1 per type; `names_only` for gold that marks PERSON, ORG and GPE alone."""
    from summarise.entities import find_entities
    from summarise.evaluation.scoring import NAME_TYPES, format_scores, mention_keys, score

    predicted, gold, texts = set(), set(), {}
    for name, article, mentions in documents:
        texts[name] = article
        gold |= mention_keys(name, mentions)
        predicted |= mention_keys(name, find_entities(article).mentions)
    if names_only:
        predicted = {k for k in predicted if k[4] in NAME_TYPES}
    scores = score(predicted, gold)
    print(f"\n{title}: {len(texts)} articles, {len(gold)} gold mentions")
    print(format_scores(scores))
    if show_errors:
        for label, keys in (("missed", gold - predicted), ("spurious", predicted - gold)):
            for doc, block, start, end, kind in sorted(keys):
                print(f"  {label:8} {doc} {kind:7} {texts[doc].blocks[block].text[start:end]!r}")
    return scores["ALL"].f1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument(
        "--duc", type=Path, help="the DUC 2003 folder (default: duc2003 beside DATA_DIR)"
    )
    parser.add_argument("--errors", action="store_true", help="list every miss and false hit")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    from summarise.entities import find_entities
    from summarise.readers import load_paths

    library = load_paths([args.data_dir / "articles"])
    first = time.perf_counter()
    find_entities(library.articles[0])
    startup = time.perf_counter() - first
    import_time = first - started

    evaluate("Seed articles", seed_gold(), args.errors)
    evaluate(
        "BBC articles, development (rules tuned on these)",
        bbc_gold(args.data_dir, "entities_gold_bbc.json"),
        args.errors,
    )
    evaluate(
        "BBC articles, development 2 (held out once, then tuned on)",
        bbc_gold(args.data_dir, "entities_gold_bbc_dev2.json"),
        args.errors,
    )
    evaluate(
        "BBC articles, held out (annotated after the rules were frozen; never tuned on)",
        bbc_gold(args.data_dir, "entities_gold_bbc_heldout.json"),
        args.errors,
    )

    duc = args.duc or args.data_dir.parent / "duc2003"
    evaluate(
        "DUC 2003 newswire, development (names only; rules tuned on these)",
        bbc_gold(duc, "entities_gold_duc_dev.json", folder=""),
        args.errors,
        names_only=True,
    )
    evaluate(
        "DUC 2003 newswire, held out (names only; annotated after the rules were frozen)",
        bbc_gold(duc, "entities_gold_duc_heldout.json", folder=""),
        args.errors,
        names_only=True,
    )

    per_article, per_800 = [], []
    for article in library.articles:
        t = time.perf_counter()
        find_entities(article)
        elapsed = (time.perf_counter() - t) * 1000
        per_article.append(elapsed)
        per_800.append(elapsed * 800 / max(article.word_count, 1))
    total = sum(per_article) / 1000
    print(f"\nSpeed over {len(per_article)} BBC articles (import and load {import_time:.2f} s):")
    print(f"  start-up (first call, word lists): {startup * 1000:.0f} ms")
    print(
        f"  median {statistics.median(per_article):.2f} ms/article, "
        f"{statistics.median(per_800):.2f} ms per 800 words, "
        f"{len(per_article) / total:.0f} articles/s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
