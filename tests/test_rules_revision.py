"""A release that changes what the rules derive from stored records (core.rules.RULES_REVISION)
recomputes every proposal's cached list columns once, when a database of an older release is
opened: the list, `check` and the next save then agree, and the change is in the 办理日志.
`check` on such a file, not yet opened, says so instead of reporting damage."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from safety_support import plain_proposal
from sqlalchemy import create_engine

from proposal_desk.core.rules import RULES_REVISION
from proposal_desk.storage.database import Database
from proposal_desk.storage.integrity import check_database
from proposal_desk.storage.schema_revision import RULES_KEY


def _older_release(tmp_path: Path) -> tuple[Path, str]:
    """A file whose 办理时限 an older release's rules cached differently, and no revision."""
    path = tmp_path / "office.sqlite3"
    db = Database(f"sqlite:///{path}")
    pid = plain_proposal(db)
    db.dispose()
    with sqlite3.connect(path) as conn:
        [(due,)] = conn.execute("SELECT due FROM proposal WHERE id = ?", (pid,)).fetchall()
        conn.execute("UPDATE proposal SET due = '2025-04-01' WHERE id = ?", (pid,))
        conn.execute("DELETE FROM setting WHERE key = ?", (RULES_KEY,))
    conn.close()
    return path, due


def _check(path: Path) -> list[str]:
    engine = create_engine(f"sqlite:///{path}")
    try:
        report = check_database(engine, str(path))
    finally:
        engine.dispose()
    assert report.ok, report.lines()
    return report.notes


def test_an_older_release_s_caches_are_recomputed_once_at_opening(tmp_path: Path) -> None:
    path, due = _older_release(tmp_path)
    assert due and due != "2025-04-01"
    assert any("下次打开时会按" in note for note in _check(path))  # not reported as damage

    db = Database(f"sqlite:///{path}")
    db.dispose()
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT due FROM proposal").fetchall() == [(due,)]
        assert conn.execute("SELECT value FROM setting WHERE key = ?",
                            (RULES_KEY,)).fetchall() == [(RULES_REVISION,)]
        [(changes,)] = conn.execute(
            "SELECT changes FROM audit_log WHERE \"table\" = 'proposal' AND action = 'update'"
        ).fetchall()
    conn.close()
    assert "2025-04-01" in changes and due in changes
    assert not any("下次打开时会按" in note for note in _check(path))


def test_a_file_of_this_release_is_not_written_at_opening(tmp_path: Path) -> None:
    path = tmp_path / "office.sqlite3"
    db = Database(f"sqlite:///{path}")
    plain_proposal(db)
    db.dispose()
    db = Database(f"sqlite:///{path}")
    try:
        assert db.commits == 0  # an import's backup may reuse the opening's copy
    finally:
        db.dispose()


def test_a_command_that_only_reads_leaves_the_columns_to_the_next_writer(tmp_path: Path) -> None:
    from safety_support import cli

    path, due = _older_release(tmp_path)
    code, out, _ = cli("--db", str(path), "list", "--json")
    assert code == 0 and '"due": "2025-04-01"' in out  # read as stored, nothing written
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT due FROM proposal").fetchall() == [("2025-04-01",)]
        assert conn.execute("SELECT count(*) FROM setting WHERE key = ?",
                            (RULES_KEY,)).fetchall() == [(0,)]
    conn.close()
    code, _, _ = cli("--db", str(path), "config", "bureau.name", "区商务局")
    assert code == 0
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT due FROM proposal").fetchall() == [(due,)]
    conn.close()


def test_a_newer_release_s_columns_are_not_recomputed_back(tmp_path: Path) -> None:
    path, _due = _older_release(tmp_path)
    with sqlite3.connect(path) as conn:
        conn.execute("INSERT INTO setting(key, value) VALUES (?, ?)",
                     (RULES_KEY, RULES_REVISION + 1))
    conn.close()
    Database(f"sqlite:///{path}").dispose()
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT due FROM proposal").fetchall() == [("2025-04-01",)]
    conn.close()
    assert any(f"第{RULES_REVISION + 1}版" in note for note in _check(path))


def test_a_failed_recompute_opens_all_the_same_and_a_crash_releases_the_lock(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from proposal_desk.storage.errors import UserError

    path, _due = _older_release(tmp_path)
    url = f"sqlite:///{path}"

    def full_disk(_self: Database) -> None:
        raise UserError("磁盘空间已满")

    monkeypatch.setattr(Database, "_follow_new_rules", full_disk)
    db = Database(url, lock=True)
    assert db.rules_problem == "磁盘空间已满"
    db.dispose()

    def stopped(_self: Database) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(Database, "_follow_new_rules", stopped)
    with pytest.raises(KeyboardInterrupt):
        Database(url, lock=True)
    monkeypatch.undo()
    from proposal_desk.storage.instance_lock import InstanceLock

    assert not [k for k in InstanceLock._held if str(path) in str(k)]  # released with it
    Database(url, lock=True).dispose()
