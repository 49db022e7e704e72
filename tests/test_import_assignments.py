"""Acceptance: the office's assignment list for 2025 lands as our 40 proposals, every field."""

from __future__ import annotations

import datetime as dt
import re

import openpyxl
import pytest
from sheet_support import ASSIGNMENTS, audit_count, cli, dump, list_json, plan, run_import
from sqlalchemy import select

from proposal_desk.services.queries import find_proposal, load_proposal
from proposal_desk.sheets import Action, Shape, SheetError
from proposal_desk.storage.models import Meeting, Proposal

MEETING = "区政协十四届四次会议"
ASSIGNED = dt.date(2025, 3, 18)
OURS = {"区商务局", "周村区商务局", "商务局"}


def _expected_rows() -> list[dict[str, object]]:
    """The sample read independently with openpyxl: the rows naming our bureau."""
    ws = openpyxl.load_workbook(ASSIGNMENTS, data_only=True).active
    result = []
    for row in ws.iter_rows(min_row=3, values_only=True):
        if not row[1]:
            continue
        lead = [u for u in re.split("[、，,]", row[6] or "") if u]
        assist = [u for u in re.split("[、，,]", row[7] or "") if u]
        if not OURS & set(lead) and not OURS & set(assist):
            continue
        result.append({
            "number": str(row[1]), "title": row[2], "proposers": [row[3], *[
                n for n in re.split("[、，,]", row[4] or "") if n]],
            "sector": row[5] or "", "role": "主办" if OURS & set(lead) else "协办",
            "lead": lead, "assist": assist, "key": row[10] == "是",
        })
    return result


@pytest.fixture
def imported(bureau_db):  # type: ignore[no-untyped-def]
    _plan, result = run_import(bureau_db, ASSIGNMENTS)
    assert result.added == 40
    return bureau_db


def test_lands_40_proposals_15_lead_25_assist(imported) -> None:  # type: ignore[no-untyped-def]
    rows = list_json(imported)
    assert len(rows) == 40
    assert sum(r["role"] == "主办" for r in rows) == 15
    assert sum(r["role"] == "协办" for r in rows) == 25
    assert {r["meeting"] for r in rows} == {MEETING}
    assert {r["year"] for r in rows} == {2025}
    assert {r["kind"] for r in rows} == {"提案"}
    assert {r["status"] for r in rows} == {"待签收"}
    assert {r["assigned"] for r in rows} == {"2025-03-18"}
    assert {r["due"] for r in rows if r["role"] == "主办"} == {"2025-06-17"}
    # 协办 get the rule's date (one month), not the lead unit's 办理时限
    assert {r["due"] for r in rows if r["role"] == "协办"} == {"2025-04-18"}
    assert sorted(r["number"] for r in rows if r["key"]) == ["144101", "144103", "144131",
                                                             "144302"]
    assert all(r[k] is None for r in rows for k in ("category", "satisfaction", "section",
                                                     "handler", "signed", "replied"))


def test_every_field_of_every_row(imported) -> None:  # type: ignore[no-untyped-def]
    expected = _expected_rows()
    assert len(expected) == 40
    with imported.session() as s:
        meeting = s.scalars(select(Meeting)).one()
        assert (meeting.name, meeting.kind, meeting.year, meeting.term, meeting.session) == (
            MEETING, "提案", 2025, 14, 4)
        for e in expected:
            p = find_proposal(s, str(e["number"]))
            assert p.title == e["title"]
            assert [pm.member.name for pm in p.proposers] == e["proposers"]
            assert p.lead_proposer == e["proposers"][0]  # type: ignore[index]
            assert p.sector == e["sector"]
            assert p.role == e["role"]
            assert p.units_in("主办") == e["lead"]
            assert p.units_in("协办") == e["assist"]
            assert p.lead_unit == "、".join(e["lead"])  # type: ignore[arg-type]
            assert p.key is e["key"]
            assert p.assigned_on == ASSIGNED
            if e["role"] == "主办":
                assert p.due_override == dt.date(2025, 6, 17)
                assert p.due == dt.date(2025, 6, 17)
            else:
                assert p.due_override is None
                assert p.due == dt.date(2025, 4, 18)
            assert p.status == "待签收"
            assert p.signed_on is None and not p.replies and not p.records


def test_several_rows_field_by_field(imported) -> None:  # type: ignore[no-untyped-def]
    with imported.session() as s:
        p = find_proposal(s, "144009")
        assert (p.title, p.sector, p.role) == ("关于加快跨境电商发展的几点建议", "特邀", "主办")
        assert p.lead_proposer == "彭刚超"
        assert p.co_signers == ["高辉刚", "武洋兰", "曹慧建", "宋斌"]
        assert [(u.unit_name, u.role) for u in p.units] == [("区商务局", "主办"),
                                                            ("区民政局", "协办")]
        assert p.proposers[0].member.sector == "特邀"
        assert (p.assigned_on, p.due, p.key) == (ASSIGNED, dt.date(2025, 6, 17), False)

        p = find_proposal(s, "144004")
        assert p.role == "协办" and p.lead_unit == "区水利局"
        assert p.units_in("协办") == ["区民政局", "区融媒体中心", "区大数据中心", "区商务局"]
        assert p.proposer_names == "汪晓晓、卢静慧"
        assert p.due == dt.date(2025, 4, 18)

        p = find_proposal(s, "144101")
        assert p.key and p.role == "主办" and p.co_signers == ["薛欣梅", "陈娜霞", "韦国琳", "叶宇"]

        p = find_proposal(s, "144233")  # a collective proposal, no sector given
        assert p.lead_proposer == "民建区委会" and p.co_signers == [] and p.sector == ""
        assert p.proposers[0].member.collective

        p = find_proposal(s, "144131")  # a key proposal we only assist
        assert p.key and p.role == "协办" and p.lead_unit == "区教育和体育局"


