"""Argument parsing for every command (the scripting contract lives here, in one place)
and the error policy: a one-line Chinese message and a non-zero status, never a traceback."""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import re
import sys
from collections.abc import Sequence

from proposal_desk import APP_NAME, __version__
from proposal_desk.cli.parser import ChineseArgumentParser

EXIT_USER_ERROR = 2
EXIT_INTERNAL = 3

log = logging.getLogger(__name__)

# The options of the window's start, before any command: (option, takes a value, help; None:
# not in the help). Both build_parser() and the window's fast path (window_args) read them.
GLOBAL_OPTIONS: tuple[tuple[str, bool, str | None], ...] = (
    ("--db", True, "数据库文件路径或 SQLAlchemy 地址（默认：数据文件夹中的数据库）"),
    ("--demo", False, "打开独立的演示数据库（首次使用时自动填充演示数据）"),
    ("--smoke-test", False, None),
)


def window_args(argv: Sequence[str]) -> argparse.Namespace | None:
    """The window's start without building every command's parser (~5 ms before the first
    paint): argv made only of the global options, spelled in full (`--db X`, `--db=X`,
    `--demo`, `--smoke-test`), gives what build_parser() would; anything else (a command,
    -h, --version, an abbreviation, an unknown option, a value that looks like an option)
    None, for the full parser to parse, help and complain exactly as always."""
    values: dict[str, object] = {
        option[2:].replace("-", "_"): None if takes_value else False
        for option, takes_value, _help in GLOBAL_OPTIONS}
    takes = {option: takes_value for option, takes_value, _help in GLOBAL_OPTIONS}
    args = list(argv)
    i = 0
    while i < len(args):
        option, equals, value = args[i].partition("=")
        if option not in takes or (equals and not takes[option]):
            return None
        dest = option[2:].replace("-", "_")
        if takes[option]:
            if not equals:
                i += 1
                if i == len(args) or args[i].startswith("-"):
                    return None
                value = args[i]
            values[dest] = value
        else:
            values[dest] = True
        i += 1
    return argparse.Namespace(**values, command=None)


# Said alike by the commands that write one proposal's document (letter, opinion, return-letter).
NUMBER_HELP = "提案（建议）号，如 144012"
MEETING_HELP = "会议名称或其中一段；同一编号在几次会议中都有时用来指明"
DOCX_HELP = "保存到的文件（.docx）"


