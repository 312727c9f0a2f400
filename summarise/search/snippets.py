"""Where a query matches in a hit's text, and the snippet shown for it, worked out in Python.

SQLite's own snippet() and highlight() run the whole full-text query again for the hits, which
for a prefix query over 100,000 articles costs as much as the search itself. Here the hits'
texts are read by rowid and the query's terms found in them the way the index found them:
words folded and stripped of accents, then stemmed with the same Porter algorithm FTS5's
porter tokenizer uses; a prefix term matches any stem it begins. A regular expression finds the
words that begin as a term does (Porter changes a word's end, never its first letters), and
only those are stemmed, so a long text costs one pass in C.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import cache
from itertools import islice

_TOKEN = re.compile(r"[^\W_]+")
# Words of context shown in a snippet, as SQLite's snippet() was asked for.
SNIPPET_TOKENS = 16
SNIPPET_CHARS = 240
# Letters of a stem that its word certainly begins with ("happi" from "happy": "hap").
HEAD = 3

Term = tuple[tuple[str, ...], bool]  # words, prefix
_Wanted = tuple[tuple[str, bool], ...]  # (stem or prefix, is a prefix) for each word


@cache
def _stemmer():  # type: ignore[no-untyped-def]
    import Stemmer

    return Stemmer.Stemmer("porter")


def _fold(word: str) -> str:
    if word.isascii():
        return word.lower()
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@cache
def _compiled(terms: tuple[Term, ...]) -> tuple[list[_Wanted], re.Pattern[str]]:
    stem = _stemmer().stemWord
    wanted = [
        tuple(
            (_fold(w), True) if prefix and i == len(words) - 1 else (stem(_fold(w)), False)
            for i, w in enumerate(words)
        )
        for words, prefix in terms
    ]
    heads = sorted({term[0][0][:HEAD] for term in wanted}, key=len, reverse=True)
    pattern = re.compile(
        r"(?<![^\W_])(?:" + "|".join(re.escape(h) for h in heads) + r")[^\W_]*", re.IGNORECASE
    )
    return wanted, pattern


def match_spans(text: str, terms: Sequence[Term]) -> list[tuple[int, int]]:
    """Offsets in `text` of every match of the terms, in order."""
    if not terms:
        return []
    wanted, pattern = _compiled(tuple(terms))
    stem = _stemmer().stemWord
    spans: list[tuple[int, int]] = []
    after = 0
    for first in pattern.finditer(text):
        if first.start() < after:
            continue
        words = None
        for term in wanted:
            if words is None or len(words) < len(term):
                words = [first, *_next_words(text, first.end(), len(term) - 1)]
            if len(words) >= len(term) and all(
                _matches(stem(_fold(m.group())), word, prefix)
                for m, (word, prefix) in zip(words, term, strict=False)
            ):
                end = words[len(term) - 1].end()
                spans.append((first.start(), end))
                after = end
                break
    return spans


def _matches(found: str, word: str, prefix: bool) -> bool:
    return found.startswith(word) if prefix else found == word


def _next_words(text: str, start: int, count: int) -> list[re.Match[str]]:
    found: list[re.Match[str]] = []
    for m in _TOKEN.finditer(text, start):
        if len(found) == count:
            break
        found.append(m)
    return found


def snippet(text: str, spans: Sequence[tuple[int, int]]) -> tuple[str, list[tuple[int, int]]]:
    """About SNIPPET_TOKENS words around the most matches, "…" where the text is cut; returns
    the snippet and the matches' offsets in it."""
    centre = _busiest(spans) if spans else 0
    # Words before the match: a few, so the snippet leads into it.
    before = [m.start() for m in _TOKEN.finditer(text, max(0, centre - 60), centre)][-3:]
    lo = before[0] if before and centre else 0
    words = [m.end() for m in islice(_TOKEN.finditer(text, lo), SNIPPET_TOKENS)]
    # At most SNIPPET_CHARS however long its words (a 10 MB word printed 10 MB).
    hi = min(words[-1] if words else len(text), lo + SNIPPET_CHARS)
    if lo <= 0:
        lo = 0
    head = "" if lo == 0 else "…"
    tail = "" if hi >= len(text) else "…"
    shown = head + text[lo:hi] + tail
    marks = [(s - lo + len(head), e - lo + len(head)) for s, e in spans if lo <= s and e <= hi]
    return shown, marks


def _busiest(spans: Sequence[tuple[int, int]], reach: int = 100) -> int:
    """The start of the match with the most matches in the `reach` characters after it."""
    best, best_count = spans[0][0], 0
    for index, (start, _) in enumerate(spans):
        count = sum(1 for s, _ in spans[index : index + 8] if s - start <= reach)
        if count > best_count:
            best, best_count = start, count
    return best
