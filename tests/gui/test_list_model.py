"""The proposal list model: sorting and search filtering inside the model, marks for overdue
and due-soon rows, and 10,000 rows with no per-row widgets and no column measuring."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QPersistentModelIndex, Qt
from PySide6.QtWidgets import QHeaderView

from proposal_desk.gui.list_model import COLUMN_INDEX, COLUMNS, OVERDUE_BG, ProposalTableModel
from proposal_desk.gui.proposal_list import ProposalListPane
from proposal_desk.services.queries import ProposalRow

TODAY = dt.date(2025, 6, 1)


def row(n: int, *, due: dt.date | None = None, status: str = "办理中", number: str | None = None,
        overdue: bool = False, due_soon: bool = False, key: bool = False) -> ProposalRow:
    return ProposalRow(
        id=n, kind="提案", meeting="区政协十四届四次会议", year=2025,
        number=number or str(144000 + n), title=f"关于第{n}件事的建议", proposer="张三",
        role="主办", lead_unit="区商务局", assigned=dt.date(2025, 3, 18), due=due, status=status,
        category="", satisfaction="", key=key, section="电子商务科", handler="李明",
        signed=None, replied=None, overdue=overdue, due_soon=due_soon)


def test_sorting_by_due_puts_missing_dates_last_and_numbers_numerically() -> None:
    model = ProposalTableModel()
    model.set_rows([row(1, due=dt.date(2025, 7, 1)), row(2), row(3, due=dt.date(2025, 6, 5)),
                    row(4, number="99"), row(5, number="1000")])
    due = COLUMN_INDEX["due"]
    model.sort(due, Qt.SortOrder.AscendingOrder)
    assert [r.id for r in model.visible_rows()][:2] == [3, 1]
    assert model.data(model.index(0, due)) == "2025年6月5日"
    model.sort(COLUMN_INDEX["number"], Qt.SortOrder.AscendingOrder)
    assert [r.number for r in model.visible_rows()][:2] == ["99", "1000"]
    model.sort(-1)  # back to the core's order
    model.set_rows(model.all_rows())
    assert [r.id for r in model.visible_rows()] == [1, 2, 3, 4, 5]


def test_another_column_set_starts_unsorted() -> None:
    """A sort is an index into the shown set: B、C类跟踪's column 1 is 年度, not 提案号, so
    the model shown with other columns lists the next rows it gets in the core's order."""
    from proposal_desk.gui.list_model import FOLLOW_UP_COLUMNS

    model = ProposalTableModel()
    rows = [row(1, number="3"), row(2, number="1"), row(3, number="2")]
    model.set_rows(rows)
    model.sort(COLUMN_INDEX["number"], Qt.SortOrder.AscendingOrder)
    assert [r.id for r in model.visible_rows()] == [2, 3, 1]
    model.set_columns(FOLLOW_UP_COLUMNS)
    model.set_rows([row(3)._replace(year=2024), row(1)._replace(year=2022),
                    row(2)._replace(year=2023)])
    assert [r.id for r in model.visible_rows()] == [3, 1, 2]


def test_a_selected_row_stays_selected_across_a_sort() -> None:
    model = ProposalTableModel()
    model.set_rows([row(1, due=dt.date(2025, 9, 1)), row(2, due=dt.date(2025, 6, 1))])
    kept = QPersistentModelIndex(model.index(0, 0))
    model.sort(COLUMN_INDEX["due"], Qt.SortOrder.AscendingOrder)
    assert kept.row() == 1
    assert model.row_at(kept.row()).id == 1


def test_search_ids_filter_inside_the_model() -> None:
    model = ProposalTableModel()
    model.set_rows([row(n) for n in range(1, 6)])
    model.set_filter_ids({2, 4})
    assert [r.id for r in model.visible_rows()] == [2, 4]
    assert len(model.all_rows()) == 5
    model.set_filter_ids(None)
    assert model.rowCount() == 5


def test_overdue_and_due_soon_rows_are_marked() -> None:
    model = ProposalTableModel()
    model.set_rows([row(1, due=dt.date(2025, 5, 1), overdue=True),
                    row(2, due=dt.date(2025, 6, 3), due_soon=True), row(3, key=True)])
    due = COLUMN_INDEX["due"]
    assert model.data(model.index(0, 0), Qt.ItemDataRole.BackgroundRole).color() == OVERDUE_BG
    assert "逾期" in model.data(model.index(0, due), Qt.ItemDataRole.ToolTipRole)
    assert model.data(model.index(1, due), Qt.ItemDataRole.BackgroundRole) is not None
    assert model.data(model.index(2, 0), Qt.ItemDataRole.BackgroundRole) is None
    assert model.data(model.index(2, COLUMN_INDEX["key"])) == "★"


def test_due_tooltips_count_from_the_snapshot_day_in_the_detail_pane_words() -> None:
    """The window's day (the snapshot's, which the marks were made on), not the clock's, and
    formatting.days_text's words, as the detail pane says them."""
    model = ProposalTableModel()
    model.set_today(TODAY)
    model.set_rows([row(1, due=dt.date(2025, 5, 1), overdue=True),
                    row(2, due=dt.date(2025, 6, 3), due_soon=True),
                    row(3, due=TODAY, due_soon=True), row(4, due=dt.date(2025, 9, 1))])
    due = COLUMN_INDEX["due"]
    tips = [model.data(model.index(n, due), Qt.ItemDataRole.ToolTipRole) for n in range(4)]
    assert tips == ["逾期 31 天", "还剩 2 天", "今天到期", None]


def test_ten_thousand_rows_without_per_row_widgets(qtbot: Any) -> None:
    pane = ProposalListPane()
    qtbot.addWidget(pane)
    pane.resize(1200, 700)
    pane.show()
    qtbot.waitExposed(pane)
    rows = [row(n, due=TODAY + dt.timedelta(days=n % 90), overdue=n % 17 == 0)
            for n in range(1, 10_001)]
    widths = [pane.table.horizontalHeader().sectionSize(n) for n in range(len(COLUMNS))]
    pane.set_rows(rows)
    pane.table.viewport().grab()  # a first paint
    assert pane.model.rowCount() == 10_000
    assert pane.table.verticalHeader().sectionResizeMode(0) == QHeaderView.ResizeMode.Fixed
    # No column measured its 10,000 cells: widths are the ones set up front.
    assert [pane.table.horizontalHeader().sectionSize(n) for n in range(len(COLUMNS))] == widths
    assert pane.table.indexWidget(pane.model.index(9_999, 1)) is None
    assert pane.model.data(pane.model.index(9_999, COLUMN_INDEX["number"])) == "154000"
    assert "共 10000 件" in pane.count_label.text() and "已逾期 588 件" in pane.count_label.text()
    pane.select_id(5_000)
    assert pane.current_id() == 5_000
    assert pane.step(1) and pane.current_id() == 5_001
    pane.table.sortByColumn(COLUMN_INDEX["due"], Qt.SortOrder.DescendingOrder)
    assert pane.current_id() == 5_001  # the selection follows its row through the sort


def test_search_box_waits_for_a_pause_in_typing(qtbot: Any) -> None:
    pane = ProposalListPane()
    qtbot.addWidget(pane)
    seen: list[str] = []
    pane.search_changed.connect(seen.append)
    qtbot.keyClicks(pane.search, "1440")
    assert seen == []  # nothing per keystroke
    qtbot.waitUntil(lambda: seen == ["1440"], timeout=2000)
