"""config.toml: the user's settings, read once at start.

    theme = "nord"
    article_width = 80          # columns of article text at most
    refresh_minutes = 30        # refresh feeds this often while the reader is open; 0: never
    library = ["~/news"]        # what newsbrief opens when no PATH is given

    [summary]
    method = "newsrank"
    sentences = 5

    [keys]                      # Binding id = keys (see the help screen, ?)
    bookmark = "b"
    quit = "q,ctrl+q"

A setting given here wins over what the reader remembers. A file that is not valid TOML, or a
setting of the wrong kind, is reported in one line naming the line, and everything else (or,
for a broken file, every default) still applies: a mistake in the config never stops newsbrief.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from summarise.library.paths import config_dir

FILE_NAME = "config.toml"
WIDTHS = range(40, 241)
REFRESH_MINUTES = range(0, 24 * 60 + 1)


@dataclass(frozen=True, slots=True)
class Config:
    theme: str | None = None
    article_width: int | None = None
    refresh_minutes: int | None = None
    library: tuple[Path, ...] = ()
    summary_method: str | None = None
    summary_sentences: int | None = None
    keys: dict[str, str] = field(default_factory=dict)
    problems: tuple[str, ...] = ()  # one line each, for the user


def config_path() -> Path:
    return config_dir() / FILE_NAME


def _line_of(text: str, key: str, section: str | None) -> int | None:
    """The line a setting is on (1-based), for messages."""
    current = None
    for number, line in enumerate(text.splitlines(), 1):
        if heading := re.match(r"^\s*\[\s*([^\]]+?)\s*\]", line):
            current = heading.group(1)
        elif current == section and re.match(rf"^\s*[\"']?{re.escape(key)}[\"']?\s*=", line):
            return number
    return None


class _Reader:
    def __init__(self, path: Path, text: str) -> None:
        self.path, self.text = path, text
        self.problems: list[str] = []

    def problem(self, key: str, section: str | None, message: str) -> None:
        line = _line_of(self.text, key, section)
        where = f"{self.path.name} line {line}" if line else self.path.name
        name = f"[{section}] {key}" if section else key
        self.problems.append(f"{where}: {name} {message}; it is ignored")

    def whole(
        self, data: dict[str, Any], key: str, allowed: range, section: str | None
    ) -> int | None:
        value = data.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value not in allowed:
            self.problem(
                key, section, f"must be a whole number from {allowed.start} to {allowed.stop - 1}"
            )
            return None
        return int(value)

    def text_value(self, data: dict[str, Any], key: str, section: str | None) -> str | None:
        value = data.get(key)
        if value is None:
            return None
        if not isinstance(value, str) or not value.strip():
            self.problem(key, section, 'must be text in quotes ("…")')
            return None
        return value.strip()

    def unknown(self, data: dict[str, Any], known: Iterable[str], section: str | None) -> None:
        for key in data:
            if key not in known:
                self.problem(key, section, "is not a setting newsbrief knows")


def load_config(path: Path | None = None, methods: Iterable[str] = ()) -> Config:
    """The settings in `path` (default: config_path()); a missing file is all defaults.
    `methods`: the summary methods there are, to check the one asked for."""
    path = path or config_path()
    try:
        if path.exists() and not path.is_file():
            # A FIFO would block the read forever; a folder or a device is no settings file.
            return Config(problems=(f"{path}: is not a regular file; the defaults are used",))
        text = path.read_text("utf-8")
    except FileNotFoundError:
        return Config()
    except (OSError, UnicodeDecodeError) as exc:
        return Config(problems=(f"{path}: cannot be read ({exc}); the defaults are used",))
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        said = re.sub(r"\s*\(at line (\d+), column (\d+)\)", "", str(exc))
        where = re.search(r"at line (\d+)", str(exc))
        line = f" line {where.group(1)}" if where else ""
        return Config(problems=(f"{path.name}{line}: {said}; the defaults are used",))
    read = _Reader(path, text)
    read.unknown(
        data, ("theme", "article_width", "refresh_minutes", "library", "summary", "keys"), None
    )
    found = data.get("summary")
    summary: dict[str, Any] = found if isinstance(found, dict) else {}
    read.unknown(summary, ("method", "sentences"), "summary")
    method = read.text_value(summary, "method", "summary")
    known_methods = set(methods)
    if method and known_methods and method not in known_methods:
        read.problem("method", "summary", f"must be one of {', '.join(sorted(known_methods))}")
        method = None
    keys: dict[str, str] = {}
    raw_keys = data.get("keys", {})
    if not isinstance(raw_keys, dict):
        read.problem("keys", None, 'must be a table: [keys] then lines like bookmark = "b"')
        raw_keys = {}
    for binding, keys_value in raw_keys.items():
        if isinstance(keys_value, str) and keys_value.strip():
            keys[str(binding)] = keys_value.strip()
        else:
            read.problem(str(binding), "keys", 'must be keys in quotes, like "b" or "ctrl+b,f2"')
    return Config(
        theme=read.text_value(data, "theme", None),
        article_width=read.whole(data, "article_width", WIDTHS, None),
        refresh_minutes=read.whole(data, "refresh_minutes", REFRESH_MINUTES, None),
        library=_folders(read, data.get("library")),
        summary_method=method,
        summary_sentences=read.whole(summary, "sentences", range(1, 51), "summary"),
        keys=keys,
        problems=tuple(read.problems),
    )


def _folders(read: _Reader, value: object) -> tuple[Path, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        read.problem("library", None, 'must be a folder, or a list of them: ["~/news"]')
        return ()
    folders = tuple(Path(v).expanduser() for v in value)
    missing = [str(f) for f in folders if not f.is_dir()]
    if missing:
        read.problem("library", None, f"names a folder that does not exist ({missing[0]})")
        return tuple(f for f in folders if f.is_dir())
    return folders
