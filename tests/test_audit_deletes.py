"""Rows taken out of a proposal's collections (a contact record with its attachment, an
attachment, a withdrawn 退回 request) are deleted by the cascade, never passing through
session.delete: the 办理日志 still says so, with what the row held."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from safety_support import plain_proposal
from sqlalchemy import select

from proposal_desk.services import editing, handling, returns
from proposal_desk.services.audit_text import describe_action, describe_changes
from proposal_desk.services.editing import audit_entries
from proposal_desk.services.queries import load_proposal
from proposal_desk.storage import hooks
from proposal_desk.storage.database import Database
from proposal_desk.storage.models import Proposal

D = dt.date


def _deletes(db: Database, pid: int) -> list[str]:
    with db.session() as s:
        return [describe_action(e.table, e.action, e.changes) + "：" +
                describe_changes(e.table, e.action, e.changes)
                for e in audit_entries(s, pid) if e.action == "delete"]


def test_deleted_records_attachments_and_withdrawn_requests_are_logged(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'd.sqlite3'}")
    pid = plain_proposal(db)
    with db.transaction() as s:
        p = load_proposal(s, pid)
        record = handling.add_record(p, date=D(2025, 3, 20), method="电话", content="电话联系委员")
        s.flush()
        handling.add_attachment(s, p, name="面商纪要.pdf", data=b"%PDF scan", record=record)
        handling.add_attachment(s, p, name="调研照片.jpg", data=b"jpeg")
        handling.request_return(p, on=D(2025, 3, 19), reason="不属本局职责")
    with db.transaction() as s:
        p = load_proposal(s, pid)
        photo = next(a for a in p.attachments if a.original_name == "调研照片.jpg")
        editing.delete_attachment(s, p, photo.id)
        editing.delete_record(s, p, p.records[0].id)
        returns.withdraw(p)
    said = _deletes(db, pid)
    assert any(line.startswith("删除沟通记录：") and "电话联系委员" in line for line in said), said
    assert any(line.startswith("删除附件：") and "调研照片.jpg" in line for line in said), said
    assert any(line.startswith("删除附件：") and "面商纪要.pdf" in line for line in said), said
    assert any(line.startswith("删除退回申请：") and "不属本局职责" in line for line in said), said
    with db.session() as s:  # and they are gone
        p = load_proposal(s, pid)
        assert (p.records, p.attachments, p.returns) == ([], [], [])
    db.dispose()


def test_a_deleted_proposal_logs_its_children_once(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'd.sqlite3'}")
    pid = plain_proposal(db)
    with db.transaction() as s:
        handling.add_record(load_proposal(s, pid), date=D(2025, 3, 20), method="电话")
    with db.transaction() as s:
        s.delete(s.get(Proposal, pid))
    with db.session() as s:
        from proposal_desk.storage.models import AuditEntry

        rows = s.execute(select(AuditEntry.table, AuditEntry.row_id).where(
            AuditEntry.action == "delete")).all()
    assert sorted(t for t, _ in rows) == ["correspondence", "proposal"]
    assert len(rows) == len(set(rows))  # explicit and cascaded deletes, each once
    db.dispose()


def test_deletes_of_a_failed_flush_are_not_logged_later(tmp_path: Path) -> None:
    # A flush that deleted rows and then failed is rolled back: its deletes did not happen, so
    # the next commit of the same session must not log them.
    db = Database(f"sqlite:///{tmp_path / 'd.sqlite3'}")
    pid = plain_proposal(db)
    with db.transaction() as s:
        handling.add_record(load_proposal(s, pid), date=D(2025, 3, 20), method="电话",
                            content="电话联系委员")
    with db.session() as s:
        p = load_proposal(s, pid)
        editing.delete_record(s, p, p.records[0].id)  # flushed: its after_delete has fired
        s.info[hooks._DELETED] = [p]  # as if a later statement of that flush had failed
        s.rollback()
        p = load_proposal(s, pid)
        p.title = "关于发展首店经济的几点建议"
        s.commit()
    assert _deletes(db, pid) == []
    db.dispose()
