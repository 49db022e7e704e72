"""A shared office database: two people saving the same proposal — the second is told
"已被他人修改" with both versions, and nothing is overwritten silently. Runs on SQLite and, with
scripts/with-postgres, on a real PostgreSQL server."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import threading
from pathlib import Path

import pytest
from safety_support import add_proposal, cli, numbers
from sqlalchemy import func, select

from proposal_desk.services import handling
from proposal_desk.storage import conflicts
from proposal_desk.storage.database import Database
from proposal_desk.storage.errors import ConflictError, UserError
from proposal_desk.storage.models import Correspondence, Proposal

pytestmark = pytest.mark.postgres


@dataclasses.dataclass
class Form:
    """What an edit form holds: a few fields and the version it was loaded at."""

    title: str
    notes: str
    key: bool
    signed_on: dt.date | None


def _load(db: Database, pid: int) -> tuple[Form, int]:
    with db.session() as s:
        p = s.get(Proposal, pid)
        assert p is not None
        return Form(p.title, p.notes, p.key, p.signed_on), p.version


def _save(db: Database, pid: int, form: Form, seen: int, *, record: str = "") -> None:
    with db.transaction() as s:
        p = conflicts.claim_proposal(s, pid, seen, form)
        p.title, p.notes, p.key, p.signed_on = form.title, form.notes, form.key, form.signed_on
        if record:
            handling.add_record(p, date=dt.date(2025, 4, 2), method="电话", content=record)


def test_the_second_save_from_the_same_version_is_refused_with_both_versions(
        db: Database) -> None:
    pid = add_proposal(db, "144009", "关于加快跨境电商发展的建议")
    form_a, seen_a = _load(db, pid)
    form_b, seen_b = _load(db, pid)
    form_a.title = "关于加快跨境电商高质量发展的建议"
    form_a.key = True
    _save(db, pid, form_a, seen_a)
    form_b.notes = "已与委员电话沟通"
    form_b.signed_on = dt.date(2025, 3, 20)
    with pytest.raises(conflicts.ProposalConflictError) as err:
        _save(db, pid, form_b, seen_b, record="B 的沟通记录")
    e = err.value
    assert isinstance(e, ConflictError) and isinstance(e, UserError)
    assert "第144009号已被他人修改" in str(e)
    shown = {d.label: (d.stored_text, d.attempted_text) for d in e.diffs}
    assert shown == {
        "案由": ("关于加快跨境电商高质量发展的建议", "关于加快跨境电商发展的建议"),
        "备注": ("", "已与委员电话沟通"),
        "重点提案": ("是", "否"),
        "签收日期": ("", "2025年3月20日"),
    }
    assert ("案由：已保存的为“关于加快跨境电商高质量发展的建议”，"
            "您的为“关于加快跨境电商发展的建议”") in str(e)
    with db.session() as s:  # A's version stands whole; nothing of B's save landed
        p = s.get(Proposal, pid)
        assert p is not None
        assert (p.title, p.key, p.notes, p.signed_on) == (form_a.title, True, "", None)
        assert s.scalar(select(func.count()).select_from(Correspondence)) == 1
    form_b2, seen = _load(db, pid)  # reloaded, B's change goes through
    form_b2.notes = "已与委员电话沟通"
    _save(db, pid, form_b2, seen)


def test_a_save_that_only_adds_a_record_still_claims_the_version(db: Database) -> None:
    pid = add_proposal(db, "144009")
    form, seen = _load(db, pid)
    _save(db, pid, form, seen, record="第一次")
    with pytest.raises(conflicts.ProposalConflictError) as err:
        _save(db, pid, form, seen, record="第二次")
    assert err.value.diffs == []  # nothing differs field by field; the version moved on
    with db.session() as s:
        contents = set(s.scalars(select(Correspondence.content)))
    assert "第二次" not in contents and "第一次" in contents


def test_field_differences_for_a_dialog() -> None:
    stored = {"title": "甲", "proposers": ["张三", "李四"], "due_override": dt.date(2025, 6, 18),
              "version": 3}
    attempted = {"title": "乙", "proposers": ("张三", "李四"), "due_override": None,
                 "version": 2}
    diffs = conflicts.field_differences(stored, attempted)
    assert [(d.label, d.stored_text, d.attempted_text) for d in diffs] == [
        ("案由", "甲", "乙"), ("办理时限", "2025年6月18日", "")]


def test_overlapping_transactions_the_later_save_is_refused(db: Database) -> None:
    """Two sessions open at once (two PCs on a server, two windows on one file): the ORM's
    version check (PostgreSQL) or SQLite's snapshot check refuses the later save."""
    _overlapping(db)


