"""已被他人修改: a save refused because someone saved the same proposal first. Shows both
versions field by field — what they saved, what this user typed, and which side changed it
since the form was opened — and lets the user save theirs over it deliberately, take the
stored version, or go back to editing."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import QItemSelection, Signal, Slot
from PySide6.QtWidgets import QDialog, QHeaderView, QWidget

from proposal_desk.gui.formatting import datetime_text
from proposal_desk.gui.forms.ui_conflict_dialog import Ui_ConflictDialog
from proposal_desk.gui.icons import icon
from proposal_desk.gui.simple_table import SimpleTableModel

THEIRS_ONLY = "对方改的"
MINE_ONLY = "您改的"
BOTH = "双方都改了"
_COLORS = {THEIRS_ONLY: "#b3261e", BOTH: "#8a5a00", MINE_ONLY: None}


@dataclass(frozen=True)
class FieldVersions:
    label: str
    theirs: str  # stored now: the other person's save
    mine: str  # in the form now
    loaded: str  # in the form when it was opened

    @property
    def changed_by(self) -> str:
        mine, theirs = self.mine != self.loaded, self.theirs != self.loaded
        if mine and theirs:
            return BOTH
        return THEIRS_ONLY if theirs else MINE_ONLY


def compare(theirs: list[tuple[str, str]], mine: list[tuple[str, str]],
            loaded: dict[str, str], prefix: str = "") -> list[FieldVersions]:
    """The fields whose stored and typed values differ, in the form's order."""
    stored = dict(theirs)
    typed = dict(mine)
    labels = list(dict.fromkeys([label for label, _ in mine] + [label for label, _ in theirs]))
    return [FieldVersions(prefix + label, stored.get(label, ""), typed.get(label, ""),
                          loaded.get(label, typed.get(label, "")))
            for label in labels if stored.get(label, "") != typed.get(label, "")]


def _one_line(text: str) -> str:
    """A cell shows a long text on one line; the panes below show it whole."""
    return " ".join(text.split("\n")) if text else "（空）"


class Choice(Enum):
    KEEP_MINE = "keep"
    TAKE_THEIRS = "take"
    BACK = "back"


def _who(saved_by: str, saved_at: dt.datetime | None) -> str:
    who = saved_by or "其他人"
    return f"{who}于 {datetime_text(saved_at)}" if saved_at else who


class ConflictDialog(QDialog):
    """Window-modal, non-blocking: `chosen` carries the user's Choice (Esc: back to editing,
    nothing emitted)."""

    chosen = Signal(object)

    def __init__(self, parent: QWidget | None, *, number: str, saved_by: str,
                 saved_at: dt.datetime | None, fields: list[FieldVersions]) -> None:
        super().__init__(parent)
        self.ui = Ui_ConflictDialog()
        self.ui.setupUi(self)
        self.setWindowIcon(icon("warning"))
        self.fields = fields
        ui = self.ui
        ui.headingLabel.setText(f"第{number}号已被他人修改，您的修改尚未保存")
        ui.headingLabel.setStyleSheet("font-size: 12pt; font-weight: bold; color: #b3261e;")
        who = _who(saved_by, saved_at)
        if any(f.changed_by != MINE_ONLY for f in fields):
            their_only = sum(f.changed_by == THEIRS_ONLY for f in fields)
            text = (f"{who}保存了这件提案（在您打开它之后），数据库中现在是对方的版本。"
                    f"下表是两个版本不同的 {len(fields)} 项。")
            if their_only:
                text += (f"其中 {their_only} 项是对方改的、您没有动：若保存您的修改，"
                         "这些项会改回您打开时的内容。")
            ui.keepMineButton.setText("保存我的修改，覆盖对方(&K)")
        else:
            text = (f"{who}保存了这件提案（在您打开它之后），但改的是您没有改动的内容"
                    "（其他页面、沟通记录或附件），与您的修改不冲突。"
                    + ("下表是您的修改，保存它们不会覆盖对方的内容。" if fields else
                       "保存您的修改不会覆盖对方的内容。"))
        ui.explainLabel.setText(text)
        self.model = SimpleTableModel(["项目", "对方保存的", "您的修改", "谁改的"], self)
        self.model.set_rows(
            [(n, [f.label, _one_line(f.theirs), _one_line(f.mine), f.changed_by])
             for n, f in enumerate(fields)],
            colors=[_COLORS[f.changed_by] for f in fields])
        table = ui.diffTable
        table.setModel(self.model)
        table.verticalHeader().setVisible(False)
        header = table.horizontalHeader()
        for column, width in enumerate((150, 300, 300, 90)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        table.selectionModel().selectionChanged.connect(self._row_chosen)
        ui.diffTable.setVisible(bool(fields))
        ui.fullTexts.setVisible(bool(fields))
        ui.keepMineButton.setIcon(icon("save"))
        ui.keepMineButton.clicked.connect(lambda: self._choose(Choice.KEEP_MINE))
        ui.takeTheirsButton.clicked.connect(lambda: self._choose(Choice.TAKE_THEIRS))
        ui.backButton.clicked.connect(lambda: self._choose(Choice.BACK))
        if fields:
            table.selectRow(0)
        else:
            self.resize(640, 220)

    @Slot(QItemSelection, QItemSelection)
    def _row_chosen(self, *_args: object) -> None:
        index = self.ui.diffTable.currentIndex()
        field = self.fields[index.row()] if index.isValid() else None
        self.ui.theirsView.setPlainText(field.theirs if field else "")
        self.ui.mineView.setPlainText(field.mine if field else "")
        self.ui.theirsLabel.setText(f"对方保存的：{field.label}" if field else "对方保存的")
        self.ui.mineLabel.setText(f"您的修改（尚未保存）：{field.label}" if field else
                                  "您的修改（尚未保存）")

    def _choose(self, choice: Choice) -> None:
        self.done(QDialog.DialogCode.Rejected if choice is Choice.BACK
                  else QDialog.DialogCode.Accepted)
        self.chosen.emit(choice)
