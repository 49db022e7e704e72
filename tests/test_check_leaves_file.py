"""The checks before opening leave the database file as they found it: no write-ahead log
copied into it (a damaged file is kept aside byte for byte, and the message says the program
did not change it)."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest

from proposal_desk.storage.file_check import quick_check_file

WRITER = """
import os, sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA journal_mode=WAL")
conn.execute("PRAGMA wal_autocheckpoint=0")
conn.execute("CREATE TABLE proposal (id INTEGER PRIMARY KEY, title TEXT)")
conn.executemany("INSERT INTO proposal (title) VALUES (?)", [("关于跨境电商的建议",)] * 200)
os._exit(0)  # as a crash: the log is left, never copied into the file
"""


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("tables", [(), ("proposal",)])
def test_a_check_copies_no_write_ahead_log_into_the_file(tmp_path: Path,
                                                         tables: tuple[str, ...]) -> None:
    path = tmp_path / "proposal-desk.sqlite3"
    subprocess.run([sys.executable, "-c", WRITER, str(path)], check=True)
    wal = Path(f"{path}-wal")
    assert wal.stat().st_size > 0
    before = _digest(path)
    assert quick_check_file(path, tables=tables) == []
    assert _digest(path) == before, "the check wrote to the database file"
    assert wal.exists() and wal.stat().st_size > 0


def test_a_check_that_fails_on_damage_copies_no_log_either(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A damaged file is what must be kept as found: the check that runs into the damage
    (SQLite raises instead of listing findings) closes its connection with the log still
    held back, as a sound one does."""
    import sqlite3

    from proposal_desk.storage import file_check

    path = tmp_path / "proposal-desk.sqlite3"
    subprocess.run([sys.executable, "-c", WRITER, str(path)], check=True)
    before = _digest(path)
    real = file_check.connect_existing

    class Damaged:
        def __init__(self, conn: sqlite3.Connection) -> None:
            self.conn = conn

        def execute(self, *_args: object) -> None:
            self.conn.execute("SELECT count(*) FROM proposal").fetchone()  # the log is open
            raise sqlite3.DatabaseError("database disk image is malformed")

        def close(self) -> None:
            self.conn.close()

    monkeypatch.setattr(file_check, "connect_existing", lambda p: Damaged(real(p)))
    assert quick_check_file(path) == ["database disk image is malformed"]
    assert _digest(path) == before, "the check wrote to the damaged database file"
    assert Path(f"{path}-wal").stat().st_size > 0
