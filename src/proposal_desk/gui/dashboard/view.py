"""The 工作台: counts by state and role, what is overdue and due soon, the workload per section
and handler, and charts of the year (by category, by section, by month)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from proposal_desk.core.enums import Role
from proposal_desk.gui.dashboard.charts import BarChart, Series
from proposal_desk.gui.formatting import date_text
from proposal_desk.services import views
from proposal_desk.services.dashboard import (
    YearFigures,
    follow_up_text,
    rates_text,
    returned_in_tiles,
)
from proposal_desk.services.rows import ProposalRow

TILE_STYLE = """
QPushButton#tile {
  background: #ffffff; border: 1px solid #d5dbe3; border-radius: 6px; padding: 8px 10px;
  text-align: left;
}
QPushButton#tile:hover { border-color: #4f86c6; background: #f5f9ff; }
"""
CATEGORY_COLORS = ("#2e7d32", "#4f86c6", "#e0a100", "#9aa3ad", "#8e6cbf", "#c0504d")
# The overdue and due-soon lists show the most urgent ones; the rest are one double-click (or
# the tile) away in the full list. Thousands of rows here cost 60 ms at every start and load.
LIST_LIMIT = 100
_VIEW_KEY = Qt.ItemDataRole.UserRole + 1


class Tile(QPushButton):
    """A count with its name; clicking opens the list behind it."""

    def __init__(self, name: str, color: str, tip: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tile")
        self.name = name
        self.color = color
        self.tip = tip
        self.setToolTip(tip)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setMinimumHeight(64)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(0)
        self.number = QLabel("0")
        self.number.setStyleSheet(f"font-size: 20pt; font-weight: bold; color: {color};")
        self.caption = QLabel(name)
        self.caption.setStyleSheet("color: #3c4650;")
        for label in (self.number, self.caption):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            layout.addWidget(label)

    def set_count(self, count: int) -> None:
        self.number.setText(str(count))


def _list_tree(headers: list[str], widths: list[int]) -> QTreeWidget:
    tree = QTreeWidget()
    tree.setHeaderLabels(headers)
    tree.setRootIsDecorated(False)
    tree.setUniformRowHeights(True)
    tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    tree.setMinimumHeight(200)
    for n, width in enumerate(widths):
        tree.header().resizeSection(n, width)
    tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
    tree.header().setStretchLastSection(False)
    return tree


class DashboardView(QScrollArea):
    view_requested = Signal(str)  # a navigation view key
    follow_up_requested = Signal()  # the B、C类跟踪 list (回头看)
    proposal_requested = Signal(int)
    import_requested = Signal()
    settings_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboard")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        body.setObjectName("dashboardBody")
        body.setStyleSheet("#dashboardBody { background: #f4f6f9; }" + TILE_STYLE)
        self.setWidget(body)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(16, 12, 16, 16)
        layout.setSpacing(12)

        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 15pt; font-weight: bold; color: #1f2933;")
        self.subheading = QLabel()
        self.subheading.setStyleSheet("color: #5f6b7a;")
        layout.addWidget(self.heading)
        layout.addWidget(self.subheading)

        self.welcome = self._welcome()
        layout.addWidget(self.welcome)

        tiles = QGridLayout()
        tiles.setSpacing(8)
        self.tiles: dict[str, Tile] = {}
        spec = [
            ("all", "全部", "#1f2933", "本年度全部"),
            ("pending", "待签收", "#6b4fa0", "已交办、尚未签收"),
            ("working", "办理中", "#1f5fa8", "含不满意后重新办理的"),
            ("replied", "已答复", "#2e7d32", "等待委员意见反馈"),
            ("closed", "已办结", "#5f6b7a", "委员满意或基本满意、会办意见已送出"),
            ("due_soon", "即将到期", "#8a5a00", "未办结，快到办理时限"),
            ("overdue", "已逾期", "#b3261e", "未办结，已过办理时限"),
        ]
        for n, (key, name, color, tip) in enumerate(spec):
            tile = Tile(name, color, tip + "（点击查看清单）")
            tile.clicked.connect(lambda _c=False, k=key: self.view_requested.emit(k))
            self.tiles[key] = tile
            tiles.addWidget(tile, 0, n)
        role_spec = [("lead", Role.LEAD.value, "#1f5fa8"), ("assist", "协办/会办", "#1f5fa8"),
                     ("split", Role.SPLIT.value, "#1f5fa8"), ("key", "重点提案", "#c98a00"),
                     ("returns", "退回", "#5f6b7a")]
        for n, (key, name, color) in enumerate(role_spec):
            tile = Tile(name, color, f"{name}（点击查看清单）")
            tile.setMinimumHeight(52)
            tile.number.setStyleSheet(f"font-size: 14pt; font-weight: bold; color: {color};")
            tile.clicked.connect(lambda _c=False, k=key: self.view_requested.emit(k))
            self.tiles[key] = tile
            tiles.addWidget(tile, 1, n)
        self.rates = QLabel()
        self.rates.setStyleSheet("color: #3c4650;")
        self.rates.setWordWrap(True)
        tiles.addWidget(self.rates, 1, len(role_spec), 1, len(spec) - len(role_spec))
        layout.addLayout(tiles)
        # 回头看: earlier years' B、C answers to follow up, a link to the B、C类跟踪 list.
        self.follow_up = QLabel()
        self.follow_up.setObjectName("followUpLine")
        self.follow_up.setStyleSheet(
            "#followUpLine { background: #fff8e6; border: 1px solid #e8cf8a; "
            "border-radius: 6px; padding: 6px 10px; color: #5a4300; }")
        self.follow_up.setToolTip(views.FOLLOW_UP_TIP)
        self.follow_up.linkActivated.connect(lambda _link: self.follow_up_requested.emit())
        layout.addWidget(self.follow_up)

        lists = QHBoxLayout()
        lists.setSpacing(12)
        self.overdue_tree = _list_tree(["提案号", "案由", "承办人", "办理时限", "逾期"],
                                       [70, 150, 56, 112, 52])
        self.due_tree = _list_tree(["提案号", "案由", "承办人", "办理时限", "剩余"],
                                   [70, 150, 56, 112, 52])
        for tree in (self.overdue_tree, self.due_tree):
            tree.itemActivated.connect(self._open_item)
            tree.itemDoubleClicked.connect(self._open_item)
        self.overdue_box = self._boxed("已逾期（双击打开）", self.overdue_tree)
        self.due_box = self._boxed("即将到期", self.due_tree)
        self.workload = QTreeWidget()
        self.workload.setHeaderLabels(["科室 / 承办人", "总数", "未办结", "将到期", "逾期"])
        self.workload.setUniformRowHeights(True)
        self.workload.setMinimumHeight(200)
        self.workload.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.workload.header().setStretchLastSection(False)
        for n in range(1, 5):
            self.workload.header().resizeSection(n, 52)
        lists.addWidget(self.overdue_box, 1)
        lists.addWidget(self.due_box, 1)
        lists.addWidget(self._boxed("工作量（科室和承办人）", self.workload), 1)
        layout.addLayout(lists)

        charts = QHBoxLayout()
        charts.setSpacing(12)
        self.category_chart = BarChart("答复类别（主办、分办）")
        self.section_chart = BarChart("各科室办理情况", horizontal=True, stacked=True)
        self.month_chart = BarChart("每月到期和办复件数")
        charts.addWidget(self._boxed("", self.category_chart), 2)
        charts.addWidget(self._boxed("", self.section_chart), 3)
        charts.addWidget(self._boxed("", self.month_chart), 3)
        layout.addLayout(charts)
        layout.addStretch(1)
        self.figures: YearFigures | None = None

    def _boxed(self, title: str, widget: QWidget) -> QFrame:
        frame = QFrame()
        frame.setObjectName("card")
        frame.setStyleSheet("#card { background: #ffffff; border: 1px solid #d5dbe3; "
                            "border-radius: 6px; }")
        inner = QVBoxLayout(frame)
        inner.setContentsMargins(10, 8, 10, 10)
        if title:
            label = QLabel(title)
            label.setStyleSheet("font-weight: bold; color: #1f2933;")
            inner.addWidget(label)
        inner.addWidget(widget)
        if isinstance(widget, QTreeWidget):
            widget.setFrameShape(QFrame.Shape.NoFrame)
        return frame

    def _welcome(self) -> QFrame:
        frame = QFrame()
        frame.setObjectName("welcome")
        frame.setStyleSheet("#welcome { background: #eef4fb; border: 1px solid #b9cfe8; "
                            "border-radius: 6px; }")
        layout = QVBoxLayout(frame)
        title = QLabel("开始使用：三步")
        title.setStyleSheet("font-size: 12pt; font-weight: bold;")
        layout.addWidget(title)
        steps = QLabel(
            "1. 填写本单位名称和别称（导入时据此认出本单位的提案）；<br>"
            "2. 导入提案委发来的交办清单（Excel），先看哪些行是本单位的、为什么，确认后保存；<br>"
            "3. 在清单中选中一件提案，签收、记沟通、写答复。")
        steps.setWordWrap(True)
        layout.addWidget(steps)
        row = QHBoxLayout()
        self.settings_button = QPushButton("填写本单位…")
        self.import_button = QPushButton("导入交办清单…")
        self.import_button.setDefault(True)
        self.settings_button.clicked.connect(self.settings_requested.emit)
        self.import_button.clicked.connect(self.import_requested.emit)
        row.addWidget(self.settings_button)
        row.addWidget(self.import_button)
        row.addStretch(1)
        layout.addLayout(row)
        return frame

    # ---- content -----------------------------------------------------------------------

    def show_figures(self, fig: YearFigures, counts: dict[str, int], *, bureau: str,
                     today: dt.date, categories: dict[str, str]) -> None:
        """`counts` are the navigation lists' counts, so a tile and its list always agree."""
        self.figures = fig
        year = f"{fig.year}年" if fig.year else "全部年度"
        self.heading.setText(f"{bureau or '本单位'} · {year}提案建议办理工作台")
        self.subheading.setText(f"今天是 {date_text(today)}。点击数字可查看对应清单。")
        self.welcome.setVisible(fig.total == 0 or not bureau)
        self.settings_button.setVisible(not bureau)
        # Each tile shows the count of the list it opens, as the tree does; one holding
        # 已退回 rows says so, since the report's 承办 (the line beside) leaves them out.
        returned = returned_in_tiles(fig, counts)
        for key, tile in self.tiles.items():
            tile.set_count(counts.get(key, 0))
            n = returned.get(key, 0)
            tile.caption.setText(tile.name + (f"（含已退回 {n}）" if n else ""))
            tile.setToolTip(tile.tip + (f"\n含已退回的 {n} 件；办理情况报告的承办件数不含"
                                        if n else ""))
        self.rates.setText(rates_text(fig))
        line = follow_up_text(fig)
        self.follow_up.setText(f"{line}　<a href='follow_up'>查看{views.FOLLOW_UP_LABEL}清单</a>"
                               if line else "")
        self.follow_up.setVisible(bool(line))
        self._fill_list(self.overdue_tree, fig.overdue, today, overdue=True)
        self._fill_list(self.due_tree, fig.due_soon, today, overdue=False)
        self.overdue_box.setVisible(True)
        self._fill_workload(fig)
        bars = fig.section_bars
        self.section_chart.set_data([b[0] for b in bars], [
            Series("已办结/已答复", "#2e7d32", tuple(b[1] for b in bars)),
            Series("办理中", "#4f86c6", tuple(b[2] for b in bars)),
            Series("已逾期", "#c62828", tuple(b[3] for b in bars)),
        ])
        self.section_chart.setMinimumHeight(max(240, 70 + 26 * len(bars)))
        codes = list(dict.fromkeys([*categories, *fig.by_category]))
        self.category_chart.set_data([f"{c} 类" for c in codes], [
            Series("件数", "#4f86c6", tuple(fig.by_category.get(c, 0) for c in codes))])
        self.month_chart.set_data([f"{m}月" for m in range(1, 13)], [
            Series("到期", "#e0a100", tuple(fig.due_by_month)),
            Series("办复", "#2e7d32", tuple(fig.replied_by_month)),
        ])

    def _fill_list(self, tree: QTreeWidget, rows: list[ProposalRow], today: dt.date, *,
                   overdue: bool) -> None:
        tree.clear()
        for r in rows[:LIST_LIMIT]:
            days = (today - r.due).days if (overdue and r.due) else (
                (r.due - today).days if r.due else 0)
            item = QTreeWidgetItem([r.number, r.title, r.handler or r.section or "未分配",
                                    date_text(r.due), f"{days} 天"])
            item.setData(0, Qt.ItemDataRole.UserRole, r.id)
            item.setToolTip(1, r.title)
            color = QColor("#b3261e") if overdue else QColor("#8a5a00")
            item.setForeground(4, QBrush(color))
            tree.addTopLevelItem(item)
        if len(rows) > LIST_LIMIT:
            more = QTreeWidgetItem(["", f"另有 {len(rows) - LIST_LIMIT} 件（双击查看全部）"])
            more.setData(0, _VIEW_KEY, "overdue" if overdue else "due_soon")
            more.setForeground(1, QBrush(QColor("#1f5fa8")))
            tree.addTopLevelItem(more)
        if not rows:
            item = QTreeWidgetItem(["", "没有" + ("逾期的" if overdue else "即将到期的")])
            item.setForeground(1, QBrush(QColor("#9aa3ad")))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            tree.addTopLevelItem(item)

    def _fill_workload(self, fig: YearFigures) -> None:
        self.workload.clear()
        for section in fig.sections:
            top = QTreeWidgetItem([section.section, str(section.total), str(section.open),
                                   str(section.due_soon or ""), str(section.overdue or "")])
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            self._color(top, section.overdue)
            for h in fig.handlers:
                if h.section == section.section:
                    child = QTreeWidgetItem([h.handler, str(h.total), str(h.open),
                                             str(h.due_soon or ""), str(h.overdue or "")])
                    self._color(child, h.overdue)
                    top.addChild(child)
            self.workload.addTopLevelItem(top)
        self.workload.expandAll()

    @staticmethod
    def _color(item: QTreeWidgetItem, overdue: int) -> None:
        for n in range(1, 5):
            item.setTextAlignment(n, Qt.AlignmentFlag.AlignCenter)
        if overdue:
            item.setForeground(4, QBrush(QColor("#b3261e")))

    def _open_item(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        proposal_id = item.data(0, Qt.ItemDataRole.UserRole)
        if proposal_id is not None:
            self.proposal_requested.emit(int(proposal_id))
            return
        view = item.data(0, _VIEW_KEY)
        if view:  # 另有 N 件: the whole list
            self.view_requested.emit(str(view))
