"""Offline sentences and words."""

from __future__ import annotations

import subprocess
import sys

from summarise.language.text import (
    SumyTokenizer,
    content_terms,
    default_splitter,
    plain_terms,
    words,
)


def split(text: str) -> list[str]:
    return default_splitter().split(text)


def test_abbreviations_do_not_end_sentences() -> None:
    assert split("He met the U.S. President on Jan. 13 at 5 p.m. in Washington.") == [
        "He met the U.S. President on Jan. 13 at 5 p.m. in Washington."
    ]
    assert split("Mr. Smith and Dr. Jones of Acme Inc. met St. John's staff. Then they left.") == [
        "Mr. Smith and Dr. Jones of Acme Inc. met St. John's staff.",
        "Then they left.",
    ]


def test_ordinary_words_still_end_sentences() -> None:
    assert split(
        "He fell ill. Doctors came. They sat in the sun. It was warm. She said no. Fine."
    ) == [
        "He fell ill.",
        "Doctors came.",
        "They sat in the sun.",
        "It was warm.",
        "She said no.",
        "Fine.",
    ]


def test_quotes_keep_their_closing_marks() -> None:
    text = '"China is our second-largest trading partner," he wrote. "We are done." Then he left.'
    assert split(text) == [
        '"China is our second-largest trading partner," he wrote.',
        '"We are done."',
        "Then he left.",
    ]


def test_numbers_and_money_do_not_split() -> None:
    assert split("Profits rose 2.5% to $11.1bn. Shares fell.") == [
        "Profits rose 2.5% to $11.1bn.",
        "Shares fell.",
    ]


def test_spans_point_into_the_text() -> None:
    text = "First one. Second one!  Third?"
    spans = default_splitter().spans(text)
    assert [text[a:b] for a, b in spans] == ["First one.", "Second one!", "Third?"]


def test_a_name_that_looks_like_a_title_ends_its_sentence() -> None:
    # "Sen." after a capitalised word the article also writes without the full stop ends the
    # name Hun Sen; before a name, after a party or rank, or with no such evidence, it is a
    # title and the sentence goes on.
    assert split("Aid came from strongman Hun Sen. Hun Sen complained on Monday.") == [
        "Aid came from strongman Hun Sen.",
        "Hun Sen complained on Monday.",
    ]
    assert split("Democratic Sen. Tom Daschle spoke. Sen. John McCain agreed.") == [
        "Democratic Sen. Tom Daschle spoke.",
        "Sen. John McCain agreed.",
    ]
    assert split("Home Affairs Minister Col. Tin Hlaing said so.") == [
        "Home Affairs Minister Col. Tin Hlaing said so."
    ]


def test_an_abbreviation_before_a_function_word_ends_the_sentence() -> None:
    assert split("The firm moved to the U.S. The deal closed after Acme Inc. It grew.") == [
        "The firm moved to the U.S.",
        "The deal closed after Acme Inc.",
        "It grew.",
    ]
    assert split("He ranked No. 1 and George W. Bush met J. K. Rowling.") == [
        "He ranked No. 1 and George W. Bush met J. K. Rowling."
    ]


def test_lower_case_after_a_mark_goes_on_the_sentence() -> None:
    assert split("Kerrang! editor Ashley Bird said the hit Hey Ya! sold well. Next.") == [
        "Kerrang! editor Ashley Bird said the hit Hey Ya! sold well.",
        "Next.",
    ]


def test_splitting_is_linear_in_the_length_of_the_text() -> None:
    import time

    def seconds(n: int) -> float:
        text = "A Sen. " * n + "Mr. X. " * n + "word " * n
        started = time.perf_counter()
        default_splitter().spans(text, text)
        return time.perf_counter() - started

    small, large = seconds(2_000), seconds(20_000)
    assert large < small * 30  # ten times the text: about ten times the work, not a hundred


def test_words_and_terms() -> None:
    # Punctuation, numbers and money are not words; the possessive is split off the name.
    found = words("Carney's trip isn't cheap: $1.13bn (£600m).")
    assert found[:3] == ["Carney", "trip", "is"] and found[-1] == "cheap"
    assert not any(ch.isdigit() or ch in "$£():." for w in found for ch in w)
    assert content_terms("The tariffs were imposed on tariff countries") == [
        "tariff",
        "impos",
        "tariff",
        "countri",
    ]
    # Typographers' apostrophes are no content: "don’t" is a stop word as "don't" is.
    assert content_terms("They don’t say it’s over") == content_terms("They don't say it's over")


def test_plain_terms_keep_the_words_news_leans_on() -> None:
    # The long-summary ranker compares these: "said", "new" and "year" stay (sumy's stop words
    # drop them), "US" is kept though it lower-cases to the pronoun, the "m" left of "$300m" is
    # not a word, and nothing is stemmed.
    terms = plain_terms("The US said it won't sell its new state-owned firms for $300m this year.")
    assert terms == ["us", "said", "sell", "new", "state-owned", "firms", "year"]
    assert plain_terms("Carney's trip") == plain_terms("Carney’s trip") == ["carney's", "trip"]
    assert plain_terms("It’s what they don’t say") == ["say"]
    assert plain_terms("It is what it is.") == []


def test_sumy_tokenizer_contract() -> None:
    tokenizer = SumyTokenizer()
    assert tokenizer.language == "english"
    assert tokenizer.to_sentences("One here. Two there.") == ("One here.", "Two there.")
    assert "cheap" in tokenizer.to_words("It is cheap.")


def test_no_nltk_data_is_ever_needed(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # An empty NLTK_DATA and HOME: any lookup of punkt or other data would raise LookupError.
    code = (
        "from summarise.readers import load_paths;"
        "from summarise.language.summarisers import summarise;"
        "from summarise.library.listing import default_library_path as d;"
        "lib = load_paths([d()]);"
        "print(sum(len(summarise(a, m).sentences) > 0 for a in lib.articles "
        "for m in ('newsrank', 'lexrank', 'textrank', 'lsa', 'luhn', 'edmundson', 'kl', "
        "'sumbasic', 'reduction', 'lead')))"
    )
    env = {"NLTK_DATA": str(tmp_path), "HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    assert out.stdout.strip() == "50"
