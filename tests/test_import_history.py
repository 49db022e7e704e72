"""A ledger is history: importing it again under another meeting name is refused with where to
rename instead; dates that contradict each other and a final 不满意 are flagged in the plan,
and last year's 不满意 is not chased for ever."""

from __future__ import annotations

import datetime as dt

import pytest
from sheet_support import LEDGER, dump, ledger_rows, list_json, plan, run_import, write_sheet

from proposal_desk.core import rules
from proposal_desk.core.enums import Role
from proposal_desk.core.settings import Deadlines
from proposal_desk.documents.chase import chase_items
from proposal_desk.services.queries import ListFilter, find_proposal, list_rows
from proposal_desk.sheets import SheetError

REAL_NAME = "区政协十四届三次会议"
MONDAY = dt.date(2025, 9, 1)


def test_the_same_ledger_under_another_meeting_name_is_refused(bureau_db) -> None:  # type: ignore[no-untyped-def]
    run_import(bureau_db, LEDGER)  # into the placeholder 2024年度政协提案
    before = dump(bureau_db)
    p = plan(bureau_db, LEDGER, meeting=REAL_NAME)
    assert not p.ok
    assert len(p.problems) == 19 and p.counts["有错误"] == 19 and p.counts["新增"] == 0
    first = str(p.problems[0])
    assert "第2行 A列「提案号」" in first
    assert "2024年的会议“2024年度政协提案”中已有第143017号提案" in first
    assert "如会议名称有误" in first and "改名或合并" in first
    with pytest.raises(SheetError):
        run_import(bureau_db, LEDGER, meeting=REAL_NAME)
    assert dump(bureau_db) == before
    assert len(list_json(bureau_db)) == 19


def test_a_shared_number_with_another_title_or_year_is_not_a_duplicate(bureau_db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    run_import(bureau_db, LEDGER)
    other = write_sheet(tmp_path / "o.xlsx", ledger_rows(
        ["143017", "关于另一件事的建议", "张三", "主办", "区商务局", "办公室", "李四",
         "2024-03-14"]), sheet="2024年台账")
    assert plan(bureau_db, other, meeting="市政协十三届三次会议").ok
    next_year = write_sheet(tmp_path / "n.xlsx", ledger_rows(
        ["143017", "关于完善农村电商服务网络的建议", "江辉敏", "主办", "区商务局", "办公室",
         "李四", "2025-03-14"]), sheet="2025年台账")
    assert plan(bureau_db, next_year, meeting="区政协十四届四次会议").ok


def test_contradicting_dates_and_a_final_unsatisfied_are_warned_not_refused(bureau_db) -> None:  # type: ignore[no-untyped-def]
    p = plan(bureau_db, LEDGER)
    assert p.ok and p.counts["新增"] == 19
    early = {w.row: w for w in p.warnings if "早于交办日期" in w.message}
    numbers = {r.row: r.number for r in p.rows}
    assert sorted(numbers[row] for row in early) == ["143012", "143128", "143174", "143178"]
    w = early[next(r for r, n in numbers.items() if n == "143128")]
    assert "答复日期（2024年3月11日）早于交办日期（2024年3月14日）" in w.message
    assert "J列「答复日期」" in str(w)
    unsatisfied = [w for w in p.warnings if "不满意" in w.message]
    assert [numbers[w.row] for w in unsatisfied] == ["143092"]
    assert "不列入催办清单" in unsatisfied[0].message
    assert any("不满意" in n for n in p.notes)  # people see them too
    row = next(r for r in p.rows if r.number == "143128")
    assert "早于交办日期" in row.reason
    run_import(bureau_db, LEDGER)
    assert len(list_json(bureau_db)) == 19


def test_last_years_unsatisfied_is_not_in_this_years_chase_list(bureau_db) -> None:  # type: ignore[no-untyped-def]
    run_import(bureau_db, LEDGER)
    with bureau_db.session() as s:
        assert chase_items(s, MONDAY) == []
        assert list_rows(s, ListFilter(overdue=True), today=MONDAY) == []
        p = find_proposal(s, "143092")
        assert p.status == "重新办理"


def test_a_dated_unsatisfied_opinion_is_still_chased(bureau_db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = write_sheet(tmp_path / "d.xlsx", [
        ["提案号", "案由", "提案人", "办理方式", "交办日期", "答复日期", "答复类别", "委员意见",
         "意见反馈日期"],
        ["9", "关于丁的建议", "钱七", "主办", "2025-03-14", "2025-05-19", "A", "不满意",
         "2025-06-01"]], sheet="2025年台账")
    p = plan(bureau_db, path)
    assert p.ok and "逾期的会列入催办清单" in p.warnings[0].message
    run_import(bureau_db, path)
    with bureau_db.session() as s:
        assert find_proposal(s, "9").due == dt.date(2025, 9, 1)
        assert [i.row.number for i in chase_items(s, dt.date(2025, 9, 8))] == ["9"]


def test_the_rule_undated_unsatisfied_has_no_deadline_and_says_so() -> None:
    f = rules.ProposalFacts(role=Role.LEAD, assigned_on=dt.date(2024, 3, 14),
                            replies_sent={1: dt.date(2024, 5, 19)},
                            opinions={1: ("不满意", None)})
    assert rules.derive_status(f).value == "重新办理"
    assert rules.effective_due(f, Deadlines()) is None
    assert not rules.timing(f, Deadlines(), MONDAY).overdue
    assert "reopen_undated" in {w.code for w in rules.warnings(f, Deadlines(), MONDAY)}
