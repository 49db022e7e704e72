"""One helper for every slow job (loading lists, import, export, documents): run it on a
worker thread, show a progress dialog when it takes over half a second, and hand the result
back on the UI thread — after Anki's CollectionOp/QueryOp.

The job is a plain function `fn(progress) -> result`; it opens its own session (SQLAlchemy
sessions are not shared between threads) and may call `progress.update(done, total, text)`.
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal, Slot
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from PySide6.QtWidgets import QProgressBar, QProgressDialog

log = logging.getLogger(__name__)

SHOW_AFTER_MS = 500  # anything slower than this gets a progress dialog

_pool: QThreadPool | None = None
_active: dict[int, Operation] = {}  # by key; touched on the UI thread only
_keys = itertools.count(1)


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


class _Dispatch(QObject):
    """The one sender a worker signals through, made on the UI thread and never deleted.
    A worker holds only a job's key, never a Qt object of its own: the last reference to a
    per-job sender used to be dropped on the worker thread, deleting a UI-thread object there
    while the UI thread was delivering events (a crash seen with fast progress)."""

    progress = Signal(int, int, int, str)  # key, done, total, text
    finished = Signal(int, object)
    failed = Signal(int, object)

    def __init__(self) -> None:
        super().__init__()
        queued = Qt.ConnectionType.QueuedConnection
        self.progress.connect(self._progress, queued)
        self.finished.connect(self._finished, queued)
        self.failed.connect(self._failed, queued)

    @Slot(int, int, int, str)
    def _progress(self, key: int, done: int, total: int, text: str) -> None:
        if (op := _active.get(key)) is not None:
            op._on_progress(done, total, text)

    @Slot(int, object)
    def _finished(self, key: int, result: object) -> None:
        if (op := _active.get(key)) is not None:
            op._on_finished(result)

    @Slot(int, object)
    def _failed(self, key: int, exc: BaseException) -> None:
        if (op := _active.get(key)) is not None:
            op._on_failed(exc)


_dispatch: _Dispatch | None = None


def _dispatcher() -> _Dispatch:
    global _dispatch
    if _dispatch is None:
        _dispatch = _Dispatch()
    return _dispatch


class Progress:
    """Handed to the job: report progress, and see whether the user pressed 取消."""

    def __init__(self, key: int, dispatch: _Dispatch) -> None:
        self._key = key
        self._dispatch = dispatch
        self._cancel = threading.Event()

    def update(self, done: int, total: int, text: str = "") -> None:
        self._dispatch.progress.emit(self._key, int(done), int(total), text)

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


class _Runner(QRunnable):
    def __init__(self, fn: Callable[[Progress], Any], progress: Progress) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._fn = fn
        self._progress = progress

    def run(self) -> None:
        progress = self._progress
        dispatch, key = progress._dispatch, progress._key
        try:
            result = self._fn(progress)
        except BaseException as exc:  # handed to the UI thread's error dialog
            dispatch.failed.emit(key, exc)
        else:
            dispatch.finished.emit(key, result)


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
        self._bar: QProgressBar | None = None
        self._last: tuple[int, int, str] = (0, 0, "")
        self._key = next(_keys)
        self.progress = Progress(self._key, _dispatcher())

    def start(self) -> Operation:
        _active[self._key] = self
        if self._show_progress:
            QTimer.singleShot(SHOW_AFTER_MS, self._show_dialog)
        pool().start(_Runner(self._fn, self.progress))
        return self

    @Slot()
    def _show_dialog(self) -> None:
        if self._key not in _active or not _alive(self._parent):
            return
        # no dialog type before the first paint
        from PySide6.QtWidgets import QProgressBar, QProgressDialog

        dialog = QProgressDialog(self._label, "取消" if self._cancellable else "", 0, 0,
                                 self._parent)
        # Values go to a bar of our own: a modal QProgressDialog's setValue runs the event
        # loop, where this job's end could close and delete the dialog under its own call
        # (a crash seen with fast progress and a job ending at that moment).
        self._bar = QProgressBar(dialog)
        self._bar.setRange(0, 0)
        dialog.setBar(self._bar)
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
        dialog, bar = self._dialog, self._bar
        if dialog is None or bar is None:
            return
        done, total, text = self._last
        bar.setRange(0, max(total, 0))
        bar.setValue(min(done, total) if total else 0)
        if text:
            dialog.setLabelText(f"{self._label}\n{text}")

    def _close(self) -> None:
        _active.pop(self._key, None)
        dialog, self._dialog, self._bar = self._dialog, None, None
        if dialog is not None:
            dialog.close()
            dialog.deleteLater()
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
