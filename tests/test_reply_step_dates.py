"""A reply's 起草/审核/签发 dates obey the rule its 答复日期 obeys (the 签发日期 is printed as the
成文日期 and gives the 发文字号 its year); a later round's reply is not dated before the 不满意
that opened it; a 不满意 typed in carries its 反馈日期; a 跟踪's 年度 is a later year
(newcomer's try-out F1, F13, F10, F11)."""

from __future__ import annotations

import datetime as dt

import pytest
from safety_support import plain_proposal
from sqlalchemy.orm import Session

from proposal_desk.core.dates import format_cn as cn
from proposal_desk.services import handling
from proposal_desk.services.queries import load_proposal
from proposal_desk.storage.database import Database
from proposal_desk.storage.errors import UserError

D = dt.date
TODAY = dt.date.today()
TOMORROW = TODAY + dt.timedelta(days=1)
BODY = {"text": "我局认真研究办理。", "category": "B"}


def _refused(db: Database, pid: int, step: object) -> str:
    with pytest.raises(UserError) as caught, db.transaction() as s:
        step(s, load_proposal(s, pid))  # type: ignore[operator]
    return str(caught.value)


def test_signing_reviewing_and_drafting_dates_are_checked(db: Database) -> None:
    pid = plain_proposal(db)  # 交办 2025-03-18

    def save(**dates: dt.date) -> str:
        return _refused(db, pid, lambda s, p: handling.save_reply(s, p, **BODY, **dates))

    assert save(signed_on=TOMORROW) == f"签发日期（{cn(TOMORROW)}）不能晚于今天（{cn(TODAY)}）"
    assert save(signed_on=D(2024, 12, 1)) == \
        "签发日期（2024年12月1日）不能早于交办日期（2025年3月18日）"
    assert save(reviewed_on=D(2025, 3, 1)) == \
        "审核日期（2025年3月1日）不能早于交办日期（2025年3月18日）"
    assert save(drafted_on=TOMORROW) == f"起草日期（{cn(TOMORROW)}）不能晚于今天（{cn(TODAY)}）"
    assert save(signed_on=D(2025, 6, 8), sent_on=D(2025, 6, 1)) == \
        "答复日期（2025年6月1日）不能早于签发日期（2025年6月8日）"
    assert save(reviewed_on=D(2025, 6, 9), signed_on=D(2025, 6, 8)) == \
        "签发日期（2025年6月8日）不能早于审核日期（2025年6月9日）"
    with db.session() as s:
        assert not load_proposal(s, pid).replies  # a refusal leaves no trace
    with db.transaction() as s:
        reply = handling.save_reply(s, load_proposal(s, pid), **BODY, step="主要领导已签发",
                                    reviewed_on=D(2025, 6, 5), signed_on=D(2025, 6, 8))
        assert (reply.reviewed_on, reply.signed_on) == (D(2025, 6, 5), D(2025, 6, 8))
    # a sent date before the signing, typed later, is refused as well
    assert save(sent_on=D(2025, 6, 7)) == \
        "答复日期（2025年6月7日）不能早于签发日期（2025年6月8日）"


def test_a_reply_typed_in_after_the_fact_is_not_drafted_today(db: Database) -> None:
    pid = plain_proposal(db)
    with db.transaction() as s:
        reply = handling.save_reply(s, load_proposal(s, pid), **BODY,
                                    reviewed_on=D(2025, 6, 5), signed_on=D(2025, 6, 8))
        assert reply.drafted_on == D(2025, 6, 5)
    pid2 = plain_proposal(db, "144040")
    with db.transaction() as s:  # a draft saved now, signed on a day typed in later
        assert handling.save_reply(s, load_proposal(s, pid2), **BODY).drafted_on == TODAY
    with db.transaction() as s:
        reply = handling.save_reply(s, load_proposal(s, pid2), signed_on=D(2025, 6, 8))
        assert (reply.drafted_on, reply.signed_on) == (D(2025, 6, 8), D(2025, 6, 8))


def test_a_step_typed_before_the_round_began_is_refused_as_typed(db: Database) -> None:
    pid = plain_proposal(db)  # 交办 2025-03-18
    with db.transaction() as s:  # a draft saved now: its 起草日期 is today
        handling.save_reply(s, load_proposal(s, pid), **BODY)
    said = _refused(db, pid, lambda s, p: handling.save_reply(s, p, signed_on=D(2025, 3, 1)))
    assert said == "签发日期（2025年3月1日）不能早于交办日期（2025年3月18日）"
    with db.session() as s:
        [reply] = load_proposal(s, pid).replies
        assert (reply.drafted_on, reply.signed_on) == (TODAY, None)


def _answered_and_reopened(db: Database) -> int:
    pid = plain_proposal(db)
    with db.transaction() as s:
        handling.save_reply(s, load_proposal(s, pid), **BODY, sent_on=D(2025, 6, 16))
    with db.transaction() as s:
        handling.record_opinion(load_proposal(s, pid), "不满意", received_on=D(2025, 7, 6))
    return pid


