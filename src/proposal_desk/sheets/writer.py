"""Writing compared rows: new proposals built as plain rows and inserted in one batch per
table (names looked up once for the whole import), changed ones updated through the handling
services, field by field."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from itertools import groupby
from operator import itemgetter
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from proposal_desk.core.enums import Publicity, ReturnOutcome, ReviewStep, Satisfaction, Stage
from proposal_desk.core.settings import BureauSettings
from proposal_desk.services import handling
from proposal_desk.sheets.compare import LABELS, REPLY_FIELDS, Outcome
from proposal_desk.sheets.ledger import UNIT_FIELDS
from proposal_desk.sheets.plan import RowData
from proposal_desk.storage import bulk, facts, hooks
from proposal_desk.storage.bulk import IdSource
from proposal_desk.storage.models import (
    AssistOpinion,
    Correspondence,
    Meeting,
    Member,
    MemberOpinion,
    Proposal,
    ProposalMember,
    ProposalTopic,
    ProposalUnit,
    Reply,
    ReturnRequest,
    Section,
    Staff,
    Topic,
    Unit,
)
from proposal_desk.storage.settings_store import load_settings


class Names:
    """Members, units, sections, staff and topics by name, read in a few queries for the whole
    import; new ones get their keys at once and are written in one batch (`NewRows.write`).
    The batch form of handling.ensure_*."""

    def __init__(self, session: Session, records: list[RowData], rows: NewRows):
        self.session = session
        self.rows = rows
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
        self.members: dict[str, tuple[int, str]] = {
            name: (id_, sector or "") for id_, name, sector in
            self._load(Member, want["member"], Member.sector)}
        self.units = {name: id_ for id_, name in self._load(Unit, want["unit"])}
        self.sections = {name: id_ for id_, name in self._load(Section, want["section"])}
        self.topics = {name: id_ for id_, name in self._load(Topic, want["topic"])}
        self.staff: dict[str, list[tuple[int, int | None]]] = {}
        for id_, name, section_id in self._load(Staff, want["staff"], Staff.section_id):
            self.staff.setdefault(name, []).append((id_, section_id))

    def _load(self, model: Any, names: set[str], *extra: Any) -> list[Any]:
        found: list[Any] = []
        ordered = sorted(names)
        for start in range(0, len(ordered), 500):
            found += self.session.execute(
                select(model.id, model.name, *extra)
                .where(model.name.in_(ordered[start:start + 500])).order_by(model.id)).all()
        return found

    def member(self, name: str, sector: str = "") -> int:
        found = self.members.get(name)
        if found is None:
            id_ = self.rows.add(Member, name=name, sector=sector,
                                collective=handling.looks_collective(name))
            self.members[name] = (id_, sector)
            return id_
        id_, known = found
        if sector and not known:
            self.rows.member_sector(id_, sector)
            self.members[name] = (id_, sector)
        return id_

    def unit(self, name: str) -> int:
        if name not in self.units:
            self.units[name] = self.rows.add(Unit, name=name)
        return self.units[name]

    def section(self, name: str) -> int:
        if name not in self.sections:
            self.sections[name] = self.rows.add(Section, name=name)
        return self.sections[name]

    def topic(self, name: str) -> int:
        if name not in self.topics:
            self.topics[name] = self.rows.add(Topic, name=name)
        return self.topics[name]

    def labels(self) -> dict[str, dict[int, str]]:
        """Names by key, for the audit rows of the new proposals' child rows."""
        staff = {id_: name for name, found in self.staff.items() for id_, _s in found}
        return {"member_id": {id_: name for name, (id_, _s) in self.members.items()},
                "unit_id": {id_: name for name, id_ in self.units.items()},
                "topic_id": {id_: name for name, id_ in self.topics.items()},
                "section_id": {id_: name for name, id_ in self.sections.items()},
                "handler_id": staff, "leader_id": staff,
                "meeting_id": dict(self.session.execute(select(Meeting.id, Meeting.name)).all())}

    def person(self, name: str, section_id: int | None, *, leader: bool = False) -> int:
        # as handling.ensure_staff: by name within the section, or by name alone
        for id_, in_section in self.staff.get(name, ()):
            if section_id is None or in_section == section_id:
                return id_
        id_ = self.rows.add(Staff, name=name, section_id=section_id, is_leader=leader)
        self.staff.setdefault(name, []).append((id_, section_id))
        return id_


