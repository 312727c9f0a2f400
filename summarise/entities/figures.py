"""Money, percentages and dates: found by patterns, before any name is looked for."""

from __future__ import annotations

import re

from summarise.entities.model import EntityType, Mention

# A number starts only where its run of digits does, so "1.1.1.1…" is read once, not once per
# digit (which made long runs quadratic).
_NUM = r"(?<![\d.,])\d+(?:[.,]\d+)*"
_SCALE = r"(?:\s?(?:bn|m|k|tn|billion|million|trillion|thousand)\b)?"
_AMOUNT = rf"(?:(?:US|C|A|HK)?[$£€¥]\s?{_NUM}{_SCALE})"
# Currencies written after the amount ("9.5bn kronor", "200 rand"); "won" and "real" are left
# out, being far more often a verb and an adjective ("3 won games").
_CURRENCY_WORDS = (
    "dollars|pounds|euros|yuan|renminbi|yen|rupees|roubles|rubles|kronor|kroner|krona|krone|"
    "francs|pesos|rand|reais|lira|lire|zloty|forint|shekels|dirhams|riyals|ringgit|"
    "baht|rupiah|naira|shillings|hryvnia|dinars|pence|cents"
)
# Each pattern below opens with the characters its matches can start with: the engine then skips
# every other position without trying the alternatives (the same matches, a quarter of the time).
MONEY = re.compile(
    rf"(?=[$£€¥UCAH0-9])(?:{_AMOUNT}(?:\s?(?:to|-|–)\s?{_AMOUNT})?"
    rf"|(?:\b{_NUM}\s?(?:bn|m|billion|million|trillion)?\s?(?:{_CURRENCY_WORDS})\b))"
)
_NUMBER_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|"
    "forty|fifty|sixty|seventy|eighty|ninety|a hundred|one hundred"
)
PERCENT = re.compile(
    r"(?<![A-Za-z0-9])(?=[A-Za-z0-9])"
    rf"(?:(?:\b(?:{_NUM}\s?(?:-|–|to)\s?)?{_NUM}(?:\s?%|\s(?:percent|per cent)\b))"
    rf"|(?:\b(?:{_NUMBER_WORDS})(?:\s(?:or|to)\s(?:{_NUMBER_WORDS}))?\s(?:percent|per cent)\b))",
    re.IGNORECASE,
)
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)"
)
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
# The look-behind adds nothing \b does not already require: it lets the engine skip the inside of
# words.
DATE = re.compile(
    rf"(?<![A-Za-z0-9])(?=[A-Za-z0-9])(?:\b(?:{_MONTH}\s\d{{1,2}}(?:st|nd|rd|th)?(?:\s?(?:to|-|–)\s?\d{{1,2}})?(?:,?\s\d{{4}})?"
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
    rf"|\b{_MONTH}(?=[\s,.]))",
)

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


def _is_month_may(text: str, start: int, end: int) -> bool:
    """ "May" is the month before a day or year, or after "in", "since", "early"...; otherwise
    it is the verb."""
    return bool(
        re.match(r"\s(?:\d|19|20)", text[end : end + 3])
        or re.search(
            r"(?:in|from|since|until|by|of|early|late|mid|next|last)\s$",
            text[max(0, start - 7) : start],
        )
    )


# Every amount and percentage has a digit or a number word; most paragraphs have neither a
# digit nor "per cent", and skipping their two patterns halves the time of this module.
_DIGIT = re.compile(r"\d")
_PER_CENT = re.compile(r"%|per\s?cent", re.IGNORECASE)


def find_figures(block: int, text: str) -> tuple[list[Mention], list[tuple[int, int]]]:
    """The figures in one block's text, and the spans they take (names are not looked for
    inside them)."""
    found: list[Mention] = []
    taken: list[tuple[int, int]] = []
    patterns = []
    if _DIGIT.search(text):
        patterns.append((MONEY, EntityType.MONEY))
    if _PER_CENT.search(text):
        patterns.append((PERCENT, EntityType.PERCENT))
    for pattern, kind in patterns:
        for m in pattern.finditer(text):
            for start, end in _split_change(text, m.start(), m.end()):
                found.append(Mention(block, start, end, kind, text[start:end], text[start:end]))
            taken.append((m.start(), m.end()))
    for m in DATE.finditer(text):
        if overlaps(m.start(), m.end(), taken):
            continue
        if m.group() == "May" and not _is_month_may(text, m.start(), m.end()):
            continue
        found.append(Mention(block, m.start(), m.end(), EntityType.DATE, m.group(), m.group()))
        taken.append((m.start(), m.end()))
    return found, taken


def overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)
