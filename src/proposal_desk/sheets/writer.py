"""Writing compared rows: new proposals built in one batch (names looked up once for the
whole import), changed ones updated through the handling services, field by field."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from proposal_desk.core.enums import Publicity, ReviewStep, Stage
from proposal_desk.core.settings import BureauSettings
from proposal_desk.services import handling
from proposal_desk.sheets.compare import LABELS, REPLY_FIELDS, Outcome
from proposal_desk.sheets.ledger import UNIT_FIELDS
from proposal_desk.sheets.plan import RowData
from proposal_desk.storage.models import (
    AssistOpinion,
    Meeting,
    Member,
    Proposal,
    ProposalMember,
    ProposalTopic,
    ProposalUnit,
    Reply,
    Section,
    Staff,
    Topic,
    Unit,
)
from proposal_desk.storage.settings_store import load_settings

RECORD_NOTE = "据台账“沟通方式”栏导入"

class Names:
    """Members, units, sections, staff and topics by name, fetched in a few queries for the
    whole import and created once when new (the batch form of handling.ensure_*)."""

    def __init__(self, session: Session, records: list[RowData]):
        self.session = session
        want: dict[str, set[str]] = {"member": set(), "unit": set(), "section": set(),
                                     "staff": set(), "topic": set()}
        for rd in records:
            v = rd.values
            want["member"].update(v.get("proposer", []), v.get("co_signers", []))
            for key in UNIT_FIELDS:
                want["unit"].update(v.get(key, []))
            want["topic"].update(v.get("topics", []))
            if "section" in v:
                want["section"].add(v["section"])
            want["staff"].update(v[k] for k in ("handler", "leader") if k in v)
        settings = load_settings(session)
        if settings.name:
            want["unit"].add(settings.name)
        self.members = self._load(Member, want["member"])
        self.units = self._load(Unit, want["unit"])
        self.sections = self._load(Section, want["section"])
        self.topics = self._load(Topic, want["topic"])
        self.staff: dict[str, list[Staff]] = {}
        names = sorted(want["staff"])
        for start in range(0, len(names), 500):
            for staff in session.scalars(
                    select(Staff).where(Staff.name.in_(names[start:start + 500]))
                    .options(selectinload(Staff.section))):
                self.staff.setdefault(staff.name, []).append(staff)

    def _load(self, model: Any, names: set[str]) -> dict[str, Any]:
        found: dict[str, Any] = {}
        ordered = sorted(names)
        for start in range(0, len(ordered), 500):
            for obj in self.session.scalars(
                    select(model).where(model.name.in_(ordered[start:start + 500]))):
                found[obj.name] = obj
        return found

    def member(self, name: str, sector: str = "") -> Member:
        member = self.members.get(name)
        if member is None:
            member = Member(name=name, sector=sector,
                            collective=handling._looks_collective(name))
            self.session.add(member)
            self.members[name] = member
        elif sector and not member.sector:
            member.sector = sector
        return member

    def unit(self, name: str) -> Unit:
        if name not in self.units:
            self.units[name] = Unit(name=name)
            self.session.add(self.units[name])
        return self.units[name]

    def section(self, name: str) -> Section:
        if name not in self.sections:
            self.sections[name] = Section(name=name)
            self.session.add(self.sections[name])
        return self.sections[name]

    def topic(self, name: str) -> Topic:
        if name not in self.topics:
            self.topics[name] = Topic(name=name)
            self.session.add(self.topics[name])
        return self.topics[name]

    def person(self, name: str, section: Section | None, *, leader: bool = False) -> Staff:
        # as handling.ensure_staff: by name within the section, or by name alone
        for s in self.staff.get(name, ()):
            if section is None or s.section is section:
                return s
        staff = Staff(name=name, section=section, is_leader=leader)
        self.session.add(staff)
        self.staff.setdefault(name, []).append(staff)
        return staff


def create(session: Session, meeting: Meeting, rd: RowData, out: Outcome, names: Names,
            settings: BureauSettings) -> Proposal:
    w = out.wanted
    # meeting_id rather than the relationship: its backref would load the meeting's proposals
    p = Proposal(
        meeting_id=meeting.id, number=rd.number, title=w.get("title", ""), role=rd.role.value,
        sector=w.get("sector", ""), key=bool(w.get("key", False)),
        supervisor=w.get("supervisor", ""), assigned_on=w.get("assigned"),
        due_override=w.get("due"), merged_with=w.get("merged_with", ""),
        summary=w.get("summary", ""), notes=w.get("notes", ""),
    )
    for position, name in enumerate(w.get("proposers", ())):
        p.proposers.append(ProposalMember(
            member=names.member(name, w.get("sector", "") if position == 0 else ""),
            position=position))
    for position, (name, role) in enumerate(w.get("units", ())):
        p.units.append(ProposalUnit(unit=names.unit(name), role=role, position=position))
    for name in w.get("topics", ()):
        p.topics.append(ProposalTopic(topic=names.topic(name)))
    if "signed" in w:
        handling.sign(p, w["signed"])
    if "section" in w:
        p.section = names.section(w["section"])
    if "handler" in w:
        p.handler = names.person(w["handler"], p.section)
    if "leader" in w:
        p.leader = names.person(w["leader"], None, leader=True)
    reply_fields = {col: w[key] for key, col in REPLY_FIELDS.items() if key in w}
    if rd.role.answers_member and reply_fields:
        sent = reply_fields.get("sent_on")
        p.replies.append(Reply(
            round=1, category=reply_fields.get("category", ""),
            doc_number=reply_fields.get("doc_number", ""), signer=reply_fields.get("signer", ""),
            publicity=reply_fields.get("publicity") or Publicity.PUBLIC.value,
            step=(ReviewStep.SENT if sent else ReviewStep.DRAFT).value, sent_on=sent,
            drafted_on=sent, contact_name=settings.contact_name,
            contact_phone=settings.contact_phone, cc="、".join(settings.cc)))
        if "satisfaction" in w:
            handling.record_opinion(p, w["satisfaction"], received_on=w.get("opinion_date"))
    elif reply_fields:
        p.assist_opinions.append(AssistOpinion(
            sent_on=reply_fields.get("sent_on"), doc_number=reply_fields.get("doc_number", ""),
            signer=reply_fields.get("signer", ""), contact_name=settings.contact_name,
            contact_phone=settings.contact_phone))
    for method in w.get("methods", ()):
        handling.add_record(p, date=out.record_date or dt.date.today(), method=method,
                            stage=Stage.BEFORE.value, content=RECORD_NOTE)
    if "return_on" in w:
        _return(p, w)
    session.add(p)
    return p


def update(session: Session, p: Proposal, rd: RowData, out: Outcome) -> None:
    """Write only what changed, through the handling services."""
    w = out.wanted
    changed = {c.field for c in out.changes}

    def wants(key: str) -> bool:
        return key in w and LABELS[key] in changed

    for key, attr in (("title", "title"), ("sector", "sector"), ("supervisor", "supervisor"),
                      ("merged_with", "merged_with"), ("summary", "summary"), ("notes", "notes"),
                      ("key", "key"), ("assigned", "assigned_on"), ("due", "due_override"),
                      ("role", "role")):
        if wants(key):
            setattr(p, attr, w[key])
    if wants("proposers"):
        handling.set_proposers(session, p, list(w["proposers"]), sector=w.get("sector", ""))
    if wants("units"):
        handling.set_units(session, p, list(w["units"]))
    if wants("topics"):
        handling.set_topics(session, p, list(w["topics"]))
    if wants("signed"):
        handling.sign(p, w["signed"])
    if wants("section") or wants("handler") or wants("leader"):
        handling.assign(session, p, section=w.get("section") if wants("section") else None,
                        handler=w.get("handler") if wants("handler") else None,
                        leader=w.get("leader") if wants("leader") else None)
    reply_fields = {col: w[key] for key, col in REPLY_FIELDS.items() if wants(key)}
    if reply_fields:
        if rd.role.answers_member:
            handling.save_reply(session, p, **reply_fields)
        else:
            handling.save_assist_opinion(session, p, **reply_fields)
    if wants("satisfaction") or wants("opinion_date"):
        last = max((o for o in p.member_opinions), key=lambda o: o.round, default=None)
        handling.record_opinion(
            p, w.get("satisfaction") or (last.satisfaction if last else ""),
            received_on=w.get("opinion_date") or (last.received_on if last else None),
            visited=last.visited if last else None, addressed=last.addressed if last else None,
            comments=last.comments if last else "")
    if any(wants(k) for k in ("return_on", "return_reason", "return_outcome",
                                  "return_decided")):
        _return(p, w)
    if wants("methods"):
        have = {c.method for c in p.records}
        for method in w["methods"]:
            if method not in have:
                handling.add_record(p, date=out.record_date or dt.date.today(), method=method,
                                    stage=Stage.BEFORE.value, content=RECORD_NOTE)




def _return(p: Proposal, w: dict[str, Any]) -> None:
    """The latest 退回 request as the row gives it: asked for through the service, then its
    outcome as the proposal office decided it."""
    on = w.get("return_on")
    request = next((r for r in p.returns if r.requested_on == on), None) if on else None
    if request is None and on:
        request = handling.request_return(p, on=on, reason=w.get("return_reason", ""))
    if request is None:
        request = max(p.returns, key=lambda r: (r.requested_on, r.id or 0))
    if w.get("return_reason"):
        request.reason = w["return_reason"]
    if w.get("return_outcome"):
        request.outcome = w["return_outcome"]
    if w.get("return_decided"):
        request.decided_on = w["return_decided"]
