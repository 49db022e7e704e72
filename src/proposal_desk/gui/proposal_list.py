"""The list pane: a title, the search box that filters as you type, the table, and a count."""

from __future__ import annotations

from collections.abc import Set as AbstractSet

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from proposal_desk.gui.icons import icon
from proposal_desk.gui.list_header import ColumnSetHeader
from proposal_desk.gui.list_model import COLUMNS, FOLLOW_UP_COLUMNS, ProposalTableModel
from proposal_desk.services.rows import ProposalRow

SEARCH_DELAY_MS = 150


class ProposalListPane(QWidget):
    current_changed = Signal(object)  # proposal id or None
    search_changed = Signal(str)  # after the typing pause
    activated = Signal(int)
    other_years_requested = Signal()  # the 其他年度还有 N 件 link was clicked

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("proposalList")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(6)
        top = QHBoxLayout()
        self.title = QLabel("全部", self)
        self.title.setObjectName("listTitle")
        top.addWidget(self.title)
        top.addStretch(1)
        self.search = QLineEdit(self)
        self.search.setObjectName("searchBox")
        self.search.setPlaceholderText("搜索编号、案由、提案人、答复、沟通记录（Ctrl+F）")
        self.search.setClearButtonEnabled(True)
        self.search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search.setMinimumWidth(190)
        top.addWidget(self.search, 2)
        layout.addLayout(top)

        self.model = ProposalTableModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("proposalTable")
        self._header = ColumnSetHeader(self.table)
        self.table.setHorizontalHeader(self._header)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Several rows (Ctrl/Shift+click) for 签收 and 交办 at once; the current one is shown.
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(False)
        self.table.setWordWrap(False)
        self.table.setShowGrid(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        vertical = self.table.verticalHeader()
        vertical.setVisible(False)
        # Fixed row heights: the view never measures rows, so 10,000 rows cost nothing extra.
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for n, column in enumerate(COLUMNS):
            header.resizeSection(n, column.width)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        layout.addWidget(self.table, 1)

        bottom = QHBoxLayout()
        self.count_label = QLabel(self)
        self.count_label.setObjectName("countLabel")
        bottom.addWidget(self.count_label)
        # A search of one year still finds the other years' hits: say how many, one click away.
        self.other_years_label = QLabel(self)
        self.other_years_label.setObjectName("otherYearsLink")
        self.other_years_label.setTextFormat(Qt.TextFormat.RichText)
        self.other_years_label.setToolTip("切换到“全部年度”，保留搜索文字")
        self.other_years_label.linkActivated.connect(lambda _l: self.other_years_requested.emit())
        self.other_years_label.hide()
        self._other_years = 0
        bottom.addWidget(self.other_years_label)
        bottom.addStretch(1)
        layout.addLayout(bottom)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self._search_now)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.table.doubleClicked.connect(self._double_clicked)
        self._current: int | None = None
        self._silent = False

    # ---- content -----------------------------------------------------------------------

    def set_rows(self, rows: list[ProposalRow], *, keep: int | None = None) -> None:
        """Replace the rows; the proposal `keep` stays current and the other selected ones
        stay selected, when they are still listed."""
        selected = set(self.selected_ids())
        self._silent = True
        try:
            self.model.set_rows(rows)
        finally:
            self._silent = False
        self.update_count()
        self._reselect(keep, selected)

    def set_follow_up(self, follow_up: bool) -> None:
        """The B、C类跟踪 list's columns (年度, 答复类别 first), or every other list's."""
        self._header.switch(self.model, FOLLOW_UP_COLUMNS if follow_up else COLUMNS)

    def set_filter_ids(self, ids: set[int] | None, *, keep: int | None = None) -> None:
        selected = set(self.selected_ids())
        self._silent = True
        try:
            self.model.set_filter_ids(ids)
        finally:
            self._silent = False
        self.update_count()
        self._reselect(keep, selected)

    def _reselect(self, keep: int | None, selected: AbstractSet[int] = frozenset()) -> None:
        row = self.model.row_of(keep) if keep is not None else -1
        if row >= 0:
            self.select_row(row)
        elif self._current is not None:
            self._current = None
            self.current_changed.emit(None)
        others = selected - {keep}
        if row >= 0 and others:
            selection = self.table.selectionModel()
            flags = (QItemSelectionModel.SelectionFlag.Select
                     | QItemSelectionModel.SelectionFlag.Rows)
            for proposal_id in others:
                n = self.model.row_of(proposal_id)
                if n >= 0:
                    selection.select(self.model.index(n, 0), flags)

    def update_count(self) -> None:
        rows = self.model.visible_rows()
        total = len(self.model.all_rows())
        overdue, soon = self.model.visible_counts()
        text = (f"共 {len(rows)} 件" if len(rows) == total
                else f"找到 {len(rows)} 件（共 {total} 件）")
        extras = []
        if overdue:
            extras.append(f"<span style='color:#b3261e'>已逾期 {overdue} 件</span>")
        if soon:
            extras.append(f"<span style='color:#8a5a00'>即将到期 {soon} 件</span>")
        if extras:
            text += "，" + "，".join(extras)
        self.count_label.setText(text)

    def show_other_years(self, count: int) -> None:
        """Offer the search hits of other years (0: nothing to offer)."""
        self._other_years = count
        if count:
            self.other_years_label.setText(f"<a href='all-years'>其他年度还有 {count} 件</a>")
        self.other_years_label.setVisible(count > 0)

    def other_years_count(self) -> int:
        """The count the link offers, 0 when hidden (tests read this)."""
        return 0 if self.other_years_label.isHidden() else self._other_years

    def select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        if not index.isValid():
            return
        flags = (QItemSelectionModel.SelectionFlag.ClearAndSelect
                 | QItemSelectionModel.SelectionFlag.Rows)
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index)

    def select_id(self, proposal_id: int) -> bool:
        row = self.model.row_of(proposal_id)
        if row >= 0:
            self.select_row(row)
            return True
        return False

    def current_id(self) -> int | None:
        return self._current

    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [r.id for n in rows if (r := self.model.row_at(n)) is not None]

    def step(self, delta: int) -> bool:
        """Move to the next (1) or previous (-1) proposal in the list."""
        rows = self.model.rowCount()
        if not rows:
            return False
        current = self.table.currentIndex().row()
        target = 0 if current < 0 else current + delta
        if not 0 <= target < rows:
            return False
        self.select_row(target)
        return True

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def search_text(self) -> str:
        return self.search.text().strip()

    # ---- slots -------------------------------------------------------------------------

    @Slot()
    def _search_now(self) -> None:
        self.search_changed.emit(self.search_text())

    @Slot(QModelIndex, QModelIndex)
    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._silent:
            return
        row = self.model.row_at(current.row()) if current.isValid() else None
        new = row.id if row else None
        if new != self._current:
            self._current = new
            self.current_changed.emit(new)

    @Slot(QModelIndex)
    def _double_clicked(self, index: QModelIndex) -> None:
        row = self.model.row_at(index.row())
        if row is not None:
            self.activated.emit(row.id)
