"""Typed entity spans over an article's blocks, found by rules that need no model or download.

Figures (money, percentages, dates) come from patterns. Names come from runs of capitalised
words, typed by what surrounds them: a title ("Prime Minister", "President") or a first name
makes a person, an organisation word ("University", "Group", "Ministry") an organisation, the
gazetteer a place or a nationality. A document-level pass then lets a later "Carney" inherit
what "Mark Carney" was, so short mentions count as the same entity.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache

from summarise.article import Article, BlockKind
from summarise.gazetteer import (
    COMMON_ACRONYMS,
    EVENT_CUES,
    FIRST_NAMES,
    LAW_CUES,
    LAWS,
    NATIONALITIES,
    NON_GPE_PLACES,
    ORG_CUES,
    ORG_NAMES,
    PERSON_TITLES,
    PLACE_NAMES,
    ROLE_WORDS,
)


class EntityType(StrEnum):
    PERSON = "PERSON"
    ORG = "ORG"
    GPE = "GPE"
    NORP = "NORP"
    DATE = "DATE"
    MONEY = "MONEY"
    PERCENT = "PERCENT"
    LAW = "LAW"


ENTITY_LABELS = {
    EntityType.PERSON: "People",
    EntityType.ORG: "Organisations",
    EntityType.GPE: "Places",
    EntityType.NORP: "Nationalities & groups",
    EntityType.DATE: "Dates",
    EntityType.MONEY: "Money",
    EntityType.PERCENT: "Percentages",
    EntityType.LAW: "Agreements & laws",
}


@dataclass(frozen=True, slots=True)
class Mention:
    block: int
    start: int
    end: int
    type: EntityType
    name: str  # canonical: "Mark Carney" for a mention "Carney"
    text: str


@dataclass(slots=True)
class Entity:
    type: EntityType
    name: str
    mentions: list[Mention] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.mentions)


@dataclass(frozen=True, slots=True)
class ArticleEntities:
    mentions: tuple[Mention, ...]  # in reading order

    def entities(self) -> list[Entity]:
        """Grouped by (type, canonical name), most mentioned first within reading order."""
        grouped: dict[tuple[EntityType, str], Entity] = {}
        for m in self.mentions:
            grouped.setdefault((m.type, m.name), Entity(m.type, m.name)).mentions.append(m)
        return sorted(grouped.values(), key=lambda e: (-e.count, e.mentions[0].block))

    def by_type(self) -> dict[EntityType, list[Entity]]:
        result: dict[EntityType, list[Entity]] = {}
        for entity in self.entities():
            result.setdefault(entity.type, []).append(entity)
        return {t: result[t] for t in EntityType if t in result}

    def in_block(self, block: int) -> list[Mention]:
        return [m for m in self.mentions if m.block == block]


_NUM = r"\d+(?:[.,]\d+)*"
_SCALE = r"(?:\s?(?:bn|m|k|tn|billion|million|trillion|thousand)\b)?"
_AMOUNT = rf"(?:(?:US|C|A|HK)?[$£€¥]\s?{_NUM}{_SCALE})"
# Currencies written after the amount ("9.5bn kronor", "200 rand"); "won" and "real" are left
# out, being far more often a verb and an adjective ("3 won games").
_CURRENCY_WORDS = (
    "dollars|pounds|euros|yuan|renminbi|yen|rupees|roubles|rubles|kronor|kroner|krona|krone|"
    "francs|pesos|rand|reais|lira|lire|zloty|forint|shekels|dirhams|riyals|ringgit|"
    "baht|rupiah|naira|shillings|hryvnia|dinars|pence|cents"
)
_MONEY = re.compile(
    rf"{_AMOUNT}(?:\s?(?:to|-|–)\s?{_AMOUNT})?"
    rf"|(?:\b{_NUM}\s?(?:bn|m|billion|million|trillion)?\s?(?:{_CURRENCY_WORDS})\b)"
)
_NUMBER_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|"
    "forty|fifty|sixty|seventy|eighty|ninety|a hundred|one hundred"
)
_PERCENT = re.compile(
    rf"(?:\b(?:{_NUM}\s?(?:-|–|to)\s?)?{_NUM}(?:\s?%|\s(?:percent|per cent)\b))"
    rf"|(?:\b(?:{_NUMBER_WORDS})(?:\s(?:or|to)\s(?:{_NUMBER_WORDS}))?\s(?:percent|per cent)\b)",
    re.IGNORECASE,
)
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)"
)
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DATE = re.compile(
    rf"\b(?:{_MONTH}\s\d{{1,2}}(?:st|nd|rd|th)?(?:\s?(?:to|-|–)\s?\d{{1,2}})?(?:,?\s\d{{4}})?"
    rf"|\d{{1,2}}\s{_MONTH}(?:\s\d{{4}}|\s(?:next|last|this)\syear)?"
    rf"|{_MONTH}\s\d{{4}}"
    rf"|(?:early|mid|late)[- ](?:{_MONTH}|(?:1[6-9]|20)\d\d)"
    rf"|\d{{1,2}}(?:st|nd|rd|th)[\s-][Cc]entury"
    rf"|(?:next|last|this)\s{_MONTH}"
    rf"|the\s(?:end|start|beginning|middle)\sof\s(?:the\s)?(?:year|month|week|decade|{_MONTH})"
    rf"|New\sYear(?!\'s\sEve)"
    rf"|{_WEEKDAY}"
    rf"|(?:the\s)?(?:19|20)\d0s"
    rf"|(?:1[6-9]|20)\d\d(?:-\d\d)?"
    rf"|(?:[Tt]his|[Ll]ast|[Nn]ext|[Ee]arlier this|[Ll]ater this)\s"
    rf"(?:week|month|year|spring|summer|autumn|fall|winter)"
    rf"|(?:a|one|two|three|four|five|six|seven|eight|nine|ten|several|\d+)\s"
    rf"(?:years?|months?|weeks?|days?|decades?)\sago"
    rf"|(?:yesterday|today|tomorrow))\b"
    rf"|\b{_MONTH}(?=[\s,.])",
)

# A capitalised word: "Carney", "U.S.", "Xi", "McDonald", "O'Brien", "Chrétien", "AOL". Only
# letter-dot initialisms and known abbreviations keep their full stop: "Washington." ends a
# sentence.
_ABBREVIATED = r"(?:Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Gen|Prof|Capt|Lt|Col|Rev|Jr|Sr)\."
# Hyphens join capitalised parts only: "Macdonald-Laurier" is one word, "Paris-based" is "Paris".
_CAP_WORD = (
    rf"(?:(?:[A-Z]\.){{2,}}|{_ABBREVIATED}|[A-Z][\w\-]+\.(?:com|co\.uk|net|org|io)\b"
    rf"|[A-Z][\w'’]*[\w](?:-[A-Z][\w'’]*[\w])*|[A-Z])"
)
# "and" is left out: "Mark Carney and Xi Jinping" is two names, not one.
_CONNECTOR = r"(?:of|the|for|de|du|da|van|von|der|al|bin)"
_NAME_RUN = re.compile(
    rf"(?<![\w’'.])(?:{_CAP_WORD})(?:\s(?:{_CONNECTOR}\s)?(?:{_CAP_WORD}))*(?:['’]s)?(?![\w])"
)
# "Britain's Kelly Holmes", "Sony's PlayStation": a possessive inside a run ends a name.
_INNER_POSSESSIVE = re.compile(r"['’]s\s")
_POSSESSIVE = re.compile(r"['’]s$")
_DIRECTIONS = frozenset({"Western", "Eastern", "Northern", "Southern", "Central"})


@cache
def _sentence_starters() -> frozenset[str]:
    from summarise.text import stop_words

    extra = """according after although among another any as because before both but by
    despite during each either even every for from given having here however if in including
    instead it its meanwhile most much neither no nor not now on once one only other our over
    since so some still such than that the their then there these they this those though
    through to under unlike until we what when where whether which while who why with within
    without yet you""".split()
    return frozenset(w.capitalize() for w in (*stop_words(), *extra))


@dataclass(slots=True)
class _Candidate:
    block: int
    start: int
    end: int
    text: str
    type: EntityType | None = None
    name: str = ""


_CHANGE_VERB = re.compile(
    r"(?:rose|fell|gained|lost|dropped|climbed|jumped|slid|slipped|added|increased|decreased|"
    r"grew|shrank|cut|raised|up|down|rising|falling)\s$"
)


def _split_change(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """ "rose $1.64 to $47.10" is two amounts (a change and a level); "the $40 to $50 level"
    is one range."""
    inner = text[start:end]
    cut = inner.find(" to ")
    if cut < 0 or not _CHANGE_VERB.search(text[max(0, start - 12) : start]):
        return [(start, end)]
    return [(start, start + cut), (start + cut + 4, end)]


def _pieces(start: int, run: str) -> list[tuple[int, str]]:
    """Split a run at inner possessives: "Britain's Kelly Holmes" is two names."""
    pieces, cursor = [], 0
    for m in _INNER_POSSESSIVE.finditer(run):
        pieces.append((start + cursor, run[cursor : m.start()]))
        cursor = m.end()
    pieces.append((start + cursor, run[cursor:]))
    return [(s, p) for s, p in pieces if p]


def _known(text: str) -> bool:
    return text in PLACE_NAMES or text in ORG_NAMES or text in NATIONALITIES or text in LAWS


def _strip_leading_common(text: str, start: int) -> tuple[str, int]:
    """Drop what only starts the sentence ("The", "However") or names a role ("Conductor")."""
    words = text.split(" ")
    starters = _sentence_starters()
    while len(words) > 0 and not _known(" ".join(words)):
        first = words[0]
        # One capital letter before a name is an initial ("L Dallaglio"), except the words
        # and the X of "X Factor".
        initial = len(first) == 1 and first not in ("A", "I", "X") and len(words) > 1
        if not (
            (first in starters and not initial)
            or first.islower()
            or (first.lower() in ROLE_WORDS and len(words) > 1)
            or (first == "The" and len(words) > 1)
        ):
            break
        start += len(first) + 1
        words = words[1:]
    return " ".join(words), start


def _classify(text: str, before: str) -> tuple[EntityType | None, str]:
    """Type a run of capitalised words from the words themselves and what precedes them."""
    words = text.split()
    if text in LAWS or (len(words) >= 2 and words[-1] in LAW_CUES):
        return EntityType.LAW, text
    if text in NATIONALITIES:
        return EntityType.NORP, text
    if text in PLACE_NAMES:
        return EntityType.GPE, PLACE_NAMES[text]
    if text in ORG_NAMES:
        return EntityType.ORG, text
    if (len(words) >= 2 and words[-1] in ORG_CUES) or (
        len(words) > 2 and words[0] in ORG_CUES and words[1] == "of"
    ):
        return EntityType.ORG, text
    if re.fullmatch(r"[A-Z][\w\-]+\.(?:com|co\.uk|net|org|io)", text):
        return EntityType.ORG, text  # "Amazon.com"
    # Titles glued to the name: "Prime Minister Mark Carney", "President Xi Jinping".
    if titled := _TITLE_FIRST.match(text):
        rest = titled.group("rest")
        if rest not in PLACE_NAMES and rest not in NATIONALITIES:
            return EntityType.PERSON, rest
    if _TITLE_BEFORE.search(before):
        return EntityType.PERSON, text
    if len(words) >= 2 and words[0] in FIRST_NAMES and all(w[0].isupper() for w in words):
        return EntityType.PERSON, text
    if re.fullmatch(
        r"(?:[A-Z]\.?){1,2}\s(?:(?:de|van|von|da|di|du|le)\s)?(?:Mc|Mac|O['’])?[A-Z][a-z]+"
        r"(?:-[A-Z][a-z]+)?",
        text,
    ):
        return EntityType.PERSON, text  # initials and a surname: "JK Rowling", "J.K. Rowling"
    if re.fullmatch(r"[A-Z]{3,6}", text) and text not in COMMON_ACRONYMS:
        return EntityType.ORG, text
    return None, text


# "Liang Yan, a professor", "Dominic Chiu, senior analyst", "said Stephen Nagy".
_PERSON_AFTER = re.compile(
    r"^,\s+(?:a|an|the|senior|chief|former|deputy|executive|professor|director|head|analyst|"
    r"spokes\w+|who)\b|^\s+(?:said|says|told|added|noted|wrote|argued|warned)\b"
)
_PERSON_BEFORE = re.compile(
    r"\b(?:said|says|according to|by|champion|runner-up|medallist|winner|chief|boss|"
    r"superintendent|magnate|pundit|producer|conductor|composer|writer|novelist|author|"
    r"coach|manager|captain|striker|midfielder|defender|goalkeeper|player|star|singer|actor|"
    r"actress|director|presenter|host|founder|executive|economist|analyst|spokes\w+)\s*$"
)
# "firm Bioware", "oil giant Yukos", "the agency Curtis Brown".
# Nouns that name only a business, never a person's role ("rival", "side" can be either).
_BUSINESS_NOUNS = (
    "firm|company|agency|carmaker|retailer|airline|bank|insurer|chain|supermarket|brand|group|"
    "watchdog|regulator"
)
_ORG_NOUN_BEFORE = re.compile(
    rf"\b(?:{_BUSINESS_NOUNS}|giant|maker|broadcaster|publisher|supplier|manufacturer|"
    r"provider|distributor|conglomerate|lender|miner|exporter|studio|label|rival|subsidiary|"
    r"body|club|side|team|operator|network|developer)\s+$"
)
_BUSINESS_NOUN_BEFORE = re.compile(rf"(?<![\w-])(?:{_BUSINESS_NOUNS})\s+$")
# What is said only of a business right around its name: "shares in Pernod", "Ericsson
# shares", "Allied's chief executive", "Ericsson has posted a rise in profits".
_BUSINESS_BEFORE = re.compile(
    r"\b(?:shares in|stake in|takeover of|bid for|acquisition of|merger with|owner of)\s+$"
)
_BUSINESS_AFTER = re.compile(
    r"^(?:\s+shares\b|['’]s?\s+(?:shares|shareholders|chief executive|board|profits?|"
    r"sales|revenues?|takeover|share price)\b"
    r"|\s+(?:has\s+)?(?:posted|reported|announced)\s+(?:an?\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:profits?|loss|losses|sales|revenues?|earnings|results)\b)"
)
# "a fellow at Advancing American Freedom", "an analyst at Eurasia Group".
_ORG_BEFORE = re.compile(
    r"\b(?:fellow|analyst|professor|economist|researcher|director|head|chief|executive|"
    r"spokes\w+|official|lecturer|strategist|chairman|chairwoman|president|founder|partner|"
    r"worked|works|joined|employee|staff)\s+(?:at|of|for|with)\s+(?:the\s+)?$"
)


def _person_by_context(text: str, before: str, after: str) -> bool:
    words = text.split()
    return (
        2 <= len(words) <= 3
        and all(w[0].isupper() for w in words)
        and text not in PLACE_NAMES
        and (bool(_PERSON_AFTER.match(after)) or bool(_PERSON_BEFORE.search(before)))
    )


# Longest first, so "Prime Minister" wins over "Minister". Compiled once: building these per
# mention was most of the recogniser's time.
_TITLES = "|".join(re.escape(t) for t in sorted(PERSON_TITLES, key=len, reverse=True))
_TITLE_FIRST = re.compile(rf"(?:{_TITLES})\s(?P<rest>.+)$")
_TITLE_BEFORE = re.compile(rf"(?:{_TITLES})\s*$")
_TITLE_INSIDE = re.compile(rf" (?:{_TITLES}) ")


def _split_prefixed(text: str) -> list[tuple[int, str]]:
    """A run like "Canadian Prime Minister Mark Carney" or "U.S. President Donald Trump" holds a
    nationality or place before the title: return the pieces with their offsets."""
    if (inner := _TITLE_INSIDE.search(text)) and inner.start() > 0:
        head = text[: inner.start()]
        if head in NATIONALITIES or head in PLACE_NAMES:
            return [(0, head), (inner.start() + 1, text[inner.start() + 1 :])]
    return [(0, text)]


# What only a person does right after their surname: "Idowu made his breakthrough",
# "Idowu said", "Idowu, 26,".
_PERSON_AFTER_SURNAME = re.compile(
    r"^(?:\s+[a-z]+\s+(?:his|her|himself|herself)\b"
    r"|\s+(?:said|says|told|added|admitted|insisted|believes|thinks|hopes)\b"
    r"|,\s+\d{2},)"
)


_FOREIGN_ARTICLES = frozenset("La Le Les El Los Las Il Lo Gli Der Die Das Het De".split())


def _people_by_echo(
    article: Article, candidates: list[_Candidate], heading_blocks: set[int]
) -> set[str]:
    """A two- or three-word name no list knows ("Phillips Idowu") is a person when the article
    goes on to call them by the last word alone, and at least one of those short mentions acts
    as only a person does. News refers to people by surname, to organisations rarely so."""
    starters = _sentence_starters()
    found: set[str] = set()
    short: dict[str, list[_Candidate]] = {}
    for c in candidates:
        if c.type is None and " " not in c.text and c.block not in heading_blocks:
            short.setdefault(c.text, []).append(c)
    for c in candidates:
        words = c.text.split()
        if c.type is not None or not 2 <= len(words) <= 3 or c.block in heading_blocks:
            continue
        if words[0] in _FOREIGN_ARTICLES or any(
            not (w[0].isupper() and any(ch.islower() for ch in w)) or w in starters or _known(w)
            for w in words
        ):
            continue  # "La Fenice", "El Pais": a name with an article is a place or an outlet
        echoes = short.get(words[-1], [])
        if any(
            _PERSON_AFTER_SURNAME.match(article.blocks[e.block].text[e.end : e.end + 30])
            for e in echoes
        ):
            c.type, c.name = EntityType.PERSON, c.text
            found.add(c.text)
    return found


def find_entities(article: Article) -> ArticleEntities:
    """Every entity mention in the article's blocks, typed, with canonical names."""
    figures: list[Mention] = []
    candidates: list[_Candidate] = []
    for block_index, block in enumerate(article.blocks):
        text = block.text
        taken: list[tuple[int, int]] = []
        for pattern, kind in ((_MONEY, EntityType.MONEY), (_PERCENT, EntityType.PERCENT)):
            for m in pattern.finditer(text):
                for start, end in _split_change(text, m.start(), m.end()):
                    figures.append(
                        Mention(block_index, start, end, kind, text[start:end], text[start:end])
                    )
                taken.append((m.start(), m.end()))
        for m in _DATE.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            if m.group() == "May" and not (
                re.match(r"\s(?:\d|19|20)", text[m.end() : m.end() + 3])
                or re.search(
                    r"(?:in|from|since|until|by|of|early|late|mid|next|last)\s$",
                    text[max(0, m.start() - 7) : m.start()],
                )
            ):
                continue  # the verb, not the month
            figures.append(
                Mention(block_index, m.start(), m.end(), EntityType.DATE, m.group(), m.group())
            )
            taken.append((m.start(), m.end()))
        for m in _NAME_RUN.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            for piece_start, piece in _pieces(m.start(), _POSSESSIVE.sub("", m.group())):
                if piece in NON_GPE_PLACES or piece.split()[-1] in EVENT_CUES:
                    continue  # a continent, or an event whose name holds a place
                run, start = _strip_leading_common(piece, piece_start)
                if not run:
                    continue
                left, sep, right = run.partition(" of ")
                if (
                    sep
                    and 2 <= len(left.split()) <= 3
                    and _PERSON_BEFORE.search(text[max(0, start - 30) : start])
                ):
                    # "analyst Orin Middleton of Barclays Capital": a person, then their employer.
                    candidates.append(_Candidate(block_index, start, start + len(left), left))
                    start, run = start + len(left) + 4, right
                for offset, part in _split_prefixed(run):
                    candidates.append(
                        _Candidate(block_index, start + offset, start + offset + len(part), part)
                    )

    # First pass: type what can be typed from the mention itself.
    heading_blocks = {i for i, b in enumerate(article.blocks) if b.kind is BlockKind.HEADING}
    for c in candidates:
        block_text = article.blocks[c.block].text
        before = block_text[max(0, c.start - 40) : c.start]
        c.type, c.name = _classify(c.text, before)
        if c.type is None and _person_by_context(c.text, before, block_text[c.end : c.end + 30]):
            c.type, c.name = EntityType.PERSON, c.text
        after = block_text[c.end : c.end + 60]
        if c.type is None and (
            (_ORG_BEFORE.search(before) and len(c.text.split()) >= 2)
            or _ORG_NOUN_BEFORE.search(before)
            or _BUSINESS_BEFORE.search(before)
            or _BUSINESS_AFTER.match(after)
        ):
            c.type, c.name = EntityType.ORG, c.text
        if (
            c.type is EntityType.PERSON
            and c.name == c.text
            and c.text.split()[0] in FIRST_NAMES
            and _BUSINESS_NOUN_BEFORE.search(before)
            and not _TITLE_BEFORE.search(before)
        ):
            c.type = EntityType.ORG  # "the agency Curtis Brown": named after a person, not one
        if c.type is EntityType.PERSON and c.text != c.name and c.text.endswith(c.name):
            # "Prime Minister Mark Carney": the mention is the name; the title is context.
            c.start = c.end - len(c.name)
            c.text = c.name
        if c.type is EntityType.PERSON and c.block in heading_blocks:
            c.type = None  # headings are labels; a person there needs the body's word for it

    echoed = _people_by_echo(article, candidates, heading_blocks)

    # Second pass: a later short mention inherits from a full name seen in the article.
    # When two people share a surname ("Justin" and "Pierre Trudeau"), the bare surname means
    # the one the article introduced first: news names its subject before its background.
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
            and not any(_known(p) for p in parts)
        ):
            by_given.setdefault(parts[0], set()).add(c.name)
    known_orgs = {c.name for c in candidates if c.type is EntityType.ORG}
    # "General Motors (GM)", "Athletics Kenya (AK)": the acronym names the same organisation.
    for c in candidates:
        after = article.blocks[c.block].text[c.end : c.end + 12]
        alias = re.match(r"\s\(([A-Z]{2,6})\)", after)
        if alias and (c.type is EntityType.ORG or c.type is None) and len(c.text.split()) >= 2:
            if c.type is None:
                c.type, c.name = EntityType.ORG, c.text
            known_orgs.add(alias.group(1))
    for c in candidates:
        if c.type is not None and not (c.type is EntityType.PERSON and c.name in by_surname):
            continue
        if c.text in by_surname and c.block not in heading_blocks:
            c.type, c.name = EntityType.PERSON, by_surname[c.text]
        elif (
            c.type is None
            and len(by_given.get(c.text, ())) == 1
            and c.block not in heading_blocks
            and c.text not in _sentence_starters()
        ):
            (c.name,) = by_given[c.text]
            c.type = EntityType.PERSON
        elif c.text in known_orgs and (c.type is None or c.type is EntityType.GPE):
            c.type, c.name = EntityType.ORG, c.text

    # An unknown run may still hold a nationality: "Western Canadian", "Chinese EVs". Places are
    # not taken out of unknown runs: "Norwich Union", "Tate Britain" are names in themselves.
    for c in [c for c in candidates if c.type is None and " " in c.text]:
        offset = 0
        words = c.text.split(" ")
        for position, word in enumerate(words):
            if word in _DIRECTIONS and position < len(words) - 1:
                offset += len(word) + 1
                continue  # "Western Canadian": the direction qualifies the nationality
            kind, name = (
                _classify(word, "")
                if word in NATIONALITIES or word in PLACE_NAMES
                else (
                    None,
                    word,
                )
            )
            if kind is EntityType.NORP:
                start = c.start + offset
                candidates.append(_Candidate(c.block, start, start + len(word), word, kind, name))
            offset += len(word) + 1

    mentions = figures + [
        Mention(c.block, c.start, c.end, c.type, c.name, c.text)
        for c in candidates
        if c.type is not None
    ]
    mentions.sort(key=lambda m: (m.block, m.start))
    return ArticleEntities(tuple(mentions))
