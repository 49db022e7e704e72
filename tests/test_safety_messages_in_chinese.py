"""What the clerk reads when a file cannot be used is Chinese; SQLite's own English appears only
in the part labelled 供技术人员参考. A database of a newer version is not offered an older
backup to restore (that would throw away the newer program's work)."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest
from safety_support import add_proposal, cli, corrupt

from proposal_desk.storage import backup as bk
from proposal_desk.storage.database import Database
from proposal_desk.storage.errors import DatabaseOpenError
from proposal_desk.storage.integrity import DamagedDatabaseError

TECH = "供技术人员参考："


def _english_outside_the_technical_part(message: str) -> list[str]:
    plain = re.sub(rf"（[^（）]*{TECH}[^）]*）", "", message)
    plain = re.sub(r"/[^\s，。：；“”（）]+", "", plain)  # paths
    plain = re.sub(r"[^\s，。：；“”（）]+\.sqlite3", "", plain)  # file names
    plain = plain.replace("proposal-desk restore", "").replace("SQLite", "").replace("SHA-256", "")
    plain = plain.replace("U 盘", "")
    return re.findall(r"[A-Za-z]{3,}", plain)


def _database(data_folder: Path) -> Path:
    path = data_folder / "proposal-desk.sqlite3"
    db = Database(f"sqlite:///{path}", backup_dir=data_folder / "backups")
    for n in range(30):
        add_proposal(db, str(n), title="关于加强社区养老服务的建议" * 5)
    db.dispose()
    return path


def test_restoring_a_truncated_backup_is_refused_in_chinese(data_folder: Path,
                                                           tmp_path: Path) -> None:
    path = _database(data_folder)
    good = bk.make_backup(path, tmp_path, bk.REASON_MANUAL)
    data = good.path.read_bytes()
    good.path.write_bytes(data[: len(data) // 2])
    code, _, err = cli("restore", str(good.path))
    assert code == 2 and "当前数据库没有改动" in err
    assert not _english_outside_the_technical_part(err), err


def test_a_damaged_file_is_refused_in_chinese(data_folder: Path) -> None:
    path = _database(data_folder)
    corrupt(path)
    with pytest.raises(DamagedDatabaseError) as caught:
        Database(f"sqlite:///{path}", backup_dir=data_folder / "backups")
    message = str(caught.value)
    assert "文件已损坏" in message and TECH in message
    assert not _english_outside_the_technical_part(message), message


def test_a_stale_revision_stamp_is_explained_and_leaves_one_copy(data_folder: Path) -> None:
    path = _database(data_folder)
    folder = data_folder / "backups"
    good = bk.make_backup(path, folder, bk.REASON_MANUAL)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = '0001'")  # the schema stays 0002
    conn.commit()
    conn.close()
    before = path.read_bytes()
    for _attempt in range(2):
        with pytest.raises(DatabaseOpenError) as caught:
            Database(f"sqlite:///{path}", backup_dir=folder)
        message = str(caught.value)
        assert "程序没有改动数据库文件" in message and "结构" in message
        assert good.path.name in message  # the backup to go back to
        assert not _english_outside_the_technical_part(message), message
    assert path.read_bytes() == before
    assert len(list(folder.glob("迁移前-0001-*"))) == 1  # not one more per attempt


def test_check_of_a_newer_database_offers_no_restore(data_folder: Path) -> None:
    path = _database(data_folder)
    bk.make_backup(path, data_folder / "backups", bk.REASON_MANUAL)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = '0099'")
    conn.commit()
    conn.close()
    code, out, _ = cli("check")
    assert code == 1 and "请使用新版本程序" in out
    assert "restore" not in out and "恢复命令" not in out
