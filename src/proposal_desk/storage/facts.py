"""Building the rules' ProposalFacts from stored rows, and refreshing the list caches."""

from __future__ import annotations

from proposal_desk.core import rules
from proposal_desk.core.enums import Role
from proposal_desk.core.settings import Deadlines
from proposal_desk.storage.models import Proposal


def facts_of(p: Proposal) -> rules.ProposalFacts:
    m = p.meeting
    sent = {r.round: r.sent_on for r in p.replies if r.sent_on}
    current = rules.ProposalFacts(role=Role(p.role), replies_sent=sent,
                                  opinions={o.round: (o.satisfaction, o.received_on)
                                            for o in p.member_opinions})
    drafting_round = rules.current_round(current)
    sent_assist = [o.sent_on for o in p.assist_opinions if o.sent_on]
    return rules.ProposalFacts(
        role=Role(p.role),
        key=p.key,
        assigned_on=p.assigned_on,
        explicit_due=p.due_override,
        signed_on=p.signed_on,
        meeting_reply_due=m.reply_due if m else None,
        meeting_assist_due=m.assist_due if m else None,
        meeting_return_due=m.return_due if m else None,
        replies_sent=sent,
        reply_drafted=any(r.round == drafting_round for r in p.replies),
        assist_sent_on=min(sent_assist) if sent_assist else None,
        opinions=current.opinions,
        returns=tuple(r.outcome for r in p.returns),
        contacts=tuple(rules.ContactFact(c.date, c.method) for c in p.records),
    )


def refresh_caches(p: Proposal, deadlines: Deadlines) -> str | None:
    """Set the derived list columns from the facts; returns the old status if it changed."""
    f = facts_of(p)
    status = rules.derive_status(f).value
    p.due = rules.effective_due(f, deadlines)
    latest_reply = max((r for r in p.replies if r.sent_on), key=lambda r: r.round, default=None)
    p.category = latest_reply.category if latest_reply else ""
    latest_opinion = max(p.member_opinions, key=lambda o: o.round, default=None)
    p.satisfaction = latest_opinion.satisfaction if latest_opinion else ""
    first = f.replies_sent.get(min(f.replies_sent)) if f.replies_sent else f.assist_sent_on
    p.replied_on = first
    p.proposer_names = "、".join(pm.member.name for pm in p.proposers)
    p.lead_unit = "、".join(p.units_in(Role.LEAD)) if p.units else ""
    if p.status != status:
        old = p.status
        p.status = status
        return old
    return None
