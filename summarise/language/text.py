"""Sentences and words, entirely offline and without NLTK.

Sentence boundaries follow Punkt's rules with its data built in: a full stop, question or
exclamation mark (with any closing quotes) ends a sentence when the next word starts one, except
after an abbreviation or an initial. What Punkt learns from a corpus, the orthographic evidence
that a capitalised word starts a sentence, is replaced by one rule: a capitalised function word
("The", "It", "But") starts one. A title abbreviation after a capitalised word is the end of a
name, not a title: "...from strongman Hun Sen. Hun Sen complained" is two sentences, while
"Democratic Sen. Tom Daschle" stays one.

Words for ranking come from one regex and a C Snowball stemmer (PyStemmer): importing NLTK alone
took a second, more than a whole summary.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from summarise.article import Article, BlockKind
from summarise.language.function_words import FUNCTION_WORDS

# Lower-case, without the final period. Words that also end sentences as ordinary words (no,
# ill, sun, miss, wash, ...) are left out on purpose.
ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof st jr sr sen rep gov gen lt col capt cmdr sgt maj adm rev hon pres
    supt insp cpl pvt mt ft ave blvd rd u.s u.k u.n u.s.a e.u e.g i.e etc vs approx dept pp
    inc ltd co corp plc llc bros assn intl jan feb mar apr jun jul aug sep sept oct nov dec
    mon tue tues wed thu thur thurs fri a.m p.m ala ariz calif colo conn fla ga kan ky md
    mich minn mont neb nev okla tenn tex va vt wis wyo no
    """.split()
)
# Abbreviations that come before a name. After a capitalised word that is not a qualifier of
# the title ("Democratic Sen.", "Army Gen."), the same letters end a name: "Hun Sen.".
TITLES = frozenset(
    "mr mrs ms dr prof st sen rep gov gen lt col capt cmdr sgt maj adm rev hon pres supt insp "
    "cpl pvt".split()
)
TITLE_QUALIFIERS = frozenset(
    """
    democratic republican democrat labour conservative liberal u.s us state senior former
    then late army navy air force marine marines police brig maj lt retired rev sen gov
    """.split()
)
# Capitalised, these can only start a sentence; after an abbreviation they mean it has ended
# ("...of Acme Inc. The deal...").
SENTENCE_STARTERS = frozenset(
    """
    the a an it its he she they we i this that these those there but and or so yet in on at
    for from by with as if when while after before since although though however meanwhile
    his her their our my your what who which where why how
    """.split()
)

# A run of marks is entered once, at its start, and never given back: a run not followed by
# a space would otherwise be rescanned from each of its marks (a 1 MB run of dots: minutes).
_CANDIDATE = re.compile(r"(?<![.!?…])[.!?…]++[\"'”’)\]]*+(?=\s)")
_WORD_BEFORE = re.compile(r"([\w.’'-]+)\s*$")
# (?<!\s): a run of spaces is entered once, at its start (a match from inside it would rescan it).
_NEXT_WORD = re.compile(r"(?<!\s)\s+[\"'“‘(\[]*(\S+)")
_SPACE = re.compile(r"\s*")
# The word before a full stop is looked for this far back: every decision looks at a bounded
# window, so splitting is linear in the text's length whatever the text.
LOOK_BACK = 64


def _word_before(text: str, end: int) -> re.Match[str] | None:
    return _WORD_BEFORE.search(text[max(0, end - LOOK_BACK) : end])


def _is_initial(token: str) -> bool:
    """ "J." in "J. Smith", "W." in "George W. Bush"."""
    return len(token) == 1 and token.isalpha() and token.isupper()


