"""A strip of warnings from the core (overdue, no contact before a reply, no face-to-face
meeting for a key proposal), shown above the detail tabs where the handler works."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from proposal_desk.core.rules import Warning as RuleWarning
from proposal_desk.gui.icons import icon

_SEVERE = {"overdue", "no_contact", "key_no_meeting"}


class WarningBanner(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("warningBanner")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(8, 6, 8, 6)
        self._layout.setSpacing(3)
        self._codes: list[str] = []
        self.hide()

    def set_warnings(self, warnings: Sequence[RuleWarning]) -> None:
        while self._layout.count():
            item = self._layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self._codes = [w.code for w in warnings]
        severe = any(w.code in _SEVERE for w in warnings)
        self.setStyleSheet(
            "#warningBanner { background: %s; border: 1px solid %s; border-radius: 4px; }"
            % (("#fdecea", "#e0a9a4") if severe else ("#fff4d6", "#e8cf8a"))
        )
        for w in warnings:
            row = QHBoxLayout()
            mark = QLabel()
            mark.setPixmap(icon("warning").pixmap(16, 16))
            text = QLabel(w.text)
            text.setWordWrap(True)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            text.setStyleSheet("color: %s;" % ("#8c1d18" if w.code in _SEVERE else "#6b4b00"))
            row.addWidget(mark, 0, Qt.AlignmentFlag.AlignTop)
            row.addWidget(text, 1)
            holder = QWidget()
            holder.setLayout(row)
            row.setContentsMargins(0, 0, 0, 0)
            self._layout.addWidget(holder)
        self.setVisible(bool(warnings))

    def codes(self) -> list[str]:
        return list(self._codes)
