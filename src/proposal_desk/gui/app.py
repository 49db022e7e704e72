"""Starting the window: `proposal-desk` (default database), `proposal-desk --demo` (a separate
demo database, filled on first use) and `--smoke-test` (start, show the data, exit 0)."""

from __future__ import annotations

import argparse
import logging
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING

# Only Qt and light modules here: the database layer (SQLAlchemy, the models, the queries) is
# imported on a worker thread while the application starts (gui/startup_load.py).
from PySide6.QtCore import QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtWidgets import QApplication

from proposal_desk import APP_ID, APP_NAME, __version__, logs, paths
from proposal_desk.gui import errors
from proposal_desk.gui.icons import icon
from proposal_desk.gui.startup_load import StartupLoad

if TYPE_CHECKING:
    from proposal_desk.gui.main_window import MainWindow
    from proposal_desk.storage.backup import RestoreResult
    from proposal_desk.storage.database import Database

log = logging.getLogger(__name__)

SMOKE_TIMEOUT_MS = 120_000
EXIT_OPEN_FAILED = 2


def make_application() -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    app.setApplicationName(APP_ID)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setWindowIcon(icon("app"))
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    _load_qt_translations(app)
    return app


def _load_qt_translations(app: QApplication) -> None:
    """Qt's own words (file dialogs, 复制/粘贴 menus) in Chinese."""
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name in ("qtbase_zh_CN", "qt_zh_CN"):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            return


def data_folder_for(demo: bool) -> Path:
    return paths.demo_data_dir() if demo else paths.data_dir()


def open_database(url: str, data_folder: Path) -> Database:
    """The window's database, opened on this thread (for scripts: take_screenshots.py)."""
    from proposal_desk.gui.database_open import open_database as open_window_database

    return open_window_database(url, data_folder)


def is_empty(db: Database) -> bool:
    from sqlalchemy import func, select

    from proposal_desk.storage.models import Proposal

    with db.session() as session:
        return not session.scalar(select(func.count()).select_from(Proposal))


def fill_demo_in_background(window: MainWindow) -> None:
    from proposal_desk.demo import fill_demo
    from proposal_desk.gui import operations

    db = window.ctx.db
    operations.run_in_background(
        window, lambda progress: fill_demo(db, progress=progress),
        label="首次使用演示数据库：正在填入演示数据…",
        on_success=lambda _n: window.reload())


def run_gui(args: argparse.Namespace) -> int:
    logs.setup_logging()
    demo = bool(getattr(args, "demo", False))
    smoke = bool(getattr(args, "smoke_test", False))
    folder = data_folder_for(demo)
    url = paths.database_url(getattr(args, "db", None), demo=demo)
    # First of all, on a worker thread: the database file's check (while the modules load
    # here), then its opening and the first read (while the window is built).
    load = StartupLoad(url, folder, read_snapshot=not demo).start()
    try:
        return _run(load, url, folder, demo=demo, smoke=smoke)
    finally:
        load.close()


def _run(load: StartupLoad, url: str, folder: Path, *, demo: bool, smoke: bool) -> int:
    from proposal_desk.gui.single_instance import InstanceServer, acquire

    app = make_application()
    server: InstanceServer | None = acquire(url)
    if server is None:
        log.info("another window holds %s; it was asked to come forward", url)
        if not smoke:
            return 0
    previous_hooks = (sys.excepthook, threading.excepthook)
    errors.install()
    try:
        load.import_database_layer()
        from proposal_desk.gui import operations
        from proposal_desk.gui.context import AppContext
        from proposal_desk.gui.database_open import open_with_recovery
        from proposal_desk.gui.layout_store import LayoutStore
        from proposal_desk.gui.main_window import MainWindow

        # A damaged, locked or newer database gets a dialog (a damaged one: restore a backup),
        # never a traceback and never a new empty database in its place.
        opened = open_with_recovery(url, folder, interactive=not smoke,
                                    first_attempt=load.database)
        if opened is None:
            return EXIT_OPEN_FAILED
        db = opened.db
        ctx = AppContext(db=db, layout=LayoutStore(folder), data_folder=folder, demo=demo)
        ctx.refresh_lookups()
        window = MainWindow(ctx)
        if server is not None:
            server.activate_requested.connect(window.bring_forward)
        window.show()
        if opened.restored is not None:
            _tell_restored(window, opened.restored)
        if demo and is_empty(db):
            fill_demo_in_background(window)
        else:
            window.reload(read=load.snapshot_job(db))
        if not _report_start(window, app if smoke else None) and smoke:
            _exit_when_idle(app, window)
        code = app.exec()
        operations.wait_all()
        ctx.db.dispose()  # a restore in the window may have replaced the first one
        return int(code)
    finally:
        if server is not None:
            server.close()
        sys.excepthook, threading.excepthook = previous_hooks


def _tell_restored(window: MainWindow, result: RestoreResult) -> None:
    from proposal_desk.gui import messages

    kept = f"\n损坏的原文件已保存为：{result.previous.path}" if result.previous else ""
    messages.notice(window, "已用备份恢复", f"数据库已用备份恢复：\n{result.restored_from}",
                    informative=f"这份备份之后所做的修改需要重新录入。{kept}")


def _report_start(window: MainWindow, quit_app: QApplication | None) -> bool:
    """Tell the start-up benchmark when the window is painted with its data (when it asks),
    and for --smoke-test quit then. False when the probe is not part of this build."""
    try:
        from proposal_desk import startup_probe
    except ImportError:
        return False
    from proposal_desk.gui import operations

    def ready(_info: object) -> None:
        if quit_app is not None:
            window.save_layout()
            quit_app.exit(0)

    startup_probe.watch(
        window, rows=lambda: len(window.snapshot.rows) if window.snapshot else 0,
        is_idle=lambda: window.snapshot is not None and operations.idle(),
        on_ready=ready if quit_app is not None else None)
    return True


def _exit_when_idle(app: QApplication, window: MainWindow) -> None:
    """--smoke-test: once the data is shown and nothing runs in the background, quit with 0."""
    from proposal_desk.gui import operations

    state = {"loaded": False}

    def loaded() -> None:
        state["loaded"] = True

    def check() -> None:
        if state["loaded"] and operations.idle():
            log.info("smoke test: window shown with %d rows",
                     len(window.snapshot.rows) if window.snapshot else 0)
            # As closing would, without a close: a last-window-closed quit posted after the
            # loop ended would leave the application refusing every later event loop.
            window.save_layout()
            app.exit(0)
        else:
            QTimer.singleShot(100, check)

    def give_up() -> None:
        log.error("smoke test: the window did not become idle in time")
        app.exit(1)

    window.loaded.connect(loaded)
    QTimer.singleShot(100, check)
    QTimer.singleShot(SMOKE_TIMEOUT_MS, give_up)
