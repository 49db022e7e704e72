"""The proposal list's header across its column sets (list_model.COLUMNS for every list,
FOLLOW_UP_COLUMNS for B、C类跟踪).

Each set keeps the widths, order and sort the user gave it while the window is open, and
saveState always answers for the main set: the window saves the header when it closes and
restores it at start, whichever list was last shown."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtWidgets import QHeaderView, QWidget

from proposal_desk.gui.list_model import COLUMNS, Column, ProposalTableModel


class ColumnSetHeader(QHeaderView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setSectionsClickable(True)  # as QTableView's own header
        self._states: dict[tuple[Column, ...], QByteArray] = {}

    def switch(self, model: ProposalTableModel, columns: tuple[Column, ...]) -> None:
        """Show `columns`, as the user last arranged them (the set's own widths at first).

        The rows take the set's sort from the header: restoreState always emits
        sortIndicatorChanged, even for an unchanged indicator, lay_out's setSortIndicator
        does when it changes, and the table (sorting enabled) hands that to model.sort; the
        model starts each set unsorted (set_columns), so nothing is sorted twice."""
        current = model.columns
        if columns is current:
            return
        self._states[current] = super().saveState()
        model.set_columns(columns)
        state = self._states.get(columns)
        if state is None or not self.restoreState(state):
            self.lay_out(columns)

    def lay_out(self, columns: tuple[Column, ...]) -> None:
        """The set's columns in their own order and widths, unsorted."""
        for n, column in enumerate(columns):
            self.moveSection(self.visualIndex(n), n)
            self.showSection(n)
            self.resizeSection(n, column.width)
        self.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)

    def saveState(self) -> QByteArray:
        model = self.model()
        if isinstance(model, ProposalTableModel) and model.columns is not COLUMNS \
                and COLUMNS in self._states:
            return self._states[COLUMNS]
        return super().saveState()
