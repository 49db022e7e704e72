"""The list's due-date tooltip counts from the day the window's rows were read on (the snapshot's
day, which the 逾期 marks were made on), not from the clock: a window left open past midnight
says the same in its marks and in its tooltips until it reads again."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt

from proposal_desk.gui.list_model import COLUMN_INDEX
from proposal_desk.gui.navigation import Target
from proposal_desk.gui.snapshot import read_snapshot


def test_tooltips_count_from_the_snapshot_day(seeded_db: Any, make_window: Any,
                                              qtbot: Any) -> None:
    window = make_window(seeded_db)
    window.show_target(Target("view", "all"))
    model = window.list_pane.model
    row = next(r for r in model.all_rows() if r.due is not None)
    read_on = row.due - dt.timedelta(days=5)  # not the clock's day: the test ran on another
    with qtbot.waitSignal(window.loaded, timeout=20000):
        window.reload(read=lambda _p: read_snapshot(window.ctx.db, window.snapshot.year,
                                                    today=read_on))
    assert window.snapshot.today == read_on
    n = model.row_of(row.id)
    tip = model.data(model.index(n, COLUMN_INDEX["due"]), Qt.ItemDataRole.ToolTipRole)
    assert tip == "还剩 5 天"
