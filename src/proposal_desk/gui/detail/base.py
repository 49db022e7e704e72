"""What the detail tabs share: loading a proposal, and for editable forms, knowing whether
the user changed something since it was loaded."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)
from sqlalchemy.orm import Session

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

    def load(self, loaded: Loaded) -> None:
        self._loading = True
        try:
            self.fill(loaded)
        finally:
            self._loading = False
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

    def watch(self, *widgets: QWidget) -> None:
        """Any edit in these widgets makes the tab dirty."""
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

