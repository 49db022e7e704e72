"""The first answer is one rule (core.rules.first_answer_on): the list's 答复日期, a 退回's
limit, the reassignment note and a 回头看's limit all name round 1's reply, even when a later
round's reply is dated before it (a ledger's history, imported with a warning)."""

from __future__ import annotations

import datetime as dt

import pytest

from proposal_desk.core import rules
from proposal_desk.core.enums import Role
from proposal_desk.services import handling
from proposal_desk.storage.errors import UserError
from proposal_desk.storage.models import AssistOpinion, Meeting, Proposal, Reply

D = dt.date
ROUND_1 = D(2025, 6, 8)
ROUND_2_OUT_OF_ORDER = D(2025, 5, 20)


def _proposal(role: str) -> Proposal:
    p = Proposal(meeting=Meeting(kind="提案", name="区政协十四届四次会议", year=2025),
                 number="144039", title="关于发展首店经济的建议", role=role,
                 assigned_on=D(2025, 3, 18))
    p.replies.extend([Reply(round=1, sent_on=ROUND_1, category="B"),
                      Reply(round=2, sent_on=ROUND_2_OUT_OF_ORDER, category="B")])
    p.assist_opinions.append(AssistOpinion(sent_on=D(2025, 4, 10)))
    return p


def test_the_halves_are_the_rule() -> None:
    replies = {1: ROUND_1, 2: ROUND_2_OUT_OF_ORDER}
    assert rules.first_reply_on(replies) == ROUND_1
    assert rules.first_answer_on(Role.LEAD, replies, ()) == ROUND_1
    assert rules.first_reply_on({}) is None
    opinions = (None, D(2025, 5, 2), D(2025, 4, 10))
    assert rules.first_opinion_on(opinions) == D(2025, 4, 10)
    assert rules.first_answer_on(Role.ASSIST, replies, opinions) == D(2025, 4, 10)
    assert rules.first_opinion_on((None,)) is None


def test_the_reassignment_note_names_the_first_answer() -> None:
    lead = _proposal("主办")
    assert handling.answered_on(lead) == ROUND_1
    made_assisting = _proposal("协办")
    assert "于2025年6月8日送出的答复保留为办理记录" in handling.reassigned_note_of(made_assisting)
    made_lead = _proposal("主办")
    made_lead.replies.clear()
    assert "于2025年4月10日送出的会办意见" in handling.reassigned_note_of(made_lead)


def test_a_follow_up_goes_by_the_first_answer() -> None:
    p = _proposal("主办")
    with pytest.raises(UserError, match="不能早于答复日期（2025年6月8日）"):
        handling.add_follow_up(p, year=2026, on=D(2025, 6, 1), progress="推进中",
                               carried_out=False)
