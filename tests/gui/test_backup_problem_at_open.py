"""A failed automatic copy at opening (a full disk) does not lock the clerk out, and the window
says so, as the command line does, instead of opening in silence."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from safety_support import add_proposal

from proposal_desk.gui import background_check
from proposal_desk.storage import database
from proposal_desk.storage.backup import BackupError
from proposal_desk.storage.database import Database

FULL = "磁盘空间已满，备份没有写完"


@pytest.fixture(autouse=True)
def no_full_check(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(background_check, "START_DELAY_MS", 10_000_000)


def _open(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, *, fails: bool) -> Database:
    path = tmp_path / "office.sqlite3"
    db = Database(f"sqlite:///{path}", backup_dir=tmp_path / "backups")
    add_proposal(db, "125018")
    db.dispose()

    def full_disk(*_a: Any, **_k: Any) -> None:
        raise BackupError(FULL)

    if fails:
        monkeypatch.setattr(database, "automatic_backup", full_disk)
    return Database(f"sqlite:///{path}", backup_dir=tmp_path / "backups", lock=True)


def test_a_failed_copy_at_opening_is_told(qtbot: Any, make_window: Any, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    db = _open(tmp_path, monkeypatch, fails=True)
    try:
        window = make_window(db)
        box = window.backup_problem_box
        assert box.isVisible() and window.isEnabled()
        assert f"打开时的自动备份没有完成：{FULL}" in box.text()
        assert "立即备份" in box.informativeText()
        assert FULL in window.statusBar().currentMessage()
        box.close()
    finally:
        db.dispose()


def test_a_good_copy_says_nothing(qtbot: Any, make_window: Any, tmp_path: Path,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    db = _open(tmp_path, monkeypatch, fails=False)
    try:
        window = make_window(db)
        assert getattr(window, "backup_problem_box", None) is None
    finally:
        db.dispose()
