"""基本信息 fits the detail pane at the usual screen widths: no field cut off on the right
behind a horizontal scrollbar; on a narrow pane the pairs of fields fold one under the other."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication, QGridLayout, QLabel, QLineEdit, QWidget
from sqlalchemy import select

from proposal_desk.gui.detail.paired_grid import PairedGrid
from proposal_desk.storage.models import Proposal

from .conftest import select_number


def _fields(form: Any) -> list[QWidget]:
    ui = form.ui
    return [ui.meetingBox, ui.numberEdit, ui.titleEdit, ui.proposersEdit, ui.sectorEdit,
            ui.topicsEdit, ui.roleBox, ui.keyCheck, ui.leadUnitsEdit, ui.supervisorEdit,
            ui.otherUnitsEdit, ui.assignedField, ui.signedField, ui.dueField, ui.mergedEdit,
            ui.ruleDueLabel, ui.sectionBox, ui.handlerBox, ui.leaderBox, ui.notesEdit]


@pytest.mark.parametrize("size", [(1366, 768), (1600, 1000), (1100, 700), (1920, 1080)])
def test_every_field_is_inside_the_pane(qtbot: Any, seeded_db: Any, make_window: Any,
                                        size: tuple[int, int]) -> None:
    with seeded_db.transaction() as s:  # the longest 按规定应于 line: the sheet set a due date
        p = s.scalar(select(Proposal).where(Proposal.number == "144009"))
        p.due_override = dt.date(2025, 6, 17)
    window = make_window(seeded_db, size=size)
    detail = select_number(qtbot, window, "144009")
    detail.tabs.setCurrentWidget(detail.basic)
    QApplication.processEvents()
    ui = detail.basic.ui
    assert "本件另定了办理时限" in ui.ruleDueLabel.text()
    assert ui.scrollArea.horizontalScrollBar().maximum() == 0
    right_edge = ui.scrollArea.viewport().width()
    for field in _fields(detail.basic):
        right = field.mapTo(ui.scrollContents, QPoint(field.width(), 0)).x()
        assert right <= right_edge, field.objectName()
        assert field.width() >= min(field.minimumSizeHint().width(), 40), field.objectName()


def test_a_narrow_pane_folds_the_pairs_and_a_wide_one_unfolds_them(
        qtbot: Any, seeded_db: Any, make_window: Any) -> None:
    window = make_window(seeded_db, size=(1600, 1000))
    detail = select_number(qtbot, window, "144009")
    detail.tabs.setCurrentWidget(detail.basic)
    ui = detail.basic.ui
    folding = detail.basic.folding
    for width, folded in ((300, True), (900, False)):
        ui.scrollArea.resize(width, ui.scrollArea.height())
        QApplication.processEvents()
        assert folding.folded is folded
        same_row = ui.sectorEdit.geometry().top() == ui.topicsEdit.geometry().top()
        assert same_row is not folded


def test_folding_and_unfolding_gives_back_the_form_as_designed(qtbot: Any) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    grid = QGridLayout(host)
    labels = [QLabel(text) for text in ("会议", "提案号", "案由", "主题")]
    edits = [QLineEdit() for _ in range(4)]
    grid.addWidget(labels[0], 0, 0)
    grid.addWidget(edits[0], 0, 1)
    grid.addWidget(labels[1], 0, 2)
    grid.addWidget(edits[1], 0, 3)
    grid.addWidget(labels[2], 1, 0)
    grid.addWidget(edits[2], 1, 1, 1, 3)
    grid.addWidget(labels[3], 2, 2)
    grid.addWidget(edits[3], 2, 3)
    grid.setColumnStretch(1, 1)
    grid.setColumnStretch(3, 1)

    def places() -> dict[str, tuple[int, int, int, int]]:
        return {grid.itemAt(i).widget().objectName() or str(i): grid.getItemPosition(i)
                for i in range(grid.count())}

    for n, widget in enumerate(labels + edits):
        widget.setObjectName(f"w{n}")
    designed = places()
    paired = PairedGrid(grid)
    paired.fold(True)
    assert places() == {"w0": (0, 0, 1, 1), "w4": (0, 1, 1, 1), "w1": (1, 0, 1, 1),
                        "w5": (1, 1, 1, 1), "w2": (2, 0, 1, 1), "w6": (2, 1, 1, 1),
                        "w3": (3, 0, 1, 1), "w7": (3, 1, 1, 1)}
    assert grid.columnStretch(3) == 0 and grid.columnStretch(1) == 1
    paired.fold(False)
    assert places() == designed and grid.columnStretch(3) == 1
