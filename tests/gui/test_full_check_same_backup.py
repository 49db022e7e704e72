"""The full check after opening, when the opening made no copy because the file was not
written since the newest backup: that backup is a copy of this very file, damage and all, so
it is marked 有问题 too and never offered as the good one (its own check, quick_check and the
attachments, passes damage only integrity_check finds)."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from safety_support import add_proposal

from proposal_desk.gui import background_check
from proposal_desk.storage import backup as bk
from proposal_desk.storage.database import Database

from .conftest import full_check_text


@pytest.fixture(autouse=True)
def at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(background_check, "START_DELAY_MS", 0)


def _damage_an_index(path: Path) -> None:
    """An index whose entries no longer match its table: integrity_check sees it,
    quick_check does not."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA writable_schema=ON")
    conn.execute("UPDATE sqlite_master SET sql = 'CREATE INDEX ix_proposal_status ON "
                 "proposal (number)' WHERE name = 'ix_proposal_status'")
    conn.commit()
    conn.close()


def test_the_newest_backup_of_the_unchanged_file_is_marked(
        qtbot: Any, make_window: Any, tmp_path: Path) -> None:
    path, folder = tmp_path / "office.sqlite3", tmp_path / "backups"
    db = Database(f"sqlite:///{path}", backup_dir=folder)
    add_proposal(db, "125018")
    add_proposal(db, "125019")
    db.dispose()
    good = bk.make_backup(path, folder, bk.REASON_MANUAL)
    _damage_an_index(path)
    same = bk.make_backup(path, folder, bk.REASON_MANUAL)  # the damaged file, as it is now
    assert bk.newest_good_backup(folder) == same  # what the clerk would have been offered
    db = Database(f"sqlite:///{path}", backup_dir=folder, lock=True)
    assert db.backup_made is None  # unchanged since `same`: no copy at this opening
    try:
        window = make_window(db)
        text = full_check_text(qtbot, window)
        box = window.full_check_box
        assert "数据库文件内部有损坏" in text
        assert not same.path.exists()
        [flagged] = [b for b in bk.list_backups(folder) if b.flagged]
        assert flagged.created == same.created
        assert "没有改动" in text and flagged.path.name in text
        assert bk.newest_good_backup(folder) == good and good.label in text
        box.close()
    finally:
        db.dispose()
