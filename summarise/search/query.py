"""The search query language, translated so that no input can make FTS5 raise.

Words, "phrases", prefix*, AND / OR / NOT, -word (NOT), and field filters title: source:
entity: tag:. Every term is quoted, so punctuation, a lone `*` or `NEAR(` are plain text.
"""

from __future__ import annotations

import re

from summarise.errors import AskedAmiss

MAX_QUERY_CHARS = 500
MAX_TERMS = 32
# What a user types as a field, and the index column it searches.
FIELDS = {"title": "title", "source": "source", "entity": "entities", "tag": "tags"}


class QueryError(AskedAmiss, ValueError):
    """A query with nothing left to search for (only operators or punctuation)."""


_TOKEN = re.compile(
    r'(?P<field>\b(?:title|source|entity|tag):)?(?:"(?P<phrase>[^"]*)"?|(?P<word>[^\s"()]+))'
    r"|(?P<paren>[()])"
)
_OPERATORS = {"AND", "OR", "NOT"}
_CONTROL = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07?|[\x00-\x1f\x7f]")
_WORDISH = re.compile(r"\w", re.UNICODE)


def needs_names(query: str) -> bool:
    """Whether the query searches the names articles mention (entity:), which the index
    holds only once their analysis is done."""
    return any(m.group("field") == "entity:" for m in _TOKEN.finditer(query))


def _quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def translate_query(query: str) -> str:
    """Turn what a user typed into a valid FTS5 query.

    Supports words, "phrases", prefix*, AND / OR / NOT, -word (NOT), and field filters
    title: source: entity: tag:. Every term is quoted, so punctuation, a lone `*` or
    `NEAR(` are plain text; operators with nothing on one side are dropped; parentheses are
    ignored. Raises QueryError when no searchable term is left.
    """
    query = _CONTROL.sub(" ", query)[:MAX_QUERY_CHARS]
    parts: list[str] = []  # alternating terms and operators, built up left to right
    left_out: list[str] = []
    terms = 0
    for m in _TOKEN.finditer(query):
        if m.group("paren"):
            continue
        word, phrase, field_name = m.group("word"), m.group("phrase"), m.group("field")
        if word in _OPERATORS and not field_name:
            if parts and parts[-1] in _OPERATORS:
                parts[-1] = word  # "AND NOT": the later operator says what was meant
            elif parts:
                parts.append(word)
            continue  # an operator first has nothing on its left: FTS5 would refuse it
        negate = False
        if word and word.startswith("-") and len(word) > 1 and not field_name:
            negate, word = True, word[1:]
        prefix = bool(word and word.endswith("*"))
        text = (phrase if phrase is not None else word or "").rstrip("*").strip()
        if not _WORDISH.search(text):
            continue  # nothing FTS5 would index: "*", "-", "&&"
        term = _quote(text) + ("*" if prefix else "")
        if field_name:
            term = f"{FIELDS[field_name[:-1]]} : {term}"
        if negate:
            if not parts:
                left_out.append(f"-{text}")
                continue  # "-word" alone: nothing to subtract from
            if parts[-1] in _OPERATORS:
                parts.pop()
            parts.append("NOT")
        elif parts and parts[-1] not in _OPERATORS:
            parts.append("AND")
        parts.append(term)
        terms += 1
        if terms >= MAX_TERMS:
            break
    while parts and parts[-1] in _OPERATORS:
        parts.pop()
    if not parts and left_out:
        word = left_out[0]
        raise QueryError(
            f"nothing to search for: {word} only leaves a word out "
            f"(to find it: {word[1:]}; to leave it out of a search: trade {word})"
        )
    if not parts:
        raise QueryError("nothing to search for: type a word")
    return " ".join(parts)


def plain_terms(query: str) -> str:
    """The fallback: every word of the query, ANDed, with no operators or fields."""
    words = re.findall(r"\w+", _CONTROL.sub(" ", query)[:MAX_QUERY_CHARS])[:MAX_TERMS]
    if not words:
        raise QueryError("nothing to search for: type a word")
    return " AND ".join(_quote(w) for w in words)


def marked_terms(query: str) -> list[tuple[tuple[str, ...], bool]]:
    """What a hit's body text should show as matching: each term the query looks for in the
    body, as its words and whether it is a prefix. Terms it leaves out (NOT, -word) and terms
    for another field (title:, source:, ...) are not marked."""
    query = _CONTROL.sub(" ", query)[:MAX_QUERY_CHARS]
    found: list[tuple[tuple[str, ...], bool]] = []
    negate_next = False
    for m in _TOKEN.finditer(query):
        word, phrase, field_name = m.group("word"), m.group("phrase"), m.group("field")
        if m.group("paren"):
            continue
        if word in _OPERATORS and not field_name:
            negate_next = word == "NOT"
            continue
        negated = negate_next or bool(word and word.startswith("-") and len(word) > 1)
        negate_next = False
        text = phrase if phrase is not None else (word or "").lstrip("-")
        prefix = text.endswith("*")
        words = tuple(re.findall(r"\w+", text.casefold()))
        if words and not negated and not field_name:
            found.append((words, prefix))
        if len(found) >= MAX_TERMS:
            break
    return found
