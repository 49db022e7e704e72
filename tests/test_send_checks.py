"""不沟通不办理，不见面不答复 at the moment a reply goes out; the first-contact warning for the
units that answer the member only; and the real source of a rule's due date."""

from __future__ import annotations

import datetime as dt

from proposal_desk.core import rules
from proposal_desk.core.enums import Role
from proposal_desk.core.send_checks import return_deadline_note, send_warnings, source_text
from proposal_desk.core.settings import Deadlines

ASSIGNED = dt.date(2025, 3, 18)
PHONE = rules.ContactFact(dt.date(2025, 4, 8), "电话")
VISIT = rules.ContactFact(dt.date(2025, 4, 15), "上门面商")


def _facts(role: Role = Role.LEAD, **kw: object) -> rules.ProposalFacts:
    return rules.ProposalFacts(role=role, assigned_on=ASSIGNED, signed_on=ASSIGNED, **kw)


def test_sending_with_no_contact_or_no_meeting_for_a_key_proposal_is_flagged() -> None:
    assert [w.code for w in send_warnings(_facts())] == ["no_contact"]
    assert [w.code for w in send_warnings(_facts(key=True))] == ["no_contact", "key_no_meeting"]
    assert [w.code for w in send_warnings(_facts(key=True, contacts=(PHONE,)))] == [
        "key_no_meeting"]
    assert send_warnings(_facts(key=True, contacts=(PHONE, VISIT))) == []
    assert send_warnings(_facts(contacts=(PHONE,))) == []
    # Even once the reply is sent (the standing warning has gone by then).
    sent = _facts(key=True, contacts=(PHONE,), replies_sent={1: dt.date(2025, 6, 10)})
    assert [w.code for w in send_warnings(sent)] == ["key_no_meeting"]
    assert send_warnings(_facts(Role.ASSIST, key=True)) == []


def test_the_first_contact_warning_is_for_answering_units_only() -> None:
    late = dt.date(2025, 4, 30)  # more than 15 working days after 3-18
    lead = [w.code for w in rules.warnings(_facts(), Deadlines(), late)]
    assist = [w.code for w in rules.warnings(_facts(Role.ASSIST), Deadlines(), late)]
    assert "first_contact" in lead
    assert "first_contact" not in assist


def _source(f: rules.ProposalFacts, d: Deadlines) -> str:
    """What a due date shown to the handler says it comes from (按规定应于 X（…）)."""
    return source_text(rules.rule_due_with_source(f, d)[1], d)


def test_a_rule_due_date_names_where_it_comes_from() -> None:
    d = Deadlines()
    assert _source(_facts(), d) == "交办之日起 3 个月"
    assert _source(_facts(Role.ASSIST), d) == "交办之日起 1 个月"
    # The meeting fixed only the 协办 date: a 主办 proposal still follows the 3 months.
    only_assist = {"meeting_assist_due": dt.date(2025, 5, 31)}
    assert _source(_facts(**only_assist), d) == "交办之日起 3 个月"
    assert _source(_facts(Role.JOINT, **only_assist), d).startswith("会议规定")
    assert _source(_facts(meeting_reply_due=dt.date(2025, 6, 30)), d).startswith(
        "会议规定的主办")


def test_the_named_source_is_the_rule_that_gave_the_date() -> None:
    """rules.rule_due_with_source makes the one choice: the date, and the source that
    source_text words (a meeting date equal to the computed one still counts as the
    meeting's)."""
    d = Deadlines()
    three_months = dt.date(2025, 6, 18)
    cases = [
        (_facts(), three_months, rules.LEAD_MONTHS, "交办之日起 3 个月"),
        (_facts(Role.ASSIST), dt.date(2025, 4, 18), rules.ASSIST_MONTHS, "交办之日起 1 个月"),
        (_facts(Role.SPLIT, meeting_reply_due=three_months), three_months,
         rules.MEETING_REPLY_DUE, "会议规定的主办、分办答复截止日期"),
        (_facts(Role.JOINT, meeting_assist_due=dt.date(2025, 5, 31)), dt.date(2025, 5, 31),
         rules.MEETING_ASSIST_DUE, "会议规定的协办、会办意见截止日期"),
        (rules.ProposalFacts(role=Role.LEAD), None, rules.LEAD_MONTHS, "交办之日起 3 个月"),
    ]
    for f, due, source, text in cases:
        assert rules.rule_due_with_source(f, d) == (due, source)
        assert _source(f, d) == text


def test_the_return_deadline_says_it_skips_weekends_only_while_no_holidays_are_set() -> None:
    """The 退回 deadline is counted in working days: with no holidays set, say where they go."""
    assert return_deadline_note(Deadlines()) == (
        "按工作日计，未计节假日：可在 设置 › 办理时限 填写节假日")
    assert return_deadline_note(Deadlines(holidays=frozenset({dt.date(2025, 4, 4)}))) == ""
