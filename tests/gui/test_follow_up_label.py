"""The follow-up list holds B and C proposals, its navigation entry says so, and its columns
say which year and which category (walkthrough F29)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt

from proposal_desk.demo import fill_demo
from proposal_desk.gui.list_model import COLUMNS
from proposal_desk.gui.navigation import Target
from proposal_desk.gui.proposal_list import ProposalListPane


def test_the_follow_up_entry_names_both_categories(seeded_db: Any, make_window: Any) -> None:
    window = make_window(seeded_db)
    item = window.nav._items[Target("follow_up")]
    assert item.text(0) == "B、C类跟踪"
    assert "B 类、C 类" in item.toolTip(0)
    window.show_target(Target("follow_up"))
    assert "B、C类跟踪" in window.list_pane.title.text()


def _headers(pane: Any) -> list[str]:
    """The column titles in the order the user sees them, hidden ones left out."""
    header = pane.table.horizontalHeader()
    model = pane.model
    return [model.headerData(header.logicalIndex(v), Qt.Orientation.Horizontal)
            for v in range(header.count()) if not header.isSectionHidden(header.logicalIndex(v))]


def test_the_follow_up_list_shows_year_and_category_up_front(bureau_db: Any, make_window: Any,
                                                             qtbot: Any) -> None:
    """B、C类跟踪 holds answers of earlier years: which year, and B or C, come first; the
    deadline (long past, already answered) is not shown there. Other lists keep their
    columns, and the layout saved on closing is always theirs."""
    fill_demo(bureau_db)
    window = make_window(bureau_db)
    pane = window.list_pane
    main = _headers(pane)
    assert main == [c.title for c in COLUMNS]
    window.show_target(Target("follow_up"))
    shown = _headers(pane)
    assert shown[1:5] == ["年度", "提案号", "案由", "答复类别"]
    assert "办理时限" not in shown
    rows = pane.model.visible_rows()
    assert rows and all(r.year < dt.date.today().year for r in rows)
    year, category = shown.index("年度"), shown.index("答复类别")
    assert {pane.model.data(pane.model.index(n, category)) for n in range(len(rows))} == {"B", "C"}
    assert pane.model.data(pane.model.index(0, year)) == f"{rows[0].year}年"
    window.save_layout()  # closing while the follow-up list is shown
    fresh = ProposalListPane()
    qtbot.addWidget(fresh)
    assert window.ctx.layout.restore_header("proposals", fresh.table.horizontalHeader())
    assert _headers(fresh) == main
    header = fresh.table.horizontalHeader()
    assert [header.sectionSize(n) for n in range(len(COLUMNS))] == [c.width for c in COLUMNS]
    window.show_target(Target("view", "all"))
    assert _headers(pane) == main


def test_each_list_keeps_its_own_sort(bureau_db: Any, make_window: Any) -> None:
    """The main list sorted by 提案号 (descending) is sorted so again after a visit to
    B、C类跟踪, rows and header alike, also when the follow-up list is sorted by the column
    in the same place (年度, descending: the header's indicator does not change on the way
    back, so nothing but the switch itself sorts the rows again)."""
    fill_demo(bureau_db)
    window = make_window(bureau_db)
    pane = window.list_pane
    header = pane.table.horizontalHeader()

    def ids() -> list[int]:
        return [r.id for r in pane.model.visible_rows()]

    window.show_target(Target("follow_up"))
    follow_up = ids()
    window.show_target(Target("view", "all"))
    unsorted = ids()
    number = COLUMNS.index(next(c for c in COLUMNS if c.key == "number"))
    pane.table.sortByColumn(number, Qt.SortOrder.DescendingOrder)
    by_number = ids()
    assert by_number != unsorted
    window.show_target(Target("follow_up"))
    assert ids() == follow_up and header.sortIndicatorSection() == -1
    assert _headers(pane)[number] == "年度"
    pane.table.sortByColumn(number, Qt.SortOrder.DescendingOrder)
    by_year = ids()
    window.show_target(Target("view", "all"))
    assert ids() == by_number
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        number, Qt.SortOrder.DescendingOrder)
    window.show_target(Target("follow_up"))
    assert ids() == by_year
