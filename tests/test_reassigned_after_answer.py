"""The office reassigns a proposal between 协办 and 主办 after our 会办意见 went out (or the
reverse, after our reply): a fact the clerk must be able to record, by importing the corrected
交办清单 or in the window. The role changes; what was sent stays on record as history (still
there, in the 办理日志, not deleted nor counted as the new role's answer); the proposal is
handled in its new role with that role's deadline; the preview names the proposal and the
date. Before, the window and the import refused, and the import refused the whole list."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from sheet_support import ASSIGNMENTS, plan, run_import, write_sheet

from proposal_desk.services import editing, handling
from proposal_desk.services.queries import find_proposal
from proposal_desk.storage.database import Database
from proposal_desk.storage.models import AuditEntry

NUMBER = "144004"  # 协办 for 区商务局 in the sample list; 区水利局 leads
SENT = dt.date(2025, 4, 10)


def _opinion_sent(db: Database, tmp_path: Path) -> None:
    run_import(db, ASSIGNMENTS)
    ledger = write_sheet(tmp_path / "台账2025年.xlsx", [
        ["提案号", "案由", "提案人", "办理方式", "主办单位", "交办日期", "签收日期", "答复日期"],
        [NUMBER, "关于加强食品安全监管的建议", "汪晓晓", "协办", "区水利局", "2025-03-18",
         "2025-03-20", SENT.isoformat()]])
    run_import(db, ledger, meeting="区政协十四届四次会议")
    with db.session() as s:
        assert find_proposal(s, NUMBER).status == "已办结"


def _reassigned_list(path: Path, number: str, lead: str, assisting: str) -> Path:
    """The office's list again, with `number`'s 主办单位 (G) and 协办单位 (H) changed."""
    wb = openpyxl.load_workbook(ASSIGNMENTS)
    for row in wb.active.iter_rows(min_row=3):
        if row[1].value == number:
            row[6].value = lead
            row[7].value = assisting
    wb.save(path)
    return path


def _corrected_list(tmp_path: Path) -> Path:
    """The office's list again, with our bureau now leading 144004."""
    return _reassigned_list(tmp_path / "交办清单（更正）.xlsx", NUMBER, "区商务局",
                            "区民政局、区融媒体中心、区大数据中心、区水利局")


def test_the_corrected_list_makes_us_lead_and_keeps_the_opinion(bureau_db: Database,
                                                                 tmp_path: Path) -> None:
    _opinion_sent(bureau_db, tmp_path)
    path = _corrected_list(tmp_path)
    p = plan(bureau_db, path)
    assert p.ok, p.problems  # before: refused, and with it the whole list
    assert p.counts["更新"] == 1 and p.counts["无变化"] == 39
    [note] = [w for w in p.warnings if "办理方式由协办改为主办" in w.message]
    assert note.message == (
        "注意：第144004号办理方式由协办改为主办；原为协办时于2025年4月10日送出的协办意见"
        "保留为办理记录（不算作答复）；现按主办办理，须答复提出人，办理时限按主办计算")
    assert "G列「主办单位」" in str(note)  # where the list names us in the new role
    row = next(r for r in p.rows if r.number == NUMBER)
    assert "2025年4月10日" in row.reason
    run_import(bureau_db, path)
    with bureau_db.session() as s:
        pr = find_proposal(s, NUMBER)
        assert pr.role == "主办"
        assert [o.sent_on for o in pr.assist_opinions] == [SENT]  # history, not deleted
        assert pr.replies == [] and pr.replied_on is None  # not turned into a reply
        assert pr.status == "办理中" and pr.due == dt.date(2025, 6, 17)  # 主办's deadline
        assert "送出的会办意见保留为办理记录" in handling.reassigned_note_of(pr)
        role_changes = [e for e in s.query(AuditEntry).filter_by(proposal_id=pr.id)
                        if e.table == "proposal" and "role" in (e.changes or {})]
        assert role_changes  # the change itself is in the 办理日志
        # answered now as 主办, through the ordinary step
        handling.save_reply(s, pr, text="答复", category="A", sent_on=dt.date(2025, 5, 6))


def test_the_window_records_the_reassignment_the_same_way(bureau_db: Database,
                                                          tmp_path: Path) -> None:
    _opinion_sent(bureau_db, tmp_path)
    with bureau_db.transaction() as s:
        pr = find_proposal(s, NUMBER)
        info = editing.read_basic(pr)
        info.role = "主办"
        editing.apply_basic(s, pr, info)  # before: 已有会办意见，不能改为主办
    with bureau_db.transaction() as s:
        pr = find_proposal(s, NUMBER)
        assert pr.role == "主办" and pr.status == "办理中" and pr.replied_on is None
        assert [o.sent_on for o in pr.assist_opinions] == [SENT]
        assert handling.reassigned_note_of(pr) == (
            "办理方式改为主办前于2025年4月10日送出的会办意见保留为办理记录（不算作答复）；"
            "现按主办办理，须答复提出人，办理时限按主办计算")
        # the opinion answered the old role: a 退回 of the new one may still be asked for
        handling.request_return(pr, on=dt.date(2025, 4, 20), reason="不属本单位职责")