def _ends_sentence(text: str, end: int, mark: str, context: str) -> bool:
    """Whether the punctuation `mark` ending at `end` closes a sentence."""
    following = _NEXT_WORD.match(text, end)
    if following is None:
        return False
    nxt = following.group(1)
    first = nxt[0]
    if not (first.isupper() or first.isdigit()):
        return False  # news sentences start with a capital or a figure
    if not mark.startswith("."):
        return True
    if mark.startswith("..") or mark.startswith("…"):
        return True
    stop = end - len(mark) + 1
    before = _word_before(text, stop)
    if before is None:
        return True
    token = before.group(1).rstrip(".")
    lower = token.lower()
    starter = nxt.strip("\"'“”‘’(),;:").lower() in SENTENCE_STARTERS
    if _is_initial(token):
        return False
    if lower == "no":
        return not first.isdigit()  # "No. 1" is a number; "She said no. Fine." is not
    if lower not in ABBREVIATIONS:
        return True
    if lower in TITLES:
        return _title_ends_name(text, stop - len(before.group(0)), token, context) or starter
    return starter


def _title_ends_name(text: str, start: int, title: str, context: str) -> bool:
    """ "Hun Sen.": the title's letters end a name when the capitalised word before them and
    they occur together elsewhere without the full stop ("Hun Sen complained"). Without that
    evidence they are a title ("Home Affairs Minister Col. Tin Hlaing")."""
    previous = _word_before(text, start)
    if previous is None or not text[start - 1 : start].isspace():
        return False
    word = previous.group(1)
    if not word[0].isupper() or word.rstrip(".").lower() in TITLE_QUALIFIERS:
        return False
    return (word, title) in _names_ending_in_titles(context)


_NAME_AND_TITLE = re.compile(
    rf"(?<![\w’'-])([A-Z][\w’'-]*)\s+({'|'.join(t.capitalize() for t in sorted(TITLES))})\b(?!\.)"
)


@lru_cache(maxsize=8)
def _names_ending_in_titles(context: str) -> frozenset[tuple[str, str]]:
    """Pairs such as ("Hun", "Sen") that the text writes without a full stop: one pass over
    the article, however many full stops need the answer."""
    return frozenset((m.group(1), m.group(2)) for m in _NAME_AND_TITLE.finditer(context))


class SentenceSplitter:
    """Sentence boundaries with offsets into the text."""

    def spans(self, text: str, context: str | None = None) -> list[tuple[int, int]]:
        """`context`: the whole article, when `text` is one of its paragraphs (a name is
        recognised by how the article uses it elsewhere)."""
        found: list[tuple[int, int]] = []
        start = len(text) - len(text.lstrip())
        for m in _CANDIDATE.finditer(text):
            if m.end() <= start or not _ends_sentence(text, m.end(), m.group(), context or text):
                continue
            found.append((start, m.end()))
            start = _SPACE.match(text, m.end()).end()  # type: ignore[union-attr]
        end = len(text.rstrip())
        if start < end:
            found.append((start, end))
        return found

    def split(self, text: str) -> list[str]:
        return [text[start:end] for start, end in self.spans(text)]


@cache
def default_splitter() -> SentenceSplitter:
    return SentenceSplitter()


@cache
def _word_tokenizer():  # type: ignore[no-untyped-def]
    from nltk.tokenize import NLTKWordTokenizer

    return NLTKWordTokenizer()


_WORD_OK = re.compile(r"^[^\W\d_](?:[^\W\d_]|['’\-])*+$")


def words(sentence: str) -> list[str]:
    """The word tokens of a sentence, as sumy rates them: Treebank tokens (NLTK's tokenizer,
    which needs no data), no punctuation, no numbers. Only sumy's methods use this."""
    return [t for t in _word_tokenizer().tokenize(sentence) if _WORD_OK.match(t)]


@cache
def stop_words() -> frozenset[str]:
    """sumy's English stop words, read from the file sumy ships. Importing sumy.utils for them
    would also import requests (130 ms), which the reader's first paint cannot afford."""
    from importlib.util import find_spec
    from pathlib import Path

    spec = find_spec("sumy")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("sumy is not installed")
    path = Path(next(iter(spec.submodule_search_locations))) / "data" / "stopwords" / "english.txt"
    return frozenset(w.strip() for w in path.read_text("utf-8").splitlines() if w.strip())


