"""The quick start (gui/app.py `quick_window`, `QuickOpening`): the window is shown with data
read by plain sqlite3 before the database is opened. Until the database is handed over, what
needs it is disabled or waits for it, nothing is written, and damage found by the check of the
whole file (run while the window is shown) gets the damaged-database dialog, as at an ordinary
start, with the window hidden."""

from __future__ import annotations

import argparse
import gc
import sqlite3
import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication
from safety_support import corrupt_table

from proposal_desk.gui.app import EXIT_OPEN_FAILED, quick_window, run_gui
from proposal_desk.gui.database_open import DamagedDatabaseDialog
from proposal_desk.gui.main_window import MainWindow
from proposal_desk.gui.startup_load import StartupLoad


def answer(kind: type, step: Any) -> list[str]:
    """Run `step` on the first visible dialog of `kind` (it runs its own event loop)."""
    from PySide6.QtCore import QTimer

    seen: list[str] = []

    def poll() -> None:
        found = next((w for w in QApplication.topLevelWidgets()
                      if isinstance(w, kind) and w.isVisible()), None)
        if found is None:
            QTimer.singleShot(10, poll)
            return
        seen.append(found.windowTitle())
        step(found)

    QTimer.singleShot(0, poll)
    return seen


def _file(db: Any) -> tuple[str, Path]:
    path = db.sqlite_path
    assert path is not None
    db.dispose()
    return f"sqlite:///{path}", path


def test_the_window_shows_the_data_and_waits_for_the_database(
        seeded_db: Any, qtbot: Any, qapp: Any, tmp_path: Path) -> None:
    url, path = _file(seeded_db)
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    load = StartupLoad(url, tmp_path / "window-data", quick=True).start()
    window = None
    try:
        snap = load.quick_snapshot()
        assert snap is not None and len(snap.rows) == 3
        window, _opening = quick_window(qapp, load, snap, url, tmp_path / "window-data",
                                        demo=False, interactive=False)
        qtbot.addWidget(window)
        window.show()
        assert window.snapshot is snap
        assert not window.ctx.db_ready
        assert not any(a.isEnabled() for a in window.database_actions())
        assert not window.documents.report_action.isEnabled()
        assert "正在打开数据库" in window.status_db.text()
        assert (path.read_bytes(), path.stat().st_mtime_ns) == before  # nothing written
        # A proposal's detail needs the database: it waits for the opening, then shows.
        wanted = snap.rows[0].id
        window.open_proposal(wanted)
        assert window.ctx.db_ready
        assert window.detail.proposal_id == wanted
        assert all(a.isEnabled() for a in window.database_actions())
        assert "正在打开数据库" not in window.status_db.text()
        assert QApplication.overrideCursor() is None
    finally:
        load.close()
        if window is not None and window.ctx.db_ready:
            window.ctx.db.dispose()


@pytest.mark.parametrize("found", ["while shown", "before the read ended"])
def test_damage_found_by_the_check_of_the_whole_file_gets_the_dialog(
        seeded_db: Any, qapp: Any, data_folder: Path, monkeypatch: pytest.MonkeyPatch,
        found: str) -> None:
    """The damage is in a table the first read does not use: found by the whole file's
    check, which runs beside the read. Found before the read ended: the ordinary start, no
    window; found later: the window hides, then the dialog. Never data behind the dialog."""
    from proposal_desk.gui import startup_load

    _url, path = _file(seeded_db)
    check, read = startup_load.file_check.quick_check_file, startup_load.read_plain_snapshot

    def slow_check(*args: Any, **kw: Any) -> list[str]:
        if not kw.get("tables"):
            time.sleep(0.5)
        return check(*args, **kw)

    def slow_read(*args: Any, **kw: Any) -> Any:
        time.sleep(0.5)
        return read(*args, **kw)

    if found == "while shown":
        monkeypatch.setattr(startup_load.file_check, "quick_check_file", slow_check)
    else:
        monkeypatch.setattr(startup_load, "read_plain_snapshot", slow_read)
        # As with a large file: its whole check runs beside the read, not after the paint.
        monkeypatch.setattr(startup_load, "CHECK_AFTER_PAINT_MAX_BYTES", 0)
    shown: list[int] = []
    windows: list[MainWindow] = []
    show = MainWindow.show_snapshot
    monkeypatch.setattr(MainWindow, "show_snapshot", lambda self, snap: (
        shown.append(len(snap.rows)), windows.append(self), show(self, snap)))
    frozen_after_refusal: list[int] = []  # freeze counts when the quick read was refused
    quick = StartupLoad.quick_snapshot

    def recording_quick(self: StartupLoad) -> Any:
        snap = quick(self)
        if snap is None:
            frozen_after_refusal.append(gc.get_freeze_count())
        return snap

    monkeypatch.setattr(StartupLoad, "quick_snapshot", recording_quick)
    corrupt_table(path, "audit_log")  # the tables the quick read uses stay sound
    damaged = path.read_bytes()
    windows_visible: list[bool] = []

    def quit_dialog(dialog: DamagedDatabaseDialog) -> None:
        windows_visible.append(any(w.isVisible() for w in windows))
        dialog.ui.quitButton.click()

    seen = answer(DamagedDatabaseDialog, quit_dialog)
    args = argparse.Namespace(db=str(path), demo=False, smoke_test=False)
    assert run_gui(args) == EXIT_OPEN_FAILED
    assert gc.isenabled()  # the start's pause of garbage collection ends with it
    assert len(seen) == 1 and "数据库文件已损坏" in seen[0]
    assert shown == ([3] if found == "while shown" else [])
    # Damage found before the read ended: its frozen rows are thawed before the dialog.
    assert frozen_after_refusal == ([] if found == "while shown" else [0])
    assert windows_visible == [False]  # the data is not left showing behind the dialog
    assert path.read_bytes() == damaged  # nothing written to the damaged file


