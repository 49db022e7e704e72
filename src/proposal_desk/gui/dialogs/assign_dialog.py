"""交办 several proposals at once: one section, and optionally a handler and deputy director."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from proposal_desk.gui.context import AppContext
from proposal_desk.gui.detail.base import set_combo_items
from proposal_desk.gui.forms.ui_assign_dialog import Ui_AssignDialog
from proposal_desk.storage.errors import UserError


class AssignDialog(QDialog):
    def __init__(self, parent: QWidget | None, ctx: AppContext, count: int) -> None:
        super().__init__(parent)
        self.ui = Ui_AssignDialog()
        self.ui.setupUi(self)
        ui = self.ui
        ui.countLabel.setText(f"把选中的 {count} 件交办给：")
        set_combo_items(ui.sectionBox, ctx.lookups.sections)
        set_combo_items(ui.handlerBox, ctx.lookups.handlers)
        set_combo_items(ui.leaderBox, ctx.lookups.leaders)
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setText("交办")
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        ui.buttonBox.accepted.connect(self.accept)

    def values(self) -> tuple[str, str, str]:
        ui = self.ui
        section = ui.sectionBox.currentText().strip()
        if not section:
            raise UserError("请填写承办科室")
        return section, ui.handlerBox.currentText().strip(), ui.leaderBox.currentText().strip()

    def accept(self) -> None:
        from proposal_desk.gui.errors import show_exception

        try:
            self.values()
        except UserError as exc:
            show_exception(self, exc)
            return
        super().accept()
