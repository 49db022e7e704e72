"""Starting the window: the database file is checked on a worker thread while the program's
modules load, then opened and read there while the window is built (gui/startup_load.py); a
quick start shows data read by plain sqlite3 before the database layer is imported
(tests/gui/test_quick_start.py has the window's side).

What must hold: nothing but SQLite's checks and a read-only read touch a file before the check
passed (a damaged file is refused untouched), the instance lock is held throughout, anything
unusual opens the ordinary way, the worker imports nothing on a normal start, the first paint
needs no database layer, and the start leaves the list, the detail pane, the dialogs and the
documents unimported until they are used.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from safety_support import corrupt

from proposal_desk.gui.startup_load import StartupLoad, plain_sqlite_file
from proposal_desk.storage.instance_lock import InstanceLockedError
from proposal_desk.storage.integrity import DamagedDatabaseError

ROOT = Path(__file__).resolve().parents[2]

# Imported when first used, never by a start that shows the 工作台.
NOT_AT_START = {
    "proposal_desk.gui.proposal_list", "proposal_desk.gui.list_model",
    "proposal_desk.gui.detail.pane", "proposal_desk.gui.detail.reply_tab",
    "proposal_desk.gui.dialogs.import_wizard", "proposal_desk.gui.dialogs.settings_dialog",
    "proposal_desk.gui.dialogs.new_proposal", "proposal_desk.gui.dialogs.conflict_dialog",
    "proposal_desk.gui.forms.ui_damaged_database_dialog",
    "proposal_desk.documents.letters", "proposal_desk.documents.report",
    "proposal_desk.documents.opinions", "proposal_desk.documents.chase",
    "alembic", "docx", "docxtpl", "openpyxl", "python_calamine",
}


def _load(url: str, folder: Path) -> StartupLoad:
    load = StartupLoad(url, folder).start()
    load.import_database_layer()
    return load


def _file_url(db: Any) -> tuple[str, Path]:
    path = db.sqlite_path
    assert path is not None
    return f"sqlite:///{path}", path


def test_a_sound_file_is_checked_opened_and_read_once(seeded_db: Any, tmp_path: Path) -> None:
    url, path = _file_url(seeded_db)
    load = _load(url, tmp_path / "window-data")
    db = load.database()
    try:
        assert load.prechecked
        job = load.snapshot_job(db)
        assert job is not None
        snapshot = job(None)
        assert sorted(r.number for r in snapshot.rows) == ["144009", "144011", "144026"]
        # The window is built with the pick lists the snapshot read: they are read once.
        assert load.lookups(db) is snapshot.lookups
        assert snapshot.lookups.meetings and load.lookups(seeded_db) is None
        # The Database holds the lock now: another program is refused.
        assert _lock_held_elsewhere(path)
    finally:
        load.close()
        db.dispose()
    assert not _lock_held_elsewhere(path)


def test_a_damaged_file_is_refused_untouched(seeded_db: Any, tmp_path: Path) -> None:
    url, path = _file_url(seeded_db)
    seeded_db.dispose()
    corrupt(path)
    before = path.read_bytes()
    load = _load(url, tmp_path / "window-data")
    with pytest.raises(DamagedDatabaseError) as raised:
        load.database()
    load.close()
    assert load.prechecked
    assert raised.value.path == path
    assert path.read_bytes() == before
    assert not _lock_held_elsewhere(path)  # the dialog's restore can take it


def test_a_file_locked_by_another_program_opens_the_ordinary_way(seeded_db: Any,
                                                                 tmp_path: Path) -> None:
    url, path = _file_url(seeded_db)
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import sys, time
            from pathlib import Path
            from proposal_desk.storage.instance_lock import InstanceLock
            InstanceLock.for_database(Path({str(path)!r})).acquire()
            print("held", flush=True)
            sys.stdin.read()
        """)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        load = _load(url, tmp_path / "window-data")
        with pytest.raises(InstanceLockedError):
            load.database()
        load.close()
        assert not load.prechecked
    finally:
        holder.communicate("", timeout=30)


