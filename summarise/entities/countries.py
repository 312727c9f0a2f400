"""Which country a word names: "Iranian", "Egypt's", "U.S.", "Calif.", "South Korea".

Offices belong to countries: "Foreign Minister" is not one office across a library, "Iran's
Foreign Minister" is. So a briefing compares who holds an office only within one country, read
from the word before the title or, failing that, from the one country an article is about.
Nationalities are matched to countries by their shared stem ("Lebanese" -> "Lebanon"), with the
few that share none written out.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from functools import cache

from summarise.entities.gazetteer import (
    COUNTRIES,
    NATIONALITIES,
    PLACE_ALIASES,
    REGIONS,
    STATE_ABBREVIATIONS,
)

# Nationalities whose country shares no stem with them, or a misleading one.
_UNLIKE = {
    "American": "United States",
    "British": "United Kingdom",
    "Briton": "United Kingdom",
    "English": "England",
    "French": "France",
    "Dutch": "Netherlands",
    "Swiss": "Switzerland",
    "Danish": "Denmark",
    "Filipino": "Philippines",
    "Welsh": "Wales",
    "Irish": "Ireland",
    "Spanish": "Spain",
    "Polish": "Poland",
    "Swedish": "Sweden",
    "Finnish": "Finland",
    "Norwegian": "Norway",
    "Turkish": "Turkey",
    "Burmese": "Myanmar",
    "Korean": "South Korea",
    "Saudi": "Saudi Arabia",
    "Argentine": "Argentina",
    "Argentinian": "Argentina",
    "Cypriot": "Cyprus",
    "Kuwaiti": "Kuwait",
    "Qatari": "Qatar",
    "Yemeni": "Yemen",
    "Iraqi": "Iraq",
    "Israeli": "Israel",
    "Pakistani": "Pakistan",
    "Bangladeshi": "Bangladesh",
    "Thai": "Thailand",
    "Greek": "Greece",
    "Czech": "Czech Republic",
    "Slovak": "Slovakia",
    "Kazakh": "Kazakhstan",
    "Uzbek": "Uzbekistan",
    "Scottish": "Scotland",
}
# Unions and bodies whose offices are theirs ("EU Trade Commissioner", "NATO Secretary General").
BODIES = frozenset("EU UN U.N. NATO OPEC IMF WTO IOC FIFA AU ASEAN".split())
# An article is about one country when that country has this share of its mentions of countries.
DOMINANT = 0.7
# States and provinces: their governors and premiers hold their own offices, but a "President"
# said of them is the country's.
_US_STATES = {r for r in REGIONS if r in set(STATE_ABBREVIATIONS.values())}


@cache
def _nationalities() -> dict[str, str]:
    found = dict(_UNLIKE)
    for nationality in NATIONALITIES:
        if nationality in found or not nationality[0].isupper():
            continue
        stem = nationality.split()[-1][:4]
        matches = [c for c in COUNTRIES if c.split()[-1].startswith(stem)]
        if " " in nationality:  # "South Korean" -> "South Korea"
            matches = [c for c in COUNTRIES if c.startswith(nationality[:-2])]
        if len(matches) == 1:
            found[nationality] = matches[0]
    return found


def country_of(word: str | None) -> str | None:
    """The country `word` names (a country, its abbreviation, a nationality, a possessive, a
    US state), a body's name for an international body, or None."""
    if not word:
        return None
    word = word.strip()
    for suffix in ("'s", "’s"):
        if word.endswith(suffix):
            word = word[: -len(suffix)]
    if word in BODIES:
        return word.replace(".", "")
    if word in COUNTRIES:
        return {"Britain": "United Kingdom", "Great Britain": "United Kingdom"}.get(word, word)
    if word in PLACE_ALIASES:
        return PLACE_ALIASES[word]
    if word in STATE_ABBREVIATIONS or word in _US_STATES:
        return "United States"
    if word in _nationalities():
        return _nationalities()[word]
    return None


def main_country(mentions: Iterable[str], dateline: str | None = None) -> str | None:
    """The one country an article is about: its dateline's, or the country it names most, when
    that is at least DOMINANT of its mentions of countries. None when it is about several."""
    counts: Counter[str] = Counter(
        country for word in mentions if (country := country_of(word)) and country not in BODIES
    )
    if dateline:
        for part in dateline.replace("(", ",").replace(")", ",").split(","):
            if (country := country_of(part.strip().title()) or country_of(part.strip())) and (
                country not in BODIES
            ):
                counts[country] += 2
                break
    if not counts:
        return None
    best, count = counts.most_common(1)[0]
    return best if count >= DOMINANT * sum(counts.values()) and count >= 2 else None
