"""The checks a SQLite file gets before it is opened, in plain sqlite3: SQLite's quick_check and
refusing a file that is someone else's database.

Standard library only (no SQLAlchemy): the window runs them on a worker thread while the
database layer is still being imported (gui/startup_load.py). `integrity.check_on_open` and
`Database` use the same functions.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from proposal_desk.storage.errors import DatabaseOpenError

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_S = 10  # how long a check waits for a lock another program holds


def connect_existing(path: Path) -> sqlite3.Connection:
    """A connection that never creates the file (backups and checks use this one). Read-write when
    allowed, because a database left by a crash needs its write-ahead log recovered before it
    can be read; nothing is written through it otherwise. as_uri() escapes '?', '#' and '%'."""
    mode = "rw" if os.access(path, os.W_OK) and os.access(path.parent, os.W_OK) else "ro"
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode={mode}", uri=True,
                           timeout=BUSY_TIMEOUT_S)


def needs_check(path: Path) -> bool:
    """A file with content, for quick_check to read. A missing or empty one is not checked
    here: integrity.check_on_open refuses an empty one and a missing one whose backups exist
    (only a first start creates a new database)."""
    return path.exists() and path.stat().st_size > 0


def quick_check_file(path: Path, limit: int = 5, *, tables: tuple[str, ...] = ()
                     ) -> list[str]:
    """SQLite's quick_check on a database file: [] when sound, else the first few findings.
    Reads every page once (the structure, not the content hashes); writes nothing.
    DatabaseOpenError when another program holds the file locked past the busy timeout.

    `tables`: check only these tables and their indexes (SQLite ≥ 3.33), a small part of the
    file: what the window's quick start reads before the whole check has run."""
    try:
        with path.open("rb") as fh:
            header = fh.read(16)
        if header and header != SQLITE_HEADER:
            return ["文件头不是 SQLite 数据库"]
        conn = connect_existing(path)
        guard: sqlite3.Connection | None = None
        try:
            # Before the check: a check that runs into damage raises, and its connection must
            # not be the last one to close either.
            guard = _no_checkpoint_on_close(path)
            if tables:
                rows = [r[0] for t in tables for r in conn.execute(
                    f"PRAGMA quick_check({_identifier(t)})")]
                rows = [r for r in rows if r != "ok"] or ["ok"]
            else:
                rows = [r[0] for r in conn.execute(f"PRAGMA quick_check({int(limit)})")]
        finally:
            conn.close()
            if guard is not None:
                guard.close()
    except sqlite3.DatabaseError as exc:
        if is_busy(exc):  # held by another program: not damage, and nothing was checked
            raise DatabaseOpenError(
                f"数据库文件正被另一个程序占用，无法检查和打开：{path}。"
                "请关闭占用它的程序（如数据库查看工具）后重试。") from exc
        return [str(exc)]
    if rows == ["ok"]:
        return []
    lines = [line for r in rows for line in r.splitlines() if not line.startswith("***")]
    return lines[:limit]


def is_busy(exc: sqlite3.Error) -> bool:
    """SQLite's "database is locked" (its busy timeout ran out) or "table is locked"."""
    code = getattr(exc, "sqlite_errorcode", None)
    return code is not None and (code & 0xFF) in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)


def _no_checkpoint_on_close(path: Path) -> sqlite3.Connection | None:
    """A read-only connection to close last: SQLite copies the write-ahead log into the
    database file when its last connection closes, and a check must leave the file as it found
    it (a damaged file is kept aside byte for byte; a sound one is opened next anyway). A
    read-only connection never checkpoints. None when there is no log to keep."""
    if not Path(f"{path}-wal").exists():
        return None
    try:
        guard = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True,
                                timeout=BUSY_TIMEOUT_S)
    except sqlite3.Error:
        return None
    try:
        guard.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return guard
    except sqlite3.Error as exc:
        guard.close()
        if is_busy(exc):
            raise  # held by another program: the check would wait as long again for nothing
        return None


def _identifier(name: str) -> str:
    if not name.replace("_", "").isalnum():
        raise ValueError(f"not a table name: {name!r}")
    return name


def refuse_foreign(path: Path) -> None:
    """A SQLite file with tables but none of ours is someone else's: refused before anything
    (even switching it to WAL mode) touches it."""
    if not needs_check(path):
        return
    try:
        conn = connect_existing(path)
        try:
            tables = [r[0] for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return  # damaged or not SQLite at all: the quick check or the open reports it
    if tables and "alembic_version" not in tables:
        raise DatabaseOpenError(
            f"这个数据库文件不是提案办理台的数据库（其中已有其他表：{'、'.join(tables[:5])}），"
            f"为免损坏，程序不会改动它：{path}")
