"""Editing a proposal's record as a form does: read the fields, check them, write them back.

The window's forms and dialogs call these inside one `Database.transaction()`; the handling
steps themselves (sign, assign, records, replies, opinions) stay in services.handling.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from proposal_desk.core.enums import Kind, Role, Stage
from proposal_desk.core.text import clean_line, clean_text, split_names
from proposal_desk.services import handling, meeting_admin
from proposal_desk.services.meetings import ensure_meeting
from proposal_desk.storage.errors import UserError
from proposal_desk.storage.models import (
    Attachment,
    AuditEntry,
    Correspondence,
    Meeting,
    Proposal,
    Section,
    Staff,
)


@dataclass
class BasicInfo:
    """The 基本信息 of a proposal, as the form edits it."""

    meeting_id: int
    number: str
    title: str
    role: str
    proposers: list[str] = field(default_factory=list)  # 领衔人 first, then 联名人
    sector: str = ""
    lead_units: list[str] = field(default_factory=list)  # 主办单位
    other_units: list[str] = field(default_factory=list)  # 协办/会办单位
    key: bool = False
    supervisor: str = ""
    assigned_on: dt.date | None = None
    due_override: dt.date | None = None
    signed_on: dt.date | None = None
    section: str = ""
    handler: str = ""
    leader: str = ""
    topics: list[str] = field(default_factory=list)
    merged_with: str = ""
    summary: str | None = None  # None: leave the stored 办理小结 as it is
    notes: str = ""


def read_basic(p: Proposal) -> BasicInfo:
    return BasicInfo(
        meeting_id=p.meeting_id, number=p.number, title=p.title, role=p.role,
        proposers=[pm.member.name for pm in p.proposers], sector=p.sector,
        lead_units=p.units_in(Role.LEAD.value),
        other_units=[u.unit_name for u in p.units if u.role != Role.LEAD.value],
        key=p.key, supervisor=p.supervisor, assigned_on=p.assigned_on,
        due_override=p.due_override, signed_on=p.signed_on,
        section=p.section.name if p.section else "",
        handler=p.handler.name if p.handler else "",
        leader=p.leader.name if p.leader else "",
        topics=[t.topic.name for t in p.topics], merged_with=p.merged_with,
        summary=p.summary, notes=p.notes,
    )


def _check_number(session: Session, meeting_id: int, number: str, own_id: int | None) -> str:
    number = clean_line(number)
    if not number:
        raise UserError("提案号不能为空")
    clash = session.scalar(select(Proposal.id).where(
        Proposal.meeting_id == meeting_id, Proposal.number == number))
    if clash is not None and clash != own_id:
        raise UserError(f"本会议中已有第{number}号，不能重复")
    return number


def _check_role(role: str) -> Role:
    """Any role may be set, also after an answer went out: the office's reassignment is a
    fact, and what was sent stays on record as history (handling.reassigned_note, which the
    reply tab shows; an import of the corrected list does the same)."""
    try:
        return Role(role)
    except ValueError as exc:
        raise UserError(f"办理方式“{role}”无效（主办、协办、会办、分办）") from exc


def apply_basic(session: Session, p: Proposal, info: BasicInfo) -> None:
    """Write the form back; every check fails with a message before anything is half-written."""
    number = _check_number(session, info.meeting_id, info.number, p.id)
    title = clean_line(info.title)
    if not title:
        raise UserError("案由不能为空")
    role = _check_role(info.role)
    due = info.due_override
    if due == p.due_override and p.role:  # not changed with the role: the old role's goes
        due = handling.due_for_role(Role(p.role), role, due)
    if info.assigned_on != p.assigned_on:  # the dates held must still follow it
        later = handling.dates_after_assigned(p)
        later.pop(handling.SIGNED_ON)  # the form's own 签收日期 is checked below
        handling.check_assigned(info.assigned_on, later)
    handling.check_not_before_assigned(due, info.assigned_on, handling.DUE_ON)
    if info.signed_on:
        handling.check_signed(info.signed_on, info.assigned_on)
        handling.check_not_in_future(info.signed_on, "签收日期")  # as handling.sign does
    if info.meeting_id != p.meeting_id:
        meeting = session.get(Meeting, info.meeting_id)
        if meeting is None:
            raise UserError("所选会议不存在")
        p.meeting = meeting
    p.number = number
    p.title = title
    p.role = role.value
    p.sector = clean_line(info.sector)
    p.key = info.key
    p.supervisor = clean_line(info.supervisor)
    p.assigned_on = info.assigned_on
    p.due_override = due
    p.signed_on = info.signed_on
    p.merged_with = clean_line(info.merged_with)
    if info.summary is not None:
        p.summary = clean_text(info.summary)
    p.notes = clean_text(info.notes)
    handling.set_proposers(session, p, info.proposers, sector=p.sector)
    existing = {u.unit_name: u.role for u in p.units}
    other_role = Role.JOINT.value if role is Role.JOINT else Role.ASSIST.value
    units = [(n, Role.LEAD.value) for n in info.lead_units]
    units += [(n, existing.get(n, other_role) if existing.get(n) != Role.LEAD.value
               else other_role) for n in info.other_units]
    handling.set_units(session, p, units)
    handling.set_topics(session, p, info.topics)
    handling.assign(session, p, section=clean_line(info.section) or None,
                    handler=clean_line(info.handler), leader=clean_line(info.leader))
    if not clean_line(info.section) and p.section is not None:
        p.section = None


def names(text: str) -> list[str]:
    """A typed list of people or units: 、，, ; and spaces separate."""
    return split_names(text)


def create_proposal(session: Session, *, meeting_id: int, number: str, title: str, role: str,
                    proposers: list[str], assigned_on: dt.date | None) -> Proposal:
    """A proposal typed in by hand (most arrive through the import)."""
    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        raise UserError("请先选择会议")
    number = _check_number(session, meeting_id, number, None)
    title = clean_line(title)
    if not title:
        raise UserError("案由不能为空")
    try:
        role_value = Role(role).value
    except ValueError as exc:
        raise UserError(f"办理方式“{role}”无效") from exc
    handling.check_assigned(assigned_on, {})
    p = Proposal(meeting=meeting, number=number, title=title, role=role_value,
                 assigned_on=assigned_on)
    session.add(p)
    session.flush()
    handling.set_proposers(session, p, proposers)
    return p


def create_meeting(session: Session, *, name: str, kind: str, year: int) -> Meeting:
    name = clean_line(name)
    if not name:
        raise UserError("会议名称不能为空")
    if not 1980 <= year <= 2200:
        raise UserError(f"年度“{year}”无效")
    return ensure_meeting(session, name, kind=Kind(kind), year=year)


def update_meeting(session: Session, meeting_id: int, *, reply_due: dt.date | None,
                   assist_due: dt.date | None, return_due: dt.date | None) -> Meeting:
    """The fixed dates from the office's notice for one meeting (empty: use the durations)."""
    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        raise UserError("会议不存在")
    wanted = {"reply_due": reply_due, "assist_due": assist_due, "return_due": return_due}
    meeting_admin.check_meeting_dates(session, meeting_id, {  # a date kept is let be
        name: day for name, day in wanted.items() if day != getattr(meeting, name)})
    meeting.reply_due = reply_due
    meeting.assist_due = assist_due
    meeting.return_due = return_due
    return meeting


