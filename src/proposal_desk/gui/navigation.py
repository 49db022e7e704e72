"""The navigation pane: the year, the 工作台, the named lists with their counts, and the lists
by meeting and by section."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from proposal_desk.gui.icons import icon
from proposal_desk.services import views

ALL_YEARS = 0
_TARGET = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class Target:
    """What a navigation entry shows: the dashboard, a named view, a meeting or a section."""

    kind: str  # dashboard, view, follow_up, meeting, section
    value: str = ""

    @property
    def label(self) -> str:
        if self.kind == "dashboard":
            return "工作台"
        if self.kind == "view":
            return views.VIEW_BY_KEY[self.value].label
        if self.kind == "follow_up":
            return views.FOLLOW_UP_LABEL
        return self.value


DASHBOARD = Target("dashboard")
ALERT_VIEWS = {"overdue", "due_soon", "pending"}


class NavigationPane(QWidget):
    target_changed = Signal(object)  # Target
    year_changed = Signal(int)  # ALL_YEARS for all

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("navigation")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 0, 6)
        row = QHBoxLayout()
        row.addWidget(QLabel("年度"))
        self.year_box = QComboBox(self)
        self.year_box.setToolTip("下面的清单和工作台都按这个年度统计")
        self.year_box.currentIndexChanged.connect(self._year_chosen)
        row.addWidget(self.year_box, 1)
        layout.addLayout(row)
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(2)
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(True)
        self.tree.setIndentation(14)
        self.tree.setUniformRowHeights(True)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.currentItemChanged.connect(self._item_chosen)
        layout.addWidget(self.tree, 1)
        self._items: dict[Target, QTreeWidgetItem] = {}
        self._updating = False
        self._build_fixed()

    # ---- building ----------------------------------------------------------------------

    def _add(self, parent: QTreeWidget | QTreeWidgetItem, target: Target | None, text: str,
             tip: str = "") -> QTreeWidgetItem:
        item = QTreeWidgetItem(parent, [text, ""])
        item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if tip:
            item.setToolTip(0, tip)
        if target is not None:
            item.setData(0, _TARGET, target)
            self._items[target] = item
        else:
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = QFont(item.font(0))
            font.setBold(True)
            item.setFont(0, font)
            item.setForeground(0, QBrush(QColor("#5f6b7a")))
        return item

    def _build_fixed(self) -> None:
        dash = self._add(self.tree, DASHBOARD, "工作台",
                         "本年度的办理进度、到期和逾期、工作量和图表")
        dash.setIcon(0, icon("dashboard"))
        self.lists = self._add(self.tree, None, "提案清单")
        for view in views.VIEWS:
            self._add(self.lists, Target("view", view.key), view.label, view.tip)
        self._add(self.lists, Target("follow_up"), views.FOLLOW_UP_LABEL, views.FOLLOW_UP_TIP)
        self.meetings = self._add(self.tree, None, "按会议")
        self.sections = self._add(self.tree, None, "按科室")
        self.tree.expandAll()

    def _replace_children(self, group: QTreeWidgetItem, kind: str,
                          entries: list[tuple[str, int]]) -> None:
        for n in reversed(range(group.childCount())):
            child = group.child(n)
            target = child.data(0, _TARGET)
            self._items.pop(target, None)
            group.removeChild(child)
        for name, count in entries:
            item = self._add(group, Target(kind, name), name)
            item.setText(1, str(count))
            item.setToolTip(0, name)
        group.setHidden(not entries)
        group.setExpanded(True)

    # ---- public API --------------------------------------------------------------------

    def set_years(self, years: list[int], chosen: int) -> None:
        self._updating = True
        self.year_box.clear()
        for year in years:
            self.year_box.addItem(f"{year}年", year)
        self.year_box.addItem("全部年度", ALL_YEARS)
        index = self.year_box.findData(chosen)
        self.year_box.setCurrentIndex(max(index, 0))
        self._updating = False

    def year(self) -> int:
        value = self.year_box.currentData()
        return int(value) if value is not None else ALL_YEARS

    def set_counts(self, counts: dict[str, int], follow_up: int,
                   meetings: list[tuple[str, int]], sections: list[tuple[str, int]]) -> None:
        current = self.current_target()
        self._updating = True
        for key, count in counts.items():
            item = self._items.get(Target("view", key))
            if item is not None:
                self._show_count(item, count, alert=key in ALERT_VIEWS)
        item = self._items.get(Target("follow_up"))
        if item is not None:
            self._show_count(item, follow_up, alert=False)
        self._replace_children(self.meetings, "meeting", meetings)
        self._replace_children(self.sections, "section", sections)
        if current is not None and current in self._items:
            self.tree.setCurrentItem(self._items[current])
        self._updating = False

    def _show_count(self, item: QTreeWidgetItem, count: int, *, alert: bool) -> None:
        item.setText(1, str(count) if count else "")
        color = QColor("#b3261e") if alert and count else QColor("#5f6b7a")
        item.setForeground(1, QBrush(color))
        font = QFont(item.font(1))
        font.setBold(alert and count > 0)
        item.setFont(1, font)

    def count_of(self, target: Target) -> str:
        item = self._items.get(target)
        return item.text(1) if item is not None else ""

    def current_target(self) -> Target | None:
        item = self.tree.currentItem()
        return item.data(0, _TARGET) if item is not None else None

    def select(self, target: Target) -> bool:
        item = self._items.get(target)
        if item is None:
            return False
        self.tree.setCurrentItem(item)
        return True

    # ---- slots -------------------------------------------------------------------------

    @Slot(int)
    def _year_chosen(self, _index: int) -> None:
        if not self._updating:
            self.year_changed.emit(self.year())

    @Slot(QTreeWidgetItem, QTreeWidgetItem)
    def _item_chosen(self, item: QTreeWidgetItem | None, _previous: object) -> None:
        if self._updating or item is None:
            return
        target = item.data(0, _TARGET)
        if target is not None:
            self.target_changed.emit(target)
