"""find_entities: figures first, then names in passes, each a rule a reader can check.

1. Candidates: capitalised runs outside figures, with what only starts a sentence stripped.
2. Each candidate typed from itself and its context (names.py).
3. People found by their surname echo ("Phillips Idowu" ... "Idowu made his breakthrough").
4. Short mentions inherit a full name seen in the article ("Carney" is "Mark Carney").
5. Nationalities inside runs no rule typed ("Western Canadian").
6. One sense per article: a name typed once is typed so wherever else it stands untyped, and
   in a sports report a place that plays is a team throughout (teams.py).

A wire dateline is not in the text the recogniser sees: the readers keep it apart
(readers/lead.py), so its agency is never counted as an organisation in the news.
"""

from __future__ import annotations

import re

from summarise.article import Article, BlockKind
from summarise.entities.figures import find_figures, overlaps
from summarise.entities.gazetteer import (
    COMPANY_SUFFIXES,
    CONTAINING_PLACES,
    COUNTRIES,
    EVENT_CUES,
    FEATURE_CUES,
    FIRST_NAMES,
    NATIONALITIES,
    NON_GPE_PLACES,
    ORG_CUES,
    PLACE_NAMES,
    SPORTS_CLUB_WORDS,
)
from summarise.entities.model import ArticleEntities, EntityType, Mention
from summarise.entities.names import (
    BUSINESS_AFTER,
    BUSINESS_BEFORE,
    BUSINESS_NOUN_BEFORE,
    DIRECTIONS,
    NAME_RUN,
    ORG_BEFORE,
    ORG_NOUN_BEFORE,
    PERSON_AFTER_SURNAME,
    PERSON_BEFORE,
    POSSESSIVE,
    TITLE_BEFORE,
    Candidate,
    classify,
    known,
    person_by_context,
    pieces,
    sentence_starters,
    split_prefixed,
    strip_leading_common,
)
from summarise.entities.teams import (
    TEAM_AFTER,
    TEAM_BEFORE,
    TEAM_ONLY_AFTER,
    TEAM_ONLY_BEFORE,
    VENUE_BEFORE,
    is_sports_report,
)

# How far around a mention the context rules look, in characters.
BEFORE_WINDOW = 40
AFTER_WINDOW = 60
FOREIGN_ARTICLES = frozenset("La Le Les El Los Las Il Lo Gli Der Die Das Het De".split())


_PARTY_STATE = re.compile(r"[RDI]-([A-Z][a-z]+)")


def _block_candidates(block: int, text: str, taken: list[tuple[int, int]]) -> list[Candidate]:
    found: list[Candidate] = []
    for m in NAME_RUN.finditer(text):
        if overlaps(m.start(), m.end(), taken):
            continue
        for piece_start, piece in pieces(m.start(), POSSESSIVE.sub("", m.group())):
            if piece in NON_GPE_PLACES or piece.split()[-1] in EVENT_CUES:
                continue  # a continent, or an event whose name holds a place
            run, start = strip_leading_common(piece, piece_start)
            if not run:
                continue
            left, sep, right = run.partition(" of ")
            if (
                sep
                and 2 <= len(left.split()) <= 3
                and (
                    PERSON_BEFORE.search(text[max(0, start - 30) : start])
                    or (left.split()[0] in FIRST_NAMES and right in PLACE_NAMES)
                )
            ):
                # "analyst Orin Middleton of Barclays Capital": a person, then their employer;
                # "John Danforth of Missouri": a person, then where they come from.
                found.append(Candidate(block, start, start + len(left), left))
                start, run = start + len(left) + 4, right
            if party := _PARTY_STATE.fullmatch(run):
                # "R-Ga.", "D-Utah": a member's party and state; the state is the name.
                state = party.group(1)
                if text[start + len(run) : start + len(run) + 1] == "." and (
                    state + "." in PLACE_NAMES
                ):
                    state += "."
                if state in PLACE_NAMES:
                    found.append(Candidate(block, start + 2, start + 2 + len(state), state))
                continue
            for offset, part in split_prefixed(run):
                found.append(Candidate(block, start + offset, start + offset + len(part), part))
    return found


_HOUSE_AFTER = re.compile(
    r"^\s(?:Speaker|Republicans|Democrats|Judiciary|leaders?|majority|minority|vote|members)\b"
)
# ", Ohio", ", Ariz.", ", Switzerland": what places the name before it as a town.
_CONTAINED_IN = re.compile(r"^,\s([A-Z][\w.]*)(?:\s([A-Z][\w.]*))?")


