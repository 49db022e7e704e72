"""设置 › 数据与备份: restoring a backup from the window. The user is asked (and told the current
state is backed up first); the database is let go, restored, reopened and checked; every view
reads again; a refused restore leaves the data as it was; 立即备份 still works."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from proposal_desk.gui import operations
from proposal_desk.services import handling
from proposal_desk.services.queries import load_proposal
from proposal_desk.storage.backup import REASON_MANUAL, REASON_RESTORE, list_backups, make_backup
from proposal_desk.storage.models import Proposal

from .conftest import Stand, select_number, wait_loaded

ORIGINAL = "关于加强食品安全监管的建议"
CHANGED = "关于加强食品安全监管的建议（误改）"


@pytest.fixture
def backed_up(seeded_db: Any) -> Any:
    """A manual backup of the three proposals, then a change made after it."""
    make_backup(seeded_db.sqlite_path, seeded_db.backup_dir, REASON_MANUAL,
                now=dt.datetime(2025, 4, 1, 9, 30))
    with seeded_db.transaction() as s:
        p = load_proposal(s, s.scalar(select(Proposal.id).where(Proposal.number == "144026")))
        p.title = CHANGED
        handling.add_record(p, date=dt.date(2025, 4, 2), method="电话")
    return seeded_db


@pytest.fixture
def dispose_later() -> Any:
    opened: list[Any] = []
    yield opened.append
    for db in opened:
        db.dispose()


def _boxes(widget: Any) -> list[QMessageBox]:
    return [b for b in widget.findChildren(QMessageBox) if b.isVisible()]


def _title(db: Any, number: str) -> str:
    with db.session() as s:
        return s.scalar(select(Proposal.title).where(Proposal.number == number))


def test_restore_a_listed_backup_and_every_view_follows(
        qtbot: Any, backed_up: Any, make_window: Any, stand: Stand,
        dispose_later: Any) -> None:
    window = make_window(backed_up)
    detail = select_number(qtbot, window, "144026")
    assert detail.basic.ui.titleEdit.text() == CHANGED
    assert detail.records.model.rowCount() == 1
    dialog = window.open_settings("data")
    ui = dialog.ui
    assert ui.tabs.currentIndex() == 5
    labels = [ui.backupList.item(n).text() for n in range(ui.backupList.count())]
    assert labels and labels[0].startswith("2025年4月1日 09:30:00（手动）")
    assert "保留最近10份，以及近8周每周、近24个月每月的第一份" in ui.backupHint.text()
    assert not ui.restoreButton.isEnabled()  # nothing chosen yet
    ui.backupList.setCurrentRow(0)
    assert ui.restoreButton.isEnabled() and ui.backupNowButton.isEnabled()

    old_db = window.ctx.db
    qtbot.mouseClick(ui.restoreButton, Qt.MouseButton.LeftButton)
    assert "恢复前" in stand.confirms[-1] and "2025年4月1日 09:30:00（手动）" in stand.confirms[-1]
    qtbot.waitUntil(lambda: window.ctx.db is not old_db and operations.idle(), timeout=30000)
    dispose_later(window.ctx.db)
    wait_loaded(qtbot, window)

    # the window reads the restored data everywhere
    assert detail.basic.ui.titleEdit.text() == ORIGINAL
    assert detail.records.model.rowCount() == 0
    assert {r.title for r in window.snapshot.rows if r.number == "144026"} == {ORIGINAL}
    assert _title(window.ctx.db, "144026") == ORIGINAL
    # the state before the restore was kept, and the list shows it
    before = [b for b in list_backups(backed_up.backup_dir) if b.reason == REASON_RESTORE]
    assert len(before) == 1
    conn = sqlite3.connect(before[0].path)
    try:
        assert conn.execute("SELECT title FROM proposal WHERE number = '144026'"
                            ).fetchone() == (CHANGED,)
    finally:
        conn.close()
    assert any("恢复前" in ui.backupList.item(n).text() for n in range(ui.backupList.count()))
    notice = next(b for b in _boxes(dialog) if b.windowTitle() == "恢复完成")
    assert str(before[0].path) in notice.informativeText()
    # and the window writes to the restored file
    detail.basic.ui.notesEdit.setPlainText("恢复后补记")
    assert detail.save() is True
    with window.ctx.db.session() as s:
        assert s.scalar(select(Proposal.notes).where(Proposal.number == "144026")) == "恢复后补记"


def test_saying_no_or_a_bad_file_changes_nothing(
        qtbot: Any, backed_up: Any, make_window: Any, stand: Stand, tmp_path: Path,
        dispose_later: Any) -> None:
    window = make_window(backed_up)
    dialog = window.open_settings("data")
    dialog.ui.backupList.setCurrentRow(0)
    stand.confirm_answer = False
    old_db = window.ctx.db
    assert dialog.restore_selected() is None
    assert window.ctx.db is old_db and _title(old_db, "144026") == CHANGED

    stand.confirm_answer = True
    junk = tmp_path / "U盘" / "备份.sqlite3"
    junk.parent.mkdir()
    junk.write_bytes(b"this is not a backup" * 50)
    stand.files_to_pick = [junk]
    qtbot.mouseClick(dialog.ui.restoreFileButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: operations.idle() and bool(_boxes(dialog)), timeout=30000)
    dispose_later(window.ctx.db)
    assert any("无法恢复" in b.text() and "当前数据库没有改动" in b.text() for b in _boxes(dialog))
    assert dialog.isEnabled()
    assert _title(window.ctx.db, "144026") == CHANGED  # reopened, unchanged, and working
    assert not [b for b in list_backups(backed_up.backup_dir) if b.reason == REASON_RESTORE]


def test_unsaved_edits_are_settled_before_a_restore(
        qtbot: Any, backed_up: Any, make_window: Any, stand: Stand) -> None:
    window = make_window(backed_up)
    detail = select_number(qtbot, window, "144026")
    detail.basic.ui.notesEdit.setPlainText("还没保存的备注")
    dialog = window.open_settings("data")
    dialog.ui.backupList.setCurrentRow(0)
    stand.save_choice = "cancel"
    assert dialog.restore_selected() is None
    assert stand.save_questions == ["第144026号"] and stand.confirms == []
    assert detail.is_dirty() and window.ctx.db is backed_up


def test_backup_now_is_kept(qtbot: Any, backed_up: Any, make_window: Any) -> None:
    window = make_window(backed_up)
    dialog = window.open_settings("data")
    count = dialog.ui.backupList.count()
    qtbot.mouseClick(dialog.ui.backupNowButton, Qt.MouseButton.LeftButton)
    assert dialog.ui.backupList.count() == count + 1
    assert any(b.windowTitle() == "备份完成" for b in _boxes(dialog))
    manual = [b for b in list_backups(backed_up.backup_dir) if b.reason == REASON_MANUAL]
    assert len(manual) == 2
