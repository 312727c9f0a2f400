"""Headlines for articles that have none, and for titles too long to be one.

Wire copy often comes without a headline. One is made from the lead, the way a copy editor
would: from the first sentence that names the story's actors (not a scene-setter such as "In
the summer of 1995, a whiff of revolution was in the air", not a quote or a question, not a
sentence that starts with "He" or "They"), without its dateline, its day of the week or its
attribution ("officials said"), and cut at a clause boundary to at most HEADLINE_WORDS words.
A headline never ends in an ellipsis: it is a shorter sentence, not a longer one cut off.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from summarise.language.datelines import strip_dateline
from summarise.language.function_words import FUNCTION_WORDS

HEADLINE_WORDS = 16
# A cut that leaves fewer words than this is no headline.
SHORTEST = 5
# Sentences of the lead looked at for one that names the story's actors.
LEAD_SENTENCES = 4

_TIME = re.compile(
    r"(?:,\s*)?\b(?:(?:on|late|early|last|this|next)\s+)?"
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|tonight|yesterday)"
    r"(?:\s+(?:morning|afternoon|evening|night))?\b(?![’'])"
)
# Asides a headline leaves out: ", 82,", ", who ... ,", ", the devastating illness that ... ,".
_ASIDE = re.compile(r",\s+(?:\d{1,3}|(?:who|which|whose|where|the|a|an)\s[^,;:]{1,90}),(?=\s)")
# ", officials said", ", according to a survey": an attribution ending the sentence. Looked for
# only in a sentence's last ATTRIBUTION_REACH characters.
_ATTRIBUTION = re.compile(
    r",\s(?:according to\b[^,]*|(?:[\w.’'-]+\s){1,6}(?:said|says|reported|announced)\b[^,]*)$"
)
ATTRIBUTION_REACH = 100
# Words a scene-setter, a dependent clause or a sentence that leans on the one before opens with.
_OPENERS = frozenset(
    """
    when while as after before with without although though if because since despite just
    maybe perhaps once for in on at to by from during amid it there this that these those he
    she they we i you his her their our its what why how who
    but and yet so or nor however meanwhile moreover furthermore instead also still then
    """.split()
)
# Where a headline may end, best first: before a new clause, then before a phrase.
_CLAUSE_WORDS = frozenset(
    "when while as after before because since although though despite amid following which "
    "who whose where but saying according unless until whereas".split()
)
_PHRASE_WORDS = frozenset(
    "for against over with without in on at by from under into to during than about".split()
)
# "as soon as", "such as", "as well as" do not start a clause.
_NOT_AFTER_AS = frozenset("soon such well so just long far much".split())
_WORD = re.compile(r"\S+")
# Words of a time phrase that can open a sentence: "Two years ago,", "Earlier this month,".
_TIME_WORDS = frozenset(
    """
    ago year years month months week weeks day days decade decades century morning night
    earlier later last since january february march april may june july august september
    october november december monday tuesday wednesday thursday friday saturday sunday
    """.split()
)
# Enough of English's verbs to tell a clause from a noun phrase ("Federal prosecutors in Salt
# Lake City and supervisors" has none): auxiliaries, said and its kin, and past tenses in -ed.
_VERBS = frozenset(
    """
    is are was were be been being has have had will would can could may might must should shall
    do does did said says say won wins lost loses rose rises fell falls hit hits made makes took
    takes gave gives got gets went goes came comes ran runs set sets left leaves kept keeps
    began begins became becomes found finds held holds told tells saw sees put puts met meets
    led leads paid pays sold sells bought buys built builds brought brings struck strikes
    """.split()
)


def _has_verb(words: Sequence[str]) -> bool:
    return any(
        (w := word.lower().strip(',;:"“”')) in _VERBS or (w.endswith("ed") and len(w) > 4)
        for word in words[1:]
    )


_CAPITALISED = re.compile(r"\b[A-Z][\w’'-]+")


def _actors(paragraphs: Sequence[str]) -> Counter[str]:
    """Capitalised words the article uses more than once: the people, places and bodies the
    story is about (sentence openers and function words left out)."""
    counts: Counter[str] = Counter()
    for paragraph in paragraphs:
        for m in _CAPITALISED.finditer(paragraph):
            word = m.group()
            if word.lower() not in FUNCTION_WORDS and m.start() > 0:
                counts[word] += 1
    return Counter({w: n for w, n in counts.items() if n > 1})


def _time_opening(sentence: str) -> bool:
    """ "Two years ago, ...", "Earlier this month, ...": a few words of time before a comma."""
    comma = sentence.find(", ")
    opening = sentence[:comma].split() if comma > 0 else []
    return (
        0 < len(opening) <= 6
        and not _has_verb(["", *opening])
        and any(w.lower().strip(".") in _TIME_WORDS for w in opening)
    )


def _is_scene_setter(sentence: str) -> bool:
    first = sentence.lstrip("\"“‘'( ").split(" ", 1)[0].rstrip(",").lower()
    return (
        first in _OPENERS
        or _time_opening(sentence)
        or sentence.lstrip().startswith(('"', "“", "‘", "'"))
        or sentence.rstrip("\"”’' ").endswith("?")
    )


def _choose(sentences: Sequence[str], actors: Counter[str]) -> str:
    """The first lead sentence that names an actor and sets no scene; else the first that
    sets no scene; else the first."""

    def names(sentence: str) -> int:
        return sum(1 for m in _CAPITALISED.finditer(sentence) if m.group() in actors)

    early = [s for s in sentences[:LEAD_SENTENCES] if len(s.split()) >= 2 * SHORTEST] or list(
        sentences[:1]
    )
    for sentence in early:
        if names(sentence) and not _is_scene_setter(sentence):
            return sentence
    for sentence in early:
        if not _is_scene_setter(sentence):
            return sentence
    return early[0]


def _main_clause(sentence: str) -> str:
    """ "With the evidence gathered, officials began ..." -> "officials began ...": a leading
    dependent phrase ("With ...", or a few words with no verb, such as "Two years ago") is
    dropped when what follows the comma can stand alone."""
    comma = sentence.find(", ")
    dependent = sentence.split(" ", 1)[0].lower() in _OPENERS or _time_opening(sentence)
    if not dependent:
        return sentence
    rest = sentence[comma + 2 :] if 0 < comma < 120 else ""
    if len(rest.split()) >= SHORTEST and not _is_scene_setter(rest):
        return rest[0].upper() + rest[1:]
    return sentence


def _cut_kind(before: str, after: str) -> int:
    """How good a place to end a headline lies between two words: 1 a clause ends, 2 a phrase
    ends, 0 neither."""
    word = after.lower().strip("\"“‘'(")
    if before.endswith((";", ":")) or after in ("--", "_", "—", "–"):
        return 1
    if before.endswith(","):
        return 1 if word in _CLAUSE_WORDS or word in ("and", "but", "or") else 2
    if before.lower() in FUNCTION_WORDS:
        return 0
    if word == "as" and before.lower() in _NOT_AFTER_AS:
        return 0
    if word in _CLAUSE_WORDS:
        return 1
    if word in _PHRASE_WORDS:
        return 2
    return 0


def _quotes_closed(words: Sequence[str]) -> bool:
    """Whether a cut leaves no quotation open ("“2000 National Conference" is one that does)."""
    text = " ".join(words)
    return text.count("“") == text.count("”") and text.count('"') % 2 == 0


def shorten(text: str, most: int = HEADLINE_WORDS) -> str:
    """At most `most` words, cut where a clause (or else a phrase) ends, never mid-phrase with
    "…"; asides between commas go first."""
    text = " ".join(text.split()).rstrip(" .;:,")
    if len(text.split()) > most:
        text = _ASIDE.sub("", text)
    words = _WORD.findall(text)
    if len(words) <= most:
        return text
    best = None
    for kind in (1, 2):
        for end in range(min(most, len(words) - 1), SHORTEST - 1, -1):
            if (
                _cut_kind(words[end - 1], words[end]) == kind
                and _has_verb(words[:end])
                and _quotes_closed(words[:end])
            ):
                best = end
                break
        if best is not None:
            break
    if best is None:
        # No phrase ends in reach: the longest run of words that does not end on a word that
        # needs another ("the", "of", "and").
        best = most
        while best > SHORTEST and words[best - 1].lower().strip(",;:") in FUNCTION_WORDS:
            best -= 1
    return " ".join(words[:best]).rstrip(" ,;:-–—_")


def _without_attribution(sentence: str) -> str:
    cut = max(0, len(sentence) - ATTRIBUTION_REACH)
    found = _ATTRIBUTION.search(sentence, cut)
    return sentence[: found.start()] if found else sentence


def headline_from_lead(paragraphs: Sequence[str], sentences: Sequence[str]) -> str:
    """A headline from an article's opening: `paragraphs` are its prose (to know its actors),
    `sentences` its first sentences in order."""
    lead = [strip_dateline(s).strip() for s in sentences if s.strip()]
    if not lead:
        return ""
    chosen = _main_clause(_choose(lead, _actors(paragraphs)))
    trimmed = _without_attribution(_TIME.sub("", chosen))
    if len(trimmed.split()) >= SHORTEST:
        chosen = trimmed
    chosen = " ".join(chosen.split()).replace(" ,", ",")
    return shorten(chosen[0].upper() + chosen[1:] if chosen else chosen)
