"""The letter-like documents fill their shared fields in one place (documents.shared_context)
and hand each template exactly the placeholders its kind lists (templates.KINDS), no more."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from proposal_desk.core.enums import Role
from proposal_desk.demo import fill_demo
from proposal_desk.documents.letters import letter_contexts
from proposal_desk.documents.opinions import opinion_context
from proposal_desk.documents.return_letter import return_context
from proposal_desk.documents.templates import KINDS
from proposal_desk.services.queries import load_proposal
from proposal_desk.storage.database import Database
from proposal_desk.storage.models import Proposal
from proposal_desk.storage.settings_store import load_settings

TODAY = dt.date(2026, 5, 20)


def test_each_document_gets_exactly_its_placeholders(db: Database) -> None:
    fill_demo(db, today=TODAY)
    seen: set[str] = set()
    with db.transaction() as s:
        settings = load_settings(s)
        for pid in s.scalars(select(Proposal.id).order_by(Proposal.id)):
            p = load_proposal(s, pid)
            contexts = []
            if p.replies and Role(p.role).answers_member:
                contexts += [("letter", c) for _suffix, c in
                             letter_contexts(s, p, settings, each_signer=True, today=TODAY)]
            if p.assist_opinions and not Role(p.role).answers_member:
                contexts.append(("opinion", opinion_context(s, p, settings, today=TODAY)))
            if p.returns:
                contexts.append(("return", return_context(p, settings)))
            for kind, context in contexts:
                assert set(context) == set(KINDS[kind].placeholders), (kind, p.number)
                # The shared fields say the same thing in every kind of document.
                assert context["meeting"] == p.meeting.name
                assert context["contact_name"] and context["date"].endswith("日")
                seen.add(kind)
    assert seen == {"letter", "opinion", "return"}
