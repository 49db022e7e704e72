"""The handling rules an import checks at plan time are the window's own (services.handling
check_signed, check_opinion, check_return_reason): one rule, one message, wherever a clerk
meets it. An answer dated before 交办 is the exception by design: the window refuses typing it,
a ledger's history imports with one warning whatever the role (history_before_assigned)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from sheet_support import plan, run_import, write_sheet
from sqlalchemy.orm import object_session

from proposal_desk.services import handling
from proposal_desk.services.queries import load_proposal
from proposal_desk.sheets import SheetError
from proposal_desk.storage.database import Database
from proposal_desk.storage.errors import UserError
from proposal_desk.storage.models import Meeting, Proposal

D = dt.date
HEAD = ["提案号", "案由", "提案人", "办理方式", "主办单位", "交办日期"]
ROW = ["1", "关于甲的建议", "张三", "主办", "区商务局", "2024-03-14"]


def _service_message(db: Database, step: Callable[[Proposal], object]) -> str:
    with db.transaction() as s:
        m = Meeting(kind="提案", name="区政协十四届三次会议", year=2024)
        p = Proposal(meeting=m, number="99", title="关于乙的建议", role="主办",
                     assigned_on=D(2024, 3, 14))
        s.add(p)
        s.flush()
        pid = p.id
    with pytest.raises(UserError) as caught, db.transaction() as s:
        step(load_proposal(s, pid))
    return str(caught.value)


CASES = {
    "signed before assigned": (
        ["签收日期"], ["2024-03-01"], "G列「签收日期」",
        lambda p: handling.sign(p, D(2024, 3, 1))),
    "opinion without a reply": (
        ["委员意见"], ["满意"], "G列「委员意见」",
        lambda p: handling.record_opinion(p, "满意")),
    "return without a reason": (
        ["退回日期"], ["2024-03-20"], "G列「退回日期」",
        lambda p: handling.request_return(p, on=D(2024, 3, 20), reason="")),
}


@pytest.mark.parametrize("kind", list(CASES))
def test_the_import_refuses_with_the_window_message(kind: str, bureau_db: Database,
                                                     tmp_path: Path) -> None:
    extra_head, extra_row, where, step = CASES[kind]
    path = write_sheet(tmp_path / "台账2024年.xlsx", [HEAD + extra_head, ROW + extra_row])
    with pytest.raises(SheetError) as caught:
        run_import(bureau_db, path)
    lines = [line for line in str(caught.value).splitlines() if where in line]
    assert len(lines) == 1, str(caught.value)
    said = _service_message(bureau_db, step)
    assert lines[0].endswith(said), (lines[0], said)


@pytest.mark.parametrize("role", ["主办", "协办"])
def test_a_ledgers_answer_before_assigned_is_one_warning_for_every_role(
        role: str, bureau_db: Database, tmp_path: Path) -> None:
    # A ledger's 主办 row with 答复日期 before 交办 refused the whole ledger, while the same slip
    # on a 协办 row imported with a warning: ledger history stays importable, whatever the role.
    row = [*ROW[:3], role, *ROW[4:]]
    path = write_sheet(tmp_path / "台账2024年.xlsx", [[*HEAD, "答复日期"],
                                                     [*row, "2024-03-01"]])
    [said] = [w for w in plan(bureau_db, path).warnings if "G列「答复日期」" in str(w)]
    label = handling.REPLY_SENT
    assert said.message == handling.history_before_assigned(D(2024, 3, 1), D(2024, 3, 14), label)
    run_import(bureau_db, path)
    assert "（2024年3月1日）早于交办日期（2024年3月14日）" in said.message
    with bureau_db.session() as s:
        [p] = s.query(Proposal).all()
        assert p.replied_on == D(2024, 3, 1)


def test_the_window_still_refuses_typing_an_answer_before_assigned(bureau_db: Database) -> None:
    said = _service_message(bureau_db, lambda p: handling.save_reply(
        object_session(p), p, sent_on=D(2024, 3, 1), text="答复", category="A"))
    assert said == "答复日期（2024年3月1日）不能早于交办日期（2024年3月14日）"
