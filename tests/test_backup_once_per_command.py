"""A command that takes a backup before its work right after opening leaves one copy, not two
identical ones a second apart (the opening's copy is renamed for the work); a merge that is
refused leaves no backup at all."""

from __future__ import annotations

from pathlib import Path

from safety_support import add_proposal, cli
from sqlalchemy import select

from proposal_desk.storage import backup as bk
from proposal_desk.storage.database import Database
from proposal_desk.storage.models import Meeting


def _db(path: Path) -> Database:
    return Database(f"sqlite:///{path}", backup_dir=path.parent / "backups", lock=True)


def test_the_openings_copy_becomes_the_before_backup_when_nothing_was_written(
        tmp_path: Path) -> None:
    path = tmp_path / "d.sqlite3"
    db = _db(path)
    add_proposal(db, "1")
    db.dispose()
    db = _db(path)  # changed since the last backup (none): an opening copy is made
    assert db.backup_made is not None
    info = bk.backup_before(db, bk.REASON_IMPORT)
    db.dispose()
    assert info is not None and info.reason == bk.REASON_IMPORT
    assert [b.reason for b in bk.list_backups(tmp_path / "backups")] == [bk.REASON_IMPORT]


def test_a_write_after_opening_gets_a_copy_of_its_own(tmp_path: Path) -> None:
    path = tmp_path / "d.sqlite3"
    db = _db(path)
    add_proposal(db, "1")
    db.dispose()
    db = _db(path)
    add_proposal(db, "2")
    bk.backup_before(db, bk.REASON_IMPORT)
    db.dispose()
    reasons = sorted(b.reason for b in bk.list_backups(tmp_path / "backups"))
    assert reasons == sorted([bk.REASON_OPEN, bk.REASON_IMPORT])


def test_a_refused_merge_leaves_no_backup(data_folder: Path) -> None:
    path = data_folder / "proposal-desk.sqlite3"
    db = Database(f"sqlite:///{path}")
    add_proposal(db, "1")
    with db.transaction() as s:
        s.add(Meeting(kind="提案", name="区政协十四届五次会议", year=2026))
    db.dispose()
    folder = data_folder / "backups"
    code, _, err = cli("meeting", "merge", "区政协十四届五次会议", "区政协十四届四次会议")
    assert code == 2 and "只能合并同一年度" in err
    assert [b.reason for b in bk.list_backups(folder)] == [bk.REASON_OPEN]
    db = Database(f"sqlite:///{path}", backup_on_open=False)
    try:
        with db.session() as s:
            assert len(s.scalars(select(Meeting)).all()) == 2
    finally:
        db.dispose()
