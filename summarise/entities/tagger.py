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
from collections.abc import Iterable, Iterator, Sequence
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
    """Each feature's weights as one number per tag, in TAGS order."""
    return {f: tuple(labels.get(t, 0.0) for t in TAGS) for f, labels in weights.items()}


@cache
def _vectors() -> Vectors:
    return vectors(_weights())


_TAG_INDEX = {t: i for i, t in enumerate(TAGS)}
_OUTSIDE = _TAG_INDEX["O"]
# The weights are written rounded to thousandths (bench/train_tagger.py), so in thousandths they
# are whole numbers and a word's scores are exact sums, in whatever order the parts are added.
_UNIT = 1000
# A word's scores are the sum of a few parts, each a function of one neighbour or of the tags
# before it, kept once worked out (words recur: most parts are found, not summed again). Past
# this many kept, a part's store starts again, so a million articles' words do not pile up.
KEPT_PARTS = 50_000

Scores = tuple[int, ...]


class _Scorer:
    """The tagger's scores for one table of weights: each word's features fall into parts
    (the word itself; the word before it with the word's shape; the word after it likewise;
    the words two before and two after; the tags before it), and each part's summed weights
    are kept by what it depends on."""

    def __init__(self, table: Vectors) -> None:
        self._weights = {f: tuple(round(w * _UNIT) for w in v) for f, v in table.items()}
        self._zero: Scores = (0,) * len(TAGS)
        self._first = self._weights.get("first", self._zero)
        self._also_lower = self._weights.get("also-lower", self._zero)
        self._parts: list[dict[object, Scores]] = [{} for _ in range(6)]

    def _summed(self, found: Iterable[str]) -> Scores:
        get = self._weights.get
        rows = [row for feature in found if (row := get(feature)) is not None]
        if not rows:
            return self._zero
        return tuple(map(sum, zip(*rows, strict=True)))

    def _kept(self, part: int, key: object, found: Iterable[str]) -> Scores:
        store = self._parts[part]
        if len(store) >= KEPT_PARTS:
            store.clear()
        scores = store[key] = self._summed(found)
        return scores

    def tag(self, words: Sequence[str], lower: frozenset[str]) -> tuple[list[str], list[float]]:
        """See tag(): a word's scores are the sum of word_features() and tag_features()."""
        own, left, right, far_left, far_right, tagged = self._parts
        kept, first, also_lower = self._kept, self._first, self._also_lower
        count = len(words)
        tags = ["O"] * count
        margins = [0.0] * count
        after_name = 0  # the first word not yet tagged as part of a name read before
        # A name starts with a capital: outside one, a lower-case word or a figure stays outside
        # (most words: this is what keeps the tagger a few milliseconds a page).
        for start in [i for i, w in enumerate(words) if w[:1].isupper()]:
            if start < after_name:
                continue
            i = start
            while i < count:
                previous = tags[i - 1] if i > 0 else "<s>"
                if i > start and previous == "O":
                    break
                before = tags[i - 2] if i > 1 else "<s>"
                w = words[i]
                p1 = words[i - 1] if i > 0 else "<s>"
                p2 = words[i - 2] if i > 1 else "<s>"
                n1 = words[i + 1] if i + 1 < count else "</s>"
                n2 = words[i + 2] if i + 2 < count else "</s>"
                here = shape(w)
                parts = [
                    own.get(w) or kept(0, w, _own_features(w, here)),
                    left.get((p1, here)) or kept(1, (p1, here), _left_features(p1, here)),
                    right.get((n1, here)) or kept(2, (n1, here), _right_features(n1, here)),
                    far_left.get(p2) or kept(3, p2, (f"pw2={p2.lower()}",)),
                    far_right.get(n2) or kept(4, n2, (f"nw2={n2.lower()}",)),
                    tagged.get((previous, before, here))
                    or kept(5, (previous, before, here), tag_features(here, previous, before)),
                ]
                if i == 0:
                    parts.append(first)
                if w[:1].isupper() and w.lower() in lower:
                    parts.append(also_lower)
                scores = list(map(sum, zip(*parts, strict=True)))
                top = max(scores)
                # Ties go to "outside a name", then to the tag listed first.
                best = TAGS[_OUTSIDE if scores[_OUTSIDE] == top else scores.index(top)]
                if best[0] == "I" and previous[2:] != best[2:]:
                    best = "B-" + best[2:]  # an inside tag with no beginning begins the name
                tags[i] = best
                margins[i] = (scores[_TAG_INDEX[best]] - scores[_OUTSIDE]) / _UNIT
                i += 1
            after_name = i
        return tags, margins


def _own_features(w: str, here: str) -> list[str]:
    first_names, places, org_words, _ = _lists()
    low = w.lower()
    found = ["b", f"w={low}", f"s={here}", f"p3={low[:3]}", f"x3={low[-3:]}", f"x2={low[-2:]}"]
    if w in first_names:
        found.append("g=first-name")
    if w in places:
        found.append("g=place")
    if w in org_words:
        found.append("g=org-word")
    return found


def _left_features(p1: str, here: str) -> list[str]:
    first_names, _, _, titles = _lists()
    left = shape(p1)
    found = [f"pw={p1.lower()}", f"ps={left}", f"ps|s={left}|{here}"]
    if p1 in titles or p1.rstrip(".") in titles:
        found.append("g=after-title")
    if p1 in first_names:
        found.append("g=after-first-name")
    return found


def _right_features(n1: str, here: str) -> list[str]:
    _, _, org_words, _ = _lists()
    right = shape(n1)
    found = [f"nw={n1.lower()}", f"ns={right}", f"s|ns={here}|{right}"]
    if n1 in org_words:
        found.append("g=next-org-word")
    return found


@cache
def _shipped() -> _Scorer:
    return _Scorer(_vectors())


def tag(
    words: Sequence[str], table: Vectors | None = None, lower: frozenset[str] = frozenset()
) -> tuple[list[str], list[float]]:
    """The BIO tag of every word, greedily, left to right, and how far each won over "O";
    `table`: other weights than the shipped ones, as vectors() makes them."""
    return (_shipped() if table is None else _Scorer(table)).tag(words, lower)


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
