"""config: where config.toml is, and whether it reads."""

from __future__ import annotations

import argparse
from typing import Any

from tui.cli.common import warn


def cmd_config(args: argparse.Namespace) -> int:
    from summarise.library.config import config_path, load_config

    path = config_path()
    if args.config_command == "path":
        print(path)
        return 0
    from summarise.language.summarisers import METHODS
    from tui.actions import keymap_problems

    config = load_config(path, methods=METHODS)
    problems = [*config.problems, *keymap_problems(config.keys)]
    for problem in problems:
        warn(problem)
    if not path.exists():
        print(f"{path} does not exist: every setting is its default")
    elif not problems:
        print(f"{path} is fine")
    return 1 if problems else 0


def add_parsers(commands: argparse._SubParsersAction[Any]) -> None:
    config = commands.add_parser("config", help="where config.toml is; check it")
    sub = config.add_subparsers(dest="config_command", metavar="ACTION", required=True)
    sub.add_parser("path", help="print where config.toml is (it need not exist)")
    sub.add_parser("check", help="read config.toml and report any mistake, by line")
