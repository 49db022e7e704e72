"""The quick start's read of the later rounds' reply dates (services.rows.LATER_ROUNDS_SQL in
gui/plain_snapshot.py) touches the reply table's index, which the check before the read does
not cover (plain_snapshot.TABLES: the reply table and its pages of text are most of a file).
When that read fails, the start goes the ordinary way: damage there gets the damaged-database
dialog before any data is shown; any other failure shows the list read through the database
layer, dated by the latest round as always. Never a crash, never wrong dates."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from bench_support import bench_module
from safety_support import corrupt_table

from proposal_desk.gui import plain_snapshot
from proposal_desk.gui.snapshot import read_snapshot
from proposal_desk.gui.startup_load import StartupLoad
from proposal_desk.services.rows import LATER_ROUNDS_SQL
from proposal_desk.storage import file_check
from proposal_desk.storage.database import Database
from proposal_desk.storage.integrity import DamagedDatabaseError


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A file with proposals answered again (重新办理): their list date is the later round's."""
    path = tmp_path_factory.mktemp("later-rounds") / "generated.sqlite3"
    year = dt.date.today().year
    bench_module("generate").generate(path, 240, year=year, years=3,
                                      as_of=dt.date(year, 6, 30))
    return path


def _copy(generated: Path, tmp_path: Path) -> Path:
    path = tmp_path / "office.sqlite3"
    path.write_bytes(generated.read_bytes())
    return path


def _later_dates(path: Path) -> dict[int, str]:
    """Proposal id → the date its latest sent reply of a later round went out."""
    with sqlite3.connect(path) as conn:
        rows = conn.execute(LATER_ROUNDS_SQL + " ORDER BY proposal_id, round").fetchall()
    conn.close()
    return {pid: sent for pid, _round, sent in rows}


def test_damage_in_the_later_rounds_index_gets_the_dialog_before_any_data(
        generated: Path, tmp_path: Path) -> None:
    path = _copy(generated, tmp_path)
    assert _later_dates(path)
    corrupt_table(path, "ix_reply_later_rounds")
    # The tables checked before the quick read are sound: the read itself runs into it.
    assert file_check.quick_check_file(path, tables=plain_snapshot.TABLES) == []
    with pytest.raises(sqlite3.DatabaseError):
        plain_snapshot.read_plain_snapshot(path)
    damaged = path.read_bytes()
    load = StartupLoad(f"sqlite:///{path}", tmp_path / "window-data", quick=True).start()
    try:
        assert load.quick_snapshot() is None  # no data shown
        load.import_database_layer()
        with pytest.raises(DamagedDatabaseError):
            load.database()  # the ordinary start's dialog, from the whole file's check
    finally:
        load.close()
    assert path.read_bytes() == damaged


def test_a_failing_later_rounds_read_shows_the_list_the_ordinary_way_with_the_right_dates(
        generated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _copy(generated, tmp_path)
    later = _later_dates(path)
    monkeypatch.setattr(plain_snapshot, "LATER_ROUNDS_SQL",
                        LATER_ROUNDS_SQL.replace("FROM reply", "FROM no_such_table"))
    load = StartupLoad(f"sqlite:///{path}", tmp_path / "window-data", quick=True).start()
    db = None
    try:
        assert load.quick_snapshot() is None  # the quick read failed: the ordinary start
        load.import_database_layer()
        db = load.database()
        job = load.snapshot_job(db)
        assert job is not None
        shown = job(None)
    finally:
        load.close()
        if db is not None:
            db.dispose()
    check = Database(f"sqlite:///{path}", check_on_open=False, backup_on_open=False)
    try:
        assert shown == read_snapshot(check, None, today=shown.today)
    finally:
        check.dispose()
    # Rows answered again are dated by their latest round, not by their first answer.
    answered_again = [r for r in shown.rows + shown.follow_up if r.id in later]
    with sqlite3.connect(path) as conn:
        first = dict(conn.execute("SELECT id, replied_on FROM proposal"))
    conn.close()
    assert any(first[r.id] != later[r.id] for r in answered_again)
    assert all(r.replied == dt.date.fromisoformat(later[r.id]) for r in answered_again)