def test_a_second_round_is_not_dated_before_the_unsatisfied_opinion(db: Database) -> None:
    pid = _answered_and_reopened(db)

    def round_two(**dates: dt.date) -> str:
        return _refused(db, pid, lambda s, p: handling.save_reply(s, p, **BODY, **dates))

    assert round_two(signed_on=D(2025, 6, 30), sent_on=D(2025, 7, 1)) == \
        "第2轮签发日期（2025年6月30日）不能早于委员不满意意见的反馈日期（2025年7月6日）"
    assert round_two(sent_on=D(2025, 6, 1)) == \
        "第2轮答复日期（2025年6月1日）不能早于委员不满意意见的反馈日期（2025年7月6日）"
    with db.session() as s:
        assert [r.round for r in load_proposal(s, pid).replies] == [1]
    with db.transaction() as s:
        reply = handling.save_reply(s, load_proposal(s, pid), **BODY, signed_on=D(2025, 8, 20),
                                    sent_on=D(2025, 8, 22))
        assert (reply.round, reply.sent_on) == (2, D(2025, 8, 22))


def test_an_unsatisfied_opinion_typed_in_needs_its_feedback_date(db: Database) -> None:
    pid = plain_proposal(db)
    with db.transaction() as s:
        handling.save_reply(s, load_proposal(s, pid), **BODY, sent_on=D(2025, 6, 16))
    said = _refused(db, pid, lambda s, p: handling.record_opinion(p, "不满意"))
    assert said.startswith("委员意见为不满意时，请填写意见反馈日期")
    with db.transaction() as s:  # a ledger's undated 不满意 is history: imported as it is
        handling.record_opinion(load_proposal(s, pid), "不满意", from_record=True)
    with db.transaction() as s:  # other opinions may stay undated
        handling.record_opinion(load_proposal(s, pid), "满意")


def _with_b_answer(s: Session, pid: int) -> None:
    handling.save_reply(s, load_proposal(s, pid), **BODY, sent_on=D(2025, 6, 16))


def test_a_follow_ups_year_is_after_the_proposals_and_not_after_its_date(db: Database) -> None:
    pid = plain_proposal(db)  # a 2025 proposal
    with db.transaction() as s:
        _with_b_answer(s, pid)

    def follow(year: int) -> str:
        return _refused(db, pid, lambda s, p: handling.add_follow_up(
            p, year=year, on=D(2026, 3, 25), progress="推进中", carried_out=False))

    assert follow(2030) == "跟踪年度（2030年）不能晚于跟踪日期（2026年3月25日）所在的年份"
    assert follow(2024).startswith("跟踪年度（2024年）应晚于提案年度（2025年）")
    assert follow(2025).startswith("跟踪年度（2025年）应晚于提案年度（2025年）")
    with db.transaction() as s:
        handling.add_follow_up(load_proposal(s, pid), year=2026, on=D(2026, 3, 25),
                               progress="推进中", carried_out=False)


def test_assigned_is_not_moved_after_a_replys_signing(db: Database) -> None:
    # 交办 moved after the 签发日期 of a reply not sent yet would leave a letter signed before
    # it was assigned (the rule above, kept from the other side: handling.check_assigned).
    from proposal_desk.services import editing

    pid = plain_proposal(db)
    with db.transaction() as s:
        handling.save_reply(s, load_proposal(s, pid), **BODY, signed_on=D(2025, 3, 25))

    def move(s: Session, p: object) -> None:
        info = editing.read_basic(p)  # type: ignore[arg-type]
        info.assigned_on = D(2025, 3, 28)
        editing.apply_basic(s, p, info)  # type: ignore[arg-type]

    assert _refused(db, pid, move) == "交办日期（2025年3月28日）不能晚于签发日期（2025年3月25日）"


def test_a_ledger_date_before_assignment_is_held_only_when_changed(db: Database) -> None:
    """check_reply_dates holds only the dates a save changes: a ledger's reply sent before
    交办 (history, imported with a warning) takes its text in the window as it is; moving
    that date to another day before 交办 is refused."""
    pid = plain_proposal(db)  # 交办 2025-03-18
    with db.transaction() as s:
        handling.save_reply(s, load_proposal(s, pid), from_record=True, category="B",
                            sent_on=D(2025, 3, 1))
    with db.transaction() as s:
        handling.save_reply(s, load_proposal(s, pid), text="我局认真研究办理。")
    with db.session() as s:
        reply = load_proposal(s, pid).replies[0]
        assert (reply.sent_on, reply.text) == (D(2025, 3, 1), "我局认真研究办理。")
    said = _refused(db, pid, lambda s, p: handling.save_reply(s, p, sent_on=D(2025, 3, 2)))
    assert said.startswith("答复日期（2025年3月2日）不能早于交办日期")
