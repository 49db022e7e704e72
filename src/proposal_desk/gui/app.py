"""Starting the window: `proposal-desk` (default database), `proposal-desk --demo` (a separate
demo database, filled on first use) and `--smoke-test` (start, show the data, exit 0 once the
database is open and nothing runs).

Two ways (gui/startup_load.py decides): a quick start shows the window with data read by plain
sqlite3 and hands it the database once the database layer is loaded and the file opened
(`_run_quick`, `QuickOpening`); the ordinary start opens the database first, with its dialogs,
then shows the window."""

from __future__ import annotations

import logging
import sys
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

# Only Qt and light modules here: the database layer (SQLAlchemy, the models, the queries) is
# imported after the window's first paint on a quick start, else before the window is built.
from PySide6.QtCore import QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtWidgets import QApplication

from proposal_desk import APP_ID, APP_NAME, __version__
from proposal_desk.gc_pause import resume_gc
from proposal_desk.gui import errors
from proposal_desk.gui.icons import icon
from proposal_desk.gui.launch import run_gui  # noqa: F401 - the start, from here too
from proposal_desk.gui.startup_load import StartupLoad

if TYPE_CHECKING:
    from collections.abc import Callable

    from proposal_desk.gui.context import AppContext
    from proposal_desk.gui.main_window import MainWindow
    from proposal_desk.gui.single_instance import InstanceServer
    from proposal_desk.gui.snapshot import Snapshot
    from proposal_desk.storage.backup import RestoreResult
    from proposal_desk.storage.database import Database

log = logging.getLogger(__name__)

SMOKE_TIMEOUT_MS = 120_000
EXIT_OPEN_FAILED = 2
BEGIN_ANYWAY_MS = 3000  # a quick start opens the database by then even without a paint
HAND_OVER_WAIT_S = 2.0  # a window started a moment before answers once painted


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


def run_window(load: StartupLoad, url: str, folder: Path, *, demo: bool, smoke: bool) -> int:
    """The window, once gui/launch.py has started `load` (run_gui: the whole start).

    One window per database (gui/single_instance.py): a quick start holds the file's instance
    lock, so no other window of ours has it open, and it starts answering later starts only
    once painted (QtNetwork and the local server, ~8 ms, after the paint); any other start
    first asks a running window to come forward, before anything is opened."""
    app = make_application()
    servers: list[InstanceServer] = []  # closed as the start ends
    previous_hooks = (sys.excepthook, threading.excepthook)
    errors.install()
    try:
        from proposal_desk.gui.main_window import MainWindow  # no database layer (light)

        quick = load.quick_snapshot()  # its rows already frozen (startup_load.freeze_gc)
        if quick is not None:
            return _run_quick(app, load, quick, url, folder, servers, demo=demo, smoke=smoke)
        server = _hand_over_or_serve(url, waiting=load.locked_elsewhere)
        if server is None:
            log.info("another window holds %s; it was asked to come forward", url)
            if not smoke:
                return 0
        else:
            servers.append(server)
        load.import_database_layer()
        from proposal_desk.gui import operations
        from proposal_desk.gui.context import AppContext
        from proposal_desk.gui.database_open import open_with_recovery
        from proposal_desk.gui.layout_store import LayoutStore

        # A damaged, locked or newer database gets a dialog (a damaged one: restore a backup),
        # never a traceback and never a new empty database in its place.
        opened = open_with_recovery(url, folder, interactive=not smoke,
                                    first_attempt=load.database)
        if opened is None:
            return EXIT_OPEN_FAILED
        db = opened.db
        ctx = AppContext(db=db, layout=LayoutStore(folder), data_folder=folder, demo=demo)
        lookups = load.lookups(db)  # read first by the snapshot being read: not read twice
        if lookups is None:
            _read_lookups(ctx)
        else:
            ctx.use_lookups(lookups)
        window = MainWindow(ctx)
        if server is not None:
            server.activate_requested.connect(window.bring_forward)
        window.show()
        _note_painted(window, is_idle=lambda: window.snapshot is not None and operations.idle())
        if opened.restored is not None:
            _tell_restored(window, opened.restored)
        if demo and is_empty(db):
            fill_demo_in_background(window)
        else:
            window.reload(read=load.snapshot_job(db))
        if not _report_start(window, app if smoke else None) and smoke:
            _exit_when_idle(app, window)
        code = app.exec()
        _stop_watching(window)
        operations.wait_all()
        ctx.db.dispose()  # a restore in the window may have replaced the first one
        return int(code)
    finally:
        for server in servers:
            server.close()
        sys.excepthook, threading.excepthook = previous_hooks