def test_an_old_schema_or_an_empty_demo_starts_the_ordinary_way(seeded_db: Any,
                                                                 tmp_path: Path) -> None:
    from proposal_desk.storage.database import Database

    empty = tmp_path / "demo.sqlite3"
    Database(f"sqlite:///{empty}").dispose()
    for demo, expected in ((True, None), (False, 0)):
        load = StartupLoad(f"sqlite:///{empty}", tmp_path / "d", quick=True, demo=demo).start()
        snap = load.quick_snapshot()
        load.close()
        assert load.prechecked
        assert (snap if snap is None else len(snap.rows)) == expected
    url, path = _file(seeded_db)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0000'")
    conn.close()
    load = StartupLoad(url, tmp_path / "d", quick=True).start()
    assert load.quick_snapshot() is None  # migrated by the ordinary opening, backed up first
    load.close()
    assert load.prechecked


def test_a_quick_read_keeps_its_rows_out_of_collection_until_the_paint(
        seeded_db: Any, tmp_path: Path) -> None:
    """The rows read before the paint are frozen as the read ends (no collection walks them
    on the way to the paint), and thawed after it (resume_gc) or at the latest by close(); a
    start that cannot use its quick read leaves nothing frozen, and the collector on."""
    from proposal_desk.gui.startup_load import resume_gc

    url, path = _file(seeded_db)
    for thaw in (resume_gc, lambda: None):
        assert gc.get_freeze_count() == 0
        load = StartupLoad(url, tmp_path / "d", quick=True).start()
        try:
            assert load.quick_snapshot() is not None
            assert gc.get_freeze_count() > 0 and gc.isenabled()
            thaw()
        finally:
            load.close()
        assert gc.get_freeze_count() == 0
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0000'")
    conn.close()
    load = StartupLoad(url, tmp_path / "d", quick=True).start()
    try:
        assert load.quick_snapshot() is None
        assert gc.get_freeze_count() == 0 and gc.isenabled()
    finally:
        load.close()


def test_waiting_for_the_database_off_the_ui_thread_is_a_programming_error(
        qapp: Any, tmp_path: Path) -> None:
    """Jobs take the database on the UI thread before they start: `wait()` on another thread is
    a bug (RuntimeError, logged as internal), not something to tell the user."""
    import threading

    from proposal_desk.gui.app import QuickOpening
    from proposal_desk.storage.errors import UserError

    opening = QuickOpening(qapp, None, None, "sqlite://", tmp_path,  # type: ignore[arg-type]
                           interactive=False)
    raised: list[BaseException] = []

    def call() -> None:
        try:
            opening.wait()
        except BaseException as exc:  # the test looks at what came out
            raised.append(exc)

    thread = threading.Thread(target=call)
    thread.start()
    thread.join()
    assert len(raised) == 1
    assert isinstance(raised[0], RuntimeError) and not isinstance(raised[0], UserError)
