"""The full check on every open, run beside the window once it is up.

The quick check before the window (gui/startup_load.py) sees a damaged file; it cannot see a
missing or altered attachment, a broken foreign key or damage that only SQLite's
integrity_check finds. So after the first paint, and once the database is open, the window
starts `storage.integrity.check_file_thoroughly` on a thread of its own with a read-only
connection: it never writes, never blocks the UI thread, and is interrupted when the window
closes or a backup is restored over the file (`stop_all`). When it finds problems the clerk is
told in a non-modal message what is damaged, that the file was not changed, and which backup
to restore from (设置 › 数据和备份). Which backups hold the damage and are marked 有问题, and
which one is offered instead, is storage's decision (storage.check_copies).
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from proposal_desk import APP_NAME

if TYPE_CHECKING:
    from proposal_desk.storage.backup import BackupInfo
    from proposal_desk.storage.database import Database
    from proposal_desk.storage.integrity import CheckReport

log = logging.getLogger(__name__)

START_DELAY_MS = 2000  # after the first paint and the opening: the start's own work first
STOP_WAIT_S = 2.0

_running: list[BackgroundCheck] = []


@dataclass(frozen=True)
class Found:
    """A check's outcome for the UI thread."""

    report: CheckReport
    good: BackupInfo | None  # the newest good backup, when there are problems
    flagged: BackupInfo | None  # this opening's copy, marked as having problems
    same_copy: BackupInfo | None = None  # no copy made: the newest backup, the same file, marked


class _Bridge(QObject):
    """Carries the result from the check's thread to the UI thread (a queued signal)."""

    done = Signal(object)


class BackgroundCheck:
    """One check of `db`'s file; `on_found` runs on the UI thread only if problems were found
    and the check was not stopped."""

    def __init__(self, db: Database, on_found: Callable[[Found], None]) -> None:
        path = db.sqlite_path
        assert path is not None
        self.path = path
        self.backup_dir = db.backup_dir
        self.opening_copy = db.backup_made
        # Decided now, as near the opening as can be: a save after it changes the file.
        self.same_copy: BackupInfo | None = None
        if db.backup_made is None:
            from proposal_desk.storage.check_copies import same_file_backup

            self.same_copy = same_file_backup(path, self.backup_dir)
        self.stopped = threading.Event()
        self._connections: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        self._bridge = _Bridge()
        self._bridge.done.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._on_found = on_found
        self.result: Found | None = None
        self._thread = threading.Thread(target=self._run, name="full-check", daemon=True)

    def start(self) -> BackgroundCheck:
        _running.append(self)
        self._thread.start()
        return self

    def is_alive(self) -> bool:
        return self._thread.is_alive()

    def stop(self, wait_s: float = STOP_WAIT_S) -> None:
        """Interrupt the check (SQLite stops its statement) and wait for its thread a little."""
        self.stopped.set()
        with self._lock:
            for conn in self._connections:
                with contextlib.suppress(sqlite3.Error):
                    conn.interrupt()
        if self._thread.is_alive() and threading.current_thread() is not self._thread:
            self._thread.join(wait_s)
        if self in _running:
            _running.remove(self)

    # ---- the check's thread -------------------------------------------------------------

    def _connected(self, conn: sqlite3.Connection) -> None:
        # interrupt() reaches only a statement already running; a stop that falls between
        # the connection and its first statement is caught by the progress handler, which
        # SQLite calls every few thousand steps and which ends the statement once stopped.
        conn.set_progress_handler(self.stopped.is_set, 10_000)
        with self._lock:
            self._connections.append(conn)
        if self.stopped.is_set():
            conn.interrupt()

    def _run(self) -> None:
        from proposal_desk.storage.check_copies import mark_damaged_copies
        from proposal_desk.storage.integrity import check_file_thoroughly, read_only_engine

        try:
            engine = read_only_engine(self.path, on_connect=self._connected)
            try:
                report = check_file_thoroughly(engine, str(self.path))
            finally:
                engine.dispose()
            if self.stopped.is_set():
                return
            log.info("full check after opening: %s", "ok" if report.ok else report.problems)
            if report.ok:
                return
            marked = mark_damaged_copies(self.backup_dir, self.opening_copy, self.same_copy)
            found = Found(report, marked.good, marked.flagged, marked.same_copy)
        except Exception:
            log.info("the full check after opening did not run to the end", exc_info=True)
            return
        finally:
            with self._lock:
                self._connections.clear()
        if not self.stopped.is_set():
            with contextlib.suppress(RuntimeError):  # the application is going away
                self._bridge.done.emit(found)

    # ---- the UI thread -------------------------------------------------------------------

    def _deliver(self, found: Found) -> None:
        if self in _running:
            _running.remove(self)
        if self.stopped.is_set():
            return
        self.result = found
        self._on_found(found)


