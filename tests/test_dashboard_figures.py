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
    """Have the proposal office take back one unanswered proposal of `role`; an assisting
    unit's had its 会办意见 sent already, so a returned row has a reply date that no figure
    may count."""
    with db.transaction() as s:
        p = next(p for p in s.scalars(select(Proposal).order_by(Proposal.number))
                 if p.role == role and not p.returns and p.status in
                 (Status.PENDING_SIGN.value, Status.IN_PROGRESS.value))
        handling.request_return(p, on=TODAY, reason="不属于本单位职责")  # before answering
        if not Role(role).answers_member:
            handling.save_assist_opinion(s, p, text="同意主办单位意见。", sent_on=TODAY)
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


def _figures_row_by_row(rows: list[Any], year: int | None,
                        categories: list[str]) -> dashboard.YearFigures:
    """The reference for year_figures' grouped counting: every row looked at on its own."""
    chosen = [r for r in rows if year is None or r.year == year]
    fig = dashboard.YearFigures(year=year)
    fig.by_status = {s.value: 0 for s in dashboard.STATUS_ORDER}
    fig.by_role = {r.value: 0 for r in Role}
    fig.by_category = dict.fromkeys(categories, 0)
    sections: dict[str, list[int]] = {}
    handlers: dict[tuple[str, str], list[int]] = {}
    answering = {r.value for r in Role if r.answers_member}
    counted = dashboard.OPEN | {Status.REPLIED.value, Status.CLOSED.value}
    for r in chosen:
        fig.by_status[r.status] = fig.by_status.get(r.status, 0) + 1
        if r.status == Status.RETURNED.value:
            fig.returned += 1
            continue
        fig.total += 1
        fig.by_role[r.role] = fig.by_role.get(r.role, 0) + 1
        fig.answered += r.replied is not None
        if r.role in answering:
            fig.member_replied += r.replied is not None
            if r.category:
                fig.by_category[r.category] = fig.by_category.get(r.category, 0) + 1
            if r.satisfaction:
                fig.by_satisfaction[r.satisfaction] = fig.by_satisfaction.get(
                    r.satisfaction, 0) + 1
        if r.overdue:
            fig.overdue.append(r)
        elif r.due_soon:
            fig.due_soon.append(r)
        section = r.section or dashboard.NO_SECTION
        for sums in (sections.setdefault(section, [0, 0, 0, 0]),
                     handlers.setdefault((section, r.handler or dashboard.NO_HANDLER),
                                         [0, 0, 0, 0])):
            sums[0] += 1
            sums[1] += r.status in dashboard.OPEN
            sums[2] += r.overdue
            sums[3] += r.due_soon
        if r.replied and (year is None or r.replied.year == year):
            fig.replied_by_month[r.replied.month - 1] += 1
        if r.due and r.status in counted and (year is None or r.due.year == year):
            fig.due_by_month[r.due.month - 1] += 1
    fig.overdue.sort(key=lambda r: (r.due or dt.date.max, r.number))
    fig.due_soon.sort(key=lambda r: (r.due or dt.date.max, r.number))
    fig.sections = sorted((dashboard.Workload(s, "", *c) for s, c in sections.items()),
                          key=lambda w: (w.section == dashboard.NO_SECTION, -w.total,
                                         w.section))
    fig.handlers = sorted((dashboard.Workload(s, h, *c) for (s, h), c in handlers.items()),
                          key=lambda w: (-w.open, -w.overdue, w.section, w.handler))
    fig.section_bars = [(w.section, w.total - w.open, w.open - w.overdue, w.overdue)
                        for w in fig.sections]
    return fig


def test_grouped_figures_equal_counting_row_by_row(db: Any) -> None:
    """year_figures counts groups of equal rows; the result is what counting every row
    gives, on several days (other rows overdue and due soon), for each year and all years."""
    fill_demo(db, today=TODAY)
    _return_one(db, Role.LEAD.value)
    _return_one(db, Role.ASSIST.value)
    with db.session() as s:
        settings = db.settings(s)
        categories = [*settings.categories, "X"]  # one category no row has
        flags = set()
        for today in (TODAY, TODAY - dt.timedelta(days=200), TODAY + dt.timedelta(days=60)):
            rows = list_rows(s, ListFilter(), today=today, deadlines=settings.deadlines)
            flags |= {("overdue", r.overdue) for r in rows}
            flags |= {("due_soon", r.due_soon) for r in rows}
            for year in (None, *sorted({r.year for r in rows})):
                got = dashboard.year_figures(rows, year, categories)
                want = _figures_row_by_row(rows, year, categories)
                assert got == want, (today, year)
                assert list(got.by_category) == list(want.by_category)
                assert list(got.by_satisfaction) == list(want.by_satisfaction)
            assert dashboard.year_figures(iter(rows), None, categories) == \
                _figures_row_by_row(rows, None, categories)
    assert flags == {(f, v) for f in ("overdue", "due_soon") for v in (True, False)}
