"""The articles a followed name or search finds, as the library names people today.

A followed search is run on the index. A followed name follows the person or organisation the
library means by it: the articles whose names include it are found by the index (its last word
among their names), then read with the library's aliases (entities/aliases.py) over those
articles, so "Clinton" follows Bill Clinton where the library's Clinton is Bill, and
"Bill Clinton" finds the reports that say only "Clinton" too.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from summarise.entities.aliases import resolve_aliases
from summarise.library.analysis import Profile
from summarise.library.state import Followed
from summarise.search.index import SearchIndex
from summarise.search.query import QueryError

Profiles = Callable[[Sequence[str]], dict[str, Profile]]


@dataclass(frozen=True, slots=True)
class Found:
    """What a follow finds: its articles (the library's order), and the name they use for a
    followed name (None for a search, or a name no article uses yet)."""

    followed: Followed
    ids: list[str]
    resolved: str | None = None


def _fold(name: str) -> str:
    return " ".join(name.replace(".", "").replace("-", " ").casefold().split())


def find_followed(index: SearchIndex, followed: Followed, profiles: Profiles) -> Found:
    """The articles a follow finds now."""
    if followed.kind == "query":
        try:
            return Found(followed, index.matching_ids(followed.name))
        except QueryError:
            return Found(followed, [])
    words = followed.name.split()
    if not words:
        return Found(followed, [])
    try:
        candidates = index.matching_ids(f'entity:"{words[-1]}"')
    except QueryError:
        return Found(followed, [])
    found = profiles(candidates)
    people: Counter[str] = Counter()
    organisations: Counter[str] = Counter()
    together = []
    for profile in found.values():
        people.update(dict(profile.people))
        organisations.update(dict(profile.organisations))
        together.append([n for n, _ in (*profile.people, *profile.organisations)])
    # The name as typed is one more mention, so a surname finds the full name it stands for.
    typed = next(
        (n for n in (*people, *organisations) if _fold(n) == _fold(followed.name)),
        followed.name,
    )
    if typed not in people and typed not in organisations:
        short = typed.replace(".", "")
        (organisations if short.isupper() and len(short) <= 6 else people)[typed] += 1
    aliases = resolve_aliases(people, organisations, together)
    target = _fold(aliases.get(typed, typed))
    ids = [
        i
        for i in candidates
        if (p := found.get(i)) is not None
        and any(_fold(aliases.get(n, n)) == target for n, _ in (*p.people, *p.organisations))
    ]
    return Found(followed, ids, aliases.get(typed, typed) if ids else None)
