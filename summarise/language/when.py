"""When a sentence says a thing happened, resolved against the day the article was written.

News dates its events relative to itself: "on Thursday" in an article of Friday 4 December
1998 is 3 December, "yesterday" the day before, "on Dec. 1" the most recent 1 December (in an
article of 3 January, last year's), "last month" November. Each expression is read with the
words before it in its clause: "will meet on Thursday", "is due on Dec. 10", "by Friday" and
"next Tuesday" speak of what has not happened (or of a deadline, not an event) and are marked
as not past, so a timeline never dates an event after the article that reports it.

Precision is kept: a day, a week ("last week"), a month ("last month", "in March 1998"), a
year ("last year", "in 1997"). Only what is resolved to a day can date a timeline's line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

Precision = Literal["day", "week", "month", "year"]

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_DAY = r"(?P<{}>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<{}>(?:1[89]|20)\d\d)"
# Alternatives are tried in order, the most specific first; each names its parts.
_EXPRESSION = re.compile(
    r"\b(?:"
    + "|".join(
        (
            r"(?P<iso>(?:1[89]|20)\d\d-[01]\d-[0-3]\d)",
            rf"(?P<md_month>{_MONTH}) {_DAY.format('md_day')}(?![\d:])"
            rf"(?:,? {_YEAR.format('md_year')})?",
            rf"{_DAY.format('dm_day')} (?P<dm_month>{_MONTH})(?:,? {_YEAR.format('dm_year')})?",
            rf"(?:in |of |since |until )?(?P<my_month>{_MONTH}),? {_YEAR.format('my_year')}",
            r"(?P<rel_word>last|next|this|earlier this|later this) "
            r"(?P<rel_unit>week|month|year|weekend)",
            rf"(?P<rel_month_word>last|next|this) (?P<rel_month>{_MONTH})(?! [0-3]?\d\b)",
            r"(?P<ago_n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten) "
            r"(?P<ago_unit>days?|weeks?|months?|years?) ago",
            r"(?:(?P<wd_word>last|next|this|on|from|until|by|since|before|after) )?"
            r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
            r"(?P<wd_part> (?:morning|afternoon|evening|night))?",
            r"(?P<deictic>yesterday|today|tonight|tomorrow|this morning|this afternoon"
            r"|this evening|last night)",
            r"(?:in |since |until |by |before |after )(?P<year_only>(?:1[89]|20)\d\d)\b",
        )
    )
    + ")",
    re.IGNORECASE,
)
# Words before an expression, in its clause, that make it a plan or a forecast (in lower
# case: "May" is a month).
_NOT_PAST = re.compile(
    r"\b(?:will|won't|shall|would|due|scheduled|expected|expects|plans?|planned|set to"
    r"|is to|are to|deadline|upcoming|hopes?|intends?|aims?|promised|vowed|threatened"
    r"|could|may|might|should|must)\b|'ll\b"
)
# The word just before an expression that makes it a deadline or a start, not an event.
_BOUND = frozenset("by until till before from starting through since".split())
# Verbs in the present that put a dated thing ahead: "holds an election on Sunday", "the law
# takes effect on January 1", "the hearing is set for Thursday".
_SCHEDULED = re.compile(
    r"\b(?:is|are|begins?|starts?|opens?|closes?|ends?|holds?|takes?|meets?|plays?|visits?"
    r"|expires?|resumes?|goes|comes|falls|faces?|hosts?)\b"
)
# A verb in the past: what is dated happened.
_PAST_VERB = re.compile(
    r"\b(?:\w{3,}ed|was|were|had|did|said|told|met|won|lost|came|went|took|made|gave|began"
    r"|fell|rose|left|held|sent|found|ran|saw|broke|shot|struck|hit|put|led|got|flew|spoke"
    r"|drew|threw|wrote|stood|sold|bought|paid|kept|brought|fought|caught|chose|knew|grew|"
    r"became|died|beat)\b"
)
# Where a clause begins: what came before it says nothing of this expression's tense.
_CLAUSE = re.compile(
    r"[;:]|,\s(?:and|but|while|when|after|as|who|which)\b|\.\s+(?=[A-Z\"“])|\b(?:and|but)\s"
)


@dataclass(frozen=True, slots=True)
class When:
    """A date a sentence states: the expression, what it resolves to, how precisely, and
    whether it is in the past as the article was written (on or before its date)."""

    text: str
    start: int
    end: int
    date: date
    precision: Precision
    past: bool


def _month(name: str) -> int:
    return _MONTHS[name.lower().rstrip(".")]


def _safe(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _month_day(month: int, day: int, written: date) -> date | None:
    """The 1 December nearest before `written`, unless it is plainly ahead (within half a
    year): "Dec. 1" in an article of 3 January is last year's, in one of 20 November this
    year's, still to come."""
    this_year = _safe(written.year, month, day)
    if this_year is None:
        return None
    if this_year <= written or (this_year - written).days <= 182:
        return this_year
    return _safe(written.year - 1, month, day)


