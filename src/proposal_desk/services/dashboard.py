"""The figures of the 工作台 (dashboard) and the navigation counts, computed from list rows.

Qt-free: the GUI only draws what this returns. Rows come from `queries.list_rows`, whose
`overdue` and `due_soon` flags already follow the deadline rules.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import compress
from operator import attrgetter

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
# What year_figures groups rows by (each group is counted once).
_grouped = attrgetter("status", "role", "category", "satisfaction", "overdue", "due_soon",
                      "section", "handler")
_status_replied = attrgetter("status", "replied")
_status_due = attrgetter("status", "due")
_overdue, _due_soon = attrgetter("overdue"), attrgetter("due_soon")


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
    """Everything the dashboard shows for one year (None: all years).

    Rows are first grouped by the fields the counts read (a few hundred groups however many
    rows; the replies and due dates by (status, date)), then each group is counted once: no
    Python loop per row, as views.counts. tests/test_dashboard_figures.py compares it with
    counting row by row."""
    chosen = rows if year is None else [r for r in rows if r.year == year]
    if not isinstance(chosen, list):
        chosen = list(chosen)
    fig = YearFigures(year=year)
    by_status = fig.by_status = {s.value: 0 for s in STATUS_ORDER}
    by_role = fig.by_role = {r.value: 0 for r in Role}
    by_category = fig.by_category = dict.fromkeys(categories, 0)
    by_satisfaction = fig.by_satisfaction
    # Per section and per (section, handler): [total, open, overdue, due soon].
    sections: dict[str, list[int]] = {}
    handlers: dict[tuple[str, str], list[int]] = {}
    total = returned = 0
    for (status, role, category, satisfaction, late, soon, section, handler), n in \
            Counter(map(_grouped, chosen)).items():
        by_status[status] = by_status.get(status, 0) + n
        if status == _RETURNED:
            # Taken back by the proposal office: never ours, so in no total or rate.
            returned += n
            continue
        total += n
        by_role[role] = by_role.get(role, 0) + n
        if role in _ANSWERING:
            if category:
                by_category[category] = by_category.get(category, 0) + n
            if satisfaction:
                by_satisfaction[satisfaction] = by_satisfaction.get(satisfaction, 0) + n
        section = section or NO_SECTION
        key = (section, handler or NO_HANDLER)
        is_open = n if status in OPEN else 0
        late_n, soon_n = n if late else 0, n if soon else 0
        for sums in (sections.get(section) or sections.setdefault(section, [0, 0, 0, 0]),
                     handlers.get(key) or handlers.setdefault(key, [0, 0, 0, 0])):
            sums[0] += n
            sums[1] += is_open
            sums[2] += late_n
            sums[3] += soon_n
    # 办复: the first reply or the 会办意见 has been sent (a reopened one still counts).
    answered = 0
    replied_by_month, due_by_month = fig.replied_by_month, fig.due_by_month
    for (status, replied), n in Counter(map(_status_replied, chosen)).items():
        if replied is None or status == _RETURNED:
            continue
        answered += n
        if year is None or replied.year == year:
            replied_by_month[replied.month - 1] += n
    for (status, due), n in Counter(map(_status_due, chosen)).items():
        if due and status in _DUE_COUNTED and (year is None or due.year == year):
            due_by_month[due.month - 1] += n
    # Overdue and due-soon rows are few: pick them by their flag first.
    fig.overdue = [r for r in compress(chosen, map(_overdue, chosen)) if r.status != _RETURNED]
    fig.due_soon = [r for r in compress(chosen, map(_due_soon, chosen))
                    if not r.overdue and r.status != _RETURNED]
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
