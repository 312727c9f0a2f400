"""Loading folders: every supported file, bad files reported and skipped, encodings handled."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarise.readers import ArticleError, load_paths, read_article
from tests.conftest import SEEDS

GOOD = "A good headline\n\nA paragraph of body text that says something.\n"


def test_seeds_load_without_problems() -> None:
    library = load_paths([SEEDS])
    assert len(library.articles) == 5
    assert library.problems == []


def test_recursive_and_bad_files_skipped_with_reasons(tmp_path: Path) -> None:
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / "one.txt").write_text(GOOD)
    (tmp_path / "sub" / "deeper" / "two.txt").write_text(GOOD.replace("good", "second"))
    (tmp_path / "empty.txt").write_text("  \n\n")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    (tmp_path / "notes.csv").write_text("a,b\n")  # unsupported: ignored, not a problem
    (tmp_path / ".hidden.txt").write_text(GOOD)
    library = load_paths([tmp_path])
    titles = sorted(a.title for a in library.articles)
    assert titles == ["A good headline", "A second headline"]
    reasons = {p.path.name: p.reason for p in library.problems}
    assert reasons == {"binary.txt": "binary data, not text", "empty.txt": "empty file"}


def test_unreadable_file_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # chmod 0 does not stop root (CI runs as root), so the refusal is made at the read itself.
    (tmp_path / "locked.txt").write_text(GOOD)
    (tmp_path / "fine.txt").write_text(GOOD.replace("good", "fine"))
    real_read = Path.read_bytes

    def refuse_locked(self: Path) -> bytes:
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied")
        return real_read(self)

    monkeypatch.setattr(Path, "read_bytes", refuse_locked)
    library = load_paths([tmp_path])
    assert [a.title for a in library.articles] == ["A fine headline"]
    assert [(p.path.name, p.reason) for p in library.problems] == [
        ("locked.txt", "permission denied")
    ]


def test_missing_root_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    library = load_paths([tmp_path / "nope", SEEDS])
    assert len(library.articles) == 5
    assert [p.reason for p in library.problems] == ["no such file or folder"]


def test_duplicate_text_loads_once(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD)
    (tmp_path / "b.txt").write_text(GOOD)
    assert len(load_paths([tmp_path]).articles) == 1


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1", "utf-16", "utf-8-sig"])
def test_non_utf8_text_is_decoded(tmp_path: Path, encoding: str) -> None:
    text = "Café owners protest\n\nThe café owners of Zürich said prices rose 5% — “too much”.\n"
    if encoding in ("latin-1",):
        text = text.replace("—", "-").replace("“", '"').replace("”", '"')
    path = tmp_path / "article.txt"
    path.write_bytes(text.encode(encoding))
    article = read_article(path)
    assert article.title == "Café owners protest"
    assert "Zürich" in article.blocks[0].text


def test_crlf_and_utf8_give_the_same_article(tmp_path: Path) -> None:
    (tmp_path / "unix.txt").write_text(GOOD)
    (tmp_path / "dos.txt").write_bytes(GOOD.replace("\n", "\r\n").encode())
    unix, dos = read_article(tmp_path / "unix.txt"), read_article(tmp_path / "dos.txt")
    assert unix.id == dos.id


def test_real_invalid_utf8_file_from_bbc_shape(tmp_path: Path) -> None:
    # Mostly UTF-8 with one stray cp1252 byte, as in real scraped data.
    data = (
        "Match report\n\nThe striker scored twice — a brace.\n".encode()
        + b"Fans cheered \x93loudly\x94.\n"
    )
    path = tmp_path / "mixed.txt"
    path.write_bytes(data)
    article = read_article(path)
    assert article.title == "Match report"
    assert "cheered" in article.body_text


def test_read_article_error_names_path_and_reason(tmp_path: Path) -> None:
    with pytest.raises(ArticleError) as caught:
        read_article(tmp_path / "missing.txt")
    assert caught.value.reason == "no such file"
    assert "missing.txt" in str(caught.value)


def test_screenshots_go_to_a_folder_that_exists(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import platformdirs

    from summarise.library.paths import data_dir, screenshot_folder

    monkeypatch.setattr(platformdirs, "user_downloads_path", lambda: tmp_path / "Downloads")
    assert screenshot_folder() == tmp_path / "Downloads"  # made: a fresh HOME has none
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    monkeypatch.setattr(platformdirs, "user_downloads_path", lambda: blocked / "Downloads")
    assert screenshot_folder() == data_dir() / "screenshots"
    assert (data_dir() / "screenshots").is_dir()
