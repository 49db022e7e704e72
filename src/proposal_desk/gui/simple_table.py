"""A read-only table model for the short lists of the detail pane (records, attachments,
logs): rows of display strings with a key each."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

KEY_ROLE = Qt.ItemDataRole.UserRole + 1


class SimpleTableModel(QAbstractTableModel):
    def __init__(self, headers: Sequence[str], parent: Any = None) -> None:
        super().__init__(parent)
        self._headers = list(headers)
        self._rows: list[list[str]] = []
        self._keys: list[Any] = []
        self._tips: list[str] = []
        self._colors: list[str | None] = []

    def set_rows(self, rows: Sequence[tuple[Any, Sequence[str]]], *,
                 tips: Sequence[str] = (), colors: Sequence[str | None] = ()) -> None:
        self.beginResetModel()
        self._keys = [k for k, _ in rows]
        self._rows = [list(cells) for _, cells in rows]
        self._tips = list(tips) or [""] * len(rows)
        self._colors = list(colors) or [None] * len(rows)
        self.endResetModel()

    def key_at(self, row: int) -> Any:
        return self._keys[row] if 0 <= row < len(self._keys) else None

    def cell(self, row: int, column: int) -> str:
        return self._rows[row][column]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(self._headers)):
            return self._headers[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._rows[index.row()][index.column()].split("\n")[0]
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = self._tips[index.row()]
            return tip or self._rows[index.row()][index.column()] or None
        if role == Qt.ItemDataRole.ForegroundRole and self._colors[index.row()]:
            return QBrush(QColor(self._colors[index.row()]))
        if role == KEY_ROLE:
            return self._keys[index.row()]
        return None
