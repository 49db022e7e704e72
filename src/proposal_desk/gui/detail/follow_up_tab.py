"""跟踪: follow-up (回头看) of a B/C answer in later years until it is carried out."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from proposal_desk.gui.context import AppContext
from proposal_desk.gui.detail.base import DetailTab, Loaded
from proposal_desk.gui.detail.records_tab import Change
from proposal_desk.gui.errors import show_exception
from proposal_desk.gui.formatting import date_text, yes_no
from proposal_desk.gui.forms.ui_follow_up_dialog import Ui_FollowUpDialog
from proposal_desk.gui.simple_table import SimpleTableModel
from proposal_desk.services import handling
from proposal_desk.storage.errors import UserError


class FollowUpDialog(QDialog):
    def __init__(self, parent: QWidget | None, change: Change) -> None:
        super().__init__(parent)
        self.ui = Ui_FollowUpDialog()
        self.ui.setupUi(self)
        self._change = change
        today = dt.date.today()
        self.ui.yearSpin.setValue(today.year)
        self.ui.dateField.setValue(today)
        self.ui.buttonBox.accepted.connect(self.accept)
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setText("保存")
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")

    def accept(self) -> None:
        ui = self.ui
        try:
            on = ui.dateField.checked("跟踪日期")
            if on is None:
                raise UserError("请填写跟踪日期")
            progress = ui.progressEdit.toPlainText()
            self._change(lambda _s, p: handling.add_follow_up(
                p, year=ui.yearSpin.value(), on=on, progress=progress,
                carried_out=ui.carriedOutCheck.isChecked()))
        except Exception as exc:
            show_exception(self, exc)
            return
        super().accept()


class FollowUpTab(DetailTab):
    title = "跟踪"

    def __init__(self, ctx: AppContext, change: Change, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._change = change
        self.dialog: FollowUpDialog | None = None
        layout = QVBoxLayout(self)
        self.info = QLabel()
        self.info.setWordWrap(True)
        layout.addWidget(self.info)
        row = QHBoxLayout()
        self.add_button = QPushButton("添加跟踪记录…")
        self.add_button.clicked.connect(self.new_follow_up)
        row.addWidget(self.add_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.model = SimpleTableModel(["年度", "日期", "进展", "已落实"], self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        for n, width in enumerate((60, 118, 400, 60)):
            header.resizeSection(n, width)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)

    def fill(self, loaded: Loaded) -> None:
        p = loaded.proposal
        needs = p.category in ("B", "C")
        done = any(f.carried_out for f in p.follow_ups)
        if not needs:
            self.info.setText("只有答复为 B 类、C 类的提案需要在以后年度跟踪落实（回头看）。")
        elif done:
            self.info.setText(f"{p.category} 类答复，已落实。")
        else:
            self.info.setText(f"{p.category} 类答复：答复中承诺的事项须逐年跟踪，直到落实。"
                              "每次了解进展后添加一条记录；落实后勾选“已落实”。")
        self.add_button.setEnabled(needs)
        follow = sorted(p.follow_ups, key=lambda f: (f.date, f.id), reverse=True)
        self.model.set_rows([(f.id, [str(f.year), date_text(f.date), f.progress,
                                     yes_no(f.carried_out)]) for f in follow])

    @Slot()
    def new_follow_up(self) -> FollowUpDialog:
        dialog = FollowUpDialog(self, self._change)
        self.dialog = dialog
        dialog.finished.connect(lambda _r: dialog.deleteLater())
        dialog.open()
        return dialog
