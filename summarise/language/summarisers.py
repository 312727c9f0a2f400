"""Per-article extractive summaries: sumy's algorithms, a lead baseline and our own ranker, all
behind one call, returning sentences that keep their place in the article."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from summarise.article import Article
from summarise.errors import AskedAmiss
from summarise.language.text import (
    Sentence,
    SumyTokenizer,
    article_sentences,
    content_terms,
    plain_terms,
    stop_words,
)

# A method picks `count` sentences: (sentences, count, title) -> their indexes.
Method = Callable[[Sequence[Sentence], int, str], list[int]]


class SummaryError(AskedAmiss, ValueError):
    """A request that cannot be summarised as asked (unknown method, bad length)."""


@dataclass(frozen=True, slots=True)
class Summary:
    article_id: str
    method: str
    sentences: tuple[Sentence, ...]  # in article order
    total_sentences: int
    # What newsrank's choice of ranker means for the reader: "top of story" or "whole
    # article"; empty for the other methods.
    focus: str = ""

    @property
    def text(self) -> str:
        return " ".join(s.text for s in self.sentences)

    def to_dict(self) -> dict[str, object]:
        return {
            "article_id": self.article_id,
            "method": self.method,
            "focus": self.focus or None,
            "total_sentences": self.total_sentences,
            "sentences": [
                {"index": s.index, "block": s.block, "start": s.start, "end": s.end, "text": s.text}
                for s in self.sentences
            ],
        }


def default_length(total: int) -> int:
    """About a fifth of the article, never fewer than 3 sentences nor more than 7."""
    return min(total, max(3, min(7, round(total * 0.2))))


def resolve_length(total: int, sentences: int | None = None, ratio: float | None = None) -> int:
    """How many sentences to keep. A ratio is a share of the article (sumy would read a float
    as a count and 0.4 would give nothing), rounded, and at least one sentence."""
    if sentences is not None and ratio is not None:
        raise SummaryError("give either a number of sentences or a ratio, not both")
    if sentences is not None:
        if sentences < 1:
            raise SummaryError(f"the number of sentences must be at least 1 (got {sentences})")
        return min(sentences, total)
    if ratio is not None:
        _check_ratio(ratio)
        return min(total, max(1, round(total * ratio)))
    return default_length(total)


def parse_ratio(text: str) -> float:
    """A share of the article's sentences, as typed: above 0 and at most 1."""
    try:
        value = float(text)
    except ValueError:
        raise SummaryError(f"expected a ratio such as 0.3, got {text!r}") from None
    _check_ratio(value)
    return value


def _check_ratio(ratio: float) -> None:
    if not (0 < ratio <= 1) or math.isnan(ratio):
        raise SummaryError(f"the ratio must be above 0 and at most 1 (got {ratio:g})")


# A summary shorter than this share of the article is the top of the story: directed centrality
# (which favours what later sentences take up) beat the first three sentences on CNN/DailyMail's
# highlights. A longer one covers the whole article: PageRank over the cosine of plain terms,
# which matches BBC's extractive references best. Between 0.15 and 0.3 tried on the tuning
# articles. The two hardly meet: 2 of the 1,808 BBC references keep less than 0.3 of their
# article, and 1 of the 125 CNN/DailyMail articles is short enough for k = 3 to reach it.
SHORT_SUMMARY_SHARE = 0.3
# The two, as the reader is told which one chose the sentences.
TOP_OF_STORY, WHOLE_ARTICLE = "top of story", "whole article"


def newsrank_focus(count: int, total: int) -> str:
    """Which of its two rankers newsrank uses for `count` sentences of `total`, as a reader
    would put it."""
    from summarise.language.ranking import WINDOW

    if count < SHORT_SUMMARY_SHARE * total and total <= WINDOW:
        return TOP_OF_STORY
    return WHOLE_ARTICLE


def _newsrank(sentences: Sequence[Sentence], count: int, title: str) -> list[int]:
    from summarise.language.ranking import directed_centrality, lexical_centrality

    if newsrank_focus(count, len(sentences)) == TOP_OF_STORY:
        # The top of the story, then what the rest of it keeps coming back to: the lead's
        # sentences but the last third of the summary, and those by directed centrality.
        lead = count - math.ceil(count / 3)
        scores = directed_centrality([content_terms(s.text) for s in sentences])
        rest = sorted(range(lead, len(sentences)), key=lambda i: (-scores[i], i))
        return [*range(min(lead, len(sentences))), *rest[: count - lead]]
    scores = lexical_centrality([plain_terms(s.text) for s in sentences])
    order = sorted(range(len(sentences)), key=lambda i: (-scores[i], i))
    return order[:count]


