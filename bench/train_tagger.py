"""Train the name tagger's averaged perceptron (summarise/entities/tagger.py) and score it.

    python bench/train_tagger.py ../shared/data/ner --bbc ../shared/data/bbc \
        --duc ../shared/data/duc2003 [--write]

Training: 80% of the wikigold documents (every fifth document is held out), the Universal NER
English-EWT dev split, and this project's own newswire annotations that the rules were already
tuned on (bench/entities_gold_{bbc,bbc_dev2,bbc_dev3,duc_dev,duc_dev2}.json and the seeds'
tests/entities_gold). Held out, never trained on: the other wikigold documents, the UNER test
split, and the BBC and DUC held-out sets (scored by bench/entities.py). MISC is not a type here
(UNER has none): those words count as outside any name. Prints exact-span PER/ORG/LOC
precision, recall and F1 of the tagger alone on each held-out set at several confidence
margins, then writes the averaged weights, rounded and pruned, to
summarise/entities/tagger.json.gz with --write. Seeded: the same data gives the same weights.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from summarise.entities.tagger import (
    TAGS,
    WEIGHTS,
    features,
    lowered,
    spans,
    tag,
    tokens,
    vectors,
)

# (words, BIO labels, the words its document writes in lower case)
Sentence = tuple[list[str], list[str], frozenset[str]]
EPOCHS = 8
SEED = 20261202
# Weights smaller than this are dropped, the rest rounded: the file stays small.
PRUNE = 0.05


def _bio(labels: list[str]) -> list[str]:
    """IO or IOB2 labels as IOB2 over PER, ORG and LOC (MISC and others outside)."""
    found, previous = [], "O"
    for label in labels:
        kind = label[2:] if label[:2] in ("I-", "B-") else ""
        if kind not in ("PER", "ORG", "LOC"):
            found.append("O")
            previous = "O"
            continue
        starts = label.startswith("B-") or previous[2:] != kind
        found.append(("B-" if starts else "I-") + kind)
        previous = found[-1]
    return found


def wikigold(path: Path) -> list[list[Sentence]]:
    documents: list[list[Sentence]] = []
    words: list[str] = []
    labels: list[str] = []
    for line in [*path.read_text("utf-8").splitlines(), ""]:
        if line.startswith("-DOCSTART-"):
            documents.append([])
            continue
        if not line.strip():
            if words:
                if not documents:
                    documents.append([])
                documents[-1].append((words, _bio(labels), frozenset()))
            words, labels = [], []
            continue
        word, label = line.rsplit(" ", 1)
        words.append(word)
        labels.append(label)
    return [_with_lower(d) for d in documents if d]


def _with_lower(document: list[Sentence]) -> list[Sentence]:
    lower = lowered([w for words, _, _ in document for w in words])
    return [(words, labels, lower) for words, labels, _ in document]


def uner(path: Path) -> list[Sentence]:
    documents: list[list[Sentence]] = [[]]
    words: list[str] = []
    labels: list[str] = []
    for line in [*path.read_text("utf-8").splitlines(), ""]:
        if line.startswith("# newdoc"):
            documents.append([])
        if line.startswith("#"):
            continue
        if not line.strip():
            if words:
                documents[-1].append((words, _bio(labels), frozenset()))
            words, labels = [], []
            continue
        parts = line.split("\t")
        words.append(parts[1])
        labels.append(parts[2])
    return [s for d in documents if d for s in _with_lower(d)]


_KINDS = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC"}


def own_gold(bbc: Path, duc: Path) -> list[Sentence]:
    """This project's newswire annotations the rules were tuned on, as tagged paragraphs."""
    from entities import gold_documents, seed_gold

    sets = [("bbc", "articles", bbc), ("bbc_dev2", "articles", bbc), ("bbc_dev3", "articles", bbc)]
    sets += [("duc_dev", "", duc), ("duc_dev2", "", duc)]
    documents = list(seed_gold())
    for name, folder, root in sets:
        documents += gold_documents(root, f"entities_gold_{name}.json", folder=folder)
    sentences: list[Sentence] = []
    for _, article, mentions in documents:
        paragraphs = []
        for index, block in enumerate(article.blocks):
            found = tokens(block.text)
            labels = ["O"] * len(found)
            for m in mentions:
                kind = _KINDS.get(m.type.value)
                if m.block != index or kind is None:
                    continue
                inside = [i for i, (_, s, e) in enumerate(found) if s >= m.start and e <= m.end]
                for n, i in enumerate(inside):
                    labels[i] = ("B-" if n == 0 else "I-") + kind
            if found:
                paragraphs.append(([w for w, _, _ in found], labels, frozenset()))
        sentences += _with_lower(paragraphs)
    return sentences


