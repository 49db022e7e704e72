"""Every argument and option of every command says in -h what it is for, in Chinese."""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterator

from proposal_desk.cli.main import build_parser

CJK = re.compile(r"[\u4e00-\u9fff]")
HIDDEN = {"--smoke-test"}  # for the build's smoke run, deliberately not in the help


def actions(parser: argparse.ArgumentParser, where: str = "proposal-desk"
            ) -> Iterator[tuple[str, argparse.Action]]:
    for action in parser._actions:
        yield where, action
        if isinstance(action, argparse._SubParsersAction):
            for name, command in action.choices.items():
                yield from actions(command, f"{where} {name}")
            for choice in action._choices_actions:  # the commands' one-line help
                yield where, choice


def name(action: argparse.Action) -> str:
    return "/".join(action.option_strings) or str(action.metavar or action.dest)


def test_every_argument_and_option_has_a_chinese_help_text() -> None:
    missing = [f"{where} {name(action)}" for where, action in actions(build_parser())
               if not set(action.option_strings) & HIDDEN
               and not (isinstance(action.help, str) and CJK.search(action.help))]
    assert missing == []


def test_the_walk_sees_every_command_s_arguments() -> None:
    seen = {f"{where} {name(action)}" for where, action in actions(build_parser())}
    assert {"proposal-desk import FILE", "proposal-desk letter NUMBER",
            "proposal-desk import --year", "proposal-desk import --kind",
            "proposal-desk restore SRC", "proposal-desk meeting --json",
            "proposal-desk report -o/--output", "proposal-desk check --db"} <= seen
