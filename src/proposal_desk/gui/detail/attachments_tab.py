"""附件: every file stored with the proposal (with a record or on its own): add by button or by
dragging files onto the tab, open, save a copy, delete."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Slot
from PySide6.QtGui import QDragEnterEvent, QDropEvent
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

from proposal_desk.gui import messages, operations, pickers
from proposal_desk.gui.context import AppContext
from proposal_desk.gui.detail.base import DetailTab, Loaded
from proposal_desk.gui.detail.records_tab import Change, ChangeLater, OpenAttachment
from proposal_desk.gui.errors import show_exception
from proposal_desk.gui.formatting import date_text, datetime_text, size_text
from proposal_desk.gui.icons import icon
from proposal_desk.gui.opener import OPENED_COPY_NOTE
from proposal_desk.gui.simple_table import SimpleTableModel
from proposal_desk.gui.widgets.file_drop import local_files
from proposal_desk.services import editing, handling
from proposal_desk.storage.models import Blob, Proposal


class AttachmentsTab(DetailTab):
    title = "附件"

    def __init__(self, ctx: AppContext, change: Change, open_attachment: OpenAttachment,
                 parent: QWidget | None = None, *, change_later: ChangeLater) -> None:
        super().__init__(ctx, parent)
        self._change = change
        self._change_later = change_later
        self._open = open_attachment
        self._names: dict[int, str] = {}
        self.setAcceptDrops(True)
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.add_button = QPushButton(icon("attach"), "添加文件…")
        self.open_button = QPushButton("打开")
        self.save_button = QPushButton("另存为…")
        self.delete_button = QPushButton("删除")
        for b in (self.add_button, self.open_button, self.save_button, self.delete_button):
            row.addWidget(b)
        row.addStretch(1)
        layout.addLayout(row)
        self.model = SimpleTableModel(["文件名", "大小", "所属沟通记录", "添加时间"], self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        for n, width in enumerate((260, 70, 170, 150)):
            header.resizeSection(n, width)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        hint = QLabel("可把文件直接拖到这里添加。附件保存在数据库中，拷走数据文件夹即一并带走。"
                      + OPENED_COPY_NOTE)
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #5f6b7a;")
        layout.addWidget(hint)
        self.opened_label = QLabel()  # after 打开: which copy is open, and what that means
        self.opened_label.setObjectName("openedCopyLabel")
        self.opened_label.setWordWrap(True)
        self.opened_label.setStyleSheet("color: #8a5a00;")
        self.opened_label.hide()
        layout.addWidget(self.opened_label)
        self.add_button.clicked.connect(self._choose)
        self.open_button.clicked.connect(self.open_selected)
        self.save_button.clicked.connect(self._save_copy)
        self.delete_button.clicked.connect(self._delete)
        self.table.doubleClicked.connect(lambda _i: self.open_selected())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self._update_buttons()

    def show_opened(self, name: str) -> None:
        self.opened_label.setText(f"已打开“{name}”的副本；修改后请重新添加附件（另存后用“添加文件…”）。")
        self.opened_label.show()

    def fill(self, loaded: Loaded) -> None:
        self.opened_label.hide()
        p = loaded.proposal
        rows = []
        self._names = {a.id: a.original_name for a in p.attachments}
        for a in sorted(p.attachments, key=lambda a: (a.added_at, a.id)):
            record = a.record
            owner = f"{date_text(record.date)} {record.method}" if record else "（提案本身）"
            rows.append((a.id, [a.original_name, size_text(a.size), owner,
                                datetime_text(a.added_at)]))
        self.model.set_rows(rows)
        self._update_buttons()

    def _selected(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.key_at(index.row()) if index.isValid() else None

    def _update_buttons(self) -> None:
        has = self._selected() is not None
        for b in (self.open_button, self.save_button, self.delete_button):
            b.setEnabled(has)

    def add_files(self, paths: list[Path]) -> operations.Operation | None:
        """Read, hash and store the files on a worker thread, all in one transaction (a file
        refused — too large, empty, unreadable — stores none and names it)."""
        if not paths:
            return None
        try:
            return self._change_later(lambda s, p, progress: store_files(s, p, paths, progress),
                                      label=f"正在保存附件（{len(paths)} 个文件）…")
        except Exception as exc:
            show_exception(self, exc)
            return None

    @Slot()
    def _choose(self) -> None:
        self.add_files(pickers.open_files(self, "选择要添加的附件"))

    @Slot()
    def open_selected(self) -> None:
        attachment_id = self._selected()
        if attachment_id is not None:
            self._open(attachment_id)

    @Slot()
    def _save_copy(self) -> operations.Operation | None:
        attachment_id = self._selected()
        if attachment_id is None:
            return None
        target = pickers.save_file(self, "附件另存为", self._names.get(attachment_id, ""),
                                   "所有文件 (*)")
        if target is None:
            return None
        db = self.ctx.db

        def job(_progress: operations.Progress) -> Path:
            with db.session() as session:
                _name, data = editing.attachment_of(session, attachment_id)
            target.write_bytes(data)
            return target

        return operations.run_in_background(self, job, label="正在另存附件…")

    @Slot()
    def _delete(self) -> None:
        attachment_id = self._selected()
        if attachment_id is None:
            return
        if messages.confirm(self, "删除附件", "从本提案中删除这个附件？", yes="删除", danger=True):
            self.attempt(self._change, lambda s, p: editing.delete_attachment(s, p, attachment_id))

    # ---- drag and drop -----------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if local_files(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        files = local_files(event)
        if not files:
            event.ignore()
            return
        event.acceptProposedAction()
        self.add_files(files)


def store_files(session: Session, p: Proposal, paths: list[Path],
                progress: operations.Progress) -> int:
    """Store files with a proposal, one after the other. Each file's content is let go once
    written, so several large files do not all sit in memory until the commit."""
    for n, path in enumerate(paths):
        progress.update(n, len(paths), path.name)
        handling.add_attachment(session, p, name=path.name, path=path)
        session.flush()
        for blob in [o for o in session.identity_map.values() if isinstance(o, Blob)]:
            session.expunge(blob)
    progress.update(len(paths), len(paths))
    return len(paths)
