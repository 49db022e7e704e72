"""Noticing that a window has been painted and the event loop has gone quiet: the moment a
quick start hands the UI thread over to loading the database layer (gui/app.py), and the
first moment the start-up probe reports (startup_probe.py)."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from PySide6.QtGui import QWindow

# What a top-level window's painting goes through: Qt paints all its widgets in one pass of the
# window, started by an Expose of its native window or an UpdateRequest sent to the window (a
# synchronous repaint() sends one too); the window itself gets a Paint in that pass.
_PASS = (QEvent.Type.Paint, QEvent.Type.UpdateRequest, QEvent.Type.Expose)
_SHOW = QEvent.Type.Show
QUIET_TURNS = 2  # event-loop turns without a paint before we call it quiet
POLL_MS = 10


class PaintWatch(QObject):
    """Calls `on_quiet(when)` (time.time()) once `window` has been painted and then
    QUIET_TURNS turns of the event loop passed without a paint while `is_idle()` held.

    It watches the window and its native window, not the whole application: an application
    event filter has each object that gets an event wrapped for Python, which creates the
    types and enums of every Qt class in the window on the way to its first paint (~30 ms
    with the main window)."""

    def __init__(self, window: QWidget, on_quiet: Callable[[float], None], *,
                 is_idle: Callable[[], bool] | None = None) -> None:
        super().__init__()
        self.window = window
        self.on_quiet = on_quiet
        self.is_idle = is_idle
        self.paints = 0
        self.seen_paints = -1
        self.quiet_turns = 0
        self.done = False
        self.handle: QWindow | None = None
        window.installEventFilter(self)
        self._watch_handle()  # not created yet: at its Show

    def _watch_handle(self) -> None:
        handle = self.window.windowHandle()
        if handle is not None and self.handle is None:
            self.handle = handle
            handle.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in _PASS:
            self.paints += 1
            if self.paints == 1:
                QTimer.singleShot(0, self.check)
        elif kind == _SHOW and self.handle is None:
            self._watch_handle()
        return False

    def check(self) -> None:
        if self.done:
            return
        busy = self.is_idle is not None and not self.is_idle()
        if busy or self.paints != self.seen_paints:
            self.seen_paints = self.paints
            self.quiet_turns = 0
            QTimer.singleShot(POLL_MS if busy else 0, self.check)
            return
        self.quiet_turns += 1
        if self.quiet_turns < QUIET_TURNS:
            QTimer.singleShot(0, self.check)
            return
        self.stop()
        self.on_quiet(time.time())

    def stop(self) -> None:
        """Watch no more (also when the start ends before the window went quiet: an event
        filter left behind would outlive the start)."""
        self.done = True
        for watched in (self.window, self.handle):
            if watched is not None and shiboken6.isValid(watched):
                watched.removeEventFilter(self)
