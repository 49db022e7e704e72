"""An ordinary start whose worker does not deliver its first read (gui/startup_load.py step 4):
the read hangs (a file held by another program, a slow share) or dies. The window must come up
all the same, within the start's bounded waits, with its pick lists read on the UI thread and
its data read by the first load itself; a read that fails there too is said in words, with
刷新 to try again. And a worker left hanging does not hold up the program's end."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer

from proposal_desk.gui import app as app_module
from proposal_desk.gui import main_window, startup_load
from proposal_desk.gui.lookups import Lookups
from proposal_desk.gui.main_window import MainWindow
from proposal_desk.gui.startup_load import StartupLoad
from proposal_desk.storage.errors import UserError


@pytest.fixture
def started(seeded_db: Any, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """What the window was built with and shown; the start's waits shortened."""
    monkeypatch.setattr(startup_load, "LOOKUPS_WAIT_S", 0.2)
    monkeypatch.setattr(startup_load, "SNAPSHOT_WAIT_S", 0.5)
    monkeypatch.setattr(startup_load, "CLOSE_WAIT_S", 0.5)
    seen: dict[str, Any] = {"built_with": [], "shown": [], "errors": []}
    init, apply = MainWindow.__init__, MainWindow._apply_snapshot

    def recording_init(self: MainWindow, ctx: Any, *a: Any, **kw: Any) -> None:
        seen["built_with"].append(ctx.lookups)
        init(self, ctx, *a, **kw)

    def recording_apply(self: MainWindow, snap: Any) -> None:
        seen["shown"].append(sorted(r.number for r in snap.rows))
        apply(self, snap)

    monkeypatch.setattr(MainWindow, "__init__", recording_init)
    monkeypatch.setattr(MainWindow, "_apply_snapshot", recording_apply)
    path = seeded_db.sqlite_path
    seeded_db.dispose()
    seen["url"] = f"sqlite:///{path}"
    return seen


def _run(seen: dict[str, Any], folder: Path) -> int:
    load = StartupLoad(seen["url"], folder).start()  # quick=False: the ordinary start
    try:
        return app_module.run_window(load, seen["url"], folder, demo=False, smoke=True)
    finally:
        load.close()


@pytest.mark.parametrize("worker", ["hangs", "dies"])
def test_the_window_comes_up_with_its_data_when_the_first_read_hangs_or_dies(
        started: dict[str, Any], qapp: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        worker: str) -> None:
    release, gave_up = threading.Event(), threading.Event()

    def first_read(self: StartupLoad, _db: Any) -> Any:
        if worker == "hangs":
            release.wait(30)  # a read that never gives back the pick lists nor the rows
        gave_up.set()
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(StartupLoad, "_read_first", first_read)
    try:
        # smoke=True: run_window returns 0 once the window is painted with its data and idle.
        assert _run(started, tmp_path / "window-data") == 0
        # up within the bounded waits, not once the hanging read gave up
        assert worker == "dies" or not gave_up.is_set()
    finally:
        release.set()
    # Built with the pick lists read on the UI thread, shown with the rows the first load read.
    (built_with,) = started["built_with"]
    assert [m.name for m in built_with.meetings]
    assert started["shown"] == [["144009", "144011", "144026"]]


