"""The README and docs/ say what is so: commands and options that exist, keys as bound, links
that lead somewhere, and the two set-up commands a new user is told to type."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import pytest

from tui.cli import build_parser
from tui.keys_doc import with_keys

ROOT = Path(__file__).resolve().parent.parent
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
# `newsbrief COMMAND [SUBCOMMAND] ...` as the pages write it, inside code.
_COMMAND = re.compile(r"newsbrief ([a-z][a-z-]*)(?: ([a-z][a-z-]*))?([^`\n#;|&]*)")
_OPTION = re.compile(r"(?<![\w-])(--[a-z][a-z-]*)")
_LINK = re.compile(r"\]\(([^)#\s]+)(#[^)\s]*)?\)")


def _subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def _options(parser: argparse.ArgumentParser) -> set[str]:
    return {flag for action in parser._actions for flag in action.option_strings}


def _code(text: str) -> str:
    """Only what the page shows as code: fenced blocks and `spans`."""
    blocks = [
        re.sub(r"(^|\s)#\s.*$", "", block, flags=re.M)  # comments are prose
        for block in re.findall(r"```[a-z]*\n(.*?)```", text, re.S)
    ]
    spans = re.findall(r"`([^`\n]+)`", re.sub(r"```.*?```", "", text, flags=re.S))
    return "\n".join(blocks + spans)


def _mentions() -> list[tuple[str, str, str | None, str]]:
    found = []
    for page in PAGES:
        for match in _COMMAND.finditer(_code(page.read_text("utf-8"))):
            found.append((page.name, match.group(1), match.group(2), match.group(3)))
    return found


def test_the_pages_name_commands_at_all() -> None:
    # The checks below pass vacuously if the pattern stops matching what the pages write.
    commands = {command for _, command, _, _ in _mentions()}
    assert {"brief", "search", "feeds", "follow", "list", "summary"} <= commands


@pytest.mark.parametrize("page", [p.name for p in PAGES])
def test_every_command_and_option_a_page_names_exists(page: str) -> None:
    parser = build_parser()
    commands = _subcommands(parser)
    wrong = []
    for where, command, second, rest in _mentions():
        if where != page:
            continue
        if command not in commands:
            wrong.append(f"newsbrief {command}")
            continue
        sub = commands[command]
        actions = _subcommands(sub)
        if actions and second:
            if second not in actions:
                wrong.append(f"newsbrief {command} {second}")
                continue
            sub = actions[second]
        known = _options(sub)
        for option in _OPTION.findall(rest):
            if option not in known:
                wrong.append(f"newsbrief {command} {option}")
    assert not wrong, f"{page} names what the command line does not have: {wrong}"


@pytest.mark.parametrize("page", [p.name for p in PAGES])
def test_every_link_between_pages_leads_to_a_file(page: str) -> None:
    path = next(p for p in PAGES if p.name == page)
    broken = [
        target
        for target, _ in _LINK.findall(path.read_text("utf-8"))
        if "://" not in target and not (path.parent / target).exists()
    ]
    assert not broken, f"{page} links to files that do not exist: {broken}"


def test_the_docs_list_every_key_the_reader_binds() -> None:
    page = (ROOT / "docs" / "reader.md").read_text("utf-8")
    assert page == with_keys(page), "docs/reader.md's keys are stale: run `make docs`"
    # and the table is the real thing: the keys a first session needs are in it
    for row in ("| `W` | What's new", "| `B` | Briefing", "| `/` | Search every article"):
        assert row in page


def test_the_readme_is_a_front_door() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    lines = readme.splitlines()
    assert len(lines) <= 250
    head = "\n".join(lines[:30])
    assert "make run" in head and "make test" in head
    makefile = (ROOT / "Makefile").read_text("utf-8")
    for target in ("run", "test", "docs"):
        assert re.search(rf"^{target}:", makefile, re.M), f"the Makefile has no {target} target"
    for page in (ROOT / "docs").glob("*.md"):
        if page.name != "README.md":
            assert f"docs/{page.name}" in readme, f"the README does not lead to docs/{page.name}"
