"""After a second reply a proposal keeps its round's own 办理时限 (from the 不满意), says
whether the answer met it, and the 办理日志 does not read as if someone moved the deadline
(newcomer's try-out F4)."""

from __future__ import annotations

import datetime as dt

from safety_support import plain_proposal
from sqlalchemy import select

from proposal_desk.core import rules
from proposal_desk.core.dates import add_months
from proposal_desk.core.enums import Role
from proposal_desk.core.settings import Deadlines
from proposal_desk.services import audit_text, handling, rounds
from proposal_desk.services.queries import load_proposal
from proposal_desk.storage.database import Database
from proposal_desk.storage.models import AuditEntry

D = dt.date
BODY = {"text": "我局认真研究办理。"}


def test_a_round_answered_again_keeps_its_own_limit() -> None:
    f = rules.ProposalFacts(Role.LEAD, assigned_on=D(2025, 3, 18),
                            replies_sent={1: D(2025, 6, 25), 2: D(2025, 8, 22)},
                            opinions={1: ("不满意", D(2025, 7, 10))})
    deadlines = Deadlines()
    first = rules.round_due(f, deadlines, 1)
    assert rules.effective_due(f, deadlines) == rules.round_due(f, deadlines, 2) == \
        add_months(D(2025, 7, 10), deadlines.reopen_months) != first
    reopened = rules.ProposalFacts(Role.LEAD, assigned_on=D(2025, 3, 18),
                                   replies_sent={1: D(2025, 6, 25)},
                                   opinions={1: ("不满意", D(2025, 7, 10))})
    assert rules.effective_due(reopened, deadlines) == rules.round_due(f, deadlines, 2)
    assert rules.is_on_time(f, deadlines) is not None  # the rate still reads round one


def test_the_second_reply_leaves_the_limit_and_the_log_says_no_edit(db: Database) -> None:
    pid = plain_proposal(db)
    with db.transaction() as s:
        handling.save_reply(s, load_proposal(s, pid), **BODY, category="C",
                            sent_on=D(2025, 6, 25))
    with db.transaction() as s:
        handling.record_opinion(load_proposal(s, pid), "不满意", received_on=D(2025, 7, 10))
    with db.session() as s:
        reopened_due = load_proposal(s, pid).due
    with db.transaction() as s:
        handling.save_reply(s, load_proposal(s, pid), **BODY, category="B",
                            signed_on=D(2025, 8, 20), sent_on=D(2025, 8, 22))
    with db.session() as s:
        p = load_proposal(s, pid)
        assert p.due == reopened_due == D(2025, 10, 10)
        latest = rounds.latest_round(p)
        assert rounds.limit_words(latest, p.due) == ("第2轮办理时限", "已按时答复")
        entries = s.scalars(select(AuditEntry).where(AuditEntry.proposal_id == pid)
                            .order_by(AuditEntry.id)).all()
        dues = [e.changes["due"] for e in entries
                if e.table == "proposal" and "due" in (e.changes or {})]
        assert dues == [["2025-06-18", "2025-10-10"]]  # the 不满意's, not the second reply's
        derived = [audit_text.describe_action(e.table, e.action, e.changes) for e in entries
                   if e.table == "proposal" and e.action == "update"]
        assert derived and set(derived) == {"随办理记录更新"}
        reply_rows = [audit_text.describe_changes(e.table, e.action, e.changes)
                      for e in entries if e.table == "reply" and e.action == "insert"]
        assert "签发日期：2025年8月20日" in reply_rows[-1]
        assert "签收日期" not in reply_rows[-1]


def test_a_late_first_answer_is_said_to_be_late() -> None:
    late = rounds.LatestRound(1, D(2025, 6, 25), "C", "", 0)
    assert rounds.limit_words(late, D(2025, 6, 17)) == ("办理时限", "超过时限8天答复")
    reopened = rounds.LatestRound(1, D(2025, 6, 25), "C", "不满意", 2)
    assert rounds.limit_words(reopened, D(2025, 10, 10)) == ("第2轮办理时限", "")
