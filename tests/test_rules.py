"""The handling rules: status from facts, deadlines, warnings, categories."""

import datetime as dt

from proposal_desk.core import rules
from proposal_desk.core.enums import Role, Status
from proposal_desk.core.rules import ContactFact, ProposalFacts
from proposal_desk.core.settings import DEFAULT_CATEGORIES, Deadlines

D = dt.date
RULES = Deadlines()


def test_lead_status_follows_the_steps() -> None:
    f = ProposalFacts(role=Role.LEAD, assigned_on=D(2025, 3, 18))
    assert rules.derive_status(f) is Status.PENDING_SIGN
    f = ProposalFacts(role=Role.LEAD, signed_on=D(2025, 3, 20))
    assert rules.derive_status(f) is Status.IN_PROGRESS
    f = ProposalFacts(role=Role.LEAD, replies_sent={1: D(2025, 6, 1)})
    assert rules.derive_status(f) is Status.REPLIED
    f = ProposalFacts(role=Role.LEAD, replies_sent={1: D(2025, 6, 1)},
                      opinions={1: ("基本满意", D(2025, 7, 1))})
    assert rules.derive_status(f) is Status.CLOSED


def test_unsatisfied_opens_a_new_round_with_its_own_deadline() -> None:
    f = ProposalFacts(role=Role.LEAD, assigned_on=D(2025, 3, 18), replies_sent={1: D(2025, 6, 1)},
                      opinions={1: ("不满意", D(2025, 7, 10))})
    assert rules.derive_status(f) is Status.REOPENED
    assert rules.current_round(f) == 2
    assert rules.effective_due(f, RULES) == D(2025, 10, 10)
    f2 = ProposalFacts(role=Role.LEAD, replies_sent={1: D(2025, 6, 1), 2: D(2025, 9, 1)},
                       opinions={1: ("不满意", D(2025, 7, 10))})
    assert rules.derive_status(f2) is Status.REPLIED


def test_assisting_roles_close_with_their_opinion() -> None:
    f = ProposalFacts(role=Role.ASSIST, signed_on=D(2025, 3, 20))
    assert rules.derive_status(f) is Status.IN_PROGRESS
    f = ProposalFacts(role=Role.JOINT, assist_sent_on=D(2025, 4, 10))
    assert rules.derive_status(f) is Status.CLOSED


def test_returns_override_everything() -> None:
    f = ProposalFacts(role=Role.LEAD, signed_on=D(2025, 3, 20), returns=("待审核",))
    assert rules.derive_status(f) is Status.RETURNING
    f = ProposalFacts(role=Role.LEAD, returns=("不同意退回", "同意退回"))
    assert rules.derive_status(f) is Status.RETURNED


def test_due_dates_by_role_meeting_and_explicit_date() -> None:
    lead = ProposalFacts(role=Role.LEAD, assigned_on=D(2025, 3, 31))
    assert rules.effective_due(lead, RULES) == D(2025, 6, 30)
    assist = ProposalFacts(role=Role.ASSIST, assigned_on=D(2025, 1, 31))
    assert rules.effective_due(assist, RULES) == D(2025, 2, 28)  # clamped to the month's end
    fixed = ProposalFacts(role=Role.ASSIST, assigned_on=D(2025, 3, 18),
                          meeting_assist_due=D(2025, 5, 31))
    assert rules.effective_due(fixed, RULES) == D(2025, 5, 31)
    explicit = ProposalFacts(role=Role.LEAD, assigned_on=D(2025, 3, 18),
                             explicit_due=D(2025, 6, 17), meeting_reply_due=D(2025, 6, 30))
    assert rules.effective_due(explicit, RULES) == D(2025, 6, 17)
    assert rules.effective_due(ProposalFacts(role=Role.SPLIT), RULES) is None


def test_overdue_and_due_soon() -> None:
    f = ProposalFacts(role=Role.LEAD, assigned_on=D(2025, 3, 18), signed_on=D(2025, 3, 19))
    t = rules.timing(f, RULES, D(2025, 6, 20))
    assert t.overdue and not t.due_soon and t.days_left == -2
    t = rules.timing(f, RULES, D(2025, 6, 12))
    assert t.due_soon and not t.overdue
    done = ProposalFacts(role=Role.LEAD, assigned_on=D(2025, 3, 18),
                         replies_sent={1: D(2025, 7, 1)})
    assert not rules.timing(done, RULES, D(2025, 8, 1)).overdue
    assert rules.is_on_time(done, RULES) is False


def test_warnings_no_contact_and_key_without_meeting() -> None:
    f = ProposalFacts(role=Role.LEAD, key=True, assigned_on=D(2025, 3, 18),
                      signed_on=D(2025, 3, 19), reply_drafted=True)
    codes = {w.code for w in rules.warnings(f, RULES, D(2025, 4, 1))}
    assert codes == {"no_contact", "key_no_meeting"}
    phoned = ProposalFacts(role=Role.LEAD, key=True, assigned_on=D(2025, 3, 18),
                           signed_on=D(2025, 3, 19), reply_drafted=True,
                           contacts=(ContactFact(D(2025, 3, 25), "电话"),))
    assert {w.code for w in rules.warnings(phoned, RULES, D(2025, 4, 1))} == {"key_no_meeting"}
    met = ProposalFacts(role=Role.LEAD, key=True, assigned_on=D(2025, 3, 18),
                        contacts=(ContactFact(D(2025, 3, 25), "上门面商"),))
    assert rules.warnings(met, RULES, D(2025, 4, 1)) == []
    late = ProposalFacts(role=Role.LEAD, assigned_on=D(2025, 3, 3))
    assert {w.code for w in rules.warnings(late, RULES, D(2025, 3, 25))} == {"first_contact"}
    # An assisting unit may talk with the member but need not: no first-contact warning.
    assisting = ProposalFacts(role=Role.ASSIST, assigned_on=D(2025, 3, 3))
    assert rules.warnings(assisting, RULES, D(2025, 3, 25)) == []


def test_categories_only_for_lead_and_split() -> None:
    assert rules.check_category(Role.LEAD, "A", DEFAULT_CATEGORIES) is None
    assert rules.check_category(Role.SPLIT, "", DEFAULT_CATEGORIES) is None
    assert "不评定" in (rules.check_category(Role.ASSIST, "A", DEFAULT_CATEGORIES) or "")
    assert "不在" in (rules.check_category(Role.LEAD, "E", DEFAULT_CATEGORIES) or "")
    three = {"A": "…", "B": "…", "C": "留作参考或不可行"}
    assert rules.check_category(Role.LEAD, "D", three) is not None
