"""The crash handler: any exception, from any thread, becomes a dialog, never a crash.

Errors meant for users (UserError) show their message; a record saved by someone else in the
meantime (optimistic locking) says so plainly; anything else is logged with its traceback to
the log file in the data folder, and the dialog points at it.
"""

from __future__ import annotations

import logging
import sys
import threading
import time
import traceback
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QApplication

from proposal_desk import logs
from proposal_desk.gui import messages
from proposal_desk.storage.errors import ConflictError, UserError

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox, QWidget

log = logging.getLogger(__name__)

REPEAT_SECONDS = 5
STALE_TEXT = ("这条记录已被他人修改：在您打开之后，有人（或另一个窗口）先保存了它。"
              "您的修改没有保存。请点“撤销修改”载入最新内容后再改。")


def _is_stale(exc: BaseException) -> bool:
    """SQLAlchemy's StaleDataError, without importing SQLAlchemy: this module is loaded at the
    very start, while the database layer is still being imported on a worker thread (and if
    SQLAlchemy is not loaded, no such error can exist)."""
    orm_exc = sys.modules.get("sqlalchemy.orm.exc")
    return orm_exc is not None and isinstance(exc, orm_exc.StaleDataError)


def describe(exc: BaseException) -> tuple[str, str]:
    """(title, text) users see for an exception."""
    if _is_stale(exc):
        return "已被他人修改", STALE_TEXT
    if isinstance(exc, ConflictError):
        return "已被他人修改", str(exc)
    if isinstance(exc, UserError):
        return "无法完成", str(exc)
    if isinstance(exc, MemoryError):
        return "内存不足", "内存不足，操作未完成。请关闭其他程序后重试。"
    if isinstance(exc, OSError):
        where = f"“{exc.filename}”" if getattr(exc, "filename", None) else ""
        return "文件操作失败", f"无法读写文件{where}：{exc.strerror or exc}"
    return "程序出错", f"程序遇到意外错误，操作未完成：{type(exc).__name__}: {exc}"


def show_exception(parent: QWidget | None, exc: BaseException) -> QMessageBox | None:
    title, text = describe(exc)
    if isinstance(exc, UserError) or _is_stale(exc):
        log.info("%s: %s", title, exc)
        return messages.warn(parent, text, title=title)
    details = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    try:
        logs.setup_logging()
        log.error("unhandled error\n%s", details)
        where = str(logs.log_file())
    except OSError:
        where = "（日志文件无法写入）"
    if QApplication.instance() is None:
        return None
    from PySide6.QtWidgets import QMessageBox  # not before the first paint (messages.py)

    return messages.notice(parent, title, text, icon=QMessageBox.Icon.Critical,
                           informative=f"数据未受影响。详细信息已记录到：\n{where}",
                           details=details)


class _Bridge(QObject):
    """Carries exceptions from worker threads to the UI thread."""

    raised = Signal(object)
    _last: tuple[str, float] = ("", 0.0)

    @Slot(object)
    def show(self, exc: BaseException) -> None:
        # The same error again within seconds (a failing paint, say) is logged, not shown:
        # one dialog is enough, a stack of them hides the window.
        key = f"{type(exc).__name__}: {exc}"
        now = time.monotonic()
        if key == self._last[0] and now - self._last[1] < REPEAT_SECONDS:
            log.error("repeated error\n%s", "".join(traceback.format_exception(exc)))
            return
        self._last = (key, now)
        show_exception(_main_window(), exc)


_bridge: _Bridge | None = None


def _main_window() -> QWidget | None:
    app = QApplication.instance()
    if app is None:
        return None
    active = QApplication.activeWindow()
    if active is not None:
        return active
    windows = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    main = [w for w in windows if w.objectName() == "mainWindow"]
    return (main or windows or [None])[0]


def _excepthook(kind: type[BaseException], exc: BaseException,
                tb: TracebackType | None) -> None:
    if issubclass(kind, KeyboardInterrupt):
        QApplication.quit()
        return
    exc.__traceback__ = tb
    if _bridge is not None:
        _bridge.raised.emit(exc)
    else:
        log.error("uncaught error", exc_info=(kind, exc, tb))


def _thread_hook(args: threading.ExceptHookArgs) -> None:
    if args.exc_value is not None:
        _excepthook(args.exc_type, args.exc_value, args.exc_traceback)


def install() -> None:
    """Route uncaught exceptions of every thread to the error dialog (called once at start)."""
    global _bridge
    _bridge = _Bridge()
    _bridge.raised.connect(_bridge.show, Qt.ConnectionType.QueuedConnection)
    sys.excepthook = _excepthook
    threading.excepthook = _thread_hook
