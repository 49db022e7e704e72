"""The window's first snapshot of a plain SQLite file, read through the standard library's
sqlite3 before SQLAlchemy and the models are imported (gui/startup_load.py).

It gives what gui/snapshot.read_snapshot gives (tests/gui/test_plain_snapshot.py compares them
field by field): the same columns (services/rows.LIST_COLUMNS), the same meeting choice
(rows.wanted_meetings), the same row building and deadline flags (rows.make_rows) and the same
counts and figures (snapshot.make_snapshot). What is written here is only the few plain
SELECTs that services.queries and the pick lists express through SQLAlchemy.

The connection is read-only (`mode=ro`) and reads in one transaction: the start holds the
instance lock and has run the quick check first, and nothing here can write.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from proposal_desk.core.settings import BureauSettings
from proposal_desk.gc_pause import gc_paused
from proposal_desk.gui.lookups import Lookups, MeetingInfo
from proposal_desk.gui.snapshot import Snapshot, choose_year, make_snapshot, year_filters
from proposal_desk.services.rows import (
    FOLLOW_UP_CATEGORIES,
    LATER_ROUNDS_SQL,
    LIST_COLUMNS,
    ListFilter,
    Meetings,
    ProposalRow,
    latest_sent,
    make_rows,
    wanted_meetings,
)
from proposal_desk.storage.schema_revision import HEAD_REVISION

# The tables read here: a quick start checks them (quick_check limited to them, a small part
# of the file) before reading, and the whole file while the window is shown.
TABLES = ("alembic_version", "setting", "meeting", "section", "staff", "proposal", "follow_up")
_SELECT = f"SELECT {', '.join(f'proposal.{c}' for c in LIST_COLUMNS)} FROM proposal"
# services.queries.list_statement's follow-up condition (ListFilter.follow_up).
_NOT_CARRIED_OUT = ("NOT EXISTS (SELECT 1 FROM follow_up WHERE follow_up.proposal_id = "
                    "proposal.id AND follow_up.carried_out IS 1)")


def connect_read_only(path: Path) -> sqlite3.Connection:
    """A read-only connection that never creates the file (as_uri escapes '?', '#', '%')."""
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=10)


def schema_revision(conn: sqlite3.Connection) -> str | None:
    """The file's alembic_version (None: not a database of ours, or none yet)."""
    found = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                         "AND name = 'alembic_version'").fetchone()
    if found is None:
        return None
    row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    return str(row[0]) if row else None


def is_current(conn: sqlite3.Connection) -> bool:
    return schema_revision(conn) == HEAD_REVISION


def _json_value(value: Any) -> Any:
    """A setting's value as the JSON column gives it. SQLite keeps a JSON number as a number
    (the column's type name gives it numeric affinity); SQLAlchemy's SQLite JSON type reads
    it as it is, and so does this."""
    if value is None or isinstance(value, int | float):
        return value
    return json.loads(value)


def read_lookups(conn: sqlite3.Connection) -> Lookups:
    """Lookups.read's pick lists and settings (services.editing's section_names and
    people_names, storage.settings_store.load_settings)."""
    stored = {key: _json_value(value)
              for key, value in conn.execute("SELECT key, value FROM setting")}
    meetings = [MeetingInfo(*r) for r in conn.execute(
        "SELECT id, name, kind, year FROM meeting ORDER BY year DESC, name")]

    def names(sql: str) -> list[str]:
        return list(dict.fromkeys(r[0] for r in conn.execute(sql)))

    return Lookups(
        settings=BureauSettings.from_values(stored),
        meetings=meetings,
        sections=names("SELECT name FROM section WHERE active IS 1 ORDER BY id"),
        handlers=names("SELECT name FROM staff WHERE active IS 1 AND is_leader IS 0 "
                       "ORDER BY name"),
        leaders=names("SELECT name FROM staff WHERE active IS 1 AND is_leader IS 1 "
                      "ORDER BY name"),
    )


def read_rows(conn: sqlite3.Connection, flt: ListFilter, today: dt.date, lookups: Lookups,
              meetings: Meetings, names: dict[str, dict[int, str]],
              latest: dict[int, dt.date] | None = None) -> list[ProposalRow]:
    """queries.list_rows for the two lists a snapshot holds (a year, or the follow-up)."""
    if flt != ListFilter(year=flt.year) and flt != ListFilter(follow_up=True):
        raise ValueError(f"not a snapshot's list: {flt}")
    sql, params = _SELECT, []
    conditions = []
    wanted = wanted_meetings(flt, today, meetings)
    if len(wanted) < len(meetings):
        if not wanted:
            return []
        conditions.append(f"proposal.meeting_id IN ({', '.join('?' * len(wanted))})")
        params.extend(wanted)
    if flt.follow_up:
        conditions.append(
            f"proposal.category IN ({', '.join('?' * len(FOLLOW_UP_CATEGORIES))})")
        params.extend(FOLLOW_UP_CATEGORIES)
        conditions.append(_NOT_CARRIED_OUT)
    if conditions:
        sql += " WHERE " + " AND ".join(conditions)
    with gc_paused():  # as list_rows: 100,000 new tuples
        rows: list[Sequence[Any]] = conn.execute(sql, params).fetchall()
        return make_rows(rows, meetings, names, today, lookups.settings.deadlines, latest)


def read_plain_snapshot(path: Path, today: dt.date | None = None) -> Snapshot | None:
    """read_snapshot(db, None) of the SQLite file at `path`, or None when the file's schema is
    not this version's (the ordinary opening migrates it or refuses it)."""
    today = today or dt.date.today()
    conn = connect_read_only(path)
    try:
        conn.execute("BEGIN")  # every SELECT below sees the same state of the file
        if not is_current(conn):
            return None
        lookups = read_lookups(conn)
        meetings: Meetings = {mid: (kind, name, year) for mid, kind, name, year in
                              conn.execute("SELECT id, kind, name, year FROM meeting")}
        years = [r[0] for r in conn.execute(
            "SELECT DISTINCT meeting.year FROM meeting JOIN proposal "
            "ON proposal.meeting_id = meeting.id ORDER BY meeting.year DESC")]
        year, years = choose_year(None, years, today)
        names = {"section": dict(conn.execute("SELECT id, name FROM section")),
                 "staff": dict(conn.execute("SELECT id, name FROM staff"))}
        flt, follow_flt = year_filters(year)
        latest = latest_sent(conn.execute(LATER_ROUNDS_SQL))  # as queries.list_rows
        rows = read_rows(conn, flt, today, lookups, meetings, names, latest)
        follow = read_rows(conn, follow_flt, today, lookups, meetings, names, latest)
    finally:
        conn.close()
    return make_snapshot(year, years, rows, follow, lookups, today)