def train(sentences: list[Sentence]) -> dict[str, dict[str, float]]:
    """Averaged perceptron over greedy left-to-right decoding."""
    weights: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    totals: dict[tuple[str, str], float] = defaultdict(float)
    stamps: dict[tuple[str, str], int] = defaultdict(int)
    step = 0
    order = list(sentences)
    rng = random.Random(SEED)
    for _ in range(EPOCHS):
        rng.shuffle(order)
        for words, gold, lower in order:
            previous, before = "<s>", "<s>"
            for i in range(len(words)):
                step += 1
                found = features(words, i, previous, before, lower)
                scores = dict.fromkeys(TAGS, 0.0)
                for f in found:
                    for label, w in weights[f].items():
                        scores[label] += w
                guess = max(TAGS, key=lambda t: (scores[t], t == "O"))
                truth = gold[i]
                if guess != truth:
                    for f in found:
                        for label, change in ((truth, 1.0), (guess, -1.0)):
                            key = (f, label)
                            totals[key] += (step - stamps[key]) * weights[f][label]
                            stamps[key] = step
                            weights[f][label] += change
                before, previous = previous, truth
    averaged: dict[str, dict[str, float]] = {}
    for f, labels in weights.items():
        for label, w in labels.items():
            key = (f, label)
            total = totals[key] + (step - stamps[key]) * w
            value = round(total / step, 3)
            if abs(value) >= PRUNE:
                averaged.setdefault(f, {})[label] = value
    return averaged


def score(sentences: list[Sentence], weights: dict[str, dict[str, float]], least: float) -> str:
    hits = predicted = wanted = 0
    table = vectors(weights)
    for words, gold, lower in sentences:
        mine = {s[:3] for s in spans(*tag(words, table, lower)) if s[3] >= least}
        right = {s[:3] for s in spans(gold)}
        hits += len(mine & right)
        predicted += len(mine)
        wanted += len(right)
    p = hits / predicted if predicted else 0.0
    r = hits / wanted if wanted else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"P {100 * p:5.1f}  R {100 * r:5.1f}  F1 {100 * f:5.1f}  ({wanted} names)"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ner", type=Path)
    parser.add_argument("--bbc", type=Path, help="the BBC folder: train on its tuned-on gold")
    parser.add_argument("--duc", type=Path, help="the DUC 2003 folder, likewise")
    parser.add_argument("--write", action="store_true", help="write the weights into the package")
    args = parser.parse_args(argv)
    documents = wikigold(args.ner / "wikigold.conll.txt")
    held_wiki = [s for n, d in enumerate(documents) if n % 5 == 4 for s in d]
    train_wiki = [s for n, d in enumerate(documents) if n % 5 != 4 for s in d]
    train_uner = uner(args.ner / "uner-en-ewt-dev.iob2")
    held_uner = uner(args.ner / "uner-en-ewt-test.iob2")
    training = train_wiki + train_uner
    if args.bbc and args.duc:
        training += own_gold(args.bbc, args.duc)
    print(
        f"training on {len(training):,} sentences ({sum(len(w) for w, _, _ in training):,} tokens)"
    )
    weights = train(training)
    print(f"{len(weights):,} features kept")
    for least in (0.0, 1.0, 2.0, 4.0):
        print(f"confidence margin {least}:")
        print(f"  wikigold, held-out fifth of the documents: {score(held_wiki, weights, least)}")
        print(f"  UNER English-EWT test (never trained on):   {score(held_uner, weights, least)}")
    if args.write:
        with gzip.open(WEIGHTS, "wt", encoding="utf-8", compresslevel=9) as stream:
            json.dump(weights, stream, separators=(",", ":"), sort_keys=True)
        print(f"wrote {WEIGHTS} ({WEIGHTS.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
