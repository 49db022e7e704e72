"""An internal error (exit 3) is one short line on the terminal; the log has the whole
message and traceback, and names the command line (passwords masked) and the version."""

import logging

import pytest

from proposal_desk import __version__
from proposal_desk.cli import cmd_list
from proposal_desk.cli import main as cli


class LongError(RuntimeError):
    pass


MESSAGE = ("(sqlite3.OperationalError) no such column: x" + "y" * 300
           + "\n[SQL: SELECT a,\n  b\nFROM proposals]\n[parameters: ('秘密', 2)]")


def test_the_terminal_gets_one_line_the_log_everything(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        caplog: pytest.LogCaptureFixture) -> None:
    def fail(_args: object) -> int:
        raise LongError(MESSAGE)

    monkeypatch.setattr(cmd_list, "run", fail)
    argv = ["--db", "postgresql+psycopg://clerk:s3cret@10.0.0.5/desk", "list", "--year", "2025"]
    with caplog.at_level(logging.ERROR):
        assert cli.main(argv) == 3
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1
    assert err.startswith("程序内部错误：LongError: (sqlite3.OperationalError) no such column")
    assert "SQL" not in err and "秘密" not in err and "yyyy…（详情已记录到" in err
    shown = err.split("（详情已记录到")[0]  # the log's path after it varies with the folder
    assert len(shown) == len("程序内部错误：LongError: ") + cli.SHORT_ERROR + 1
    [record] = [r for r in caplog.records if r.exc_info]
    logged = record.getMessage()
    assert "list --year 2025" in logged and __version__ in logged
    assert "//clerk:***@10.0.0.5/desk" in logged and "s3cret" not in logged
    assert record.exc_info[1] is not None and "秘密" in str(record.exc_info[1])


def test_only_the_first_line_reaches_the_terminal(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        caplog: pytest.LogCaptureFixture) -> None:
    def fail(_args: object) -> int:
        raise ValueError("bad\nsecond line")

    monkeypatch.setattr(cmd_list, "run", fail)
    assert cli.main(["list", "--overdue"]) == 3
    err = capsys.readouterr().err
    assert "second line" not in err and "ValueError: bad（详情已记录到" in err
    [record] = [r for r in caplog.records if r.exc_info]
    assert "`proposal-desk list --overdue`" in record.getMessage()


@pytest.mark.parametrize(("arg", "shown"), [
    ("postgresql+psycopg://u:pw@h/db", "postgresql+psycopg://u:***@h/db"),
    ("--db=postgresql://u:p%40w@h:5432/db", "--db=postgresql://u:***@h:5432/db"),
    ("postgresql://u@h/db", "postgresql://u@h/db"),
    ("/tmp/x.sqlite3", "/tmp/x.sqlite3"),
])
def test_passwords_are_masked(arg: str, shown: str) -> None:
    assert cli.masked_argv(["--db", arg]) == f"--db {shown}"
