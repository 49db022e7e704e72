"""Backups: consistent copies with attachments, made on open and before risky work, rotated,
restored (after a backup of the current state), and never a damaged file replaced by an empty
one."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import sqlite3
from pathlib import Path

import pytest
from safety_support import add_proposal, cli, corrupt, numbers
from sqlalchemy import select

from proposal_desk.storage import backup as bk
from proposal_desk.storage.database import Database
from proposal_desk.storage.integrity import DamagedDatabaseError, quick_check_file
from proposal_desk.storage.models import Attachment, Blob


def _open(path: Path, **kw: object) -> Database:
    return Database(f"sqlite:///{path}", backup_dir=path.parent / "backups", **kw)  # type: ignore[arg-type]


def test_backup_of_an_open_database_holds_uncheckpointed_commits_and_attachments(
        tmp_path: Path) -> None:
    path = tmp_path / "live.sqlite3"
    db = _open(path)
    scan = os.urandom(300_000)
    add_proposal(db, "144009", attachment=scan)
    # The commit sits in the write-ahead log; a file copy of the main file would miss it.
    assert (tmp_path / "live.sqlite3-wal").stat().st_size > 0
    with db.session() as s:
        s.execute(select(Blob.size)).all()  # a reader open during the copy changes nothing
        info = bk.make_backup(path, tmp_path / "out", bk.REASON_MANUAL)
    db.dispose()
    assert info.reason == "手动" and info.path.name.endswith("-手动.sqlite3")
    assert not info.path.with_name(info.path.name + "-wal").exists()  # self-contained file
    assert bk.verify_backup(info.path) is None
    assert numbers(info.path) == ["144009"]
    conn = sqlite3.connect(info.path)
    (data,) = conn.execute("SELECT data FROM blob").fetchone()
    conn.close()
    assert hashlib.sha256(data).digest() == hashlib.sha256(scan).digest()


def test_open_backs_up_only_when_something_changed(tmp_path: Path) -> None:
    path = tmp_path / "d.sqlite3"
    folder = tmp_path / "backups"
    db = _open(path)
    assert db.backup_made is None  # a new, empty database has nothing to keep
    add_proposal(db, "1")
    db.dispose()
    db = _open(path)
    assert db.backup_made is not None and db.backup_made.reason == "打开时"
    db.dispose()
    first = bk.list_backups(folder)
    assert numbers(first[0].path) == ["1"]
    db = _open(path)
    assert db.backup_made is None  # nothing written since that copy
    add_proposal(db, "2")
    db.dispose()
    db = _open(path)
    assert db.backup_made is not None
    db.dispose()
    assert numbers(bk.list_backups(folder)[0].path) == ["1", "2"]


def test_a_failed_backup_on_open_is_reported_not_fatal(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "d.sqlite3"
    db = _open(path)
    add_proposal(db, "1")
    db.dispose()

    def disk_full(source: Path, dest: Path) -> Path:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(bk, "backup_file", disk_full)
    db = _open(path)
    assert db.backup_made is None
    assert db.backup_problem is not None and "磁盘空间不足" in db.backup_problem
    with db.session() as s:  # the database is open and usable
        assert s.scalar(select(Attachment.id)) is None
    with pytest.raises(bk.BackupError, match="磁盘空间不足"):
        bk.backup_before(db, bk.REASON_IMPORT)  # before an import: stop rather than go on
    db.dispose()


def test_backup_before_names_the_reason(tmp_path: Path) -> None:
    db = _open(tmp_path / "d.sqlite3")
    add_proposal(db, "1")
    info = bk.backup_before(db, bk.REASON_IMPORT)
    assert info is not None and info.reason == "导入前" and numbers(info.path) == ["1"]
    db.dispose()
    memory = Database("sqlite://", backup_dir=tmp_path / "m")
    assert bk.backup_before(memory, bk.REASON_BULK) is None
    memory.dispose()


def _fake_backup(folder: Path, when: dt.datetime, reason: str = "打开时") -> Path:
    path = folder / bk.backup_name(reason, when)
    path.write_bytes(b"x")
    return path


def test_rotation_keeps_the_last_ten_one_a_week_and_one_a_month(tmp_path: Path) -> None:
    now = dt.datetime(2025, 12, 31, 12, 0)
    folder = tmp_path / "backups"
    folder.mkdir()
    made = [_fake_backup(folder, now - dt.timedelta(hours=12 * k)) for k in range(3 * 730)]
    manual = _fake_backup(folder, now - dt.timedelta(days=1000), "手动")
    migration = folder / f"迁移前-0001-{now - dt.timedelta(days=900):%Y%m%d-%H%M%S}.sqlite3"
    migration.write_bytes(b"x")
    stale_part = folder / "20250101-000000-打开时.sqlite3.part"
    stale_part.write_bytes(b"x")
    os.utime(stale_part, (0, 0))
    bk.rotate(folder, bk.RotationPolicy(last=10, weeks=8, months=24), now=now)
    kept = {b.path for b in bk.list_backups(folder)}
    assert set(made[:10]) <= kept  # the newest ten
    assert manual in kept and migration in kept  # never rotated away
    assert not stale_part.exists()
    auto = sorted((b.created for b in bk.list_backups(folder) if not b.protected), reverse=True)
    recent_weeks = {(now - dt.timedelta(weeks=w)).isocalendar()[:2] for w in range(8)}
    assert recent_weeks <= {c.isocalendar()[:2] for c in auto}
    months = {(c.year, c.month) for c in auto}
    assert months == {(2024 + m // 12, m % 12 + 1) for m in range(24)}  # 2024-01 … 2025-12
    assert len(auto) <= 10 + 9 + 24  # and nothing else


def test_a_busy_week_keeps_its_first_backup_and_the_month_its_first(tmp_path: Path) -> None:
    # Thirty opens on one day after quieter days: the newest ten are that day's, so the week's
    # and the month's backups must be older ones, or a mistake noticed a few days late could
    # only be undone back to this afternoon.
    now = dt.datetime(2025, 12, 12, 18, 0)  # a Friday
    folder = tmp_path / "backups"
    folder.mkdir()
    first_of_month = _fake_backup(folder, dt.datetime(2025, 12, 1, 9, 0))
    monday = _fake_backup(folder, dt.datetime(2025, 12, 8, 9, 0))
    tuesday = _fake_backup(folder, dt.datetime(2025, 12, 9, 9, 0))
    today = [_fake_backup(folder, dt.datetime(2025, 12, 12, 8, 0) + dt.timedelta(minutes=10 * k))
             for k in range(30)]
    removed = bk.rotate(folder, bk.RotationPolicy(last=10, weeks=8, months=24), now=now)
    kept = {b.path for b in bk.list_backups(folder)}
    assert set(today[-10:]) <= kept
    assert monday in kept  # this week's first
    assert first_of_month in kept  # this month's first (and its week's)
    assert tuesday not in kept and tuesday in removed
    assert kept == {*today[-10:], monday, first_of_month}


def test_restore_replaces_the_database_after_backing_it_up(tmp_path: Path) -> None:
    path = tmp_path / "d.sqlite3"
    folder = tmp_path / "backups"
    db = _open(path)
    add_proposal(db, "1", attachment=b"scan one")
    old = bk.make_backup(path, folder, bk.REASON_MANUAL)
    add_proposal(db, "2")
    db.dispose()
    result = bk.restore_database(path, old.path, folder)
    assert numbers(path) == ["1"]
    assert result.previous is not None and result.previous.reason == "恢复前"
    assert numbers(result.previous.path) == ["1", "2"]
    db = _open(path)  # opens, with attachments intact
    with db.session() as s:
        assert s.scalars(select(Blob.data)).all() == [b"scan one"]
    db.dispose()
    bk.restore_database(path, result.previous.path, folder)  # a restore can be undone
    assert numbers(path) == ["1", "2"]


@pytest.mark.parametrize("kind", ["missing", "junk", "empty", "foreign", "newer", "damaged",
                                  "itself", "folder"])
def test_restore_refuses_a_bad_source_and_changes_nothing(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "d.sqlite3"
    db = _open(path)
    add_proposal(db, "1")
    good = bk.make_backup(path, tmp_path / "b", bk.REASON_MANUAL).path
    db.dispose()
    src = tmp_path / f"src-{kind}.sqlite3"
    if kind == "junk":
        src.write_bytes(b"PK\x03\x04 this is a zip, not a database" * 50)
    elif kind == "empty":
        src.write_bytes(b"")
    elif kind == "foreign":
        with sqlite3.connect(src) as conn:
            conn.execute("CREATE TABLE t(x)")
        conn.close()
    elif kind == "newer":
        src.write_bytes(good.read_bytes())
        with sqlite3.connect(src) as conn:
            conn.execute("UPDATE alembic_version SET version_num = '9999'")
        conn.close()
    elif kind == "damaged":
        src.write_bytes(good.read_bytes())
        corrupt(src)
    elif kind == "itself":
        src = path
    elif kind == "folder":
        src = tmp_path
    before = path.read_bytes()
    with pytest.raises(bk.BackupError) as err:
        bk.restore_database(path, src, tmp_path / "backups")
    message = str(err.value)
    assert message.startswith("无法恢复") or "当前数据库本身" in message
    assert path.read_bytes() == before
    assert not (tmp_path / "backups").exists() or kind == "itself"


def test_a_damaged_database_is_refused_with_the_newest_good_backup(tmp_path: Path) -> None:
    path = tmp_path / "d.sqlite3"
    folder = tmp_path / "backups"
    db = _open(path)
    for n in range(40):
        add_proposal(db, str(n), title="关于加强社区养老服务的建议" * 5)
    db.dispose()
    good = bk.make_backup(path, folder, bk.REASON_OPEN)
    corrupt(path)
    assert quick_check_file(path)
    damaged = path.read_bytes()
    bad_copy = folder / bk.backup_name(bk.REASON_OPEN, good.created + dt.timedelta(minutes=1))
    bad_copy.write_bytes(damaged)  # a newer backup that is itself damaged is passed over
    with pytest.raises(DamagedDatabaseError) as err:
        _open(path)
    assert err.value.backup is not None and err.value.backup.path == good.path
    assert "已损坏" in str(err.value) and str(good.path) in str(err.value)
    assert path.read_bytes() == damaged  # untouched, never replaced by an empty database
    # The GUI's way out: restore the offered backup; the damaged file is kept aside.
    result = bk.restore_database(path, err.value.backup.path, folder)
    assert numbers(path) == [str(n) for n in sorted(range(40), key=str)]
    kept = [b for b in bk.list_backups(folder) if b.reason in ("损坏的原文件", "恢复前")]
    assert kept and any(b.path.read_bytes() == damaged for b in kept)
    assert result.previous is not None


def test_cli_backup_restore_check(tmp_path: Path, data_folder: Path) -> None:
    db = Database(f"sqlite:///{data_folder / 'proposal-desk.sqlite3'}")
    add_proposal(db, "1", attachment=b"%PDF scan")
    db.dispose()
    code, out, _ = cli("backup")
    assert code == 0 and "已备份到" in out and "手动" in out
    code, out, _ = cli("backup", str(tmp_path / "nightly.sqlite3"))
    assert code == 0 and (tmp_path / "nightly.sqlite3").exists()
    code, out, _ = cli("backup", str(tmp_path))
    assert code == 0 and str(tmp_path) in out
    (tmp_path / "letter.docx").write_bytes(b"PK not a backup")
    code, _, err = cli("backup", str(tmp_path / "letter.docx"))
    assert code == 2 and "不是提案办理台的备份" in err
    assert (tmp_path / "letter.docx").read_bytes() == b"PK not a backup"
    code, _, err = cli("backup", str(tmp_path / "no" / "such" / "x.sqlite3"))
    assert code == 2 and "不存在" in err

    db = Database(f"sqlite:///{data_folder / 'proposal-desk.sqlite3'}")
    add_proposal(db, "2")
    db.dispose()
    code, out, _ = cli("check")
    assert code == 0 and "检查通过" in out and "SHA-256 全部一致" in out
    code, out, _ = cli("restore", str(tmp_path / "nightly.sqlite3"))
    assert code == 0 and "恢复前的数据已备份到" in out and "检查通过" in out
    assert numbers(data_folder / "proposal-desk.sqlite3") == ["1"]
    code, _, err = cli("restore", str(tmp_path / "missing.sqlite3"))
    assert code == 2 and "不存在" in err


def test_cli_refuses_while_another_program_has_the_database(data_folder: Path) -> None:
    from proposal_desk.storage.instance_lock import InstanceLock

    path = data_folder / "proposal-desk.sqlite3"
    Database(f"sqlite:///{path}").dispose()
    with InstanceLock.for_database(path):
        # Same process, so the lock is shared: the command goes through.
        assert cli("list")[0] == 0
    # A lock held by another process is tested in test_instance_lock.py.