def test_a_database_nobody_took_is_closed(seeded_db: Any, tmp_path: Path) -> None:
    url, path = _file_url(seeded_db)
    load = _load(url, tmp_path / "window-data")
    load.close()  # e.g. another window had it and was asked to come forward
    assert not _lock_held_elsewhere(path)


def test_a_start_that_ends_early_never_opens(seeded_db: Any, tmp_path: Path) -> None:
    url, path = _file_url(seeded_db)
    load = StartupLoad(url, tmp_path / "window-data").start()
    load.close()  # without import_database_layer(): the worker stops after its check
    assert not _lock_held_elsewhere(path)


def test_only_a_plain_file_url_is_checked_before_the_imports() -> None:
    absolute = Path.cwd().resolve() / "office.sqlite3"
    assert plain_sqlite_file(f"sqlite:///{absolute}") == absolute
    assert plain_sqlite_file("sqlite:///office.sqlite3") is None  # relative
    assert plain_sqlite_file(f"sqlite:///{absolute}?mode=ro") is None
    assert plain_sqlite_file("sqlite://") is None
    assert plain_sqlite_file("postgresql+psycopg://office@server/proposals") is None


def _lock_held_elsewhere(path: Path) -> bool:
    """Whether another program would be refused the instance lock (asked from another
    process: within this one the lock is re-entrant)."""
    code = textwrap.dedent(f"""
        from pathlib import Path
        from proposal_desk.storage.instance_lock import InstanceLock
        print(InstanceLock.for_database(Path({str(path)!r})).try_acquire())
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, timeout=60).stdout.strip()
    return out == "False"


def _smoke_start(script: str, url: str) -> dict[str, Any]:
    """`script` run in a fresh interpreter with the database file as its argument; it ends
    with main([... "--smoke-test"]) and prints a JSON line whose "code" must be 0."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run([sys.executable, "-c", script, url.removeprefix("sqlite:///")],
                          capture_output=True, text=True, env=env, timeout=180, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr[-3000:]
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    assert result["code"] == 0
    return result


def test_the_start_imports_nothing_on_the_worker_and_nothing_heavy(
        seeded_db: Any, data_folder: Path) -> None:
    """The real start (--smoke-test) in a fresh interpreter: every module the worker thread
    imports is recorded (two threads importing at once can meet in a circular import), and
    what is loaded when the window is painted and idle is listed."""
    url, _path = _file_url(seeded_db)
    seeded_db.dispose()
    script = textwrap.dedent("""
        import json, sys, threading
        class Recorder:
            seen = []
            def find_spec(self, name, path=None, target=None):
                if threading.current_thread().name == "startup-load":
                    self.seen.append(name)
        sys.meta_path.insert(0, Recorder())
        from proposal_desk.gui import startup_load
        loads = []
        start = startup_load.StartupLoad.start
        startup_load.StartupLoad.start = lambda self: (loads.append(self), start(self))[1]
        from proposal_desk.cli.main import main
        code = main(["--db", sys.argv[1], "--smoke-test"])
        print(json.dumps({"code": code, "worker_imports": Recorder.seen,
                          "prechecked": [load.prechecked for load in loads],
                          "modules": sorted(sys.modules)}))
    """)
    report = _smoke_start(script, url)
    assert report["prechecked"] == [True]
    assert report["worker_imports"] == []
    loaded = set(report["modules"])
    assert "proposal_desk.gui.main_window" in loaded
    assert {m for m in loaded if m in NOT_AT_START or m.split(".")[0] in NOT_AT_START} == set()


def test_the_list_and_detail_pane_are_built_when_first_shown(seeded_db: Any,
                                                             make_window: Any) -> None:
    from proposal_desk.gui.navigation import Target

    window = make_window(seeded_db)
    assert not window.work_area_built()
    assert window.built_detail is None
    window.save_layout()  # on the 工作台 still: nothing built for it
    assert not window.work_area_built()
    window.show_target(Target("view", "all"))
    assert window.work_area_built()
    assert window.list_pane.model.rowCount() == 3
    assert window.built_detail is window.detail


def test_the_dashboard_lists_the_most_urgent_and_links_the_rest(qtbot: Any) -> None:
    import datetime as dt

    from proposal_desk.gui.dashboard import view

    dashboard = view.DashboardView()
    qtbot.addWidget(dashboard)
    today = dt.date(2025, 9, 1)
    rows = [SimpleNamespace(id=n, number=f"{n:05d}", title=f"案由{n}", handler="", section="",
                            due=today - dt.timedelta(days=500 - n))
            for n in range(view.LIST_LIMIT + 30)]
    dashboard._fill_list(dashboard.overdue_tree, rows, today, overdue=True)
    tree = dashboard.overdue_tree
    assert tree.topLevelItemCount() == view.LIST_LIMIT + 1
    assert tree.topLevelItem(0).text(0) == "00000"  # the longest overdue first
    more = tree.topLevelItem(view.LIST_LIMIT)
    assert more.text(1) == "另有 30 件（双击查看全部）"
    with qtbot.waitSignal(dashboard.view_requested) as asked:
        dashboard._open_item(more)
    assert asked.args == ["overdue"]


# What the window's first paint does without (imported lazily, after it, or never).
DATABASE_LAYER_AND_DOCUMENTS = ("sqlalchemy", "alembic", "docx", "docxtpl", "openpyxl",
                                "lxml", "jinja2", "python_calamine")
# Light modules the first paint does without too: each costs milliseconds to import (hashlib:
# OpenSSL; logging.handlers: socket, pickle; argparse's parsers of every command need locale).
NOT_BEFORE_THE_PAINT = {"hashlib", "logging.handlers", "socket", "pickle", "locale"}
# Qt classes whose Python types (created at first use, ~0.5-1 ms each) no first paint needs.
QT_TYPES_NOT_BEFORE_THE_PAINT = {"QMessageBox", "QDialog", "QFileDialog", "QProgressDialog",
                                 "QUrl", "QDesktopServices"}
# Everything a quick start imports before its first paint.
FIRST_PAINT_MODULES = (
    "proposal_desk.cli.main", "proposal_desk.gui.launch", "proposal_desk.gui.app",
    "proposal_desk.gui.startup_load", "proposal_desk.gui.plain_snapshot",
    "proposal_desk.gui.main_window", "proposal_desk.gui.context",
    "proposal_desk.gui.single_instance", "proposal_desk.gui.first_paint",
    "proposal_desk.gui.layout_store", "proposal_desk.startup_probe",
)


def test_what_the_first_paint_needs_imports_no_database_layer() -> None:
    """A fresh interpreter: the window's modules, the start and the quick first read load
    neither SQLAlchemy nor any document or spreadsheet library (so a change cannot quietly
    put them back in front of the first paint)."""
    code = textwrap.dedent(f"""
        import importlib, json, sys
        for name in {FIRST_PAINT_MODULES!r}:
            importlib.import_module(name)
        print(json.dumps(sorted(sys.modules)))
    """)
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr[-3000:]
    loaded = set(json.loads(proc.stdout.strip().splitlines()[-1]))
    assert "PySide6.QtWidgets" in loaded
    assert {m for m in loaded if m.split(".")[0] in DATABASE_LAYER_AND_DOCUMENTS} == set()


def test_a_quick_start_paints_its_data_before_the_database_layer_loads(
        seeded_db: Any, data_folder: Path) -> None:
    """The real start (--smoke-test) on a sound file of this version: the window is first
    painted with the data while no SQLAlchemy is loaded; the smoke test still ends only
    once the database is open (the probe's report says so)."""
    url, _path = _file_url(seeded_db)
    seeded_db.dispose()
    script = textwrap.dedent("""
        import json, sys
        from proposal_desk.gui import first_paint
        seen = {}
        init = first_paint.PaintWatch.__init__
        def watched(self, window, on_quiet, **kw):
            def quiet(when):
                seen.setdefault("modules", sorted(sys.modules))
                from PySide6 import QtCore, QtGui, QtWidgets
                seen.setdefault("qt_types", sorted(
                    name for module in (QtCore, QtGui, QtWidgets) for name in vars(module)))
                seen.setdefault("rows", len(window.snapshot.rows) if window.snapshot else 0)
                seen.setdefault("db_ready", window.ctx.db_ready)
                on_quiet(when)
            init(self, window, quiet, **kw)
        first_paint.PaintWatch.__init__ = watched
        from proposal_desk import startup_probe
        reports = []
        watch = startup_probe.watch
        def probe(window, **kw):
            on_ready = kw.pop("on_ready", None)
            def ready(info):
                import gc
                reports.append({**info, "db_ready": window.ctx.db_ready,
                                "gc": gc.isenabled()})
                if on_ready is not None:
                    on_ready(info)
            watch(window, on_ready=ready, **kw)
        startup_probe.watch = probe
        from proposal_desk.cli.main import main
        code = main(["--db", sys.argv[1], "--smoke-test"])
        print(json.dumps({"code": code, "seen": seen, "reports": reports}))
    """)
    result = _smoke_start(script, url)
    seen = result["seen"]
    assert seen["rows"] == 3 and not seen["db_ready"]
    assert {m for m in seen["modules"]
            if m.split(".")[0] in DATABASE_LAYER_AND_DOCUMENTS} == set()
    assert set(seen["modules"]) & NOT_BEFORE_THE_PAINT == set()
    assert set(seen["qt_types"]) & QT_TYPES_NOT_BEFORE_THE_PAINT == set()
    assert "QMainWindow" in seen["qt_types"]
    [report] = result["reports"]
    assert report["quick_start"] and report["db_ready"] and report["rows"] == 3
    assert report["gc"]  # paused for the start only, until the first paint
    assert report["painted_at"] <= report["ready_at"]


def test_an_ordinary_start_puts_the_settings_user_into_the_audit_log(
        seeded_db: Any, data_folder: Path) -> None:
    """The start the ordinary way (no quick start) hands the lookups it read to the window's
    context: the Database writes audit rows as the 当前使用人 of the settings from the start,
    before the window's first snapshot arrives; the pick lists are read once, by the worker's
    snapshot (a fallback read by the context would also apply the user)."""
    from proposal_desk.storage.settings_store import set_value

    with seeded_db.transaction() as session:
        set_value(session, "user.name", "李秘书")
    url, _path = _file_url(seeded_db)
    seeded_db.dispose()
    script = textwrap.dedent("""
        import json, sys
        from proposal_desk.gui import main_window, startup_load
        init = startup_load.StartupLoad.__init__
        def ordinary(self, *args, **kwargs):
            init(self, *args, **{**kwargs, "quick": False})
        startup_load.StartupLoad.__init__ = ordinary
        from proposal_desk.gui.lookups import Lookups
        reads = []
        read = Lookups.read.__func__
        Lookups.read = classmethod(lambda cls, session: reads.append(1) or read(cls, session))
        users = []
        reads_before = []
        reload = main_window.MainWindow.reload
        def recording(self, *args, **kwargs):
            users.append(self.ctx.db.user)
            reads_before.append(len(reads))
            return reload(self, *args, **kwargs)
        main_window.MainWindow.reload = recording
        from proposal_desk.cli.main import main
        code = main(["--db", sys.argv[1], "--smoke-test"])
        print(json.dumps({"code": code, "users": users, "reads_before": reads_before}))
    """)
    report = _smoke_start(script, url)
    assert report["users"][:1] == ["李秘书"]
    assert report["reads_before"][:1] == [1]  # the worker's snapshot; the window took its lists
