"""Hostile and odd files: every reader gives articles or a reason, in bounded time, and what it
gives is clean (one-line fields, real dates, text decoded as well as it can be)."""

from __future__ import annotations

import json
import time
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from summarise.readers import SUFFIXES, ArticleError, parse_document, read_file
from summarise.readers.plaintext import split_tag_line
from tui.cli import main

BOUNDED = settings(
    max_examples=60,
    deadline=timedelta(seconds=5),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
SINGLE_LINE = ("title", "byline", "source", "dek")


def check_clean(parsed) -> None:  # type: ignore[no-untyped-def]
    for article in parsed.articles:
        for name in SINGLE_LINE:
            value = getattr(article, name)
            assert value is None or ("\n" not in value and value == value.strip()), name
        assert all("\n" not in tag for tag in article.tags)
        assert article.date is None or (len(article.date) == 10 and article.date[4] == "-")
        assert article.title


def read_or_reason(text: str, suffix: str) -> None:
    """What the library does with a file: articles, or a ValueError saying why."""
    try:
        parsed = parse_document(text, None, suffix)
    except (ValueError, RecursionError):
        return
    check_clean(parsed)


# ---- decoding ---------------------------------------------------------------------------


def test_truncated_utf16_and_a_lone_surrogate_lose_only_what_is_broken(tmp_path: Path) -> None:
    odd = tmp_path / "odd.txt"
    odd.write_bytes("Title here\n\nA body of several words.".encode("utf-16") + b"X")
    assert read_file(odd).articles[0].title == "Title here"
    lone = tmp_path / "lone.txt"
    lone.write_bytes(
        b"\xff\xfe"
        + "Title\n\nBody ".encode("utf-16-le")
        + b"\x00\xd8"
        + "text.".encode("utf-16-le")
    )
    (article,) = read_file(lone).articles
    assert article.title == "Title" and "\ufffd" in article.body_text


def test_utf8_with_a_few_stray_cp1252_bytes_is_repaired_not_misread(tmp_path: Path) -> None:
    mixed = tmp_path / "mixed.txt"
    mixed.write_bytes(
        b"Caf\xe9 society\n\nThe caf\xc3\xa9 opened \xe2\x80\x94 and the caf\xe9 closed.\n"
    )
    (article,) = read_file(mixed).articles
    assert article.title == "Café society"
    assert article.body_text == "The café opened — and the café closed."


# ---- metadata of any type -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "tags"),
    [("tags = 5", ("5",)), ("tags = true", ()), ("tags = 1.5", ("1.5",)), ("tags = {a = 1}", ())],
)
def test_toml_front_matter_of_any_type_never_stops_the_file(
    tmp_path: Path, line: str, tags: tuple[str, ...]
) -> None:
    page = tmp_path / "odd.md"
    page.write_text(f'+++\ntitle = "Odd types"\n{line}\ndate = 07:32:00\n+++\n\nA body of words.\n')
    (article,) = read_file(page).articles
    assert (article.title, article.tags, article.date) == ("Odd types", tags, None)


def test_a_time_or_a_number_is_not_a_date(tmp_path: Path) -> None:
    for value in ("07:32:00", "20261124", "true"):
        page = tmp_path / "dated.md"
        page.write_text(f'+++\ntitle = "T"\ndate = {value}\n+++\n\nSome body text.\n')
        assert read_file(page).articles[0].date is None


def test_newlines_in_titles_sources_and_bylines_become_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    record = {
        "title": "First\nsecond",
        "text": "Body words here.",
        "source": "A\nB",
        "author": "X\n- y",
    }
    (tmp_path / "one.json").write_text(json.dumps(record))
    assert main(["list", str(tmp_path)]) == 0
    (line,) = capsys.readouterr().out.splitlines()
    assert line.endswith("First second") and " A B " in line


def test_many_bad_lines_are_one_message(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = json.dumps({"title": "The good one", "text": "It has a body."})
    (tmp_path / "x.jsonl").write_text("\n".join(["{bad"] * 10_000 + [good]))
    assert main(["list", str(tmp_path)]) == 0
    (skipped,) = [line for line in capsys.readouterr().err.splitlines() if "skipped" in line]
    assert "10,000 of 10,001 lines could not be read; the first: line 1: not valid JSON" in skipped


# ---- names from outside -------------------------------------------------------------------

ESCAPES = "\x1b]52;c;SGk=\x07\x1b[2J\x1b]0;owned\x07"


def test_escape_sequences_in_file_names_never_reach_the_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / f"good{ESCAPES}.txt").write_text("Good title\n\nA body of several words here.\n")
    (tmp_path / f"bad{ESCAPES}.txt").write_bytes(b"\x00\x01binary")
    out = tmp_path / "brief.md"
    assert main(["list", str(tmp_path)]) == 0
    assert main(["brief", str(tmp_path), "-o", str(out)]) == 0
    assert main(["brief", str(tmp_path), "--format", "txt"]) == 0
    said = capsys.readouterr()
    for text in (said.out, said.err, out.read_text()):
        assert "\x1b" not in text and "\x07" not in text
    assert "skipped" in said.err and "bad]52;c;SGk=" in said.err  # named, harmlessly


# ---- bounded time -------------------------------------------------------------------------


