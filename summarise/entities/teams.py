"""Places that are teams: in a sports report "Tennessee", "Liverpool" and "Barcelona" name the
side that plays, not the place.

An article is a sports report when it has scores and the words of sport. There, a place that is
once written as a team is (it beat someone, it has a coach, a score follows it) is a team in
every mention but those that say where something happens ("in Tempe").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_STRONG_CUES = frozenset(
    """coach quarterback tailback touchdown striker midfielder goalkeeper defender innings wicket
    batsman playoff playoffs league fixture fixtures half-time halftime kick-off semi-final
    semi-finals quarter-final quarter-finals season seeded football basketball baseball hockey
    rugby cricket soccer premiership replay relegation relegated promoted derby""".split()
)
_WEAK_CUES = frozenset(
    """pitch match fans club stadium goal goals cup final champions squad manager referee
    penalty scored defeat victory unbeaten undefeated tie ties team teams beat beaten holders
    round draw coaches standings bowl tournament""".split()
)
# Punctuation to spaces, so that splitting on spaces gives words ("coach," is "coach").
_UNPUNCTUATE = str.maketrans({c: " " for c in "\"'“”‘’.,;:!?()[]{}/"})
_SCORE = re.compile(r"(?<![\d.,/:-])\d{1,3}-\d{1,3}(?![\d.,/:-])")


OPENING = 2000


def is_sports_report(paragraphs: Iterable[str]) -> bool:
    """Scores and two different words only sport uses, or five words of sport (one of them only
    sport's) without scores: politics has victories, defeats and rounds too."""
    # A report says what it is in its opening paragraphs; reading them alone keeps this cheap.
    opening = ""
    for paragraph in paragraphs:
        opening += paragraph + "\n"
        if len(opening) >= OPENING:
            break
    opening = opening[:OPENING]
    words = set(opening.lower().translate(_UNPUNCTUATE).split())
    strong = len(words & _STRONG_CUES)
    if strong >= 2 and _SCORE.search(opening):
        return True
    return strong >= 1 and strong + len(words & _WEAK_CUES) >= 5


# What only a team does or has, right before or after its name.
TEAM_BEFORE = re.compile(
    r"(?:\b(?:beat|beats|beating|defeated|defeat|defeating|against|vs\.?|v|versus|"
    r"lost to|losing to|loss to|(?:win|wins|victory|victories|triumph) over|routed|edged|"
    r"thrashed|No\. \d{1,2}|top-ranked|unbeaten|undefeated|\d{1,3}-\d{1,3})\s+$)"
)
TEAM_AFTER = re.compile(
    r"^(?:\s+(?:beat|beats|defeated|won|lost|drew|leads|trail|trails|coach|manager|boss|"
    r"quarterback|tailback|striker|midfielder|goalkeeper|defender|fans?|players|squad|side|"
    r"host|hosts|face|faces|visit|visits|will\s+(?:be\s+at\s+home|host|face|visit|play)|"
    # "Liverpool have been charged": British English makes a team plural.
    r"have|are|were)\b"
    r"|\s+\d{1,3}(?:-\d{1,3})?(?![\d.,%])|\s+v\s|['’]s?\s+(?:coach|manager|boss|striker|"
    r"goalkeeper|fans|players|squad|defence|defense|attack)\b|-[A-Z])"
)
# Where something happens, not who plays.
VENUE_BEFORE = re.compile(r"\b(?:in|at|from|near|born in|outside)\s+$")
# What only a team does or has, for a name no list knows (a person can win, beat, host).
TEAM_ONLY_BEFORE = re.compile(r"\b(?:v|vs\.?|versus)\s+$")
TEAM_ONLY_AFTER = re.compile(
    r"^(?:\s+(?:v|vs\.?|versus)\s|\s+(?:have|are|were|host|fans|manager|boss)\b"
    r"|\s+\d{1,2}(?:-\d{1,2})?(?:,|$))"
)
