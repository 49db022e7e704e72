"""The dialog for one contact record (沟通记录): date, method, stage, people, place, what was
said, the member's attitude, and attached files (by button or dragged in)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QListWidgetItem, QWidget

from proposal_desk.core.enums import Method, Stage
from proposal_desk.gui import messages, pickers
from proposal_desk.gui.errors import show_exception
from proposal_desk.gui.formatting import size_text
from proposal_desk.gui.forms.ui_record_dialog import Ui_RecordDialog
from proposal_desk.gui.icons import icon
from proposal_desk.storage.errors import UserError

_EXISTING = Qt.ItemDataRole.UserRole + 1  # attachment id of a stored file
_NEW = Qt.ItemDataRole.UserRole + 2  # path of a file to add


@dataclass
class RecordValues:
    date: dt.date
    method: str
    stage: str
    our_people: str = ""
    their_people: str = ""
    place: str = ""
    content: str = ""
    attitude: str = ""
    new_files: list[Path] = field(default_factory=list)
    removed_attachments: list[int] = field(default_factory=list)

    def record_fields(self) -> dict[str, object]:
        return {"date": self.date, "method": self.method, "stage": self.stage,
                "our_people": self.our_people, "their_people": self.their_people,
                "place": self.place, "content": self.content, "attitude": self.attitude}


class RecordDialog(QDialog):
    """`saver(values)` stores the record; a UserError keeps the dialog open with the message."""

    def __init__(self, parent: QWidget | None, *, heading: str,
                 saver: Callable[[RecordValues], None],
                 opener: Callable[[int], None] | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_RecordDialog()
        self.ui.setupUi(self)
        self.setWindowIcon(icon("record"))
        self._saver = saver
        self._opener = opener
        self._removed: list[int] = []
        ui = self.ui
        ui.proposalLabel.setText(heading)
        ui.proposalLabel.setStyleSheet("font-weight: bold; font-size: 11pt;")
        for method in Method:
            ui.methodBox.addItem(method.value)
        for stage in Stage:
            ui.stageBox.addItem(stage.value)
        ui.dateField.setValue(dt.date.today())
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).setText("保存")
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        ui.buttonBox.accepted.connect(self.accept)
        ui.addFileButton.setIcon(icon("attach"))
        ui.addFileButton.clicked.connect(self._choose_files)
        ui.removeFileButton.clicked.connect(self._remove_selected)
        ui.openFileButton.clicked.connect(self._open_selected)
        ui.attachmentList.files_dropped.connect(self.add_files)
        ui.attachmentList.itemDoubleClicked.connect(lambda _i: self._open_selected())
        ui.attachmentList.itemSelectionChanged.connect(self._update_buttons)
        self._update_buttons()

    # ---- filling -----------------------------------------------------------------------

    def set_values(self, *, date: dt.date, method: str, stage: str, our_people: str,
                   their_people: str, place: str, content: str, attitude: str,
                   attachments: list[tuple[int, str, int]]) -> None:
        ui = self.ui
        ui.dateField.setValue(date)
        ui.methodBox.setCurrentIndex(max(ui.methodBox.findText(method), 0))
        ui.stageBox.setCurrentIndex(max(ui.stageBox.findText(stage), 0))
        ui.ourEdit.setText(our_people)
        ui.theirEdit.setText(their_people)
        ui.placeEdit.setText(place)
        ui.contentEdit.setPlainText(content)
        ui.attitudeEdit.setText(attitude)
        for attachment_id, name, size in attachments:
            item = QListWidgetItem(icon("attach"), f"{name}（{size_text(size)}）")
            item.setData(_EXISTING, attachment_id)
            ui.attachmentList.addItem(item)

    def set_defaults(self, *, our_people: str = "", their_people: str = "",
                     stage: str = "") -> None:
        self.ui.ourEdit.setText(our_people)
        self.ui.theirEdit.setText(their_people)
        if stage:
            self.ui.stageBox.setCurrentIndex(max(self.ui.stageBox.findText(stage), 0))

    @Slot(list)
    def add_files(self, paths: list[Path]) -> None:
        present = {self.ui.attachmentList.item(n).data(_NEW)
                   for n in range(self.ui.attachmentList.count())}
        for path in paths:
            if str(path) in present:
                continue
            try:
                size = path.stat().st_size
            except OSError as exc:
                messages.warn(self, f"无法读取文件“{path}”：{exc.strerror or exc}")
                continue
            item = QListWidgetItem(icon("attach"), f"{path.name}（{size_text(size)}，待保存）")
            item.setData(_NEW, str(path))
            item.setToolTip(str(path))
            self.ui.attachmentList.addItem(item)
        self._update_buttons()

    # ---- reading -----------------------------------------------------------------------

    def values(self) -> RecordValues:
        ui = self.ui
        date = ui.dateField.checked("沟通日期")
        if date is None:
            raise UserError("请填写沟通日期")
        new_files = [Path(ui.attachmentList.item(n).data(_NEW))
                     for n in range(ui.attachmentList.count())
                     if ui.attachmentList.item(n).data(_NEW)]
        return RecordValues(
            date=date, method=ui.methodBox.currentText(), stage=ui.stageBox.currentText(),
            our_people=ui.ourEdit.text(), their_people=ui.theirEdit.text(),
            place=ui.placeEdit.text(), content=ui.contentEdit.toPlainText(),
            attitude=ui.attitudeEdit.text(), new_files=new_files,
            removed_attachments=list(self._removed),
        )

    def accept(self) -> None:
        try:
            self._saver(self.values())
        except Exception as exc:  # the dialog stays open; the user's typing is not lost
            show_exception(self, exc)
            return
        super().accept()

    # ---- attachment buttons ------------------------------------------------------------

    @Slot()
    def _choose_files(self) -> None:
        paths = pickers.open_files(self, "选择附件")
        if paths:
            self.add_files(paths)

    @Slot()
    def _remove_selected(self) -> None:
        for item in self.ui.attachmentList.selectedItems():
            stored = item.data(_EXISTING)
            if stored is not None:
                self._removed.append(int(stored))
            self.ui.attachmentList.takeItem(self.ui.attachmentList.row(item))
        self._update_buttons()

    @Slot()
    def _open_selected(self) -> None:
        from proposal_desk.gui.opener import open_path

        for item in self.ui.attachmentList.selectedItems():
            stored = item.data(_EXISTING)
            if stored is not None and self._opener is not None:
                self._opener(int(stored))
            elif item.data(_NEW):
                open_path(Path(item.data(_NEW)))

    @Slot()
    def _update_buttons(self) -> None:
        selected = bool(self.ui.attachmentList.selectedItems())
        self.ui.removeFileButton.setEnabled(selected)
        self.ui.openFileButton.setEnabled(selected)