# Parents before children, for the foreign keys.
_ORDER = (Member, Unit, Section, Staff, Topic, Proposal, ProposalMember, ProposalUnit,
          ProposalTopic, Reply, MemberOpinion, AssistOpinion, Correspondence, ReturnRequest)


# A new proposal's own rows: audited inside its one audit row, not one row each.
_CHILDREN = (ProposalMember, ProposalUnit, ProposalTopic, Reply, MemberOpinion, AssistOpinion,
             Correspondence, ReturnRequest)
# The name a child row's key stands for, kept in the audit row beside the key.
_NAMED = {ProposalMember: "member_id", ProposalUnit: "unit_id", ProposalTopic: "topic_id"}
# Names an import registers: audited in the row of the proposal that first named them.
_NAME_TABLES = (Member, Unit, Section, Staff, Topic)


class NewRows:
    """The rows of the new proposals of an import, built as plain values and written with one
    insert per table (storage.bulk: defaults and the commit-time refresh as the ORM would give
    them). The audit log gets one row per new proposal holding its child rows, the members,
    units, sections, staff and topics it was the first to name, and the file, sheet and row it
    came from."""

    def __init__(self, session: Session, file: str = "", sheet: str = ""):
        self.session = session
        self.source = {"file": file, "sheet": sheet}
        self.origins: dict[int, int] = {}  # proposal id → sheet row
        self.pending: list[tuple[Any, int]] = []  # names added since the last proposal
        self.first_named: dict[Any, dict[int, int]] = {m: {} for m in _NAME_TABLES}
        conn = session.connection()
        self.ids = {model: self._first_key(IdSource(conn, model), model) for model in _ORDER
                    if "id" in model.__table__.c}
        self.tables: dict[Any, list[dict[str, Any]]] = {model: [] for model in _ORDER}
        self.new_members: dict[int, dict[str, Any]] = {}
        self.sectors: dict[int, str] = {}

    def _first_key(self, source: IdSource, model: Any) -> Callable[[], int]:
        """A table's keys: the largest is read at the first row added, then counted on."""
        def first() -> int:
            take = self.ids[model] = source.counter()
            return take()
        return first

    def add(self, model: Any, **values: Any) -> int:
        if model in self.ids:
            values["id"] = self.ids[model]()
        self.tables[model].append(values)
        if model is Member:
            self.new_members[values["id"]] = values
        if model in self.first_named:
            self.pending.append((model, values["id"]))
        return values.get("id", 0)

    def named_by(self, proposal_id: int) -> None:
        """The names added while building this proposal's rows were first named by it."""
        for model, id_ in self.pending:
            self.first_named[model][id_] = proposal_id
        self.pending = []

    def member_sector(self, member_id: int, sector: str) -> None:
        """A member named again, now with a 界别: a new one gets it, a stored one is updated."""
        if member_id in self.new_members:
            self.new_members[member_id]["sector"] = sector
        else:
            self.sectors[member_id] = sector

    def write(self, names: Names | None = None) -> None:
        session = self.session
        for member_id, sector in self.sectors.items():
            member = session.get(Member, member_id)
            if member is not None and not member.sector:
                member.sector = sector  # an existing member: an ordinary, audited update
        session.flush()
        written = {model: bulk.complete_rows(model, self.tables[model]) for model in _ORDER}
        self.tables = {model: [] for model in _ORDER}
        labels = names.labels() if names is not None else {}
        loaded = self._facts(written, labels) if names is not None else []
        for model in _ORDER:
            summarized = model is Proposal or model in _CHILDREN or model in _NAME_TABLES
            bulk.insert_complete(session, model, written[model], audit=not summarized)
        nested = {model.__tablename__: written[model] for model in _CHILDREN}
        for model in _NAME_TABLES:
            owner = self.first_named[model]
            nested[model.__tablename__] = [{**row, "proposal_id": owner[row["id"]]}
                                           for row in written[model] if row["id"] in owner]
            bulk.audit_inserted(session, model, [row for row in written[model]
                                                 if row["id"] not in owner])
        for model, column in _NAMED.items():
            by_id = labels.get(column, {})
            for row in written[model]:  # already inserted: the name goes to the audit only
                row["name"] = by_id.get(row[column], "")
        extra: dict[int, dict[str, Any]] = {}
        for values in written[Proposal]:
            named = {column: labels.get(column, {}).get(values[column], "")
                     for column in ("meeting_id", "section_id", "handler_id", "leader_id")
                     if values[column] is not None}
            extra[values["id"]] = {
                "import": {**self.source, "row": self.origins.get(values["id"])},
                "names": named}
        bulk.audit_new_proposals(session, written[Proposal], nested, extra)
        hooks.hand_over(session, loaded)

    def _facts(self, written: dict[Any, list[dict[str, Any]]],
               labels: dict[str, dict[int, str]]) -> list[facts.Loaded]:
        """The new proposals' facts from their rows, and their list columns from the rules
        (written with them, so the commit's refresh finds nothing to change); handed to that
        refresh, with the columns and the deadlines they were derived under, for the status
        history and the search index instead of reading them back."""
        dues = {mid: (a, b, c) for mid, a, b, c in self.session.execute(
            select(Meeting.id, Meeting.reply_due, Meeting.assist_due, Meeting.return_due))}
        deadlines = load_settings(self.session).deadlines
        children: dict[int, dict[str, list[dict[str, Any]]]] = {}
        for model in _CHILDREN:  # a proposal's rows were made together: one step per run
            for pid, run in groupby(written[model], key=itemgetter("proposal_id")):
                children.setdefault(pid, {}).setdefault(model.__tablename__, []).extend(run)
        loaded = []
        for p in written[Proposal]:
            data = facts.stored_of_rows(p, children.get(p["id"], {}),
                                        dues.get(p["meeting_id"], (None, None, None)), labels)
            derived = facts.caches(data, deadlines)
            p.update(derived._asdict())
            loaded.append(facts.loaded_of_rows(p, data, (deadlines, derived)))
        return loaded


