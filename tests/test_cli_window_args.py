"""The window's start reads its options without building every command's parser
(cli.main.window_args); what it reads is exactly what the full parser reads, and anything
else goes to the full parser."""

from __future__ import annotations

from typing import Any

import pytest

from proposal_desk.cli import main as cli


@pytest.mark.parametrize("argv", [
    [], ["--demo"], ["--smoke-test"], ["--db", "x.sqlite3"], ["--db=x.sqlite3"], ["--db="],
    ["--db", "a", "--db", "b"], ["--smoke-test", "--db", "/tmp/x y.sqlite3", "--demo"],
    ["--db", "import"], ["--db=-x"], ["--demo", "--demo"],
    ["--db", "sqlite:///C:/数据/提案.sqlite3", "--smoke-test"],
])
def test_the_window_options_parse_as_the_full_parser_does(argv: list[str]) -> None:
    fast = cli.window_args(argv)
    assert fast is not None
    assert fast == cli.build_parser().parse_args(argv)
    assert vars(fast) == vars(cli.build_parser().parse_args(argv))


@pytest.mark.parametrize("argv", [
    ["-h"], ["--help"], ["--version"], ["--dem"], ["--smoke"], ["--db"], ["--db", "-x"],
    ["--demo=1"], ["--unknown"], ["--"], ["-d"], ["--db", "x", "list"], ["--demo", "check"],
    ["import", "a.xlsx"], ["export", "a.xlsx"], ["list"], ["config"], ["demo"],
    ["letter", "1", "-o", "a.docx"], ["opinion", "1", "-o", "a.docx"],
    ["return-letter", "1", "-o", "a.docx"], ["report", "--year", "2025", "-o", "a.docx"],
    ["chase", "-o", "a.docx"], ["backup"], ["restore", "x"], ["check"], ["meeting"],
])
def test_anything_else_goes_to_the_full_parser(argv: list[str]) -> None:
    assert cli.window_args(argv) is None


def test_every_command_is_left_to_the_full_parser() -> None:
    parser = cli.build_parser()
    [sub] = [a for a in parser._actions if a.dest == "command"]
    for command in sub.choices:  # type: ignore[union-attr]
        assert cli.window_args([command]) is None
        assert cli.window_args(["--db", "x", command]) is None


def test_the_window_start_builds_no_parser(monkeypatch: pytest.MonkeyPatch) -> None:
    import proposal_desk.gui.launch as launch

    seen: dict[str, Any] = {}
    monkeypatch.setattr(cli, "build_parser", lambda: pytest.fail("the full parser was built"))
    monkeypatch.setattr(launch, "run_gui", lambda args: seen.setdefault("args", args) and 0)
    assert cli.main(["--db", "x.sqlite3", "--demo"]) == 0
    assert vars(seen["args"]) == {"db": "x.sqlite3", "demo": True, "smoke_test": False,
                                  "command": None}


def test_help_version_and_mistakes_still_come_from_the_full_parser(
        capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_help:
        cli.main(["-h"])
    assert exit_help.value.code == 0
    out = capsys.readouterr().out
    assert "--db PATH|URL" in out and "--demo" in out and "--smoke-test" not in out
    with pytest.raises(SystemExit) as exit_unknown:
        cli.main(["--unknown"])
    assert exit_unknown.value.code == 2
    assert "--unknown" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_missing:
        cli.main(["--db"])
    assert exit_missing.value.code == 2
    assert "--db" in capsys.readouterr().err
