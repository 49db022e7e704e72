"""The quick start's first read (gui/plain_snapshot.py) reads the settings as the database
layer does. SQLite keeps a JSON number in the setting table's JSON column as a number, not as
text: a changed 办理时限 (or any number stored there) must not make every quick start fall back
to the ordinary one, nor read differently from read_snapshot."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from proposal_desk.gui.plain_snapshot import read_plain_snapshot
from proposal_desk.gui.snapshot import read_snapshot
from proposal_desk.storage.models import Setting
from proposal_desk.storage.settings_store import set_value


def test_numbers_among_the_settings_are_read_as_the_database_layer_reads_them(
        seeded_db: Any) -> None:
    with seeded_db.transaction() as s:
        set_value(s, "deadline.lead_months", 4)
        s.add(Setting(key="program.some_counter", value=2))  # a number kept by the program
    path: Path = seeded_db.sqlite_path
    with sqlite3.connect(path) as conn:  # stored as numbers, not as JSON text
        kinds = dict(conn.execute("SELECT key, typeof(value) FROM setting WHERE key IN "
                                  "('deadline.lead_months', 'program.some_counter')"))
    conn.close()
    assert kinds == {"deadline.lead_months": "integer", "program.some_counter": "integer"}
    plain = read_plain_snapshot(path)
    assert plain is not None
    assert plain.lookups.settings.deadlines.lead_months == 4
    assert plain == read_snapshot(seeded_db, None, today=plain.today)
