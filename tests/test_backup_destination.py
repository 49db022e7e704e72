"""`proposal-desk backup DEST`: never "backed up" onto the live database or its log files; a
name that does not exist and has no extension is written as NAME.sqlite3, as scripts rely
on, with a 提示 naming it (refused only when its folder is missing too); a backup of ours that
is replaced says so."""

from __future__ import annotations

from pathlib import Path

import pytest
from safety_support import add_proposal, cli, numbers

from proposal_desk.storage.database import Database


@pytest.fixture
def live(data_folder: Path) -> Path:
    path = data_folder / "proposal-desk.sqlite3"
    db = Database(f"sqlite:///{path}")
    add_proposal(db, "144009")
    db.dispose()
    return path


@pytest.mark.parametrize("suffix", ["", "-wal", "-shm"])
def test_the_database_itself_is_refused(live: Path, suffix: str) -> None:
    before = live.read_bytes()
    code, out, err = cli("backup", str(live) + suffix)
    assert code == 2 and "已备份" not in out
    assert "正在使用的数据库文件本身" in err
    assert live.read_bytes() == before and numbers(live) == ["144009"]


def test_a_name_without_extension_that_does_not_exist_becomes_a_file(
        live: Path, tmp_path: Path) -> None:
    code, out, err = cli("backup", str(tmp_path / "usbbk"))
    assert code == 0 and (tmp_path / "usbbk.sqlite3").is_file()
    assert not (tmp_path / "usbbk").exists() and numbers(tmp_path / "usbbk.sqlite3") == ["144009"]
    assert str(tmp_path / "usbbk.sqlite3") in out
    assert (f"提示：已备份为 {tmp_path / 'usbbk'}.sqlite3（“{tmp_path / 'usbbk'}”不存在；"
            "要备份到新文件夹，请先建立它，或在末尾加 /）") in err
    code, out, _ = cli("backup", str(tmp_path / "usbbk") + "/")
    assert code == 0 and (tmp_path / "usbbk").is_dir() and str(tmp_path / "usbbk") in out


def test_a_name_in_a_folder_that_does_not_exist_is_refused(live: Path, tmp_path: Path) -> None:
    code, out, err = cli("backup", str(tmp_path / "no-such" / "usbbk"))
    assert code == 2 and "已备份" not in out
    assert "请先建立它" in err and str(tmp_path / "no-such") in err
    assert not (tmp_path / "no-such").exists()


def test_replacing_a_backup_of_ours_is_said(live: Path, tmp_path: Path) -> None:
    dest = tmp_path / "nightly.sqlite3"
    code, out, _ = cli("backup", str(dest))
    assert code == 0 and "替换" not in out
    code, out, _ = cli("backup", str(dest))
    assert code == 0 and "已被这次的备份替换" in out
