"""Starting the window on two threads: the database file's check runs while the program's
modules load, and the first snapshot is read while the window is built.

The worker thread
1. (at once, standard library only) takes the instance lock on the database file and runs
   SQLite's quick_check on it: about 0.1 s for 10,000 proposals, spent in SQLite without
   Python's global lock, so the UI thread imports meanwhile at full speed;
2. (once the UI thread has imported the database layer: `import_database_layer()`) opens the
   database with `database_open.open_database(checked=True)` — engine, migration check, backup
   on open — or raises the damage the check found, and releases its own hold on the lock
   (the Database holds it now);
3. reads the first snapshot, which the window's first load takes (`snapshot_job`).

Data safety: nothing touches the file but the quick check until the check has passed, and the
instance lock is held from before the check until the Database is closed, so no other Proposal
Desk program can write in between. Anything unusual (no file yet, a URL that is not a plain
file, a lock held elsewhere, an error) skips step 1 and opens the ordinary way in step 2, so the
user sees exactly the messages and dialogs an ordinary opening gives; a failure is raised on the
UI thread by `database()`, for `open_with_recovery(first_attempt=load.database)`.

Imports: Python's import locks are per module, so two threads importing the same modules at
once can meet in a circular import and see a half-initialised module. So the worker imports
nothing before step 2 (what step 1 needs is imported with this module), and the UI thread
imports the database layer and the window in one go before step 2 starts.
"""

from __future__ import annotations

import importlib
import logging
import os
import sqlite3  # noqa: F401 - loaded here, before the worker uses it (see Imports above)
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from proposal_desk.storage import file_check
from proposal_desk.storage.instance_lock import InstanceLock

if os.name == "posix":  # the instance lock's getpass.getuser() imports it on first use
    import pwd  # noqa: F401

if TYPE_CHECKING:
    from proposal_desk.gui.snapshot import Snapshot
    from proposal_desk.storage.database import Database

log = logging.getLogger(__name__)

# What the UI thread imports before the worker goes on to step 2: the window, and everything
# the opening and the first read use, down to the modules imported lazily on first use (the
# SQLite dialect, strptime's helper). So on a normal start the worker imports nothing itself
# (tests/gui/test_startup_load.py records it); the rare paths that do (a damaged file: its
# backups are verified; a schema to migrate: Alembic) import modules the window never does.
DATABASE_LAYER = (
    "proposal_desk.gui.main_window",
    "proposal_desk.gui.database_open",
    "proposal_desk.gui.snapshot",
    "proposal_desk.storage.database",
    "proposal_desk.storage.integrity",
    "sqlalchemy.dialects.sqlite.pysqlite",
    "_strptime",
)


def plain_sqlite_file(url: str) -> Path | None:
    """The file of a URL as paths.sqlite_url makes it ("sqlite:///" and an absolute path);
    None for anything else. Checked against SQLAlchemy's reading in step 2."""
    prefix = "sqlite:///"
    if not url.startswith(prefix) or "?" in url:
        return None
    path = Path(url[len(prefix):])
    return path if path.is_absolute() else None


@dataclass
class _Checked:
    path: Path
    lock: InstanceLock
    findings: list[str]


class StartupLoad:
    """`start()` first thing; then `import_database_layer()`, `database()` and
    `snapshot_job()` on the UI thread; `close()` at the end whatever happened."""

    def __init__(self, url: str, data_folder: Path, *, read_snapshot: bool = True) -> None:
        self.url = url
        self.data_folder = data_folder
        self._read = read_snapshot
        self._imported = threading.Event()
        self._opened = threading.Event()
        self._read_done = threading.Event()
        self._db: Database | None = None
        self._taken = False
        self._error: BaseException | None = None
        self._snapshot: Snapshot | None = None
        self._read_error: BaseException | None = None
        self.prechecked = False  # step 1 ran (tests and the log say so)
        self._cancelled = False
        self._thread = threading.Thread(target=self._work, name="startup-load", daemon=True)

    def start(self) -> StartupLoad:
        self._thread.start()
        return self

    # ---- the worker ------------------------------------------------------------------

    def _work(self) -> None:
        checked = self._check_file()
        self._imported.wait()
        try:
            if not self._cancelled:
                self._db = self._open(checked)
        except BaseException as exc:
            self._error = exc
        finally:
            if checked is not None:
                checked.lock.release()  # the Database holds its own count of the lock
            self._opened.set()
        if self._db is None or not self._read:
            self._read_done.set()
            return
        try:
            from proposal_desk.gui.snapshot import read_snapshot

            self._snapshot = read_snapshot(self._db, None)
        except BaseException as exc:
            self._read_error = exc
        finally:
            self._read_done.set()

    def _check_file(self) -> _Checked | None:
        """Step 1: lock and quick_check, standard library only; None to open the usual way."""
        path = plain_sqlite_file(self.url)
        if path is None:
            return None
        lock: InstanceLock | None = None
        try:
            if not path.is_file() or not file_check.needs_check(path):
                return None
            lock = InstanceLock.for_database(path)
            if not lock.try_acquire():
                return None  # the ordinary opening says who holds it
            findings = file_check.quick_check_file(path)
        except Exception:
            log.info("check before opening skipped", exc_info=True)
            if lock is not None:
                lock.release()
            return None
        self.prechecked = True
        return _Checked(path, lock, findings)

    def _open(self, checked: _Checked | None) -> Database:
        """Step 2, once the database layer is imported."""
        from proposal_desk.gui.database_open import backup_folder, open_database
        from proposal_desk.storage.database import sqlite_file
        from proposal_desk.storage.integrity import raise_if_damaged

        if checked is None or sqlite_file(self.url) != checked.path:
            return open_database(self.url, self.data_folder)
        raise_if_damaged(checked.path, backup_folder(self.url, self.data_folder),
                         checked.findings)
        return open_database(self.url, self.data_folder, checked=True)

    # ---- the UI thread -----------------------------------------------------------------

    def import_database_layer(self) -> None:
        """Import the window and the database layer, then let the worker open the database."""
        try:
            for name in DATABASE_LAYER:
                importlib.import_module(name)
        finally:
            self._imported.set()

    def database(self) -> Database:
        """The opened database, or what the opening raised, raised here (once)."""
        self._opened.wait()
        if self._error is not None:
            error, self._error = self._error, None
            raise error
        assert self._db is not None
        self._taken = True
        return self._db

    def snapshot_job(self, db: Database) -> Callable[[Any], Snapshot] | None:
        """A job for the window's first load (it runs on a worker thread and may wait) that
        gives the snapshot being read; None when there is none for `db` (a database opened
        again after a restore; the demo database, which may still have to be filled)."""
        if not self._read or db is not self._db:
            return None

        def job(_progress: Any) -> Snapshot:
            self._read_done.wait()
            if self._read_error is not None:
                raise self._read_error
            assert self._snapshot is not None
            return self._snapshot

        return job

    def close(self) -> None:
        """Wait for the worker; dispose of a database it opened that the window never took."""
        if not self._imported.is_set():  # the start ended early (another window has it)
            self._cancelled = True
            self._imported.set()
        self._thread.join()
        if self._db is not None and not self._taken:
            self._db.dispose()
            self._db = None
