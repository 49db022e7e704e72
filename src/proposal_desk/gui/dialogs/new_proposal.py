"""新建提案: one proposal typed in by hand (a whole list comes through the import wizard)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from proposal_desk.core.enums import Kind, Role
from proposal_desk.gui.context import AppContext, MeetingInfo
from proposal_desk.gui.errors import show_exception
from proposal_desk.gui.forms.ui_meeting_dialog import Ui_MeetingDialog
from proposal_desk.gui.forms.ui_new_proposal_dialog import Ui_NewProposalDialog
from proposal_desk.services import editing
from proposal_desk.services.meetings import parse_meeting
from proposal_desk.storage.errors import UserError


class MeetingDialog(QDialog):
    """新建会议: name, kind and year (the kind is read from the name when it says 政协/人大)."""

    def __init__(self, parent: QWidget | None, ctx: AppContext) -> None:
        super().__init__(parent)
        self.ui = Ui_MeetingDialog()
        self.ui.setupUi(self)
        self.ctx = ctx
        self.meeting: MeetingInfo | None = None
        for kind in Kind:
            self.ui.kindBox.addItem(kind.value)
        self.ui.yearSpin.setValue(dt.date.today().year)
        self.ui.nameEdit.textEdited.connect(self._guess_kind)
        self.ui.buttonBox.accepted.connect(self.accept)
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setText("确定")
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")

    @Slot(str)
    def _guess_kind(self, text: str) -> None:
        parsed = parse_meeting(text)
        if parsed is not None:
            self.ui.kindBox.setCurrentText(parsed.kind.value)

    def accept(self) -> None:
        ui = self.ui
        try:
            with self.ctx.db.transaction() as session:
                m = editing.create_meeting(session, name=ui.nameEdit.text(),
                                           kind=ui.kindBox.currentText(),
                                           year=ui.yearSpin.value())
                session.flush()
                self.meeting = MeetingInfo(m.id, m.name, m.kind, m.year)
        except Exception as exc:
            show_exception(self, exc)
            return
        self.ctx.refresh_lookups()
        super().accept()


class NewProposalDialog(QDialog):
    created = Signal(int)

    def __init__(self, parent: QWidget | None, ctx: AppContext) -> None:
        super().__init__(parent)
        self.ui = Ui_NewProposalDialog()
        self.ui.setupUi(self)
        self.ctx = ctx
        ui = self.ui
        for role in Role:
            ui.roleBox.addItem(role.value)
        self._fill_meetings()
        ui.assignedField.setValue(dt.date.today())
        ui.newMeetingButton.clicked.connect(self.new_meeting)
        ui.buttonBox.accepted.connect(self.accept)
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setText("新建")
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        self.meeting_dialog: MeetingDialog | None = None

    def _fill_meetings(self, select: int | None = None) -> None:
        box = self.ui.meetingBox
        box.clear()
        for m in self.ctx.lookups.meetings:
            box.addItem(m.label, m.id)
        if select is not None:
            box.setCurrentIndex(max(box.findData(select), 0))

    @Slot()
    def new_meeting(self) -> MeetingDialog:
        dialog = MeetingDialog(self, self.ctx)
        self.meeting_dialog = dialog

        def done(result: int) -> None:
            if result == QDialog.DialogCode.Accepted and dialog.meeting is not None:
                self._fill_meetings(dialog.meeting.id)
            dialog.deleteLater()

        dialog.finished.connect(done)
        dialog.open()
        return dialog

    def accept(self) -> None:
        ui = self.ui
        try:
            meeting_id = ui.meetingBox.currentData()
            if meeting_id is None:
                raise UserError("请先选择会议；还没有会议时点“新建会议…”")
            with self.ctx.db.transaction() as session:
                p = editing.create_proposal(
                    session, meeting_id=int(meeting_id), number=ui.numberEdit.text(),
                    title=ui.titleEdit.text(), role=ui.roleBox.currentText(),
                    proposers=editing.names(ui.proposersEdit.text()),
                    assigned_on=ui.assignedField.checked("交办日期"))
                session.flush()
                new_id = p.id
        except Exception as exc:
            show_exception(self, exc)
            return
        self.created.emit(new_id)
        super().accept()
