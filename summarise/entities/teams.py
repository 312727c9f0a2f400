"""Places that are teams: in a sports report "Tennessee", "Liverpool" and "Barcelona" name the
side that plays, not the place.

An article is a sports report when it has scores and the words of sport. There, a place that is
once written as a team is (it beat someone, it has a coach, a score follows it) is a team in
every mention but those that say where something happens ("in Tempe").
"""

from __future__ import annotations

import re

_STRONG_CUES = re.compile(
    r"\b(?:coach|quarterback|tailback|touchdown|striker|midfielder|goalkeeper|defender|"
    r"innings|wicket|batsman|playoffs?|league|fixtures?|half-time|halftime|kick-off|"
    r"semi-finals?|quarter-finals?|season|seeded)\b"
)
_WEAK_CUES = re.compile(
    r"\b(?:pitch|match|fans|club|stadium|goal|goals|cup|final|champions|squad|manager|"
    r"referee|penalty|scored|defeat|victory|unbeaten)\b"
)
_SCORE = re.compile(r"(?<![\d.,/:-])\d{1,3}-\d{1,3}(?![\d.,/:-])")


def is_sports_report(text: str) -> bool:
    """Scores and two different words only sport uses, or five words of sport without scores."""
    lower = text.lower()
    seen: set[str] = set()
    for m in _STRONG_CUES.finditer(lower):
        seen.add(m.group())
        if len(seen) == 2:
            break
    if len(seen) == 2 and _SCORE.search(text):
        return True
    for m in _WEAK_CUES.finditer(lower):
        seen.add(m.group())
        if len(seen) == 5:
            return True
    return False


# What only a team does or has, right before or after its name.
TEAM_BEFORE = re.compile(
    r"(?:\b(?:beat|beats|beating|defeated|defeat|defeating|against|vs\.?|v|versus|"
    r"lost to|losing to|loss to|(?:win|wins|victory|victories|triumph) over|routed|edged|"
    r"thrashed|No\. \d{1,2}|top-ranked|unbeaten|undefeated|\d{1,3}-\d{1,3})\s+$)"
)
TEAM_AFTER = re.compile(
    r"^(?:\s+(?:beat|beats|defeated|won|lost|drew|leads|trail|trails|coach|manager|boss|"
    r"quarterback|tailback|striker|midfielder|goalkeeper|defender|fans?|players|squad|side|"
    # "Liverpool have been charged": British English makes a team plural.
    r"have|are|were)\b"
    r"|\s+\d{1,3}(?:-\d{1,3})?(?![\d.,%])|\s+v\s|['’]s?\s+(?:coach|manager|boss|striker|"
    r"goalkeeper|fans|players|squad|defence|defense|attack)\b|-[A-Z])"
)
# Where something happens, not who plays.
VENUE_BEFORE = re.compile(r"\b(?:in|at|from|near|born in|outside)\s+$")
