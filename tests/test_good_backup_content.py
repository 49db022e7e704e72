"""The backup offered as "good" (newest_good_backup: the damaged-database dialog, `check`, a
refusal's restore command) is checked down to its attachments and foreign keys, so a copy of a
database whose attachments were already damaged is never offered; a backup marked as copied
from a database with problems is skipped and never pushes the last good one out of rotation."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from safety_support import add_proposal, cli

from proposal_desk.storage import backup as bk
from proposal_desk.storage.database import Database
from proposal_desk.storage.integrity import check_backup_content


def _db(path: Path) -> Database:
    return Database(f"sqlite:///{path}", backup_dir=path.parent / "backups")


def _damage(path: Path, how: str) -> None:
    conn = sqlite3.connect(path)
    try:
        if how == "blob deleted":
            conn.execute("PRAGMA foreign_keys=OFF")
            conn.execute("DELETE FROM blob")
        elif how == "byte changed":
            conn.execute("UPDATE blob SET data = CAST('%PDF scaN' AS BLOB)")
        else:  # stored as text that is not UTF-8
            conn.execute("UPDATE blob SET data = CAST(X'25504446ff' AS TEXT)")
        conn.commit()
    finally:
        conn.close()


def test_a_copy_with_damaged_attachments_is_not_offered_as_good(tmp_path: Path) -> None:
    path = tmp_path / "d.sqlite3"
    folder = tmp_path / "backups"
    db = _db(path)
    add_proposal(db, "144009", attachment=b"%PDF scan")
    db.dispose()
    good = bk.make_backup(path, folder, bk.REASON_MANUAL,
                          now=dt.datetime.now() - dt.timedelta(hours=1))
    for n, how in enumerate(("blob deleted", "byte changed", "not utf-8")):
        copy = bk.make_backup(path, folder, bk.REASON_OPEN,
                              now=dt.datetime.now() + dt.timedelta(minutes=n))
        _damage(copy.path, how)
        assert bk.verify_backup(copy.path) is None  # its structure is sound
        problem = bk.verify_backup(copy.path, content=True)
        assert problem is not None and "144009" in problem, (how, problem)
        assert bk.newest_good_backup(folder) == good, how


def test_check_names_the_attachment_stored_as_text(tmp_path: Path) -> None:
    path = tmp_path / "d.sqlite3"
    db = _db(path)
    add_proposal(db, "144009", attachment=b"%PDF scan")
    db.dispose()
    _damage(path, "not utf-8")
    problems = [str(p) for p in check_backup_content(path)]
    assert problems == ["【附件】附件内容与其 SHA-256 不符：第144009号“144009.pdf”"]
    code, out, _ = cli("--db", str(path), "check")
    assert code == 1 and "第144009号“144009.pdf”" in out
    assert "decode" not in out and "UTF-8" not in out
    assert "个问题" in out


def test_a_flagged_backup_is_skipped_and_the_last_good_one_survives_rotation(
        tmp_path: Path) -> None:
    path = tmp_path / "d.sqlite3"
    folder = tmp_path / "backups"
    db = _db(path)
    add_proposal(db, "144009")
    db.dispose()
    now = dt.datetime(2026, 11, 22, 9)  # a Sunday: the week's and month's first is older
    bk.make_backup(path, folder, bk.REASON_OPEN, now=now - dt.timedelta(days=3))
    good = bk.make_backup(path, folder, bk.REASON_OPEN, now=now - dt.timedelta(days=2))
    flagged = [bk.flag_problems(bk.make_backup(path, folder, bk.REASON_OPEN,
                                               now=now - dt.timedelta(minutes=m)))
               for m in range(12, 0, -1)]
    assert all(f.flagged and f.reason == bk.REASON_OPEN and "有问题" in f.label
               for f in flagged)
    assert bk.newest_good_backup(folder) == good
    bk.rotate(folder, now=now)
    left = bk.list_backups(folder)
    assert good in left  # the newest backup without the mark: kept however many came after
    assert len([b for b in left if b.flagged]) == 10
