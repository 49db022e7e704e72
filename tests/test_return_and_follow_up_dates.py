"""退回 and 跟踪 dates by the rules of every other handling date, a 退回 on an answered
proposal refused, and a pending request withdrawn (newcomer's try-out 4, finding 1)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from safety_support import plain_proposal
from sheet_support import dump, plan, run_import, write_sheet

from proposal_desk.services import handling, returns
from proposal_desk.services.audit_text import describe_action, describe_changes
from proposal_desk.services.editing import audit_entries
from proposal_desk.services.queries import load_proposal
from proposal_desk.sheets import SheetError
from proposal_desk.storage.database import Database
from proposal_desk.storage.errors import UserError

D = dt.date
TODAY = dt.date.today()
TOMORROW = TODAY + dt.timedelta(days=1)


def cn(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def _refused(db: Database, pid: int, step: object) -> str:
    with pytest.raises(UserError) as caught, db.transaction() as s:
        step(load_proposal(s, pid))  # type: ignore[operator]
    with db.session() as s:
        assert not load_proposal(s, pid).returns
    return str(caught.value)


def test_a_return_is_dated_between_assignment_and_today(db: Database) -> None:
    pid = plain_proposal(db)

    def ask(on: dt.date) -> object:
        return lambda p: handling.request_return(p, on=on, reason="不属本局职责")

    assert _refused(db, pid, ask(TOMORROW)) == (
        f"退回申请日期（{cn(TOMORROW)}）不能晚于今天（{cn(TODAY)}）")
    assert _refused(db, pid, ask(D(2025, 1, 5))) == (
        "退回申请日期（2025年1月5日）不能早于交办日期（2025年3月18日）")
    with db.transaction() as s:
        handling.request_return(load_proposal(s, pid), on=D(2025, 3, 20), reason="不属本局职责")


@pytest.mark.parametrize("role", ["主办", "协办"])
def test_no_return_once_answered(db: Database, role: str) -> None:
    pid = plain_proposal(db, role=role)
    with db.transaction() as s:
        p = load_proposal(s, pid)
        if role == "主办":
            handling.save_reply(s, p, text="正文", category="A", sent_on=D(2025, 6, 8))
            handling.record_opinion(p, "满意", received_on=D(2025, 6, 20))
        else:
            handling.save_assist_opinion(s, p, text="意见", sent_on=D(2025, 5, 20))
    with db.session() as s:
        assert load_proposal(s, pid).status == "已办结"
    said = _refused(db, pid, lambda p: handling.request_return(
        p, on=D(2025, 7, 1), reason="不属本局职责"))
    what = {"主办": "答复", "协办": "送出协办意见", "会办": "送出会办意见"}[role]
    day = "2025年6月8日" if role == "主办" else "2025年5月20日"
    assert said == (f"本件已于{day}{what}，不能再申请退回（退回申请日期2025年7月1日；"
                    f"退回应在{what}之前提出）")
    with db.session() as s:
        assert load_proposal(s, pid).status == "已办结"
    with db.transaction() as s:  # history typed in late: a request before the answer
        handling.request_return(load_proposal(s, pid), on=D(2025, 3, 20), reason="不属本局职责")


def test_a_pending_return_is_withdrawn_and_filed_again(db: Database) -> None:
    pid = plain_proposal(db)
    with db.transaction() as s:
        handling.request_return(load_proposal(s, pid), on=D(2025, 3, 19), reason="理由写错了")
    with db.session() as s:
        assert load_proposal(s, pid).status == "退回中"
    said = _refused_keeping(db, pid)
    assert "已有一份待审核的退回申请" in said and "撤回" in said
    with db.transaction() as s:
        returns.withdraw(load_proposal(s, pid))
    with db.session() as s:
        p = load_proposal(s, pid)
        assert (p.returns, p.status) == ([], "待签收")
        log = [describe_action(e.table, e.action, e.changes)
               + describe_changes(e.table, e.action, e.changes)
               for e in audit_entries(s, pid)]
        assert any("理由写错了" in line for line in log), log  # the 办理日志 keeps it
    with pytest.raises(UserError, match="没有待审核的退回申请"), db.transaction() as s:
        returns.withdraw(load_proposal(s, pid))
    with db.transaction() as s:
        handling.request_return(load_proposal(s, pid), on=D(2025, 3, 20), reason="不属本局职责")
    with db.session() as s:
        assert [r.requested_on for r in load_proposal(s, pid).returns] == [D(2025, 3, 20)]


def _refused_keeping(db: Database, pid: int) -> str:
    with pytest.raises(UserError) as caught, db.transaction() as s:
        handling.request_return(load_proposal(s, pid), on=D(2025, 3, 20), reason="再申请")
    return str(caught.value)


def test_a_follow_up_is_dated_after_the_answer_and_not_after_today(db: Database) -> None:
    pid = plain_proposal(db)
    with db.transaction() as s:
        handling.save_reply(s, load_proposal(s, pid), text="正文", category="B",
                            sent_on=D(2025, 6, 8))

    def follow(on: dt.date) -> str:
        with pytest.raises(UserError) as caught, db.transaction() as s:
            handling.add_follow_up(load_proposal(s, pid), year=2026, on=on, progress="推进中",
                                   carried_out=False)
        return str(caught.value)

    assert follow(TOMORROW) == f"跟踪日期（{cn(TOMORROW)}）不能晚于今天（{cn(TODAY)}）"
    assert follow(D(2025, 1, 5)) == "跟踪日期（2025年1月5日）不能早于交办日期（2025年3月18日）"
    assert follow(D(2025, 5, 1)) == "跟踪日期不能早于答复日期（2025年6月8日）"
    with db.session() as s:
        assert not load_proposal(s, pid).follow_ups
    with db.transaction() as s:
        handling.add_follow_up(load_proposal(s, pid), year=2026, on=D(2026, 1, 15),
                               progress="推进中", carried_out=False)


HEAD = ["提案号", "案由", "提案人", "办理方式", "主办单位", "交办日期", "答复日期", "答复类别",
        "退回日期", "退回理由"]


@pytest.mark.parametrize(("replied", "return_on", "said"), [
    ("", TOMORROW.isoformat(), f"退回申请日期（{cn(TOMORROW)}）不能晚于今天（{cn(TODAY)}）"),
    ("", "2025-01-05", "退回申请日期（2025年1月5日）不能早于交办日期（2025年3月18日）"),
    ("2025-06-08", "2025-07-01", "本件已于2025年6月8日答复，不能再申请退回"),
], ids=["future", "before-assigned", "answered"])
def test_the_import_checks_a_return_as_the_window_does(bureau_db: Database, tmp_path: Path,
                                                       replied: str, return_on: str,
                                                       said: str) -> None:
    row = ["9", "关于丁的建议", "钱七", "主办", "区商务局", "2025-03-18", replied,
           "A" if replied else "", return_on, "不属本局职责"]
    path = write_sheet(tmp_path / "台账2025年.xlsx", [HEAD, row], sheet="2025年台账")
    before = dump(bureau_db)
    with pytest.raises(SheetError) as caught:
        run_import(bureau_db, path)
    lines = [line for line in str(caught.value).splitlines() if "I列「退回日期」" in line]
    assert len(lines) == 1 and said in lines[0], str(caught.value)
    assert dump(bureau_db) == before
    ok = [*row[:8], "2025-03-20", "不属本局职责"]
    assert plan(bureau_db, write_sheet(tmp_path / "ok.xlsx", [HEAD, ok],
                                       sheet="2025年台账")).ok


@pytest.mark.parametrize("role", ["主办", "协办"])
def test_no_return_on_the_day_of_the_answer(db: Database, role: str) -> None:
    # answering accepted the proposal as ours: the day of the answer already counts
    pid = plain_proposal(db, "144041", role)
    with db.transaction() as s:
        p = load_proposal(s, pid)
        if role == "主办":
            handling.save_reply(s, p, text="正文", category="A", sent_on=D(2025, 4, 8))
        else:
            handling.save_assist_opinion(s, p, text="意见", sent_on=D(2025, 4, 8))
    said = _refused(db, pid, lambda p: handling.request_return(
        p, on=D(2025, 4, 8), reason="不属本局职责"))
    assert said.startswith("本件已于2025年4月8日") and "不能再申请退回" in said
    with db.transaction() as s:  # the day before is still a request before the answer
        handling.request_return(load_proposal(s, pid), on=D(2025, 4, 7), reason="不属本局职责")
