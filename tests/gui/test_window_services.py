"""The Qt-free services behind the window: the navigation views agree with the core's query
filters, the dashboard figures add up, and form edits are checked before they are written."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from proposal_desk.demo import fill_demo
from proposal_desk.services import dashboard, editing, handling, views
from proposal_desk.services.queries import ListFilter, list_rows, load_proposal
from proposal_desk.storage.errors import UserError
from proposal_desk.storage.models import Attachment, Meeting, Proposal, Section, Staff

TODAY = dt.date.today()


@pytest.fixture
def demo(db: Any) -> Any:
    fill_demo(db, today=TODAY)
    return db


def _add(db: Any, number: str, role: str = "主办") -> int:
    with db.transaction() as s:
        meeting = s.scalars(select(Meeting)).first() or Meeting(
            kind="提案", name="区政协十四届四次会议", year=2025)
        p = Proposal(meeting=meeting, number=number, title=f"关于{number}的建议", role=role,
                     assigned_on=dt.date(2025, 3, 18))
        s.add(p)
        s.flush()
        handling.set_proposers(s, p, ["彭刚超", "高辉刚"])
        return p.id


def test_every_view_shows_what_the_core_query_filter_returns(demo: Any) -> None:
    with demo.session() as s:
        for year in (TODAY.year, TODAY.year - 1):
            rows = list_rows(s, ListFilter(year=year), today=TODAY)
            assert rows, year
            for view in views.VIEWS:
                flt = ListFilter(**{**view.list_filter.__dict__, "year": year})
                expected = {r.id for r in list_rows(s, flt, today=TODAY)}
                assert {r.id for r in rows if view.test(r)} == expected, view.label
            counts = views.counts(rows)
            assert counts["all"] == len(rows)
            assert counts["lead"] + counts["assist"] + counts["split"] == len(rows)


def test_year_figures_add_up(demo: Any) -> None:
    with demo.session() as s:
        rows = list_rows(s, ListFilter(), today=TODAY)
        settings = demo.settings(s)
    fig = dashboard.year_figures(rows, TODAY.year, settings.categories)
    mine = [r for r in rows if r.year == TODAY.year]
    assert fig.total + fig.returned == len(mine) == sum(fig.by_status.values())
    assert fig.total == sum(fig.by_role.values())
    assert {r.id for r in fig.overdue} == {r.id for r in mine if r.overdue}
    assert [r.due for r in fig.overdue] == sorted(r.due for r in fig.overdue)
    assert {r.id for r in fig.due_soon} == {r.id for r in mine if r.due_soon}
    assert sum(w.total for w in fig.sections) == fig.total
    assert sum(w.total for w in fig.handlers) == fig.total
    assert sum(b[1] + b[2] + b[3] for b in fig.section_bars) == fig.total
    assert set(fig.by_category) >= set(settings.categories)
    assert sum(fig.by_category.values()) == sum(
        1 for r in mine if r.category and r.role in ("主办", "分办"))
    assert sum(fig.replied_by_month) == sum(1 for r in mine if r.replied and
                                            r.replied.year == TODAY.year)
    assert dashboard.latest_year(rows) == max(r.year for r in rows)


def test_basic_info_is_checked_before_anything_is_written(bureau_db: Any) -> None:
    a = _add(bureau_db, "144009")
    _add(bureau_db, "144010")
    with bureau_db.transaction() as s:
        p = load_proposal(s, a)
        info = editing.read_basic(p)
    info.number = "144010"
    with pytest.raises(UserError, match="已有第144010号"), bureau_db.transaction() as s:
        editing.apply_basic(s, load_proposal(s, a), info)
    info.number = "144009"
    info.title = " "
    with pytest.raises(UserError, match="案由不能为空"), bureau_db.transaction() as s:
        editing.apply_basic(s, load_proposal(s, a), info)
    info.title = "关于加快跨境电商发展的建议"
    info.signed_on = dt.date(2025, 3, 1)
    with pytest.raises(UserError, match=r"签收日期（.+）不能早于交办日期"), \
            bureau_db.transaction() as s:
        editing.apply_basic(s, load_proposal(s, a), info)
    info.signed_on = TODAY + dt.timedelta(1)
    with pytest.raises(UserError, match=r"签收日期（.*）不能晚于今天"), \
            bureau_db.transaction() as s:
        editing.apply_basic(s, load_proposal(s, a), info)
    info.signed_on = dt.date(2025, 3, 20)
    info.proposers = ["张三", "李四"]
    info.other_units = ["区财政局"]
    info.section, info.handler, info.leader = "电子商务科", "李明", "刘建国"
    info.topics = ["跨境电商"]
    with bureau_db.transaction() as s:
        editing.apply_basic(s, load_proposal(s, a), info)
    with bureau_db.session() as s:
        p = load_proposal(s, a)
        assert p.title == "关于加快跨境电商发展的建议"
        assert p.status == "办理中"
        assert p.proposer_names == "张三、李四"
        assert p.units_in("协办") == ["区财政局"]
        assert (p.section.name, p.handler.name, p.leader.name) == ("电子商务科", "李明", "刘建国")
        assert p.leader.is_leader


def test_a_role_with_a_reply_can_become_assisting_and_keeps_the_reply(bureau_db: Any) -> None:
    # Was refused ("不能改为协办"): the office's reassignment is a fact; the sent reply stays.
    a = _add(bureau_db, "144009")
    with bureau_db.transaction() as s:
        p = load_proposal(s, a)
        handling.save_reply(s, p, text="答复", category="A", sent_on=dt.date.today())
    with bureau_db.transaction() as s:
        info = editing.read_basic(load_proposal(s, a))
    info.role = "协办"
    with bureau_db.transaction() as s:
        editing.apply_basic(s, load_proposal(s, a), info)
    with bureau_db.session() as s:
        p = load_proposal(s, a)
        assert p.role == "协办" and len(p.replies) == 1 and p.status == "待签收"  # not signed
        assert "送出的答复保留为办理记录" in handling.reassigned_note_of(p)


def test_records_with_files_are_added_changed_and_deleted(bureau_db: Any,
                                                          tmp_path: Path) -> None:
    a = _add(bureau_db, "144009")
    scan = tmp_path / "纪要.pdf"
    scan.write_bytes(b"%PDF-1.4 minutes")
    fields = {"date": dt.date(2025, 4, 1), "method": "走访", "stage": "办前",
              "content": "上门面商"}
    with bureau_db.transaction() as s:
        record = editing.save_record(s, load_proposal(s, a), fields, new_files=[scan])
        record_id = record.id
    with bureau_db.transaction() as s:
        p = load_proposal(s, a)
        assert [r.method for r in p.records] == ["上门面商"]
        attachment_id = p.attachments[0].id
        assert p.attachments[0].record_id == record_id
        editing.save_record(s, p, {**fields, "method": "电话", "content": "改为电话"},
                            record_id=record_id, removed_attachments=[attachment_id])
    with bureau_db.transaction() as s:
        p = load_proposal(s, a)
        assert (p.records[0].method, p.records[0].content) == ("电话", "改为电话")
        assert p.attachments == []
        tomorrow = TODAY + dt.timedelta(1)
        with pytest.raises(UserError) as caught:
            editing.update_record(p.records[0], **{**fields, "date": tomorrow})
        day = f"{tomorrow.year}年{tomorrow.month}月{tomorrow.day}日"
        assert str(caught.value) == (
            f"沟通日期（{day}）不能晚于今天（{TODAY.year}年{TODAY.month}月{TODAY.day}日）")
    with bureau_db.transaction() as s:
        p = load_proposal(s, a)
        editing.save_record(s, p, fields, record_id=record_id, new_files=[scan])
    with bureau_db.transaction() as s:
        editing.delete_record(s, load_proposal(s, a), record_id)
    with bureau_db.session() as s:
        assert load_proposal(s, a).records == []
        assert s.scalars(select(Attachment)).all() == []


def test_staff_and_sections_are_retired_not_deleted(bureau_db: Any) -> None:
    with bureau_db.transaction() as s:
        editing.save_sections(s, ["办公室", "电子商务科"])
        editing.save_staff(s, [editing.StaffLine(None, "李明", "电子商务科"),
                               editing.StaffLine(None, "刘建国", "", is_leader=True)])
    with bureau_db.session() as s:
        assert editing.people_names(s, leaders=False) == ["李明"]
        assert editing.people_names(s, leaders=True) == ["刘建国"]
        lines = editing.staff_lines(s)
    with bureau_db.transaction() as s:
        editing.save_sections(s, ["电子商务科"])
        editing.save_staff(s, [line for line in lines if line.name == "刘建国"])
    with bureau_db.session() as s:
        assert editing.section_names(s) == ["电子商务科"]
        assert {x.name for x in s.scalars(select(Section))} == {"办公室", "电子商务科"}
        assert editing.people_names(s, leaders=False) == []
        assert {x.name: x.active for x in s.scalars(select(Staff))} == {"李明": False,
                                                                        "刘建国": True}


def test_meeting_dates_and_new_proposals(bureau_db: Any) -> None:
    with bureau_db.transaction() as s:
        meeting = editing.create_meeting(s, name="区政协十四届四次会议", kind="提案", year=2025)
        s.flush()
        p = editing.create_proposal(s, meeting_id=meeting.id, number="144001",
                                    title="关于X的建议", role="协办", proposers=["张三"],
                                    assigned_on=dt.date(2025, 3, 18))
        pid = p.id
    with bureau_db.session() as s:
        assert load_proposal(s, pid).due == dt.date(2025, 4, 18)
    with bureau_db.transaction() as s:
        editing.update_meeting(s, meeting.id, reply_due=None, assist_due=dt.date(2025, 5, 31),
                               return_due=None)
    with bureau_db.session() as s:
        assert load_proposal(s, pid).due == dt.date(2025, 5, 31)
    with pytest.raises(UserError, match="已有第144001号"), bureau_db.transaction() as s:
        editing.create_proposal(s, meeting_id=meeting.id, number="144001", title="重复",
                                role="主办", proposers=[], assigned_on=None)
