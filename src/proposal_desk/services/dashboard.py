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
_status_replied = attrgetter("status", "replied", "role")
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
    # Of `answered`: replies to the member (主办/分办); the rest are 协办/会办意见 sent to the
    # lead unit (stated apart, as the report does).
    member_replied: int = 0
    # Earlier years' B/C answers not yet carried out (回头看), by year, newest first.
    follow_up: list[tuple[int, int]] = field(default_factory=list)
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
                 categories: Iterable[str] = (),
                 follow_up: Iterable[ProposalRow] = ()) -> YearFigures:
    """Everything the dashboard shows for one year (None: all years).

    `follow_up` are the B、C类跟踪 list's rows (every year): those of years before `year`
    are counted for the 回头看 line.

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
    answered = member_replied = 0
    replied_by_month, due_by_month = fig.replied_by_month, fig.due_by_month
    for (status, replied, role), n in Counter(map(_status_replied, chosen)).items():
        if replied is None or status == _RETURNED:
            continue
        answered += n
        if role in _ANSWERING:
            member_replied += n
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
    fig.member_replied = member_replied
    fig.follow_up = follow_up_by_year(follow_up, year)
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


def follow_up_by_year(rows: Iterable[ProposalRow], year: int | None) -> list[tuple[int, int]]:
    """(year, count) of the B、C类跟踪 rows of years before `year` (every year when None),
    newest first: last year's B and C answers are followed up in the new year (回头看)."""
    counts = Counter(r.year for r in rows if year is None or r.year < year)
    return sorted(counts.items(), reverse=True)


def follow_up_text(fig: YearFigures) -> str:
    """The 工作台's 回头看 line, e.g. 上年（2025年）答复为B、C类、尚未落实的 3 件，需跟踪落实
    （回头看）."""
    if not fig.follow_up:
        return ""
    total = sum(n for _, n in fig.follow_up)
    years = "、".join(f"{y}年" for y, _ in fig.follow_up)
    last = fig.year is not None and [y for y, _ in fig.follow_up] == [fig.year - 1]
    when = f"上年（{years}）" if last else f"往年（{years}）"
    return f"{when}答复为B、C类、尚未落实的 {total} 件，需跟踪落实（回头看）"


# The tiles that open a list whose rows include 已退回 ones (views.counts counts every row).
_TILE_ROLES = {"all": tuple(Role), "lead": (Role.LEAD,), "assist": (Role.ASSIST, Role.JOINT),
               "split": (Role.SPLIT,)}


def returned_in_tiles(fig: YearFigures, counts: dict[str, int]) -> dict[str, int]:
    """How many 已退回 rows each of 全部, 主办, 协办/会办 and 分办 holds: the tile shows the
    count of the list it opens (as the tree does), and says 含已退回 N, so it is not read as
    the report's 承办 figure, which leaves them out (newcomer's try-out F11: 40 vs 39)."""
    result = {}
    for key, roles in _TILE_ROLES.items():
        ours = sum(fig.by_role.get(r.value, 0) for r in roles)
        result[key] = max(counts.get(key, ours) - ours, 0)
    return result


def rates_text(fig: YearFigures) -> str:
    """The 工作台's summary line: 承办, 办复 (replies to members and 协办/会办意见 apart),
    办复率 and the opinions received."""
    if not fig.total:
        return f"已退回 {fig.returned} 件" if fig.returned else ""
    returned = f"（另已退回 {fig.returned} 件，不计入）" if fig.returned else ""
    assisting = fig.total - sum(fig.by_role.get(r.value, 0) for r in Role if r.answers_member)
    made_of = (f"（答复委员 {fig.member_replied} 件、送出协办/会办意见 "
               f"{fig.answered - fig.member_replied} 件）" if assisting and fig.answered
               else "")
    parts = [f"承办 {fig.total} 件{returned}，办复 {fig.answered} 件{made_of}，"
             f"办复率 {fig.answer_rate}"]
    opinions = sum(fig.by_satisfaction.values())
    if opinions:
        satisfied = fig.by_satisfaction.get("满意", 0)
        basic = fig.by_satisfaction.get("基本满意", 0)
        parts.append(f"收到意见 {opinions} 件，满意 {satisfied} 件，基本满意 {basic} 件，"
                     f"不满意 {fig.by_satisfaction.get('不满意', 0)} 件")
    return "；".join(parts)


def latest_year(rows: Iterable[ProposalRow]) -> int | None:
    return max((r.year for r in rows), default=None)
