"""The figures of the 工作台 (dashboard) and the navigation counts, computed from list rows.

Qt-free: the GUI only draws what this returns. Rows come from `queries.list_rows`, whose
`overdue` and `due_soon` flags already follow the deadline rules.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from proposal_desk.core.enums import Role, Status
from proposal_desk.documents.figures import percent, percent_text
from proposal_desk.services.queries import ProposalRow

OPEN = frozenset({Status.PENDING_SIGN.value, Status.IN_PROGRESS.value, Status.REOPENED.value})
STATUS_ORDER = (Status.PENDING_SIGN, Status.IN_PROGRESS, Status.REOPENED, Status.REPLIED,
                Status.CLOSED, Status.RETURNING, Status.RETURNED)
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
    fig.by_status = {s.value: 0 for s in STATUS_ORDER}
    fig.by_role = {r.value: 0 for r in Role}
    fig.by_category = dict.fromkeys(categories, 0)
    sections: dict[str, Counter[str]] = {}
    handlers: dict[tuple[str, str], Counter[str]] = {}
    for r in chosen:
        fig.by_status[r.status] = fig.by_status.get(r.status, 0) + 1
        if r.status == Status.RETURNED.value:
            # Taken back by the proposal office: never ours, so in no total or rate.
            fig.returned += 1
            continue
        fig.total += 1
        fig.by_role[r.role] = fig.by_role.get(r.role, 0) + 1
        # 办复: the first reply or the 会办意见 has been sent (a reopened one still counts).
        fig.answered += r.replied is not None
        answers = Role(r.role).answers_member
        if r.category and answers:
            fig.by_category[r.category] = fig.by_category.get(r.category, 0) + 1
        if r.satisfaction and answers:
            fig.by_satisfaction[r.satisfaction] = fig.by_satisfaction.get(r.satisfaction, 0) + 1
        if r.overdue:
            fig.overdue.append(r)
        elif r.due_soon:
            fig.due_soon.append(r)
        section = r.section or NO_SECTION
        handler = r.handler or NO_HANDLER
        for counter in (sections.setdefault(section, Counter()),
                        handlers.setdefault((section, handler), Counter())):
            counter["total"] += 1
            counter["open"] += r.status in OPEN
            counter["overdue"] += r.overdue
            counter["due_soon"] += r.due_soon
        if r.replied and (year is None or r.replied.year == year):
            fig.replied_by_month[r.replied.month - 1] += 1
        if r.due and r.status in OPEN | {Status.REPLIED.value, Status.CLOSED.value} and (
                year is None or r.due.year == year):
            fig.due_by_month[r.due.month - 1] += 1
    fig.overdue.sort(key=lambda r: (r.due or dt.date.max, r.number))
    fig.due_soon.sort(key=lambda r: (r.due or dt.date.max, r.number))
    fig.sections = sorted(
        (Workload(s, "", c["total"], c["open"], c["overdue"], c["due_soon"])
         for s, c in sections.items()),
        key=lambda w: (w.section == NO_SECTION, -w.total, w.section),
    )
    fig.handlers = sorted(
        (Workload(s, h, c["total"], c["open"], c["overdue"], c["due_soon"])
         for (s, h), c in handlers.items()),
        key=lambda w: (-w.open, -w.overdue, w.section, w.handler),
    )
    fig.section_bars = [(w.section, w.total - w.open, w.open - w.overdue, w.overdue)
                        for w in fig.sections]
    return fig


def latest_year(rows: Iterable[ProposalRow]) -> int | None:
    return max((r.year for r in rows), default=None)


def years_of(rows: Iterable[ProposalRow]) -> list[int]:
    return sorted({r.year for r in rows}, reverse=True)
