"""What the detail tabs share: loading a proposal, and for editable forms, knowing whether
the user changed something since it was loaded."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QSpinBox,
    QWidget,
)
from sqlalchemy.orm import Session

from proposal_desk.core.dates import format_cn
from proposal_desk.core.rules import Warning as RuleWarning
from proposal_desk.gui.context import AppContext
from proposal_desk.gui.errors import show_exception
from proposal_desk.gui.widgets.date_field import DateField
from proposal_desk.storage.models import AuditEntry, Proposal

ChangeFn = Callable[[Session, Proposal], Any]


@dataclass
class Loaded:
    """One proposal as read for display (detached from its session), with what goes with it."""

    proposal: Proposal
    warnings: list[RuleWarning] = field(default_factory=list)
    audit: list[AuditEntry] = field(default_factory=list)
    today: dt.date = field(default_factory=dt.date.today)


class DetailTab(QWidget):
    """A tab of the detail pane. Editable tabs override `apply` and report `dirty`."""

    changed = Signal()  # dirty state changed
    editable = False
    title = ""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._dirty = False
        self._loading = False
        self._watched: list[QWidget] = []
        self.baseline: dict[str, str] = {}  # form_fields() as loaded, for the conflict view

    def load(self, loaded: Loaded) -> None:
        self._loading = True
        try:
            self.fill(loaded)
        finally:
            self._loading = False
        if self.editable:
            self.baseline = dict(self.form_fields())
        self.set_dirty(False)

    def fill(self, loaded: Loaded) -> None:
        raise NotImplementedError

    def clear(self) -> None:
        self.set_dirty(False)

    def apply(self, session: Session, p: Proposal) -> None:
        """Write the form into the proposal (inside the caller's transaction)."""

    def attempt(self, change: Callable[[ChangeFn], Any], fn: ChangeFn) -> bool:
        """Run an immediate change (a button's job); a failure becomes a message."""
        try:
            change(fn)
        except Exception as exc:
            show_exception(self, exc)
            return False
        return True

    # ---- dirty tracking ----------------------------------------------------------------

    @property
    def dirty(self) -> bool:
        return self._dirty

    def set_dirty(self, dirty: bool) -> None:
        if dirty != self._dirty:
            self._dirty = dirty
            self.changed.emit()

    @Slot()
    def mark_dirty(self) -> None:
        if not self._loading:
            self.set_dirty(True)

    def form_fields(self) -> list[tuple[str, str]]:
        """Every field of the form shown, as (label, text as the user sees it): two versions
        of a proposal are compared on these (the page of a stacked form not shown is left
        out). Every watched widget is a field, so a new field is compared without more code."""
        labels = _buddy_labels(self)
        return [(labels.get(w) or _own_label(w), field_text(w)) for w in self._watched
                if w.isVisibleTo(self) and not isinstance(w, QRadioButton)]

    def watch(self, *widgets: QWidget) -> None:
        """Any edit in these widgets makes the tab dirty."""
        self._watched.extend(widgets)
        for w in widgets:
            if isinstance(w, DateField):
                w.changed.connect(self.mark_dirty)
            elif isinstance(w, QLineEdit):
                w.textEdited.connect(self.mark_dirty)
            elif isinstance(w, QPlainTextEdit):
                w.textChanged.connect(self.mark_dirty)
            elif isinstance(w, QComboBox):
                w.currentIndexChanged.connect(self.mark_dirty)
                if w.isEditable():
                    w.editTextChanged.connect(self.mark_dirty)
            elif isinstance(w, QAbstractButton):
                w.toggled.connect(self.mark_dirty)
            elif isinstance(w, QSpinBox):
                w.valueChanged.connect(self.mark_dirty)


def field_text(w: QWidget) -> str:
    """A form field's value as shown (a date as 2025年3月15日; text not yet a date, as typed)."""
    if isinstance(w, DateField):
        return w.edit.text().strip() if w.error() else format_cn(w.value())
    if isinstance(w, QLineEdit):
        return w.text().strip()
    if isinstance(w, QPlainTextEdit):
        return w.toPlainText().strip()
    if isinstance(w, QComboBox):
        return w.currentText().strip()
    if isinstance(w, QAbstractButton):
        return "是" if w.isChecked() else "否"
    if isinstance(w, QSpinBox):
        return str(w.value())
    return ""


def _clean_label(text: str) -> str:
    """会议(&M) → 会议; 办理工作小结（写入年度办理情况报告） → 办理工作小结."""
    text = re.sub(r"\(&.\)|&", "", text).strip().rstrip("：:")
    return re.sub(r"（[^（）]*）$", "", text) or text


def _buddy_labels(root: QWidget) -> dict[QWidget, str]:
    labels = {}
    for label in root.findChildren(QLabel):
        field, text = label.buddy(), _clean_label(label.text())
        if field is None or not text:
            continue
        if isinstance(field, QAbstractButton) and field.text():
            own = _clean_label(field.text())  # 联名提案 + 合发一封答复函
            text = text if text in own else f"{text}：{own}"
        labels[field] = text
    return labels


def _own_label(w: QWidget) -> str:
    """A field with no label of its own: its check box text, or the group box it sits in."""
    if isinstance(w, QAbstractButton) and w.text():
        return _clean_label(w.text())
    group = w.parentWidget()
    if isinstance(group, QGroupBox) and group.title():
        return _clean_label(group.title())
    return w.accessibleName() or w.objectName()


def set_combo_items(box: QComboBox, items: list[str], current: str = "") -> None:
    """Fill a pick list (editable or not) and show `current`, even if it is not listed."""
    box.blockSignals(True)
    box.clear()
    box.addItems(items)
    if current and current not in items:
        box.addItem(current)
    if box.isEditable():
        box.setEditText(current)
    else:
        box.setCurrentIndex(max(box.findText(current), 0))
    box.blockSignals(False)