def _lead(sentences: Sequence[Sentence], count: int, title: str) -> list[int]:
    return list(range(count))


# sumy's algorithms: our name -> (module under sumy.summarizers, class name).
SUMY_CLASSES = {
    "lexrank": ("lex_rank", "LexRankSummarizer"),
    "textrank": ("text_rank", "TextRankSummarizer"),
    "lsa": ("lsa", "LsaSummarizer"),
    "luhn": ("luhn", "LuhnSummarizer"),
    "edmundson": ("edmundson", "EdmundsonSummarizer"),
    "kl": ("kl", "KLSummarizer"),
    "sumbasic": ("sum_basic", "SumBasicSummarizer"),
    "reduction": ("reduction", "ReductionSummarizer"),
}


def _sumy_summariser(method: str, title: str):  # type: ignore[no-untyped-def]
    from importlib import import_module

    from sumy.nlp.stemmers import Stemmer

    module, name = SUMY_CLASSES[method]
    summariser = getattr(import_module(f"sumy.summarizers.{module}"), name)(Stemmer("english"))
    summariser.stop_words = stop_words()
    if method == "edmundson":
        # Edmundson needs cue words; with none of our own, the headline's words are the bonus
        # words (its "title method") and stop words are null words.
        tokenizer = SumyTokenizer()
        summariser.bonus_words = [
            w for w in tokenizer.to_words(title) if w.lower() not in stop_words()
        ] or ["news"]
        summariser.stigma_words = ["zzzz"]
        summariser.null_words = list(stop_words())
    return summariser


def _sumy(method: str) -> Method:
    def run(sentences: Sequence[Sentence], count: int, title: str) -> list[int]:
        from sumy.models.dom import ObjectDocumentModel, Paragraph
        from sumy.models.dom import Sentence as SumySentence

        tokenizer = SumyTokenizer()
        sumy_sentences = [SumySentence(s.text, tokenizer) for s in sentences]
        document = ObjectDocumentModel([Paragraph(sumy_sentences)])
        chosen = _sumy_summariser(method, title)(document, count)
        # sumy hands back its own sentence objects; identity maps them to our positions.
        position = {id(s): i for i, s in enumerate(sumy_sentences)}
        return [position[id(s)] for s in chosen]

    return run


# Every method by name, ours first. "newsrank" is the default because it scored best on the
# BBC benchmark (bench/summary_quality.py, figures in the README).
METHODS: dict[str, Method] = {
    "newsrank": _newsrank,
    "lead": _lead,
    **{name: _sumy(name) for name in SUMY_CLASSES},
}
DEFAULT_METHOD = "newsrank"


def check_method(method: str) -> Method:
    try:
        return METHODS[method]
    except KeyError:
        raise SummaryError(f"unknown method {method!r}; choose from {', '.join(METHODS)}") from None


def summarise_sentences(
    sentences: Sequence[Sentence], count: int, method: str, title: str = ""
) -> list[int]:
    """Indexes (into `sentences`) of the `count` sentences the method picks, in article order."""
    run = check_method(method)
    if count <= 0 or not sentences:
        return []
    return sorted(set(run(sentences, count, title)))


def summarise_request(request: tuple[Article, str, int | None]) -> Summary | str:
    """summarise() for a worker process: (article, method, sentences) in, the summary or what
    was wrong with the request out."""
    article, method, sentences = request
    try:
        return summarise(article, method, sentences=sentences)
    except SummaryError as exc:
        return str(exc)


def summarise(
    article: Article,
    method: str = DEFAULT_METHOD,
    sentences: int | None = None,
    ratio: float | None = None,
) -> Summary:
    """An extractive summary of one article."""
    check_method(method)
    found = article_sentences(article)
    count = resolve_length(len(found), sentences, ratio)
    picked = summarise_sentences(found, count, method, article.title)
    focus = newsrank_focus(count, len(found)) if method == "newsrank" and found else ""
    return Summary(article.id, method, tuple(found[i] for i in picked), len(found), focus)
