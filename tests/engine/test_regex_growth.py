"""Every regular expression of the engine runs in time linear in its input.

A pattern with nested or adjacent unbounded quantifiers over overlapping classes can take time
that grows with the square of the text (or worse) on a hostile article, and holds the GIL while
it does. Each module-level pattern in summarise/ is given runs of characters that such patterns
stumble on, at two sizes ten times apart; the larger may take at most GROWTH times as long
(linear is 10x, quadratic 100x). bench/hostile.py times the same at 10 KB, 100 KB and 1 MB.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import string
import time
from re import _constants as sre
from re import _parser as sre_parse

import pytest

import summarise

# Runs of these, after each prefix, are what the patterns found quadratic so far stumbled on:
# digit groups, capitalised and hyphenated words, brackets, emphasis marks, spaces, quotes.
UNITS = (
    "a", "A", "1", " ", "*a ", "_a ", "[", "](", "(", "#", " #", "1,", "1.", "A-", "A.", ". ",
    '"', "“a ", "'", "<p>", "&#", "\n", "\t", "Aa ", "A'", "Ab", "A a ", "1 ", "a.", "<cite x>",
    # and every punctuation mark alone, with the Unicode dashes, spaces, quotes, ellipsis and
    # the marks that are not seen (combining, right-to-left, zero-width): a class of character
    # no one thought of is what finds the next quadratic pattern (a run of "." did)
    *string.punctuation, "—", "–", "…", "\u00a0", "\u2009", "«", "»", "‘", "’", "”", "\u0301",
    "\u200f", "\u200b", "a\u0301",
)  # fmt: skip
PREFIXES = ("", "# ", "$", "A ")
SMALL, LARGE = 1_000, 10_000
GROWTH = 30
# A floor under the small time, so that timer noise on microseconds is not read as growth.
FLOOR_SECONDS = 0.0005

# Patterns that are only ever run on bounded input, and the bound.
BOUNDED = {
    "summarise.library.analysis._ROLE_BEFORE": "searched in the 40 characters before a name",
    "summarise.language.datelines._IN_CAPITALS": "matched on a paragraph's first 200 characters",
    "summarise.language.datelines._IN_TITLE_CASE": "matched on a paragraph's first 200 characters",
    "summarise.language.datelines._AGENCY_ONLY": "matched on a paragraph's first 200 characters",
    "summarise.language.headlines._ATTRIBUTION": "searched in a sentence's last 100 characters",
}


def _patterns() -> dict[str, re.Pattern[str]]:
    found: dict[str, re.Pattern[str]] = {}
    seen: set[int] = set()
    for module in pkgutil.walk_packages(summarise.__path__, "summarise."):
        if ".evaluation" in module.name:
            continue
        for name, value in vars(importlib.import_module(module.name)).items():
            if isinstance(value, re.Pattern) and id(value) not in seen:
                seen.add(id(value))
                found[f"{module.name}.{name}"] = value
    return found


PATTERNS = _patterns()


def _seconds(pattern: re.Pattern[str], text: str) -> float:
    started = time.perf_counter()
    for _ in pattern.finditer(text):
        pass
    return time.perf_counter() - started


def test_the_audit_sees_the_engines_patterns() -> None:
    assert len(PATTERNS) >= 50
    assert set(BOUNDED) <= set(PATTERNS)


@pytest.mark.parametrize("name", sorted(set(PATTERNS) - set(BOUNDED)))
def test_pattern_time_grows_linearly(name: str) -> None:
    pattern = PATTERNS[name]
    worst = (0.0, "")
    for prefix in PREFIXES:
        for unit in UNITS:
            small_text = prefix + unit * (SMALL // len(unit))
            large_text = prefix + unit * (LARGE // len(unit))
            small, large = _seconds(pattern, small_text), _seconds(pattern, large_text)
            if large / max(small, FLOOR_SECONDS) > GROWTH:  # a busy machine? the best of three
                small = min(small, *(_seconds(pattern, small_text) for _ in range(2)))
                large = min(large, *(_seconds(pattern, large_text) for _ in range(2)))
            growth = large / max(small, FLOOR_SECONDS)
            if growth > worst[0]:
                worst = (growth, f"{prefix!r} + {unit!r} * n: {small:.4f} s -> {large:.4f} s")
    assert worst[0] <= GROWTH, f"{name} grows {worst[0]:.0f}x for 10x the text ({worst[1]})"


# Patterns that repeat a group holding an unbounded repeat, each with why it stays linear; every
# other such pattern must make the repetition possessive (++, *+) or atomic, so that the engine
# never tries the ways one text can be split between the two repeats.
NESTED = {
    "summarise.entities.figures.MONEY": "unrolled: each group starts with . or , which no \\d "
    "matches; the growth test feeds it digit groups",
    "summarise.entities.figures.PERCENT": "unrolled, as MONEY",
    "summarise.readers.common._OLD_DATELINE": "anchored at ^ and bounded ({1,40})",
    "summarise.readers.html_page._CITE": "the unrolled loop [^<]*(?:<(?!...)[^<]*)*: each group "
    "starts with <, which the class before it excludes",
}


def _nested(items: sre_parse.SubPattern | list[tuple[object, object]], inside: bool) -> bool:
    """Whether an unbounded repeat that can backtrack stands inside another (`inside`)."""
    for op, av in items:
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
            _, most, body = av  # type: ignore[misc]
            unbounded = most == sre.MAXREPEAT
            children, inner = [body], inside or unbounded
            if unbounded and inside:
                return True
        elif op is sre.SUBPATTERN:
            children, inner = [av[-1]], inside  # type: ignore[index]
        elif op is sre.BRANCH:
            children, inner = list(av[1]), inside  # type: ignore[index]
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            children, inner = [av[1]], inside  # type: ignore[index]
        else:  # POSSESSIVE_REPEAT and ATOMIC_GROUP never give back what they took: safe
            continue
        if any(_nested(child, inner) for child in children):
            return True
    return False


def test_no_pattern_nests_repeats_that_can_backtrack() -> None:
    nested = {
        name
        for name, pattern in PATTERNS.items()
        if _nested(sre_parse.parse(pattern.pattern, pattern.flags), False)
    }
    assert nested - set(NESTED) == set(), "make the inner repeat possessive (++ *+), or say why"
    assert set(NESTED) <= nested  # an entry that no longer nests is taken out of the list


# Memory: the engine keeps a backtracking point per repetition of a group it may have to undo,
# so `(?:a|b)*` over a 10 MB word held 1.4 GB. Each pattern, on 300 KB of the runs that
# cost most (300 KB: the alternation held 42 MB there), may hold at most this much.
MEMORY_UNITS = ("a", "A", "1", "a'", "A-", ". ", "#", "[", "“")
MEMORY_SIZE = 300_000
MEMORY_LIMIT = 10_000_000


@pytest.mark.parametrize("name", sorted(set(PATTERNS) - set(BOUNDED)))
def test_pattern_memory_stays_small(name: str) -> None:
    import tracemalloc

    pattern = PATTERNS[name]
    worst = (0, "")
    for unit in MEMORY_UNITS:
        text = unit * (MEMORY_SIZE // len(unit))
        tracemalloc.start()
        try:
            for match in pattern.finditer(text):
                del match
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        worst = max(worst, (peak, unit))
    assert worst[0] <= MEMORY_LIMIT, f"{name} held {worst[0] / 1e6:.0f} MB on {worst[1]!r} * n"
