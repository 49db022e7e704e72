"""What the register holds of the proposals a sheet names, for the comparison: the values a
ledger row shows (sheets.ledger.ledger_values, field by field) and the few facts the handling
rules look at, read with a dozen column selects per 500 proposals instead of ORM objects (a
re-import of 10,000 rows loaded 120,000 entities to compare them). A test holds them equal to
what the ORM objects give (tests/test_import_compare.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, func, select
from sqlalchemy.orm import Session

from proposal_desk.core.dates import stored_day
from proposal_desk.core.enums import Role
from proposal_desk.services import handling
from proposal_desk.services.handling import LEDGER_CONTACT_NOTE
from proposal_desk.sheets.ledger import LEDGER_LOADS, RoundRow, ledger_rounds, rounds_text
from proposal_desk.storage.fastsql import as_text, fetch
from proposal_desk.storage.models import (
    AssistOpinion,
    Correspondence,
    FollowUp,
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

RETURN_FIELDS = ("return_on", "return_reason", "return_outcome", "return_decided")
_CHUNK = 500


@dataclass
class Stored:
    """One registered proposal as the comparison sees it."""

    id: int
    role: str
    assigned_on: dt.date | None
    signed_on: dt.date | None
    due: dt.date | None  # the effective due date (cached column)
    current: dict[str, Any] = field(default_factory=dict)  # field key → value, as compared
    proposers: list[str] = field(default_factory=list)  # lead first
    units: list[tuple[str, str]] = field(default_factory=list)  # (name, role) by position
    answered: bool = False  # has a reply, a 会办意见 or a member's opinion
    pending_return: bool = False  # a 退回 request awaiting the office's decision
    second_round: bool = False  # a reply of round 2 or later
    # the earliest date of each kind that may not precede 交办 (handling.earliest_after_assigned)
    after_assigned: dict[str, dt.date | None] = field(default_factory=dict)


def load(session: Session, pairs: Sequence[tuple[int, str]]) -> dict[tuple[int, str], Stored]:
    """The proposals with these (meeting id, number), by the same pair."""
    conn = session.connection()
    names = {
        "section": dict(conn.execute(select(Section.id, Section.name)).all()),
        "staff": dict(conn.execute(select(Staff.id, Staff.name)).all()),
    }
    wanted: dict[int, set[str]] = {}
    for mid, number in pairs:
        wanted.setdefault(mid, set()).add(number)
    result: dict[tuple[int, str], Stored] = {}
    by_id: dict[int, Stored] = {}
    for mid, numbers in wanted.items():
        for row in _proposal_rows(conn, mid, numbers):
            s = _stored(row, names)
            by_id[s.id] = s
            result[(mid, row[2])] = s
    for ranged, where, keep in _id_groups(sorted(by_id)):
        children = _children(conn, ranged, where, keep)
        for pid in keep:
            _fill(by_id[pid], children, pid)
    return result


_COLUMNS = (Proposal.id, Proposal.meeting_id, Proposal.number, Proposal.role, Proposal.title,
            Proposal.sector, Proposal.key, Proposal.supervisor, as_text(Proposal.assigned_on),
            as_text(Proposal.due_override), as_text(Proposal.signed_on), as_text(Proposal.due),
            Proposal.section_id, Proposal.handler_id, Proposal.leader_id, Proposal.merged_with,
            Proposal.summary, Proposal.notes)


def _proposal_rows(conn: Connection, meeting_id: int, numbers: set[str]) -> list[Any]:
    """A meeting's proposals with these numbers: the whole meeting read and filtered when the
    sheet names most of it (a ledger re-imported), else by number, 500 at a time."""
    P = Proposal
    count = conn.execute(select(func.count()).where(P.meeting_id == meeting_id)).scalar() or 0
    if len(numbers) * 2 >= count:
        return [r for r in fetch(conn, select(*_COLUMNS).where(P.meeting_id == meeting_id))
                if r[2] in numbers]
    ordered = sorted(numbers)
    rows: list[Any] = []
    for start in range(0, len(ordered), _CHUNK):
        rows += fetch(conn, select(*_COLUMNS).where(
            P.meeting_id == meeting_id, P.number.in_(ordered[start:start + _CHUNK])))
    return rows


def _stored(row: Sequence[Any], names: dict[str, dict[int, str]]) -> Stored:
    (pid, _meeting_id, _number, role, title, sector, key, supervisor, assigned, due_override,
     signed, due, section_id, handler_id, leader_id, merged, summary, notes) = row
    section, staff = names["section"], names["staff"]
    s = Stored(pid, role, stored_day(assigned), stored_day(signed), stored_day(due))
    s.current = {
        "title": title, "sector": sector, "role": role,
        "key": key if key is None else bool(key),
        "supervisor": supervisor, "assigned": s.assigned_on, "due": stored_day(due_override),
        "signed": s.signed_on,
        "leader": staff.get(leader_id, "") if leader_id is not None else "",
        "section": section.get(section_id, "") if section_id is not None else "",
        "handler": staff.get(handler_id, "") if handler_id is not None else "",
        "merged_with": merged, "summary": summary, "notes": notes,
    }
    return s


_RUN = 5000  # ids per range query


def _id_groups(ids: list[int]) -> list[tuple[bool, tuple[int, ...], list[int]]]:
    """The ids in groups to read children by: (True, (lo, hi), ids) where they lie close
    together (a BETWEEN reads few others, filtered out), else (False, ids, ids) for IN."""
    groups: list[tuple[bool, tuple[int, ...], list[int]]] = []
    start = 0
    while start < len(ids):
        chunk = ids[start:start + _RUN]
        if chunk[-1] - chunk[0] < 2 * len(chunk):
            groups.append((True, (chunk[0], chunk[-1]), chunk))
            start += len(chunk)
        else:
            chunk = ids[start:start + _CHUNK]
            groups.append((False, tuple(chunk), chunk))
            start += len(chunk)
    return groups


def _children(conn: Connection, ranged: bool, where: tuple[int, ...], keep: list[int]
              ) -> dict[str, dict[int, list[Any]]]:
    """Each child table's rows of these proposals, in the ORM relationships' order."""
    wanted = set(keep)

    def of(column: Any) -> Any:
        return column.between(*where) if ranged else column.in_(where)

    def grouped(stmt: Any) -> dict[int, list[Any]]:
        out: dict[int, list[Any]] = {}
        for r in fetch(conn, stmt):  # plain tuples, straight from the driver
            if r[0] in wanted:
                out.setdefault(r[0], []).append(r)
        return out

    R, A, Op, T, C, F = (Reply, AssistOpinion, MemberOpinion, ReturnRequest, Correspondence,
                         FollowUp)
    PM, PU, PT = ProposalMember, ProposalUnit, ProposalTopic
    return {
        "replies": grouped(select(R.proposal_id, R.round, as_text(R.sent_on), R.category,
                                  R.doc_number, R.signer, R.publicity, as_text(R.signed_on))
                           .where(of(R.proposal_id)).order_by(R.proposal_id, R.round)),
        "assist": grouped(select(A.proposal_id, as_text(A.sent_on), A.doc_number, A.signer)
                          .where(of(A.proposal_id)).order_by(A.proposal_id, A.id)),
        "opinions": grouped(select(Op.proposal_id, Op.round, Op.satisfaction,
                                   as_text(Op.received_on))
                            .where(of(Op.proposal_id)).order_by(Op.proposal_id, Op.round)),
        "returns": grouped(select(T.proposal_id, T.id, as_text(T.requested_on), T.reason,
                                  T.outcome, as_text(T.decided_on))
                           .where(of(T.proposal_id)).order_by(T.proposal_id, T.id)),
        "records": grouped(select(C.proposal_id, as_text(C.date), C.id, C.method,
                                  C.content == LEDGER_CONTACT_NOTE)
                           .where(of(C.proposal_id)).order_by(C.proposal_id, C.id)),
        "follow_ups": grouped(select(F.proposal_id, as_text(F.date))
                              .where(of(F.proposal_id))),
        "proposers": grouped(select(PM.proposal_id, Member.name)
                             .join(Member, Member.id == PM.member_id)
                             .where(of(PM.proposal_id))
                             .order_by(PM.proposal_id, PM.position)),
        "units": grouped(select(PU.proposal_id, Unit.name, PU.role)
                         .join(Unit, Unit.id == PU.unit_id).where(of(PU.proposal_id))
                         .order_by(PU.proposal_id, PU.position)),
        "topics": grouped(select(PT.proposal_id, Topic.name)
                          .join(Topic, Topic.id == PT.topic_id).where(of(PT.proposal_id))
                          .order_by(PT.proposal_id, PT.topic_id)),
    }


def _fill(s: Stored, children: dict[str, dict[int, list[Any]]], pid: int) -> None:
    """The child-derived values, as sheets.ledger.ledger_values computes them."""
    cur = s.current
    replies = children["replies"].get(pid, [])
    assist = children["assist"].get(pid, [])
    opinions = children["opinions"].get(pid, [])
    returns = children["returns"].get(pid, [])
    records = children["records"].get(pid, [])
    s.proposers = [r[1] for r in children["proposers"].get(pid, [])]
    s.units = [(r[1], r[2]) for r in children["units"].get(pid, [])]
    s.answered = bool(replies or assist or opinions)
    s.pending_return = any(r[4] == "待审核" for r in returns)
    s.second_round = any(r[1] > 1 for r in replies)
    cur["proposers"] = tuple(s.proposers)
    cur["units"] = tuple(s.units)
    cur["topics"] = tuple(r[1] for r in children["topics"].get(pid, []))
    # (date, id, method, guessed from a ledger's 沟通方式: no date of its own), by date
    dated = sorted(((stored_day(r[1]), r[2], r[3], r[4]) for r in records),
                   key=lambda x: (x[0], x[1]))
    cur["methods"] = tuple(dict.fromkeys(m for _, _, m, _ in dated))
    answers = Role(s.role).answers_member
    # replies: (pid, round, sent_on, category, doc_number, signer, publicity, signed_on),
    # by round;
    # opinions: (pid, round, satisfaction, received_on)
    on_round = {o[1]: (o[2], stored_day(o[3])) for o in opinions}
    reply, earlier = ledger_rounds(
        RoundRow(r[1], stored_day(r[2]), r[3], r[4], r[5], r[6],
                 *on_round.get(r[1], ("", None))) for r in replies)
    if answers:
        cur["replied"] = reply.sent_on if reply else None
        doc = (reply.doc_number, reply.signer) if reply else ("", "")
    else:
        sent = [stored_day(r[1]) for r in assist if r[1]]
        cur["replied"] = min(sent) if sent else None  # type: ignore[type-var]
        doc = (assist[0][2], assist[0][3]) if assist else ("", "")
    cur["category"] = reply.category if (reply and answers) else ""  # by role, as ledger_values
    cur["doc_number"], cur["signer"] = doc
    cur["publicity"] = reply.publicity if (reply and answers) else ""
    cur["satisfaction"] = reply.satisfaction if (reply and answers) else ""
    cur["opinion_date"] = reply.opinion_date if (reply and answers) else None
    cur["earlier_rounds"] = rounds_text(earlier) if answers else ""
    latest = max(returns, key=lambda r: (stored_day(r[2]), r[1]), default=None)
    cur["return_on"] = stored_day(latest[2]) if latest else None
    cur["return_reason"] = latest[3] if latest else ""
    cur["return_outcome"] = latest[4] if latest else ""
    cur["return_decided"] = stored_day(latest[5]) if latest else None
    s.after_assigned = handling.earliest_after_assigned(
        s.signed_on, replies=(stored_day(r[2]) for r in replies),
        opinions=(stored_day(r[1]) for r in assist),
        contacts=(d for d, _, _, guessed in dated if not guessed),
        returns=(stored_day(r[2]) for r in returns),
        follow_ups=(stored_day(r[1]) for r in children["follow_ups"].get(pid, [])),
        replies_signed=(stored_day(r[7]) for r in replies))


def orm_proposals(session: Session, ids: Sequence[int]) -> dict[int, Proposal]:
    """The ORM proposals to update (the handling services work on objects), with what the
    services read loaded in a few queries."""
    found: dict[int, Proposal] = {}
    ordered = sorted(set(ids))
    for start in range(0, len(ordered), _CHUNK):
        chunk = ordered[start:start + _CHUNK]
        stmt = select(Proposal).where(Proposal.id.in_(chunk)).options(*LEDGER_LOADS)
        for p in session.scalars(stmt):
            found[p.id] = p
    return found

