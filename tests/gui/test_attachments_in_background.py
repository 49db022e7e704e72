"""Large attachments: read, hashed and stored on a worker thread behind the progress dialog,
whether added on the 附件 tab or with a contact record; the core's 200 MB limit refuses a file
with its own message and stores nothing."""

from __future__ import annotations

import hashlib
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QProgressDialog
from sqlalchemy import func, select

from proposal_desk.gui import operations
from proposal_desk.services import handling
from proposal_desk.storage.models import Attachment, Blob, Correspondence

from .conftest import Stand, select_number, wait_loaded


@pytest.fixture
def threads_seen(monkeypatch: pytest.MonkeyPatch) -> list[threading.Thread]:
    """Which thread stored each attachment."""
    seen: list[threading.Thread] = []
    real = handling.add_attachment

    def recording(*args: Any, **kwargs: Any) -> Any:
        seen.append(threading.current_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(handling, "add_attachment", recording)
    return seen


def _count(db: Any, model: Any) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(model)) or 0


def _boxes(widget: Any) -> list[str]:
    return [b.text() for b in widget.window().findChildren(QMessageBox) if b.isVisible()]


def test_a_large_file_is_stored_off_the_ui_thread_behind_the_progress_dialog(
        qtbot: Any, seeded_db: Any, make_window: Any, stand: Stand, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, threads_seen: list[threading.Thread]) -> None:
    window = make_window(seeded_db)
    detail = select_number(qtbot, window, "144026")
    scan = tmp_path / "现场调研录像.mp4"
    content = bytes(range(256)) * (12 * 4096)  # 12 MB
    scan.write_bytes(content)
    # hold the job until the progress dialog is up, so the test sees it without timing
    release = threading.Event()
    real = handling.add_attachment

    def held(*args: Any, **kwargs: Any) -> Any:
        release.wait(30)
        return real(*args, **kwargs)

    monkeypatch.setattr(handling, "add_attachment", held)
    detail.tabs.setCurrentWidget(detail.attachments)
    stand.files_to_pick = [scan]
    qtbot.mouseClick(detail.attachments.add_button, Qt.MouseButton.LeftButton)
    assert not operations.idle()  # the click returned with the file still being stored

    def progress_shown() -> bool:
        return any(d.isVisible() and "正在保存附件" in d.labelText()
                   for d in window.findChildren(QProgressDialog))

    qtbot.waitUntil(progress_shown, timeout=20000)
    release.set()
    qtbot.waitUntil(operations.idle, timeout=30000)
    wait_loaded(qtbot, window)
    assert len(threads_seen) == 1 and threads_seen[0] is not threading.main_thread()
    assert not progress_shown()
    assert detail.attachments.model.rowCount() == 1
    assert detail.attachments.model.cell(0, 0) == "现场调研录像.mp4"
    with seeded_db.session() as s:
        blob = s.scalars(select(Blob)).one()
        assert blob.sha256 == hashlib.sha256(content).hexdigest() and blob.size == len(content)


def test_files_are_read_in_the_worker(qtbot: Any, seeded_db: Any, make_window: Any,
                                      stand: Stand, tmp_path: Path,
                                      threads_seen: list[threading.Thread]) -> None:
    window = make_window(seeded_db)
    detail = select_number(qtbot, window, "144026")
    files = []
    for n in range(3):
        f = tmp_path / f"材料{n}.pdf"
        f.write_bytes(b"%PDF-1.4\n" + bytes([n]) * 300_000)
        files.append(f)
    op = detail.attachments.add_files(files)
    assert op is not None
    qtbot.waitUntil(operations.idle, timeout=30000)
    wait_loaded(qtbot, window)
    assert len(threads_seen) == 3
    assert all(t is not threading.main_thread() for t in threads_seen)
    assert detail.attachments.model.rowCount() == 3
    assert _count(seeded_db, Attachment) == 3


