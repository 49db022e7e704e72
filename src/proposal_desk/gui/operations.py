"""One helper for every slow job (loading lists, import, export, documents): run it on a
worker thread, show a progress dialog when it takes over half a second, and hand the result
back on the UI thread — after Anki's CollectionOp/QueryOp.

The job is a plain function `fn(progress) -> result`; it opens its own session (SQLAlchemy
sessions are not shared between threads) and may call `progress.update(done, total, text)`.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal, Slot
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from PySide6.QtWidgets import QProgressDialog

log = logging.getLogger(__name__)

SHOW_AFTER_MS = 500  # anything slower than this gets a progress dialog

_pool: QThreadPool | None = None
_active: set[Operation] = set()


def pool() -> QThreadPool:
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setMaxThreadCount(2)
    return _pool


def idle() -> bool:
    """True when no background job is running (tests and --smoke-test wait for this)."""
    return not _active


def wait_all(timeout_ms: int = 30000) -> bool:
    return pool().waitForDone(timeout_ms)


class Progress:
    """Handed to the job: report progress, and see whether the user pressed 取消."""

    def __init__(self, signals: _Signals) -> None:
        self._signals = signals
        self._cancel = threading.Event()

    def update(self, done: int, total: int, text: str = "") -> None:
        self._signals.progress.emit(int(done), int(total), text)

    def __call__(self, done: int, total: int) -> None:  # as a plain (done, total) callback
        self.update(done, total)

    def staged(self, stage: str, done: int, total: int) -> bool:
        """As a (stage, done, total) callback that returns False once 取消 was pressed."""
        self.update(done, total, stage)
        return not self.cancelled

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()


class _Signals(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(object)


class _Runner(QRunnable):
    def __init__(self, fn: Callable[[Progress], Any], progress: Progress,
                 signals: _Signals) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._fn = fn
        self._progress = progress
        self._signals = signals

    def run(self) -> None:
        try:
            result = self._fn(self._progress)
        except BaseException as exc:  # handed to the UI thread's error dialog
            self._signals.failed.emit(exc)
        else:
            self._signals.finished.emit(result)


class Operation(QObject):
    """A job in flight. Keep no reference: the module holds it until it ends."""

    ended = Signal()
    progressed = Signal(int, int, str)  # done, total, text — for pages with their own bar

    def __init__(self, parent: QWidget | None, fn: Callable[[Progress], Any], *,
                 label: str, on_success: Callable[[Any], None] | None = None,
                 on_failure: Callable[[BaseException], None] | None = None,
                 cancellable: bool = False, show_progress: bool = True) -> None:
        super().__init__()
        self._parent = parent
        self._fn = fn
        self._label = label
        self._on_success = on_success
        self._on_failure = on_failure
        self._cancellable = cancellable
        self._show_progress = show_progress
        self._dialog: QProgressDialog | None = None
        self._last: tuple[int, int, str] = (0, 0, "")
        self._signals = _Signals()
        self._signals.progress.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)
        self._signals.finished.connect(self._on_finished, Qt.ConnectionType.QueuedConnection)
        self._signals.failed.connect(self._on_failed, Qt.ConnectionType.QueuedConnection)
        self.progress = Progress(self._signals)

    def start(self) -> Operation:
        _active.add(self)
        if self._show_progress:
            QTimer.singleShot(SHOW_AFTER_MS, self._show_dialog)
        pool().start(_Runner(self._fn, self.progress, self._signals))
        return self

    @Slot()
    def _show_dialog(self) -> None:
        if self not in _active or not _alive(self._parent):
            return
        from PySide6.QtWidgets import QProgressDialog  # no dialog type before the first paint

        dialog = QProgressDialog(self._label, "取消" if self._cancellable else "", 0, 0,
                                 self._parent)
        dialog.setWindowTitle("请稍候")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumDuration(0)
        dialog.setMinimumWidth(380)
        if not self._cancellable:
            dialog.setCancelButton(None)
        else:
            dialog.canceled.connect(self.progress.cancel)
        self._dialog = dialog
        self._apply_progress()
        dialog.show()

    @Slot(int, int, str)
    def _on_progress(self, done: int, total: int, text: str) -> None:
        self._last = (done, total, text)
        self._apply_progress()
        self.progressed.emit(done, total, text)

    def _apply_progress(self) -> None:
        if self._dialog is None:
            return
        done, total, text = self._last
        self._dialog.setMaximum(max(total, 0))
        self._dialog.setValue(min(done, total) if total else 0)
        if text:
            self._dialog.setLabelText(f"{self._label}\n{text}")

    def _close(self) -> None:
        _active.discard(self)
        if self._dialog is not None:
            self._dialog.close()
            self._dialog.deleteLater()
            self._dialog = None
        self.ended.emit()

    @Slot(object)
    def _on_finished(self, result: object) -> None:
        self._close()
        if self._on_success is not None and _alive(self._parent):
            self._on_success(result)

    @Slot(object)
    def _on_failed(self, exc: BaseException) -> None:
        self._close()
        if self._on_failure is not None:
            self._on_failure(exc)
            return
        from proposal_desk.gui.errors import show_exception

        show_exception(self._parent if _alive(self._parent) else None, exc)


def _alive(widget: QWidget | None) -> bool:
    return widget is None or shiboken6.isValid(widget)


def run_in_background(parent: QWidget | None, fn: Callable[[Progress], Any], *, label: str,
                      on_success: Callable[[Any], None] | None = None,
                      on_failure: Callable[[BaseException], None] | None = None,
                      cancellable: bool = False, show_progress: bool = True) -> Operation:
    """Start `fn` on a worker thread; `on_success(result)` runs on the UI thread."""
    return Operation(parent, fn, label=label, on_success=on_success, on_failure=on_failure,
                     cancellable=cancellable, show_progress=show_progress).start()
