"""`check`: each kind of damage is found and named in users' terms; a check never writes."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from safety_support import add_proposal, cli, corrupt
from sqlalchemy import text

from proposal_desk.storage import backup as bk
from proposal_desk.storage.database import Database
from proposal_desk.storage.integrity import CheckReport, check_database
from proposal_desk.storage.schema_revision import HEAD_REVISION

pytestmark = pytest.mark.postgres


def _check(db: Database) -> CheckReport:
    return check_database(db.engine, db.display_location)


def _raw(db: Database, sql: str, **params: object) -> None:
    with db.engine.begin() as conn:
        conn.execute(text(sql), params)


def test_a_sound_database_passes(db: Database) -> None:
    add_proposal(db, "144009", attachment=b"%PDF-1.4 scan", reply="经研究，答复如下。")
    add_proposal(db, "144010", attachment=b"%PDF-1.4 scan")  # same content, stored once
    report = _check(db)
    assert report.ok, report.lines()
    text_ = "\n".join(report.lines())
    assert "附件 2 个，内容 1 份，SHA-256 全部一致" in text_
    assert "2 件提案的状态、时限等与办理记录一致" in text_
    assert f"结构版本 {HEAD_REVISION}（最新）" in text_


def test_changed_attachment_content_is_found(db: Database) -> None:
    add_proposal(db, "144009", attachment=b"%PDF-1.4 original scan")
    _raw(db, "UPDATE blob SET data = :d", d=b"%PDF-1.4 original scaN")
    report = _check(db)
    assert [p.area for p in report.problems] == ["附件"]
    assert "第144009号“144009.pdf”" in str(report.problems[0])


def test_attachment_size_that_disagrees_is_found(db: Database) -> None:
    add_proposal(db, "144009", attachment=b"12345")
    _raw(db, "UPDATE attachment SET size = 4")
    report = _check(db)
    assert any("大小不符" in p.message for p in report.problems)


def test_a_stale_status_cache_is_found(db: Database) -> None:
    add_proposal(db, "144009")
    _raw(db, "UPDATE proposal SET status = '已办结', proposer_names = '某某'")
    report = _check(db)
    found = [p.message for p in report.problems if p.area == "列表缓存"]
    # One contact record is on file, so the rules say 办理中.
    assert any("第144009号的状态记为“已办结”，按办理记录应为“办理中”" in m for m in found)
    assert any("提案人记为“某某”" in m for m in found)


def test_a_proposal_missing_from_the_search_index_is_found(db: Database) -> None:
    pid = add_proposal(db, "144009")
    table = "search_fts" if db.is_sqlite else "search_text"
    key = "rowid" if db.is_sqlite else "proposal_id"
    _raw(db, f"DELETE FROM {table} WHERE {key} = :id", id=pid)
    report = _check(db)
    assert [p.area for p in report.problems] == ["搜索索引"]


@pytest.mark.sqlite_only
def test_a_broken_foreign_key_is_found(db: Database, tmp_path: Path) -> None:
    pid = add_proposal(db, "144009")
    db.dispose()
    conn = sqlite3.connect(tmp_path / "test.sqlite3")
    conn.execute("PRAGMA foreign_keys=OFF")
    conn.execute("INSERT INTO attachment (proposal_id, original_name, size, sha256, description,"
                 " added_at) VALUES (?, 'x.pdf', 3, 'feedbeef', '', '2025-01-01 00:00:00')",
                 (pid,))
    conn.commit()
    conn.close()
    engine_db = Database(f"sqlite:///{tmp_path / 'test.sqlite3'}")
    report = _check(engine_db)
    engine_db.dispose()
    areas = {p.area for p in report.problems}
    assert areas == {"外键", "附件"}
    assert any("内容缺失" in p.message for p in report.problems)


@pytest.mark.sqlite_only
def test_a_damaged_file_is_found_by_check_without_writing(tmp_path: Path,
                                                          data_folder: Path) -> None:
    path = data_folder / "proposal-desk.sqlite3"
    db = Database(f"sqlite:///{path}")
    for n in range(30):
        add_proposal(db, str(n), title="关于加强社区养老服务的建议" * 5)
    db.dispose()
    good = bk.make_backup(path, bk.backup_dir_for(path), bk.REASON_OPEN)
    corrupt(path)
    before = path.read_bytes()
    code, out, _ = cli("check")
    assert code == 1
    assert "【数据库文件】SQLite 完整性检查" in out
    assert f"proposal-desk restore \"{good.path}\"" in out
    assert path.read_bytes() == before


@pytest.mark.sqlite_only
def test_check_reports_a_file_that_is_not_a_database(data_folder: Path) -> None:
    data_folder.mkdir(parents=True, exist_ok=True)
    path = data_folder / "proposal-desk.sqlite3"
    path.write_bytes(b"\x00" * 100 + b"not a database")
    code, out, _ = cli("check")
    assert code == 1 and "不是 SQLite 数据库" in out
    assert path.read_bytes() == b"\x00" * 100 + b"not a database"


@pytest.mark.sqlite_only
def test_check_never_writes_a_sound_file(data_folder: Path) -> None:
    path = data_folder / "proposal-desk.sqlite3"
    db = Database(f"sqlite:///{path}")
    add_proposal(db, "1", attachment=b"scan")
    db.dispose()
    before = path.read_bytes()
    assert cli("check")[0] == 0
    assert path.read_bytes() == before
    assert not list(bk.backup_dir_for(path).glob("*"))  # and makes no backup


@pytest.mark.sqlite_only
def test_a_newer_schema_is_reported(db: Database) -> None:
    _raw(db, "UPDATE alembic_version SET version_num = '9999'")
    report = _check(db)
    assert [p.area for p in report.problems] == ["结构版本"]
    assert "更新版本" in report.problems[0].message