def test_a_read_that_fails_again_is_said_in_words_in_a_window_that_is_up(
        started: dict[str, Any], qapp: Any, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    def fails(*_a: Any, **_k: Any) -> Any:
        raise sqlite3.OperationalError("database is locked")

    errors: list[BaseException] = []

    def shown_error(_window: Any, exc: BaseException) -> None:
        errors.append(exc)
        QTimer.singleShot(0, lambda: qapp.exit(0))  # the user has seen it: end the start

    monkeypatch.setattr(StartupLoad, "_read_first", fails)
    monkeypatch.setattr(Lookups, "read", classmethod(fails))
    monkeypatch.setattr("proposal_desk.gui.snapshot.read_snapshot", fails)
    monkeypatch.setattr(main_window, "show_exception", shown_error)
    assert _run(started, tmp_path / "window-data") == 0
    # The window was built (with empty pick lists, which a later load replaces) and shown.
    assert [lk.meetings for lk in started["built_with"]] == [[]]
    assert started["shown"] == []
    (error,) = errors
    assert isinstance(error, UserError)
    assert "无法读取数据库中的提案" in str(error) and "database is locked" in str(error)
    assert "刷新" in str(error)


def test_the_end_of_the_start_does_not_wait_for_a_worker_left_hanging(
        seeded_db: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(startup_load, "LOOKUPS_WAIT_S", 0.1)
    monkeypatch.setattr(startup_load, "CLOSE_WAIT_S", 0.2)
    release = threading.Event()
    monkeypatch.setattr(StartupLoad, "_read_first", lambda self, db: release.wait(30))
    url = f"sqlite:///{seeded_db.sqlite_path}"
    seeded_db.dispose()
    load = StartupLoad(url, tmp_path / "window-data").start()
    load.import_database_layer()
    db = load.database()
    try:
        assert load.lookups(db) is None  # late: the caller reads them
        load.close()  # returns although the worker is still reading
        assert load._thread.is_alive()
    finally:
        release.set()
        load._thread.join(10)
        db.dispose()


def test_a_file_held_by_another_program_is_refused_as_busy_not_as_damaged(
        seeded_db: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Another program (a database viewer, say) holds the file's SQLite lock past the busy
    timeout: the start says the file is in use. Taking the check's "database is locked" for
    damage would offer to restore a backup over a sound file."""
    import subprocess
    import sys
    import textwrap

    from proposal_desk.storage import file_check
    from proposal_desk.storage.errors import DatabaseOpenError
    from proposal_desk.storage.integrity import DamagedDatabaseError

    monkeypatch.setattr(file_check, "BUSY_TIMEOUT_S", 0.1)  # instead of 10 s
    path = seeded_db.sqlite_path
    seeded_db.dispose()
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import sqlite3, sys
        conn = sqlite3.connect({str(path)!r}, isolation_level=None)
        conn.execute("PRAGMA locking_mode=EXCLUSIVE")
        conn.execute("BEGIN EXCLUSIVE")
        conn.execute("UPDATE setting SET key = key")
        print("held", flush=True)
        sys.stdin.read()
    """)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        before = path.read_bytes()
        load = StartupLoad(f"sqlite:///{path}", tmp_path / "window-data", quick=True).start()
        assert load.quick_snapshot() is None
        load.import_database_layer()
        with pytest.raises(DatabaseOpenError) as raised:
            load.database()
        load.close()
        assert not isinstance(raised.value, DamagedDatabaseError)
        assert "正被另一个程序占用" in str(raised.value)
        assert path.read_bytes() == before
    finally:
        holder.communicate("", timeout=30)



def test_a_whole_file_check_that_fails_to_run_leaves_the_check_to_the_opening(
        seeded_db: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(self: StartupLoad) -> Any:
        raise RuntimeError("the check's thread went away")

    monkeypatch.setattr(StartupLoad, "_whole_findings", broken)
    checks: list[Path] = []
    from proposal_desk.storage import database

    check_on_open = database._check_file  # integrity.check_on_open, as the Database calls it
    monkeypatch.setattr(database, "_check_file",
                        lambda path, backups: (checks.append(path), check_on_open(path, backups)))
    path = seeded_db.sqlite_path
    seeded_db.dispose()
    load = StartupLoad(f"sqlite:///{path}", tmp_path / "window-data", quick=True).start()
    db = None
    try:
        snap = load.quick_snapshot()
        assert snap is not None and len(snap.rows) == 3
        load.import_database_layer()
        db = load.database()  # opened, the Database's own check run instead
        assert checks == [path]
    finally:
        load.close()
        if db is not None:
            db.dispose()


def test_a_fault_in_the_worker_is_raised_by_database_never_a_hang(
        seeded_db: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def fault(self: StartupLoad, _checked: Any) -> None:
        raise RuntimeError("a fault of ours")

    monkeypatch.setattr(StartupLoad, "_check_whole_file", fault)
    path = seeded_db.sqlite_path
    seeded_db.dispose()
    load = StartupLoad(f"sqlite:///{path}", tmp_path / "window-data", quick=True).start()
    try:
        assert load.quick_snapshot() is not None
        load.import_database_layer()
        with pytest.raises(RuntimeError, match="a fault of ours"):
            load.database()  # open_with_recovery shows it as a message
        assert load.lookups(seeded_db) is None
    finally:
        load.close()
    assert not load._thread.is_alive()


def test_a_small_file_is_checked_whole_after_the_paint_and_damage_still_refuses_it(
        seeded_db: Any, tmp_path: Path) -> None:
    """The whole file's check of a small file waits for the window's paint
    (begin_whole_check); the opening still waits for it, and damage it finds outside the
    tables read refuses the file untouched (the window hides for the dialog: QuickOpening)."""
    import sqlite3 as sqlite

    from proposal_desk.storage.integrity import DamagedDatabaseError

    path = seeded_db.sqlite_path
    seeded_db.dispose()
    conn = sqlite.connect(path)
    root, size = conn.execute("SELECT rootpage, (SELECT page_size FROM pragma_page_size) "
                              "FROM sqlite_master WHERE name = 'audit_log'").fetchone()
    conn.close()
    with path.open("r+b") as fh:  # damage in a table the quick read does not use
        fh.seek((root - 1) * size)
        fh.write(b"\xff" * 64)
    damaged = path.read_bytes()
    load = StartupLoad(f"sqlite:///{path}", tmp_path / "window-data", quick=True).start()
    try:
        snap = load.quick_snapshot()
        assert snap is not None and len(snap.rows) == 3  # shown: its tables are sound
        assert load._whole is None  # nothing checks the whole file before the paint
        load.begin_whole_check()  # the window is painted
        load.import_database_layer()
        with pytest.raises(DamagedDatabaseError):
            load.database()
        assert load.damaged
    finally:
        load.close()
    assert path.read_bytes() == damaged