def create(meeting: Meeting, rd: RowData, out: Outcome, names: Names,
           settings: BureauSettings) -> int:
    """A new proposal with its people, units, reply or opinion and contacts, as rows; what
    handling.sign, record_opinion, add_record and request_return would make of the row. Their
    checks ran at plan time (compare.check_rules calls them on this same row, which a
    concurrent change cannot alter), so a planned row is written as it is."""
    rows = names.rows
    w = out.wanted
    answering = rd.role.answers_member
    section_id = names.section(w["section"]) if "section" in w else None
    signed = w.get("signed")
    pid = rows.add(
        Proposal, meeting_id=meeting.id, number=rd.number, title=w.get("title", ""),
        role=rd.role.value, sector=w.get("sector", ""), key=bool(w.get("key", False)),
        supervisor=w.get("supervisor", ""), assigned_on=w.get("assigned"),
        due_override=w.get("due"), merged_with=w.get("merged_with", ""),
        summary=w.get("summary", ""), notes=w.get("notes", ""), signed_on=signed,
        section_id=section_id,
        handler_id=names.person(w["handler"], section_id) if "handler" in w else None,
        leader_id=names.person(w["leader"], None, leader=True) if "leader" in w else None,
    )
    rows.origins[pid] = rd.row
    for position, name in enumerate(w.get("proposers", ())):
        member_id = names.member(name, w.get("sector", "") if position == 0 else "")
        rows.add(ProposalMember, proposal_id=pid, member_id=member_id, position=position)
    for position, (name, role) in enumerate(w.get("units", ())):
        rows.add(ProposalUnit, proposal_id=pid, unit_id=names.unit(name), role=role,
                 position=position)
    for name in w.get("topics", ()):
        rows.add(ProposalTopic, proposal_id=pid, topic_id=names.topic(name))
    reply_fields = {col: w[key] for key, col in REPLY_FIELDS.items() if key in w}
    earlier = rd.values.get("earlier_rounds", ()) if answering else ()
    for r in earlier:  # 历次答复: the rounds before the one the row states (sheets.ledger)
        rows.add(Reply, proposal_id=pid, round=r.round, category=r.category,
                 doc_number=r.doc_number, signer=r.signer,
                 publicity=r.publicity or Publicity.PUBLIC.value, step=ReviewStep.SENT.value,
                 sent_on=r.sent_on, drafted_on=r.sent_on, contact_name=settings.contact_name,
                 contact_phone=settings.contact_phone, cc="、".join(settings.cc))
        rows.add(MemberOpinion, proposal_id=pid, round=r.round,
                 satisfaction=Satisfaction(r.satisfaction).value, received_on=r.opinion_date,
                 visited=None, addressed=None, comments="")
    latest = len(earlier) + 1
    if answering and reply_fields:
        sent = reply_fields.get("sent_on")
        rows.add(Reply, proposal_id=pid, round=latest,
                 category=reply_fields.get("category", ""),
                 doc_number=reply_fields.get("doc_number", ""),
                 signer=reply_fields.get("signer", ""),
                 publicity=reply_fields.get("publicity") or Publicity.PUBLIC.value,
                 step=(ReviewStep.SENT if sent else ReviewStep.DRAFT).value, sent_on=sent,
                 drafted_on=sent, contact_name=settings.contact_name,
                 contact_phone=settings.contact_phone, cc="、".join(settings.cc))
        if "satisfaction" in w:
            rows.add(MemberOpinion, proposal_id=pid, round=latest,
                     satisfaction=Satisfaction(w["satisfaction"]).value,
                     received_on=w.get("opinion_date"),
                     visited=None, addressed=None, comments="")
    elif reply_fields:
        rows.add(AssistOpinion, proposal_id=pid, sent_on=reply_fields.get("sent_on"),
                 doc_number=reply_fields.get("doc_number", ""),
                 signer=reply_fields.get("signer", ""), contact_name=settings.contact_name,
                 contact_phone=settings.contact_phone)
    for method in w.get("methods", ()):
        rows.add(Correspondence, proposal_id=pid, date=out.record_date or dt.date.today(),
                 method=handling.parse_method(method).value, stage=Stage.BEFORE.value,
                 our_people="", their_people="", place="",
                 content=handling.LEDGER_CONTACT_NOTE, attitude="")
    if "return_on" in w:
        rows.add(ReturnRequest, proposal_id=pid, requested_on=w["return_on"],
                 reason=w.get("return_reason", ""),
                 suggested_unit="",
                 outcome=w.get("return_outcome") or ReturnOutcome.PENDING.value,
                 decided_on=w.get("return_decided"))
    rows.named_by(pid)
    return pid


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
            handling.save_reply(session, p, from_record=True, **reply_fields)
        else:
            handling.save_assist_opinion(session, p, from_record=True, **reply_fields)
    if wants("satisfaction") or wants("opinion_date"):
        last = max((o for o in p.member_opinions), key=lambda o: o.round, default=None)
        handling.record_opinion(
            p, w.get("satisfaction") or (last.satisfaction if last else ""),
            received_on=w.get("opinion_date") or (last.received_on if last else None),
            visited=last.visited if last else None, addressed=last.addressed if last else None,
            comments=last.comments if last else "", from_record=True)
    if any(wants(k) for k in ("return_on", "return_reason", "return_outcome",
                                  "return_decided")):
        _return(p, w)
    if wants("methods"):
        have = {c.method for c in p.records}
        for method in w["methods"]:
            if method not in have:
                handling.add_record(p, date=out.record_date or dt.date.today(), method=method,
                                    stage=Stage.BEFORE.value, content=handling.LEDGER_CONTACT_NOTE)


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
