"""A statistical back-off for names the rules do not find: an averaged perceptron tagger.

The rules (recognise.py) are precise but miss names no list or cue tells them about. After
them, this tagger reads each paragraph's tokens left to right and tags people, organisations
and places (BIO tags, greedy, each tag seeing the two before it), from features any reader can
check: the word, its shape, affixes, its neighbours and theirs, and whether the word lists know
it. Its weights were learned from openly licensed annotated text (wikigold, CC BY 4.0; Universal
NER English-EWT, CC BY-SA 4.0) by bench/train_tagger.py, and ship in the package
(tagger.json.gz); nothing is downloaded. A span it finds is added only where the rules found
nothing, so it raises recall and leaves the rules' decisions alone.
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Iterator, Sequence
from functools import cache, lru_cache
from pathlib import Path

WEIGHTS = Path(__file__).with_name("tagger.json.gz")
TAGS = ("O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC")
# A name is added only when every word of it beat "outside a name" by this much: the tagger is
# the rules' back-off, and a wrong name costs more than a missed one.
# 4 measured: on the BBC and DUC held-out sets it costs no F1 against the rules alone, on
# wikigold and UNER (where the rules find a third of the names) it adds 8 and 15 points.
CONFIDENT = 4.0
# A paragraph's tokens: initialisms ("U.S."), words with inner apostrophes, hyphens or full
# stops, numbers, and each other character alone.
_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|\w++(?:['’\-.]\w++)*+|[^\w\s]")
_SHAPE_RUNS = re.compile(r"(.)\1++")


def tokens(text: str) -> list[tuple[str, int, int]]:
    """(token, start, end) of every token of a paragraph."""
    return [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


@lru_cache(maxsize=65536)
def shape(word: str) -> str:
    """ "Carney" -> "Xx", "U.S." -> "X.X.", "G7" -> "Xd", "e-mail" -> "x-x"."""
    mapped = "".join(
        "X" if c.isupper() else "x" if c.isalpha() else "d" if c.isdigit() else c for c in word
    )
    return _SHAPE_RUNS.sub(r"\1", mapped)[:6]


@cache
def _lists() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    from summarise.entities.gazetteer import (
        FIRST_NAMES,
        NATIONALITIES,
        ORG_CUES,
        PERSON_TITLES,
        PLACE_NAMES,
    )

    places = frozenset(w for name in PLACE_NAMES for w in name.split())
    return FIRST_NAMES, places, frozenset(ORG_CUES) | NATIONALITIES, frozenset(PERSON_TITLES)


def lowered(words: Sequence[str]) -> frozenset[str]:
    """Words a text also writes in lower case: a capital there may only open a sentence."""
    return frozenset(w for w in words if w[:1].islower())


def features(
    words: Sequence[str], i: int, previous: str, before: str, lower: frozenset[str] = frozenset()
) -> list[str]:
    """The features of word `i`, given the two tags before it and the words the document
    writes in lower case."""
    return [*word_features(words, i, lower), *tag_features(shape(words[i]), previous, before)]


def tag_features(word_shape: str, previous: str, before: str) -> tuple[str, str, str]:
    """The features that depend on the tags chosen before the word."""
    return f"t1={previous}", f"t2={before}|{previous}", f"t1|s={previous}|{word_shape}"


def word_features(words: Sequence[str], i: int, lower: frozenset[str]) -> list[str]:
    """The features of word `i` that do not depend on the tags before it."""
    first_names, places, org_words, titles = _lists()
    w = words[i]
    low = w.lower()
    p1 = words[i - 1] if i > 0 else "<s>"
    p2 = words[i - 2] if i > 1 else "<s>"
    n1 = words[i + 1] if i + 1 < len(words) else "</s>"
    n2 = words[i + 2] if i + 2 < len(words) else "</s>"
    here, left, right = shape(w), shape(p1), shape(n1)
    found = [
        "b",
        f"w={low}",
        f"s={here}",
        f"p3={low[:3]}",
        f"x3={low[-3:]}",
        f"x2={low[-2:]}",
        f"pw={p1.lower()}",
        f"nw={n1.lower()}",
        f"pw2={p2.lower()}",
        f"nw2={n2.lower()}",
        f"ps={left}",
        f"ns={right}",
        f"ps|s={left}|{here}",
        f"s|ns={here}|{right}",
    ]
    if i == 0:
        found.append("first")
    if w[:1].isupper() and low in lower:
        found.append("also-lower")
    if w in first_names:
        found.append("g=first-name")
    if w in places:
        found.append("g=place")
    if w in org_words:
        found.append("g=org-word")
    if n1 in org_words:
        found.append("g=next-org-word")
    if p1 in titles or p1.rstrip(".") in titles:
        found.append("g=after-title")
    if p1 in first_names:
        found.append("g=after-first-name")
    return found


@cache
def _weights() -> dict[str, dict[str, float]]:
    with gzip.open(WEIGHTS, "rt", encoding="utf-8") as stream:
        data: dict[str, dict[str, float]] = json.load(stream)
    return data


Vectors = dict[str, tuple[float, ...]]


def vectors(weights: dict[str, dict[str, float]]) -> Vectors:
    """Each feature's weights as one number per tag, in TAGS order: a word's scores are then
    a column sum, done in C (a third faster than adding label by label)."""
    return {f: tuple(labels.get(t, 0.0) for t in TAGS) for f, labels in weights.items()}


@cache
def _vectors() -> Vectors:
    return vectors(_weights())


_TAG_INDEX = {t: i for i, t in enumerate(TAGS)}
_OUTSIDE = _TAG_INDEX["O"]
_NO_SCORES = (0.0,) * len(TAGS)


def tag(
    words: Sequence[str], table: Vectors | None = None, lower: frozenset[str] = frozenset()
) -> tuple[list[str], list[float]]:
    """The BIO tag of every word, greedily, left to right, and how far each won over "O";
    `table`: other weights than the shipped ones, as vectors() makes them."""
    get = (_vectors() if table is None else table).get
    tags: list[str] = []
    margins: list[float] = []
    for i in range(len(words)):
        previous = tags[-1] if tags else "<s>"
        before = tags[-2] if len(tags) > 1 else "<s>"
        if not words[i][:1].isupper() and previous in ("O", "<s>"):
            # A name starts with a capital: outside one, a lower-case word or a figure stays
            # outside (most words: this is what keeps the tagger a few milliseconds a page).
            tags.append("O")
            margins.append(0.0)
            continue
        found = word_features(words, i, lower)
        found += tag_features(shape(words[i]), previous, before)
        rows = [row for feature in found if (row := get(feature)) is not None]
        # Summed feature by feature, as adding label by label did: the same floats exactly.
        scores = [sum(column) for column in zip(*rows, strict=True)] if rows else _NO_SCORES
        best = TAGS[max(range(len(TAGS)), key=lambda k: (scores[k], k == _OUTSIDE))]
        if best.startswith("I-") and previous[2:] != best[2:]:
            best = "B-" + best[2:]  # an inside tag with no beginning begins the name
        tags.append(best)
        margins.append(scores[_TAG_INDEX[best]] - scores[_OUTSIDE])
    return tags, margins


def spans(
    tags: Sequence[str], margins: Sequence[float] | None = None
) -> Iterator[tuple[int, int, str, float]]:
    """(first word, word after the last, type, the least margin of its words) of every name
    in BIO tags."""
    margins = margins if margins is not None else [0.0] * len(tags)
    start, kind = -1, ""
    for i, label in enumerate([*tags, "O"]):
        if start >= 0 and not (label.startswith("I-") and label[2:] == kind):
            yield start, i, kind, min(margins[start:i])
            start = -1
        if label.startswith("B-"):
            start, kind = i, label[2:]
