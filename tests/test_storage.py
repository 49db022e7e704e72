"""Opening, migrating and guarding the database; hooks keep status, audit and search true."""

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from safety_support import plain_proposal
from sqlalchemy import select

from proposal_desk.services import handling
from proposal_desk.storage.database import Database
from proposal_desk.storage.errors import DatabaseOpenError, NewerDatabaseError
from proposal_desk.storage.migrate import head_revision
from proposal_desk.storage.models import AuditEntry, Meeting, Proposal, StatusChange
from proposal_desk.storage.search import search_ids, tokenize

# With PROPOSAL_DESK_TEST_PG_URL set (scripts/with-postgres), `db` tests run on both backends.
pytestmark = pytest.mark.postgres


def _add(db: Database, number: str, title: str, role: str = "主办") -> int:
    return plain_proposal(db, number, role, title, proposers=["彭刚超", "高辉刚"])


@pytest.mark.sqlite_only
def test_new_database_is_at_head_with_wal_and_foreign_keys(db: Database) -> None:
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        rev = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    assert rev == head_revision()


def test_a_newer_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "n.sqlite3"
    Database(f"sqlite:///{path}").dispose()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    before = path.read_bytes()
    with pytest.raises(NewerDatabaseError, match="更新版本"):
        Database(f"sqlite:///{path}")
    assert path.read_bytes() == before


def test_a_foreign_or_broken_file_is_refused(tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite3"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE t(x)")
    with pytest.raises(DatabaseOpenError, match="不是提案办理台"):
        Database(f"sqlite:///{other}")
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"this is not a database" * 100)
    with pytest.raises(DatabaseOpenError, match="无法打开"):
        Database(f"sqlite:///{junk}")
    assert junk.read_bytes() == b"this is not a database" * 100


def test_status_cache_history_and_audit(db: Database) -> None:
    pid = _add(db, "144009", "关于加快跨境电商发展的几点建议")
    with db.transaction() as s:
        p = s.get(Proposal, pid)
        handling.sign(p, dt.date(2025, 3, 20))
    with db.session() as s:
        p = s.get(Proposal, pid)
        assert p.status == "办理中"
        assert p.due == dt.date(2025, 6, 18)
        assert p.proposer_names == "彭刚超、高辉刚"
        history = [(h.old, h.new) for h in s.scalars(select(StatusChange))]
        assert history == [("", "待签收"), ("待签收", "办理中")]
        updates = [a for a in s.scalars(select(AuditEntry)) if a.action == "update"
                   and a.table == "proposal"]
        assert any(a.changes.get("signed_on") == [None, "2025-03-20"] for a in updates)


def test_a_failed_transaction_leaves_nothing(db: Database) -> None:
    with pytest.raises(RuntimeError), db.transaction() as s:
        s.add(Meeting(kind="提案", name="X", year=2025))
        s.flush()
        raise RuntimeError("power cut")
    with db.session() as s:
        assert s.scalars(select(Meeting)).all() == []
        assert s.scalars(select(AuditEntry)).all() == []


def test_search_finds_one_two_and_three_character_chinese(db: Database) -> None:
    a = _add(db, "144009", "关于加快跨境电商发展的几点建议")
    b = _add(db, "144072", "关于培育直播电商产业带的几点建议")
    c = _add(db, "144099", "关于促进家政行业健康发展的建议")
    with db.transaction() as s:
        p = s.get(Proposal, c)
        handling.add_record(p, date=dt.date(2025, 4, 1), method="电话",
                            content="与委员电话沟通家政服务培训，委员表示理解。")
    with db.session() as s:
        assert search_ids(s, "商") == {a, b}
        assert search_ids(s, "电商") == {a, b}
        assert search_ids(s, "跨境电") == {a}
        assert search_ids(s, "培训") == {c}  # from a record's content
        assert search_ids(s, "高辉刚") == {a, b, c}  # proposers
        assert search_ids(s, "4407") == {b}  # inside a number
        assert search_ids(s, "电商家") == set()  # not a substring anywhere
        assert search_ids(s, "的建议") == {c}
        assert search_ids(s, "建议") == {a, b, c}


def test_tokenize_keeps_punctuation_exact() -> None:
    assert tokenize("《电商》Ab 1") == "x300a 电 商 x300b a b 1"


@pytest.mark.sqlite_only
def test_closing_folds_the_wal_into_the_file(tmp_path: Path) -> None:
    path = tmp_path / "office.sqlite3"
    db = Database(f"sqlite:///{path}", lock=True)
    with db.transaction() as s:
        s.add(Meeting(kind="提案", name="区政协十四届四次会议", year=2025))
    db.dispose()
    copy = tmp_path / "copy.sqlite3"
    copy.write_bytes(path.read_bytes())  # the main file alone, as a clerk might copy it
    with sqlite3.connect(copy) as conn:
        assert conn.execute("SELECT name FROM meeting").fetchall() == [("区政协十四届四次会议",)]