@cache
def _stemmer():  # type: ignore[no-untyped-def]
    import Stemmer

    return Stemmer.Stemmer("english")


# News vocabulary is small next to its running text: caching stems saves most of the cost.
@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    return str(_stemmer().stemWord(word.lower()))


# Letters, joined by single apostrophes or hyphens. Written so that the engine keeps no
# backtracking point per letter: a 10 MB word cost 1.4 GB in the alternation's form.
_TERM = re.compile(r"[^\W\d_]++(?:['’\-][^\W\d_]++)*+")
_POSSESSIVES = ("'s", "’s")


@lru_cache(maxsize=200_000)
def _term(word: str) -> str | None:
    """A word's term: possessive stripped, lower-cased, stemmed; None for a stop word."""
    if word.endswith(_POSSESSIVES):
        word = word[:-2]
    # sumy's stop words spell "don't" with a straight apostrophe.
    word = word.lower().replace("’", "'")
    return None if word in stop_words() else stem(word)


def content_terms(sentence: str) -> list[str]:
    """Stemmed, lower-cased words with stop words removed: the terms rankers compare.
    Possessives are stripped so "Carney's" and "Carney" are one term."""
    found = (_term(w) for w in _TERM.findall(sentence))
    return [t for t in found if t is not None]


def plain_terms(sentence: str, leave_out: frozenset[str] = FUNCTION_WORDS) -> list[str]:
    """Lower-cased words, neither stemmed nor cut to content words: only function words (or
    the words given) and single letters (the "m" of "$300m") are left out. What the
    long-summary ranker compares; see summarise/function_words.py for why it keeps more than
    content_terms."""
    # Curly and straight apostrophes are one letter here: "it’s" is a function word too.
    found = (w.lower().replace("’", "'") for w in _TERM.findall(sentence))
    return [w for w in found if len(w) > 1 and w not in leave_out]


class SumyTokenizer:
    """What sumy asks of a tokenizer, without NLTK data (sumy's own needs punkt)."""

    language = "english"

    def __init__(self, splitter: SentenceSplitter | None = None) -> None:
        self._splitter = splitter or default_splitter()

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(self._splitter.split(paragraph))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(words(sentence))


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of an article's prose, located so the reader can mark it in the text."""

    index: int  # position among the article's prose sentences
    block: int  # index into Article.blocks
    start: int  # character offsets within that block's text
    end: int
    text: str
    kind: BlockKind = BlockKind.PARAGRAPH


def article_sentences(
    article: Article, splitter: SentenceSplitter | None = None
) -> Sequence[Sentence]:
    """The article's prose sentences in order (paragraphs and bullets; not headings or pull
    quotes, which label or repeat the prose)."""
    if splitter is None:
        return _cached_sentences(article)
    return _split_article(article, splitter)


def _split_article(article: Article, splitter: SentenceSplitter) -> tuple[Sentence, ...]:
    found: list[Sentence] = []
    context = article.body_text
    for block_index, block in article.prose_blocks():
        for start, end in splitter.spans(block.text, context):
            found.append(
                Sentence(len(found), block_index, start, end, block.text[start:end], block.kind)
            )
    return tuple(found)


_SENTENCE_CACHE: dict[str, tuple[Sentence, ...]] = {}
_SENTENCE_CACHE_LIMIT = 4096


def _cached_sentences(article: Article) -> tuple[Sentence, ...]:
    # Keyed by content id: the same text always splits the same way.
    hit = _SENTENCE_CACHE.get(article.id)
    if hit is None:
        if len(_SENTENCE_CACHE) >= _SENTENCE_CACHE_LIMIT:
            _SENTENCE_CACHE.clear()
        hit = _SENTENCE_CACHE[article.id] = _split_article(article, default_splitter())
    return hit
