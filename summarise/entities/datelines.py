"""Wire-copy datelines: "WUHAN, August 4 (Xinhua) --", "TEMPE, Ariz. (AP) --", "WASHINGTON _".

The town is written in capitals, which no word list holds in that form, and the agency in
brackets; both are read from the opening of the article's first paragraph only.
"""

from __future__ import annotations

import re

from summarise.entities.figures import MONTH
from summarise.entities.gazetteer import ORG_NAMES, PLACE_NAMES
from summarise.entities.model import EntityType, Mention

DATELINE = re.compile(
    r"(?P<town>[A-Z][A-Z'.\-]{1,24}(?: [A-Z][A-Z'.\-]{1,24}){0,3})"
    r"(?:, (?P<region>[A-Z][\w.]{0,24}(?: [A-Z][\w.]{0,24}){0,2}))?"
    rf"(?:,? {MONTH} \d{{1,2}})?"
    r"(?: \((?P<agency>[A-Z][\w\- ]{0,30})\))?"
    r" ?(?:--|_|—|–)"
)


def dateline_mentions(block: int, text: str) -> list[Mention]:
    """The town, its state or country, and the agency of a dateline opening `text`."""
    m = DATELINE.match(text[:200])
    if not m or m.group("town") in ORG_NAMES or len(m.group("town")) < 3:
        return []  # "NASA -- the agency said" opens with an organisation, not a town
    town = m.group("town")
    found = [Mention(block, m.start("town"), m.end("town"), EntityType.GPE, _place(town), town)]
    region = m.group("region")
    if region and region in PLACE_NAMES:
        found.append(
            Mention(
                block,
                m.start("region"),
                m.end("region"),
                EntityType.GPE,
                PLACE_NAMES[region],
                region,
            )
        )
    if agency := m.group("agency"):
        found.append(
            Mention(block, m.start("agency"), m.end("agency"), EntityType.ORG, agency, agency)
        )
    return found


def _place(capitals: str) -> str:
    """The town's usual spelling: "NEW YORK" is "New York", as in the lists or title-cased."""
    titled = capitals.title()
    return PLACE_NAMES.get(titled, titled)
