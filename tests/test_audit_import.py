"""The audit log of a bulk import: one row per new proposal holding its child rows and the
file, sheet and row it came from (not one per inserted row); edits keep one row per changed
row; both shapes read in Chinese; JSON keeps Chinese unescaped."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from typing import Any

import pytest
from sheet_support import LEDGER, run_import
from sqlalchemy import Text, cast, select

from proposal_desk.services import audit_text, handling
from proposal_desk.storage.database import Database
from proposal_desk.storage.models import AuditEntry, Base, Proposal

pytestmark = pytest.mark.postgres

CHILD_TABLES = ("proposal_member", "proposal_unit", "proposal_topic", "reply",
                "member_opinion", "assist_opinion", "correspondence", "return_request")


NAME_TABLES = ("member", "unit", "section", "staff", "topic")


def _names(child_table: str, row: dict[str, Any], name_id: int, name_table: str) -> bool:
    """Whether a child row names this member, unit or topic."""
    key = {"member": "member_id", "unit": "unit_id", "topic": "topic_id"}.get(name_table)
    return key is not None and row.get(key) == name_id


def _plain(value: Any) -> Any:
    """A column value as the audit JSON keeps it."""
    if isinstance(value, dt.datetime):
        return value.replace(microsecond=0).isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _rows(conn: Any, table: str) -> list[dict[str, Any]]:
    t = Base.metadata.tables[table]
    return [{k: _plain(v) for k, v in r._mapping.items()} for r in conn.execute(select(t))]


def test_one_audit_row_per_imported_proposal_with_its_child_rows(bureau_db: Database) -> None:
    plan, result = run_import(bureau_db, LEDGER)
    with bureau_db.engine.connect() as conn:
        audits = _rows(conn, "audit_log")
        proposals = _rows(conn, "proposal")
        children = {t: _rows(conn, t) for t in CHILD_TABLES}
        raw = list(conn.execute(select(cast(AuditEntry.changes, Text))).scalars())
    assert result.added == len(proposals) > 10
    # no audit row of its own for any child row, nor an update of the derived columns
    assert not [a for a in audits if a["table"] in CHILD_TABLES]
    mine = [a for a in audits if a["table"] == "proposal"]
    assert [a["action"] for a in mine] == ["insert"] * len(proposals)
    assert sorted(a["proposal_id"] for a in mine) == sorted(p["id"] for p in proposals)
    by_row = {pr.number: pr.row for pr in plan.rows}
    for audit in mine:
        changes = audit["changes"]
        pid = audit["proposal_id"]
        stored = next(p for p in proposals if p["id"] == pid)
        assert changes["import"] == {"file": LEDGER.name, "sheet": plan.sheet,
                                     "row": by_row[stored["number"]]}
        assert changes["number"] == stored["number"] and changes["title"] == stored["title"]
        assert changes["names"]["meeting_id"] == plan.meeting
        for table in CHILD_TABLES:
            theirs = [{k: v for k, v in r.items() if k != "proposal_id"
                       and v is not None and v != ""}
                      for r in children[table] if r["proposal_id"] == pid]
            logged = [{k: v for k, v in r.items() if k != "name"}
                      for r in changes["rows"].get(table, [])]
            assert sorted(map(repr, logged)) == sorted(map(repr, theirs)), table
    # every member, unit, section, staff member and topic the import registered is in the
    # audit row of the first proposal that named it, and nowhere else
    assert {a["table"] for a in audits} == {"setting", "meeting", "proposal"}
    with bureau_db.engine.connect() as conn:
        for table in NAME_TABLES:
            stored = {r["id"]: r for r in _rows(conn, table)}
            logged = [(a["proposal_id"], r) for a in mine
                      for r in a["changes"]["rows"].get(table, [])]
            assert sorted(r["id"] for _, r in logged) == sorted(stored), table
            for pid, r in logged:
                assert r == {k: v for k, v in stored[r["id"]].items()
                             if v is not None and v != ""}
                if table in ("member", "unit", "topic"):
                    first = min(p["proposal_id"] for t in CHILD_TABLES for p in children[t]
                                if _names(t, p, r["id"], table))
                    assert pid == first, (table, r)
    assert all("\\u" not in text for text in raw)  # Chinese as it is, not \\uXXXX
    assert any("案" in text for text in raw)


def test_a_summary_row_reads_in_chinese(bureau_db: Database) -> None:
    run_import(bureau_db, LEDGER)
    with bureau_db.session() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.table == "proposal")
                          .order_by(AuditEntry.id)).first()
        assert entry is not None
        action = audit_text.describe_action(entry.table, entry.action, entry.changes)
        text = audit_text.describe_changes(entry.table, entry.action, entry.changes)
        p = s.get(Proposal, entry.proposal_id)
        assert p is not None
        names = [pm.member.name for pm in p.proposers]
        units = [u.unit.name for u in p.units]
    assert action == "导入新增提案"
    assert text.startswith(f"导入（{LEDGER.name} 第2行）：新建提案，含提案人{len(names)}人")
    assert f"提案号：{p.number}" in text and f"案由：{p.title}" in text
    assert all(n in text for n in names + units)
    assert "会议：2024" in text  # the meeting's name, not its key
    assert "状态" not in text  # derived columns are told by the status history and the list
    assert f"新登记提案人：{names[0]}" in text  # the first row registered its names


def test_an_edit_keeps_one_row_per_changed_row_and_reads_as_before(db: Database) -> None:
    with db.transaction() as s:
        from proposal_desk.storage.models import Meeting

        p = Proposal(meeting=Meeting(kind="提案", name="区政协十四届四次会议", year=2025),
                     number="144009", title="关于加快跨境电商发展的几点建议", role="主办")
        s.add(p)
        s.flush()
        handling.set_proposers(s, p, ["彭刚超", "高辉刚"])
        pid = p.id
    with db.transaction() as s:
        p = s.get(Proposal, pid)
        p.merged_with = "144030"
    with db.session() as s:
        entries = s.scalars(select(AuditEntry).where(AuditEntry.proposal_id == pid)
                            .order_by(AuditEntry.id)).all()
        shown = [(audit_text.describe_action(e.table, e.action, e.changes),
                  audit_text.describe_changes(e.table, e.action, e.changes)) for e in entries]
    assert ("新增提案人", "") in shown or any(a == "新增提案人" for a, _ in shown)
    assert shown[0][0] == "新增提案" and "案由：关于加快跨境电商发展的几点建议" in shown[0][1]
    assert ("修改提案", "并案：空 → 144030") in shown


@pytest.mark.sqlite_only
def test_old_rows_with_escaped_json_read_the_same(db: Database) -> None:
    """A database written before keeps its \\uXXXX rows; they read back as the same text."""
    with db.transaction() as s:
        s.add(AuditEntry(at=dt.datetime(2025, 3, 1), user="旧", table="proposal",
                         row_id="1", proposal_id=1, action="update",
                         changes={"title": ["旧案由", "新案由"]}))
    path = db.sqlite_path
    conn = sqlite3.connect(path)
    conn.execute("UPDATE audit_log SET changes = ?",
                 (json.dumps({"title": ["旧案由", "新案由"]}),))  # ensure_ascii: escaped
    conn.commit()
    conn.close()
    with db.session() as s:
        e = s.scalars(select(AuditEntry)).one()
        assert audit_text.describe_changes(e.table, e.action, e.changes) == "案由：旧案由 → 新案由"


@pytest.mark.sqlite_only
def test_a_failed_import_leaves_no_audit_rows(bureau_db: Database, tmp_path: Any) -> None:
    from sheet_support import audit_count, dump

    from proposal_desk.sheets import ImportOptions, apply_import, plan_import

    with bureau_db.session() as s:
        plan = plan_import(s, LEDGER, ImportOptions())
    before, audits = dump(bureau_db), audit_count(bureau_db)
    try:
        with bureau_db.transaction() as s:
            apply_import(s, plan)
            raise RuntimeError("power cut")
    except RuntimeError:
        pass
    assert dump(bureau_db) == before and audit_count(bureau_db) == audits
