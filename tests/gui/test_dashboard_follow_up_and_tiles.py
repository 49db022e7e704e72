"""The new year's 工作台 shows last year's B、C answers to follow up (回头看) with a link to
the B、C类跟踪 list, and a tile counts the list it opens, saying when that holds 已退回
rows the report's 承办 leaves out (newcomer's try-out F11: 全部 40 in the tree, 39 on the
card)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from docdata import add_ledger_2024, add_letter_case

from proposal_desk.core.enums import ReturnOutcome
from proposal_desk.gui.navigation import Target
from proposal_desk.services import handling, views


def _db(bureau_db: Any) -> Any:
    with bureau_db.transaction() as s:
        add_ledger_2024(s)  # one B answer (143118), no follow-up recorded
        add_letter_case(s, number="1", sent=dt.date(2025, 6, 10))
        gone = add_letter_case(s, number="2", role="协办", sent=None)
        handling.request_return(gone, on=dt.date(2025, 3, 20), reason="不属于本单位职责")
        handling.decide_return(gone, ReturnOutcome.ACCEPTED.value, dt.date(2025, 3, 25))
    return bureau_db


def test_new_year_dashboard_shows_last_years_follow_up_with_a_link(
        qtbot: Any, make_window: Any, bureau_db: Any) -> None:
    window = make_window(_db(bureau_db))
    assert window.snapshot.year == 2025
    dash = window.dashboard
    follow = [r for r in window.snapshot.follow_up if r.year == 2024]
    assert follow  # the ledger's B/C answers
    assert not dash.follow_up.isHidden()
    assert (f"上年（2024年）答复为B、C类、尚未落实的 {len(follow)} 件，需跟踪落实（回头看）"
            in dash.follow_up.text())
    dash.follow_up.linkActivated.emit("follow_up")
    assert window.target == Target("follow_up")
    assert window.nav.current_target() == Target("follow_up")


def test_a_tile_counts_its_list_and_names_the_returned_rows(
        qtbot: Any, make_window: Any, bureau_db: Any) -> None:
    window = make_window(_db(bureau_db))
    window.show_target(Target("dashboard"))
    dash = window.dashboard
    # the tree's 全部 and the tile agree (2 rows, one of them 已退回) …
    assert window.nav.count_of(Target("view", "all")) == dash.tiles["all"].number.text() == "2"
    assert dash.tiles["all"].caption.text() == "全部（含已退回 1）"
    assert dash.tiles["assist"].number.text() == "1"
    assert dash.tiles["assist"].caption.text() == "协办/会办（含已退回 1）"
    assert dash.tiles["lead"].caption.text() == "主办"
    # … and the report's 承办, which leaves it out, is the line beside
    assert dash.rates.text().startswith("承办 1 件（另已退回 1 件，不计入）")
    assert views.VIEW_BY_KEY["all"].label == "全部"
