"""沟通记录: every contact with the member or other units, added and edited in a dialog."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from proposal_desk.core.enums import Method, Stage
from proposal_desk.gui import messages, operations
from proposal_desk.gui.context import AppContext
from proposal_desk.gui.detail.base import DetailTab, Loaded
from proposal_desk.gui.dialogs.background_record_dialog import BackgroundRecordDialog, StartSave
from proposal_desk.gui.dialogs.record_dialog import RecordValues
from proposal_desk.gui.formatting import date_text
from proposal_desk.gui.icons import icon
from proposal_desk.gui.simple_table import SimpleTableModel
from proposal_desk.services import editing
from proposal_desk.storage.models import Proposal

Change = Callable[[Callable[[Session, Proposal], Any]], Any]
OpenAttachment = Callable[[int], Any]
# DetailPane.change_later: fn(session, proposal, progress) on a worker thread, in one transaction
ChangeLater = Callable[..., operations.Operation]


class RecordsTab(DetailTab):
    title = "沟通记录"

    def __init__(self, ctx: AppContext, change: Change, open_attachment: OpenAttachment,
                 parent: QWidget | None = None, *, change_later: ChangeLater) -> None:
        super().__init__(ctx, parent)
        self._change = change
        self._change_later = change_later
        self._open_attachment = open_attachment
        self._loaded: Loaded | None = None
        self.dialog: BackgroundRecordDialog | None = None
        layout = QVBoxLayout(self)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(icon("record"), "新增沟通记录…")
        self.add_button.setToolTip("记一次电话、走访、座谈等沟通")
        self.edit_button = QPushButton("编辑…")
        self.delete_button = QPushButton("删除")
        for b in (self.add_button, self.edit_button, self.delete_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        self.summary = QLabel()
        buttons.addWidget(self.summary)
        layout.addLayout(buttons)
        self.model = SimpleTableModel(
            ["日期", "方式", "阶段", "我方人员", "对方人员", "内容", "附件"], self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        for n, width in enumerate((118, 78, 48, 120, 110, 260, 44)):
            header.resizeSection(n, width)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.add_button.clicked.connect(self.new_record)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self._update_buttons()

    def fill(self, loaded: Loaded) -> None:
        self._loaded = loaded
        p = loaded.proposal
        records = sorted(p.records, key=lambda r: (r.date, r.id), reverse=True)
        self.model.set_rows([
            (r.id, [date_text(r.date), r.method, r.stage, r.our_people, r.their_people,
                    r.content, str(len(r.attachments)) if r.attachments else ""])
            for r in records
        ], tips=[f"{r.place}\n{r.content}\n委员态度：{r.attitude}".strip() for r in records])
        face = sum(_face_to_face(r.method) for r in p.records)
        self.summary.setText(f"共 {len(p.records)} 次沟通，其中当面 {face} 次" if p.records
                             else "尚无沟通记录")
        self._update_buttons()

    def _selected_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.key_at(index.row()) if index.isValid() else None

    def _update_buttons(self) -> None:
        has = self._selected_id() is not None
        self.edit_button.setEnabled(has)
        self.delete_button.setEnabled(has)
        self.add_button.setEnabled(self._loaded is not None)

    def _heading(self) -> str:
        p = self._loaded.proposal if self._loaded else None
        return f"第{p.number}号　{p.title}" if p else ""

    def _start_save(self, record_id: int | None) -> StartSave:
        """Save the dialog's record on a worker thread: its new files are read, hashed and
        stored there, with the progress dialog."""
        def start(values: RecordValues, on_success: Callable[[Any], None],
                  on_failure: Callable[[BaseException], None],
                  dialog: QWidget) -> operations.Operation:
            return self._change_later(
                lambda s, q, progress: _save(s, q, values, record_id, progress),
                label="正在保存沟通记录和附件…" if values.new_files else "正在保存沟通记录…",
                on_success=on_success, on_failure=on_failure, parent=dialog)
        return start

    @Slot()
    def new_record(self) -> BackgroundRecordDialog | None:
        if self._loaded is None:
            return None
        p = self._loaded.proposal
        dialog = BackgroundRecordDialog(self, heading=self._heading(),
                                        start_save=self._start_save(None),
                                        opener=self._open_attachment)
        dialog.setWindowTitle("新增沟通记录")
        people = "、".join(x for x in (p.handler.name if p.handler else "",) if x)
        stage = Stage.BEFORE.value if not p.replies else Stage.DURING.value
        dialog.set_defaults(our_people=people, their_people=p.proposer_names, stage=stage)
        self._show(dialog)
        return dialog

    @Slot()
    def edit_selected(self) -> BackgroundRecordDialog | None:
        record_id = self._selected_id()
        if record_id is None or self._loaded is None:
            return None
        record = next(r for r in self._loaded.proposal.records if r.id == record_id)
        dialog = BackgroundRecordDialog(self, heading=self._heading(),
                                        start_save=self._start_save(record_id),
                                        opener=self._open_attachment)
        dialog.setWindowTitle("编辑沟通记录")
        dialog.set_values(date=record.date, method=record.method, stage=record.stage,
                          our_people=record.our_people, their_people=record.their_people,
                          place=record.place, content=record.content,
                          attitude=record.attitude,
                          attachments=[(a.id, a.original_name, a.size)
                                       for a in record.attachments])
        self._show(dialog)
        return dialog

    def _show(self, dialog: BackgroundRecordDialog) -> None:
        self.dialog = dialog
        dialog.finished.connect(lambda _r: dialog.deleteLater())
        dialog.open()

    @Slot()
    def delete_selected(self) -> None:
        record_id = self._selected_id()
        if record_id is None:
            return
        if not messages.confirm(self, "删除沟通记录",
                                "删除这条沟通记录及其附件？此操作会记入办理日志。",
                                yes="删除", danger=True):
            return
        self.attempt(self._change, lambda s, p: editing.delete_record(s, p, record_id))


def _save(session: Session, p: Proposal, values: RecordValues, record_id: int | None,
          progress: operations.Progress | None = None) -> int:
    if progress is not None and values.new_files:
        progress.update(0, len(values.new_files), "、".join(f.name for f in values.new_files))
    record = editing.save_record(session, p, values.record_fields(), record_id=record_id,
                                 new_files=values.new_files,
                                 removed_attachments=values.removed_attachments)
    return record.id


def _face_to_face(method: str) -> bool:
    try:
        return Method(method).face_to_face
    except ValueError:
        return False
