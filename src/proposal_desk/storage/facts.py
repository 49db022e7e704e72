"""Building the rules' ProposalFacts from stored rows, and the list caches derived from them.

One proposal as plain values (`StoredProposal`) is what both ways of reading go through: the
ORM objects an edit holds (`stored_of`), and the column selects of the commit-time refresh
(`load_stored`, a few queries for hundreds of proposals). The rules themselves stay in
core.rules; this module only gathers their inputs and names the cached columns they give.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any, NamedTuple

from sqlalchemy import Connection, select

from proposal_desk.core import rules
from proposal_desk.core.dates import stored_day
from proposal_desk.core.enums import Role
from proposal_desk.core.settings import Deadlines
from proposal_desk.storage.fastsql import as_text
from proposal_desk.storage.models import (
    AssistOpinion,
    Correspondence,
    FollowUp,
    Meeting,
    Member,
    MemberOpinion,
    Proposal,
    ProposalMember,
    ProposalTopic,
    ProposalUnit,
    Reply,
    ReturnRequest,
    Topic,
    Unit,
)


class ReplyFact(NamedTuple):
    round: int
    sent_on: dt.date | None
    category: str
    text: str = ""
    doc_number: str = ""


class AssistFact(NamedTuple):
    sent_on: dt.date | None
    text: str = ""
    doc_number: str = ""


class OpinionFact(NamedTuple):
    round: int
    satisfaction: str
    received_on: dt.date | None
    comments: str = ""


class RecordFact(NamedTuple):
    date: dt.date
    method: str
    content: str = ""
    our_people: str = ""
    their_people: str = ""
    place: str = ""
    attitude: str = ""


@dataclass
class StoredProposal:
    """One proposal with what its caches and its search text are made of. Child lists are in
    the order the ORM relationships use (replies and opinions by round, records by date)."""

    id: int
    role: str
    key: bool = False
    assigned_on: dt.date | None = None
    due_override: dt.date | None = None
    signed_on: dt.date | None = None
    # the meeting's fixed dates: reply_due, assist_due, return_due
    meeting_dues: tuple[dt.date | None, dt.date | None, dt.date | None] = (None, None, None)
    replies: list[ReplyFact] = field(default_factory=list)
    assist_opinions: list[AssistFact] = field(default_factory=list)
    opinions: list[OpinionFact] = field(default_factory=list)
    returns: list[str] = field(default_factory=list)  # ReturnOutcome of each request
    records: list[RecordFact] = field(default_factory=list)
    proposers: list[str] = field(default_factory=list)  # lead proposer first
    units: list[tuple[str, str]] = field(default_factory=list)  # (name, role) by position
    topics: list[str] = field(default_factory=list)
    follow_ups: list[str] = field(default_factory=list)  # progress texts, by date
    number: str = ""
    title: str = ""
    sector: str = ""
    summary: str = ""
    notes: str = ""
    merged_with: str = ""


class Caches(NamedTuple):
    """The cached list columns of Proposal, in this order."""

    status: str
    due: dt.date | None
    category: str
    satisfaction: str
    replied_on: dt.date | None
    proposer_names: str
    lead_unit: str


CACHE_COLUMNS: tuple[str, ...] = Caches._fields


def facts(d: StoredProposal) -> rules.ProposalFacts:
    role = Role(d.role)
    sent = {r.round: r.sent_on for r in d.replies if r.sent_on}
    opinions = {o.round: (o.satisfaction, o.received_on) for o in d.opinions}
    reply_drafted = False
    if d.replies:  # without one, no round has a draft (and no ProposalFacts to build twice)
        drafting_round = rules.current_round(
            rules.ProposalFacts(role=role, replies_sent=sent, opinions=opinions))
        reply_drafted = any(r.round == drafting_round for r in d.replies)
    sent_assist = [o.sent_on for o in d.assist_opinions if o.sent_on]
    reply_due, assist_due, return_due = d.meeting_dues
    return rules.ProposalFacts(
        role=role,
        key=d.key,
        assigned_on=d.assigned_on,
        explicit_due=d.due_override,
        signed_on=d.signed_on,
        meeting_reply_due=reply_due,
        meeting_assist_due=assist_due,
        meeting_return_due=return_due,
        replies_sent=sent,
        reply_drafted=reply_drafted,
        assist_sent_on=min(sent_assist) if sent_assist else None,
        opinions=opinions,
        returns=tuple(d.returns),
        contacts=tuple(rules.ContactFact(c.date, c.method) for c in d.records),
    )


def caches(d: StoredProposal, deadlines: Deadlines) -> Caches:
    """The list columns the facts give: status and due date from core.rules, the rest as the
    latest reply and opinion and the names in assignment order."""
    f = facts(d)
    # By role: a reply (or 会办意见) sent before the office changed the role is history
    # (services.handling.reassigned_note), not the answer of the role the proposal has now.
    answers = f.role.answers_member
    latest_reply = max((r for r in d.replies if r.sent_on and answers), key=lambda r: r.round,
                       default=None)
    # The opinion shown is the one on the latest reply: once a second reply has gone out,
    # round one's 不满意 no longer describes the proposal.
    last_round = latest_reply.round if latest_reply else 0
    latest_opinion = next((o for o in d.opinions if o.round == last_round), None)
    return Caches(
        status=rules.derive_status(f).value,
        due=rules.effective_due(f, deadlines),
        category=latest_reply.category if latest_reply else "",
        satisfaction=latest_opinion.satisfaction if latest_opinion else "",
        replied_on=rules.first_answer_on(f.role, f.replies_sent, (f.assist_sent_on,)),
        proposer_names="、".join(d.proposers),
        lead_unit="、".join(name for name, role in d.units if role == Role.LEAD),
    )


# ---- from ORM objects (an edit in progress) ---------------------------------------------

def stored_of(p: Proposal) -> StoredProposal:
    m = p.meeting
    return StoredProposal(
        id=p.id, role=p.role, key=bool(p.key), assigned_on=p.assigned_on,
        due_override=p.due_override, signed_on=p.signed_on,
        meeting_dues=(m.reply_due, m.assist_due, m.return_due) if m else (None, None, None),
        replies=[ReplyFact(r.round, r.sent_on, r.category or "", r.text or "",
                           r.doc_number or "") for r in p.replies],
        assist_opinions=[AssistFact(o.sent_on, o.text or "", o.doc_number or "")
                         for o in p.assist_opinions],
        opinions=[OpinionFact(o.round, o.satisfaction, o.received_on, o.comments or "")
                  for o in p.member_opinions],
        returns=[r.outcome for r in p.returns],
        records=[RecordFact(c.date, c.method, c.content or "", c.our_people or "",
                            c.their_people or "", c.place or "", c.attitude or "")
                 for c in p.records],
        proposers=[pm.member.name for pm in p.proposers],
        units=[(u.unit.name, u.role) for u in p.units],
        topics=[t.topic.name for t in p.topics],
        follow_ups=[f.progress or "" for f in p.follow_ups],
        number=p.number or "", title=p.title or "", sector=p.sector or "",
        summary=p.summary or "", notes=p.notes or "", merged_with=p.merged_with or "",
    )


def facts_of(p: Proposal) -> rules.ProposalFacts:
    return facts(stored_of(p))


def refresh_caches(p: Proposal, deadlines: Deadlines) -> str | None:
    """Set the derived list columns from the facts; returns the old status if it changed."""
    new = caches(stored_of(p), deadlines)
    old_status = p.status
    for name, value in zip(CACHE_COLUMNS, new, strict=True):
        if name != "status":
            setattr(p, name, value)
    if old_status != new.status:
        p.status = new.status
        return old_status
    return None


# ---- from rows just written (a bulk insert hands them to the refresh) --------------------

_BY_ROUND = itemgetter("round")
_BY_ID = itemgetter("id")
_BY_POSITION = itemgetter("position")
_BY_DATE_ID = itemgetter("date", "id")


def _ordered(rows: dict[str, Sequence[dict[str, Any]]], table: str,
             key: Callable[[dict[str, Any]], Any]) -> Sequence[dict[str, Any]]:
    found = rows.get(table, ())
    return sorted(found, key=key) if len(found) > 1 else found


def stored_of_rows(p: dict[str, Any], rows: dict[str, Sequence[dict[str, Any]]],
                   meeting_dues: tuple[dt.date | None, dt.date | None, dt.date | None],
                   names: dict[str, dict[int, str]]) -> StoredProposal:
    """A proposal from the rows a bulk writer has just inserted (columns by key, child rows by
    table name, `names` by key column: member_id, unit_id, topic_id), in the order
    `load_stored` reads them, so the refresh needs no read-back."""
    members, units, topics = names["member_id"], names["unit_id"], names["topic_id"]
    return StoredProposal(
        id=p["id"], role=p["role"], key=bool(p.get("key")), assigned_on=p.get("assigned_on"),
        due_override=p.get("due_override"), signed_on=p.get("signed_on"),
        meeting_dues=meeting_dues,
        replies=[ReplyFact(r["round"], r.get("sent_on"), r.get("category") or "",
                           r.get("text") or "", r.get("doc_number") or "")
                 for r in _ordered(rows, "reply", _BY_ROUND)],
        assist_opinions=[AssistFact(o.get("sent_on"), o.get("text") or "",
                                    o.get("doc_number") or "")
                         for o in _ordered(rows, "assist_opinion", _BY_ID)],
        opinions=[OpinionFact(o["round"], o["satisfaction"], o.get("received_on"),
                              o.get("comments") or "")
                  for o in _ordered(rows, "member_opinion", _BY_ROUND)],
        returns=[r["outcome"] for r in _ordered(rows, "return_request", _BY_ID)],
        records=[RecordFact(c["date"], c["method"], c.get("content") or "",
                            c.get("our_people") or "", c.get("their_people") or "",
                            c.get("place") or "", c.get("attitude") or "")
                 for c in _ordered(rows, "correspondence", _BY_DATE_ID)],
        proposers=[members[m["member_id"]]
                   for m in _ordered(rows, "proposal_member", _BY_POSITION)],
        units=[(units[u["unit_id"]], u["role"])
               for u in _ordered(rows, "proposal_unit", _BY_POSITION)],
        topics=[topics[t["topic_id"]]
                for t in _ordered(rows, "proposal_topic", itemgetter("topic_id"))],
        follow_ups=[f.get("progress") or ""
                    for f in _ordered(rows, "follow_up", _BY_DATE_ID)],
        number=p.get("number") or "", title=p.get("title") or "", sector=p.get("sector") or "",
        summary=p.get("summary") or "", notes=p.get("notes") or "",
        merged_with=p.get("merged_with") or "",
    )


def loaded_of_rows(p: dict[str, Any], data: StoredProposal,
                   derived: tuple[Deadlines, Caches] | None = None) -> Loaded:
    """What `load_stored` would give for a row just inserted: its cached columns as written."""
    stored = Caches(p["status"], p.get("due"), p.get("category") or "",
                    p.get("satisfaction") or "", p.get("replied_on"),
                    p.get("proposer_names") or "", p.get("lead_unit") or "")
    return Loaded(data, stored, p["version"], derived)


# ---- from the tables (the commit-time refresh, many proposals at once) -------------------

@dataclass
class Loaded:
    """A proposal as read for a refresh: its inputs, its cached columns as stored, its version;
    `derived`: the caches its writer computed from `data` (`caches`) and the deadlines used,
    which the refresh takes as they are while the deadlines are the same."""

    data: StoredProposal
    stored: Caches
    version: int
    derived: tuple[Deadlines, Caches] | None = None


_CHUNK = 500  # ids per IN (…): well under every database's parameter limit


def load_stored(conn: Connection, ids: Iterable[int], *, text: bool = True) -> list[Loaded]:
    """The proposals with these ids, read with a dozen column selects per 500 proposals (no ORM
    objects). `text=False` leaves out the texts only the search index needs."""
    ordered = sorted(set(ids))
    dues = {mid: (a, b, c) for mid, a, b, c in conn.execute(
        select(Meeting.id, Meeting.reply_due, Meeting.assist_due, Meeting.return_due))}
    result: list[Loaded] = []
    for start in range(0, len(ordered), _CHUNK):
        result += _load_chunk(conn, ordered[start:start + _CHUNK], dues, text)
    return result


def _load_chunk(conn: Connection, chunk: Sequence[int], dues: dict[int, Any],
                text: bool) -> list[Loaded]:
    P = Proposal
    cols = [P.id, P.meeting_id, P.role, P.key, as_text(P.assigned_on), as_text(P.due_override),
            as_text(P.signed_on), P.version, P.number, P.status, as_text(P.due), P.category,
            P.satisfaction, as_text(P.replied_on), P.proposer_names, P.lead_unit]
    if text:
        cols += [P.title, P.sector, P.summary, P.notes, P.merged_with]
    by_id: dict[int, Loaded] = {}
    for r in conn.execute(select(*cols).where(P.id.in_(chunk))):
        d = StoredProposal(id=r[0], role=r[2], key=bool(r[3]), assigned_on=stored_day(r[4]),
                           due_override=stored_day(r[5]), signed_on=stored_day(r[6]),
                           meeting_dues=dues.get(r[1], (None, None, None)), number=r[8] or "")
        if text:
            d.title, d.sector, d.summary, d.notes, d.merged_with = (v or "" for v in r[16:21])
        stored = Caches(r[9], stored_day(r[10]), r[11] or "", r[12] or "", stored_day(r[13]),
                        r[14] or "", r[15] or "")
        by_id[r[0]] = Loaded(d, stored, r[7])

    def rows(*columns: Any, where: Any, order: Sequence[Any]) -> Any:
        return conn.execute(select(*columns).where(where.in_(chunk)).order_by(*order))

    R = Reply
    reply_cols = [R.proposal_id, R.round, as_text(R.sent_on), R.category]
    for r in rows(*reply_cols, *([R.text, R.doc_number] if text else []),
                  where=R.proposal_id, order=[R.proposal_id, R.round]):
        by_id[r[0]].data.replies.append(ReplyFact(r[1], stored_day(r[2]), r[3] or "",
                                                  *((r[4] or "", r[5] or "") if text else ())))
    A = AssistOpinion
    for r in rows(A.proposal_id, as_text(A.sent_on), *([A.text, A.doc_number] if text else []),
                  where=A.proposal_id, order=[A.proposal_id, A.id]):
        by_id[r[0]].data.assist_opinions.append(
            AssistFact(stored_day(r[1]), *((r[2] or "", r[3] or "") if text else ())))
    Op = MemberOpinion
    for r in rows(Op.proposal_id, Op.round, Op.satisfaction, as_text(Op.received_on),
                  *([Op.comments] if text else []),
                  where=Op.proposal_id, order=[Op.proposal_id, Op.round]):
        by_id[r[0]].data.opinions.append(
            OpinionFact(r[1], r[2], stored_day(r[3]), *((r[4] or "",) if text else ())))
    T = ReturnRequest
    for r in rows(T.proposal_id, T.outcome, where=T.proposal_id, order=[T.proposal_id, T.id]):
        by_id[r[0]].data.returns.append(r[1])
    C = Correspondence
    record_text = [C.content, C.our_people, C.their_people, C.place, C.attitude] if text else []
    for r in rows(C.proposal_id, as_text(C.date), C.method, *record_text,
                  where=C.proposal_id, order=[C.proposal_id, C.date, C.id]):
        by_id[r[0]].data.records.append(
            RecordFact(stored_day(r[1]), r[2], *(v or "" for v in r[3:])))
    M = ProposalMember
    for r in conn.execute(select(M.proposal_id, Member.name)
                          .join(Member, Member.id == M.member_id)
                          .where(M.proposal_id.in_(chunk)).order_by(M.proposal_id, M.position)):
        by_id[r[0]].data.proposers.append(r[1])
    U = ProposalUnit
    for r in conn.execute(select(U.proposal_id, Unit.name, U.role)
                          .join(Unit, Unit.id == U.unit_id).where(U.proposal_id.in_(chunk))
                          .order_by(U.proposal_id, U.position)):
        by_id[r[0]].data.units.append((r[1], r[2]))
    if text:
        PT = ProposalTopic
        for r in conn.execute(select(PT.proposal_id, Topic.name)
                              .join(Topic, Topic.id == PT.topic_id)
                              .where(PT.proposal_id.in_(chunk))
                              .order_by(PT.proposal_id, PT.topic_id)):
            by_id[r[0]].data.topics.append(r[1])
        F = FollowUp
        for r in rows(F.proposal_id, F.progress, where=F.proposal_id,
                      order=[F.proposal_id, F.date, F.id]):
            by_id[r[0]].data.follow_ups.append(r[1] or "")
    return list(by_id.values())