def _months_back(written: date, months: int) -> date:
    total = written.year * 12 + written.month - 1 - months
    return date(total // 12, total % 12 + 1, 1)


def _tense_before(text: str, start: int) -> str:
    """The words of the expression's clause before it (up to eight)."""
    before = text[max(0, start - 80) : start]
    cut = [m.end() for m in _CLAUSE.finditer(before)]
    if cut:
        before = before[cut[-1] :]
    return " ".join(before.split()[-8:])


def _tense_after(text: str, end: int) -> str:
    """The words after the expression up to its clause's end (up to eight)."""
    after = text[end : end + 80]
    if cut := _CLAUSE.search(after):
        after = after[: cut.start()]
    return " ".join(after.split()[:8])


def _is_past(before: str, after: str) -> bool:
    """Whether the clause around an expression reports what happened: no plan or forecast
    before it, and a verb in the past (or, with none, no scheduling verb in the present)."""
    if _NOT_PAST.search(before):
        return False
    if _PAST_VERB.search(before):
        return True
    if _SCHEDULED.search(before):
        return False
    # Nothing said before it ("On Dec. 28, rebels fired", "Rescuers on Sunday pulled"): the
    # verb comes after.
    return not (
        _NOT_PAST.search(after) or (_SCHEDULED.search(after) and not _PAST_VERB.search(after))
    )


def _resolve(m: re.Match[str], written: date) -> tuple[date, Precision, bool | None] | None:
    """The date, its precision, and whether the expression itself says past (True), future
    (False) or leaves it to the tense (None)."""
    g = m.groupdict()
    if g["iso"]:
        found = _safe(*(int(p) for p in g["iso"].split("-")))
        return (found, "day", None) if found else None
    for kind in ("md", "dm"):
        if g[f"{kind}_month"]:
            month, day = _month(g[f"{kind}_month"]), int(g[f"{kind}_day"])
            year = g[f"{kind}_year"]
            found = _safe(int(year), month, day) if year else _month_day(month, day, written)
            return (found, "day", None) if found else None
    if g["my_month"]:
        return date(int(g["my_year"]), _month(g["my_month"]), 1), "month", None
    if g["rel_word"]:
        word, unit = g["rel_word"].lower(), g["rel_unit"].lower()
        step = {"last": -1, "next": 1}.get(word, 0)
        future = word in ("next", "later this")
        if unit in ("week", "weekend"):
            monday = written - timedelta(days=written.weekday())
            return monday + timedelta(weeks=step), "week", False if future else None
        if unit == "month":
            return _months_back(written, -step), "month", False if future else None
        return date(written.year + step, 1, 1), "year", False if future else None
    if g["rel_month_word"]:
        word, month = g["rel_month_word"].lower(), _month(g["rel_month"])
        year = written.year
        if word == "last" and month >= written.month:
            year -= 1
        elif word == "next" and month <= written.month:
            year += 1
        return date(year, month, 1), "month", word != "next" if word != "this" else None
    if g["ago_n"]:
        count = _NUMBER_WORDS.get(g["ago_n"].lower()) or int(g["ago_n"])
        unit = g["ago_unit"].lower().rstrip("s")
        if unit == "day":
            return written - timedelta(days=count), "day", True
        if unit == "week":
            return written - timedelta(weeks=count), "week", True
        if unit == "month":
            return _months_back(written, count), "month", True
        return date(written.year - count, 1, 1), "year", True
    if g["weekday"]:
        target = _WEEKDAYS.index(g["weekday"].lower())
        word = (g["wd_word"] or "").lower()
        back = (written.weekday() - target) % 7
        if word == "since":
            return written - timedelta(days=back), "day", False  # a start, not an event
        if word in ("next", "until", "by", "before", "from"):
            ahead = (target - written.weekday()) % 7 or 7
            return written + timedelta(days=ahead), "day", False
        if word == "last":
            return written - timedelta(days=back or 7), "day", True
        # Plain "on Thursday": the latest Thursday on or before the article, unless the tense
        # says it is still to come (then the next one).
        return written - timedelta(days=back), "day", None
    if g["deictic"]:
        word = g["deictic"].lower()
        if word == "tomorrow":
            return written + timedelta(days=1), "day", False
        if word in ("yesterday", "last night"):
            return written - timedelta(days=1), "day", True
        return written, "day", None
    if g["year_only"]:
        return date(int(g["year_only"]), 1, 1), "year", None
    return None


def _has_year(m: re.Match[str]) -> bool:
    return bool(m.group("iso") or m.group("md_year") or m.group("dm_year"))


def dates_in(text: str, written: date) -> list[When]:
    """Every date expression in a sentence, resolved against the day it was written."""
    found = []
    for m in _EXPRESSION.finditer(text):
        # Words only: "Mayday", "2 Mar" inside a code are not dates.
        if m.start() and text[m.start() - 1].isalnum():
            continue
        resolved = _resolve(m, written)
        if resolved is None:
            continue
        when, precision, says = resolved
        before = _tense_before(text, m.start())
        last = before.rsplit(None, 1)[-1].lower() if before else ""
        if last in _BOUND:
            says = False
        elif says is None:
            says = _is_past(before, _tense_after(text, m.end()))
            if not says and m.group("weekday"):
                # "will meet on Thursday": the next one.
                ahead = (when.weekday() - written.weekday()) % 7 or 7
                when = written + timedelta(days=ahead)
            elif not says and when < written and precision == "day" and not _has_year(m):
                # "takes effect on January 1": the next one.
                when = _safe(when.year + 1, when.month, when.day) or when
        past = bool(says) and when <= written
        found.append(When(m.group(), m.start(), m.end(), when, precision, past))
    return found


def event_date(sentence: str, written: date) -> date | None:
    """The day a sentence dates what it reports: its first past expression resolved to a day,
    or None when it names none (or only plans, weeks, months and years)."""
    for when in dates_in(sentence, written):
        if when.precision == "day" and when.past:
            return when.date
    return None


def names_a_time(sentence: str, written: date) -> bool:
    """Whether a sentence says when anything happens (past, planned or vague)."""
    return bool(dates_in(sentence, written))
