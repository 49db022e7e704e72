"""Acceptance: a bureau's own 2024 ledger lands as 19 proposals with roles, replies,
categories, opinions, sections, handlers and contact records; and ledger rules by example."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import openpyxl
from sheet_support import (
    LEDGER,
    audit_count,
    dump,
    ledger_rows,
    list_json,
    plan,
    run_import,
    write_sheet,
)

from proposal_desk.services.queries import find_proposal
from proposal_desk.sheets import Action, Shape
from proposal_desk.storage.models import Meeting

METHOD_WORDS = {"电话": "电话", "面商": "上门面商", "上门面商": "上门面商", "座谈会": "座谈会"}


def _sheet_rows() -> list[dict[str, object]]:
    ws = openpyxl.load_workbook(LEDGER, data_only=True).active
    header = [c.value for c in ws[1]]
    rows = []
    for values in ws.iter_rows(min_row=2, values_only=True):
        if values[0]:
            rows.append(dict(zip(header, values, strict=True)))
    return rows


def _day(value: object) -> dt.date | None:
    return value.date() if isinstance(value, dt.datetime) else value  # type: ignore[return-value]


def test_lands_19_rows_with_categories_replies_and_opinions(bureau_db) -> None:  # type: ignore[no-untyped-def]
    p = plan(bureau_db, LEDGER)
    assert p.shape is Shape.LEDGER and p.ok
    assert (p.year, p.kind, p.meeting) == (2024, "提案", "2024年度政协提案")
    run_import(bureau_db, LEDGER)
    rows = list_json(bureau_db)
    assert len(rows) == 19
    assert Counter(r["role"] for r in rows) == {"主办": 8, "协办": 6, "会办": 5}
    assert Counter(r["category"] for r in rows if r["category"]) == {"A": 6, "B": 1, "D": 1}
    assert Counter(r["satisfaction"] for r in rows if r["satisfaction"]) == {
        "满意": 6, "基本满意": 1, "不满意": 1}
    assert all(r["replied"] for r in rows)
    assert {r["year"] for r in rows} == {2024}


def test_every_field_of_every_row(bureau_db) -> None:  # type: ignore[no-untyped-def]
    run_import(bureau_db, LEDGER)
    expected = _sheet_rows()
    assert len(expected) == 19
    with bureau_db.session() as s:
        for e in expected:
            p = find_proposal(s, str(e["提案号"]))
            assert p.title == e["案由"]
            assert p.lead_proposer == e["提案人"] and p.co_signers == []
            assert p.role == e["办理方式"]
            assert p.section.name == e["承办科室"]
            assert p.handler.name == e["承办人"] and p.handler.section is p.section
            assert p.assigned_on == _day(e["交办日期"])
            assert p.due_override == _day(e["办理时限"])
            replied = _day(e["答复日期"])
            if p.role == "主办":
                assert p.lead_unit == "区商务局"
                assert [(r.round, r.sent_on, r.category, r.step) for r in p.replies] == [
                    (1, replied, e["答复类别"], "已行文答复")]
                assert [o.satisfaction for o in p.member_opinions] == [e["委员意见"]]
                assert not p.assist_opinions
                status = "重新办理" if e["委员意见"] == "不满意" else "已办结"
            else:
                assert p.lead_unit == e["主办单位"]
                assert p.units_in(p.role) == ["区商务局"]  # our own entry
                assert [o.sent_on for o in p.assist_opinions] == [replied]
                assert not p.replies and not p.member_opinions
                status = "已办结"
            assert p.status == status
            methods = [METHOD_WORDS[w] for w in str(e["沟通方式"]).split("、")]
            assert [c.method for c in p.records] == methods
            # the ledger's contact: on its earliest date, never before 交办 (the rule of
            # handling.add_record), even where the ledger dates the opinion earlier
            first = p.assigned_on or replied
            assert {(c.date, c.stage) for c in p.records} == {(first, "办前")}
            assert p.meeting.name == "2024年度政协提案" and p.meeting.year == 2024


def test_reopened_after_unsatisfied_gets_no_invented_deadline(bureau_db) -> None:  # type: ignore[no-untyped-def]
    run_import(bureau_db, LEDGER)
    with bureau_db.session() as s:
        p = find_proposal(s, "143092")
        assert p.status == "重新办理" and p.satisfaction == "不满意"
        # The ledger gives no date for the opinion: no deadline is made up from the reply's
        # (2024-05-19 + 3 months), which put it in every later 催办 list (test_import_history).
        assert p.due is None


def test_importing_again_changes_nothing(bureau_db) -> None:  # type: ignore[no-untyped-def]
    run_import(bureau_db, LEDGER)
    before, audits = dump(bureau_db), audit_count(bureau_db)
    p = plan(bureau_db, LEDGER)
    assert p.counts["无变化"] == 19
    run_import(bureau_db, LEDGER)
    assert dump(bureau_db) == before and audit_count(bureau_db) == audits


def test_a_ledger_needs_no_bureau_name(db) -> None:  # type: ignore[no-untyped-def]
    run_import(db, LEDGER)
    rows = list_json(db)
    assert len(rows) == 19
    with db.session() as s:
        p = find_proposal(s, "143017")
        assert [(u.unit_name, u.role) for u in p.units] == [("区交通运输局", "主办")]


def test_an_existing_meeting_of_the_year_is_used(bureau_db) -> None:  # type: ignore[no-untyped-def]
    with bureau_db.transaction() as s:
        s.add(Meeting(kind="提案", name="区政协十四届三次会议", year=2024))
    p = plan(bureau_db, LEDGER)
    assert p.meeting == "区政协十四届三次会议"
    run_import(bureau_db, LEDGER)
    assert {r["meeting"] for r in list_json(bureau_db)} == {"区政协十四届三次会议"}


def test_meeting_and_year_from_options(bureau_db) -> None:  # type: ignore[no-untyped-def]
    p = plan(bureau_db, LEDGER, meeting="区政协十四届三次会议", year=2024)
    assert (p.meeting, p.year, p.kind) == ("区政协十四届三次会议", 2024, "提案")
    p = plan(bureau_db, LEDGER, meeting="区十八届人大三次会议", year=2024)
    assert p.kind == "建议"


def test_changed_cells_update_through_the_services(bureau_db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    first = write_sheet(tmp_path / "a.xlsx", ledger_rows(
        ["1", "关于甲的建议", "张三", "主办", "区商务局", "办公室", "李四", "2024-03-14",
         "2024-06-13", "", "", "", "电话"],
        ["2", "关于乙的建议", "王五", "协办", "区财政局", "办公室", "李四", "2024-03-14"],
    ), sheet="2024年台账")
    run_import(bureau_db, first)
    second = write_sheet(tmp_path / "b.xlsx", ledger_rows(
        ["1", "关于甲的建议", "张三", "主办", "区商务局", "综合科", "", "2024-03-14",
         "2024-06-13", "2024-05-20", "B", "基本满意", "电话、座谈会"],
        ["2", "关于乙的建议", "王五", "协办", "区财政局", "办公室", "李四", "2024-03-14", "",
         "2024-04-01"],
    ), sheet="2024年台账")
    p = plan(bureau_db, second)
    changes = {r.number: {c.field: (c.old, c.new) for c in r.changes} for r in p.rows}
    assert changes["1"] == {
        "承办科室": ("办公室", "综合科"), "答复日期": ("", "2024年5月20日"),
        "答复类别": ("", "B"), "委员意见": ("", "基本满意"),
        "沟通方式": ("电话", "电话、座谈会")}
    assert changes["2"] == {"答复日期": ("", "2024年4月1日")}
    audits = audit_count(bureau_db)
    run_import(bureau_db, second)
    assert audit_count(bureau_db) > audits
    with bureau_db.session() as s:
        one = find_proposal(s, "1")
        assert one.section.name == "综合科" and one.handler.name == "李四"  # empty cell kept
        assert (one.replies[0].sent_on, one.category, one.satisfaction) == (
            dt.date(2024, 5, 20), "B", "基本满意")
        assert sorted(c.method for c in one.records) == ["座谈会", "电话"]
        assert one.status == "已办结"
        two = find_proposal(s, "2")
        assert two.assist_opinions[0].sent_on == dt.date(2024, 4, 1) and two.status == "已办结"
    assert plan(bureau_db, second).counts["无变化"] == 2


def test_a_role_change_after_the_reply_keeps_the_reply_as_history(bureau_db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    # Was refused ("已有答复或会办意见，不能改为协办"); the office's reassignment is a fact the
    # clerk records: the role changes, the sent reply stays on record, and the plan says so.
    run_import(bureau_db, LEDGER)
    with bureau_db.session() as s:
        sent = find_proposal(s, "143140").replies[0].sent_on
    wb = openpyxl.load_workbook(LEDGER)
    ws = wb.active
    for row in ws.iter_rows(min_row=2):
        if row[0].value == "143140":
            row[3].value = "协办"
            row[10].value = None
            row[11].value = None
    path = tmp_path / "role.xlsx"
    wb.save(path)
    p = plan(bureau_db, path)
    assert p.ok, p.problems
    notes = [w for w in p.warnings if "办理方式由主办改为协办" in w.message]
    assert len(notes) == 1 and "D列「办理方式」" in str(notes[0])
    assert "第143140号" in notes[0].message and "送出的答复保留为办理记录" in notes[0].message
    run_import(bureau_db, path)
    with bureau_db.session() as s:
        pr = find_proposal(s, "143140")
        assert pr.role == "协办" and [r.sent_on for r in pr.replies] == [sent]
        assert pr.status == "待签收" and pr.replied_on is None and pr.category == ""


def test_rows_without_any_date_record_no_contact_and_say_so(bureau_db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = write_sheet(tmp_path / "x.xlsx", ledger_rows(
        ["7", "关于丙的建议", "赵六", "主办", "", "", "", "", "", "", "", "", "电话"]),
        sheet="2024年台账")
    p = plan(bureau_db, path)
    assert p.rows[0].action is Action.ADD and "未登记沟通记录" in p.rows[0].reason
    run_import(bureau_db, path)
    with bureau_db.session() as s:
        seven = find_proposal(s, "7")
        assert seven.records == [] and seven.lead_unit == "区商务局"
