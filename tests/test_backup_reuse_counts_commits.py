"""The opening's copy stands in for a before-work backup only when nothing was committed since:
the commit count decides even when the file's times cannot tell (a write within the same
second as the copy, on a file system with coarse times)."""

from __future__ import annotations

from pathlib import Path

import pytest
from safety_support import add_proposal

from proposal_desk.storage import backup as bk
from proposal_desk.storage.database import Database


def test_a_commit_after_opening_gets_a_copy_of_its_own_even_within_the_second(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "d.sqlite3"
    folder = tmp_path / "backups"
    db = Database(f"sqlite:///{path}", backup_dir=folder)
    add_proposal(db, "1")
    db.dispose()
    db = Database(f"sqlite:///{path}", backup_dir=folder, lock=True)
    try:
        opening = db.backup_made
        assert opening is not None
        add_proposal(db, "2")  # committed after the opening's copy
        monkeypatch.setattr(bk, "changed_since_last_backup", lambda *_a: False)
        info = bk.backup_before(db, bk.REASON_IMPORT)
    finally:
        db.dispose()
    assert info is not None and info.path != opening.path and opening.path.exists()
    assert sorted(b.reason for b in bk.list_backups(folder)) == sorted(
        [bk.REASON_OPEN, bk.REASON_IMPORT])
