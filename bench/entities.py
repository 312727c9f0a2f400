"""Entity recognition: quality against gold annotations, and speed.

    python bench/entities.py ../shared/data/bbc

Scores exact-span, exact-type precision, recall and F1 per type, and for the three name types
together, on the five seed articles (tests/entities_gold/*.ann) and on the sets in
bench/entities_gold_*.json: BBC and DUC 2003 newswire articles the rules were tuned on
(development; "held out once" sets were held-out sets until they were scored, then tuned on),
and one BBC and one DUC set of 10 random articles each, annotated after the rules were frozen
and never tuned on. DUC and the newer BBC sets mark PERSON, ORG and GPE only. Offsets only: the
text is read from DATA_DIR and --duc. Then times the recogniser over every BBC article:
start-up (the first call, which loads the word lists), median milliseconds per article and per
800 words, and articles per second.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def gold_documents(data_dir: Path, name: str, folder: str = "articles"):  # type: ignore[no-untyped-def]
    from summarise.entities import EntityType
    from summarise.evaluation.annotation import GoldMention
    from summarise.readers import read_article

    for record in json.loads((ROOT / "bench" / name).read_text()):
        article = read_article(data_dir / folder / record["path"])
        gold = []
        for block, start, end, kind, text in reanchored(article, record["mentions"]):
            if article.blocks[block].text[start:end] != text:
                raise SystemExit(f"{record['path']}: gold {text!r} does not match the text")
            gold.append(GoldMention(block, start, end, EntityType(kind), text))
        yield record["path"], article, gold


def reanchored(article, mentions):  # type: ignore[no-untyped-def]
    """Gold offsets written before the readers took wire datelines and typesetting codes out of
    the text, moved to where the same words stand now; a mention inside the dateline is no
    longer in the text and is dropped (the dateline's town and agency are not scored)."""
    moved = []
    cursor = (0, 0)  # (block, offset) in the article as read now
    for block, start, end, kind, text in sorted(mentions, key=lambda m: (m[0], m[1])):
        if block < len(article.blocks) and article.blocks[block].text[start:end] == text:
            moved.append((block, start, end, kind, text))
            cursor = (block, end)
            continue
        found = None
        for b in range(cursor[0], min(len(article.blocks), block + 2)):
            at = article.blocks[b].text.find(text, cursor[1] if b == cursor[0] else 0)
            if at >= 0:
                found = (b, at)
                break
        if found is None:
            continue
        moved.append((found[0], found[1], found[1] + len(text), kind, text))
        cursor = (found[0], found[1] + len(text))
    return moved


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
    duc = args.duc or args.data_dir.parent / "duc2003"
    # (title, gold file, folder, data, names only): development sets first, then the held-out
    # sets, drawn at random and annotated after the rules were frozen, never tuned on.
    sets = [
        ("BBC, development (rules tuned on these)", "bbc", "articles", args.data_dir, False),
        (
            "BBC, development 2 (held out once, then tuned on)",
            "bbc_dev2",
            "articles",
            args.data_dir,
            False,
        ),
        (
            "BBC, development 3 (held out once, then tuned on)",
            "bbc_dev3",
            "articles",
            args.data_dir,
            False,
        ),
        ("DUC 2003 newswire, development (names only)", "duc_dev", "", duc, True),
        (
            "DUC 2003 newswire, development 2 (names only; held out once, then tuned on)",
            "duc_dev2",
            "",
            duc,
            True,
        ),
        (
            "BBC, held out (names only; never tuned on)",
            "bbc_heldout",
            "articles",
            args.data_dir,
            True,
        ),
        ("DUC 2003 newswire, held out (names only; never tuned on)", "duc_heldout", "", duc, True),
    ]
    for title, name, folder, root, names_only in sets:
        gold = gold_documents(root, f"entities_gold_{name}.json", folder=folder)
        evaluate(title, gold, args.errors, names_only=names_only)

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
