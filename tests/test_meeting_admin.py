"""Putting the register right after an import: a placeholder meeting gets its real name, two
meetings of the same year are merged (never over a number both hold), and a proposal entered
by mistake is deleted, after a backup, with the audit log keeping what it was."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sheet_support import LEDGER, run_import
from sqlalchemy import func, select

from proposal_desk.documents import figures
from proposal_desk.services import editing, meeting_admin
from proposal_desk.storage.backup import list_backups
from proposal_desk.storage.errors import UserError
from proposal_desk.storage.models import AuditEntry, Meeting, Proposal

PLACEHOLDER = "2024年度政协提案"
REAL = "区政协十四届三次会议"


def _meeting(db: Any, name: str) -> Meeting | None:
    with db.session() as s:
        return s.scalars(select(Meeting).where(Meeting.name == name)).first()


def _count(db: Any, meeting_id: int | None = None) -> int:
    with db.session() as s:
        stmt = select(func.count()).select_from(Proposal)
        if meeting_id is not None:
            stmt = stmt.where(Proposal.meeting_id == meeting_id)
        return s.scalar(stmt) or 0


def test_a_placeholder_meeting_is_renamed_with_its_parts(bureau_db: Any) -> None:
    run_import(bureau_db, LEDGER)
    placeholder = _meeting(bureau_db, PLACEHOLDER)
    assert placeholder is not None and placeholder.term is None
    with bureau_db.transaction() as s:
        meeting_admin.rename_meeting(s, placeholder.id, f" {REAL} ")
    renamed = _meeting(bureau_db, REAL)
    assert renamed is not None and renamed.id == placeholder.id
    assert (renamed.body, renamed.term, renamed.session, renamed.year) == ("区政协", 14, 3, 2024)
    assert _count(bureau_db, renamed.id) == 19
    # Re-importing under the real name now updates these rows instead of doubling the year.
    run_import(bureau_db, LEDGER, meeting=REAL)
    assert _count(bureau_db) == 19


def test_a_rename_onto_another_meeting_or_kind_is_refused(bureau_db: Any) -> None:
    with bureau_db.transaction() as s:
        a = Meeting(kind="提案", name=PLACEHOLDER, year=2024)
        b = Meeting(kind="提案", name=REAL, year=2024)
        s.add_all([a, b])
        s.flush()
        ids = a.id, b.id
    with bureau_db.transaction() as s, pytest.raises(UserError, match="合并"):
        meeting_admin.rename_meeting(s, ids[0], REAL)
    with bureau_db.transaction() as s, pytest.raises(UserError, match="人大"):
        meeting_admin.rename_meeting(s, ids[0], "区十九届人大三次会议")
    with bureau_db.transaction() as s, pytest.raises(UserError, match="不能为空"):
        meeting_admin.rename_meeting(s, ids[0], "  ")
    assert _meeting(bureau_db, PLACEHOLDER) is not None


def test_two_meetings_of_a_year_are_merged(bureau_db: Any) -> None:
    run_import(bureau_db, LEDGER)
    placeholder = _meeting(bureau_db, PLACEHOLDER)
    assert placeholder is not None
    with bureau_db.transaction() as s:
        real = Meeting(kind="提案", name=REAL, year=2024)
        s.add(real)
        s.flush()
        real_id = real.id
        assert [m.id for m in meeting_admin.merge_targets(s, placeholder.id)] == [real_id]
    moved = meeting_admin.merge_meetings_with_backup(bureau_db, placeholder.id, real_id)
    assert moved == 19
    assert _meeting(bureau_db, PLACEHOLDER) is None
    assert _count(bureau_db, real_id) == 19
    assert any(b.reason == meeting_admin.REASON_MERGE
               for b in list_backups(bureau_db.backup_dir))
    with bureau_db.session() as s:
        settings = bureau_db.settings(s)
        report = figures.compute(figures.load_digests(s, settings.deadlines, year=2024),
                                 settings)
    assert report.total == 19


def test_a_merge_over_a_shared_number_is_refused_and_names_it(bureau_db: Any,
                                                              monkeypatch: Any) -> None:
    from proposal_desk.sheets import importer

    run_import(bureau_db, LEDGER)
    # The doubled year the tester found, as a database imported before the importer refused
    # numbers already in another meeting of the year (tests/test_import_history.py).
    monkeypatch.setattr(importer, "_already_in_other_meetings", lambda session, records: [])
    run_import(bureau_db, LEDGER, meeting=REAL)
    assert _count(bureau_db) == 38
    placeholder = _meeting(bureau_db, PLACEHOLDER)
    real = _meeting(bureau_db, REAL)
    assert placeholder is not None and real is not None
    with bureau_db.session() as s:
        number = s.scalars(select(Proposal.number).where(
            Proposal.meeting_id == real.id).order_by(Proposal.number)).first()
    with pytest.raises(UserError, match=f"第{number}号") as caught:
        meeting_admin.merge_meetings_with_backup(bureau_db, placeholder.id, real.id)
    assert "都有" in str(caught.value) and "数据没有改变" in str(caught.value)
    assert _count(bureau_db, placeholder.id) == 19 and _count(bureau_db, real.id) == 19


def test_meetings_of_different_years_are_not_merged(bureau_db: Any) -> None:
    with bureau_db.transaction() as s:
        a = Meeting(kind="提案", name=PLACEHOLDER, year=2024)
        b = Meeting(kind="提案", name="区政协十四届四次会议", year=2025)
        s.add_all([a, b])
        s.flush()
        with pytest.raises(UserError, match="同一年度"):
            meeting_admin.merge_meetings(s, a.id, b.id)


def test_a_proposal_is_deleted_after_a_backup_and_stays_in_the_audit_log(
        bureau_db: Any) -> None:
    run_import(bureau_db, LEDGER)
    with bureau_db.session() as s:
        p = s.scalars(select(Proposal).where(Proposal.replied_on.is_not(None))
                      .order_by(Proposal.number)).first()
        assert p is not None
        pid, number, title = p.id, p.number, p.title
    label = meeting_admin.delete_proposal_with_backup(bureau_db, pid)
    assert f"第{number}号" in label and title[:10] in label
    with bureau_db.session() as s:
        assert s.get(Proposal, pid) is None
        kept = s.scalars(select(AuditEntry).where(
            AuditEntry.proposal_id == pid, AuditEntry.action == "delete",
            AuditEntry.table == "proposal")).all()
    snapshot = next(e.changes for e in kept if e.changes)
    assert snapshot["number"] == number and snapshot["title"] == title
    assert snapshot["meeting_id"] == PLACEHOLDER
    assert _count(bureau_db) == 18
    assert any(b.reason == meeting_admin.REASON_DELETE
               for b in list_backups(bureau_db.backup_dir))
    with pytest.raises(UserError, match="已不存在"):
        meeting_admin.delete_proposal_with_backup(bureau_db, pid)


# Each fixed date binds the proposals of its roles only (meeting_admin._DUE_ROLES): a
# date before the 交办 of another role's proposal is accepted, one of its own role refused.

def _meeting_with(db: Any, *roles: str) -> int:
    """One meeting; its proposals 1, 2 … of `roles`, the first assigned 2025-03-18 and each
    next a week later."""
    with db.transaction() as s:
        meeting = Meeting(kind="提案", name="区政协十四届四次会议", year=2025)
        s.add(meeting)
        for n, role in enumerate(roles):
            s.add(Proposal(meeting=meeting, number=str(n + 1), title=f"关于第{n + 1}件的建议",
                           role=role, assigned_on=dt.date(2025, 3, 18 + 7 * n)))
        s.flush()
        return meeting.id


def _set(db: Any, meeting_id: int, name: str, day: dt.date) -> None:
    wanted = {"reply_due": None, "assist_due": None, "return_due": None, name: day}
    with db.transaction() as s:
        editing.update_meeting(s, meeting_id, **wanted)


@pytest.mark.parametrize(("name", "own", "other"), [
    ("reply_due", "主办", "协办"), ("reply_due", "分办", "会办"),
    ("assist_due", "协办", "主办"), ("assist_due", "会办", "分办")])
def test_an_answer_date_binds_its_own_roles_only(bureau_db: Any, name: str, own: str,
                                                 other: str) -> None:
    meeting_id = _meeting_with(bureau_db, other, own)  # other 3月18日, own 3月25日
    _set(bureau_db, meeting_id, name, dt.date(2025, 3, 25))
    with pytest.raises(UserError) as caught:  # after the other role's 交办: still refused
        _set(bureau_db, meeting_id, name, dt.date(2025, 3, 24))
    assert str(caught.value).endswith(
        "（2025年3月24日）不能早于交办日期（2025年3月25日）：第2号于该日交办")
    with bureau_db.session() as s:
        assert getattr(s.get(Meeting, meeting_id), name) == dt.date(2025, 3, 25)


@pytest.mark.parametrize("role", ["主办", "分办", "协办", "会办"])
def test_the_return_date_binds_every_role(bureau_db: Any, role: str) -> None:
    meeting_id = _meeting_with(bureau_db, role)  # assigned 3月18日
    with pytest.raises(UserError) as caught:
        _set(bureau_db, meeting_id, "return_due", dt.date(2025, 3, 17))
    assert str(caught.value) == (
        "申请退回截止日期（2025年3月17日）不能早于交办日期（2025年3月18日）：第1号于该日交办")
    _set(bureau_db, meeting_id, "return_due", dt.date(2025, 3, 18))


def test_a_proposal_assigned_after_the_notice_does_not_hold_its_dates_back(
        bureau_db: Any) -> None:
    # The notice's dates bind the batch assigned with it; one reassigned later (3月25日) must
    # not stop the office's dates being set (second try-out of session 4).
    meeting_id = _meeting_with(bureau_db, "协办", "协办")  # 3月18日, 3月25日
    with bureau_db.transaction() as s:
        editing.update_meeting(s, meeting_id, reply_due=None, assist_due=dt.date(2025, 3, 20),
                               return_due=dt.date(2025, 3, 20))
    with bureau_db.session() as s:
        meeting = s.get(Meeting, meeting_id)
        assert (meeting.assist_due, meeting.return_due) == (dt.date(2025, 3, 20),) * 2


def test_a_proposal_with_its_own_due_date_holds_back_only_the_return_date(bureau_db: Any) -> None:
    # Its own 办理时限 replaces the meeting's answer date for it (rules.effective_due), not the
    # 退回 date: the answer date may fall before its 交办, the 退回 date may not.
    meeting_id = _meeting_with(bureau_db, "主办")  # assigned 3月18日
    with bureau_db.transaction() as s:
        s.scalars(select(Proposal)).one().due_override = dt.date(2025, 6, 18)
    _set(bureau_db, meeting_id, "reply_due", dt.date(2025, 3, 17))
    with pytest.raises(UserError, match="申请退回截止日期"):
        _set(bureau_db, meeting_id, "return_due", dt.date(2025, 3, 17))
