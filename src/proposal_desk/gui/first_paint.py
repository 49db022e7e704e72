"""Noticing that a window has been painted and the event loop has gone quiet: the moment a
quick start hands the UI thread over to loading the database layer (gui/app.py), and the
first moment the start-up probe reports (startup_probe.py)."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

_PAINT = QEvent.Type.Paint
QUIET_TURNS = 2  # event-loop turns without a paint before we call it quiet
POLL_MS = 10


class PaintWatch(QObject):
    """Calls `on_quiet(when)` (time.time()) once `window` has been painted and then
    QUIET_TURNS turns of the event loop passed without a paint while `is_idle()` held."""

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
        app = QApplication.instance()
        assert app is not None, "PaintWatch needs the QApplication"
        app.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        # Called for every event of the application: the cheapest test first.
        if (event.type() == _PAINT and obj.isWidgetType()
                and obj.window() is self.window):  # type: ignore[attr-defined]
            self.paints += 1
            if self.paints == 1:
                QTimer.singleShot(0, self.check)
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
        filter left on the application would outlive the window)."""
        self.done = True
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
