"""An empty (0-byte) database file, or a missing one whose backup folder holds backups, is
never turned into a new empty database: it is refused like a damaged file, naming the newest
good backup and the restore command, and left as it is. A first start (no file, no backups)
still creates the database."""

from __future__ import annotations

from pathlib import Path

import pytest
from safety_support import add_proposal, cli, numbers

from proposal_desk.storage import backup as bk
from proposal_desk.storage.database import Database
from proposal_desk.storage.integrity import EMPTY, MISSING, DamagedDatabaseError


def _with_backup(data_folder: Path) -> tuple[Path, bk.BackupInfo]:
    path = data_folder / "proposal-desk.sqlite3"
    db = Database(f"sqlite:///{path}", backup_dir=data_folder / "backups")
    add_proposal(db, "144009", attachment=b"%PDF scan")
    db.dispose()
    return path, bk.make_backup(path, data_folder / "backups", bk.REASON_MANUAL)


@pytest.mark.parametrize("kind", [EMPTY, MISSING])
def test_open_refuses_and_names_the_newest_good_backup(data_folder: Path, kind: str) -> None:
    path, good = _with_backup(data_folder)
    if kind == EMPTY:
        path.write_bytes(b"")
    else:
        path.unlink()
    with pytest.raises(DamagedDatabaseError) as caught:
        Database(f"sqlite:///{path}", backup_dir=data_folder / "backups")
    assert caught.value.kind == kind and caught.value.backup == good
    assert f'proposal-desk restore "{good.path}"' in str(caught.value)
    assert "程序没有" in str(caught.value)
    if kind == EMPTY:
        assert path.read_bytes() == b""  # left as it is: no schema built into it
    else:
        assert not path.exists()


@pytest.mark.parametrize("kind", [EMPTY, MISSING])
def test_cli_refuses_then_restore_brings_the_data_back(data_folder: Path, kind: str) -> None:
    path, good = _with_backup(data_folder)
    if kind == EMPTY:
        path.write_bytes(b"")
    else:
        path.unlink()
    for command in (["list"], ["config", "bureau.name", "区商务局"]):
        code, out, err = cli(*command)
        assert code == 2 and out == "", (command, out)
        assert "没有" in err and good.path.name in err and "proposal-desk restore" in err
    assert (path.read_bytes() == b"") if kind == EMPTY else not path.exists()
    code, out, err = cli("check")
    assert code != 0 and good.path.name in out + err
    code, out, _ = cli("restore", str(good.path))
    assert code == 0, out
    assert numbers(path) == ["144009"]


def test_empty_file_without_backups_is_refused_and_says_it_may_be_deleted(
        data_folder: Path) -> None:
    data_folder.mkdir(parents=True)
    path = data_folder / "proposal-desk.sqlite3"
    path.write_bytes(b"")
    code, _, err = cli("list")
    assert code == 2 and "0 字节" in err and "删除这个空文件" in err
    assert path.read_bytes() == b""


def test_a_first_start_still_creates_the_database(data_folder: Path, tmp_path: Path) -> None:
    code, _, _ = cli("config", "bureau.name", "区商务局")
    assert code == 0
    assert (data_folder / "proposal-desk.sqlite3").stat().st_size > 0
    new = tmp_path / "elsewhere" / "new.sqlite3"
    code, _, _ = cli("--db", str(new), "config", "bureau.name", "区商务局")
    assert code == 0 and new.stat().st_size > 0
