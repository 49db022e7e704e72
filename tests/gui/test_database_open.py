"""Starting on a database that cannot be opened: a damaged file gets a dialog that explains and
restores the newest good backup (or another file), never a new empty database; a locked, newer
or foreign one gets a plain message with 重试 or 退出 — never a traceback."""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget
from safety_support import add_proposal, corrupt, numbers

from proposal_desk.gui.app import EXIT_OPEN_FAILED, run_gui
from proposal_desk.gui.database_open import (
    DamagedDatabaseDialog,
    backup_folder,
    open_database,
    open_with_recovery,
)
from proposal_desk.storage.backup import REASON_DAMAGED, REASON_OPEN, list_backups, make_backup
from proposal_desk.storage.integrity import DamagedDatabaseError

from .conftest import Stand

HOLDER = """
import sys
from proposal_desk.storage.instance_lock import InstanceLock
lock = InstanceLock.for_database(sys.argv[1]).acquire()
print("held", flush=True)
sys.stdin.read()
"""


def answer(kind: type[QWidget], *steps: Callable[[Any], bool | None]) -> list[str]:
    """Drive dialogs that run their own event loop (exec): each step is called with the next
    visible top-level widget of `kind`; a step returning False is tried again later. After
    20 s everything still open is rejected, so a failing test ends instead of hanging."""
    seen: list[str] = []
    pending = list(steps)
    state = {"ticks": 0, "last": None}

    def poll() -> None:
        state["ticks"] += 1
        if state["ticks"] > 2000:
            for w in QApplication.topLevelWidgets():
                if isinstance(w, QDialog) and w.isVisible():
                    w.reject()
            return
        if not pending:
            return
        found = next((w for w in QApplication.topLevelWidgets()
                      if isinstance(w, kind) and w.isVisible() and w is not state["last"]), None)
        if found is not None:
            seen.append(found.windowTitle() + "\n" + (
                found.text() if isinstance(found, QMessageBox) else ""))
            if pending[0](found) is not False:
                pending.pop(0)
                state["last"] = found
        QTimer.singleShot(10, poll)

    QTimer.singleShot(0, poll)
    return seen


def click(box: QMessageBox, text: str) -> None:
    next(b for b in box.buttons() if b.text() == text).click()


@pytest.fixture
def damaged(tmp_path: Path) -> Iterator[dict[str, Any]]:
    """An office database of 40 proposals with a good backup, then damaged on disk."""
    data = tmp_path / "data"
    path = tmp_path / "office.sqlite3"
    url = f"sqlite:///{path}"
    db = open_database(url, data)
    for n in range(40):
        add_proposal(db, str(n), title="关于加强社区养老服务的建议" * 5)
    db.dispose()
    folder = backup_folder(url, data)
    good = make_backup(path, folder, REASON_OPEN)
    corrupt(path)
    yield {"url": url, "data": data, "path": path, "folder": folder, "good": good,
           "bytes": path.read_bytes()}


def _expected() -> list[str]:
    return [str(n) for n in sorted(range(40), key=str)]


def test_the_newest_good_backup_is_offered_and_restored(qapp: Any, damaged: dict[str, Any]
                                                        ) -> None:
    texts: dict[str, str] = {}

    def restore(dialog: DamagedDatabaseDialog) -> None:
        ui = dialog.ui
        texts.update(file=ui.fileLabel.text(), explain=ui.explainLabel.text(),
                     backup=ui.backupLabel.text(), details=ui.detailsView.toPlainText())
        assert ui.restoreButton.isEnabled()
        ui.restoreButton.click()

    answer(DamagedDatabaseDialog, restore)
    opened = open_with_recovery(damaged["url"], damaged["data"])
    assert opened is not None
    try:
        assert str(damaged["path"]) in texts["file"]
        assert "已经损坏" in texts["explain"] and "不会新建一个空数据库" in texts["explain"]
        assert damaged["good"].label in texts["backup"]
        assert "之后所做的修改将会丢失" in texts["backup"]
        # SQLite's findings only: the dialog's own sentences are not said a second time there
        assert texts["details"].strip() and "最近一份完好的备份" not in texts["details"]
        assert "程序没有改动这个文件" not in texts["details"]
        assert opened.restored is not None
        assert opened.restored.restored_from == damaged["good"].path
    finally:
        opened.db.dispose()
    assert numbers(damaged["path"]) == _expected()
    kept = [b for b in list_backups(damaged["folder"]) if b.reason == REASON_DAMAGED]
    assert [b.path.read_bytes() for b in kept] == [damaged["bytes"]]  # byte for byte


