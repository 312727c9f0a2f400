"""The queries the search benchmarks time, and the words grep is timed on for scale."""

from __future__ import annotations

QUERIES = [
    "election",
    "tariff",
    "economy growth",
    '"world cup"',
    "music award",
    "mobile phone*",
    "title:oil",
    "entity:Microsoft",
    "bank AND rates",
    "film NOT oscar",
    "champion*",
    "internet OR broadband",
    "prime minister",
    "shares fell",
    "court case",
    "software security",
    "chelsea",
    "album",
    "interest rates",
    "government plans",
]
# grep answers a simpler question (which files hold one word, unranked, no snippets).
GREP_TERMS = [q.split(":")[-1].strip('"*').split()[0] for q in QUERIES]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]
