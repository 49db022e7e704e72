"""The full check on every open runs beside the window once it is up (gui/background_check.py):
a missing or altered attachment, which the quick check before the window cannot see, is named
in a non-modal message that says the file was not changed and offers the newest good backup;
this opening's copy is marked 有问题; nothing is read after the window closes."""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from safety_support import add_proposal

from proposal_desk.gui import background_check
from proposal_desk.storage import backup as bk
from proposal_desk.storage.database import Database

from .conftest import full_check_text


@pytest.fixture(autouse=True)
def at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(background_check, "START_DELAY_MS", 0)


def _file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _office(tmp_path: Path) -> tuple[Path, bk.BackupInfo]:
    path = tmp_path / "office.sqlite3"
    db = Database(f"sqlite:///{path}", backup_dir=tmp_path / "backups")
    add_proposal(db, "125018", attachment=b"\xff\xd8 photo")
    add_proposal(db, "125019")
    db.dispose()
    return path, bk.make_backup(path, tmp_path / "backups", bk.REASON_MANUAL)


def test_a_missing_attachment_is_told_without_blocking_the_window(
        qtbot: Any, make_window: Any, tmp_path: Path) -> None:
    path, good = _office(tmp_path)
    conn = sqlite3.connect(path)
    conn.execute("DELETE FROM blob")  # the attachment's content is gone
    conn.commit()
    conn.close()
    db = Database(f"sqlite:///{path}", backup_dir=tmp_path / "backups", lock=True)
    opening_copy = db.backup_made
    assert opening_copy is not None
    try:
        window = make_window(db)
        text = full_check_text(qtbot, window)
        box = window.full_check_box
        assert "第125018号的附件“125018.pdf”内容缺失" in text
        assert "程序没有改动数据库文件" in text
        assert good.label in text and "数据和备份" in text
        assert box.windowModality() == Qt.WindowModality.NonModal and box.isVisible()
        assert window.isEnabled()
        assert "database" not in box.text().lower()
        # This opening's copy holds the same damage: marked, never offered as good.
        assert not opening_copy.path.exists()
        [flagged] = [b for b in bk.list_backups(tmp_path / "backups") if b.flagged]
        assert flagged.created == opening_copy.created
        assert bk.newest_good_backup(tmp_path / "backups") == good
        before = _file_hash(path)
        box.close()
    finally:
        db.dispose()
    assert _file_hash(path) == before


def test_a_sound_database_says_nothing(qtbot: Any, make_window: Any, tmp_path: Path) -> None:
    path, _good = _office(tmp_path)
    db = Database(f"sqlite:///{path}", backup_dir=tmp_path / "backups", lock=True)
    try:
        window = make_window(db)
        qtbot.waitUntil(lambda: window.full_check is not None
                        and not window.full_check.is_alive(), timeout=20000)
        qtbot.wait(50)
        assert getattr(window, "full_check_box", None) is None
        assert not [b for b in bk.list_backups(tmp_path / "backups") if b.flagged]
    finally:
        db.dispose()


def test_closing_the_window_stops_the_check(qtbot: Any, make_window: Any, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    path, _good = _office(tmp_path)
    started = threading.Event()

    def endless(engine: Any, location: str) -> Any:
        started.set()
        with engine.connect() as conn:  # a statement SQLite only ends when interrupted
            conn.exec_driver_sql(
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) "
                "SELECT count(*) FROM n").fetchall()
        raise AssertionError("not interrupted")

    from proposal_desk.storage import integrity

    monkeypatch.setattr(integrity, "check_file_thoroughly", endless)
    db = Database(f"sqlite:///{path}", backup_dir=tmp_path / "backups", lock=True)
    try:
        window = make_window(db)
        qtbot.waitUntil(started.is_set, timeout=20000)
        check = window.full_check
        assert check.is_alive()
        window.close()
        assert not check.is_alive()  # interrupted and ended within the close
        assert getattr(window, "full_check_box", None) is None
    finally:
        db.dispose()
