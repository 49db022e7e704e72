"""What one ledger row says about a proposal: the values the export writes and the import
compares against, from one function so that export → import is a fixed point."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy.orm import selectinload

from proposal_desk.core.enums import Role
from proposal_desk.storage.models import Proposal, ProposalMember, ProposalTopic, ProposalUnit

UNIT_FIELDS: dict[str, Role] = {
    "lead_unit": Role.LEAD, "assist_units": Role.ASSIST,
    "joint_units": Role.JOINT, "split_units": Role.SPLIT,
}

# What `ledger_values` and the handling services read, loaded in a few queries
# (`select(Proposal).options(*LEDGER_LOADS)`): the export and the import's update both use it.
LEDGER_LOADS = (
    selectinload(Proposal.meeting),
    selectinload(Proposal.proposers).selectinload(ProposalMember.member),
    selectinload(Proposal.units).selectinload(ProposalUnit.unit),
    selectinload(Proposal.topics).selectinload(ProposalTopic.topic),
    selectinload(Proposal.records), selectinload(Proposal.replies),
    selectinload(Proposal.assist_opinions), selectinload(Proposal.member_opinions),
    selectinload(Proposal.returns), selectinload(Proposal.section),
    selectinload(Proposal.handler), selectinload(Proposal.leader),
)


def first_reply_date(p: Proposal) -> dt.date | None:
    """答复日期: the first reply sent (主办/分办) or the 会办意见 sent (协办/会办)."""
    if Role(p.role).answers_member:
        sent = sorted((r.round, r.sent_on) for r in p.replies if r.sent_on)
        return sent[0][1] if sent else None
    sent_assist = [o.sent_on for o in p.assist_opinions if o.sent_on]
    return min(sent_assist) if sent_assist else None


def methods_of(p: Proposal) -> tuple[str, ...]:
    """The contact methods on record, each once, in date order."""
    ordered = sorted(p.records, key=lambda c: (c.date, c.id or 0))
    return tuple(dict.fromkeys(c.method for c in ordered))


def ledger_values(p: Proposal) -> dict[str, Any]:
    """Field key (as in sheets.headers) → value, for one proposal."""
    answers = Role(p.role).answers_member
    replies = sorted(p.replies, key=lambda r: r.round)
    reply = next((r for r in reversed(replies) if r.category), replies[-1] if replies else None)
    doc_source: Any = reply if answers else (p.assist_opinions[0] if p.assist_opinions else None)
    opinions = sorted(p.member_opinions, key=lambda o: o.round)
    opinion = opinions[-1] if opinions else None
    values: dict[str, Any] = {
        "kind": p.meeting.kind,
        "meeting": p.meeting.name,
        "year": p.meeting.year,
        "number": p.number,
        "title": p.title,
        "proposer": p.proposers[0].member.name if p.proposers else "",
        "co_signers": [pm.member.name for pm in p.proposers[1:]],
        "sector": p.sector,
        "role": p.role,
        "key": p.key,
        "supervisor": p.supervisor,
        "assigned": p.assigned_on,
        "due": p.due,
        "signed": p.signed_on,
        "leader": p.leader.name if p.leader else "",
        "section": p.section.name if p.section else "",
        "handler": p.handler.name if p.handler else "",
        "topics": [t.topic.name for t in p.topics],
        "methods": list(methods_of(p)),
        "replied": first_reply_date(p),
        # a reply or member's opinion from before the office made us 协办/会办 is history
        # (handling.reassigned_note), not this role's: not a row's answer, as the import reads it
        "category": reply.category if (reply and answers) else "",
        "doc_number": doc_source.doc_number if doc_source else "",
        "signer": doc_source.signer if doc_source else "",
        "publicity": reply.publicity if (reply and answers) else "",
        "satisfaction": opinion.satisfaction if (opinion and answers) else "",
        "opinion_date": opinion.received_on if (opinion and answers) else None,
        "status": p.status,
        "merged_with": p.merged_with,
        "summary": p.summary,
        "notes": p.notes,
    }
    ret = max(p.returns, key=lambda r: (r.requested_on, r.id or 0), default=None)
    values["return_on"] = ret.requested_on if ret else None
    values["return_reason"] = ret.reason if ret else ""
    values["return_outcome"] = ret.outcome if ret else ""
    values["return_decided"] = ret.decided_on if ret else None
    for key, role in UNIT_FIELDS.items():
        values[key] = [u.unit.name for u in sorted(p.units, key=lambda u: u.position)
                       if u.role == role]
    return values
