"""A date field that may be empty: type a date in any spelling offices use (2025-03-15,
2025.3.15, 2025年3月15日, 20250315) or pick it from a calendar; it shows 2025年3月15日."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from proposal_desk.core.dates import DateError, format_cn, parse_date
from proposal_desk.storage.errors import UserError

_BAD_STYLE = "QLineEdit { background: #fdecea; border: 1px solid #c62828; }"


class DateField(QWidget):
    """`value()` is a date or None; `changed` fires when the value changes."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._value: dt.date | None = None
        self._error = ""
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText("如 2025-03-15")
        self.edit.setMinimumWidth(130)
        self.edit.editingFinished.connect(self._commit_text)
        self.edit.textEdited.connect(self._on_typing)
        self.button = QToolButton(self)
        self.button.setText("▾")
        self.button.setToolTip("从日历选择")
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        menu = QMenu(self.button)
        self.calendar = QCalendarWidget(menu)
        self.calendar.setGridVisible(True)
        self.calendar.clicked.connect(self._picked)
        action = QWidgetAction(menu)
        action.setDefaultWidget(self.calendar)
        menu.addAction(action)
        menu.aboutToShow.connect(self._prepare_calendar)
        self.button.setMenu(menu)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.button)
        self.setFocusProxy(self.edit)
        self.edit.installEventFilter(self)

    # ---- public API --------------------------------------------------------------------

    def value(self) -> dt.date | None:
        return self._value

    def setValue(self, value: dt.date | None) -> None:
        self._error = ""
        self.edit.setStyleSheet("")
        self.edit.setToolTip("")
        self.edit.setText(format_cn(value))
        if value != self._value:
            self._value = value
            self.changed.emit()

    def clear(self) -> None:
        self.setValue(None)

    def error(self) -> str:
        """The message for text that is not a date ('' when the field is fine)."""
        return self._error

    def checked(self, label: str) -> dt.date | None:
        """The value, or a UserError naming the field when the typed text is not a date."""
        self._commit_text()
        if self._error:
            raise UserError(f"“{label}”：{self._error}")
        return self._value

    def setReadOnly(self, read_only: bool) -> None:
        self.edit.setReadOnly(read_only)
        self.button.setEnabled(not read_only)

    # ---- internals ---------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Enter after typing a date confirms the date and moves on; it must not press the
        # dialog's default button (a half-filled record would be saved).
        if (watched is self.edit and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):
            self._commit_text()
            if not self._error:
                self.focusNextChild()
            return True
        return super().eventFilter(watched, event)

    @Slot()
    def _on_typing(self) -> None:
        if self._error:
            self.edit.setStyleSheet("")

    @Slot()
    def _commit_text(self) -> None:
        text = self.edit.text().strip()
        try:
            value = parse_date(text)
        except DateError as exc:
            self._error = str(exc)
            self.edit.setStyleSheet(_BAD_STYLE)
            self.edit.setToolTip(self._error)
            return
        self.setValue(value)

    @Slot()
    def _prepare_calendar(self) -> None:
        day = self._value or dt.date.today()
        self.calendar.setSelectedDate(QDate(day.year, day.month, day.day))

    @Slot(QDate)
    def _picked(self, day: QDate) -> None:
        self.setValue(dt.date(day.year(), day.month(), day.day()))
        menu = self.button.menu()
        if menu is not None:
            menu.close()
