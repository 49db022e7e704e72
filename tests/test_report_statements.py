"""The report says what its rates leave out: late proposals not answered yet, 不满意 opinions
and the handling again, and it pledges 不见面不答复 only where the records bear it out."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from docdata import add_ledger_2024, add_letter_case, full_text, open_docx, setup_bureau

from proposal_desk.documents.figures import compute, load_digests, load_prior_b
from proposal_desk.documents.report import write_report
from proposal_desk.services import handling
from proposal_desk.storage.models import Proposal
from proposal_desk.storage.settings_store import load_settings

DEC20 = dt.date(2025, 12, 20)
PLEDGE = "不沟通不办理、不见面不答复"


def _report(db, tmp_path: Path, year: int, today: dt.date) -> tuple[str, object]:
    with db.session() as s:
        path = write_report(s, year, tmp_path / f"r{year}.docx", today=today)
    doc = open_docx(path)
    return full_text(doc), doc


def _figures(db, year: int, today: dt.date):
    with db.session() as s:
        settings = load_settings(s)
        digests = load_digests(s, settings.deadlines, year=year)
        return compute(digests, settings, load_prior_b(s, year - 1), today)


def test_late_unanswered_proposals_are_stated_beside_the_on_time_rate(db, tmp_path) -> None:
    with db.transaction() as s:
        setup_bureau(s)
        add_letter_case(s, number="1", sent=dt.date(2025, 6, 10))  # due 6-18: on time
        add_letter_case(s, number="2", sent=None)  # due 2025-06-18, never answered
    fig = _figures(db, 2025, DEC20)
    # A late proposal without an answer is not on time: it is in the rate's base (the rate
    # used to leave it out, 100.0% beside "1件已超过办理时限尚未答复") …
    assert (fig.on_time, fig.replied, fig.on_time_base) == (1, 1, 2)
    assert fig.overdue_unanswered == 1
    text, _ = _report(db, tmp_path, 2025, DEC20)
    assert ("已超过办理时限尚未答复1件；按时答复1件，按时办结率50.0%（以已答复和已超过办理时限"
            "的2件计）") in text
    # … and before the due date nothing is late: the base is the answered ones.
    text, _ = _report(db, tmp_path, 2025, dt.date(2025, 6, 12))
    assert "超过办理时限" not in text
    assert "按时答复1件，按时办结率100.0%；" in text


def test_the_report_says_which_of_its_closed_ones_the_window_shows_as_replied(
        db, tmp_path) -> None:
    """The report counts every answered proposal as 办结, as handling reports do; the window's
    已办结 waits for the member's opinion (已答复 until then): the report says how many of its
    办结 are still 已答复, and a 退回 request waiting for a decision is neither."""
    with db.transaction() as s:
        setup_bureau(s)
        closed = add_letter_case(s, number="1", sent=dt.date(2025, 6, 10))
        handling.record_opinion(closed, "满意", received_on=dt.date(2025, 6, 20))
        add_letter_case(s, number="2", sent=dt.date(2025, 6, 12))  # awaiting the opinion
        add_letter_case(s, number="3", sent=None)
        returning = add_letter_case(s, number="4", sent=None)
        returning.key = True
        handling.request_return(returning, on=dt.date(2025, 3, 20), reason="不属于本单位职责")
    with db.session() as s:
        statuses = {p.number: p.status for p in s.query(Proposal)}
    assert statuses == {"1": "已办结", "2": "已答复", "3": "办理中", "4": "退回中"}
    fig = _figures(db, 2025, dt.date(2025, 6, 15))
    assert (fig.closed, fig.awaiting_opinion, fig.returning, fig.in_progress) == (2, 1, 1, 1)
    text, _ = _report(db, tmp_path, 2025, dt.date(2025, 6, 15))
    assert ("截至2025年6月15日，已办结2件（含已答复、待委员反馈意见的1件），1件已申请退回、"
            "待审核，1件正在办理。") in text
    assert "重点提案1件：第4号《关于加快跨境电商发展的建议》，已申请退回、待审核。" in text


def test_unsatisfied_opinion_and_the_handling_again_are_reported(db, tmp_path) -> None:
    with db.transaction() as s:
        setup_bureau(s)
        p = add_letter_case(s, number="144164", category="C", sent=dt.date(2025, 6, 17))
        add_letter_case(s, number="144009", category="A", sent=dt.date(2025, 6, 10))
        handling.record_opinion(p, "不满意", received_on=dt.date(2025, 7, 9))
        handling.save_reply(s, p, category="B", text="重新办理后的答复。", signer="赵局长",
                            sent_on=dt.date(2025, 8, 20))
        handling.record_opinion(p, "满意", received_on=dt.date(2025, 9, 1))
        q = s.query(Proposal).filter_by(number="144009").one()
        handling.record_opinion(q, "满意", received_on=dt.date(2025, 6, 20))
    fig = _figures(db, 2025, DEC20)
    # Categories and opinions count each proposal once, by its latest round.
    assert {c.name: c.count for c in fig.categories if c.count} == {"A": 1, "B": 1}
    assert [d.number for d in fig.rehandled] == ["144164"]
    text, doc = _report(db, tmp_path, 2025, DEC20)
    assert ("有1件在答复后收到委员不满意意见，已重新办理并再次答复（B类），"
            "委员再次反馈意见为满意。") in text
    assert "2件提案收回委员意见（重新办理的按最后一次答复的意见计）" in text
    rows = {r.cells[1].text: [c.text for c in r.cells] for r in doc.tables[0].rows[1:]}
    assert rows["144164"][6:] == ["2025年6月17日（再次答复2025年8月20日）", "B", "满意"]
    assert rows["144009"][6:] == ["2025年6月10日", "A", "满意"]


def test_a_reopened_proposal_not_yet_answered_again_is_not_called_handled_again(db, tmp_path
                                                                                ) -> None:
    with db.transaction() as s:
        setup_bureau(s)
        p = add_letter_case(s, number="144164", category="C", sent=dt.date(2025, 6, 17))
        handling.record_opinion(p, "不满意", received_on=dt.date(2025, 7, 9))
    text, _ = _report(db, tmp_path, 2025, dt.date(2025, 8, 1))
    assert "1件因委员不满意正在重新办理" in text
    assert "再次答复" not in text


def test_the_pledge_is_printed_only_where_every_answer_had_a_meeting(db, tmp_path) -> None:
    with db.transaction() as s:
        setup_bureau(s)
        add_ledger_2024(s)  # 5 of 8 answered 主办 proposals had a face-to-face contact
    text, _ = _report(db, tmp_path, 2024, dt.date(2024, 12, 20))
    assert "见面率62.5%" in text
    assert PLEDGE not in text
    assert "（二）坚持沟通协商。办理过程中主动联系委员了解想法、通报进展、听取意见。" in text

    with db.transaction() as s:
        add_letter_case(s, number="1")  # 上门面商 on record before the reply
    text, _ = _report(db, tmp_path, 2025, DEC20)
    assert "见面率100.0%" in text
    assert PLEDGE in text