def build_parser() -> argparse.ArgumentParser:
    parser = ChineseArgumentParser(
        prog="proposal-desk",
        description=f"{APP_NAME}：政协提案、人大建议办理台账与文书。不带命令时打开窗口。",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}",
                        help="显示版本号并退出")
    for option, takes_value, help_text in GLOBAL_OPTIONS:
        if takes_value:
            parser.add_argument(option, metavar="PATH|URL", help=help_text)
        else:
            parser.add_argument(option, action="store_true",
                                help=help_text if help_text is not None else argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", metavar="命令",
                                help="以下之一；各命令的用法见 proposal-desk <命令> -h")

    p = sub.add_parser("import", help="导入交办清单或办理台账（.xlsx/.xls）")
    p.add_argument("file", metavar="FILE", help="要导入的表格文件（.xlsx 或 .xls）")
    p.add_argument("--dry-run", action="store_true", help="只显示将要新增、更新、跳过的行，不保存")
    p.add_argument("--meeting", metavar="NAME",
                   help="表中未写明会议的行所属的会议名称，如 区政协十四届四次会议")
    p.add_argument("--year", type=int, metavar="YYYY",
                   help="年度（默认从会议、标题、工作表名或表中日期判断）")
    p.add_argument("--kind", choices=["提案", "建议"],
                   help="政协提案或人大建议（默认按会议名称和表中用词判断）")
    p.add_argument("--map", action="append", default=[], metavar="表头=字段",
                   help="把无法识别的表头对应到字段，可多次使用")
    p.add_argument("--json", action="store_true", help="以 JSON 输出逐行结果")

    p = sub.add_parser("export", help="导出办理台账（.xlsx）")
    p.add_argument("file", metavar="FILE.xlsx", help="导出到的文件（.xlsx）")
    p.add_argument("--year", type=int, metavar="YYYY", help="只导出这一年度的（默认全部年度）")

    p = sub.add_parser("list", help="列出提案")
    p.add_argument("--year", type=int, metavar="YYYY", help="只列这一年度的（默认全部年度）")
    p.add_argument("--role", choices=["主办", "协办", "会办", "分办"],
                   help="只列本单位以这种方式办理的")
    p.add_argument("--overdue", action="store_true", help="只列已逾期的")
    p.add_argument("--json", action="store_true", help="输出 JSON 数组")
    p.add_argument("--search", metavar="TEXT", help="按编号、案由、提案人、答复和沟通记录搜索")

    p = sub.add_parser("config", help="查看或修改设置，如 bureau.name")
    p.add_argument("key", nargs="?", metavar="KEY",
                   help="设置项，如 bureau.name（省略则列出全部设置）")
    p.add_argument("value", nargs="?", metavar="VALUE", help="新的值（省略则显示当前值）")

    sub.add_parser("demo", help="在数据库中填入一年的演示数据（不打开窗口）")

    p = sub.add_parser("letter", help="生成答复函（.docx）")
    p.add_argument("number", metavar="NUMBER", help=NUMBER_HELP)
    p.add_argument("--meeting", metavar="NAME", help=MEETING_HELP)
    p.add_argument("--each-signer", action="store_true", help="联名提案每位提案人各一封")
    p.add_argument("--round", type=int, metavar="K", dest="round_no",
                   help="重新办理过的提案：生成第K轮答复的答复函（默认最后一轮），"
                        "如 --round 1 重印第一次答复")
    p.add_argument("-o", "--output", required=True, metavar="FILE.docx", help=DOCX_HELP)

    p = sub.add_parser("opinion", help="生成会办意见（.docx）")
    p.add_argument("number", metavar="NUMBER", help=NUMBER_HELP)
    p.add_argument("--meeting", metavar="NAME", help=MEETING_HELP)
    p.add_argument("-o", "--output", required=True, metavar="FILE.docx", help=DOCX_HELP)

    p = sub.add_parser("return-letter", help="生成退回申请函（.docx），写明理由和建议承办单位")
    p.add_argument("number", metavar="NUMBER", help=NUMBER_HELP)
    p.add_argument("--meeting", metavar="NAME", help=MEETING_HELP)
    p.add_argument("-o", "--output", required=True, metavar="FILE.docx", help=DOCX_HELP)

    p = sub.add_parser("report", help="生成年度办理情况报告（.docx）")
    p.add_argument("--year", type=int, required=True, metavar="YYYY", help="报告的年度")
    p.add_argument("--meeting", metavar="NAME", help="只报告这一次会议的（默认该年度全部会议）")
    p.add_argument("-o", "--output", required=True, metavar="FILE.docx", help=DOCX_HELP)

    p = sub.add_parser("chase", help="生成催办清单（即将到期和已逾期，.docx 或 .xlsx）")
    p.add_argument("-o", "--output", required=True, metavar="FILE",
                   help="保存到的文件，按扩展名生成 .docx 或 .xlsx")

    p = sub.add_parser("backup", help="备份数据库和附件")
    p.add_argument("dest", nargs="?", metavar="DEST",
                   help="备份到的文件夹或文件名（默认：数据库旁的备份文件夹）")

    p = sub.add_parser("restore", help="从备份恢复（先备份当前数据）")
    p.add_argument("src", metavar="SRC", help="备份文件（只写文件名时在备份文件夹中查找）")

    sub.add_parser("check", help="检查数据库完整性、附件和结构版本")

    p = sub.add_parser("meeting", help="列出会议，或改名、合并会议，设置会议的固定办理时限")
    p.add_argument("action", nargs="?", choices=["list", "rename", "merge", "dates"],
                   default="list", help="list（默认）、rename 旧名 新名、merge 并入者 目标、"
                   "dates 会议名 [--reply-due …]")
    p.add_argument("names", nargs="*", metavar="NAME", help="会议名称，个数依操作而定")
    p.add_argument("--reply-due", metavar="DATE", help="主办/分办答复截止日期（空为按月数计）")
    p.add_argument("--assist-due", metavar="DATE", help="协办/会办意见截止日期")
    p.add_argument("--return-due", metavar="DATE", help="退回截止日期")
    p.add_argument("--json", action="store_true", help="以 JSON 输出会议列表")

    # `proposal-desk list --db F` as well as `--db F list`. SUPPRESS: absent after the
    # command, it leaves the global --db as it is; given, it wins (it comes later).
    db_help = GLOBAL_OPTIONS[0][2]
    for command_parser in sub.choices.values():
        command_parser.add_argument("--db", metavar="PATH|URL", default=argparse.SUPPRESS,
                                    help=db_help)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = window_args(sys.argv[1:] if argv is None else argv)
    if args is None:
        args = build_parser().parse_args(argv)
    if args.command is None:
        from proposal_desk.gui.launch import run_gui  # starts the file check before Qt loads

        return run_gui(args)
    from proposal_desk.storage.errors import UserError

    try:
        command = args.command.replace("-", "_")
        module = importlib.import_module(f"proposal_desk.cli.cmd_{command}")
        return int(module.run(args) or 0)
    except UserError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        print("已中断", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader stopped early (`proposal-desk list | head`): it has what it wanted.
        quiet_stdout()
        return 0
    except Exception as exc:
        where = log_exception(exc, sys.argv[1:] if argv is None else argv)
        print(f"程序内部错误：{short_error(exc)}（详情已记录到 {where}）", file=sys.stderr)
        return EXIT_INTERNAL


def quiet_stdout() -> None:
    """Point stdout at the null device, so the interpreter's last flush on exit does not
    fail on the closed pipe again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # stdout replaced (tests) or already closed
        pass


SHORT_ERROR = 200  # characters of an internal error's message shown on the terminal


def short_error(exc: BaseException) -> str:
    """One line for the terminal (a database error's message carries the whole SQL statement
    and its parameters): the type and the first line, cut; the log has everything."""
    lines = str(exc).strip().splitlines()
    first = lines[0] if lines else ""
    if len(first) > SHORT_ERROR:
        first = first[:SHORT_ERROR] + "…"
    return f"{type(exc).__name__}: {first}" if first else type(exc).__name__


_URL_PASSWORD = re.compile(r"(//[^/:@\s]*:)[^@/\s]*@")


def masked_argv(argv: Sequence[str]) -> str:
    """The command line for the log, with a PostgreSQL URL's password replaced by ***."""
    return " ".join(_URL_PASSWORD.sub(r"\1***@", arg) for arg in argv)


def log_exception(exc: BaseException, argv: Sequence[str] = ()) -> str:
    """Write the traceback to the log file in the data folder; returns its path."""
    from proposal_desk.logs import log_file, setup_logging

    setup_logging()
    log.error("unhandled error in `proposal-desk %s` (version %s)", masked_argv(argv),
              __version__, exc_info=exc)
    return str(log_file())


if __name__ == "__main__":
    sys.exit(main())
