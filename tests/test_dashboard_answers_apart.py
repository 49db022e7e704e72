"""The 工作台's summary line states replies to members and 协办/会办意见 apart, as the report
does, and counts earlier years' B、C answers still to follow up (回头看)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from docdata import add_ledger_2024, add_letter_case, setup_bureau

from proposal_desk.services import dashboard, handling
from proposal_desk.services.queries import ListFilter, list_rows

TODAY = dt.date(2025, 12, 20)


def test_rates_line_and_follow_up(db: Any) -> None:
    with db.transaction() as s:
        setup_bureau(s)
        add_ledger_2024(s)
        add_letter_case(s, number="1", sent=dt.date(2025, 6, 10))
        add_letter_case(s, number="2", sent=None)
        sent = add_letter_case(s, number="3", role="协办", sent=None)
        handling.save_assist_opinion(s, sent, text="我局意见如下。", sent_on=dt.date(2025, 4, 10))
    with db.session() as s:
        rows = list_rows(s, ListFilter(year=2025), today=TODAY)
        follow = list_rows(s, ListFilter(follow_up=True), today=TODAY)
    fig = dashboard.year_figures(rows, 2025, follow_up=follow)
    assert (fig.answered, fig.member_replied) == (2, 1)
    assert dashboard.rates_text(fig) == (
        "承办 3 件，办复 2 件（答复委员 1 件、送出协办/会办意见 1 件），办复率 66.7%")
    last_year = sum(1 for r in follow if r.year == 2024)
    assert last_year and fig.follow_up == [(2024, last_year)]
    assert dashboard.follow_up_text(fig) == (
        f"上年（2024年）答复为B、C类、尚未落实的 {last_year} 件，需跟踪落实（回头看）")
    # the year's own B/C answers are not 回头看 yet; 2024's dashboard has none before it
    assert dashboard.year_figures(rows, 2025).follow_up == []
    assert dashboard.follow_up_text(dashboard.year_figures([], 2024, follow_up=follow)) == ""
    # two years on, 2024's are no longer 上年 but 往年
    later = dashboard.year_figures([], 2026, follow_up=follow)
    years = "、".join(f"{y}年" for y, _ in later.follow_up)
    assert (2024, last_year) in later.follow_up
    assert dashboard.follow_up_text(later) == (
        f"往年（{years}）答复为B、C类、尚未落实的 {sum(n for _, n in later.follow_up)} 件，"
        "需跟踪落实（回头看）")
