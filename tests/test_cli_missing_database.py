"""A read command pointed at a database file that does not exist stops (a mistyped --db
would otherwise make an empty database, its folders and a backups folder, and answer 共 0 件);
commands that write, and a read of the default database, still start a new one."""

from pathlib import Path

import pytest

from proposal_desk.cli.main import main

READS = [["list"], ["list", "--json"], ["export", "out.xlsx"], ["meeting"],
         ["report", "--year", "2025", "-o", "r.docx"], ["chase", "-o", "c.docx"],
         ["return-letter", "1", "-o", "r.docx"]]


def files_under(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*")) if folder.exists() else []


@pytest.mark.parametrize("argv", READS)
def test_a_read_of_a_named_missing_file_creates_nothing(
        argv: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    missing = tmp_path / "no" / "such" / "x.sqlite3"
    before = files_under(tmp_path)
    assert main(["--db", str(missing), *argv]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"错误：数据库文件「{missing}」不存在。请检查 --db 的路径"
                   "（新的数据库由 import、config 或 demo 建立）。"]
    assert files_under(tmp_path) == before  # no file, no folder, no backups folder


def test_the_environment_variable_is_checked_too(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("PROPOSAL_DESK_DB", str(tmp_path / "x"))
    assert main(["list"]) == 2
    assert "不存在" in capsys.readouterr().err
    assert not (tmp_path / "x").exists() and not (tmp_path / "backups-x").exists()


def test_a_write_still_starts_a_new_database(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "new" / "x.sqlite3"
    assert main(["--db", str(target), "config", "bureau.name", "某区商务局"]) == 0
    assert target.exists()
    assert main(["--db", str(target), "list"]) == 0
    assert "共 0 件" in capsys.readouterr().out


def test_a_read_of_the_default_database_on_a_fresh_data_folder_works(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list"]) == 0
    assert "共 0 件" in capsys.readouterr().out
