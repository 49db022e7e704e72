"""The figures of the 工作台 (dashboard) and the navigation counts, computed from list rows.

Qt-free: the GUI only draws what this returns. Rows come from `queries.list_rows`, whose
`overdue` and `due_soon` flags already follow the deadline rules.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from proposal_desk.core.enums import Role, Status
from proposal_desk.core.percent import percent, percent_text
from proposal_desk.services.rows import ProposalRow

OPEN = frozenset({Status.PENDING_SIGN.value, Status.IN_PROGRESS.value, Status.REOPENED.value})
STATUS_ORDER = (Status.PENDING_SIGN, Status.IN_PROGRESS, Status.REOPENED, Status.REPLIED,
                Status.CLOSED, Status.RETURNING, Status.RETURNED)
_RETURNED = Status.RETURNED.value
_ANSWERING = frozenset(r.value for r in Role if r.answers_member)
_DUE_COUNTED = OPEN | {Status.REPLIED.value, Status.CLOSED.value}
NO_SECTION = "未分配科室"
NO_HANDLER = "未指定承办人"


@dataclass(frozen=True)
class Workload:
    """One line of the workload table: a section, or a handler within a section."""

    section: str
    handler: str  # "" for the section's own line
    total: int
    open: int
    overdue: int
    due_soon: int


@dataclass
class YearFigures:
    """`total`, `by_role`, `answered`, categories and opinions leave out 已退回 proposals, as
    the annual report does (documents/figures.compute); `returned` counts those apart."""

    year: int | None
    total: int = 0
    returned: int = 0
    answered: int = 0
    by_status: dict[str, int] = field(default_factory=dict)
    by_role: dict[str, int] = field(default_factory=dict)
    by_category: dict[str, int] = field(default_factory=dict)
    by_satisfaction: dict[str, int] = field(default_factory=dict)
    overdue: list[ProposalRow] = field(default_factory=list)
    due_soon: list[ProposalRow] = field(default_factory=list)
    sections: list[Workload] = field(default_factory=list)
    handlers: list[Workload] = field(default_factory=list)
    # Per section: (section, done, open, overdue), biggest first, for the stacked chart.
    section_bars: list[tuple[str, int, int, int]] = field(default_factory=list)
    replied_by_month: list[int] = field(default_factory=lambda: [0] * 12)
    due_by_month: list[int] = field(default_factory=lambda: [0] * 12)

    @property
    def open_count(self) -> int:
        return sum(self.by_status.get(s, 0) for s in OPEN)

    @property
    def answer_rate(self) -> str:
        """办复率 as the report writes it (half up to one decimal, e.g. 97.4%)."""
        return percent_text(percent(self.answered, self.total))


def year_figures(rows: Iterable[ProposalRow], year: int | None,
                 categories: Iterable[str] = ()) -> YearFigures:
    """Everything the dashboard shows for one year (None: all years)."""
    chosen = [r for r in rows if year is None or r.year == year]
    fig = YearFigures(year=year)
    by_status = fig.by_status = {s.value: 0 for s in STATUS_ORDER}
    by_role = fig.by_role = {r.value: 0 for r in Role}
    by_category = fig.by_category = dict.fromkeys(categories, 0)
    by_satisfaction = fig.by_satisfaction
    # Per section and per (section, handler): [total, open, overdue, due soon]. Plain lists
    # and sets, no enum or Counter per row: 100,000 rows in a tenth of the time.
    sections: dict[str, list[int]] = {}
    handlers: dict[tuple[str, str], list[int]] = {}
    replied_by_month, due_by_month = fig.replied_by_month, fig.due_by_month
    overdue, due_soon = fig.overdue, fig.due_soon
    total = answered = returned = 0
    for r in chosen:
        status = r.status
        by_status[status] = by_status.get(status, 0) + 1
        if status == _RETURNED:
            # Taken back by the proposal office: never ours, so in no total or rate.
            returned += 1
            continue
        total += 1
        by_role[r.role] = by_role.get(r.role, 0) + 1
        # 办复: the first reply or the 会办意见 has been sent (a reopened one still counts).
        replied = r.replied
        answered += replied is not None
        if r.role in _ANSWERING:
            if r.category:
                by_category[r.category] = by_category.get(r.category, 0) + 1
            if r.satisfaction:
                by_satisfaction[r.satisfaction] = by_satisfaction.get(r.satisfaction, 0) + 1
        late, soon, is_open = r.overdue, r.due_soon, status in OPEN
        if late:
            overdue.append(r)
        elif soon:
            due_soon.append(r)
        section = r.section or NO_SECTION
        key = (section, r.handler or NO_HANDLER)
        for sums in (sections.get(section) or sections.setdefault(section, [0, 0, 0, 0]),
                     handlers.get(key) or handlers.setdefault(key, [0, 0, 0, 0])):
            sums[0] += 1
            sums[1] += is_open
            sums[2] += late
            sums[3] += soon
        if replied and (year is None or replied.year == year):
            replied_by_month[replied.month - 1] += 1
        due = r.due
        if due and status in _DUE_COUNTED and (year is None or due.year == year):
            due_by_month[due.month - 1] += 1
    fig.total, fig.answered, fig.returned = total, answered, returned
    fig.overdue.sort(key=lambda r: (r.due or dt.date.max, r.number))
    fig.due_soon.sort(key=lambda r: (r.due or dt.date.max, r.number))
    fig.sections = sorted(
        (Workload(s, "", *c) for s, c in sections.items()),
        key=lambda w: (w.section == NO_SECTION, -w.total, w.section),
    )
    fig.handlers = sorted(
        (Workload(s, h, *c) for (s, h), c in handlers.items()),
        key=lambda w: (-w.open, -w.overdue, w.section, w.handler),
    )
    fig.section_bars = [(w.section, w.total - w.open, w.open - w.overdue, w.overdue)
                        for w in fig.sections]
    return fig


def latest_year(rows: Iterable[ProposalRow]) -> int | None:
    return max((r.year for r in rows), default=None)
