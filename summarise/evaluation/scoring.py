"""Precision, recall and F1 of entity mentions against gold, exact span and type."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from summarise.entities import EntityType, Mention
from summarise.evaluation.annotation import GoldMention

Key = tuple[str, int, int, int, str]  # document, block, start, end, type


@dataclass(frozen=True, slots=True)
class Score:
    true_positives: int
    predicted: int
    gold: int

    @property
    def precision(self) -> float:
        return self.true_positives / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def mention_keys(document: str, mentions: Iterable[Mention | GoldMention]) -> set[Key]:
    return {(document, m.block, m.start, m.end, m.type.value) for m in mentions}


# The three name types alone: what public name-recognition benchmarks score.
NAME_TYPES = frozenset({EntityType.PERSON.value, EntityType.ORG.value, EntityType.GPE.value})


def score(predicted: set[Key], gold: set[Key]) -> dict[str, Score]:
    """Scores per type, "PER/ORG/GPE" and "ALL"."""
    hits = predicted & gold
    count = Counter(k[4] for k in hits)
    pred = Counter(k[4] for k in predicted)
    want = Counter(k[4] for k in gold)
    result = {t.value: Score(count[t.value], pred[t.value], want[t.value]) for t in EntityType}
    names = sum(count[t] for t in NAME_TYPES), sum(pred[t] for t in NAME_TYPES)
    result["PER/ORG/GPE"] = Score(*names, sum(want[t] for t in NAME_TYPES))
    result["ALL"] = Score(len(hits), len(predicted), len(gold))
    return result


def format_scores(scores: dict[str, Score]) -> str:
    lines = [f"{'type':<11} {'P':>6} {'R':>6} {'F1':>6} {'gold':>5} {'found':>6}"]
    for name, s in scores.items():
        if s.gold or s.predicted:
            figures = f"{s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f}"
            lines.append(f"{name:<11} {figures} {s.gold:5} {s.predicted:6}")
    return "\n".join(lines)
