"""A form laid out as label/field pairs side by side (columns 0-1 and 2-3 of a QGridLayout, as
the .ui forms draw them) that folds into one pair per row when its pane is too narrow for
two, instead of being cut off behind a horizontal scrollbar."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QGridLayout, QScrollArea, QWidget


@dataclass(frozen=True)
class Place:
    widget: QWidget
    row: int
    column: int
    row_span: int
    column_span: int


class PairedGrid:
    """One QGridLayout of pairs; `fold(True)` puts the right-hand pair of each row on a row
    of its own under the left one, `fold(False)` restores the form as designed."""

    def __init__(self, grid: QGridLayout) -> None:
        self.grid = grid
        self.folded = False
        self.designed: list[Place] = []
        for index in range(grid.count()):
            item = grid.itemAt(index)
            widget = item.widget() if item is not None else None
            if widget is None:
                raise ValueError(f"{grid.objectName()}: only widgets can be folded")
            row, column, row_span, column_span = grid.getItemPosition(index)
            self.designed.append(Place(widget, row, column, row_span, column_span))
        self.stretch = [grid.columnStretch(c) for c in range(grid.columnCount())]

    def folded_places(self) -> list[Place]:
        places: list[Place] = []
        row = 0
        for designed_row in sorted({p.row for p in self.designed}):
            on_row = [p for p in self.designed if p.row == designed_row]
            for side in (0, 2):
                pair = [p for p in on_row if side <= p.column < side + 2]
                for p in pair:  # a field that spans to the right edge now ends at column 1
                    places.append(Place(p.widget, row, p.column - side, 1,
                                        min(p.column_span, 2 - (p.column - side))))
                row += 1 if pair else 0
        return places

    def fold(self, folded: bool) -> None:
        if folded == self.folded:
            return
        for p in self.designed:
            self.grid.removeWidget(p.widget)
        for p in self.folded_places() if folded else self.designed:
            self.grid.addWidget(p.widget, p.row, p.column, p.row_span, p.column_span)
        for column, stretch in enumerate(self.stretch):
            self.grid.setColumnStretch(column, stretch if not folded or column < 2 else 0)
        self.folded = folded


class FoldWhenNarrow(QObject):
    """Folds every grid of a scroll area's form together when the area is narrower than the
    form needs with its pairs side by side (measured while they are), and unfolds it when
    the area is wide enough again. Whether the vertical scrollbar shows does not count, so a
    form that grows taller when folded does not flip back and forth."""

    def __init__(self, area: QScrollArea, grids: list[QGridLayout]) -> None:
        super().__init__(area)
        self.area = area
        self.grids = [PairedGrid(grid) for grid in grids]
        self.wide_width = 0  # the form's minimum width with its pairs side by side
        area.installEventFilter(self)

    @property
    def folded(self) -> bool:
        return self.grids[0].folded

    def available(self) -> int:
        return self.area.contentsRect().width() - self.area.verticalScrollBar().sizeHint().width()

    def update(self) -> None:
        form = self.area.widget()
        if form is None:
            return
        if not self.folded:
            self.wide_width = form.minimumSizeHint().width()
        fold = self.available() < self.wide_width
        for grid in self.grids:
            grid.fold(fold)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.area and event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self.update()
        return False
