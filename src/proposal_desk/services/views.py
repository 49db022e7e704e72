"""The named lists of the navigation pane (主办, 已逾期, 重点提案 …) as tests on list rows.

Each view mirrors a `queries.ListFilter` (tests check they agree), so the window can load a year
once and switch lists in memory; the rules stay in the rows' status, due and overdue flags.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from operator import attrgetter
from typing import Any

from proposal_desk.core.enums import Role, Status
from proposal_desk.services.rows import ListFilter, ProposalRow

Test = Callable[[ProposalRow], bool]


@dataclass(frozen=True)
class View:
    key: str
    label: str
    test: Test
    tip: str
    list_filter: ListFilter  # the same list as the core's query filter


def _status(*statuses: Status) -> Test:
    values = {s.value for s in statuses}
    return lambda r: r.status in values


def _role(*roles: Role) -> Test:
    values = {r.value for r in roles}
    return lambda r: r.role in values


VIEWS: tuple[View, ...] = (
    View("all", "全部", lambda r: True, "本年度交给本单位的全部提案和建议", ListFilter()),
    View("lead", "主办", _role(Role.LEAD), "本单位主办的，须答复提出人",
         ListFilter(roles=(Role.LEAD.value,))),
    View("assist", "协办/会办", _role(Role.ASSIST, Role.JOINT),
         "本单位协办、会办的，向主办单位送会办意见",
         ListFilter(roles=(Role.ASSIST.value, Role.JOINT.value))),
    View("split", "分办", _role(Role.SPLIT), "分办给本单位的部分，须答复提出人",
         ListFilter(roles=(Role.SPLIT.value,))),
    View("pending", "待签收", _status(Status.PENDING_SIGN), "已交办、尚未签收",
         ListFilter(statuses=(Status.PENDING_SIGN.value,))),
    View("working", "办理中", _status(Status.IN_PROGRESS, Status.REOPENED),
         "已签收正在办理的，含不满意后重新办理的",
         ListFilter(statuses=(Status.IN_PROGRESS.value, Status.REOPENED.value))),
    View("due_soon", "即将到期", lambda r: r.due_soon, "未办结且快到办理时限的",
         ListFilter(due_soon=True)),
    View("overdue", "已逾期", lambda r: r.overdue, "未办结且已过办理时限的",
         ListFilter(overdue=True)),
    View("replied", "已答复", _status(Status.REPLIED), "已答复、等待委员意见反馈",
         ListFilter(statuses=(Status.REPLIED.value,))),
    View("closed", "已办结", _status(Status.CLOSED), "委员已反馈满意或基本满意，或会办意见已送出",
         ListFilter(statuses=(Status.CLOSED.value,))),
    View("returns", "退回", _status(Status.RETURNING, Status.RETURNED), "申请退回和已退回的",
         ListFilter(statuses=(Status.RETURNING.value, Status.RETURNED.value))),
    View("key", "重点提案", lambda r: r.key, "列为重点提案、有督办领导的",
         ListFilter(key_only=True)),
)

VIEW_BY_KEY = {v.key: v for v in VIEWS}
# The stand-in row each group of rows is tested as: only the grouped fields are real.
_SAMPLE = ProposalRow(id=0, kind="", meeting="", year=0, number="", title="", proposer="",
                      role="", lead_unit="", assigned=None, due=None, status="", category="",
                      satisfaction="", key=False, section="", handler="", signed=None,
                      replied=None)
FOLLOW_UP_KEY = "follow_up"
FOLLOW_UP_LABEL = "B、C类跟踪"
FOLLOW_UP_TIP = "往年答复为 B 类、C 类，尚未落实的（回头看）"


# What every view's test reads of a row (tests/test_scale_paths checks that none reads more).
_VIEW_FIELDS = ("status", "role", "overdue", "due_soon", "key")
_view_key = attrgetter(*_VIEW_FIELDS)


def counts(rows: Iterable[ProposalRow]) -> dict[str, int]:
    """How many rows each view shows, for the numbers beside the navigation entries.

    Rows are first grouped by the fields the tests read (a few dozen groups however many
    rows), then each test runs once per group: 100,000 rows in milliseconds."""
    groups: Counter[tuple[Any, ...]] = Counter(map(_view_key, rows))
    result = {v.key: 0 for v in VIEWS}
    for values, n in groups.items():
        sample = _SAMPLE._replace(**dict(zip(_VIEW_FIELDS, values, strict=True)))
        for v in VIEWS:
            if v.test(sample):
                result[v.key] += n
    return result


def meeting_test(name: str) -> Test:
    return lambda r: r.meeting == name


def section_test(name: str) -> Test:
    return lambda r: (r.section or "") == name
