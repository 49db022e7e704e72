"""A search while one year is shown still finds the other years' hits: the list pane says
其他年度还有 N 件, and that link switches to 全部年度 keeping the search text."""

from __future__ import annotations

import datetime as dt
from typing import Any

from proposal_desk.gui.navigation import Target
from proposal_desk.gui.snapshot import ALL_YEARS
from proposal_desk.services import handling
from proposal_desk.storage.models import Meeting, Proposal

from .conftest import wait_loaded


def _add_2024(db: Any) -> None:
    with db.transaction() as s:
        meeting = Meeting(kind="提案", name="区政协十四届三次会议", year=2024)
        for number, title in (("143012", "关于发展农村电商的建议"),
                              ("143020", "关于电商直播规范管理的建议"),
                              ("143031", "关于改善老旧小区停车的建议")):
            p = Proposal(meeting=meeting, number=number, title=title, role="主办",
                         assigned_on=dt.date(2024, 3, 14))
            s.add(p)
            s.flush()
            handling.set_proposers(s, p, ["李明"])
            handling.set_units(s, p, [("区商务局", "主办")])


def _search(qtbot: Any, window: Any, text: str) -> None:
    pane = window.list_pane
    pane.search.setText(text)
    qtbot.waitUntil(lambda: not pane._timer.isActive(), timeout=5000)


def _numbers(window: Any) -> list[str]:
    return sorted(r.number for r in window.list_pane.model.visible_rows())


def test_other_years_hits_are_offered(qtbot: Any, seeded_db: Any, make_window: Any) -> None:
    _add_2024(seeded_db)
    window = make_window(seeded_db)
    window.show_target(Target("view", "all"))
    assert window.nav.year() == 2025
    pane = window.list_pane

    _search(qtbot, window, "电商")
    assert _numbers(window) == ["144009"]
    assert pane.other_years_count() == 2
    assert pane.other_years_label.isVisibleTo(pane)
    assert "其他年度还有 2 件" in pane.other_years_label.text()

    _search(qtbot, window, "食品安全")  # no hit in other years: nothing offered
    assert _numbers(window) == ["144026"] and pane.other_years_count() == 0
    _search(qtbot, window, "停车")  # only other years' hits
    assert _numbers(window) == [] and pane.other_years_count() == 1
    _search(qtbot, window, "")
    assert pane.other_years_count() == 0

    _search(qtbot, window, "电商")
    window.show_target(Target("view", "pending"))  # another list: still offered
    assert pane.other_years_count() == 2
    shown: list[int] = []
    set_rows = pane.set_rows
    pane.set_rows = lambda rows, **kw: (shown.append(len(rows)), set_rows(rows, **kw))[1]
    pane.other_years_label.linkActivated.emit("all-years")
    wait_loaded(qtbot, window)
    del pane.set_rows
    assert len(shown) == 1  # the rows of every year, once: not the old year's first
    assert window.nav.year() == ALL_YEARS and window.snapshot.year == ALL_YEARS
    assert window.target == Target("view", "all")
    assert pane.search_text() == "电商"
    assert _numbers(window) == ["143012", "143020", "144009"]
    assert pane.other_years_count() == 0 and not pane.other_years_label.isVisibleTo(pane)


def test_the_follow_up_list_spans_years(qtbot: Any, seeded_db: Any,
                                        make_window: Any) -> None:
    _add_2024(seeded_db)
    window = make_window(seeded_db)
    window.show_target(Target("follow_up"))
    _search(qtbot, window, "电商")
    assert window.list_pane.other_years_count() == 0


def test_the_count_follows_a_reload(qtbot: Any, seeded_db: Any, make_window: Any) -> None:
    """A proposal moved into the year shown leaves the other years' count on the next reload:
    the count is made against the new snapshot's rows, never the first one's."""
    from sqlalchemy import select

    _add_2024(seeded_db)
    window = make_window(seeded_db)
    window.show_target(Target("view", "all"))
    _search(qtbot, window, "电商")
    first = window.snapshot
    assert window.list_pane.other_years_count() == 2

    with seeded_db.transaction() as s:
        meeting_2025 = s.scalars(select(Meeting).where(Meeting.year == 2025)).first()
        moved = s.scalars(select(Proposal).where(Proposal.number == "143012")).one()
        moved.meeting = meeting_2025
    window.reload()
    wait_loaded(qtbot, window)
    assert window.snapshot is not first and window.nav.year() == 2025
    assert _numbers(window) == ["143012", "144009"]
    assert window.list_pane.other_years_count() == 1
