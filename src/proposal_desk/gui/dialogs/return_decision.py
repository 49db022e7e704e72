"""退回结果: the proposal office's answer to a 退回 request, with the day it answered."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from proposal_desk.core.dates import format_cn
from proposal_desk.core.enums import ReturnOutcome
from proposal_desk.gui import messages
from proposal_desk.gui.errors import show_exception
from proposal_desk.gui.widgets.date_field import DateField
from proposal_desk.services import returns
from proposal_desk.storage.models import ReturnRequest

Change = Callable[[Callable[[Any, Any], Any]], Any]


class ReturnDecisionDialog(QDialog):
    def __init__(self, parent: QWidget, request: ReturnRequest, change: Change) -> None:
        super().__init__(parent)
        self.setWindowTitle("退回结果")
        self._change = change
        layout = QVBoxLayout(self)
        asked = QLabel(
            f"{format_cn(request.requested_on)}申请退回，理由：{request.reason}"
            + (f"；建议由{request.suggested_unit}办理" if request.suggested_unit else ""))
        asked.setWordWrap(True)
        layout.addWidget(asked)
        form = QFormLayout()
        self.outcome_box = QComboBox()
        for outcome in (ReturnOutcome.ACCEPTED, ReturnOutcome.REFUSED):
            self.outcome_box.addItem(f"提案委{outcome.value}", outcome.value)
        self.decided_field = DateField()
        self.decided_field.setValue(dt.date.today())
        self.decided_field.setToolTip("提案委答复退回申请的日期（不一定是今天）")
        form.addRow("结果：", self.outcome_box)
        form.addRow(f"{returns.DECIDED_ON}：", self.decided_field)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("登记结果")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        # A request filed by mistake or with a wrong date or reason is taken back, then filed
        # again as it should be (a second one is refused while this one is pending).
        self.withdraw_button = buttons.addButton("撤回退回申请",
                                                 QDialogButtonBox.ButtonRole.ResetRole)
        self.withdraw_button.setToolTip("申请有误（日期、理由）或不再退回：撤回这份申请，"
                                        "办理日志保留其内容；如需要可重新申请")
        self.withdraw_button.clicked.connect(self.withdraw)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.buttons = buttons

    def withdraw(self) -> None:
        if not messages.confirm(self, "撤回退回申请",
                                "撤回这份尚未答复的退回申请？本件恢复为原来的办理状态，"
                                "申请的内容留在办理日志中。", yes="撤回申请", no="不撤回",
                                danger=True):
            return
        try:
            self._change(lambda _s, p: returns.withdraw(p))
        except Exception as exc:
            show_exception(self, exc)
            return
        super().accept()

    def accept(self) -> None:
        try:
            outcome = str(self.outcome_box.currentData())
            on = self.decided_field.checked(returns.DECIDED_ON)
            self._change(lambda _s, p: returns.decide(p, outcome, on))
        except Exception as exc:
            show_exception(self, exc)
            return
        super().accept()
