"""argparse in Chinese: a mistake is one line on stderr (错误：…, exit 2) and -h says 用法：,
位置参数/命令, 选项. argparse's own words are fixed English, so they are translated here."""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from typing import NoReturn

EXIT_USER_ERROR = 2
MAIN_HINT = "（用 proposal-desk -h 或 proposal-desk <命令> -h 查看用法）"

TYPE_NAMES = {"int": "整数", "float": "数字"}

# Python 3.11's argparse messages (argparse.py), most specific first.
_ARG = r"argument (?P<arg>.+?): "
PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.S), text) for pattern, text in (
        (r"the following arguments are required: (?P<a>.+)", "缺少参数：{a}"),
        (r"unrecognized arguments: (?P<a>.+)", "无法识别的参数：{a}"),
        (_ARG + r"invalid choice: (?P<v>.+?) \(choose from (?P<c>.+)\)",
         "参数 {arg} 的值 {v} 无效，可选：{c}"),
        (_ARG + r"invalid (?P<t>\S+) value: (?P<v>.+)", "参数 {arg} 的值 {v} 无效（应为{t}）"),
        (_ARG + r"expected one argument", "参数 {arg} 需要一个值"),
        (_ARG + r"expected at least one argument", "参数 {arg} 至少需要一个值"),
        (_ARG + r"expected at most one argument", "参数 {arg} 最多只能有一个值"),
        (_ARG + r"ignored explicit argument (?P<v>.+)", "选项 {arg} 不接受值（收到 {v}）"),
        (_ARG + r"not allowed with argument (?P<o>.+)", "参数 {arg} 不能与 {o} 同时使用"),
        (r"ambiguous option: (?P<o>\S+) could match (?P<m>.+)", "选项 {o} 不明确，可能是：{m}"),
        (r"one of the arguments (?P<a>.+) is required", "必须给出以下参数之一：{a}"),
    ))


def translate(message: str, command_dest: str | None = None) -> str:
    """argparse's English message in Chinese; an unknown one is kept as it is."""
    for pattern, text in PATTERNS:
        found = pattern.fullmatch(message.strip())
        if not found:
            continue
        parts = found.groupdict()
        if "t" in parts:
            parts["t"] = TYPE_NAMES.get(parts["t"], parts["t"])
        if command_dest is not None and parts.get("arg") == command_dest and "c" in parts:
            return f"命令 {parts['v']} 不存在，可用的命令：{parts['c']}"
        return text.format(**parts)
    return message


class ChineseHelpFormatter(argparse.HelpFormatter):
    def add_usage(self, usage: str | None, actions, groups, prefix: str | None = None) -> None:  # type: ignore[no-untyped-def]
        super().add_usage(usage, actions, groups, "用法：" if prefix is None else prefix)


class ChineseArgumentParser(argparse.ArgumentParser):
    """The main parser and every command's parser (`parser_class` of add_subparsers)."""

    def __init__(self, *args, add_help: bool = True, **kwargs) -> None:  # type: ignore[no-untyped-def]
        kwargs.setdefault("formatter_class", ChineseHelpFormatter)
        super().__init__(*args, add_help=False, **kwargs)
        self._positionals.title = "位置参数"
        self._optionals.title = "选项"
        self._argv: list[str] = []
        if add_help:
            self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                              help="显示本帮助并退出")

    def add_subparsers(self, **kwargs):  # type: ignore[no-untyped-def]
        kwargs.setdefault("parser_class", ChineseArgumentParser)
        self._positionals.title = "命令"  # the only positional of a parser with commands
        return super().add_subparsers(**kwargs)

    def parse_known_args(self, args: Sequence[str] | None = None,  # type: ignore[override]
                         namespace: argparse.Namespace | None = None):
        self._argv = list(sys.argv[1:] if args is None else args)
        return super().parse_known_args(self._argv, namespace)

    def error(self, message: str) -> NoReturn:
        is_main = " " not in self.prog
        text = self.unknown_option_before_command(message) if is_main else None
        if text is None:
            text = translate(message, self.command_name() if is_main else None)
        hint = MAIN_HINT if is_main else f"（用 {self.prog} -h 查看用法）"
        self.exit(EXIT_USER_ERROR, f"错误：{text}{hint}\n")

    def command_name(self) -> str | None:
        """How argparse names the command argument in its messages (its metavar)."""
        action = self._subparsers_action()
        return None if action is None else str(action.metavar or action.dest)

    def _subparsers_action(self) -> argparse.Action | None:
        for action in self._actions:
            if isinstance(action, argparse._SubParsersAction):
                return action
        return None

    def unknown_option_before_command(self, message: str) -> str | None:
        """`--dbb x list`: argparse sets --dbb aside and then calls x an unknown command; the
        mistake is the option, so name it."""
        if "invalid choice" not in message or self._subparsers_action() is None:
            return None
        unknown = []
        tokens = iter(self._argv)
        for token in tokens:
            if token == "--" or not token.startswith("-"):
                break  # the command (or what argparse took for it)
            option, equals, _value = token.partition("=")
            action = self._option_string_actions.get(option)
            if action is None and option.startswith("--"):
                matches = [known for known in self._option_string_actions
                           if known.startswith(option)]
                if len(matches) == 1:  # an abbreviation argparse resolves
                    action = self._option_string_actions[matches[0]]
            if action is None:
                unknown.append(option)
            elif action.nargs != 0 and not equals:
                next(tokens, None)  # its value
        return f"无法识别的选项：{' '.join(unknown)}" if unknown else None
