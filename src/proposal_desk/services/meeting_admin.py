"""Putting the register right: renaming a meeting (a ledger imported without one gets the
placeholder 2024年度政协提案), merging two meetings of the same year and kind, and deleting a
proposal entered by mistake.

Qt-free. Each change is checked before anything is written; merging and deleting take a
backup first (storage.backup.backup_before), and a deleted proposal stays readable in the
audit log, which is never cleaned up.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from proposal_desk.core.enums import Role
from proposal_desk.core.text import clean_line
from proposal_desk.services import handling
from proposal_desk.services.meetings import parse_meeting
from proposal_desk.storage.backup import backup_before
from proposal_desk.storage.errors import UserError
from proposal_desk.storage.models import AuditEntry, Meeting, Proposal

if TYPE_CHECKING:
    from proposal_desk.storage.database import Database

REASON_DELETE = "删除提案前"
REASON_MERGE = "合并会议前"
_MEETING_DATES = ("reply_due", "assist_due", "return_due")


def _meeting(session: Session, meeting_id: int) -> Meeting:
    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        raise UserError("该会议已不存在（可能已被合并或删除），请刷新后重试")
    return meeting


# A meeting's fixed dates (the office's notice): the roles each applies to, its name as the
# settings window shows it, and whether a proposal's own 办理时限 replaces it for that
# proposal (the answer dates, rules.effective_due; not the 退回 date).
_DUE_ROLES = {"reply_due": ((Role.LEAD, Role.SPLIT), "主办、分办答复截止日期", True),
              "assist_due": ((Role.ASSIST, Role.JOINT), "协办、会办意见截止日期", True),
              "return_due": (tuple(Role), "申请退回截止日期", False)}


def check_meeting_dates(session: Session, meeting_id: int,
                        dates: dict[str, dt.date | None]) -> None:
    """A fixed date of a meeting is a deadline of the proposals the office assigned with its
    notice: never before the first 交办 among the proposals it binds (the rule of every
    handling date, handling.check_not_before_assigned: a date typed wrong, such as the day
    before the whole batch was assigned), naming that proposal; `dates`: reply_due,
    assist_due, return_due. A proposal assigned later (reassigned) does not hold the notice's
    date back, nor does one with its own 办理时限, which the answer dates do not bind
    (rules.effective_due)."""
    for name, day in dates.items():
        if day is None:
            continue
        roles, label, own_due_replaces = _DUE_ROLES[name]
        bound = select(Proposal.number, Proposal.assigned_on).where(
            Proposal.meeting_id == meeting_id, Proposal.role.in_([r.value for r in roles]),
            Proposal.assigned_on.is_not(None))
        if own_due_replaces:
            bound = bound.where(Proposal.due_override.is_(None))
        first = session.execute(bound.order_by(Proposal.assigned_on).limit(1)).first()
        if first is not None:
            try:
                handling.check_not_before_assigned(day, first.assigned_on, label)
            except UserError as exc:
                raise UserError(f"{exc}：第{first.number}号于该日交办") from None


def rename_meeting(session: Session, meeting_id: int, new_name: str) -> Meeting:
    """Give a meeting its real name; body, term and session are read again from the name."""
    meeting = _meeting(session, meeting_id)
    name = clean_line(new_name).replace(" ", "")
    if not name:
        raise UserError("会议名称不能为空")
    if name == meeting.name:
        return meeting
    parsed = parse_meeting(name)
    if parsed is not None and parsed.kind.value != meeting.kind:
        raise UserError(f"“{name}”是{parsed.kind.body_word}会议，而“{meeting.name}”的"
                        f"提案是{meeting.kind}，不能这样改名")
    clash = session.scalars(select(Meeting).where(
        Meeting.kind == meeting.kind, Meeting.name == name, Meeting.id != meeting.id)).first()
    if clash is not None:
        raise UserError(f"已有名为“{name}”的会议（{clash.year}年）。如果两者是同一次会议，"
                        f"请用“合并到…”把“{meeting.name}”的提案并入“{name}”")
    meeting.name = name
    meeting.body = parsed.body if parsed else ""
    meeting.term = parsed.term if parsed else None
    meeting.session = parsed.session if parsed else None
    session.flush()
    return meeting


def merge_targets(session: Session, meeting_id: int) -> list[Meeting]:
    """The meetings `meeting_id` may be merged into: same kind and year, not itself."""
    meeting = _meeting(session, meeting_id)
    return list(session.scalars(
        select(Meeting).where(Meeting.kind == meeting.kind, Meeting.year == meeting.year,
                              Meeting.id != meeting.id).order_by(Meeting.name)))


def merge_meetings(session: Session, source_id: int, target_id: int) -> int:
    """Move every proposal of `source` into `target`, then drop `source`; returns how many
    moved. Refused, with nothing changed, when a number is in both meetings."""
    source = _meeting(session, source_id)
    target = _meeting(session, target_id)
    if source.id == target.id:
        raise UserError("不能把会议合并到它自己")
    if (source.kind, source.year) != (target.kind, target.year):
        raise UserError(f"只能合并同一年度、同一类型的会议：“{source.name}”是{source.year}年"
                        f"{source.kind}，“{target.name}”是{target.year}年{target.kind}")
    numbers = set(session.scalars(select(Proposal.number).where(
        Proposal.meeting_id == target.id)))
    moving = list(session.scalars(select(Proposal).where(Proposal.meeting_id == source.id)))
    both = sorted({p.number for p in moving} & numbers)
    if both:
        shown = "、".join(f"第{n}号" for n in both[:10])
        more = f"等 {len(both)} 件" if len(both) > 10 else ""
        raise UserError(
            f"无法合并：{shown}{more}提案在“{source.name}”和“{target.name}”中都有。"
            "请先核对，删除重复录入的那一件（在清单中右键 → 删除提案），再合并。数据没有改变。")
    for p in moving:
        p.meeting = target
    for column in _MEETING_DATES:  # keep the target's fixed dates; fill only what it lacks
        if getattr(target, column) is None and getattr(source, column) is not None:
            setattr(target, column, getattr(source, column))
    session.flush()
    session.delete(source)
    session.flush()
    return len(moving)


def merge_meetings_with_backup(db: Database, source_id: int, target_id: int) -> int:
    """The merge, after a backup. A merge merge_meetings refuses (another year, a number in
    both) is refused first, by a dry run rolled back, so no backup is taken for nothing."""
    with db.session() as session:
        try:
            merge_meetings(session, source_id, target_id)
        finally:
            session.rollback()
    backup_before(db, REASON_MERGE)
    with db.transaction() as session:
        return merge_meetings(session, source_id, target_id)


# ---- deleting a proposal ----------------------------------------------------------------

def proposal_label(p: Proposal) -> str:
    """区政协十四届四次会议第144009号《关于…》, as a confirmation names it."""
    title = p.title if len(p.title) <= 40 else p.title[:39] + "…"
    return f"{p.meeting.name}第{p.number}号《{title}》"


def _snapshot(p: Proposal) -> dict[str, Any]:
    """What the audit log keeps of a deleted proposal: enough to re-enter it by hand."""
    def day(value: dt.date | None) -> str | None:
        return value.isoformat() if value else None

    sent = [r for r in p.replies if r.sent_on]
    return {k: v for k, v in {
        "meeting_id": p.meeting.name, "number": p.number, "title": p.title, "role": p.role,
        "key": p.key or None, "proposer_names": p.proposer_names, "lead_unit": p.lead_unit,
        "assigned_on": day(p.assigned_on), "status": p.status, "category": p.category,
        "satisfaction": p.satisfaction, "replied_on": day(p.replied_on),
        "doc_number": "、".join(r.doc_number for r in sent if r.doc_number) or None,
        "text": "\n\n".join(r.text for r in sent if r.text) or None,
        "notes": p.notes,
    }.items() if v not in (None, "")}


def delete_proposal(session: Session, proposal_id: int) -> str:
    """Delete one proposal with its records, replies and attachments; returns its label.
    The audit log keeps a copy of its main fields (the log outlives the rows)."""
    p = session.get(Proposal, proposal_id)
    if p is None:
        raise UserError("该提案已不存在（可能已被删除），请刷新后重试")
    label = proposal_label(p)
    session.add(AuditEntry(at=dt.datetime.now().replace(microsecond=0),
                           user=session.info.get("user", ""), table="proposal",
                           row_id=str(p.id), proposal_id=p.id, action="delete",
                           changes=_snapshot(p)))
    session.delete(p)
    session.flush()
    return label


def delete_proposal_with_backup(db: Database, proposal_id: int) -> str:
    backup_before(db, REASON_DELETE)  # stops here, nothing deleted, if no copy can be made
    with db.transaction() as session:
        return delete_proposal(session, proposal_id)


@dataclass(frozen=True)
class MeetingLine:
    """One meeting as the settings page lists it."""

    id: int
    name: str
    kind: str
    year: int
    count: int


def meeting_lines(session: Session) -> list[MeetingLine]:
    from sqlalchemy import func

    counts = dict(session.execute(
        select(Proposal.meeting_id, func.count()).group_by(Proposal.meeting_id)).all())
    return [MeetingLine(m.id, m.name, m.kind, m.year, counts.get(m.id, 0))
            for m in session.scalars(select(Meeting).order_by(Meeting.year.desc(),
                                                              Meeting.name))]