def _contained_town(after: str) -> bool:
    m = _CONTAINED_IN.match(after)
    if not m:
        return False
    first, second = m.groups()
    return (
        first in CONTAINING_PLACES
        or first.rstrip(".") in CONTAINING_PLACES  # "Ohio." ends the sentence
        or f"{first} {second}" in CONTAINING_PLACES
    )


def _type_by_context(
    article: Article, c: Candidate, heading_blocks: set[int], sports: bool
) -> None:
    block_text = article.blocks[c.block].text
    before = block_text[max(0, c.start - BEFORE_WINDOW) : c.start]
    after = block_text[c.end : c.end + AFTER_WINDOW]
    if c.text.split()[-1] in FEATURE_CUES:
        return  # a river, a station, a stadium: not a type newsbrief shows
    c.type, c.name = classify(c.text, before)
    if c.text == "House" and (before.endswith("the ") or _HOUSE_AFTER.match(after)):
        c.type, c.name = EntityType.ORG, c.text  # the House of Representatives
        return
    if (
        sports
        and c.type is EntityType.GPE
        and c.name not in COUNTRIES  # national sides stay places
        and (TEAM_BEFORE.search(before) or TEAM_AFTER.match(after))
    ):
        c.type = EntityType.ORG  # "beat No. 1 Tennessee", "Liverpool v Chelsea"
        return
    if sports and c.type is None:
        words = c.text.split()
        if len(words) == 2 and words[0] in PLACE_NAMES and words[1] in SPORTS_CLUB_WORDS:
            c.type, c.name = EntityType.ORG, c.text  # "Washington State", "Birmingham City"
            return
        if (
            len(words) == 1
            and c.text not in sentence_starters()
            and (
                TEAM_ONLY_BEFORE.search(before)
                or TEAM_ONLY_AFTER.match(after)
                or (c.text.endswith("s") and before.endswith(("the ", "The ")))
            )
        ):
            # "Bolton host Arsenal", "Brentford v", a team's nickname: "the Seminoles".
            c.type, c.name = EntityType.ORG, c.text
            return
    if c.type is None and len(c.text.split()) <= 3 and _contained_town(after):
        c.type, c.name = EntityType.GPE, c.text  # "Columbus, Ohio", "Sion, Switzerland"
        return
    if c.type is None and person_by_context(c.text, before, after[:30]):
        c.type, c.name = EntityType.PERSON, c.text
    if c.type is None and (
        (ORG_BEFORE.search(before) and len(c.text.split()) >= 2)
        or ORG_NOUN_BEFORE.search(before)
        or BUSINESS_BEFORE.search(before)
        or BUSINESS_AFTER.match(after)
    ):
        c.type, c.name = EntityType.ORG, c.text
    if (
        c.type is EntityType.PERSON
        and c.name == c.text
        and c.text.split()[0] in FIRST_NAMES
        and BUSINESS_NOUN_BEFORE.search(before)
        and not TITLE_BEFORE.search(before)
    ):
        c.type = EntityType.ORG  # "the agency Curtis Brown": named after a person, not one
    if c.type is EntityType.PERSON and c.text != c.name and c.text.endswith(c.name):
        # "Prime Minister Mark Carney": the mention is the name; the title is context.
        c.start = c.end - len(c.name)
        c.text = c.name
    if c.type is EntityType.PERSON and c.block in heading_blocks:
        c.type = None  # headings are labels; a person there needs the body's word for it


_SAID_BEFORE = re.compile(r"\b(?:said|says|told)\s$")


def _people_by_echo(
    article: Article, candidates: list[Candidate], heading_blocks: set[int]
) -> set[str]:
    """A two- or three-word name no list knows ("Phillips Idowu") is a person when the article
    goes on to call them by the last word alone, and at least one of those short mentions acts
    as only a person does. News refers to people by surname, to organisations rarely so."""
    starters = sentence_starters()
    found: set[str] = set()
    short: dict[str, list[Candidate]] = {}
    for c in candidates:
        if c.type is None and " " not in c.text and c.block not in heading_blocks:
            short.setdefault(c.text, []).append(c)
    for c in candidates:
        words = c.text.split()
        if c.type is not None or not 2 <= len(words) <= 3 or c.block in heading_blocks:
            continue
        if words[0] in FOREIGN_ARTICLES or any(
            not (w[0].isupper() and any(ch.islower() for ch in w)) or w in starters or known(w)
            for w in words
        ):
            continue  # "La Fenice", "El Pais": a name with an article is a place or an outlet
        echoes = short.get(words[-1], [])
        if any(
            PERSON_AFTER_SURNAME.match(article.blocks[e.block].text[e.end : e.end + 30])
            or _SAID_BEFORE.search(article.blocks[e.block].text[max(0, e.start - 12) : e.start])
            for e in echoes
        ):
            c.type, c.name = EntityType.PERSON, c.text
            found.add(c.text)
    return found