def _overlapping(db: Database) -> None:
    try:
        pid = add_proposal(db, "144009", "原案由")
        with pytest.raises(conflicts.ProposalConflictError) as err, db.transaction() as a:
            pa = a.get(Proposal, pid)
            assert pa is not None
            with db.transaction() as b:
                pb = b.get(Proposal, pid)
                assert pb is not None
                pb.title = "乙改的案由"
            pa.title = "甲改的案由"
        assert [(d.label, d.stored_text, d.attempted_text) for d in err.value.diffs] == [
            ("案由", "乙改的案由", "甲改的案由")]
        assert err.value.saved_by == db.user
        with db.session() as s:
            assert s.get(Proposal, pid).title == "乙改的案由"  # type: ignore[union-attr]
    finally:
        db.dispose()


def test_two_claims_racing_on_postgresql_exactly_one_wins(pg_url: str) -> None:
    first = Database(pg_url, user="张三")
    second = Database(pg_url, user="李四")
    try:
        pid = add_proposal(first, "144009")
        _, seen = _load(first, pid)
        claimed = threading.Event()
        outcome: dict[str, object] = {}

        def save_a() -> None:
            with first.transaction() as s:
                p = conflicts.claim_proposal(s, pid, seen)
                claimed.set()
                p.notes = "张三的备注"
                # Holds the row lock while 李四's claim waits for it.
                threading.Event().wait(0.3)

        def save_b() -> None:
            claimed.wait()
            try:
                with second.transaction() as s:
                    p = conflicts.claim_proposal(s, pid, seen, {"notes": "李四的备注"})
                    p.notes = "李四的备注"
                outcome["b"] = "saved"
            except conflicts.ProposalConflictError as exc:
                outcome["b"] = exc

        threads = [threading.Thread(target=save_a), threading.Thread(target=save_b)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        e = outcome["b"]
        assert isinstance(e, conflicts.ProposalConflictError)
        assert e.saved_by == "张三"
        shown = [(d.stored_text, d.attempted_text) for d in e.diffs]
        assert shown == [("张三的备注", "李四的备注")]
        with first.session() as s:
            assert s.get(Proposal, pid).notes == "张三的备注"  # type: ignore[union-attr]
    finally:
        first.dispose()
        second.dispose()


def test_the_command_line_works_on_a_postgresql_server(pg_url: str, tmp_path: Path) -> None:
    assert cli("--db", pg_url, "config", "bureau.name", "区商务局")[0] == 0
    db = Database(pg_url)
    add_proposal(db, "144009", "关于培育直播电商产业带的建议", attachment=b"%PDF scan")
    add_proposal(db, "144010", "关于促进家政行业健康发展的建议")
    db.dispose()
    code, out, _ = cli("--db", pg_url, "list", "--json", "--search", "电商")
    assert code == 0 and [r["number"] for r in json.loads(out)] == ["144009"]
    code, out, _ = cli("--db", pg_url, "check")
    assert code == 0 and "检查通过" in out and "SHA-256 全部一致" in out
    # `backup` copies the server's data into a SQLite file this program opens.
    code, out, _ = cli("--db", pg_url, "backup", str(tmp_path / "server-copy.sqlite3"))
    assert code == 0, out
    copy = tmp_path / "server-copy.sqlite3"
    assert numbers(copy) == ["144009", "144010"]
    code, out, _ = cli("--db", str(copy), "list", "--json", "--search", "家政")
    assert code == 0 and [r["number"] for r in json.loads(out)] == ["144010"]
    assert cli("--db", str(copy), "check")[0] == 0
    code, _, err = cli("--db", pg_url, "restore", str(copy))
    assert code == 2 and "服务器数据库不能用此命令整体恢复" in err
