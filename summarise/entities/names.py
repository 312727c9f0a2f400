"""Names: runs of capitalised words, and the rules that type a run from itself and from the
words around it (a title, a first name, an organisation word, "shares in", "said")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from summarise.entities.gazetteer import (
    CLUB_WORDS,
    COMMON_ACRONYMS,
    FIRST_NAMES,
    LAW_CUES,
    LAWS,
    NATIONALITIES,
    NEWSPAPER_WORDS,
    ORG_CUES,
    ORG_NAMES,
    PERSON_TITLES,
    PLACE_NAMES,
    REGIONS,
    ROLE_WORDS,
    SUBDIVISION_CUES,
)
from summarise.entities.model import EntityType

# No name runs longer than this many capitalised words (or hyphenated parts): the bound keeps
# every pattern below linear in the text, however long a run of capitals it is given.
MAX_NAME_WORDS = 12
# A capitalised word: "Carney", "U.S.", "Xi", "McDonald", "O'Brien", "Chrétien", "AOL". Only
# letter-dot initialisms and known abbreviations keep their full stop: "Washington." ends a
# sentence.
_ABBREVIATED = (
    r"(?:Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Gen|Prof|Capt|Lt|Col|Rev|Jr|Sr|Sgt|Maj|Adm"
    # US states as wire copy abbreviates them after a town: "Tempe, Ariz.".
    r"|Ala|Ariz|Ark|Calif|Colo|Conn|Del|Fla|Ga|Ill|Ind|Kans?|Ky|La|Md|Mass|Mich|Minn|Miss|Mo"
    r"|Mont|Neb|Nev|Okla|Ore|Pa|Tenn|Tex|Vt|Va|Wash|Wis|Wyo|W\.Va)\."
)
# Hyphens join capitalised parts only: "Macdonald-Laurier" is one word, "Paris-based" is "Paris".
# "O-Grady" (an apostrophe some sources write as a hyphen) and "al-Assad", "bin-Talal", whose
# lower-case particle is joined on, are one word too.
# Korean given names keep their second syllable after the hyphen in lower case: "Dae-jung",
# "Jong-il", "Moo-hyun". Short on both sides, and not a compound such as "Bush-era".
_KOREAN_GIVEN = (
    r"[A-Z][a-z]{1,3}-(?!(?:era|led|run|born|made|like|type|wide|free|held|style|based|owned)\b)"
    r"[a-z]{2,4}\b"
)
_CAP_WORD = (
    rf"(?:(?:[A-Z]\.){{2,}}|{_ABBREVIATED}|[A-Z]{{1,3}}&[A-Z]{{1,3}}\b|[A-Z]\.(?=\s[A-Z][a-z])|[A-Z][\w\-]{{1,60}}\.(?:com|co\.uk|net|org|io)\b"
    rf"|(?:al|el|bin|ibn|abu)-[A-Z][\w'’]*[\w]"
    rf"|[A-Z](?:[\w'’]*[\w])?(?:-[A-Z][\w'’]*[\w]){{1,{MAX_NAME_WORDS}}}"
    rf"|{_KOREAN_GIVEN}|[A-Z][\w'’]*[\w]|[A-Z])"
)
# Lower-case words inside names: "Bank of the West", "Jeroen van der Veer", "Ursula von der
# Leyen", "Leonardo da Vinci", "Osama bin Laden"; up to two in a row. "and" is left out: "Mark
# Carney and Xi Jinping" is two names, not one.
_CONNECTOR = r"(?:of|the|for|de|du|da|di|del|della|dos|das|van|von|der|den|ter|al|bin|ibn|&)"
NAME_RUN = re.compile(
    rf"(?<![\w’'.])(?=[A-Z])(?:{_CAP_WORD})(?:\s(?:{_CONNECTOR}\s){{0,2}}(?:{_CAP_WORD})){{0,{MAX_NAME_WORDS}}}"
    rf"(?:['’]s)?(?![\w])"
)
# "Britain's Kelly Holmes", "Sony's PlayStation": a possessive inside a run ends a name.
_INNER_POSSESSIVE = re.compile(r"['’]s\s")
POSSESSIVE = re.compile(r"['’]s$")
DIRECTIONS = frozenset({"Western", "Eastern", "Northern", "Southern", "Central"})


@cache
def sentence_starters() -> frozenset[str]:
    from summarise.language.text import stop_words

    extra = """according after although among another any as because before both but by
    despite during each either even every for from given having here however if in including
    instead it its meanwhile most much neither no nor not now on once one only other our over
    since so some still such than that the their then there these they this those though
    through to under unlike until we what when where whether which while who why with within
    without yet you""".split()
    return frozenset(w.capitalize() for w in (*stop_words(), *extra))


@dataclass(slots=True)
class Candidate:
    block: int
    start: int
    end: int
    text: str
    type: EntityType | None = None
    name: str = ""


# "Tempe, Ariz. The Seminoles": an abbreviation's full stop can end the sentence.
_SENTENCE_END = re.compile(r"(?<=\.)\s(?=[A-Z][a-z]+\b)")


def pieces(start: int, run: str) -> list[tuple[int, str]]:
    """Split a run at inner possessives ("Britain's Kelly Holmes" is two names) and where a full
    stop is followed by a word that starts sentences."""
    pieces, cursor = [], 0
    cuts = list(_INNER_POSSESSIVE.finditer(run)) if "s " in run else []
    if ". " in run:
        starters = sentence_starters()
        cuts += [
            m for m in _SENTENCE_END.finditer(run) if run[m.end() :].split(" ", 1)[0] in starters
        ]
        cuts.sort(key=lambda m: m.start())
    for m in cuts:
        pieces.append((start + cursor, run[cursor : m.start()]))
        cursor = m.end()
    pieces.append((start + cursor, run[cursor:]))
    return [(s, p) for s, p in pieces if p]


def known(text: str) -> bool:
    return text in PLACE_NAMES or text in ORG_NAMES or text in NATIONALITIES or text in LAWS


def strip_leading_common(text: str, start: int) -> tuple[str, int]:
    """Drop what only starts the sentence ("The", "However") or names a role ("Conductor")."""
    words = text.split(" ")
    starters = sentence_starters()
    while len(words) > 0 and not known(" ".join(words)):
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


# Ampersand names that are not organisations.
_AMPERSAND_WORDS = frozenset({"R&D", "Q&A", "B&B", "A&E"})
# "Stewart M. Powell", "George W. Bush": a given name, initials, a surname.
_MIDDLE_INITIAL = re.compile(
    r"[A-Z][a-z]+(?:\s[A-Z]\.)+\s(?:Mc|Mac|O['’])?[A-Z][a-z]+(?:-[A-Z][a-z]+)?"
)


_WEB_ADDRESS = re.compile(r"[A-Z][\w\-]{1,60}\.(?:com|co\.uk|net|org|io)")
_INITIALS_AND_SURNAME = re.compile(
    r"(?:[A-Z]\.?){1,2}\s(?:(?:de|van|von|da|di|du|le)\s)?(?:Mc|Mac|O['’])?[A-Z][a-z]+"
    r"(?:-[A-Z][a-z]+)?"
)
_ACRONYM = re.compile(r"[A-Z]{3,6}")


def _by_word_lists(text: str) -> tuple[EntityType | None, str]:
    if text in NATIONALITIES:
        return EntityType.NORP, text
    if text in PLACE_NAMES:
        return EntityType.GPE, PLACE_NAMES[text]
    if text in ORG_NAMES:
        return EntityType.ORG, text
    return None, text


def _by_its_parts(text: str, words: list[str]) -> EntityType | None:
    """Type a run of two or more words from its last word or the known names inside it."""
    last = words[-1]
    if last in SUBDIVISION_CUES:
        return EntityType.GPE  # "Hubei Province", "Orange County"
    head = " ".join(words[:-1])
    if last in NEWSPAPER_WORDS and len(words) <= 3 and head in PLACE_NAMES:
        return EntityType.ORG  # "Atlanta Constitution", "Boston Globe"
    if last == "State" and head in REGIONS and head not in ("New York", "Washington"):
        return EntityType.ORG  # "Ohio State", "North Carolina State": universities
    if (" of " in text or " for " in text or " on " in text) and any(
        w in ORG_CUES and words[i + 1] in ("of", "for", "on") for i, w in enumerate(words[:-1])
    ):
        return EntityType.ORG  # "Kansas Board of Education"
    return None


def classify(text: str, before: str) -> tuple[EntityType | None, str]:
    """Type a run of capitalised words from the words themselves and what precedes them."""
    words = text.split()
    if text in LAWS or (len(words) >= 2 and words[-1] in LAW_CUES):
        if words[-1] != "Convention" or words[-2] in PLACE_NAMES or words[-2] in NATIONALITIES:
            return EntityType.LAW, text  # "Geneva Convention"; not "Southern Baptist Convention"
        return EntityType.ORG, text
    kind, name = _by_word_lists(text)
    if kind is None and text.isupper() and len(text) > 3:
        # An all-caps line or dateline: "NEW YORK", "LONDON" are the places in the lists.
        kind, name = _by_word_lists(text.title())
    if kind is not None:
        return kind, name
    if len(words) >= 2 and (kind := _by_its_parts(text, words)) is not None:
        return kind, text
    if "&" in text and not any(w in _AMPERSAND_WORDS for w in words):
        return EntityType.ORG, text  # "AT&T", "Texas A&M", "Marks & Spencer"
    if len(words) == 2 and words[1] in CLUB_WORDS:
        return EntityType.ORG, text  # "Bolton Wanderers", "Brighton & Hove Albion"
    if (len(words) >= 2 and words[-1] in ORG_CUES) or (
        len(words) > 2 and words[0] in ORG_CUES and words[1] == "of"
    ):
        return EntityType.ORG, text
    if _WEB_ADDRESS.fullmatch(text):
        return EntityType.ORG, text  # "Amazon.com"
    # Titles glued to the name: "Prime Minister Mark Carney", "President Xi Jinping".
    if titled := _TITLE_FIRST.match(text):
        rest = titled.group("rest")
        if rest not in PLACE_NAMES and rest not in NATIONALITIES:
            return EntityType.PERSON, rest
    if TITLE_BEFORE.search(before):
        return EntityType.PERSON, text
    if _MIDDLE_INITIAL.fullmatch(text):
        return EntityType.PERSON, text
    if len(words) >= 2 and words[0] in FIRST_NAMES and all(w[0].isupper() for w in words):
        return EntityType.PERSON, text
    if _INITIALS_AND_SURNAME.fullmatch(text) and words[0].replace(".", "") not in COMMON_ACRONYMS:
        # Initials and a surname: "JK Rowling", "J.K. Rowling"; not "PC Pro" or "BBC Four".
        return EntityType.PERSON, text
    if _ACRONYM.fullmatch(text) and text not in COMMON_ACRONYMS:
        return EntityType.ORG, text
    return None, text


# "Liang Yan, a professor", "Dominic Chiu, senior analyst", "said Stephen Nagy".
_PERSON_AFTER = re.compile(
    r"^,\s+(?:a|an|the|senior|chief|former|deputy|executive|professor|director|head|analyst|"
    r"spokes\w+|who)\b|^\s+(?:said|says|told|added|noted|wrote|argued|warned)\b"
)
PERSON_BEFORE = re.compile(
    r"\b(?:said|says|according to|by|champion|runner-up|medallist|winner|chief|boss|"
    r"quarterback|tailback|linebacker|lineman|receiver|pitcher|outfielder|shortstop|forward|"
    r"winger|fullback|batsman|bowler|jockey|sprinter|skier|skater|boxer|golfer|cyclist|"
    r"senator|assemblyman|congressman|congresswoman|lawmaker|legislator|governor|mayor|"
    r"minister|ambassador|envoy|diplomat|lawyer|attorney|prosecutor|judge|scientist|"
    r"researcher|engineer|official|officer|commander|leader|secretary|candidate|"
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
ORG_NOUN_BEFORE = re.compile(
    rf"\b(?:{_BUSINESS_NOUNS}|giant|maker|broadcaster|publisher|supplier|manufacturer|"
    r"provider|distributor|conglomerate|lender|miner|exporter|studio|label|rival|subsidiary|"
    r"body|club|side|team|operator|network|developer)\s+$"
)
BUSINESS_NOUN_BEFORE = re.compile(rf"(?<![\w-])(?:{_BUSINESS_NOUNS})\s+$")
# What is said only of a business right around its name: "shares in Pernod", "Ericsson
# shares", "Allied's chief executive", "Ericsson has posted a rise in profits".
BUSINESS_BEFORE = re.compile(
    r"\b(?:shares in|stake in|takeover of|bid for|acquisition of|merger with|owner of)\s+$"
)
BUSINESS_AFTER = re.compile(
    r"^(?:\s+shares\b|['’]s?\s+(?:shares|shareholders|chief executive|board|profits?|"
    r"sales|revenues?|takeover|share price)\b"
    r"|\s+(?:has\s+)?(?:posted|reported|announced)\s+(?:an?\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:profits?|loss|losses|sales|revenues?|earnings|results)\b)"
)
# "a fellow at Advancing American Freedom", "an analyst at Eurasia Group".
ORG_BEFORE = re.compile(
    r"\b(?:fellow|analyst|professor|economist|researcher|director|head|chief|executive|"
    r"spokes\w+|official|lecturer|strategist|chairman|chairwoman|president|founder|partner|"
    r"worked|works|joined|employee|staff)\s+(?:at|of|for|with)\s+(?:the\s+)?$"
)


def person_by_context(text: str, before: str, after: str) -> bool:
    words = text.split()
    return (
        2 <= len(words) <= 3
        and all(w[0].isupper() for w in words)
        and text not in PLACE_NAMES
        and (bool(_PERSON_AFTER.match(after)) or bool(PERSON_BEFORE.search(before)))
    )


# Longest first, so "Prime Minister" wins over "Minister". Compiled once: building these per
# mention was most of the recogniser's time.
_TITLES = "|".join(re.escape(t) for t in sorted(PERSON_TITLES, key=len, reverse=True))
_TITLE_FIRST = re.compile(rf"(?:{_TITLES})\s(?P<rest>.+)$")
TITLE_BEFORE = re.compile(rf"(?:{_TITLES})\s*$")
_TITLE_INSIDE = re.compile(rf" (?:{_TITLES}) ")


def split_prefixed(text: str) -> list[tuple[int, str]]:
    """A run like "Canadian Prime Minister Mark Carney" or "U.S. President Donald Trump" holds a
    nationality or place before the title, "Nagano Prefectural Gov. Goro Yoshimura" an office:
    return the pieces with their offsets."""
    if (inner := _TITLE_INSIDE.search(text)) and inner.start() > 0:
        head = text[: inner.start()]
        tail = text[inner.end() :].split()
        if head in NATIONALITIES or head in PLACE_NAMES or 2 <= len(tail) <= 3:
            return [(0, head), (inner.start() + 1, text[inner.start() + 1 :])]
    head, _, rest = text.partition(" ")
    if rest in ORG_NAMES and head in PLACE_NAMES:
        return [(0, head), (len(head) + 1, rest)]  # "U.S. House of Representatives"
    return [(0, text)]


# What only a person does right after their surname: "Idowu made his breakthrough",
# "Idowu said", "Idowu, 26,".
PERSON_AFTER_SURNAME = re.compile(
    r"^(?:\s+[a-z]+\s+(?:his|her|himself|herself)\b"
    r"|\s+(?:said|says|told|added|admitted|insisted|believes|thinks|hopes)\b"
    r"|,\s+\d{2},)"
)