def _hand_over_or_serve(url: str, *, waiting: bool) -> InstanceServer | None:
    """None when a window of ours already has `url` (it was asked to come forward), else the
    server that answers later starts. `waiting`: the file's lock is held elsewhere, perhaps by
    a window started a moment ago (a double click twice) that answers once painted: it gets
    HAND_OVER_WAIT_S to answer before this start goes on (to the lock's message)."""
    from proposal_desk.gui.single_instance import acquire, notify_running, server_name

    if waiting:
        name = server_name(url)
        deadline = time.monotonic() + HAND_OVER_WAIT_S
        while time.monotonic() < deadline:
            if notify_running(name):
                return None
            time.sleep(0.05)
    return acquire(url)


def _serve_later(window: MainWindow, url: str, servers: list[InstanceServer]) -> None:
    """A quick start's server for later starts, once its window is painted."""
    server = _hand_over_or_serve(url, waiting=False)
    if server is None:  # a window of ours without the file (one still in an opening dialog)
        log.warning("another window answers for %s; this one goes on without", url)
        return
    servers.append(server)
    server.activate_requested.connect(window.bring_forward)


def _read_lookups(ctx: AppContext) -> None:
    """The pick lists read on the UI thread, when the start's worker did not give them. If
    this fails too, the window is built with empty ones: the first load, which brings its own
    or shows what went wrong, is not held up by them."""
    try:
        ctx.refresh_lookups()
    except Exception:
        log.warning("the pick lists could not be read before the window", exc_info=True)


def _run_quick(app: QApplication, load: StartupLoad, snap: Snapshot, url: str, folder: Path,
               servers: list[InstanceServer], *, demo: bool, smoke: bool) -> int:
    """The quick start: the window is built and shown with the snapshot read by plain sqlite3
    (the check passed, the schema is current); once it is painted, the database layer is
    imported a module per turn of the event loop and the worker opens the database, which is
    then handed to the window (`QuickOpening`)."""
    from proposal_desk.gui import operations

    window, opening = quick_window(app, load, snap, url, folder, demo=demo,
                                   interactive=not smoke)

    def painted(when: float = 0.0) -> None:
        if not opening.begun:  # once: at the paint, or by BEGIN_ANYWAY_MS
            load.begin_whole_check()
            _serve_later(window, url, servers)
        opening.begin(when)

    window.show()
    _note_painted(window, then=painted)
    # A window that is not painted (started minimized, say) gets its database all the same.
    anyway = QTimer(window)
    anyway.setSingleShot(True)
    anyway.timeout.connect(painted)
    anyway.start(BEGIN_ANYWAY_MS)
    if not _report_start(window, app if smoke else None, quick=True) and smoke:
        _exit_when_idle(app, window)
    code = app.exec()
    anyway.stop()
    opening.ended = True
    _stop_watching(window)
    operations.wait_all()
    if opening.failed:
        code = EXIT_OPEN_FAILED
    if window.ctx.db_ready:
        window.ctx.db.dispose()  # a restore in the window may have replaced the first one
    return int(code)


def quick_window(app: QApplication, load: StartupLoad, snap: Snapshot, url: str,
                 folder: Path, *, demo: bool, interactive: bool
                 ) -> tuple[MainWindow, QuickOpening]:
    """The main window built on a snapshot read before the database was opened, its
    database actions disabled until `QuickOpening` hands the database over."""
    from proposal_desk.gui.context import AppContext
    from proposal_desk.gui.layout_store import LayoutStore
    from proposal_desk.gui.main_window import MainWindow
    from proposal_desk.gui.startup_load import plain_sqlite_file

    ctx = AppContext(None, LayoutStore(folder), folder, demo=demo, lookups=snap.lookups,
                     location=str(plain_sqlite_file(url)))
    window = MainWindow(ctx)
    opening = QuickOpening(app, window, load, url, folder, interactive=interactive)
    ctx.pending = opening.wait
    window.database_pending()
    window.show_snapshot(snap)
    return window, opening


