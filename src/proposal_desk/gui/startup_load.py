"""Starting the window on two threads: the database file's check runs while the program's
modules load; on a quick start the window is shown with data read by plain sqlite3 before the
database layer (SQLAlchemy, the models) is even imported.

The worker thread
1. (at once, standard library only) takes the instance lock on the database file and checks
   it with SQLite's quick_check, spent in SQLite without Python's global lock, so the UI
   thread imports the window meanwhile at full speed. On a quick start the tables the first
   read uses are checked first (gui/plain_snapshot.TABLES: 10 ms at 10,000 proposals, against
   0.2 s for the whole file), then the whole file on a thread of its own: once the window is
   painted (`begin_whole_check`), or at once, beside the read, for a large file
   (CHECK_AFTER_PAINT_MAX_BYTES);
2. (quick start) when those tables are sound and the file's schema is this version's, reads
   the first snapshot through a read-only sqlite3 connection (gui/plain_snapshot.py), which
   the UI thread shows at once (`quick_snapshot()`); the whole file's check ends meanwhile or
   while the window is shown (`_check_whole_file`; damage found: `damaged`). What the read
   made is frozen (`freeze_gc`) before the collector runs again, and thawed after the first
   paint (`resume_gc`, at the latest by `close()`);
3. (once the UI thread has imported the database layer: `import_database_layer()`, or a module
   per event-loop turn with `import_next()` after the first paint on a quick start) opens the
   database with `database_open.open_database(checked=True)` — engine, migration check,
   backup on open — or raises the damage the check found, and releases its own hold on the
   lock (the Database holds it now);
4. (ordinary start) reads the first snapshot, which the window's first load takes
   (`snapshot_job`); its pick lists, read first, are the ones the window is built with
   (`lookups`).

Data safety: nothing writes to the file before the whole file's check has passed (only the
checks and the read-only first read touch it before step 3); a quick start shows data only
from tables whose check passed; the instance lock is held from before the check until the
Database is closed, so no other Proposal Desk program can write in between. Anything unusual
(no file yet, a URL that is not a plain file, a lock held elsewhere, damage in the tables the
first read uses, a schema to migrate or not ours, the demo database still empty, an error)
skips the quick start and opens the ordinary way — the whole file checked before anything is
shown — so the user sees exactly the messages and dialogs an ordinary opening gives, before
any data; a failure is raised on the UI thread by `database()`, for
`open_with_recovery(first_attempt=load.database)`.

Imports: Python's import locks are per module, so two threads importing the same modules at
once can meet in a circular import and see a half-initialised module. So the worker imports
nothing itself (what steps 1-2 need is imported with this module), and the UI thread imports
the database layer before step 3 starts (on a quick start after the first paint: between
two modules the window handles its events).
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

from proposal_desk.gc_pause import freeze_gc, gc_paused, resume_gc
from proposal_desk.gui.plain_snapshot import TABLES, read_plain_snapshot
from proposal_desk.storage import file_check
from proposal_desk.storage.instance_lock import InstanceLock

if os.name == "posix":  # the instance lock's getpass.getuser() imports it on first use
    import pwd  # noqa: F401

if TYPE_CHECKING:
    from proposal_desk.gui.lookups import Lookups
    from proposal_desk.gui.snapshot import Snapshot
    from proposal_desk.storage.database import Database

log = logging.getLogger(__name__)

# What the UI thread imports before the worker goes on to step 2: the window, and everything
# the opening and the first read use, down to the modules imported lazily on first use (the
# SQLite dialect, strptime's helper). So on a normal start the worker imports nothing itself
# (tests/gui/test_startup_load.py records it); the rare paths that do (a damaged file: its
# backups are verified; a schema to migrate: Alembic) import modules the window never does.
# In this order: a quick start imports them one per turn of the event loop, after the first
# paint, so the window stays responsive between them.
DATABASE_LAYER = (
    "proposal_desk.gui.main_window",
    "sqlalchemy",
    "sqlalchemy.orm",
    "proposal_desk.storage.models",
    "proposal_desk.storage.database",
    "proposal_desk.storage.integrity",
    "proposal_desk.gui.database_open",
    "proposal_desk.gui.snapshot",
    "proposal_desk.services.queries",
    "sqlalchemy.dialects.sqlite.pysqlite",
    "_strptime",
)

# Bounds on the UI thread's waits for the worker's read (step 4), which normally ends in
# milliseconds: a read that hangs (a file held by another program, a slow share) or dies must
# not leave the start frozen. Past them the window reads for itself: the pick lists on the UI
# thread (`lookups`), the snapshot on the first load's own thread (`snapshot_job`); a reading
# that fails there too is shown as the error it is.
LOOKUPS_WAIT_S = 3.0
SNAPSHOT_WAIT_S = 20.0
CLOSE_WAIT_S = 5.0  # the end of the start: a worker still stuck is left (a daemon thread)

# A quick start of a file up to this size checks the whole file after the first paint: the
# check reads every page (~0.2 s of CPU and 0.3 GB of memory traffic at 10,000 proposals) and,
# run beside the start, slowed the way to the paint by ~8 % of CPU on a quiet machine and
# doubled it on a busy one; after the paint it still ends while the database layer is
# imported (~0.3 s), before the opening needs it. A larger file, whose check paces the
# opening (3 GB: ~2 s), is checked at once, beside the start.
CHECK_AFTER_PAINT_MAX_BYTES = 400_000_000


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
    findings: list[str] | None  # None: the whole file not checked yet (a quick start)


def read_again(db: Database) -> Snapshot:
    """The first snapshot read by the window's first load itself (the worker's read was late
    or failed); failing too, it says so in words, and 刷新 tries again."""
    from proposal_desk.gui.snapshot import read_snapshot
    from proposal_desk.storage.errors import UserError

    try:
        return read_snapshot(db, None)
    except UserError:
        raise
    except Exception as exc:
        log.warning("the window's first read failed", exc_info=True)
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise UserError("无法读取数据库中的提案。窗口已打开，数据没有改动；请稍后点“刷新”重试"
                        f"（供技术人员参考：{first}）") from exc


class StartupLoad:
    """`start()` first thing; then `import_database_layer()`, `database()` and
    `snapshot_job()` on the UI thread; `close()` at the end whatever happened."""

    def __init__(self, url: str, data_folder: Path, *, read_snapshot: bool = True,
                 quick: bool = False, demo: bool = False) -> None:
        self.url = url
        self.data_folder = data_folder
        self._read = read_snapshot
        self._quick_wanted = quick
        self._demo = demo
        self._quick: Snapshot | None = None
        self._quick_done = threading.Event()
        self._next_import = 0
        self.same_file = True  # step 3 opened the file step 1 checked (and step 2 read)
        self._imported = threading.Event()
        self._opened = threading.Event()
        self._read_done = threading.Event()
        self._lookups: Lookups | None = None  # the pick lists, read first by step 4
        self._lookups_read = threading.Event()
        self._db: Database | None = None
        self._taken = False
        self._error: BaseException | None = None
        self._snapshot: Snapshot | None = None
        self._read_error: BaseException | None = None
        self.prechecked = False  # step 1 ran (tests and the log say so)
        # Step 1 found the file's lock held: another program has it open, or another window
        # of ours is starting on it (gui/app.py waits a moment for it to answer).
        self.locked_elsewhere = False
        self.damaged = False  # a quick start's check of the whole file found damage
        self._whole: threading.Thread | None = None
        self._whole_result: list[str] | None = None
        self._check_go = threading.Event()  # begin_whole_check(): the window is painted
        self._cancelled = False
        self._thread = threading.Thread(target=self._work, name="startup-load", daemon=True)

    def start(self) -> StartupLoad:
        self._thread.start()
        return self

    # ---- the worker ------------------------------------------------------------------

    def _work(self) -> None:
        try:
            self._steps()
        except BaseException as exc:  # a fault of ours: said by database(), never a hang
            log.exception("the start's worker failed")
            if self._db is None and self._error is None:
                self._error = exc
        finally:  # whatever happened, nothing on the UI thread is left waiting
            for done in (self._quick_done, self._opened, self._lookups_read, self._read_done):
                done.set()

    def _steps(self) -> None:
        try:
            checked = self._check_file()
        finally:
            self._quick_done.set()
        if checked is not None and checked.findings is None:
            self._check_whole_file(checked)  # a quick start: the window is being shown
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
        if self._db is None or not self._read or self._quick is not None:
            self._lookups_read.set()
            self._read_done.set()
            return
        try:
            self._snapshot = self._read_first(self._db)
        except BaseException as exc:
            self._read_error = exc
        finally:
            self._lookups_read.set()
            self._read_done.set()

    def _read_first(self, db: Database) -> Snapshot:
        """Step 4's read (the pick lists first, for the window being built)."""
        from proposal_desk.gui.snapshot import read_snapshot

        return read_snapshot(db, None, on_lookups=self._took_lookups)

    def _took_lookups(self, lookups: Lookups) -> None:
        self._lookups = lookups
        self._lookups_read.set()

    def _check_file(self) -> _Checked | None:
        """Steps 1-2: lock, check, and on a quick start read; standard library only. None:
        open the usual way. A quick start leaves `findings` None: the whole file's check is
        still to run (`_check_whole_file`)."""
        path = plain_sqlite_file(self.url)
        if path is None:
            return None
        lock: InstanceLock | None = None
        try:
            if not path.is_file() or not file_check.needs_check(path):
                return None
            lock = InstanceLock.for_database(path)
            if not lock.try_acquire():
                self.locked_elsewhere = True
                return None  # the ordinary opening says who holds it
            quick, findings = self._check_locked(path)
        except Exception:
            log.info("check before opening skipped", exc_info=True)
            if lock is not None:
                lock.release()
            return None
        self.prechecked = True
        self._quick = quick
        return _Checked(path, lock, findings)

    def _check_locked(self, path: Path) -> tuple[Snapshot | None, list[str] | None]:
        """With the lock held: on a quick start whose tables pass their check, the first
        read, with the whole file's check still under way (findings None); otherwise no read
        and the whole file's findings. Raises when a check cannot run."""
        if self._quick_wanted and not file_check.quick_check_file(path, tables=TABLES):
            quick = self._read_while_checking(path)
            if quick is not None:
                return quick, None
            if self._whole is None:
                self._start_whole_check(path)
            findings = self._whole_findings()
            if findings is None:
                raise OSError("the check of the whole file failed")
            return None, findings
        return None, file_check.quick_check_file(path)

    def _read_while_checking(self, path: Path) -> Snapshot | None:
        """The first read, with the whole file's check started beside it (a large file; a
        small one's after the paint: CHECK_AFTER_PAINT_MAX_BYTES); None when the read cannot
        be used, or when the check has already found damage: the dialog comes before any
        data."""
        if path.stat().st_size > CHECK_AFTER_PAINT_MAX_BYTES:
            self._start_whole_check(path)
        quick = self._read_quick(path)
        whole = self._whole
        if quick is not None and whole is not None and not whole.is_alive() \
                and self._whole_result:
            resume_gc()
            return None
        return quick

    def _check_whole_file(self, checked: _Checked) -> None:
        """A quick start's check of the whole file, while the window is shown: its tables
        were checked before they were read; nothing is written to the file (the Database is
        opened, `_open`) before this check has passed. Damage found here gets the damaged-
        database dialog (`damaged`: the window hides first), as at an ordinary start."""
        try:
            if self._whole is None:  # a small file: once the window is painted
                self._check_go.wait()
                self._start_whole_check(checked.path)
            checked.findings = self._whole_findings()
        except Exception:
            log.exception("the check of the whole file failed; the opening checks again")
            checked.findings = None
        if checked.findings is None:
            return  # the check failed to run: the Database runs its own check on open
        self.damaged = bool(checked.findings)

    def _start_whole_check(self, path: Path) -> None:
        """The whole file's quick_check on a thread of its own: it runs in SQLite, without
        Python's global lock, on the other CPU while the first read and the window's first
        paint go on (its result is used before anything is written: `_open`)."""
        def run() -> None:
            try:
                self._whole_result = file_check.quick_check_file(path)
            except Exception:
                log.info("check of the whole file failed; the opening checks again",
                         exc_info=True)

        self._whole = threading.Thread(target=run, name="startup-check", daemon=True)
        self._whole.start()

    def _whole_findings(self) -> list[str] | None:
        """The whole file's findings once its check has ended (None: it could not run)."""
        assert self._whole is not None
        self._whole.join()
        return self._whole_result

    def _read_quick(self, path: Path) -> Snapshot | None:
        """Step 2: the first snapshot by plain sqlite3, when nothing calls for the ordinary
        way (the schema is current, the demo database has data; the caller: the check)."""
        try:
            # The collector waits until the snapshot is made, and then its rows are frozen
            # (`freeze_gc`) before it runs again.
            with gc_paused():
                snapshot = read_plain_snapshot(path)
                if snapshot is not None and not (self._demo and not snapshot.rows):
                    freeze_gc()
                    return snapshot
        except Exception:
            log.info("quick first read skipped", exc_info=True)
        return None

    def _open(self, checked: _Checked | None) -> Database:
        """Step 2, once the database layer is imported."""
        from proposal_desk.gui.database_open import backup_folder, open_database
        from proposal_desk.storage.database import sqlite_file
        from proposal_desk.storage.integrity import raise_if_damaged

        if checked is None or sqlite_file(self.url) != checked.path:
            self.same_file = checked is None
            return open_database(self.url, self.data_folder)
        if checked.findings is None:  # the whole file's check could not run: the open runs it
            return open_database(self.url, self.data_folder)
        raise_if_damaged(checked.path, backup_folder(self.url, self.data_folder),
                         checked.findings)
        return open_database(self.url, self.data_folder, checked=True)

    # ---- the UI thread -----------------------------------------------------------------

    def quick_snapshot(self) -> Snapshot | None:
        """The first snapshot read by plain sqlite3 (step 2), or None: start the ordinary way.
        Waits for steps 1-2."""
        self._quick_done.wait()
        return self._quick

    def begin_whole_check(self) -> None:
        """The quick start's window is painted (or needs the database now): the check of the
        whole file, if not begun beside the read, begins."""
        self._check_go.set()

    def import_next(self) -> bool:
        """Import the next module of the database layer; True once all are imported (and the
        worker goes on to open the database). A quick start calls it once its window has been
        painted."""
        if self._imported.is_set():
            return True
        try:
            if self._next_import < len(DATABASE_LAYER):
                importlib.import_module(DATABASE_LAYER[self._next_import])
                self._next_import += 1
        except BaseException:
            self._check_go.set()
            self._imported.set()  # the worker fails to open; database() raises it
            raise
        if self._next_import >= len(DATABASE_LAYER):
            self._check_go.set()  # the opening is next: it needs the check
            self._imported.set()
        return self._imported.is_set()

    def import_database_layer(self) -> None:
        """Import the window and the database layer, then let the worker open the database."""
        while not self.import_next():
            pass

    def wait_opened(self) -> None:
        """Wait (on a worker thread) until step 3 has ended, however it ended."""
        self._opened.wait()

    def database(self) -> Database:
        """The opened database, or what the opening raised, raised here (once)."""
        self._opened.wait()
        if self._error is not None:
            error, self._error = self._error, None
            raise error
        assert self._db is not None
        self._taken = True
        return self._db

    def lookups(self, db: Database) -> Lookups | None:
        """The pick lists and settings step 4 reads first (the window is built with them while
        it reads the rows, instead of reading them a second time), or None when step 4 reads
        nothing for `db` (see `snapshot_job`), failed before them, or has not read them within
        LOOKUPS_WAIT_S: the caller reads them itself then."""
        if not self._read or db is not self._db:
            return None
        if not self._lookups_read.wait(LOOKUPS_WAIT_S):
            log.warning("the start's read of the pick lists is late: the window reads them")
            return None
        return self._lookups

    def snapshot_job(self, db: Database) -> Callable[[Any], Snapshot] | None:
        """A job for the window's first load (it runs on a worker thread and may wait) that
        gives the snapshot being read; None when there is none for `db` (a database opened
        again after a restore; the demo database, which may still have to be filled)."""
        if not self._read or db is not self._db:
            return None

        def job(_progress: Any) -> Snapshot:
            if not self._read_done.wait(SNAPSHOT_WAIT_S):
                log.warning("the start's first read is late: the window reads for itself")
                return read_again(db)
            if self._read_error is not None:
                log.warning("the start's first read failed; the window reads again",
                            exc_info=self._read_error)
                return read_again(db)
            assert self._snapshot is not None
            return self._snapshot

        return job

    def close(self) -> None:
        """Wait for the worker; dispose of a database it opened that the window never took;
        thaw what a quick read froze, whatever happened."""
        if not self._imported.is_set():  # the start ended early (another window has it)
            self._cancelled = True
            self._check_go.set()
            self._imported.set()
        self._thread.join(CLOSE_WAIT_S)
        if self._thread.is_alive():
            log.warning("the start's worker is still busy at the end; left behind")
        resume_gc()
        if self._db is not None and not self._taken:
            self._db.dispose()
            self._db = None
