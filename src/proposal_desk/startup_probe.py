"""Notice when the main window has been painted and the program has nothing left to do: the end
point of the start-up benchmark (bench/bench_startup.py) and of the smoke test of the built file.

The GUI calls `watch(window, …)` right after showing its main window. Nothing happens unless
the environment variable PROPOSAL_DESK_STARTUP_STAMP names a file, or an `on_ready` callback is
given (the GUI's --smoke-test exits from it). Then, once the window has been painted and the
event loop has gone quiet, it writes one JSON object to that file:

    {"ready_at": <time.time()>, "title": "...", "visible": true, "rows": 41, ...}

`ready_at` is wall-clock time, so a launcher can subtract the moment it started the process.
Qt is imported inside the functions: importing this module costs nothing at start.
"""

from __future__ import annotations

import json
import logging
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ENV_STAMP = "PROPOSAL_DESK_STARTUP_STAMP"
QUIET_TURNS = 2  # event-loop turns without a paint before we call it idle
POLL_MS = 10

log = logging.getLogger(__name__)
_watchers: list[Any] = []  # keeps the Qt objects alive until they report


def stamp_path() -> Path | None:
    value = os.environ.get(ENV_STAMP)
    return Path(value) if value else None


def wanted() -> bool:
    return stamp_path() is not None


def watch(window: Any, *, rows: Callable[[], int] | None = None,
          is_idle: Callable[[], bool] | None = None,
          on_ready: Callable[[dict[str, Any]], None] | None = None) -> None:
    """Report once `window` (a shown QWidget) is painted and the program is idle.

    rows: how many rows the main list shows (for the smoke test's "with the data" check).
    is_idle: False while background work (loading, a job) is still running.
    on_ready: called with the report, after the stamp file is written.
    """
    if not wanted() and on_ready is None:
        return
    _watchers.append(_Watcher(window, rows, is_idle, on_ready))


def _write_stamp(info: dict[str, Any]) -> None:
    path = stamp_path()
    if path is None:
        return
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(info, ensure_ascii=False), encoding="utf-8")
    tmp.replace(path)  # the launcher never reads a half-written file


class _Watcher:
    def __init__(self, window: Any, rows: Callable[[], int] | None,
                 is_idle: Callable[[], bool] | None,
                 on_ready: Callable[[dict[str, Any]], None] | None) -> None:
        from PySide6.QtCore import QEvent, QObject
        from PySide6.QtWidgets import QApplication

        self.window = window
        self.rows = rows
        self.is_idle = is_idle
        self.on_ready = on_ready
        self.paints = 0
        self.seen_paints = -1
        self.quiet_turns = 0
        self.done = False
        watcher = self

        class PaintFilter(QObject):
            def eventFilter(self, obj: QObject, event: QEvent) -> bool:
                if (event.type() == QEvent.Type.Paint and obj.isWidgetType()
                        and obj.window() is watcher.window):
                    watcher.paints += 1
                    if watcher.paints == 1:
                        watcher.schedule(0)
                return False

        self.filter = PaintFilter()
        app = QApplication.instance()
        assert app is not None, "watch() needs the QApplication"
        app.installEventFilter(self.filter)

    def schedule(self, ms: int) -> None:
        from PySide6.QtCore import QTimer

        QTimer.singleShot(ms, self.check)

    def check(self) -> None:
        if self.done:
            return
        busy = self.is_idle is not None and not self.is_idle()
        if busy or self.paints != self.seen_paints:
            self.seen_paints = self.paints
            self.quiet_turns = 0
            self.schedule(POLL_MS if busy else 0)
            return
        self.quiet_turns += 1
        if self.quiet_turns < QUIET_TURNS:
            self.schedule(0)
            return
        self.report()

    def report(self) -> None:
        from PySide6.QtWidgets import QApplication

        self.done = True
        info: dict[str, Any] = {
            "ready_at": time.time(),
            "title": self.window.windowTitle(),
            "visible": bool(self.window.isVisible()),
            "class": type(self.window).__name__,
            "paints": self.paints,
            "rows": self.rows() if self.rows is not None else None,
            "pid": os.getpid(),
        }
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.filter)
        try:
            _write_stamp(info)
        except OSError:
            log.exception("could not write the start-up stamp")
        log.info("main window painted and idle: %s", info)
        if self in _watchers:
            _watchers.remove(self)
        if self.on_ready is not None:
            self.on_ready(info)
