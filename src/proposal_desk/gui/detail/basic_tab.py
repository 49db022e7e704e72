"""基本信息: the record of the proposal — meeting, number, title, people and units, role, key
flag and supervising leader, dates, and who handles it in the bureau."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget
from sqlalchemy.orm import Session

from proposal_desk.core import rules, send_checks
from proposal_desk.core.enums import Role
from proposal_desk.gui.context import AppContext
from proposal_desk.gui.detail.base import DetailTab, Loaded, set_combo_items
from proposal_desk.gui.detail.paired_grid import FoldWhenNarrow
from proposal_desk.gui.formatting import date_text
from proposal_desk.gui.forms.ui_basic_form import Ui_BasicForm
from proposal_desk.services import editing
from proposal_desk.storage.facts import facts_of
from proposal_desk.storage.models import Proposal


class BasicTab(DetailTab):
    editable = True
    title = "基本信息"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.ui = Ui_BasicForm()
        self.ui.setupUi(self)
        for role in Role:
            self.ui.roleBox.addItem(role.value)
        ui = self.ui
        self.watch(ui.meetingBox, ui.numberEdit, ui.titleEdit, ui.proposersEdit, ui.sectorEdit,
                   ui.topicsEdit, ui.roleBox, ui.keyCheck, ui.leadUnitsEdit, ui.supervisorEdit,
                   ui.otherUnitsEdit, ui.assignedField, ui.signedField, ui.dueField,
                   ui.mergedEdit, ui.sectionBox, ui.handlerBox, ui.leaderBox, ui.notesEdit)
        ui.keyCheck.toggled.connect(self._key_toggled)
        # The detail pane is about 500 px wide on a 1366 px screen: too narrow for two pairs.
        self.folding = FoldWhenNarrow(ui.scrollArea,
                                      [ui.proposalGrid, ui.handlingGrid, ui.peopleGrid])

    def fill(self, loaded: Loaded) -> None:
        p = loaded.proposal
        ui = self.ui
        lookups = self.ctx.lookups
        ui.meetingBox.blockSignals(True)
        ui.meetingBox.clear()
        for m in lookups.meetings:
            ui.meetingBox.addItem(m.label, m.id)
        ui.meetingBox.setCurrentIndex(max(ui.meetingBox.findData(p.meeting_id), 0))
        ui.meetingBox.blockSignals(False)
        info = editing.read_basic(p)
        ui.numberEdit.setText(info.number)
        ui.titleEdit.setText(info.title)
        ui.titleEdit.setCursorPosition(0)
        ui.proposersEdit.setText("、".join(info.proposers))
        ui.proposersEdit.setCursorPosition(0)
        ui.sectorEdit.setText(info.sector)
        ui.topicsEdit.setText("、".join(info.topics))
        ui.roleBox.setCurrentIndex(max(ui.roleBox.findText(info.role), 0))
        ui.keyCheck.setChecked(info.key)
        ui.leadUnitsEdit.setText("、".join(info.lead_units))
        ui.otherUnitsEdit.setText("、".join(info.other_units))
        ui.otherUnitsEdit.setCursorPosition(0)
        ui.supervisorEdit.setText(info.supervisor)
        ui.supervisorEdit.setEnabled(info.key or bool(info.supervisor))
        ui.assignedField.setValue(info.assigned_on)
        ui.signedField.setValue(info.signed_on)
        ui.dueField.setValue(info.due_override)
        ui.mergedEdit.setText(info.merged_with)
        set_combo_items(ui.sectionBox, lookups.sections, info.section)
        set_combo_items(ui.handlerBox, lookups.handlers, info.handler)
        set_combo_items(ui.leaderBox, lookups.leaders, info.leader)
        ui.notesEdit.setPlainText(info.notes)
        facts = facts_of(p)
        deadlines = self.ctx.settings.deadlines
        rule, source = rules.rule_due_with_source(facts, deadlines)
        text = (f"{date_text(rule)}（{send_checks.source_text(source, deadlines)}）"
                if rule else "（缺交办日期，无法计算）")
        if info.due_override:
            text += "　本件另定了办理时限（交办清单所列或手工填写），以上面的“办理时限”为准"
        ui.ruleDueLabel.setText(text)

    def _key_toggled(self, checked: bool) -> None:
        self.ui.supervisorEdit.setEnabled(checked or bool(self.ui.supervisorEdit.text()))

    def form_values(self) -> editing.BasicInfo:
        ui = self.ui
        meeting_id = ui.meetingBox.currentData()
        return editing.BasicInfo(
            meeting_id=int(meeting_id) if meeting_id is not None else 0,
            number=ui.numberEdit.text(),
            title=ui.titleEdit.text(),
            role=ui.roleBox.currentText(),
            proposers=editing.names(ui.proposersEdit.text()),
            sector=ui.sectorEdit.text(),
            lead_units=editing.names(ui.leadUnitsEdit.text()),
            other_units=editing.names(ui.otherUnitsEdit.text()),
            key=ui.keyCheck.isChecked(),
            supervisor=ui.supervisorEdit.text(),
            assigned_on=ui.assignedField.checked("交办日期"),
            due_override=ui.dueField.checked("办理时限"),
            signed_on=ui.signedField.checked("签收日期"),
            section=ui.sectionBox.currentText(),
            handler=ui.handlerBox.currentText(),
            leader=ui.leaderBox.currentText(),
            topics=editing.names(ui.topicsEdit.text()),
            merged_with=ui.mergedEdit.text(),
            notes=ui.notesEdit.toPlainText(),
        )

    def apply(self, session: Session, p: Proposal) -> None:
        editing.apply_basic(session, p, self.form_values())