class QuickOpening:
    """Hands the database to a window shown before it was opened. `begin()` after the first
    paint imports the database layer a module per event-loop turn, then waits (on a pool
    thread) for the worker's opening; `finish()` takes the result through
    `open_with_recovery`, with its usual dialogs. `wait()` (ctx.pending) does all of it at
    once, with a busy cursor, when something needs the database sooner."""

    def __init__(self, app: QApplication, window: MainWindow, load: StartupLoad, url: str,
                 folder: Path, *, interactive: bool) -> None:
        self.app = app
        self.window = window
        self.load = load
        self.url = url
        self.folder = folder
        self.interactive = interactive
        self.begun = False
        self.ended = False  # the event loop has ended: nothing more to start
        self.done = False
        self.failed = False
        self.waiting = False

    def begin(self, _painted_at: float = 0.0) -> None:
        if self.begun or self.ended:
            return
        self.begun = True
        QTimer.singleShot(0, self._import_step)

    def _import_step(self) -> None:
        if self.done or self.waiting or self.ended:
            return
        try:
            finished = self.load.import_next()
        except Exception:
            log.exception("could not import the database layer")
            finished = True  # the worker's opening fails: finish() reports it
        if not finished:
            QTimer.singleShot(0, self._import_step)
            return
        from proposal_desk.gui import operations

        operations.run_in_background(
            self.window, lambda _p: self.load.wait_opened(), label="正在打开数据库…",
            show_progress=False, on_success=lambda _r: self.finish())

    def wait(self) -> Database:
        """ctx.pending: the database now (waiting for the opening), or UserError; RuntimeError
        off the UI thread (a programming error)."""
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QGuiApplication

        if threading.current_thread() is not threading.main_thread():
            # Jobs take the database on the UI thread before they start; never here.
            raise RuntimeError("QuickOpening.wait called off the UI thread")
        if not self.done and not self.waiting:
            self.waiting = True
            QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            self.window.statusBar().showMessage("正在打开数据库…")
            self.window.statusBar().repaint()
            try:
                while True:
                    try:
                        if self.load.import_next():
                            break
                    except Exception:
                        log.exception("could not import the database layer")
                        break
                self.load.wait_opened()
                self.finish()
            finally:
                self.waiting = False
                self.window.statusBar().clearMessage()
                QGuiApplication.restoreOverrideCursor()
        ctx = self.window.ctx
        if not ctx.db_ready:
            from proposal_desk.storage.errors import UserError

            raise UserError("数据库没有打开，程序将退出。")
        return ctx.db

    def finish(self) -> None:
        if self.done or self.ended:
            return
        self.done = True
        from proposal_desk.gui.database_open import open_with_recovery

        window = self.window
        if self.load.damaged:
            # The check of the whole file, run while the window was shown, found damage: the
            # same dialog as an ordinary start, without the data behind it.
            window.hide()
        opened = open_with_recovery(self.url, self.folder, interactive=self.interactive,
                                    first_attempt=self.load.database)
        if opened is None:
            self.failed = True
            window.hide()
            QTimer.singleShot(0, lambda: self.app.exit(EXIT_OPEN_FAILED))
            return
        window.ctx.db = opened.db
        window.ctx.apply_user()
        window.database_ready()
        if opened.restored is not None or not self.load.same_file:
            window.show()
            if opened.restored is not None:
                _tell_restored(window, opened.restored)
            window.database_replaced()  # read again: what was shown came from another file
        log.info("database open: %s", window.ctx.location)


def _stop_watching(window: MainWindow) -> None:
    """The event loop has ended: no event filter of the start may outlive it."""
    watch = window.paint_watch
    if watch is not None:
        watch.stop()  # type: ignore[attr-defined]
    try:
        from proposal_desk import startup_probe
    except ImportError:
        return
    startup_probe.stop_all()


def _note_painted(window: MainWindow, *, is_idle: Callable[[], bool] | None = None,
                  then: Callable[[float], None] | None = None) -> None:
    """Remember when the window was first painted with its data and quiet (the probe reports
    it), and go on with `then`."""
    from proposal_desk.gui.first_paint import PaintWatch

    def quiet(when: float) -> None:
        window.painted_at = when
        resume_gc()  # frozen by the start-up worker (gc_pause.freeze_gc) until the first paint
        if then is not None:
            then(when)

    window.paint_watch = PaintWatch(window, quiet, is_idle=is_idle)


def _tell_restored(window: MainWindow, result: RestoreResult) -> None:
    from proposal_desk.gui import messages

    kept = f"\n损坏的原文件已保存为：{result.previous.path}" if result.previous else ""
    messages.notice(window, "已用备份恢复", f"数据库已用备份恢复：\n{result.restored_from}",
                    informative=f"这份备份之后所做的修改需要重新录入。{kept}")


def _report_start(window: MainWindow, quit_app: QApplication | None, *,
                  quick: bool = False) -> bool:
    """Tell the start-up benchmark when the window is painted with its data (when it asks),
    and for --smoke-test quit then. False when the probe is not part of this build."""
    try:
        from proposal_desk import startup_probe
    except ImportError:
        return False

    def ready(_info: object) -> None:
        if quit_app is not None:
            window.save_layout()
            quit_app.exit(0)

    startup_probe.watch(
        window, rows=lambda: len(window.snapshot.rows) if window.snapshot else 0,
        is_idle=lambda: _all_done(window), on_ready=ready if quit_app is not None else None,
        painted_at=lambda: window.painted_at, quick_start=quick)
    return True


def _all_done(window: MainWindow) -> bool:
    """The data shown, the database open and handed to the window, nothing running."""
    from proposal_desk.gui import operations

    return window.snapshot is not None and window.ctx.db_ready and operations.idle()


def _exit_when_idle(app: QApplication, window: MainWindow) -> None:
    """--smoke-test: once the data is shown and nothing runs in the background, quit with 0."""

    state = {"loaded": window.snapshot is not None}  # a quick start shows it before this

    def loaded() -> None:
        state["loaded"] = True

    def check() -> None:
        if state["loaded"] and _all_done(window):
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
