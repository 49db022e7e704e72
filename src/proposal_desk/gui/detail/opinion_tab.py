"""委员意见: the member's opinion form on the latest reply. 不满意 reopens the proposal for a
new round (the core derives that from the opinion; this form only records it)."""

from __future__ import annotations

from PySide6.QtWidgets import QButtonGroup, QWidget
from sqlalchemy.orm import Session

from proposal_desk.core.enums import Kind, Role, Satisfaction
from proposal_desk.gui.context import AppContext
from proposal_desk.gui.detail.base import DetailTab, Loaded
from proposal_desk.gui.formatting import date_text
from proposal_desk.gui.forms.ui_opinion_form import Ui_OpinionForm
from proposal_desk.services import handling
from proposal_desk.storage.errors import UserError
from proposal_desk.storage.models import Proposal

_TRI = ("未填", "是", "否")


def _tri_value(text: str) -> bool | None:
    return {"是": True, "否": False}.get(text)


def _tri_text(value: bool | None) -> str:
    return "未填" if value is None else ("是" if value else "否")


class OpinionTab(DetailTab):
    editable = True
    title = "委员意见"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.ui = Ui_OpinionForm()
        self.ui.setupUi(self)
        ui = self.ui
        self.group = QButtonGroup(self)
        self.buttons = {
            Satisfaction.SATISFIED.value: ui.satisfiedRadio,
            Satisfaction.BASICALLY.value: ui.basicallyRadio,
            Satisfaction.UNSATISFIED.value: ui.unsatisfiedRadio,
        }
        for button in self.buttons.values():
            self.group.addButton(button)
        ui.unsatisfiedRadio.setStyleSheet("QRadioButton { color: #b3261e; }")
        for box in (ui.visitedBox, ui.addressedBox):
            box.addItems(_TRI)
        self.watch(ui.satisfiedRadio, ui.basicallyRadio, ui.unsatisfiedRadio, ui.receivedField,
                   ui.visitedBox, ui.addressedBox, ui.commentsEdit)
        self.available = False
        self.round = 0

    def fill(self, loaded: Loaded) -> None:
        p = loaded.proposal
        ui = self.ui
        word = Kind(p.meeting.kind).member_word
        sent = {r.round: r for r in p.replies if r.sent_on}
        self.available = Role(p.role).answers_member and bool(sent)
        ui.opinionGroup.setEnabled(self.available)
        self.group.setExclusive(False)
        for button in self.buttons.values():
            button.setChecked(False)
        self.group.setExclusive(True)
        ui.receivedField.setValue(None)
        ui.visitedBox.setCurrentIndex(0)
        ui.addressedBox.setCurrentIndex(0)
        ui.commentsEdit.setPlainText("")
        if not Role(p.role).answers_member:
            ui.stateLabel.setText(f"{p.role}提案由主办单位答复并征询{word}意见，本单位不登记{word}意见。")
            ui.historyLabel.setText("")
            self.round = 0
            return
        if not sent:
            ui.stateLabel.setText(f"尚未答复。答复函送出（在“答复”页填写答复日期）后，在这里登记{word}的意见。")
            ui.historyLabel.setText("")
            self.round = 0
            return
        self.round = max(sent)
        reply = sent[self.round]
        ui.stateLabel.setText(
            f"<b>对第{self.round}轮答复的意见</b>（{date_text(reply.sent_on)}答复，"
            f"{reply.category or '未定'} 类，{reply.doc_number or '无文号'}）")
        opinion = next((o for o in p.member_opinions if o.round == self.round), None)
        if opinion is not None:
            button = self.buttons.get(opinion.satisfaction)
            if button is not None:
                button.setChecked(True)
            ui.receivedField.setValue(opinion.received_on)
            ui.visitedBox.setCurrentText(_tri_text(opinion.visited))
            ui.addressedBox.setCurrentText(_tri_text(opinion.addressed))
            ui.commentsEdit.setPlainText(opinion.comments)
        earlier = [o for o in p.member_opinions if o.round != self.round]
        ui.historyLabel.setText("<br>".join(
            [f"<b>历次{word}意见</b>"] + [
                f"第{o.round}轮：{o.satisfaction}（{date_text(o.received_on) or '日期未填'}）"
                f"{'，' + o.comments if o.comments else ''}" for o in sorted(
                    earlier, key=lambda o: o.round)]
        ) if earlier else "")

    def form_fields(self) -> list[tuple[str, str]]:
        return [("委员意见", self.chosen() or "未选"), *super().form_fields()]

    def chosen(self) -> str:
        for value, button in self.buttons.items():
            if button.isChecked():
                return value
        return ""

    def apply(self, session: Session, p: Proposal) -> None:
        if not self.available:
            return
        satisfaction = self.chosen()
        if not satisfaction:
            raise UserError("请选择委员意见：满意、基本满意或不满意")
        ui = self.ui
        handling.record_opinion(
            p, satisfaction,
            received_on=ui.receivedField.checked("反馈日期"),
            visited=_tri_value(ui.visitedBox.currentText()),
            addressed=_tri_value(ui.addressedBox.currentText()),
            comments=ui.commentsEdit.toPlainText(),
        )
