"""The quick start's first snapshot, read by plain sqlite3 (gui/plain_snapshot.py), equals what
gui/snapshot.read_snapshot reads through SQLAlchemy: rows, follow-up rows, counts, meetings,
sections, dashboard figures and pick lists, on several days (the overdue and due-soon flags, the
default year and the follow-up list depend on the day)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from bench_support import bench_module

from proposal_desk.demo import fill_demo
from proposal_desk.gui.plain_snapshot import TABLES, read_plain_snapshot
from proposal_desk.gui.snapshot import Snapshot, read_snapshot
from proposal_desk.services.rows import DATE_COLUMNS, LIST_COLUMNS
from proposal_desk.storage.database import Database
from proposal_desk.storage.models import FollowUp, Proposal


def _days(db: Database) -> list[dt.date]:
    """Today, and days around the data's deadlines and years."""
    with db.session() as s:
        dues = sorted(d for (d,) in s.query(Proposal.due).filter(Proposal.due.is_not(None)))
    days = [dt.date.today()]
    if dues:
        middle = dues[len(dues) // 2]
        days += [middle, middle - dt.timedelta(days=9), dues[0] - dt.timedelta(days=1),
                 dt.date(dues[-1].year + 1, 3, 1), dt.date(dues[0].year - 1, 6, 1)]
    return days


def _assert_equal(path: Path, db: Database, day: dt.date) -> Snapshot:
    plain = read_plain_snapshot(path, today=day)
    orm = read_snapshot(db, None, today=day)
    assert plain is not None
    for name in ("year", "years", "today", "lookups", "counts", "meetings", "sections"):
        assert getattr(plain, name) == getattr(orm, name), (name, day)
    assert plain.rows == orm.rows, day
    assert plain.follow_up == orm.follow_up, day
    assert plain.figures == orm.figures, day
    assert plain == orm
    return plain


@pytest.fixture
def demo_file(tmp_path: Path) -> Iterator[tuple[Path, Database]]:
    path = tmp_path / "demo.sqlite3"
    db = Database(f"sqlite:///{path}", check_on_open=False, backup_on_open=False)
    fill_demo(db)
    yield path, db
    db.dispose()


def test_the_demo_database_reads_the_same(demo_file: tuple[Path, Database]) -> None:
    path, db = demo_file
    shown = [_assert_equal(path, db, day) for day in _days(db)]
    assert any(s.rows for s in shown)
    assert any(r.overdue for s in shown for r in s.rows)
    assert any(r.due_soon for s in shown for r in s.rows)


def _generate() -> Any:
    return bench_module("generate").generate


def test_a_generated_database_of_three_years_reads_the_same(tmp_path: Path) -> None:
    path = tmp_path / "generated.sqlite3"
    year = dt.date.today().year
    _generate()(path, 240, year=year, years=3, as_of=dt.date(year, 6, 30))
    db = Database(f"sqlite:///{path}", check_on_open=False, backup_on_open=False)
    try:
        with db.transaction() as s:  # one B answer of an earlier year followed up for good
            earlier = s.query(Proposal).filter(Proposal.category.in_(("B", "C"))).first()
            assert earlier is not None
            s.add(FollowUp(proposal_id=earlier.id, year=year, date=dt.date(year, 1, 5),
                           progress="已落实", carried_out=True))
            s.add(Proposal(meeting_id=earlier.meeting_id, number="X-1", title="未分配的一件",
                           role="主办", status="待签收"))  # no section, handler or dates
        days = _days(db)
        shown = [_assert_equal(path, db, day) for day in days]
        assert any(s.follow_up for s in shown)
        assert all(r.id != earlier.id for s in shown for r in s.follow_up)
        assert len({s.year for s in shown}) > 1  # the default year moves with the day
    finally:
        db.dispose()


def test_an_empty_database_reads_the_same(tmp_path: Path) -> None:
    path = tmp_path / "empty.sqlite3"
    db = Database(f"sqlite:///{path}", check_on_open=False, backup_on_open=False)
    try:
        _assert_equal(path, db, dt.date(2026, 5, 1))
    finally:
        db.dispose()


def test_an_older_schema_or_a_foreign_file_is_left_to_the_ordinary_opening(
        demo_file: tuple[Path, Database], tmp_path: Path) -> None:
    path, db = demo_file
    db.dispose()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0000'")
    conn.close()
    assert read_plain_snapshot(path) is None
    foreign = tmp_path / "foreign.sqlite3"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY)")
    conn.close()
    assert read_plain_snapshot(foreign) is None


def test_the_columns_read_are_the_models_columns() -> None:
    """services.rows names the proposal columns both readings take; they are the model's."""
    table = Proposal.__table__
    for i, name in enumerate(LIST_COLUMNS):
        column = getattr(Proposal, name).property.columns[0]
        assert column.name == name and column.table is table
        assert (i in DATE_COLUMNS) == (column.type.python_type is dt.date)
    assert set(TABLES) >= {"proposal", "meeting", "section", "staff", "setting", "follow_up"}
