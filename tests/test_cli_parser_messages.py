"""argparse's mistakes come out as the README promises: one line in Chinese on stderr
(错误：…) and exit 2; -h speaks Chinese where argparse has fixed English."""

import re

import pytest

from proposal_desk.cli.main import main
from proposal_desk.cli.parser import translate

ENGLISH = re.compile(r"usage|error|argument|invalid|required|unrecognized|expected|ambiguous")


@pytest.mark.parametrize(("argv", "says"), [
    (["lst"], "错误：命令 'lst' 不存在，可用的命令：'import', 'export', 'list'"),
    (["--dbb", "x", "list"], "错误：无法识别的选项：--dbb"),
    (["--db", "x", "--dbb", "y", "list"], "错误：无法识别的选项：--dbb"),
    (["list", "--foo"], "错误：无法识别的参数：--foo"),
    (["list", "--year", "abc"], "错误：参数 --year 的值 'abc' 无效（应为整数）"),
    (["list", "--role", "甲"], "错误：参数 --role 的值 '甲' 无效，可选：'主办', '协办'"),
    (["letter", "1"], "错误：缺少参数：-o/--output"),
    (["report", "-o", "r.docx"], "错误：缺少参数：--year"),
    (["--db"], "错误：参数 --db 需要一个值"),
    (["--d", "x", "list"], "错误：选项 --d 不明确，可能是：--db, --demo"),
    (["meeting", "rename", "a", "b", "--reply-due"], "错误：参数 --reply-due 需要一个值"),
])
def test_a_mistake_is_one_chinese_line_and_exit_2(
        argv: list[str], says: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(argv)
    assert stopped.value.code == 2
    captured = capsys.readouterr()
    lines = captured.err.splitlines()
    assert len(lines) == 1 and lines[0].startswith(says), captured.err
    assert "查看用法）" in lines[0] and not ENGLISH.search(lines[0])
    assert captured.out == ""


def test_a_command_mistake_points_at_that_command_s_help(
        capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["list", "--year", "x"])
    assert capsys.readouterr().err.rstrip().endswith("（用 proposal-desk list -h 查看用法）")
    with pytest.raises(SystemExit):
        main(["lst"])
    assert capsys.readouterr().err.rstrip().endswith(
        "（用 proposal-desk -h 或 proposal-desk <命令> -h 查看用法）")


def test_an_unknown_message_is_kept_after_the_chinese_prefix() -> None:
    assert translate("something new") == "something new"
    assert translate("one of the arguments --a --b is required") == "必须给出以下参数之一：--a --b"
    assert (translate("argument --a: not allowed with argument --b")
            == "参数 --a 不能与 --b 同时使用")


@pytest.mark.parametrize("argv", [["-h"], ["list", "-h"], ["meeting", "--help"]])
def test_help_speaks_chinese(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(argv)
    assert stopped.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("用法：proposal-desk")
    assert "-h, --help" in out and "显示本帮助并退出" in out and "选项:" in out
    assert "usage:" not in out and "show this help" not in out and "options:" not in out
    assert "positional arguments" not in out


def test_the_main_help_lists_the_commands_under_a_chinese_title(
        capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["-h"])
    out = capsys.readouterr().out
    assert "命令:" in out and "显示版本号并退出" in out and "show program's version" not in out
