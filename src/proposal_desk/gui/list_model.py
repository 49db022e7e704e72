"""The proposal list as a QAbstractTableModel over the core's ProposalRow tuples.

Sorting and the search filter happen inside the model on plain Python lists (a proxy model's
per-comparison callbacks cost far more at 10,000 rows); cells are formatted only when shown.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from itertools import compress
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from proposal_desk.gui.formatting import date_text, days_text
from proposal_desk.services.rows import ProposalRow

ROW_ID_ROLE = Qt.ItemDataRole.UserRole + 1

OVERDUE_BG = QColor("#fde7e7")
DUE_SOON_BG = QColor("#fff4d6")
OVERDUE_FG = QColor("#b3261e")
DUE_SOON_FG = QColor("#8a5a00")
STATUS_COLORS = {
    "待签收": QColor("#6b4fa0"),
    "办理中": QColor("#1f5fa8"),
    "重新办理": QColor("#b3261e"),
    "已答复": QColor("#2e7d32"),
    "已办结": QColor("#5f6b7a"),
    "退回中": QColor("#8a5a00"),
    "已退回": QColor("#5f6b7a"),
}

_MIN = dt.date.min
_MAX = dt.date.max


@dataclass(frozen=True)
class Column:
    key: str
    title: str
    width: int
    text: Callable[[ProposalRow], str]
    sort_key: Callable[[ProposalRow], Any]
    centered: bool = False


def _number_key(row: ProposalRow) -> tuple[int, int, str]:
    digits = row.number.isdigit()
    return (0 if digits else 1, int(row.number) if digits else 0, row.number)


COLUMNS: tuple[Column, ...] = (
    Column("key", "重点", 40, lambda r: "★" if r.key else "", lambda r: not r.key, True),
    Column("number", "提案号", 80, lambda r: r.number, _number_key),
    Column("title", "案由", 270, lambda r: r.title, lambda r: r.title),
    Column("status", "状态", 66, lambda r: r.status, lambda r: r.status, True),
    Column("due", "办理时限", 112, lambda r: date_text(r.due), lambda r: r.due or _MAX),
    Column("handler", "承办人", 62, lambda r: r.handler, lambda r: r.handler or "\uffff"),
    Column("role", "办理方式", 66, lambda r: r.role, lambda r: r.role, True),
    Column("proposer", "提案人", 110, lambda r: r.proposer, lambda r: r.proposer),
    Column("section", "承办科室", 92, lambda r: r.section, lambda r: r.section or "\uffff"),
    Column("category", "类别", 44, lambda r: r.category, lambda r: r.category or "Z", True),
    Column("satisfaction", "委员意见", 72, lambda r: r.satisfaction,
           lambda r: r.satisfaction or "\uffff", True),
    Column("assigned", "交办日期", 112, lambda r: date_text(r.assigned),
           lambda r: r.assigned or _MAX),
    Column("replied", "答复日期", 112, lambda r: date_text(r.replied),
           lambda r: r.replied or _MAX),
    Column("lead_unit", "主办单位", 130, lambda r: r.lead_unit, lambda r: r.lead_unit),
    Column("meeting", "会议", 170, lambda r: r.meeting, lambda r: (-r.year, r.meeting)),
)
COLUMN_INDEX = {c.key: n for n, c in enumerate(COLUMNS)}
_BY_KEY = {c.key: c for c in COLUMNS}
# B、C类跟踪 lists answers of earlier years until carried out: the year and the category (B or
# C) come first, then when it was answered and what the member said; the deadline, long past
# and met, is left out (walkthrough F29).
FOLLOW_UP_COLUMNS: tuple[Column, ...] = (
    _BY_KEY["key"],
    Column("year", "年度", 64, lambda r: f"{r.year}年", lambda r: r.year, True),
    _BY_KEY["number"], _BY_KEY["title"],
    replace(_BY_KEY["category"], title="答复类别", width=66),
    _BY_KEY["replied"], _BY_KEY["satisfaction"], _BY_KEY["status"], _BY_KEY["handler"],
    _BY_KEY["section"], _BY_KEY["role"], _BY_KEY["proposer"], _BY_KEY["lead_unit"],
    _BY_KEY["meeting"],
)
_DISPLAY = Qt.ItemDataRole.DisplayRole
# The roles data() answers; a painted cell asks for about ten, most of them for nothing.
_ANSWERED = frozenset({
    Qt.ItemDataRole.DisplayRole, ROW_ID_ROLE, Qt.ItemDataRole.BackgroundRole,
    Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.FontRole,
    Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.ToolTipRole,
})


class ProposalTableModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._all: list[ProposalRow] = []
        self._visible: list[ProposalRow] = []
        # For filtering with C-level passes (100,000 rows in a few ms).
        self._all_ids: list[int] = []  # per row of _all
        self._late_ids: set[int] = set()  # overdue
        self._soon_ids: set[int] = set()  # due soon
        self._counts = (0, 0)  # visible overdue, due soon
        self._visible_ids: list[int] | None = None  # made when asked
        self._ids: set[int] | None = None  # search hits; None = no search
        self._sort: tuple[int, Qt.SortOrder] = (-1, Qt.SortOrder.AscendingOrder)
        self._columns = COLUMNS
        self._bold = QFont()
        self._bold.setBold(True)
        self._today: dt.date | None = None  # the day the rows were marked on (set_today)

    # ---- content -----------------------------------------------------------------------

    def set_rows(self, rows: Iterable[ProposalRow]) -> None:
        self.beginResetModel()
        self._all = list(rows)
        self._all_ids = [r.id for r in self._all]
        self._late_ids = {r.id for r in self._all if r.overdue}
        self._soon_ids = {r.id for r in self._all if r.due_soon}
        self._filter()
        self._apply_sort()
        self.endResetModel()

    @property
    def columns(self) -> tuple[Column, ...]:
        return self._columns

    def set_columns(self, columns: tuple[Column, ...]) -> None:
        """Show another set of columns (COLUMNS or FOLLOW_UP_COLUMNS); the rows stay, in the
        core's order."""
        if columns is self._columns:
            return
        self.beginResetModel()
        self._columns = columns
        self._sort = (-1, Qt.SortOrder.AscendingOrder)
        self._filter()
        self.endResetModel()

    def set_today(self, today: dt.date) -> None:
        """The day the rows' overdue and due-soon marks were made on (the snapshot's): the
        due column's tooltip counts days from it, as the rest of the window does."""
        self._today = today

    def set_filter_ids(self, ids: set[int] | None) -> None:
        """Show only these proposals (search hits); None shows all rows again."""
        self.beginResetModel()
        self._ids = ids
        self._filter()
        self._apply_sort()
        self.endResetModel()

    def _filter(self) -> None:
        if self._ids is None:
            self._visible = list(self._all)
            self._visible_ids = list(self._all_ids)
            self._counts = (len(self._late_ids), len(self._soon_ids))
            return
        mask = list(map(self._ids.__contains__, self._all_ids))
        self._visible = list(compress(self._all, mask))
        self._visible_ids = list(compress(self._all_ids, mask))
        self._counts = (len(self._late_ids & self._ids), len(self._soon_ids & self._ids))

    def all_rows(self) -> list[ProposalRow]:
        return self._all

    def visible_rows(self) -> list[ProposalRow]:
        return self._visible

    def visible_counts(self) -> tuple[int, int]:
        """How many of the visible rows are overdue, and due soon."""
        return self._counts

    def row_at(self, row: int) -> ProposalRow | None:
        return self._visible[row] if 0 <= row < len(self._visible) else None

    def row_of(self, proposal_id: int) -> int:
        if self._visible_ids is None:
            self._visible_ids = [r.id for r in self._visible]
        try:
            return self._visible_ids.index(proposal_id)
        except ValueError:
            return -1

    # ---- Qt model API ------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        columns = self._columns
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(columns):
            if role == Qt.ItemDataRole.DisplayRole:
                return columns[section].title
            if role == Qt.ItemDataRole.ToolTipRole and columns[section].key == "due":
                return "答复或会办意见应送出的日期；红色为已逾期，黄色为即将到期"
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ANSWERED or not index.isValid():
            return None
        row = self._visible[index.row()]
        column = self._columns[index.column()]
        if role == _DISPLAY:
            return column.text(row)
        if role == ROW_ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.BackgroundRole:
            if row.overdue:
                return QBrush(OVERDUE_BG)
            if row.due_soon:
                return QBrush(DUE_SOON_BG)
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if column.key == "due":
                if row.overdue:
                    return QBrush(OVERDUE_FG)
                if row.due_soon:
                    return QBrush(DUE_SOON_FG)
            if column.key == "status":
                color = STATUS_COLORS.get(row.status)
                return QBrush(color) if color else None
            if column.key == "key" and row.key:
                return QBrush(QColor("#c98a00"))
            return None
        if role == Qt.ItemDataRole.FontRole and column.key == "due" and row.overdue:
            return self._bold
        if role == Qt.ItemDataRole.TextAlignmentRole and column.centered:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        return None

    def _tooltip(self, row: ProposalRow, column: Column) -> str | None:
        if column.key == "title":
            return f"第{row.number}号　{row.title}\n{row.meeting}　提案人：{row.proposer}"
        if column.key == "due" and row.due and (row.overdue or row.due_soon):
            return days_text((row.due - (self._today or dt.date.today())).days)
        if column.key == "key" and row.key:
            return "重点提案"
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        ids = [self._visible[i.row()].id if i.row() < len(self._visible) else None
               for i in persistent]
        self._sort = (column, order)
        self._apply_sort()
        position = {r.id: n for n, r in enumerate(self._visible)}
        self.changePersistentIndexList(persistent, [
            self.index(position[i], old.column()) if i in position else QModelIndex()
            for i, old in zip(ids, persistent, strict=True)
        ])
        self.layoutChanged.emit()

    def _apply_sort(self) -> None:
        column, order = self._sort
        if not 0 <= column < len(self._columns):
            return  # the core's order: year, meeting, number
        key = self._columns[column].sort_key
        self._visible_ids = None
        # Ties keep the core's order, so sorting by 状态 still lists numbers in sequence.
        self._visible.sort(key=key, reverse=order == Qt.SortOrder.DescendingOrder)
