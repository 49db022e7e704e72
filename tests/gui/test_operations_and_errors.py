"""Background jobs and the crash handler: results come back on the UI thread, a slow job shows
progress, and every failure becomes a dialog — with the traceback in the log file."""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QPushButton, QWidget
from sqlalchemy.orm.exc import StaleDataError

from proposal_desk import logs
from proposal_desk.gui import errors, operations
from proposal_desk.storage.errors import ConflictError, UserError


def _boxes(parent: QWidget) -> list[QMessageBox]:
    return [b for b in parent.findChildren(QMessageBox) if b.isVisible()]


def _all_boxes() -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]


@pytest.fixture
def fresh_log() -> Iterator[None]:
    """Logging set up for this test's data folder (the program does it once per process)."""
    root = logging.getLogger()
    old = [h for h in root.handlers if isinstance(h, logs.LogFile)]
    for handler in old:
        root.removeHandler(handler)
    logs._configured = False
    yield
    for handler in [h for h in root.handlers if isinstance(h, logs.LogFile)]:
        root.removeHandler(handler)
        handler.close()
    for handler in old:
        root.addHandler(handler)


def test_a_job_runs_off_the_ui_thread_and_reports_back(qtbot: Any) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    seen: dict[str, Any] = {}

    def job(progress: operations.Progress) -> str:
        seen["thread"] = threading.current_thread()
        progress.update(1, 2, "一半")
        return "完成"

    op = operations.run_in_background(parent, job, label="测试",
                                      on_success=lambda r: seen.update(r=r))
    with qtbot.waitSignal(op.ended, timeout=5000):
        pass
    qtbot.waitUntil(lambda: "r" in seen)
    assert seen["r"] == "完成"
    assert seen["thread"] is not threading.main_thread()
    assert operations.idle()


def test_a_slow_job_shows_progress_and_can_be_cancelled(qtbot: Any) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    release = threading.Event()
    result: dict[str, Any] = {}

    def job(progress: operations.Progress) -> bool:
        progress.update(3, 10, "第3行")
        release.wait(10)
        return progress.cancelled

    operations.run_in_background(parent, job, label="正在导入…", cancellable=True,
                                 on_success=lambda r: result.update(cancelled=r))
    qtbot.waitUntil(lambda: any(d.isVisible() for d in parent.findChildren(QProgressDialog)),
                    timeout=5000)
    dialog = next(d for d in parent.findChildren(QProgressDialog) if d.isVisible())
    assert "正在导入" in dialog.labelText() and "第3行" in dialog.labelText()
    assert dialog.maximum() == 10 and dialog.value() == 3
    cancel = dialog.findChild(QPushButton)
    assert cancel.text() == "取消"
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    release.set()
    qtbot.waitUntil(lambda: "cancelled" in result, timeout=5000)
    assert result["cancelled"] is True
    qtbot.waitUntil(lambda: not any(d.isVisible()
                                    for d in parent.findChildren(QProgressDialog)))


def test_a_users_error_in_a_job_is_a_plain_message(qtbot: Any) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)

    def job(_p: operations.Progress) -> None:
        raise UserError("文件「清单.xlsx」第5行：日期无法识别")

    operations.run_in_background(parent, job, label="测试")
    qtbot.waitUntil(lambda: bool(_boxes(parent)), timeout=5000)
    box = _boxes(parent)[0]
    assert box.text() == "文件「清单.xlsx」第5行：日期无法识别"
    assert box.icon() == QMessageBox.Icon.Warning


def test_an_unexpected_error_is_logged_with_its_traceback(qtbot: Any, fresh_log: None) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)

    def job(_p: operations.Progress) -> None:
        raise ZeroDivisionError("division by zero in job_under_test")

    operations.run_in_background(parent, job, label="测试")
    qtbot.waitUntil(lambda: bool(_boxes(parent)), timeout=5000)
    box = _boxes(parent)[0]
    assert box.icon() == QMessageBox.Icon.Critical
    assert "ZeroDivisionError" in box.text()
    assert str(logs.log_file()) in box.informativeText()
    assert "job_under_test" in box.detailedText()
    for handler in logging.getLogger().handlers:
        handler.flush()
    assert "job_under_test" in logs.log_file().read_text(encoding="utf-8")


def test_stale_saves_say_someone_else_changed_it() -> None:
    assert errors.describe(StaleDataError("x"))[0] == "已被他人修改"
    assert errors.describe(ConflictError("第1号已被他人修改"))[1] == "第1号已被他人修改"
    assert errors.describe(OSError(28, "No space left on device", "x.docx"))[0] == "文件操作失败"


def test_exceptions_from_any_thread_reach_the_dialog(qtbot: Any) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    saved = (sys.excepthook, threading.excepthook)
    errors.install()
    try:
        def worker() -> None:
            raise RuntimeError("boom from a thread")

        thread = threading.Thread(target=worker)
        thread.start()
        thread.join()
        qtbot.waitUntil(lambda: any("boom from a thread" in b.text() for b in _all_boxes()),
                        timeout=5000)
        try:
            raise KeyError("from the ui thread")
        except KeyError:
            sys.excepthook(*sys.exc_info())
        qtbot.waitUntil(lambda: any("from the ui thread" in b.text() for b in _all_boxes()),
                        timeout=5000)
    finally:
        sys.excepthook, threading.excepthook = saved


def test_jobs_ending_amid_fast_progress_behind_a_shown_dialog(
        qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    # Two jobs at a time, each flooding progress while its dialog is up and then ending: a
    # modal dialog's setValue ran the event loop, where the job's end closed the dialog under
    # it, and each job's own sender was deleted on the worker thread — both crashed the
    # program (a segmentation fault in the UI thread).
    monkeypatch.setattr(operations, "SHOW_AFTER_MS", 0)
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    ended: list[int] = []
    errors_seen: list[str] = []
    monkeypatch.setattr(sys, "excepthook", lambda *exc: errors_seen.append(repr(exc[1])))

    def job(progress: operations.Progress) -> int:
        for i in range(300):
            progress.update(i, 300, f"第{i}行")
        return 1

    def start() -> None:
        operations.run_in_background(parent, job, label="正在生成…", on_success=on_done)

    def on_done(_result: int) -> None:
        ended.append(1)
        if len(ended) < 120:
            start()

    start()
    start()
    qtbot.waitUntil(lambda: len(ended) >= 121 and operations.idle(), timeout=60000)
    assert errors_seen == []
    assert not any(d.isVisible() for d in parent.findChildren(QProgressDialog))


def test_progress_never_goes_through_the_modal_dialogs_set_value(
        qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    # A modal QProgressDialog's setValue runs the event loop, where the job's end could close
    # the dialog under that very call: values go to the dialog's own bar instead.
    monkeypatch.setattr(operations, "SHOW_AFTER_MS", 0)
    called: list[int] = []
    monkeypatch.setattr(QProgressDialog, "setValue", lambda _self, v: called.append(v))
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    release = threading.Event()

    def job(progress: operations.Progress) -> None:
        progress.update(4, 10, "第4行")
        release.wait(10)

    operations.run_in_background(parent, job, label="正在导入…")
    qtbot.waitUntil(lambda: any(d.isVisible() and d.value() == 4
                                for d in parent.findChildren(QProgressDialog)), timeout=5000)
    release.set()
    qtbot.waitUntil(operations.idle, timeout=5000)
    assert called == []
