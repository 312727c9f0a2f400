"""Sentences and words, entirely offline.

NLTK's downloadable data (punkt, punkt_tab) cannot be fetched on many machines, so nothing here
needs it: the Punkt algorithm runs on parameters built in code, optionally refined by training on
the user's own library (as Kiss and Strunk designed Punkt to be used), and words come from
NLTK's Treebank-style tokenizer, which has no data files.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from summarise.article import Article, BlockKind

if TYPE_CHECKING:
    from nltk.tokenize.punkt import PunktParameters

# Lower-case, without the final period, as Punkt stores them. Words that also end sentences as
# ordinary words (no, ill, sun, miss, wash, ...) are left out on purpose.
ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof st jr sr sen rep gov gen lt col capt cmdr sgt maj adm rev hon pres
    supt insp cpl pvt mt ft ave blvd rd u.s u.k u.n u.s.a e.u e.g i.e etc vs approx dept pp
    inc ltd co corp plc llc bros assn intl jan feb mar apr jun jul aug sep sept oct nov dec
    mon tue tues wed thu thur thurs fri a.m p.m ala ariz calif colo conn fla ga kan ky md
    mich minn mont neb nev okla tenn tex va vt wis wyo
    """.split()
)

_WORD_OK = re.compile(r"^[^\W\d_](?:[^\W\d_]|['’\-])*$")


def _base_parameters() -> PunktParameters:
    from nltk.tokenize.punkt import PunktParameters

    params = PunktParameters()
    params.abbrev_types = set(ABBREVIATIONS)
    return params


class SentenceSplitter:
    """Punkt sentence boundaries with offsets into the text."""

    def __init__(self, params: PunktParameters | None = None) -> None:
        from nltk.tokenize.punkt import PunktSentenceTokenizer

        self._tokenizer = PunktSentenceTokenizer(params or _base_parameters())

    @classmethod
    def trained_on(cls, texts: Iterable[str]) -> SentenceSplitter:
        """A splitter that has also learned the abbreviations, collocations and sentence
        starters of these texts (the user's own library), on top of the built-in list."""
        from nltk.tokenize.punkt import PunktTrainer

        trainer = PunktTrainer()
        trainer.INCLUDE_ALL_COLLOCS = True
        for text in texts:
            trainer.train(text, finalize=False)
        trainer.finalize_training()
        params = trainer.get_params()
        params.abbrev_types |= ABBREVIATIONS
        return cls(params)

    @property
    def abbreviations(self) -> frozenset[str]:
        return frozenset(self._tokenizer._params.abbrev_types)

    def spans(self, text: str) -> list[tuple[int, int]]:
        return list(self._tokenizer.span_tokenize(text))

    def split(self, text: str) -> list[str]:
        return [text[start:end] for start, end in self.spans(text)]


@cache
def default_splitter() -> SentenceSplitter:
    return SentenceSplitter()


@cache
def _word_tokenizer():  # type: ignore[no-untyped-def]
    from nltk.tokenize import NLTKWordTokenizer

    return NLTKWordTokenizer()


def tokens(sentence: str) -> list[str]:
    """Every token, punctuation included (Treebank conventions: "isn't" -> "is", "n't")."""
    return _word_tokenizer().tokenize(sentence)


def words(sentence: str) -> list[str]:
    """The word tokens of a sentence: no punctuation, no numbers (what sumy rates on)."""
    return [t for t in tokens(sentence) if _WORD_OK.match(t)]


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
    from nltk.stem.snowball import SnowballStemmer

    return SnowballStemmer("english")


# News vocabulary is small next to its running text: caching stems saves most of the cost.
@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    return _stemmer().stem(word.lower())


_TERM = re.compile(r"[^\W\d_](?:[^\W\d_]|['’\-](?=[^\W\d_]))*")
_POSSESSIVE = re.compile(r"['’]s$")


def content_terms(sentence: str) -> list[str]:
    """Stemmed, lower-cased words with stop words removed: the terms rankers compare.

    One regex instead of the Treebank tokenizer (a tenth of the time, same words for ranking);
    possessives are stripped so "Carney's" and "Carney" are one term."""
    stops = stop_words()
    found = (_POSSESSIVE.sub("", w).lower() for w in _TERM.findall(sentence))
    return [stem(w) for w in found if w not in stops]


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
    for block_index, block in article.prose_blocks():
        for start, end in splitter.spans(block.text):
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