def _tag_line_seconds(length: int) -> float:
    body = "Prose. " + " ".join("a" * k for k in range(2, length // 4)) + "."
    started = time.perf_counter()
    split_tag_line("a" * length + "Xy", body)
    return time.perf_counter() - started


def test_the_tag_line_splitter_is_not_super_linear() -> None:
    # The file: 2 KB took 16 s and 4 KB 120 s. Ten times the line, at most ~ten times
    # the time (with a floor for timer noise).
    small, large = _tag_line_seconds(360), _tag_line_seconds(3600)
    assert large < 1.0 and large / max(small, 0.005) < 30


# ---- property-based: any input, every reader ----------------------------------------------

SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=40)
)
JSON_VALUES = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)
KEYS = st.sampled_from(
    ["title", "headline", "text", "body", "content", "author", "date", "tags", "source", "url"]
)


@BOUNDED
@given(data=st.binary(max_size=4000), suffix=st.sampled_from(sorted(SUFFIXES)))
def test_random_bytes_give_articles_or_a_reason(tmp_path: Path, data: bytes, suffix: str) -> None:
    path = tmp_path / f"random{suffix}"
    path.write_bytes(data)
    try:
        check_clean(read_file(path))
    except ArticleError as exc:
        assert exc.reason and "\n" not in exc.reason


@BOUNDED
@given(records=st.lists(st.dictionaries(KEYS, JSON_VALUES, max_size=6), min_size=1, max_size=5))
def test_json_and_json_lines_of_any_shape(records: list[dict[str, object]]) -> None:
    read_or_reason(json.dumps(records), ".json")
    read_or_reason("\n".join(json.dumps(r) for r in records), ".jsonl")


TOML_VALUES = st.sampled_from(
    ['"text"', "5", "1.5", "true", "07:32:00", "2026-11-24", "2026-11-24T07:32:00Z", "[1, 2]",
     '["a", "b\\nc"]', "{ a = 1 }", '"line\\nbreak"', "[]"]
)  # fmt: skip
YAML_VALUES = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=30
)


@BOUNDED
@given(
    fields=st.dictionaries(
        st.sampled_from(["title", "author", "date", "tags", "source", "url", "description"]),
        TOML_VALUES,
        max_size=7,
    ),
    body=st.text(max_size=400),
)
def test_markdown_front_matter_of_any_type(fields: dict[str, str], body: str) -> None:
    toml = "\n".join(f"{k} = {v}" for k, v in fields.items())
    read_or_reason(f"+++\n{toml}\n+++\n\n{body}\n", ".md")
    yaml = "\n".join(f"{k}: {v}" for k, v in fields.items())
    read_or_reason(f"---\n{yaml}\n---\n\n{body}\n", ".md")


MARKUP = st.lists(
    st.sampled_from(
        ["<p>", "</p>", "<h1>", "</h1>", "<li>", "<blockquote>", "<cite x>", "<item>", "</item>",
         "<title>", "</title>", "<description>", "<![CDATA[", "]]>", "&amp;", "&#0;", "&#x1b;",
         "# ", "* ", "> ", "— ", "\n", "\n\n", "Word ", "Capital Name ", "$1,", "1.5% ", ". "]
    ),
    max_size=200,
)  # fmt: skip


@BOUNDED
@given(
    parts=MARKUP,
    head=st.sampled_from(["", "<html><body>", '<rss version="2.0"><channel>', "T\n\n"]),
)
def test_markup_and_text_of_any_structure(parts: list[str], head: str) -> None:
    text = head + "".join(parts)
    for suffix in (".html", ".xml", ".txt", ".md"):
        read_or_reason(text, suffix)


@BOUNDED
@given(
    size=st.integers(min_value=10_000, max_value=200_000),
    field=st.sampled_from(["title", "author", "tags"]),
)
def test_huge_fields(size: int, field: str) -> None:
    record = {"title": "T", "text": "Body of the article.", field: "W" * size}
    read_or_reason(json.dumps(record), ".json")


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("lines.txt", "Title\n\n" + "short line\n" * 200_000, "too many lines to be one article"),
        ("cite.html", "<html><body><p>T</p>" + "<cite x>" * 50_000, "too many HTML elements"),
    ],
)
def test_files_no_article_could_fill_are_refused_at_once(
    tmp_path: Path, name: str, content: str, reason: str
) -> None:
    path = tmp_path / name
    path.write_text(content)
    started = time.perf_counter()
    with pytest.raises(ArticleError, match=reason):
        read_file(path)
    assert time.perf_counter() - started < 5  # was minutes for the <cite> page


def test_a_page_with_a_huge_inlined_image_keeps_its_article(tmp_path: Path) -> None:
    # A 10 MB data: URI in an attribute hid the text from the extractor (and took 8 s).
    image = "data:image/png;base64," + "iVBORw0KGgo" * 1_000_000
    paragraphs = "".join(
        f"<p>Paragraph {n} of the report on the harbour bridge, which reopens next week.</p>"
        for n in range(1, 6)
    )
    path = tmp_path / "page.html"
    path.write_text(
        "<html><head><title>Harbour bridge reopens</title>"
        '<meta name="description" content="The bridge was shut for a year."></head>'
        f'<body><article><h1>Harbour bridge reopens</h1><img src="{image}">{paragraphs}'
        "</article></body></html>"
    )
    (article,) = read_file(path).articles
    assert article.title == "Harbour bridge reopens"
    assert article.dek == "The bridge was shut for a year."
    assert "Paragraph 5 of the report" in article.body_text
