"""The dashboard and the annual report count the same way: 已退回 proposals are left out of
every total and rate and counted apart, so 全部, 主办/协办 and 办复率 agree on both."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select

from proposal_desk.core.enums import ReturnOutcome, Role, Status
from proposal_desk.demo import fill_demo
from proposal_desk.documents import figures
from proposal_desk.services import dashboard, handling
from proposal_desk.services.queries import ListFilter, list_rows
from proposal_desk.storage.models import Proposal

TODAY = dt.date.today()


def _return_one(db: Any, role: str) -> str:
    """Have the proposal office take back one unanswered proposal of `role`."""
    with db.transaction() as s:
        p = next(p for p in s.scalars(select(Proposal).order_by(Proposal.number))
                 if p.role == role and not p.returns and p.status in
                 (Status.PENDING_SIGN.value, Status.IN_PROGRESS.value))
        handling.request_return(p, on=TODAY, reason="不属于本单位职责")
        handling.decide_return(p, ReturnOutcome.ACCEPTED.value, TODAY)
        return p.number


def test_dashboard_and_report_give_the_same_figures(db: Any) -> None:
    fill_demo(db, today=TODAY)
    _return_one(db, Role.ASSIST.value)
    with db.session() as s:
        settings = db.settings(s)
        rows = list_rows(s, ListFilter(), today=TODAY)
        year = dashboard.latest_year(rows)
        assert year is not None
        report = figures.compute(figures.load_digests(s, settings.deadlines, year=year),
                                 settings)
    fig = dashboard.year_figures(rows, year, settings.categories)
    mine = [r for r in rows if r.year == year]
    assert report.returned == fig.returned >= 1
    assert fig.total == report.total == len(mine) - fig.returned
    assert fig.by_status[Status.RETURNED.value] == fig.returned  # still shown apart
    for role in Role:
        assert fig.by_role.get(role.value, 0) == report.by_role.get(role.value, 0), role
    assert fig.answered == report.answered
    assert fig.answer_rate == figures.percent_text(report.answer_rate)
    assert {c: n for c, n in fig.by_category.items() if n} == {
        s.name: s.count for s in report.categories if s.count}
    assert fig.by_satisfaction.get("满意", 0) == report.satisfied
    assert fig.by_satisfaction.get("基本满意", 0) == report.basically
    assert fig.by_satisfaction.get("不满意", 0) == report.unsatisfied