@pytest.mark.parametrize("role", ["主办", "协办"])
def test_nothing_is_said_when_nothing_was_sent(role: str) -> None:
    from proposal_desk.core.enums import Role

    assert handling.reassigned_note(Role(role), old=None, reply_sent=None,
                                    opinion_sent=None) == ""


def test_made_assisting_after_the_reply_the_ledger_goes_out_and_back(bureau_db: Database,
                                                                     tmp_path: Path) -> None:
    # The reverse: the reply and the member's opinion stay on record, but the ledger's row of
    # a 协办 proposal carries no 答复类别 or 委员意见 (the import would refuse them), so the
    # exported ledger imports again, unchanged.
    from proposal_desk.sheets import export_ledger

    run_import(bureau_db, ASSIGNMENTS)
    with bureau_db.transaction() as s:
        pr = find_proposal(s, "144009")  # 主办
        handling.save_reply(s, pr, text="答复", category="A", sent_on=dt.date(2025, 4, 20))
        handling.record_opinion(pr, "满意", received_on=dt.date(2025, 4, 28))
    with bureau_db.transaction() as s:
        pr = find_proposal(s, "144009")
        info = editing.read_basic(pr)
        info.role = "协办"
        editing.apply_basic(s, pr, info)
    with bureau_db.session() as s:
        pr = find_proposal(s, "144009")
        assert pr.status == "待签收" and pr.category == "" and pr.satisfaction == ""
        assert len(pr.replies) == 1 and len(pr.member_opinions) == 1
        assert handling.reassigned_note_of(pr) == (
            "办理方式改为协办前于2025年4月20日送出的答复保留为办理记录；"
            "现按协办办理，须向主办单位送协办意见，办理时限按协办计算")
        path = tmp_path / "台账.xlsx"
        export_ledger(s, path)
    again = plan(bureau_db, path)
    assert again.ok, again.problems
    assert again.counts["无变化"] == 40, [(r.number, r.reason) for r in again.rows
                                          if r.action.value != "无变化"]


def _lead_made_assisting(tmp_path: Path) -> Path:
    # 144009: 主办, 办理时限 2025年6月17日 in the list
    return _reassigned_list(tmp_path / "交办清单（改协办）.xlsx", "144009", "区民政局", "区商务局")


def test_made_assisting_the_proposal_gets_the_assisting_deadline(bureau_db: Database,
                                                                 tmp_path: Path) -> None:
    # The list's 办理时限 was ours as 主办 (the reply's); as 协办 it is the lead unit's, so the
    # stored one goes and the rule's (one month from 交办) applies; it stayed before.
    run_import(bureau_db, ASSIGNMENTS)
    path = _lead_made_assisting(tmp_path)
    p = plan(bureau_db, path)
    row = next(r for r in p.rows if r.number == "144009")
    due = next(c for c in row.changes if c.field == "办理时限")
    assert (due.old, due.new) == ("2025年6月17日", "（按协办的时限计算）")
    run_import(bureau_db, path)
    with bureau_db.session() as s:
        pr = find_proposal(s, "144009")
        assert (pr.role, pr.due_override, pr.due) == ("协办", None, dt.date(2025, 4, 18))
    assert plan(bureau_db, path).counts["更新"] == 0  # imported again: nothing to change


@pytest.mark.parametrize(("typed", "due"), [
    (None, dt.date(2025, 4, 18)),  # the old role's 办理时限 goes with it
    (dt.date(2025, 5, 30), dt.date(2025, 5, 30)),  # one typed in the same save is kept
])
def test_the_window_gives_the_new_role_its_deadline(bureau_db: Database,
                                                    typed: dt.date | None,
                                                    due: dt.date) -> None:
    run_import(bureau_db, ASSIGNMENTS)
    with bureau_db.transaction() as s:
        pr = find_proposal(s, "144009")
        info = editing.read_basic(pr)
        assert info.due_override == dt.date(2025, 6, 17)
        info.role = "协办"
        if typed:
            info.due_override = typed
        editing.apply_basic(s, pr, info)
    with bureau_db.session() as s:
        assert find_proposal(s, "144009").due == due