def stop_all() -> None:
    """Before the file is replaced (a restore) or the window closes: no check reads on."""
    for check in list(_running):
        check.stop()


# ---- what the clerk is told -------------------------------------------------------------

def problem_lines(report: CheckReport, limit: int = 8) -> list[str]:
    """What is damaged, in the clerk's words (SQLite's own findings go to the details)."""
    lines: list[str] = []
    areas = [p.area for p in report.problems]
    if "数据库文件" in areas:
        lines.append("数据库文件内部有损坏（SQLite 完整性检查没有通过）。")
    if "外键" in areas:
        lines.append(f"有 {areas.count('外键')} 处记录引用的内容已不存在（如附件的内容）。")
    attachments = [p.message for p in report.problems if p.area == "附件"]
    lines += [f"{m}。" for m in attachments[:limit]]
    if len(attachments) > limit:
        lines.append(f"另有 {len(attachments) - limit} 个附件有问题。")
    return lines


def found_text(found: Found) -> tuple[str, str]:
    """(text, informative) of the message."""
    text = ("打开数据库后的完整检查发现了问题：\n\n" + "\n".join(problem_lines(found.report))
            + "\n\n程序没有改动数据库文件。可以继续工作，但上面这些内容可能已经丢失或不正确。")
    good = found.good
    if good is not None:
        informative = (f"最近一份完好的备份：{good.label}\n{good.path}\n\n可以在“设置 › 数据和"
                       "备份”中用它恢复（恢复前会先把当前数据另存为一份备份）。恢复后，这份备份"
                       "之后所做的修改需要重新录入。")
    else:
        informative = ("备份文件夹中没有找到完好的备份。请联系技术人员；如有拷在别处（如 U 盘）"
                       "的备份，可以在“设置 › 数据和备份”中用它恢复。")
    if found.flagged is not None:
        informative += f"\n\n这次打开时做的备份已标为“有问题”：{found.flagged.path.name}"
    if found.same_copy is not None:
        informative += ("\n\n数据库文件自最近一份备份以来没有改动，那份备份含有同样的问题，"
                        f"已标为“有问题”：{found.same_copy.path.name}")
    return text, informative


def show_found(parent: QWidget, found: Found, open_restore: Callable[[], object]) -> QMessageBox:
    """The non-modal message: the window stays usable behind it."""
    text, informative = found_text(found)
    box = QMessageBox(QMessageBox.Icon.Warning, f"{APP_NAME} — 数据检查发现问题", text,
                      QMessageBox.StandardButton.NoButton, parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setWindowModality(Qt.WindowModality.NonModal)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.setInformativeText(informative)
    box.setDetailedText("检查结果（供技术人员参考）：\n" + "\n".join(
        str(p) for p in found.report.problems))
    restore = box.addButton("打开“数据和备份”…", QMessageBox.ButtonRole.ActionRole)
    restore.clicked.connect(lambda: open_restore())
    box.setDefaultButton(box.addButton("稍后处理", QMessageBox.ButtonRole.RejectRole))
    box.show()
    return box


def start_for(window: QWidget, db: Database, open_restore: Callable[[], object]
              ) -> BackgroundCheck | None:
    """Start the check of `db` (a database file only) for `window`."""
    if db.sqlite_path is None or not Path(db.sqlite_path).exists():
        return None
    app = QCoreApplication.instance()
    if app is not None and not getattr(app, "_full_check_stops", False):
        app.aboutToQuit.connect(stop_all)  # however the event loop ends
        app._full_check_stops = True  # type: ignore[attr-defined]

    def found(result: Found) -> None:
        if window.isVisible():
            box = show_found(window, result, open_restore)
            window.full_check_box = box  # type: ignore[attr-defined]

    return BackgroundCheck(db, found).start()