def test_quitting_leaves_the_damaged_file_as_it_was(qapp: Any, damaged: dict[str, Any]) -> None:
    answer(DamagedDatabaseDialog, lambda d: d.ui.quitButton.click())
    assert open_with_recovery(damaged["url"], damaged["data"]) is None
    assert damaged["path"].read_bytes() == damaged["bytes"]
    assert not [b for b in list_backups(damaged["folder"]) if b.reason == REASON_DAMAGED]


def test_the_window_start_quits_cleanly_on_a_damaged_file(qapp: Any, damaged: dict[str, Any]
                                                          ) -> None:
    answer(DamagedDatabaseDialog, lambda d: d.ui.quitButton.click())
    args = argparse.Namespace(db=str(damaged["path"]), demo=False, smoke_test=False)
    assert run_gui(args) == EXIT_OPEN_FAILED
    assert damaged["path"].read_bytes() == damaged["bytes"]


def test_without_a_backup_another_file_can_be_chosen(qtbot: Any, damaged: dict[str, Any],
                                                     stand: Stand, tmp_path: Path) -> None:
    usb = tmp_path / "U盘" / "提案备份.sqlite3"
    usb.parent.mkdir()
    shutil.move(damaged["good"].path, usb)
    with pytest.raises(DamagedDatabaseError) as err:
        open_database(damaged["url"], damaged["data"])
    assert err.value.backup is None
    dialog = DamagedDatabaseDialog(err.value, damaged["folder"])
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.ui.restoreButton.isEnabled()
    assert dialog.ui.backupGroup.title() == "没有找到完好的备份"
    # a file that is no backup: refused with its reason, the dialog stays
    junk = tmp_path / "U盘" / "照片.sqlite3"
    junk.write_bytes(b"\x89PNG" + b"0" * 5000)
    stand.files_to_pick = [junk]
    dialog.ui.chooseButton.click()
    qtbot.waitUntil(lambda: dialog.restoring is None, timeout=20000)
    boxes = [b.text() for b in dialog.findChildren(QMessageBox) if b.isVisible()]
    assert any("无法恢复" in t and "照片.sqlite3" in t for t in boxes)
    assert dialog.isVisible() and damaged["path"].read_bytes() == damaged["bytes"]
    stand.files_to_pick = [usb]
    with qtbot.waitSignal(dialog.accepted, timeout=20000):
        dialog.ui.chooseButton.click()
    assert dialog.result_info is not None and dialog.result_info.restored_from == usb
    assert numbers(damaged["path"]) == _expected()


def test_a_database_held_by_another_program_offers_retry(qapp: Any, tmp_path: Path) -> None:
    path = tmp_path / "office.sqlite3"
    url = f"sqlite:///{path}"
    open_database(url, tmp_path).dispose()
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(path)],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "held"

        def release_then_retry(box: QMessageBox) -> None:
            proc.kill()
            proc.wait()
            click(box, "重试")

        seen = answer(QMessageBox, lambda box: click(box, "重试"), release_then_retry)
        opened = open_with_recovery(url, tmp_path)
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait()
    assert opened is not None
    opened.db.dispose()
    assert len(seen) == 2
    assert all("数据库正在使用" in s and f"进程 {proc.pid}" in s for s in seen)


def test_a_newer_or_foreign_database_gets_a_message_not_a_traceback(qapp: Any,
                                                                   tmp_path: Path) -> None:
    import sqlite3

    newer = tmp_path / "newer.sqlite3"
    open_database(f"sqlite:///{newer}", tmp_path).dispose()
    with sqlite3.connect(newer) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    before = newer.read_bytes()
    seen = answer(QMessageBox, lambda box: click(box, "退出"))
    assert open_with_recovery(f"sqlite:///{newer}", tmp_path) is None
    assert "需要新版本的提案办理台" in seen[0] and newer.read_bytes() == before

    foreign = tmp_path / "账本.sqlite3"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE ledger (id INTEGER)")
    before = foreign.read_bytes()
    seen = answer(QMessageBox, lambda box: click(box, "退出"))
    assert open_with_recovery(f"sqlite:///{foreign}", tmp_path) is None
    assert "无法打开数据库" in seen[0] and "不是提案办理台的数据库" in seen[0]
    assert foreign.read_bytes() == before
