"""设置: the bureau, sections and staff, deadline rules per role and per meeting, the category
set and its wording, document templates, the data folder and backups. Saved in one transaction
into the database's settings (so a copied data folder carries them)."""

from __future__ import annotations

import datetime as dt
import importlib
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QInputDialog,
    QListWidgetItem,
    QTableWidgetItem,
    QWidget,
)
from sqlalchemy import select

from proposal_desk.core.settings import (
    DEFAULT_CATEGORIES,
    KEYS,
    SettingError,
    categories_from_pairs,
    check_categories,
    coerce,
)
from proposal_desk.gui import messages, pickers
from proposal_desk.gui.context import AppContext
from proposal_desk.gui.errors import show_exception
from proposal_desk.gui.formatting import size_text
from proposal_desk.gui.forms.ui_settings_dialog import Ui_SettingsDialog
from proposal_desk.gui.opener import open_path
from proposal_desk.services import editing, meeting_admin
from proposal_desk.storage.errors import UserError
from proposal_desk.storage.models import Meeting
from proposal_desk.storage.settings_store import load_values, set_value

log = logging.getLogger(__name__)

STAFF_COLUMNS = ("姓名", "科室", "职务", "电话", "领导", "在职")
DAY_KEYS = ("deadline.holidays", "deadline.workdays")  # checked as typed, shown as ", "
PAGES = {"bureau": 0, "people": 1, "deadlines": 2, "categories": 3, "documents": 4, "data": 5}


def _backup_module() -> Any:
    """storage.backup, when it offers listing (it grows with the data-safety work)."""
    try:
        module = importlib.import_module("proposal_desk.storage.backup")
    except ImportError:
        return None
    return module if hasattr(module, "list_backups") else None