_ALIAS = re.compile(r"\s\(([A-Z]{2,6})\)")


def _resolve_short_mentions(
    article: Article, candidates: list[Candidate], heading_blocks: set[int], echoed: set[str]
) -> None:
    """A later short mention inherits from a full name seen in the article.

    When two people share a surname ("Justin" and "Pierre Trudeau"), the bare surname means
    the one the article introduced first: news names its subject before its background."""
    by_surname: dict[str, str] = {}
    for c in candidates:
        if c.type is EntityType.PERSON:
            parts = c.name.split()
            if len(parts) >= 2:
                by_surname.setdefault(parts[-1], c.name)
    # A given name alone ("Phillips still needs...") means the one person of that name, when
    # the full name is surely a person's (not "Fiat" for a "Fiat Auto" mistyped earlier).
    by_given: dict[str, set[str]] = {}
    for c in candidates:
        parts = c.name.split()
        if (
            c.type is EntityType.PERSON
            and 2 <= len(parts) <= 3
            and (parts[0] in FIRST_NAMES or c.name in echoed)
            and not any(known(p) for p in parts)
        ):
            by_given.setdefault(parts[0], set()).add(c.name)
    known_orgs = {c.name for c in candidates if c.type is EntityType.ORG}
    # "General Motors (GM)", "Athletics Kenya (AK)": the acronym names the same organisation.
    for c in candidates:
        after = article.blocks[c.block].text[c.end : c.end + 12]
        alias = _ALIAS.match(after)
        if alias and (c.type is EntityType.ORG or c.type is None) and len(c.text.split()) >= 2:
            if c.type is None:
                c.type, c.name = EntityType.ORG, c.text
            known_orgs.add(alias.group(1))
    starters = sentence_starters()
    for c in candidates:
        if c.type is not None and not (c.type is EntityType.PERSON and c.name in by_surname):
            continue
        if c.text in by_surname and c.block not in heading_blocks:
            c.type, c.name = EntityType.PERSON, by_surname[c.text]
        elif (
            c.type is None
            and len(by_given.get(c.text, ())) == 1
            and c.block not in heading_blocks
            and c.text not in starters
        ):
            (c.name,) = by_given[c.text]
            c.type = EntityType.PERSON
        elif c.text in known_orgs and c.type is None:
            c.type, c.name = EntityType.ORG, c.text


def _one_sense(
    article: Article, candidates: list[Candidate], heading_blocks: set[int], sports: bool
) -> None:
    """A name typed as a place or an organisation somewhere is that wherever it is untyped; in
    a sports report a place once written as a team is the team wherever it is not a venue."""
    senses: dict[str, set[EntityType]] = {}
    for c in candidates:
        if c.type in (EntityType.GPE, EntityType.ORG):
            senses.setdefault(c.text, set()).add(c.type)
    starters = sentence_starters()
    for c in candidates:
        words = c.text.split()
        if c.type is EntityType.ORG and len(words) >= 2 and c.block not in heading_blocks:
            # "Manchester United" ... "United"; "Axa Equity & Law" ... "Axa". The first word
            # only of a company's name: "Yangtze" alone is not "Yangtze River Committee".
            company = "&" in c.text or words[-1] in COMPANY_SUFFIXES
            for word in (words[0], words[-1]) if company else (words[-1],):
                if not (
                    word in ORG_CUES or word in PLACE_NAMES or word in starters or len(word) < 3
                ):
                    senses.setdefault(word, set()).add(EntityType.ORG)
    for c in candidates:
        kinds = senses.get(c.text, set())
        if c.type is None and len(kinds) == 1:
            (c.type,) = kinds
            c.name = c.text
        elif sports and c.type is EntityType.GPE and EntityType.ORG in kinds:
            before = article.blocks[c.block].text[max(0, c.start - BEFORE_WINDOW) : c.start]
            if not VENUE_BEFORE.search(before):
                c.type, c.name = EntityType.ORG, c.text


def _nationalities_in_runs(candidates: list[Candidate]) -> list[Candidate]:
    """An unknown run may still hold a nationality: "Western Canadian", "Chinese EVs". Places
    are not taken out of unknown runs: "Norwich Union", "Tate Britain" are names in themselves."""
    found: list[Candidate] = []
    for c in candidates:
        if c.type is not None or " " not in c.text:
            continue
        offset = 0
        words = c.text.split(" ")
        for position, word in enumerate(words):
            if word in DIRECTIONS and position < len(words) - 1:
                offset += len(word) + 1
                continue  # "Western Canadian": the direction qualifies the nationality
            if word in NATIONALITIES:
                kind, name = classify(word, "")
                if kind is EntityType.NORP:
                    start = c.start + offset
                    found.append(Candidate(c.block, start, start + len(word), word, kind, name))
            offset += len(word) + 1
    return found


