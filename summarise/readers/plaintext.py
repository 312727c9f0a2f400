"""Plain-text articles: scraped pages like the seeds, and the `title\\n\\nbody` layout.

Scraped text carries the web page's furniture as lines of its own: a section label, the
headline repeated, "Copy link", image credits, a byline, a disclaimer, and the page's tags run
together on the last line. This reader recognises the furniture, keeps what is metadata (byline,
date, tags) and drops the rest, then classifies what remains into headings, paragraphs, bullets
and pull quotes with their speakers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from itertools import pairwise
from pathlib import Path

from summarise.article import Article, Block, BlockKind, content_id, count_words
from summarise.language.datelines import find_dateline
from summarise.readers.lead import headline_for, take_dateline, without_codes

SECTION_LABELS = frozenset(
    """
    news world politics business opinion analysis sport sports tech technology science
    health culture entertainment economy markets lifestyle travel environment climate canada
    us uk europe asia africa australia international local national breaking exclusive
    explainer feature features comment editorial
    """.split()
)

_BOILERPLATE = [
    re.compile(p, re.IGNORECASE)
    for p in (
        r"copy link",
        r"share( (this|on \w+))?",
        r"(click to )?share (on|via) .+",
        r"advertisement",
        r"(story continues|article continues) below( advertisement)?",
        r"read more(:.*)?",
        r"(related|recommended)( (articles|stories|content))?:?",
        r"sign up .{0,80}",
        r"subscribe( now)?.{0,60}",
        r"(image|photo|photograph|picture|video|credit|source)s?( credit)?:.{0,120}",
        r"(getty images|afp( via getty images)?|shutterstock|alamy|reuters/.*|ap photo.*|"
        r"pa media|epa(-efe)?|bloomberg via getty images)",
        r"this (content|article|story) was (created|generated|produced|written|prepared) "
        r"with the (help|assistance|use) of (ai|artificial intelligence)\.?",
        r"(listen|watch)( to)?( this)?( article| story)?( \(\d+ min\))?",
        r"\d+ min(ute)?s? read",
    )
]

_TERMINAL = '.!?…:;"”’)]'
_BULLET = re.compile(r"^[•\-\*–·▪◦‣●]\s+(?P<text>.+)$")
_ATTRIBUTION_DASH = re.compile(r"^[—–]\s*(?P<text>.+)$")
_BYLINE = re.compile(r"^By\s+(?P<name>[^.!?]{2,80})$")
_STAFF = re.compile(
    r"^(?P<outlet>.+?)(?<!\s)\s+(?:Staff(?: Writers?| Reporters?)?|Newsroom|News Desk|Desk|Wire)$"
)
_QUOTE_MARKS = "\"“”‘’'"
_NAME_CONNECTORS = frozenset(
    """
    of the and at for de da del der van von la le du bin al & in
    """.split()
)

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_MON = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
_DATE_LINE = re.compile(
    rf"^(?:(?:Published|Updated|Posted|Last updated)(?: on)?:?\s*)?"
    rf"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,?\s+)?"
    rf"(?P<date>(?:{_MONTHS}|{_MON})\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+(?:{_MONTHS}|{_MON})\s+\d{{4}}"
    rf"|\d{{4}}-\d{{2}}-\d{{2}})"
    rf"(?:,?\s*(?:at\s*)?\d{{1,2}}[:.]\d{{2}}\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{{2,4}})?)?$",
    re.IGNORECASE,
)


@dataclass(slots=True)
class _Line:
    text: str
    gap_before: bool  # a blank line separates it from the line before


def _normalise_key(text: str) -> str:
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", text).strip().casefold()


def _same_text(line: str, key: str | None) -> bool:
    """Whether a line repeats the headline or standfirst (whose normalised key is given)."""
    # Normalising only changes quotes and spacing, so a line of another length is no repeat.
    return key is not None and abs(len(line) - len(key)) <= 4 and _normalise_key(line) == key


def _is_boilerplate(text: str) -> bool:
    return any(p.fullmatch(text) for p in _BOILERPLATE)


def _ends_sentence(text: str) -> bool:
    return text.endswith(tuple(_TERMINAL))


def parse_date(text: str) -> str | None:
    """An ISO date (YYYY-MM-DD) from a dateline such as "Published January 13, 2026", or None."""
    match = _DATE_LINE.match(text.strip())
    if not match:
        return None
    raw = re.sub(r"[.,]", "", match.group("date"))
    raw = re.sub(r"\bSept\b", "Sep", raw, flags=re.IGNORECASE)
    for fmt in ("%B %d %Y", "%b %d %Y", "%d %B %Y", "%d %b %Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(raw, fmt).date().isoformat()
        except ValueError:
            continue
    return None


def _lines(text: str) -> list[_Line]:
    rows: list[_Line] = []
    gap = False
    for raw in text.split("\n"):
        stripped = without_codes(raw.strip())
        if not stripped:
            gap = True
            continue
        if "  " in stripped:
            stripped = re.sub(r"\s+", " ", stripped)
        rows.append(_Line(stripped, gap))
        gap = False
    return rows


def _looks_hard_wrapped(rows: list[_Line]) -> bool:
    """True for text wrapped at a fixed width (email, Gutenberg-style), where a paragraph spans
    several lines; scraped text puts each paragraph on one long line instead."""
    long_rows = [r for r in rows if len(r.text) >= 40]
    if len(long_rows) < 5:
        return False
    widest = max(len(r.text) for r in long_rows)
    continued = sum(1 for a, b in pairwise(rows) if not b.gap_before and len(a.text) >= 40)
    return widest <= 100 and continued >= len(long_rows) * 0.5


def _unwrap(rows: list[_Line]) -> list[_Line]:
    merged: list[_Line] = []
    for row in rows:
        starts_item = bool(_BULLET.match(row.text))
        if merged and not row.gap_before and not starts_item:
            merged[-1].text = f"{merged[-1].text} {row.text}"
        else:
            merged.append(_Line(row.text, row.gap_before))
    return merged


def _looks_like_name(text: str) -> bool:
    """An attribution line: "Stephen Nagy", "U.S. President Donald Trump", "China Daily",
    "Reza Hasmath, University of Alberta". Every word that is not a connector is capitalised."""
    words = [w for w in re.split(r"[\s,]+", text) if w]
    if not 1 <= len(words) <= 10 or words[0] in ("A", "An"):
        return False
    significant = [w for w in words if w.casefold() not in _NAME_CONNECTORS]
    return bool(significant) and all(w[0].isupper() or w[0].isdigit() for w in significant)


# A first line this long is a paragraph, not a headline (headlines run 5-15 words).
LEAD_WORDS = 30


def _is_lead(line: str) -> bool:
    """Whether a file's first line is its lead paragraph rather than its headline: it opens
    with a wire dateline, or it is as long as a paragraph."""
    return find_dateline(line) is not None or count_words(line) > LEAD_WORDS


def _is_short_label(text: str) -> bool:
    """A heading or attribution candidate: a short line that does not end like a sentence."""
    return (
        len(text.split()) <= 14
        and not _ends_sentence(text)
        and (text[0].isupper() or text[0].isdigit() or text[0] in _QUOTE_MARKS)
    )


# Pull quotes are short by design (10-25 words in the seeds); the paragraphs that precede a Title
# Case section heading, which would otherwise look like a quote and its speaker, run longer.
PULL_QUOTE_MAX_WORDS = 32


def _could_be_pull_quote(block: Block) -> bool:
    sentences = len(re.findall(r"[.!?…](?:[\"”’)]*)(?:\s|$)", block.text))
    return (
        block.kind is BlockKind.PARAGRAPH
        and count_words(block.text) <= PULL_QUOTE_MAX_WORDS
        and sentences <= 2
    )


def _strip_wrapping_quotes(text: str) -> str:
    if len(text) > 2 and text[0] in "\"“'‘" and text[-1] in "\"”'’":
        inner = text[1:-1]
        if not any(q in inner for q in '"“”'):
            return inner.strip()
    return text


# A run-together tag is a few words ("Justin Trudeautrade"): a longer chunk is left whole, so
# the search for its joins stays small whatever the line holds.
MAX_GLUED_CHARS = 60
MAX_GLUED_PIECES = 4
MAX_PIECE_WORDS = 4
_PIECE_WORD = re.compile(r"\w++(?:\.\w++)*+")


class _Phrases:
    """Every run of up to MAX_PIECE_WORDS words of the article, lower-cased: whether a piece
    occurs in it is then one set lookup, not a search of the whole text."""

    def __init__(self, haystack: str) -> None:
        words = _PIECE_WORD.findall(haystack.lower())
        self._runs = {
            " ".join(words[i : i + n])
            for n in range(1, MAX_PIECE_WORDS + 1)
            for i in range(len(words) - n + 1)
        }

    def __contains__(self, piece: str) -> bool:
        # A piece starts and ends as a word does ("U.S." may end on its point): "-China" is
        # the tail of "Canada-China", not a tag.
        if not piece[:1].isalnum() or not (piece[-1:].isalnum() or piece.endswith(".")):
            return False
        key = " ".join(_PIECE_WORD.findall(piece.lower()))
        return bool(key) and key in self._runs


def _split_glued(chunk: str, phrases: _Phrases) -> list[str] | None:
    """Split a chunk like "Justin Trudeautrade" into the fewest pieces (of two characters or
    more, at most MAX_GLUED_PIECES) that each occur in the article, the earliest cuts first;
    None when there is no such split. Quadratic in the chunk, which is bounded."""
    if chunk in phrases:
        return [chunk]
    n = len(chunk)
    if n > MAX_GLUED_CHARS:
        return None
    # fewest[i]: the best split of chunk[i:], found from the end backwards.
    fewest: list[list[str] | None] = [None] * (n + 1)
    fewest[n] = []
    for i in range(n - 2, -1, -1):
        for j in range(i + 2, n + 1):
            rest = fewest[j]
            if rest is None:
                continue
            piece = chunk[i:j].strip()
            if not piece or len(rest) + 1 > MAX_GLUED_PIECES:
                continue
            best = fewest[i]
            if (best is None or len(rest) + 1 < len(best)) and piece in phrases:
                fewest[i] = [piece, *rest]
    return fewest[0]


def split_tag_line(line: str, haystack: str) -> list[str]:
    """Undo the run-together tag line of scraped pages.

    "ChinaCanadaJustin TrudeautradeUSMCA" -> China, Canada, Justin Trudeau, trade, USMCA.
    Case changes mark most joins; a join between two lower-case letters is found by looking
    for pieces that occur in the article itself.
    """
    phrases = _Phrases(haystack)
    chunks = re.split(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", line)
    tags: list[str] = []
    for chunk in (c.strip() for c in chunks):
        if not chunk:
            continue
        if tags and chunk not in phrases and tags[-1] + chunk in phrases:
            tags[-1] += chunk  # "Mc" + "Donald": the case change was inside one name
            continue
        tags.extend(_split_glued(chunk, phrases) or [chunk])
    return tags


def _is_tag_line(text: str) -> bool:
    return (
        not _ends_sentence(text)
        and len(text.split()) <= 25
        and len(re.findall(r"[a-z][A-Z]", text)) >= 1
    )


class _Header:
    """What the lines right after the headline say about the article."""

    def __init__(self) -> None:
        self.dek: str | None = None
        self.byline: str | None = None
        self.date: str | None = None


def _read_metadata(text: str, header: _Header) -> bool:
    """Take a byline or dateline into the header; True if the line was one."""
    if header.byline is None and (m := _BYLINE.match(text)) and len(text.split()) <= 10:
        header.byline = m.group("name").strip()
        return True
    if header.date is None and (date := parse_date(text)):
        header.date = date
        return True
    return False


def parse_plaintext(text: str, path: Path | None = None) -> Article:
    """Parse an article's cleaned text into an Article."""
    rows = _lines(text)
    if not rows:
        raise ValueError("empty article: no text")
    if _looks_hard_wrapped(rows):
        rows = _unwrap(rows)

    section = None
    # "Markets" over one paragraph is that paragraph's headline, not a section label over it.
    if len(rows) > 2 and rows[0].text.casefold() in SECTION_LABELS:
        section = rows.pop(0).text

    # Wire copy often has no headline: the file opens with its dateline and lead.
    titled = not _is_lead(rows[0].text)
    title = rows[0].text if titled else ""
    title_key = _normalise_key(title) if titled else None
    header = _Header()

    # The header zone: furniture between the headline and the body. A standfirst is the one
    # prose line that comes before furniture; without furniture after it, it is the lede.
    i, dek_at, last_furniture = 1, None, None
    while titled and i < len(rows) and i <= 10:
        line = rows[i].text
        if _same_text(line, title_key) or _is_boilerplate(line) or _read_metadata(line, header):
            last_furniture = i
        elif dek_at is None and last_furniture is None and not _is_short_label(line):
            dek_at = i
        else:
            break
        i += 1
    if dek_at is not None and last_furniture is not None and last_furniture > dek_at:
        header.dek = rows[dek_at].text
    body_start = last_furniture + 1 if last_furniture is not None else 1
    body = rows[body_start:] if titled else rows

    tags: tuple[str, ...] = ()
    if len(body) > 1 and _is_tag_line(body[-1].text):
        haystack = "\n".join(r.text for r in rows[:-1])
        tags = tuple(split_tag_line(body[-1].text, haystack))
        body = body[:-1]

    blocks: list[Block] = []
    dek_key = _normalise_key(header.dek) if header.dek else None
    for row in body:
        line = row.text
        if _same_text(line, title_key) or _same_text(line, dek_key) or _is_boilerplate(line):
            continue
        if len(blocks) < 3 and _read_metadata(line, header):
            continue
        if m := _BULLET.match(line):
            blocks.append(Block(BlockKind.BULLET, m.group("text").strip()))
            continue
        dash = _ATTRIBUTION_DASH.match(line)
        attribution = dash.group("text").strip() if dash else line
        if (
            blocks
            and _could_be_pull_quote(blocks[-1])
            and (dash or _is_short_label(line))
            and _looks_like_name(attribution)
        ):
            quote = _strip_wrapping_quotes(blocks[-1].text)
            blocks[-1] = Block(BlockKind.QUOTE, quote, speaker=attribution)
            continue
        if _is_short_label(line):
            blocks.append(Block(BlockKind.HEADING, line))
        else:
            blocks.append(Block(BlockKind.PARAGRAPH, line))

    # A trailing "heading" with nothing under it is an unpunctuated last paragraph.
    if blocks and blocks[-1].kind is BlockKind.HEADING:
        blocks[-1] = Block(BlockKind.PARAGRAPH, blocks[-1].text)

    source = None
    if header.byline and (m := _STAFF.match(header.byline)):
        source = m.group("outlet")
    lead = take_dateline(blocks)
    blocks = lead.blocks
    if not blocks:
        raise ValueError("no article text found")
    title = title or headline_for(blocks)

    words = count_words(title) + sum(count_words(b.text) for b in blocks)
    if header.dek:
        words += count_words(header.dek)
    return Article(
        id=content_id(text),
        path=path,
        title=title,
        dateline=lead.dateline,
        blocks=tuple(blocks),
        dek=header.dek,
        byline=header.byline,
        source=source or lead.agency,
        date=header.date,
        section=section,
        tags=tags,
        word_count=words,
    )
