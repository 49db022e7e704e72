"""Opening the database when the window starts, and what the user sees when it cannot be
opened: never a traceback, never a new empty database in place of the real one.

- A damaged file (DamagedDatabaseError): a dialog that says in plain words what was found and
  offers the newest good backup, another backup file, or quitting. Restoring keeps the
  damaged file aside in the backup folder, byte for byte.
- Another program has the file (InstanceLockedError): who, and 重试 or 退出.
- A database from a newer version (NewerDatabaseError), or any other refusal
  (DatabaseOpenError, UserError, an OS failure): a plain message and 退出.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QDialog, QMessageBox, QStyle, QWidget

from proposal_desk import APP_NAME
from proposal_desk.gui import operations, pickers
from proposal_desk.gui.errors import describe, show_exception
from proposal_desk.gui.formatting import size_text
from proposal_desk.gui.opener import open_path
from proposal_desk.storage.backup import RestoreResult, backup_dir_for, restore_database
from proposal_desk.storage.database import Database, sqlite_file
from proposal_desk.storage.errors import NewerDatabaseError, UserError
from proposal_desk.storage.instance_lock import InstanceLock, InstanceLockedError
from proposal_desk.storage.integrity import EMPTY, MISSING, DamagedDatabaseError

log = logging.getLogger(__name__)


def backup_folder(url: str, data_folder: Path) -> Path:
    """Where the window keeps backups of `url`: beside the file, as the command line does."""
    path = sqlite_file(url)
    return backup_dir_for(path) if path is not None else data_folder / "backups-server"


def open_database(url: str, data_folder: Path, *, checked: bool = False) -> Database:
    """The window's database: checked, migrated, backed up on open, and locked against a
    second writer (a command run meanwhile is refused with a message naming the window).
    `checked`: the caller holds the instance lock and has run the quick check already
    (gui/startup_load.py)."""
    return Database(url, backup_dir=backup_folder(url, data_folder), lock=True,
                    check_on_open=not checked)


# The dialog's title, heading and explanation for a file that is not damaged inside but
# empty or missing (the form's own texts are for a damaged one).
KIND_TEXTS = {
    EMPTY: ("数据库文件是空的", "提案办理台无法打开数据库：文件是空的（0 字节）。",
            "数据库文件的大小是 0 字节，其中没有任何数据（常见原因：复制或同步时中断、磁盘已满、"
            "写入时突然断电）。程序没有改动这个文件，也不会把它当作新数据库使用，以免您以为"
            "数据都不见了。请用备份恢复。"),
    MISSING: ("数据库文件不见了", "提案办理台找不到数据库文件，但有它的备份。",
              "数据库文件不在原来的位置（可能被误删、改名或移走了），而备份文件夹中有它的备份。"
              "程序没有新建空数据库。可以用备份恢复；如果文件只是被移走了，请退出程序，把它"
              "放回原处后再打开。"),
}


@dataclass(frozen=True)
class Opened:
    db: Database
    restored: RestoreResult | None = None  # when a damaged file was replaced by a backup


class DamagedDatabaseDialog(QDialog):
    """Accepted once a backup was restored over the damaged file (`result`); rejected for
    退出. The restore runs on a worker thread under the instance lock."""

    def __init__(self, error: DamagedDatabaseError, folder: Path,
                 parent: QWidget | None = None) -> None:
        # The form is needed only when the file is damaged: not imported on a normal start.
        from proposal_desk.gui.forms.ui_damaged_database_dialog import Ui_DamagedDatabaseDialog

        super().__init__(parent)
        self.ui = Ui_DamagedDatabaseDialog()
        self.ui.setupUi(self)
        self.error = error
        self.folder = folder
        self.result_info: RestoreResult | None = None
        self.restoring: operations.Operation | None = None
        ui = self.ui
        self.setWindowTitle(f"{APP_NAME} — 数据库文件已损坏")
        style = self.style()
        ui.iconLabel.setPixmap(style.standardIcon(
            QStyle.StandardPixmap.SP_MessageBoxCritical).pixmap(40, 40))
        ui.headingLabel.setStyleSheet("font-size: 12pt; font-weight: bold;")
        ui.fileLabel.setText(f"数据库文件：{error.path}")
        if error.kind in KIND_TEXTS:
            title, heading, explain = KIND_TEXTS[error.kind]
            self.setWindowTitle(f"{APP_NAME} — {title}")
            ui.headingLabel.setText(heading)
            ui.explainLabel.setText(explain)
        # The dialog says the rest in its own words; the box is for SQLite's findings.
        ui.detailsView.setPlainText("\n".join(error.findings) or str(error))
        backup = error.backup
        # An empty or missing file holds nothing to keep aside (restore_database writes the
        # backup in its place); a damaged one is kept, byte for byte.
        kept = ("损坏的原文件会原样移到备份文件夹中保存（名为“损坏的原文件”），以便技术人员设法"
                "找回其中的数据。" if error.kind not in KIND_TEXTS else "")
        if backup is not None:
            ui.backupLabel.setText(
                f"<b>{backup.label}</b>，{size_text(backup.size)}<br>{backup.path}<br><br>"
                f"用它恢复后，这份备份之后所做的修改将会丢失。{kept}")
        else:
            ui.backupGroup.setTitle("没有找到完好的备份")
            keep = {EMPTY: "。如果这确实是新装的程序、从未录入过数据，可以删除这个空文件后重新打开",
                    MISSING: "。如果确实要从空数据库重新开始，请先把备份文件夹改名或移走"
                    }.get(error.kind, "——请保留这个损坏的文件，不要删除")
            ui.backupLabel.setText(
                f"备份文件夹（{folder}）中没有可用的备份。可以选择其他备份文件（例如拷在 U 盘上"
                f"的备份）恢复；或者退出程序并联系技术人员{keep}。")
            ui.restoreButton.setEnabled(False)
            ui.restoreButton.setDefault(False)
            ui.chooseButton.setDefault(True)
        ui.restoreButton.clicked.connect(self.restore_newest)
        ui.chooseButton.clicked.connect(self.choose_file)
        ui.folderButton.clicked.connect(lambda: open_path(error.path.parent))
        ui.quitButton.clicked.connect(self.reject)

    @Slot()
    def restore_newest(self) -> operations.Operation | None:
        backup = self.error.backup
        return self.restore_from(backup.path) if backup is not None else None

    @Slot()
    def choose_file(self) -> operations.Operation | None:
        if self.folder.is_dir():
            pickers._last_folder.setdefault("open", str(self.folder))
        path = pickers.open_file(self, "选择要恢复的备份文件",
                                 "提案办理台备份 (*.sqlite3 *.db);;所有文件 (*)")
        return self.restore_from(path) if path is not None else None

    def restore_from(self, source: Path) -> operations.Operation | None:
        if self.restoring is not None:
            return None
        target, folder = self.error.path, self.folder

        def job(_progress: operations.Progress) -> RestoreResult:
            with InstanceLock.for_database(target):
                return restore_database(target, source, folder)

        self._set_busy(True)
        self.restoring = operations.run_in_background(
            self, job, label="正在用备份恢复数据库…", on_success=self._restored,
            on_failure=self._refused)
        return self.restoring

    def _restored(self, result: RestoreResult) -> None:
        self.restoring = None
        self._set_busy(False)
        self.result_info = result
        log.info("damaged %s restored from %s", self.error.path, result.restored_from)
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        self.restoring = None
        self._set_busy(False)
        show_exception(self, exc)

    def _set_busy(self, busy: bool) -> None:
        ui = self.ui
        for button in (ui.chooseButton, ui.quitButton, ui.folderButton):
            button.setEnabled(not busy)
        ui.restoreButton.setEnabled(not busy and self.error.backup is not None)

    def reject(self) -> None:
        if self.restoring is None:
            super().reject()


def problem_box(exc: BaseException) -> QMessageBox:
    """The message for a database that cannot be opened (other than a damaged file); a
    locked one offers 重试."""
    if isinstance(exc, InstanceLockedError):
        title = "数据库正在使用"
        informative = "请先关闭另一个提案办理台窗口或正在运行的命令，再点“重试”。"
    elif isinstance(exc, NewerDatabaseError):
        title = "需要新版本的提案办理台"
        informative = ("这个数据库已由更新版本的提案办理台打开过。为免损坏数据，本程序不会打开"
                       "它，也没有改动它。请安装新版本后再打开。")
    else:
        title = "无法打开数据库"
        informative = "程序没有改动数据库文件。详细情况已记录在数据文件夹的日志中。"
    text = str(exc) if isinstance(exc, UserError) else describe(exc)[1]
    box = QMessageBox(QMessageBox.Icon.Critical, f"{APP_NAME} — {title}", text,
                      QMessageBox.StandardButton.NoButton)
    box.setInformativeText(informative)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if isinstance(exc, InstanceLockedError):
        box.setDefaultButton(box.addButton("重试", QMessageBox.ButtonRole.AcceptRole))
    box.setEscapeButton(box.addButton("退出", QMessageBox.ButtonRole.RejectRole))
    return box


def open_with_recovery(url: str, data_folder: Path, *, interactive: bool = True,
                       opener: Callable[[str, Path], Database] = open_database,
                       first_attempt: Callable[[], Database] | None = None
                       ) -> Opened | None:
    """Open the window's database; when it cannot be opened, explain and offer the way out
    (interactive), else log it. None means quit.

    `first_attempt` gives the result of an opening already under way (the start opens the
    database on a worker thread): it returns the database or raises what the opening raised.
    Every later attempt (after a restore, or 重试) calls `opener` here."""
    restored: RestoreResult | None = None
    attempt = first_attempt
    while True:
        try:
            if attempt is not None:
                first, attempt = attempt, None  # used once, whatever it raises
                db = first()
            else:
                db = opener(url, data_folder)
            return Opened(db, restored)
        except DamagedDatabaseError as exc:
            log.error("damaged database at start: %s", exc)
            if not interactive:
                return None
            dialog = DamagedDatabaseDialog(exc, backup_folder(url, data_folder))
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
            restored = dialog.result_info if accepted else None
            dialog.deleteLater()
            if not accepted:
                return None
        except Exception as exc:  # every other refusal: a message, never a traceback
            if isinstance(exc, UserError):
                log.error("could not open the database: %s", exc)
            else:
                log.exception("could not open the database")
            if not interactive:
                return None
            box = problem_box(exc)
            box.exec()
            retry = box.clickedButton() is not box.escapeButton()
            box.deleteLater()
            if not (retry and isinstance(exc, InstanceLockedError)):
                return None
