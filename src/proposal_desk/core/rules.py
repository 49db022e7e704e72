"""The handling rules as plain functions: status from facts, deadlines, warnings.

Nothing here touches the database or Qt; storage and the GUI hand in `ProposalFacts`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from proposal_desk.core.dates import add_months, add_working_days, format_cn
from proposal_desk.core.enums import Method, ReturnOutcome, Role, Satisfaction, Status
from proposal_desk.core.settings import Deadlines

# Raised when a release changes what these rules derive for records already stored (the
# cached list columns: status, 办理时限, 答复类别 …); a database opened with an older number
# has every proposal's columns recomputed once (storage.database). 2: a re-handled proposal
# keeps its later round's 办理时限 once that round is answered; a reassigned proposal's status,
# 答复类别 and 答复日期 follow its current role.
RULES_REVISION = 2


@dataclass(frozen=True)
class ContactFact:
    date: dt.date
    method: str


@dataclass(frozen=True)
class ProposalFacts:
    """What the rules need to know of one proposal; built by storage from the records."""

    role: Role
    key: bool = False
    assigned_on: dt.date | None = None
    explicit_due: dt.date | None = None
    signed_on: dt.date | None = None
    meeting_reply_due: dt.date | None = None
    meeting_assist_due: dt.date | None = None
    meeting_return_due: dt.date | None = None
    replies_sent: dict[int, dt.date] = field(default_factory=dict)  # round → sent_on
    reply_drafted: bool = False  # a reply exists (any step) in the current round
    assist_sent_on: dt.date | None = None
    opinions: dict[int, tuple[str, dt.date | None]] = field(default_factory=dict)
    returns: tuple[str, ...] = ()  # ReturnOutcome of each request
    contacts: tuple[ContactFact, ...] = ()


DONE = frozenset({Status.REPLIED, Status.CLOSED, Status.RETURNED})


def derive_status(f: ProposalFacts) -> Status:
    """The state of a proposal, from what has happened to it."""
    if ReturnOutcome.ACCEPTED in f.returns:
        return Status.RETURNED
    if ReturnOutcome.PENDING in f.returns:
        return Status.RETURNING
    if not f.role.answers_member:
        if f.assist_sent_on:
            return Status.CLOSED
        return Status.IN_PROGRESS if f.signed_on else Status.PENDING_SIGN
    current = max(f.replies_sent, default=0)
    if current == 0:
        opened = f.signed_on or f.reply_drafted or f.contacts
        return Status.IN_PROGRESS if opened else Status.PENDING_SIGN
    opinion = f.opinions.get(current)
    if opinion is None:
        return Status.REPLIED
    if opinion[0] == Satisfaction.UNSATISFIED:
        return Status.REOPENED
    return Status.CLOSED


def current_round(f: ProposalFacts) -> int:
    """The handling round a new reply belongs to: a 不满意 opinion opens the next one."""
    last = max(f.replies_sent, default=0)
    if last and f.opinions.get(last, ("",))[0] == Satisfaction.UNSATISFIED:
        return last + 1
    return max(last, 1)


# Where a rule's due date comes from (send_checks words it for the handler).
MEETING_REPLY_DUE = "meeting_reply_due"  # the meeting's fixed date for 主办/分办 answers
MEETING_ASSIST_DUE = "meeting_assist_due"  # the meeting's fixed date for 协办/会办 opinions
LEAD_MONTHS = "lead_months"  # the 主办/分办 duration from 交办
ASSIST_MONTHS = "assist_months"  # the 协办/会办 duration from 交办


def rule_due_with_source(f: ProposalFacts, rules: Deadlines) -> tuple[dt.date | None, str]:
    """The due date the rules give, ignoring an explicit one, and which rule gave it (one of
    the source names above; the date is None without a 交办 date)."""
    if f.role.answers_member:
        if f.meeting_reply_due:
            return f.meeting_reply_due, MEETING_REPLY_DUE
        return (add_months(f.assigned_on, rules.lead_months) if f.assigned_on else None,
                LEAD_MONTHS)
    if f.meeting_assist_due:
        return f.meeting_assist_due, MEETING_ASSIST_DUE
    return (add_months(f.assigned_on, rules.assist_months) if f.assigned_on else None,
            ASSIST_MONTHS)


def effective_due(f: ProposalFacts, rules: Deadlines) -> dt.date | None:
    """When the current piece of work is due.

    A reopened proposal is due `reopen_months` after the 不满意 opinion arrived, and stays so
    once answered again (round_due: a round's limit is its own). When the day
    it arrived is not on record (a ledger's 委员意见 column has none) no date is invented: the
    proposal stays 重新办理 without a deadline, so it is not chased as overdue, and `warnings`
    asks for the date. Otherwise an explicit date on the proposal wins over the meeting's fixed
    dates and the role's duration.
    """
    last = max(f.replies_sent, default=0) if f.role.answers_member else 0
    if derive_status(f) is Status.REOPENED:
        return round_due(f, rules, last + 1)
    if last > 1:  # answered again: the round's own limit stays (the header, list, 办理日志)
        return round_due(f, rules, last)
    return f.explicit_due or rule_due_with_source(f, rules)[0]


def round_due(f: ProposalFacts, rules: Deadlines, round_: int) -> dt.date | None:
    """The limit of one handling round: the first's from 交办 (or the explicit date); a later
    one's `reopen_months` after the 不满意 on the round before arrived (None: not dated)."""
    if round_ <= 1:
        return f.explicit_due or rule_due_with_source(f, rules)[0]
    received = f.opinions.get(round_ - 1, ("", None))[1]
    return add_months(received, rules.reopen_months) if received else None


def reopened_by(f: ProposalFacts) -> dt.date | None:
    """The day the 不满意 opinion on the latest reply arrived, if on record."""
    last = max(f.replies_sent, default=0)
    return f.opinions.get(last, ("", None))[1]


def return_deadline(f: ProposalFacts, rules: Deadlines) -> dt.date | None:
    if f.meeting_return_due:
        return f.meeting_return_due
    start = f.signed_on or f.assigned_on
    return add_working_days(start, rules.return_working_days, holidays=rules.holidays,
                            workdays=rules.workdays) if start else None


@dataclass(frozen=True)
class Timing:
    due: dt.date | None
    overdue: bool
    due_soon: bool
    days_left: int | None  # negative when late


def timing(f: ProposalFacts, rules: Deadlines, today: dt.date) -> Timing:
    status = derive_status(f)
    due = effective_due(f, rules)
    if due is None or status in DONE or status is Status.RETURNING:
        return Timing(due, False, False, None)
    days_left = (due - today).days
    return Timing(due, days_left < 0, 0 <= days_left <= rules.due_soon_days, days_left)


def round_began(round_: int, assigned_on: dt.date | None, opinion_on: dt.date | None,
                sent_before: dt.date | None) -> tuple[dt.date | None, str]:
    """The day handling round `round_` began, and its name as the messages say it: 交办 for
    the first; for a later one the member's opinion on the round before (`opinion_on`, the
    不满意 that opened it) or, undated, that round's reply (`sent_before`): no reply of the new
    round is older than the one it follows."""
    if round_ <= 1:
        return assigned_on, "交办日期"
    if opinion_on is not None:
        return opinion_on, "委员不满意意见的反馈日期"
    return sent_before, f"第{round_ - 1}轮答复日期"


def days_late(sent: dt.date, due: dt.date | None) -> int:
    """How many days after its due date an answer was sent (0: on time, or no due date)."""
    return max((sent - due).days, 0) if due is not None else 0


def first_answer_on(role: Role, replies_sent: Mapping[int, dt.date],
                    assist_sent: Iterable[dt.date | None]) -> dt.date | None:
    """The day the proposal was first answered (None: not yet), the one the on-time rate, the
    list's 答复日期 and a 退回 request go by: a 主办/分办's reply of its first round sent (round
    → sent_on; a later round follows a sent one, so this is round 1's), a 协办/会办's earliest
    会办意见 sent. A later round dated before round 1 (a ledger's history, imported with a
    warning) is not the first answer."""
    return first_reply_on(replies_sent) if role.answers_member else first_opinion_on(assist_sent)


def first_reply_on(replies_sent: Mapping[int, dt.date]) -> dt.date | None:
    """The day the first round's reply went out (round → sent_on of the replies sent): a later
    round follows a sent one, and one dated before round 1 (a ledger's history) is not it."""
    return replies_sent[min(replies_sent)] if replies_sent else None


def first_opinion_on(assist_sent: Iterable[dt.date | None]) -> dt.date | None:
    """The day the earliest 会办意见 went out (None: none sent)."""
    return min((day for day in assist_sent if day), default=None)


def is_on_time(f: ProposalFacts, rules: Deadlines) -> bool | None:
    """For the on-time rate: was the first answer sent by its due date? None if not answered."""
    sent = first_answer_on(f.role, f.replies_sent, (f.assist_sent_on,))
    if sent is None:
        return None
    return days_late(sent, f.explicit_due or rule_due_with_source(f, rules)[0]) == 0


def has_face_to_face(contacts: tuple[ContactFact, ...]) -> bool:
    return any(_face_to_face(c.method) for c in contacts)


def _face_to_face(method: str) -> bool:
    try:
        return Method(method).face_to_face
    except ValueError:
        return False


@dataclass(frozen=True)
class Warning:
    code: str
    text: str  # shown to users, in Chinese


def warnings(f: ProposalFacts, rules: Deadlines, today: dt.date) -> list[Warning]:
    """What the handler should be told about this proposal right now."""
    result: list[Warning] = []
    status = derive_status(f)
    t = timing(f, rules, today)
    if t.overdue and t.due:
        late = -(t.days_left or 0)
        result.append(Warning("overdue", f"已逾期 {late} 天（应于{format_cn(t.due)}前办结）"))
    elif t.due_soon and t.due:
        result.append(Warning("due_soon", f"即将到期：{format_cn(t.due)}，还剩 {t.days_left} 天"))
    if status in (Status.RETURNED, Status.RETURNING):
        return result
    if status is Status.REOPENED and reopened_by(f) is None:
        result.append(Warning("reopen_undated", "委员不满意的意见未填反馈日期，无法计算重新办理"
                                                "时限（不列入催办）；请补填反馈日期"))
    answering = f.role.answers_member and (f.reply_drafted or f.replies_sent)
    if answering and not f.contacts:
        result.append(Warning("no_contact", "尚无与提出人的沟通记录：不沟通不办理，请先沟通再答复"))
    if f.key and f.role.answers_member and status not in DONE and not has_face_to_face(f.contacts):
        result.append(Warning("key_no_meeting", "重点提案尚无当面沟通记录：不见面不答复"))
    # The first meeting within N working days is the answering unit's duty; an assisting
    # unit may talk with the member but need not (DOMAIN: 协办/会办).
    if (rules.first_contact_working_days and f.role.answers_member and f.assigned_on
            and not f.contacts and status in (Status.PENDING_SIGN, Status.IN_PROGRESS)):
        limit = add_working_days(f.assigned_on, rules.first_contact_working_days,
                                 holidays=rules.holidays, workdays=rules.workdays)
        if today > limit:
            result.append(Warning(
                "first_contact",
                f"交办已超过 {rules.first_contact_working_days} 个工作日仍无沟通记录",
            ))
    return result


def check_category(role: Role, category: str, categories: dict[str, str]) -> str | None:
    """An error message when a category is not allowed, else None."""
    if not category:
        return None
    if not role.answers_member:
        return f"{role}提案不评定答复类别（只有主办、分办提案有类别）"
    if category not in categories:
        allowed = "、".join(categories)
        return f"答复类别“{category}”不在设置的类别中（{allowed}）"
    return None