def test_importing_again_changes_nothing(imported) -> None:  # type: ignore[no-untyped-def]
    before, audits = dump(imported), audit_count(imported)
    again = plan(imported, ASSIGNMENTS)
    assert again.counts["无变化"] == 40 and again.counts["新增"] == 0
    assert again.counts["更新"] == 0
    _plan, result = run_import(imported, ASSIGNMENTS)
    assert (result.added, result.updated, result.unchanged) == (0, 0, 40)
    assert audit_count(imported) == audits
    assert dump(imported) == before


def test_dry_run_reports_120_skipped_and_writes_nothing(bureau_db) -> None:  # type: ignore[no-untyped-def]
    before = dump(bureau_db)
    p = plan(bureau_db, ASSIGNMENTS)
    assert p.shape is Shape.ASSIGNMENTS and p.ok
    assert (p.meeting, p.kind, p.year, p.header_row) == (MEETING, "提案", 2025, 2)
    skipped = [r for r in p.rows if r.action is Action.SKIP]
    assert len(skipped) == 120
    assert all(r.reason.startswith("未列本单位（主办单位：") for r in skipped)
    assert p.counts == {"新增": 40, "更新": 0, "无变化": 0, "跳过": 120, "有错误": 0}
    assert any("注：协办单位" in n for n in p.notes)  # the note under the table is not a row
    status, out, _err = cli(bureau_db, "import", str(ASSIGNMENTS), "--dry-run")
    assert status == 0
    assert "跳过 120" in out and "未列本单位（主办单位：区水利局）" in out
    assert "第7行 144009 新增 主办" in out
    assert dump(bureau_db) == before


def test_aliases_name_the_bureau(db) -> None:  # type: ignore[no-untyped-def]
    from proposal_desk.storage.settings_store import set_value

    with db.transaction() as s:
        set_value(s, "bureau.name", "周村区商务局")
        set_value(s, "bureau.aliases", "区商务局")
    p = plan(db, ASSIGNMENTS)
    assert p.counts["新增"] == 40


def test_without_a_bureau_name_the_list_is_refused(db) -> None:  # type: ignore[no-untyped-def]
    before = dump(db)
    with pytest.raises(SheetError, match=r"config bureau\.name"):
        plan(db, ASSIGNMENTS)
    status, _out, err = cli(db, "import", str(ASSIGNMENTS))
    assert status == 2 and "本单位名称" in err and "assignments_2025.xlsx" in err
    assert dump(db) == before


def test_a_meeting_with_a_fixed_opinion_date_gives_assist_rows_that_date(bureau_db) -> None:  # type: ignore[no-untyped-def]
    with bureau_db.transaction() as s:
        s.add(Meeting(kind="提案", name=MEETING, year=2025, assist_due=dt.date(2025, 5, 31)))
    run_import(bureau_db, ASSIGNMENTS)
    rows = list_json(bureau_db)
    assert {r["due"] for r in rows if r["role"] == "协办"} == {"2025-05-31"}
    assert {r["due"] for r in rows if r["role"] == "主办"} == {"2025-06-17"}


def test_a_changed_list_updates_only_what_changed(imported, tmp_path) -> None:  # type: ignore[no-untyped-def]
    wb = openpyxl.load_workbook(ASSIGNMENTS)
    ws = wb.active
    for row in ws.iter_rows(min_row=3):
        if row[1].value == "144009":
            row[2].value = "关于加快跨境电商高质量发展的几点建议"
            row[7].value = "区民政局、区财政局"
            row[10].value = "是"
    changed = tmp_path / "changed.xlsx"
    wb.save(changed)
    with imported.transaction() as s:  # work done in the program since the first import
        p = find_proposal(s, "144009")
        from proposal_desk.services import handling

        handling.sign(p, dt.date(2025, 3, 20))
        handling.assign(s, p, section="电子商务科", handler="张伟")
    p_ = plan(imported, changed)
    updated = [r for r in p_.rows if r.action is Action.UPDATE]
    assert [r.number for r in updated] == ["144009"]
    assert {c.field for c in updated[0].changes} == {"案由", "主办、协办单位", "重点提案"}
    run_import(imported, changed)
    with imported.session() as s:
        p = load_proposal(s, s.scalar(select(Proposal.id).where(Proposal.number == "144009")))
        assert p.title == "关于加快跨境电商高质量发展的几点建议" and p.key
        assert p.units_in("协办") == ["区民政局", "区财政局"]
        # what the list does not carry is kept
        assert p.signed_on == dt.date(2025, 3, 20) and p.section.name == "电子商务科"
        assert p.handler.name == "张伟" and p.status == "办理中"