# ---- correspondence records ---------------------------------------------------------------

def update_record(record: Correspondence, *, date: dt.date, method: str, stage: str,
                  our_people: str = "", their_people: str = "", place: str = "",
                  content: str = "", attitude: str = "") -> Correspondence:
    """Change a contact record; the same checks as handling.add_record, on a date being
    changed (a record kept as it was dated — an older version's import put some before
    交办 — stays editable)."""
    if date != record.date:
        handling.check_handling_date(date, record.proposal.assigned_on, handling.CONTACT_ON)
    if stage not in {s.value for s in Stage}:
        raise UserError(f"沟通阶段“{stage}”无效（办前、办中、办后）")
    record.date = date
    record.method = handling.parse_method(method).value
    record.stage = stage
    record.our_people = clean_line(our_people)
    record.their_people = clean_line(their_people)
    record.place = clean_line(place)
    record.content = clean_text(content)
    record.attitude = clean_line(attitude)
    return record


def save_record(session: Session, p: Proposal, fields: dict[str, Any], *,
                record_id: int | None = None, new_files: Sequence[Path] = (),
                removed_attachments: Sequence[int] = ()) -> Correspondence:
    """Add (record_id None) or change a record, with files attached to it and files taken off."""
    if record_id is None:
        record = handling.add_record(p, **fields)
        session.flush()
    else:
        found = next((r for r in p.records if r.id == record_id), None)
        if found is None:
            raise UserError("沟通记录不存在（可能已被删除）")
        record = update_record(found, **fields)
    for attachment_id in removed_attachments:
        delete_attachment(session, p, attachment_id)
    for path in new_files:
        handling.add_attachment(session, p, name=path.name, path=path, record=record)
    return record


