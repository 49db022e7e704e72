"""办理日志: the status history and the audit log (who changed what, when) of one proposal."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from proposal_desk.gui.context import AppContext
from proposal_desk.gui.detail.base import DetailTab, Loaded
from proposal_desk.gui.formatting import datetime_text
from proposal_desk.gui.simple_table import SimpleTableModel
from proposal_desk.services import audit_text
from proposal_desk.storage.models import AuditEntry


def describe_changes(entry: AuditEntry) -> str:
    return audit_text.describe_changes(entry.table, entry.action, entry.changes)


class LogTab(DetailTab):
    title = "办理日志"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        layout = QVBoxLayout(self)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(QLabel("<b>状态变化</b>"))
        self.status_model = SimpleTableModel(["时间", "原状态", "新状态", "操作人"], self)
        self.status_table = self._table(self.status_model, (150, 90, 90, 100))
        top_layout.addWidget(self.status_table)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(QLabel("<b>修改记录</b>（谁在什么时候改了什么）"))
        self.audit_model = SimpleTableModel(["时间", "操作人", "操作", "内容"], self)
        self.audit_table = self._table(self.audit_model, (150, 80, 110, 400))
        self.audit_table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.audit_table.setWordWrap(True)  # a reason or a reply is read whole, not cut off
        # Rows are sized for the 内容 column's width: sized again when it changes (the rows
        # are filled while the tab may be hidden, before the column has its real width), once
        # the change has settled: Qt sizes a row by the columns inside the viewport only.
        self._resize_rows = QTimer(self)
        self._resize_rows.setSingleShot(True)
        self._resize_rows.setInterval(0)
        self._resize_rows.timeout.connect(self.audit_table.resizeRowsToContents)
        self.audit_table.horizontalHeader().sectionResized.connect(self._content_resized)
        bottom_layout.addWidget(self.audit_table)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        splitter.setSizes([160, 340])
        layout.addWidget(splitter)

    def _table(self, model: SimpleTableModel, widths: tuple[int, ...]) -> QTableView:
        table = QTableView(self)
        table.setModel(model)
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setWordWrap(False)
        for n, width in enumerate(widths):
            table.horizontalHeader().resizeSection(n, width)
        return table

    def _content_resized(self, section: int, _old: int, _new: int) -> None:
        if section == 3:
            self._resize_rows.start()

    def fill(self, loaded: Loaded) -> None:
        p = loaded.proposal
        history = sorted(p.status_history, key=lambda h: h.id, reverse=True)
        self.status_model.set_rows([(h.id, [datetime_text(h.at), h.old or "（新建）", h.new,
                                            h.user]) for h in history])
        rows = []
        tips = []
        for entry in loaded.audit:
            text = describe_changes(entry)
            action = audit_text.describe_action(entry.table, entry.action, entry.changes)
            rows.append((entry.id, [datetime_text(entry.at), entry.user, action, text]))
            tips.append(text.replace("；", "\n"))
        self.audit_model.set_rows(rows, tips=tips)
        self.audit_table.resizeRowsToContents()
