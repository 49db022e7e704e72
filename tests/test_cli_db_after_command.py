"""`--db` is accepted after the command as well as before it (`proposal-desk list --db F`);
given in both places, the later one (after the command) is used."""

from pathlib import Path

import pytest

from proposal_desk.cli.main import build_parser, main


@pytest.fixture
def two_databases(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[str, str]:
    full, empty = str(tmp_path / "full.sqlite3"), str(tmp_path / "empty.sqlite3")
    assert main(["--db", full, "demo"]) == 0
    assert main(["--db", empty, "config", "bureau.name", "某区商务局"]) == 0
    capsys.readouterr()
    return full, empty


def listing(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    assert main(argv) == 0
    return capsys.readouterr().out


def test_db_after_the_command_gives_the_same_result(
        two_databases: tuple[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    full, _empty = two_databases
    before = listing(["--db", full, "list", "--json"], capsys)
    assert before.strip() != "[]"
    assert listing(["list", "--json", "--db", full], capsys) == before
    assert listing(["list", f"--db={full}", "--json"], capsys) == before


def test_given_twice_the_later_one_wins(
        two_databases: tuple[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    full, empty = two_databases
    assert listing(["--db", full, "list", "--json", "--db", empty], capsys).strip() == "[]"
    assert listing(["--db", empty, "list", "--json", "--db", full], capsys).strip() != "[]"


def test_absent_after_the_command_it_leaves_the_global_one() -> None:
    parser = build_parser()
    [sub] = [a for a in parser._actions if a.dest == "command"]
    for command in sub.choices:  # type: ignore[union-attr]
        needs = {"import": ["a.xlsx"], "export": ["a.xlsx"], "letter": ["1", "-o", "a"],
                 "opinion": ["1", "-o", "a"], "return-letter": ["1", "-o", "a"],
                 "report": ["--year", "2025", "-o", "a"], "chase": ["-o", "a"],
                 "restore": ["x"]}.get(command, [])
        assert parser.parse_args(["--db", "G", command, *needs]).db == "G"
        assert parser.parse_args([command, *needs]).db is None
        assert parser.parse_args([command, *needs, "--db", "S"]).db == "S"
