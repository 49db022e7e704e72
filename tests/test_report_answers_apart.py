"""The report states 主办 replies to members and 协办 opinions to lead units apart, each with
how many are still outstanding, as the reference reports do (newcomer's try-out F12): one
已答复/已办结 figure adding the two read as members answered and hid the opinions not sent."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from docdata import add_letter_case, full_text, open_docx, setup_bureau

from proposal_desk.documents.figures import compute, load_digests, load_prior_b
from proposal_desk.documents.report import both_answers_sentence, write_report
from proposal_desk.services import handling
from proposal_desk.storage.settings_store import load_settings

TODAY = dt.date(2025, 12, 20)


def _setup(db) -> None:
    with db.transaction() as s:
        setup_bureau(s)
        add_letter_case(s, number="1", sent=dt.date(2025, 6, 10))  # on time (due 6月18日)
        add_letter_case(s, number="2", sent=dt.date(2025, 7, 10))  # late
        add_letter_case(s, number="3", sent=None)  # not answered
        sent = add_letter_case(s, number="4", role="协办", sent=None)
        handling.save_assist_opinion(s, sent, text="我局意见如下。", sent_on=dt.date(2025, 4, 10))
        add_letter_case(s, number="5", role="协办", sent=None)
        add_letter_case(s, number="6", role="协办", sent=None)


def test_figures_count_replies_and_opinions_apart(db) -> None:
    _setup(db)
    with db.session() as s:
        settings = load_settings(s)
        fig = compute(load_digests(s, settings.deadlines, year=2025), settings,
                      load_prior_b(s, 2024), TODAY)
    assert (fig.member_replied, fig.member_replied_on_time, fig.member_outstanding) == (2, 1, 1)
    assert (fig.opinions_sent, fig.opinions_sent_on_time, fig.opinions_outstanding) == (1, 1, 2)
    # the two add up to the window's 办复 and the on-time rate's numerator
    assert fig.member_replied + fig.opinions_sent == fig.answered == 3
    assert fig.member_replied_on_time + fig.opinions_sent_on_time == fig.on_time == 2


def test_report_says_replies_and_opinions_apart(db, tmp_path: Path) -> None:
    _setup(db)
    with db.session() as s:
        text = full_text(open_docx(write_report(s, 2025, tmp_path / "r.docx", today=TODAY)))
    assert ("截至2025年12月20日，主办提案3件，已答复委员2件（按时1件），其中待委员反馈意见2件，"
            "尚未答复1件；协办提案3件，已向主办单位送出协办意见1件（按时1件），"
            "尚未送出2件。") in text
    assert "已办结" not in text.split("二、主要做法")[0]
    assert ("已办复3件（答复委员2件、向主办单位送出协办意见1件），办复率50.0%；"
            "已超过办理时限尚未办复3件；按时办复2件（答复委员1件、送出协办意见1件）") in text


def _one_of_each(db) -> None:
    with db.transaction() as s:
        setup_bureau(s)
        add_letter_case(s, number="1", sent=dt.date(2025, 6, 10))  # on time
        sent = add_letter_case(s, number="4", role="协办", sent=None)
        handling.save_assist_opinion(s, sent, text="我局意见如下。", sent_on=dt.date(2025, 4, 10))


def test_all_done_the_two_are_still_said_apart(db, tmp_path: Path) -> None:
    _one_of_each(db)
    with db.session() as s:
        text = full_text(open_docx(write_report(s, 2025, tmp_path / "r.docx", today=TODAY)))
    assert ("目前均已办结（含已答复、待委员反馈意见的1件）。其中主办提案1件，均已按时答复委员；"
            "协办提案1件，均已按时向主办单位送出协办意见。") in text


def test_nothing_sent_yet_and_a_return_pending(db) -> None:
    _one_of_each(db)
    with db.session() as s:
        settings = load_settings(s)
        fig = compute(load_digests(s, settings.deadlines, year=2025), settings,
                      load_prior_b(s, 2024), TODAY)
    none = dataclasses.replace(
        fig, member_replied=0, member_replied_on_time=0, member_outstanding=1,
        opinions_sent=0, opinions_sent_on_time=0, opinions_outstanding=1, awaiting_opinion=0,
        returning=1)
    assert both_answers_sentence(none, "提案", "委员", today=TODAY) == (
        "截至2025年12月20日，主办提案1件，尚未答复；协办提案1件，协办意见尚未送出。"
        "另有1件已申请退回、待审核。")
