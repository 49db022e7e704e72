"""Message boxes in one place. Notices open without blocking (tests can read them); the few
questions that need an answer block, and tests replace `confirm` and `ask_save`."""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox, QWidget

# QMessageBox is imported where a box is made: creating its Python type (and QDialog's) costs
# ~1 ms, and the window shows no message box before its first paint.


def notice(parent: QWidget | None, title: str, text: str, *, details: str = "",
           icon: QMessageBox.Icon | None = None, informative: str = "") -> QMessageBox:
    """A notice that does not block; `icon` Information unless said."""
    from PySide6.QtWidgets import QMessageBox

    if icon is None:
        icon = QMessageBox.Icon.Information
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if informative:
        box.setInformativeText(informative)
    if details:
        box.setDetailedText(details)
    box.button(QMessageBox.StandardButton.Ok).setText("确定")
    box.open()
    return box


def warn(parent: QWidget | None, text: str, *, title: str = "提示",
         informative: str = "") -> QMessageBox:
    from PySide6.QtWidgets import QMessageBox

    return notice(parent, title, text, icon=QMessageBox.Icon.Warning, informative=informative)


def confirm(parent: QWidget | None, title: str, text: str, *, yes: str = "确定",
            no: str = "取消", danger: bool = False) -> bool:
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Warning if danger else QMessageBox.Icon.Question,
                      title, text, QMessageBox.StandardButton.NoButton, parent)
    yes_button = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    no_button = box.addButton(no, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(no_button if danger else yes_button)
    box.exec()
    return box.clickedButton() is yes_button


class SaveChoice(Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


def ask_save(parent: QWidget | None, what: str) -> SaveChoice:
    """The unsaved-change question: 保存 / 不保存 / 取消."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Question, "尚未保存",
                      f"{what}有修改尚未保存。要保存吗？", QMessageBox.StandardButton.NoButton,
                      parent)
    save = box.addButton("保存", QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton("不保存", QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton("取消", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(save)
    box.exec()
    clicked = box.clickedButton()
    if clicked is save:
        return SaveChoice.SAVE
    if clicked is discard:
        return SaveChoice.DISCARD
    _ = cancel
    return SaveChoice.CANCEL
