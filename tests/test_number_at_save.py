"""A reply or 会办意见 is numbered by the save that marks it sent, never by a later save of one
already sent without a number (a past ledger's), and by the year printing numbers it by: the
signing year (core.doc_numbers)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from docdata import add_letter_case, setup_bureau

from proposal_desk.core.doc_numbers import NumberState, numbered_by_save
from proposal_desk.services import handling
from proposal_desk.storage.models import AssistOpinion, Reply

TEXT = "一、关于政策支持。我局将会同有关部门研究出台扶持措施。"


def _ledger_reply(s: Any) -> Any:
    """A reply from a past ledger: sent long ago, a category, no text, no number."""
    p = add_letter_case(s, number="143140", text="", category="", sent=dt.date(2025, 6, 20))
    reply = p.replies[0]
    reply.category = "A"
    assert reply.doc_number == ""
    return p


def test_typing_the_text_of_a_ledger_reply_invents_no_number(db: Any) -> None:
    with db.transaction() as s:
        setup_bureau(s)
        p = _ledger_reply(s)
        handling.save_reply(s, p, text=TEXT, signer="赵局长")
    with db.session() as s:
        reply = s.query(Reply).one()
        assert reply.text == TEXT
        assert (reply.doc_number, reply.doc_year, reply.doc_serial) == ("", None, None)


def test_a_ledger_opinion_edited_later_gets_no_number(db: Any) -> None:
    with db.transaction() as s:
        setup_bureau(s)
        p = add_letter_case(s, number="143003", role="协办")
        handling.save_assist_opinion(s, p, sent_on=dt.date(2025, 5, 20), from_record=True)
        assert not p.assist_opinions[0].doc_number
        handling.save_assist_opinion(s, p, text="我局将配合做好政策宣传。")
    with db.session() as s:
        assert s.query(AssistOpinion).one().doc_number == ""


def test_the_save_marking_it_sent_numbers_it_by_its_signing_year(db: Any) -> None:
    """Signed on 2025-12-30, sent 2026-01-05: the letter bears 2025年12月30日 as 成文日期 and is
    numbered in 2025's series, whether it is printed first or only sent."""
    with db.transaction() as s:
        setup_bureau(s)
        p = add_letter_case(s, number="144001", sent=None)
        handling.save_reply(s, p, signed_on=dt.date(2025, 12, 30), step="主要领导已签发")
        assert not p.replies[0].doc_number  # signing alone: numbered when first printed
        handling.save_reply(s, p, sent_on=dt.date(2026, 1, 5))
        reply = p.replies[0]
        assert (reply.doc_number, reply.doc_year, reply.doc_serial) == (
            "周商函〔2025〕1号", 2025, 1)


def test_a_draft_sent_in_one_save_is_numbered_and_an_opinion_by_its_sending_year(
        db: Any) -> None:
    with db.transaction() as s:
        setup_bureau(s)
        p = add_letter_case(s, number="144002", sent=None)
        handling.save_reply(s, p, sent_on=dt.date(2025, 6, 20))
        assert p.replies[0].doc_number == "周商函〔2025〕1号"
        q = add_letter_case(s, number="144003", role="协办")
        handling.save_assist_opinion(s, q, text="我局将配合。", sent_on=dt.date(2025, 5, 29))
        assert q.assist_opinions[0].doc_number == "周商会办〔2025〕1号"


def test_history_from_a_sheet_is_never_numbered(db: Any) -> None:
    with db.transaction() as s:
        setup_bureau(s)
        p = add_letter_case(s, number="143141", text="", category="", sent=dt.date(2025, 6, 1))
        assert not p.replies[0].doc_number


@pytest.mark.parametrize(("before", "after", "numbered"), [
    (NumberState.DRAFT, NumberState.SENT_WITHOUT, True),
    (NumberState.TO_TAKE, NumberState.SENT_WITHOUT, True),
    (NumberState.SENT_WITHOUT, NumberState.SENT_WITHOUT, False),
    (NumberState.DRAFT, NumberState.TO_TAKE, False),
    (NumberState.GIVEN, NumberState.SENT_WITHOUT, False),  # the clerk cleared it
])
def test_the_rule(before: NumberState, after: NumberState, numbered: bool) -> None:
    assert numbered_by_save(before, after, "周商函") is numbered
    assert not numbered_by_save(before, after, "")