def find_entities(article: Article, back_off: bool = True) -> ArticleEntities:
    """Every entity mention in the article's blocks, typed, with canonical names; with
    `back_off`, the tagger's names where the rules found none (tagger.py)."""
    figures: list[Mention] = []
    candidates: list[Candidate] = []
    for block_index, block in enumerate(article.blocks):
        found, taken = find_figures(block_index, block.text)
        figures += found
        candidates += _block_candidates(block_index, block.text, taken)

    heading_blocks = {i for i, b in enumerate(article.blocks) if b.kind is BlockKind.HEADING}
    sports = is_sports_report(b.text for b in article.blocks)
    for c in candidates:
        _type_by_context(article, c, heading_blocks, sports)
    echoed = _people_by_echo(article, candidates, heading_blocks)
    _resolve_short_mentions(article, candidates, heading_blocks, echoed)
    _one_sense(article, candidates, heading_blocks, sports)
    candidates += _nationalities_in_runs(candidates)

    mentions = figures + [
        Mention(c.block, c.start, c.end, c.type, c.name, c.text)
        for c in candidates
        if c.type is not None
    ]
    if back_off:
        mentions += _tagged(article, mentions)
    mentions.sort(key=lambda m: (m.block, m.start))
    return ArticleEntities(tuple(mentions))


_TAGGED_TYPES = {"PER": EntityType.PERSON, "ORG": EntityType.ORG, "LOC": EntityType.GPE}


def _never_a_name_here(text: str, kind: str) -> bool:
    """What the rules decided is no person, organisation or country-like place, whatever the
    tagger reads: events ("London Marathon"), rivers, stations and other features (the
    tagger's LOC is wider than GPE), continents and seas."""
    last = text.split()[-1]
    if last in EVENT_CUES or text in NON_GPE_PLACES:
        return True
    return kind != "ORG" and last in FEATURE_CUES


# The longest paragraph the tagger reads (a long news paragraph is a few thousand characters).
TAGGED_BLOCK_CHARS = 50_000
TOKENS_KEPT_CHARS = 200_000


def _tagged(article: Article, found: list[Mention]) -> list[Mention]:
    """The tagger's names that no rule mention (nor figure) overlaps. A surname alone reads as
    the full name the article gives elsewhere, as the rules read it."""
    from summarise.entities.tagger import CONFIDENT, lowered, spans, tag, tokens

    people = [m.name for m in found if m.type is EntityType.PERSON and " " in m.name]
    by_block: dict[int, list[tuple[int, int]]] = {}
    for m in found:
        by_block.setdefault(m.block, []).append((m.start, m.end))
    added: list[Mention] = []
    # Blocks are tokenised one at a time (twice: once for the words written in lower case,
    # once to tag), so memory follows the longest paragraph, not the article; a paragraph
    # longer than TAGGED_BLOCK_CHARS is no prose (10 MB of "@" made 10 million tokens, 1.6 GB)
    # and is left to the rules.
    prose = [i for i, b in enumerate(article.blocks) if len(b.text) <= TAGGED_BLOCK_CHARS]
    # An ordinary article's tokens are kept from the first pass for the second (a tenth of
    # the analysis); a long one's are made again, block by block.
    keep = sum(len(article.blocks[i].text) for i in prose) <= TOKENS_KEPT_CHARS
    kept: dict[int, list[tuple[str, int, int]]] = {}

    def tokenised(index: int) -> list[tuple[str, int, int]]:
        if index in kept:
            return kept.pop(index)  # the second pass: used once more, then let go
        found = tokens(article.blocks[index].text)
        if keep:
            kept[index] = found
        return found

    lower: frozenset[str] = frozenset().union(
        *(lowered([w for w, _, _ in tokenised(i)]) for i in prose)
    )
    for index in prose:
        block = article.blocks[index]
        words = tokenised(index)
        if not words:
            continue
        taken = by_block.get(index, [])
        for first, after, kind, margin in spans(*tag([w for w, _, _ in words], lower=lower)):
            start, end = words[first][1], words[after - 1][2]
            if margin < CONFIDENT or overlaps(start, end, taken):
                continue
            text = block.text[start:end]
            if _never_a_name_here(text, kind):
                continue
            name = text
            if kind == "PER" and " " not in text:
                name = next((p for p in people if p.endswith(" " + text)), text)
            added.append(Mention(index, start, end, _TAGGED_TYPES[kind], name, text))
    return added
