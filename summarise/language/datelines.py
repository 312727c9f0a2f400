"""Wire datelines, in every style the agencies and papers use, recognised once.

A dateline opens the first paragraph of wire copy: where the story was filed, sometimes when,
and the agency, then a dash. Styles differ by outlet and era:

    WASHINGTON (AP) --            SEOUL, South Korea (AP) _       LONDON --
    WASHINGTON (Reuters) -        BEIJING, Dec. 3 (Xinhua) --     PINE RIDGE, S.D. _
    BEIDAIHE (Hebei), March 5 (Xinhua) --                         Tokyo, Jan 5 (AFP) –
    NEW DELHI: (a colon, as Indian papers write it)               (AP) --

The readers take it off the first paragraph and keep it as the article's `dateline`, so nothing
downstream (sentences, summaries, headlines, briefing points, similarity) ever sees it, and
entities read the town from it. Recognition needs no list of towns: the place is written in
capitals (or, in title case, is followed by a date or an agency), then comes an optional region,
date and agency in brackets, then the separator.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
)
# A word of a town in capitals: DAR, ES, SALAAM, ST., O'HARE, WINSTON-SALEM.
_CAPS_WORD = r"[A-Z][A-Z'’.&-]*"
# A word of a region: Texas, Calif., S.D., N.M., D.C., DC, South, Korea.
_REGION_WORD = r"(?:[A-Z][a-z'’.-]+|(?:[A-Z]\.){1,3}|[A-Z]{2,3}\b)"
_REGION = rf"{_REGION_WORD}(?: {_REGION_WORD}){{0,3}}"
_DATE = rf"{_MONTH} \d{{1,2}}"
# (AP), (Reuters), (Xinhua), (dpa), (AFP), (UPI), (CNN): a short name in brackets, in capitals
# only when short ("(PHOENIX)" is a town).
_AGENCY = r"\((?P<agency>[A-Z]{1,4}|[A-Za-z][a-z][A-Za-z&.' -]{0,22})\)"
# The dash after a dateline: two hyphens, an em or en dash, an underscore (AP's "_"), a single
# hyphen between spaces, or a colon.
_SEP = r"(?:--|—|–|_| -|:)"

_IN_CAPITALS = re.compile(
    rf"(?P<place>{_CAPS_WORD}(?: {_CAPS_WORD}){{0,4}})"
    r"(?: \((?P<province>[A-Z][A-Za-z .'-]{1,30})\)(?=,))?"
    rf"(?:, (?P<region>{_REGION}))?"
    rf"(?:,? (?P<date>{_DATE}))?"
    rf"(?: ?{_AGENCY})?"
    rf" ?{_SEP}\s+"
)
# In title case the place is only taken with a date or an agency after it: "Tokyo, Jan 5
# (AFP) –", "London (Reuters) -". "Smith, Jones -- the pair" is not a dateline.
_IN_TITLE_CASE = re.compile(
    r"(?P<place>[A-Z][a-z'’.-]+(?: [A-Z][a-z'’.-]+){0,3})"
    rf"(?:, (?P<region>{_REGION}))?"
    rf"(?:,? (?P<date>{_DATE}))?"
    rf"(?: ?{_AGENCY})?"
    rf" ?{_SEP}\s+"
)
_AGENCY_ONLY = re.compile(rf"(?:{_AGENCY}|\((?P<place>[A-Z][A-Z .'-]{{3,30}})\)) ?{_SEP}\s+")
# What follows a dateline starts the lead: a capital, a figure or an opening quote.
_LEAD = re.compile(r"[A-Z0-9\"“‘'(\[]")
# Places no shorter than this: "US -- " opens a sentence, not a dateline.
_SHORTEST_PLACE = 3


@dataclass(frozen=True, slots=True)
class Dateline:
    text: str  # as written, without the separator: "SEOUL, South Korea (AP)"
    place: str | None  # "SEOUL"
    region: str | None  # "South Korea", "Hebei"
    agency: str | None  # "AP"
    end: int  # where the lead starts in the paragraph


def find_dateline(paragraph: str) -> Dateline | None:
    """The dateline opening `paragraph`, or None. Only the first 200 characters are read."""
    head = paragraph[:200]
    for pattern in (_IN_CAPITALS, _IN_TITLE_CASE, _AGENCY_ONLY):
        found = pattern.match(head)
        if found is None or not _LEAD.match(head, found.end()):
            continue
        names = found.groupdict()
        place = names.get("place")
        if place is not None and len(place.strip(".")) < _SHORTEST_PLACE:
            continue
        if pattern is _IN_TITLE_CASE and not (names.get("date") or names.get("agency")):
            continue
        # "IBM: The company said" is a sentence; "NEW DELHI: The government said" a dateline.
        colon = head[: found.end()].rstrip().endswith(":")
        if colon and place is not None and " " not in place and len(place) <= 4:
            continue
        text = head[: found.end()].rstrip()
        text = re.sub(r"\s*(?:--|—|–|_|-|:)$", "", text)
        return Dateline(
            text=text,
            place=place,
            region=names.get("region") or names.get("province"),
            agency=names.get("agency"),
            end=found.end(),
        )
    return None


def strip_dateline(text: str) -> str:
    """`text` without a dateline at its start."""
    found = find_dateline(text)
    return text[found.end :] if found else text
