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
sys.path.insert(0, str(Path(__file__).resolve().parent))


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

    predicted, rules_only, gold, texts = set(), set(), set(), {}
    for name, article, mentions in documents:
        texts[name] = article
        gold |= mention_keys(name, mentions)
        predicted |= mention_keys(name, find_entities(article).mentions)
        rules_only |= mention_keys(name, find_entities(article, back_off=False).mentions)
    if names_only:
        predicted = {k for k in predicted if k[4] in NAME_TYPES}
        rules_only = {k for k in rules_only if k[4] in NAME_TYPES}
    scores = score(predicted, gold)
    print(f"\n{title}: {len(texts)} articles, {len(gold)} gold mentions")
    print(format_scores(scores))
    names = score(rules_only, gold)["PER/ORG/GPE"]
    print(
        f"  the rules alone: PER/ORG/GPE P {names.precision:.3f} R {names.recall:.3f} "
        f"F1 {names.f1:.3f}"
    )
    if show_errors:
        for label, keys in (("missed", gold - predicted), ("spurious", predicted - gold)):
            for doc, block, start, end, kind in sorted(keys):
                print(f"  {label:8} {doc} {kind:7} {texts[doc].blocks[block].text[start:end]!r}")
    return scores["ALL"].f1


def conll_style(ner: Path) -> None:
    """Exact-span PER/ORG/LOC on text formatted as public name benchmarks are (one token a
    line): the wikigold documents the tagger never saw and the UNER English-EWT test split,
    each document's sentences as paragraphs; the rules alone, then with the tagger."""
    from train_tagger import uner, wikigold

    from summarise.article import Article, Block, BlockKind
    from summarise.entities import find_entities
    from summarise.entities.tagger import spans

    kinds = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC"}
    documents = wikigold(ner / "wikigold.conll.txt")
    sets = {
        "wikigold, held-out fifth (never trained on)": [
            d for n, d in enumerate(documents) if n % 5 == 4
        ],
        "UNER English-EWT test (never trained on)": [
            part[i : i + 20]
            for part in [uner(ner / "uner-en-ewt-test.iob2")]
            for i in range(0, len(part), 20)
        ],
    }
    print("\nBenchmark-style text (PER/ORG/LOC, exact spans):")
    for label, docs in sets.items():
        for back_off in (False, True):
            hits = predicted = wanted = 0
            for document in docs:
                blocks, gold = [], set()
                for b, (words, tags, _) in enumerate(document):
                    offsets, text = [], ""
                    for word in words:
                        text += " " if text else ""
                        offsets.append((len(text), len(text) + len(word)))
                        text += word
                    blocks.append(Block(BlockKind.PARAGRAPH, text))
                    for first, after, kind, _ in spans(tags):
                        gold.add((b, offsets[first][0], offsets[after - 1][1], kind))
                article = Article("x", None, "Headline", tuple(blocks))
                found = find_entities(article, back_off=back_off).mentions
                mine = {
                    (m.block, m.start, m.end, kinds[m.type.value])
                    for m in found
                    if m.type.value in kinds
                }
                hits, predicted, wanted = (
                    hits + len(mine & gold),
                    predicted + len(mine),
                    wanted + len(gold),
                )
            p, r = hits / predicted, hits / wanted
            who = "rules and tagger" if back_off else "the rules alone"
            print(f"  {label}, {who}: P {p:.3f} R {r:.3f} F1 {2 * p * r / (p + r):.3f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument(
        "--duc", type=Path, help="the DUC 2003 folder (default: duc2003 beside DATA_DIR)"
    )
    parser.add_argument("--errors", action="store_true", help="list every miss and false hit")
    parser.add_argument("--ner", type=Path, help="the ner folder (default: ner beside DATA_DIR)")
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

    conll_style(args.ner or args.data_dir.parent / "ner")

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