def delete_record(session: Session, p: Proposal, record_id: int) -> None:
    """A record goes with its attachments (they were evidence of that contact)."""
    record = next((r for r in p.records if r.id == record_id), None)
    if record is None:
        raise UserError("沟通记录不存在（可能已被删除）")
    for attachment in list(record.attachments):
        if attachment in p.attachments:
            p.attachments.remove(attachment)
    p.records.remove(record)
    session.flush()


def delete_attachment(session: Session, p: Proposal, attachment_id: int) -> None:
    attachment = next((a for a in p.attachments if a.id == attachment_id), None)
    if attachment is None:
        raise UserError("附件不存在（可能已被删除）")
    p.attachments.remove(attachment)
    session.flush()


def attachment_of(session: Session, attachment_id: int) -> tuple[str, bytes]:
    """An attachment's file name and content, for opening or saving a copy."""
    attachment = session.get(Attachment, attachment_id)
    if attachment is None:
        raise UserError("附件不存在（可能已被删除）")
    return attachment.original_name, handling.attachment_bytes(session, attachment)


def audit_entries(session: Session, proposal_id: int) -> list[AuditEntry]:
    return list(session.scalars(
        select(AuditEntry).where(AuditEntry.proposal_id == proposal_id)
        .order_by(AuditEntry.id.desc())
    ))


# ---- sections and staff --------------------------------------------------------------------

@dataclass
class StaffLine:
    id: int | None
    name: str
    section: str
    title: str = ""
    phone: str = ""
    is_leader: bool = False
    active: bool = True


def staff_lines(session: Session) -> list[StaffLine]:
    rows = session.scalars(select(Staff).order_by(Staff.is_leader.desc(), Staff.section_id,
                                                  Staff.name))
    return [StaffLine(s.id, s.name, s.section.name if s.section else "", s.title, s.phone,
                      s.is_leader, s.active) for s in rows]


def section_names(session: Session, *, active_only: bool = True) -> list[str]:
    stmt = select(Section.name).order_by(Section.id)
    if active_only:
        stmt = stmt.where(Section.active.is_(True))
    return list(session.scalars(stmt))


def save_sections(session: Session, wanted: list[str]) -> None:
    """Sections listed stay or come back active; the others are retired, never deleted
    (old proposals still name them)."""
    wanted = [clean_line(n) for n in wanted if clean_line(n)]
    for section in session.scalars(select(Section)):
        section.active = section.name in wanted
    for name in wanted:
        handling.ensure_section(session, name).active = True


def save_staff(session: Session, lines: list[StaffLine]) -> None:
    """Add or change staff; a person left out is marked inactive, not deleted."""
    kept: set[int] = set()
    for line in lines:
        name = clean_line(line.name)
        if not name:
            continue
        section = handling.ensure_section(session, line.section) if clean_line(
            line.section) else None
        staff = session.get(Staff, line.id) if line.id else None
        if staff is None:
            staff = handling.ensure_staff(session, name, section, leader=line.is_leader)
        staff.name = name
        staff.section = section
        staff.title = clean_line(line.title)
        staff.phone = clean_line(line.phone)
        staff.is_leader = line.is_leader
        staff.active = line.active
        session.flush()
        kept.add(staff.id)
    for staff in session.scalars(select(Staff)):
        if staff.id not in kept:
            staff.active = False


def people_names(session: Session, *, leaders: bool | None = None,
                 section: str | None = None) -> list[str]:
    """Active staff names for the pick lists (承办人, 分管领导, 签发人)."""
    stmt = select(Staff.name).where(Staff.active.is_(True))
    if leaders is not None:
        stmt = stmt.where(Staff.is_leader.is_(leaders))
    if section:
        stmt = stmt.join(Section, Staff.section_id == Section.id).where(Section.name == section)
    return list(dict.fromkeys(session.scalars(stmt.order_by(Staff.name))))


# ---- several proposals at once -------------------------------------------------------------

def sign_many(session: Session, ids: Sequence[int], on: dt.date) -> int:
    """签收 every listed proposal not yet signed for; returns how many were signed."""
    count = 0
    for p in session.scalars(select(Proposal).where(Proposal.id.in_(list(ids)))):
        if p.signed_on is None:
            handling.sign(p, on)
            count += 1
    return count


def assign_many(session: Session, ids: Sequence[int], *, section: str, handler: str = "",
                leader: str = "") -> int:
    """交办 several proposals to one section (and handler, deputy director) at once."""
    section = clean_line(section)
    if not section:
        raise UserError("请填写承办科室")
    proposals = list(session.scalars(select(Proposal).where(Proposal.id.in_(list(ids)))))
    for p in proposals:
        handling.assign(session, p, section=section, handler=clean_line(handler) or None,
                        leader=clean_line(leader) or None)
    return len(proposals)