class SettingsDialog(QDialog):
    saved = Signal()
    database_replaced = Signal()  # a backup was restored: every view must read again

    def __init__(self, parent: QWidget | None, ctx: AppContext, *, page: str = "") -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = Ui_SettingsDialog()
        self.ui.setupUi(self)
        ui = self.ui
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).setText("保存")
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        ui.buttonBox.accepted.connect(self.accept)
        self._meeting_dates: dict[int, tuple[dt.date | None, ...]] = {}
        self._stored_dates: dict[int, tuple[dt.date | None, ...]] = {}
        self._meeting_id: int | None = None
        self.meetings_changed = False
        # Asked before a restore: unsaved edits in the window are saved or dropped first.
        self.before_restore: Callable[[], bool] = lambda: True
        self._setup_tables()
        for key, spin in self._spins().items():  # the ranges the core holds (check_value)
            spin.setRange(*(KEYS[key].limits or (0, 999)))
        self._load()
        ui.tabs.setCurrentIndex(PAGES.get(page, 0))
        ui.addSectionButton.clicked.connect(self._add_section)
        ui.removeSectionButton.clicked.connect(self._remove_section)
        ui.addStaffButton.clicked.connect(self._add_staff)
        ui.removeStaffButton.clicked.connect(self._remove_staff)
        ui.addCategoryButton.clicked.connect(self._add_category)
        ui.removeCategoryButton.clicked.connect(self._remove_category)
        ui.resetCategoriesButton.clicked.connect(lambda: self._fill_categories(DEFAULT_CATEGORIES))
        ui.meetingBox.currentIndexChanged.connect(self._meeting_chosen)
        for key in DAY_KEYS:
            self._day_edit(key).textChanged.connect(lambda _t, k=key: self._check_days(k))
            self._check_days(key)
        ui.renameMeetingButton.clicked.connect(self.rename_meeting)
        ui.mergeMeetingButton.clicked.connect(self.merge_meeting)
        ui.openDataButton.clicked.connect(lambda: open_path(ctx.data_folder))
        ui.openBackupsButton.clicked.connect(lambda: open_path(self._backup_folder()))
        ui.backupNowButton.clicked.connect(self.backup_now)
        ui.restoreButton.clicked.connect(self.restore_selected)
        ui.restoreFileButton.clicked.connect(self.restore_from_file)
        ui.backupList.itemSelectionChanged.connect(self._update_restore_buttons)
        ui.backupList.itemDoubleClicked.connect(lambda _i: self.restore_selected())
        for button, edit in ((ui.letterTemplateButton, ui.letterTemplateEdit),
                             (ui.opinionTemplateButton, ui.opinionTemplateEdit),
                             (ui.reportTemplateButton, ui.reportTemplateEdit)):
            button.clicked.connect(lambda _c=False, e=edit: self._choose_template(e))

    # ---- setup and loading -------------------------------------------------------------

    def _spins(self) -> dict[str, Any]:
        """The deadline settings' spin boxes, by key: ranged, loaded and read through this."""
        ui = self.ui
        return {"deadline.lead_months": ui.leadMonthsSpin,
                "deadline.assist_months": ui.assistMonthsSpin,
                "deadline.reopen_months": ui.reopenMonthsSpin,
                "deadline.return_working_days": ui.returnDaysSpin,
                "deadline.first_contact_working_days": ui.firstContactSpin,
                "deadline.due_soon_days": ui.dueSoonSpin}

    def _setup_tables(self) -> None:
        ui = self.ui
        ui.staffTable.setColumnCount(len(STAFF_COLUMNS))
        ui.staffTable.setHorizontalHeaderLabels(STAFF_COLUMNS)
        ui.staffTable.verticalHeader().setVisible(False)
        ui.staffTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        ui.staffTable.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = ui.staffTable.horizontalHeader()
        for n, width in enumerate((72, 100, 72, 100, 40, 40)):
            header.resizeSection(n, width)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        ui.peopleLayout.setStretch(0, 1)
        ui.peopleLayout.setStretch(1, 3)
        ui.categoryTable.setColumnCount(2)
        ui.categoryTable.setHorizontalHeaderLabels(["类别", "含义（答复函和报告中使用）"])
        ui.categoryTable.verticalHeader().setVisible(False)
        ui.categoryTable.horizontalHeader().resizeSection(0, 60)
        ui.categoryTable.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.Stretch)

    def _load(self) -> None:
        ui = self.ui
        with self.ctx.db.session() as session:
            values = load_values(session)
            sections = editing.section_names(session)
            staff = editing.staff_lines(session)
            meetings = self._read_meetings(session)
        self.values = values
        ui.nameEdit.setText(values["bureau.name"])
        ui.aliasesEdit.setText("、".join(values["bureau.aliases"]))
        ui.docPrefixEdit.setText(values["bureau.doc_prefix"])
        ui.opinionPrefixEdit.setText(values["bureau.opinion_prefix"])
        ui.contactNameEdit.setText(values["bureau.contact_name"])
        ui.contactPhoneEdit.setText(values["bureau.contact_phone"])
        ui.ccEdit.setText("、".join(values["bureau.cc"]))
        ui.userEdit.setText(values["user.name"])
        ui.sectionList.clear()
        for name in sections:
            self._section_item(name)
        ui.staffTable.setRowCount(0)
        for line in staff:
            self._staff_row(line)
        for key, spin in self._spins().items():
            spin.setValue(values[key])
        for key in DAY_KEYS:
            self._day_edit(key).setText(", ".join(values[key]))
        self._fill_meetings(meetings)
        self._fill_categories(values["categories"])
        ui.titlePatternEdit.setText(values["letter.title_pattern"])
        ui.letterTemplateEdit.setText(values["letter.template"])
        ui.opinionTemplateEdit.setText(values["opinion.template"])
        ui.reportTemplateEdit.setText(values["report.template"])
        ui.folderValue.setText(str(self.ctx.data_folder))
        ui.databaseValue.setText(self.ctx.db.display_location)
        self._fill_backups()

    @staticmethod
    def _read_meetings(session: Any) -> list[Meeting]:
        return list(session.scalars(select(Meeting).order_by(Meeting.year.desc(),
                                                             Meeting.name)))

    def _fill_meetings(self, meetings: list[Meeting], keep: int | None = None) -> None:
        """The meeting chooser; dates typed but not yet saved survive a rename or merge."""
        ui = self.ui
        self._store_meeting_dates()
        pending = {k: v for k, v in self._meeting_dates.items()
                   if v != self._stored_dates.get(k)}
        self._meeting_dates, self._stored_dates = {}, {}
        ui.meetingBox.blockSignals(True)
        ui.meetingBox.clear()
        for m in meetings:
            ui.meetingBox.addItem(f"{m.name}（{m.year}年，{m.kind}）", m.id)
            stored = (m.reply_due, m.assist_due, m.return_due)
            self._stored_dates[m.id] = stored
            self._meeting_dates[m.id] = pending.get(m.id, stored)
        if keep is not None and (n := ui.meetingBox.findData(keep)) >= 0:
            ui.meetingBox.setCurrentIndex(n)
        ui.meetingBox.blockSignals(False)
        ui.meetingGroup.setEnabled(bool(meetings))
        self._meeting_id = None  # the chooser was refilled: read its dates afresh
        self._meeting_chosen()

    def _reload_meetings(self, keep: int | None) -> None:
        with self.ctx.db.session() as session:
            meetings = self._read_meetings(session)
        self._fill_meetings(meetings, keep)
        self.meetings_changed = True

    @Slot()
    def rename_meeting(self) -> QInputDialog | None:
        """Ask for the meeting's full name (non-blocking), then rename it at once."""
        meeting_id = self._meeting_id
        if meeting_id is None:
            return None
        current = self.ui.meetingBox.currentText().rsplit("（", 1)[0]
        dialog = QInputDialog(self)
        dialog.setWindowTitle("会议改名")
        dialog.setLabelText(f"“{current}”改为（交办通知上的全称，如 区政协十四届三次会议）：")
        dialog.setTextValue(current)
        dialog.setOkButtonText("改名")
        dialog.setCancelButtonText("取消")
        dialog.textValueSelected.connect(lambda name: self._do_rename(meeting_id, name))
        dialog.finished.connect(lambda _r: dialog.deleteLater())
        dialog.open()
        self.rename_dialog = dialog
        return dialog

    def _do_rename(self, meeting_id: int, name: str) -> None:
        try:
            with self.ctx.db.transaction() as session:
                meeting_admin.rename_meeting(session, meeting_id, name)
        except Exception as exc:
            show_exception(self, exc)
            return
        self._reload_meetings(meeting_id)

    @Slot()
    def merge_meeting(self) -> QInputDialog | None:
        """Choose a meeting of the same year and kind to merge the chosen one into."""
        source_id = self._meeting_id
        if source_id is None:
            return None
        with self.ctx.db.session() as session:
            source = session.get(Meeting, source_id)
            targets = [(m.id, m.name) for m in meeting_admin.merge_targets(session, source_id)]
            source_name = source.name if source else ""
            year = source.year if source else 0
        if not targets:
            messages.warn(self, f"没有可合并的会议：{year}年只有“{source_name}”一个同类会议。"
                          "如果只是名称不对，请点“改名…”。")
            return None
        dialog = QInputDialog(self)
        dialog.setWindowTitle("合并会议")
        dialog.setLabelText(f"把“{source_name}”的全部提案并入：")
        dialog.setComboBoxItems([name for _id, name in targets])
        dialog.setComboBoxEditable(False)
        dialog.setOkButtonText("下一步")
        dialog.setCancelButtonText("取消")
        by_name = {name: mid for mid, name in targets}
        dialog.textValueSelected.connect(
            lambda name: self._do_merge(source_id, source_name, by_name[name], name))
        dialog.finished.connect(lambda _r: dialog.deleteLater())
        dialog.open()
        self.merge_dialog = dialog
        return dialog

    def _do_merge(self, source_id: int, source_name: str, target_id: int,
                  target_name: str) -> None:
        if not messages.confirm(
                self, "合并会议",
                f"把“{source_name}”的全部提案并入“{target_name}”，然后删除“{source_name}”。"
                "合并前会先备份数据库。两个会议中有相同提案号时不会合并。确定合并吗？",
                yes="合并", danger=True):
            return
        try:
            moved = meeting_admin.merge_meetings_with_backup(self.ctx.db, source_id, target_id)
        except Exception as exc:
            show_exception(self, exc)
            return
        self._reload_meetings(target_id)
        messages.notice(self, "已合并", f"已把 {moved} 件提案并入“{target_name}”。")

    def reject(self) -> None:
        if self.meetings_changed:  # renamed or merged at once: the window must read again
            self.saved.emit()
        super().reject()

    def _section_item(self, name: str) -> QListWidgetItem:
        item = QListWidgetItem(name)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        self.ui.sectionList.addItem(item)
        return item

    def _staff_row(self, line: editing.StaffLine) -> None:
        table = self.ui.staffTable
        row = table.rowCount()
        table.insertRow(row)
        for col, text in enumerate((line.name, line.section, line.title, line.phone)):
            item = QTableWidgetItem(text)
            if col == 0:
                item.setData(Qt.ItemDataRole.UserRole, line.id)
            table.setItem(row, col, item)
        for col, value in ((4, line.is_leader), (5, line.active)):
            box = QCheckBox()
            box.setChecked(value)
            box.setStyleSheet("margin-left: 12px;")
            table.setCellWidget(row, col, box)

    def _fill_categories(self, categories: dict[str, str]) -> None:
        table = self.ui.categoryTable
        table.setRowCount(0)
        for code, meaning in categories.items():
            row = table.rowCount()
            table.insertRow(row)
            table.setItem(row, 0, QTableWidgetItem(code))
            table.setItem(row, 1, QTableWidgetItem(meaning))

    def _backup_folder(self) -> Path:
        folder = getattr(self.ctx.db, "backup_dir", None)
        return Path(folder) if folder else self.ctx.data_folder / "backups"

    def _fill_backups(self) -> None:
        ui = self.ui
        module = _backup_module()
        folder = self._backup_folder()
        ui.backupList.clear()
        if module is None:
            ui.backupHint.setText(f"备份保存在：{folder}")
            ui.backupNowButton.setEnabled(False)
            self._update_restore_buttons()
            return
        backups = module.list_backups(folder)
        ui.backupHint.setText(
            f"程序在打开时和每次导入前自动备份数据库（含附件），保存在：{folder}\n"
            + module.RotationPolicy().describe()
            + ("" if backups else "\n目前还没有备份。"))
        for info in backups:
            item = QListWidgetItem(f"{info.label}　{size_text(info.size)}")
            item.setData(Qt.ItemDataRole.UserRole, str(info.path))
            item.setToolTip(str(info.path))
            ui.backupList.addItem(item)
        can_backup = self.ctx.db.sqlite_path is not None and hasattr(module, "make_backup")
        ui.backupNowButton.setEnabled(can_backup)
        self._update_restore_buttons()

    def _update_restore_buttons(self) -> None:
        ui = self.ui
        local = self.ctx.db.sqlite_path is not None
        ui.restoreButton.setEnabled(local and bool(ui.backupList.selectedItems()))
        ui.restoreFileButton.setEnabled(local)
        if not local:
            from proposal_desk.gui.restore import SERVER_TEXT

            for button in (ui.restoreButton, ui.restoreFileButton):
                button.setToolTip(SERVER_TEXT)

    # ---- slots -------------------------------------------------------------------------

    def _day_edit(self, key: str) -> Any:
        return self.ui.holidaysEdit if key == "deadline.holidays" else self.ui.workdaysEdit

    def _check_days(self, key: str) -> str:
        """The days typed for `key`, checked as they are stored; the error shows under the
        field (and saving is refused) until it is put right."""
        error_label = (self.ui.holidaysError if key == "deadline.holidays"
                       else self.ui.workdaysError)
        try:
            coerce(key, self._day_edit(key).text())
        except ValueError as exc:
            error_label.setText(str(exc))
            error_label.show()
            return str(exc)
        error_label.setText("")
        error_label.hide()
        return ""

    @Slot()
    def _meeting_chosen(self) -> None:
        ui = self.ui
        self._store_meeting_dates()
        meeting_id = ui.meetingBox.currentData()
        self._meeting_id = int(meeting_id) if meeting_id is not None else None
        dates = self._meeting_dates.get(self._meeting_id or -1, (None, None, None))
        ui.replyDueField.setValue(dates[0])
        ui.assistDueField.setValue(dates[1])
        ui.returnDueField.setValue(dates[2])

    def _store_meeting_dates(self) -> None:
        if self._meeting_id is None:
            return
        ui = self.ui
        self._meeting_dates[self._meeting_id] = (
            ui.replyDueField.checked("主办、分办答复截止"),
            ui.assistDueField.checked("协办、会办意见截止"),
            ui.returnDueField.checked("申请退回截止"))

    @Slot()
    def _add_section(self) -> None:
        item = self._section_item("新科室")
        self.ui.sectionList.setCurrentItem(item)
        self.ui.sectionList.editItem(item)

    @Slot()
    def _remove_section(self) -> None:
        for item in self.ui.sectionList.selectedItems():
            self.ui.sectionList.takeItem(self.ui.sectionList.row(item))

    @Slot()
    def _add_staff(self) -> None:
        self._staff_row(editing.StaffLine(None, "", ""))
        row = self.ui.staffTable.rowCount() - 1
        self.ui.staffTable.setCurrentCell(row, 0)
        self.ui.staffTable.editItem(self.ui.staffTable.item(row, 0))

    @Slot()
    def _remove_staff(self) -> None:
        rows = sorted({i.row() for i in self.ui.staffTable.selectedIndexes()}, reverse=True)
        for row in rows:
            self.ui.staffTable.removeRow(row)

    @Slot()
    def _add_category(self) -> None:
        table = self.ui.categoryTable
        row = table.rowCount()
        table.insertRow(row)
        table.setItem(row, 0, QTableWidgetItem(""))
        table.setItem(row, 1, QTableWidgetItem(""))
        table.editItem(table.item(row, 0))

    @Slot()
    def _remove_category(self) -> None:
        rows = sorted({i.row() for i in self.ui.categoryTable.selectedIndexes()}, reverse=True)
        for row in rows:
            self.ui.categoryTable.removeRow(row)

    def _choose_template(self, edit: Any) -> None:
        path = pickers.open_file(self, "选择 Word 模板", "Word 文档 (*.docx)")
        if path is not None:
            edit.setText(str(path))

    @Slot()
    def backup_now(self) -> None:
        module = _backup_module()
        source = self.ctx.db.sqlite_path
        if module is None or source is None:
            return
        try:
            info = module.make_backup(source, self._backup_folder(), module.REASON_MANUAL)
        except Exception as exc:
            show_exception(self, exc)
            return
        self._fill_backups()
        messages.notice(self, "备份完成", f"已备份到：\n{info.path}")

    @Slot()
    def restore_selected(self) -> Any:
        items = self.ui.backupList.selectedItems()
        if not items:
            messages.warn(self, "请先在列表中选择要恢复的备份。")
            return None
        return self.restore(Path(items[0].data(Qt.ItemDataRole.UserRole)))

    @Slot()
    def restore_from_file(self) -> Any:
        pickers._last_folder.setdefault("open", str(self._backup_folder()))
        path = pickers.open_file(self, "选择要恢复的备份文件",
                                 "提案办理台备份 (*.sqlite3 *.db);;所有文件 (*)")
        return self.restore(path) if path is not None else None

    def restore(self, source: Path) -> Any:
        """Replace the database by the backup `source` (asked first; the current state is
        backed up by the restore itself), then read everything again."""
        from proposal_desk.gui.restore import restore_backup, restored_text

        if not self.before_restore():
            return None

        def restored(outcome: Any) -> None:
            self._load()
            self.database_replaced.emit()
            text, informative = restored_text(outcome)
            messages.notice(self, "恢复完成", text, informative=informative)

        return restore_backup(self, self.ctx, source, on_restored=restored)

    # ---- saving ------------------------------------------------------------------------

    def collect(self) -> dict[str, Any]:
        """The settings as typed, checked and coerced; raises UserError naming the field."""
        ui = self.ui
        self._store_meeting_dates()
        try:  # the core's rules and wording (the command line's)
            categories = categories_from_pairs(self._category_rows())
            if categories != self.values.get("categories"):  # changed: checked here too
                check_categories(categories)
        except SettingError as exc:
            ui.tabs.setCurrentIndex(PAGES["categories"])
            raise UserError(str(exc)) from exc
        for key in DAY_KEYS:
            if error := self._check_days(key):
                ui.tabs.setCurrentIndex(PAGES["deadlines"])
                self._day_edit(key).setFocus()
                raise UserError(f"{KEYS[key].label.split('（')[0]}：{error}")
        return {
            "bureau.name": ui.nameEdit.text(), "bureau.aliases": ui.aliasesEdit.text(),
            "bureau.doc_prefix": ui.docPrefixEdit.text(),
            "bureau.opinion_prefix": ui.opinionPrefixEdit.text(),
            "bureau.contact_name": ui.contactNameEdit.text(),
            "bureau.contact_phone": ui.contactPhoneEdit.text(),
            "bureau.cc": ui.ccEdit.text(), "user.name": ui.userEdit.text(),
            **{key: spin.value() for key, spin in self._spins().items()},
            "deadline.holidays": ui.holidaysEdit.text(),
            "deadline.workdays": ui.workdaysEdit.text(),
            "categories": categories,
            "letter.title_pattern": ui.titlePatternEdit.text() or KEYS[
                "letter.title_pattern"].default,
            "letter.template": ui.letterTemplateEdit.text(),
            "opinion.template": ui.opinionTemplateEdit.text(),
            "report.template": ui.reportTemplateEdit.text(),
        }

    def _category_rows(self) -> list[tuple[str, str]]:
        """(code, meaning) of each row of the category table that is not empty."""
        table = self.ui.categoryTable
        rows = []
        for row in range(table.rowCount()):
            code, meaning = ((item.text() if item else "").strip()
                             for item in (table.item(row, 0), table.item(row, 1)))
            if code or meaning:
                rows.append((code, meaning))
        return rows

    def staff(self) -> list[editing.StaffLine]:
        table = self.ui.staffTable
        lines = []
        for row in range(table.rowCount()):
            def text(col: int, r: int = row) -> str:
                item = table.item(r, col)
                return item.text().strip() if item else ""

            first = table.item(row, 0)
            leader = table.cellWidget(row, 4)
            active = table.cellWidget(row, 5)
            lines.append(editing.StaffLine(
                id=first.data(Qt.ItemDataRole.UserRole) if first else None,
                name=text(0), section=text(1), title=text(2), phone=text(3),
                is_leader=isinstance(leader, QCheckBox) and leader.isChecked(),
                active=not isinstance(active, QCheckBox) or active.isChecked()))
        return lines

    def sections(self) -> list[str]:
        return [self.ui.sectionList.item(n).text()
                for n in range(self.ui.sectionList.count())]

    def accept(self) -> None:
        try:
            values = self.collect()
            staff = self.staff()
            sections = self.sections()
            with self.ctx.db.transaction() as session:
                for key, value in values.items():
                    # Unchanged keys are not written: a settings change re-derives every
                    # proposal's deadlines.
                    if coerce(key, value) != self.values.get(key):
                        set_value(session, key, value)
                editing.save_sections(session, sections + [s.section for s in staff
                                                           if s.section])
                editing.save_staff(session, staff)
                for meeting_id, dates in self._meeting_dates.items():
                    if dates == self._stored_dates.get(meeting_id):
                        continue
                    editing.update_meeting(session, meeting_id, reply_due=dates[0],
                                           assist_due=dates[1], return_due=dates[2])
        except SettingError as exc:  # the core's refusal (core.settings.check_value)
            show_exception(self, UserError(str(exc)))
            return
        except Exception as exc:
            show_exception(self, exc)
            return
        self.saved.emit()
        super().accept()
