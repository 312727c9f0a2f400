"""One name per person and organisation across many articles.

Within an article the recogniser already reads "Carney" as "Mark Carney" once the full name was
seen. Across a library the same person is written many ways: "Clinton" in one report and "Bill
Clinton" in the next, "George Bush" and "George W. Bush", "Kim Dae-jung" and "Kim Dae Jung";
an organisation as "EU" and "European Union", "U.N." and "United Nations". `resolve_aliases`
maps every form to one name, only where the evidence is unambiguous:

- spellings that differ only in case, hyphens, full stops or a middle initial are one name;
- a surname alone joins the one full name in the set that ends with it, or the one that has
  DOMINANT times the mentions of all the others ("Clinton" in 1998 is Bill, not Hillary);
- an initialism joins the one longer organisation name whose initials it spells, and only when
  some article uses both (evidence in the text, not a list).

The most mentioned form of a name stands for it; a full name before a surname. Outlets and wire
services ("Reuters", "BBC", "Xinhua News Agency") are the sources of the news, not
organisations in it: `is_outlet` tells them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping

# Words initials skip: "North Atlantic Treaty Organization" is NATO, "Bank of England" BoE.
_SKIPPED = frozenset("of the for and on in to de du la le".split())
# Outlets and agencies every reader knows by name, and the words outlets' names end with.
_OUTLETS = frozenset(
    """
    AP Associated Press Reuters AFP Agence France-Presse Xinhua UPI BBC CNN Bloomberg Dow Jones
    dpa Kyodo Itar-Tass Interfax Yonhap PTI
    """.split()
) | {"Associated Press", "Agence France-Presse", "Dow Jones", "New York Times", "Press Trust"}
_OUTLET_ENDINGS = (
    "News", "News Agency", "Times", "Post", "Journal", "Herald", "Tribune", "Gazette",
    "Telegraph", "Daily", "Newswire", "Wire", "Press", "News Service", "Broadcasting",
    "Newspapers",
)  # fmt: skip
# A surname is read as the most mentioned full name ending with it when that name has this many
# times the mentions of all the others together.
DOMINANT = 4


def _key(name: str) -> str:
    """What two spellings of one name share: "Kim Dae-jung" and "Kim Dae Jung", "U.N." and
    "UN"."""
    return " ".join(name.replace("-", " ").replace(".", "").casefold().split())


def _without_initials(name: str) -> tuple[str, ...]:
    return tuple(w for w in _key(name).split() if len(w) > 1)


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.replace("-", " ").split() if w not in _SKIPPED).upper()


def _is_initialism(name: str) -> bool:
    letters = name.replace(".", "").replace("&", "")
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()


def is_outlet(name: str, sources: Iterable[str] = ()) -> bool:
    """Whether `name` is a news outlet or agency: one the library's articles name as their
    source, a wire service, or a name ending as papers' and agencies' names do."""
    known = sources if isinstance(sources, (set, frozenset)) else set(sources)
    if name in _OUTLETS or name in known or name.lower().startswith("story filed by"):
        return True
    return any(name.endswith(" " + ending) for ending in _OUTLET_ENDINGS)


def _canonical(forms: Iterable[str], mentions: Mapping[str, int]) -> str:
    return max(forms, key=lambda f: (mentions.get(f, 0), len(f.split()), f))


def resolve_aliases(
    people: Mapping[str, int],
    organisations: Mapping[str, int],
    together: Iterable[Iterable[str]] = (),
) -> dict[str, str]:
    """name -> the name it stands for, for every name that is another's alias. `people` and
    `organisations` count mentions; `together` holds the names of each article (the evidence
    that an initialism and its expansion are one organisation)."""
    aliases: dict[str, str] = {}
    aliases.update(_people(people))
    aliases.update(_organisations(organisations, together))
    # Chains ("Clinton" -> "Bill Clinton" -> ...) end at the final name.
    for alias in list(aliases):
        seen = {alias}
        while (target := aliases[alias]) in aliases and target not in seen:
            seen.add(target)
            aliases[alias] = aliases[target]
    return aliases


def _people(mentions: Mapping[str, int]) -> dict[str, str]:
    aliases: dict[str, str] = {}
    # Spellings and middle initials: one group per name without its initials.
    groups: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for name in mentions:
        groups[_without_initials(name)].append(name)
    _join_transliterations(groups, mentions)
    full: dict[tuple[str, ...], str] = {}
    for words, forms in groups.items():
        if not words:
            continue
        best = _canonical(forms, mentions)
        full[words] = best
        aliases.update({f: best for f in forms if f != best})
    # A surname alone: the one full name ending with it.
    ending: dict[str, list[str]] = defaultdict(list)
    for words, best in full.items():
        if len(words) > 1:
            ending[words[-1]].append(best)
    total = {best: sum(mentions.get(f, 0) for f in groups[words]) for words, best in full.items()}
    for words, best in full.items():
        candidates = sorted(ending.get(words[0], ()), key=lambda c: (-total[c], c))
        if len(words) != 1 or not candidates:
            continue
        top, others = candidates[0], sum(total[c] for c in candidates[1:])
        if others and total[top] < DOMINANT * others:
            continue
        for form in (best, *[f for f, t in aliases.items() if t == best]):
            aliases[form] = top
    return aliases


def _skeleton(word: str) -> str:
    """A word without its vowels and the letters transliterations trade (y, j, w, h)."""
    return "".join(c for c in word if c not in "aeiouyjwh")


def _edits(a: str, b: str) -> int:
    """Levenshtein distance (words are short: the table is small)."""
    row = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        previous, row[0] = row[0], i
        for j, y in enumerate(b, 1):
            previous, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, previous + (x != y))
    return row[-1]


def _same_word(a: str, b: str) -> bool:
    """ "Benjamin" and "Binyamin", "Netanyahu" and "Natanyahu": one name in two
    transliterations. Short words never ("Dan" and "Don" are two people)."""
    if a == b:
        return True
    return (
        min(len(a), len(b)) >= 5
        and a[0] == b[0]
        and _skeleton(a) == _skeleton(b)
        and len(_skeleton(a)) >= 3
        and _edits(a, b) <= 2
    )


def _join_transliterations(
    groups: dict[tuple[str, ...], list[str]], mentions: Mapping[str, int]
) -> None:
    """Full names whose every word is the same word transliterated are one person: the less
    mentioned group joins the more mentioned one."""
    by_shape: dict[tuple[str, ...], list[tuple[str, ...]]] = defaultdict(list)
    for words in groups:
        if len(words) > 1:
            by_shape[tuple(_skeleton(w)[:1] + str(len(words)) for w in words)].append(words)
    for keys in by_shape.values():
        keys.sort(key=lambda k: (-sum(mentions.get(f, 0) for f in groups[k]), k))
        for i, keep in enumerate(keys):
            if keep not in groups:
                continue
            for other in keys[i + 1 :]:
                if other in groups and all(map(_same_word, keep, other)):
                    groups[keep].extend(groups.pop(other))


def _organisations(
    mentions: Mapping[str, int], together: Iterable[Iterable[str]]
) -> dict[str, str]:
    aliases: dict[str, str] = {}
    groups: dict[str, list[str]] = defaultdict(list)
    for name in mentions:
        groups[_key(name)].append(name)
    best_of = {key: _canonical(forms, mentions) for key, forms in groups.items()}
    for key, forms in groups.items():
        aliases.update({f: best_of[key] for f in forms if f != best_of[key]})
    # What each initialism is seen with: the evidence asked for below (only initialisms are
    # asked about; a library of a million articles has millions of other names).
    canonical: dict[str, tuple[str, bool]] = {}  # name -> (its canonical form, an initialism?)
    seen_with: dict[str, set[str]] = defaultdict(set)
    for names in together:
        canon = set()
        for n in names:
            if (found := canonical.get(n)) is None:
                c = best_of.get(_key(n), n)
                found = canonical[n] = (c, _is_initialism(c))
            canon.add(found)
        if any(initialism for _, initialism in canon):
            together_here = {c for c, _ in canon}
            for c, initialism in canon:
                if initialism:
                    seen_with[c] |= together_here
    spelled: dict[str, list[str]] = defaultdict(list)
    for b in best_of.values():
        if not _is_initialism(b) and len(b.split()) > 1:
            spelled[_initials(b)].append(b)
    for short in best_of.values():
        if not _is_initialism(short):
            continue
        letters = short.replace(".", "").replace("&", "").upper()
        matches = spelled.get(letters, [])
        evidenced = [long for long in matches if long in seen_with[short]]
        if len(matches) == 1 and evidenced:
            for form in groups[_key(short)]:
                aliases[form] = evidenced[0]
    return aliases