def test_the_core_refuses_a_file_over_200_mb_and_stores_nothing(
        qtbot: Any, seeded_db: Any, make_window: Any, stand: Stand, tmp_path: Path) -> None:
    window = make_window(seeded_db)
    detail = select_number(qtbot, window, "144026")
    small = tmp_path / "说明.txt"
    small.write_text("办理说明", encoding="utf-8")
    huge = tmp_path / "整盘扫描.iso"
    with huge.open("wb") as fh:  # sparse: no disk used, the size is what counts
        fh.truncate(handling.MAX_ATTACHMENT_BYTES + 1024 * 1024)
    detail.attachments.add_files([small, huge])
    qtbot.waitUntil(lambda: operations.idle() and bool(_boxes(detail)), timeout=30000)
    assert any("整盘扫描.iso" in t and "超过 200 MB 上限" in t for t in _boxes(detail))
    assert _count(seeded_db, Attachment) == 0 and _count(seeded_db, Blob) == 0  # not even 说明


def test_a_record_with_files_is_saved_in_the_worker_and_stays_open_when_refused(
        qtbot: Any, seeded_db: Any, make_window: Any, stand: Stand, tmp_path: Path,
        threads_seen: list[threading.Thread]) -> None:
    window = make_window(seeded_db)
    detail = select_number(qtbot, window, "144026")
    dialog = detail.records.new_record()
    ui = dialog.ui
    ui.methodBox.setCurrentText("电话")
    ui.contentEdit.setPlainText("电话沟通办理思路。")
    huge = tmp_path / "录音.wav"
    with huge.open("wb") as fh:
        fh.truncate(handling.MAX_ATTACHMENT_BYTES + 1)
    minutes = tmp_path / "记录.docx"
    minutes.write_bytes(b"PK" + b"0" * 50_000)
    dialog.add_files([minutes, huge])
    save = ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert dialog.saving is not None and not ui.buttonBox.isEnabled()
    qtbot.waitUntil(lambda: dialog.saving is None, timeout=30000)
    assert dialog.isVisible() and ui.buttonBox.isEnabled()  # refused: still open, as typed
    assert any("录音.wav" in t and "超过 200 MB 上限" in t for t in _boxes(dialog))
    assert ui.contentEdit.toPlainText() == "电话沟通办理思路。"
    assert _count(seeded_db, Correspondence) == 0 and _count(seeded_db, Attachment) == 0

    ui.attachmentList.setCurrentRow(1)
    qtbot.mouseClick(ui.removeFileButton, Qt.MouseButton.LeftButton)
    assert ui.attachmentList.count() == 1
    with qtbot.waitSignal(dialog.finished, timeout=30000):
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    wait_loaded(qtbot, window)
    assert threads_seen and all(t is not threading.main_thread() for t in threads_seen)
    assert detail.records.model.rowCount() == 1 and detail.records.model.cell(0, 6) == "1"
    with seeded_db.session() as s:
        assert [a.original_name for a in s.scalars(select(Attachment))] == ["记录.docx"]


def test_opening_and_saving_a_copy_run_in_the_worker(
        qtbot: Any, seeded_db: Any, make_window: Any, stand: Stand, tmp_path: Path) -> None:
    window = make_window(seeded_db)
    detail = select_number(qtbot, window, "144026")
    source = tmp_path / "批复.pdf"
    source.write_bytes(b"%PDF-1.4\n" + b"7" * 500_000)
    detail.attachments.add_files([source])
    qtbot.waitUntil(operations.idle, timeout=30000)
    wait_loaded(qtbot, window)
    detail.tabs.setCurrentWidget(detail.attachments)
    detail.attachments.table.selectRow(0)
    stand.save_path = tmp_path / "copy" / "批复副本.pdf"
    stand.save_path.parent.mkdir()
    op = detail.attachments._save_copy()
    assert op is not None
    qtbot.waitUntil(operations.idle, timeout=30000)
    assert stand.save_path.read_bytes() == source.read_bytes()
    detail.attachments.open_selected()
    qtbot.waitUntil(lambda: bool(stand.opened) and operations.idle(), timeout=30000)
    assert stand.opened[-1].name == "批复.pdf"
    assert stand.opened[-1].read_bytes() == source.read_bytes()
