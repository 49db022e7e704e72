"""first_paint.PaintWatch: the window painted, then the event loop quiet. It watches the window
and its native window only; a child's update() or repaint() still counts as a paint."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QRect
from PySide6.QtGui import QExposeEvent, QRegion
from PySide6.QtWidgets import QLabel, QMainWindow, QVBoxLayout, QWidget

from proposal_desk.gui.first_paint import PaintWatch

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.mark.parametrize("watch_before_show", [False, True])
def test_paints_of_children_count_and_quiet_is_reported_once(qtbot: Any,
                                                             watch_before_show: bool) -> None:
    window = QMainWindow()
    inner = QWidget()
    label = QLabel("办理中")
    QVBoxLayout(inner).addWidget(label)
    window.setCentralWidget(inner)
    qtbot.addWidget(window)
    quiet: list[float] = []
    busy = {"on": True}
    watch = None
    if watch_before_show:
        watch = PaintWatch(window, quiet.append, is_idle=lambda: not busy["on"])
    window.show()
    if watch is None:
        watch = PaintWatch(window, quiet.append, is_idle=lambda: not busy["on"])
    qtbot.waitUntil(lambda: watch.paints > 0, timeout=5000)
    assert watch.handle is not None
    for paint in (label.update, label.repaint):
        before = watch.paints
        paint()
        qtbot.waitUntil(lambda before=before: watch.paints > before, timeout=5000)
    assert not quiet  # still busy
    busy["on"] = False
    qtbot.waitUntil(lambda: bool(quiet), timeout=5000)
    label.update()
    qtbot.wait(50)
    assert len(quiet) == 1 and watch.done  # stopped: watches no more


def test_an_expose_of_the_native_window_counts_as_a_paint(qtbot: Any) -> None:
    """An Expose goes to the native window (QWindow), not to the widget: a window uncovered
    or shown again may be answered from its backing store, the widget seeing no Paint, so
    the watch must see the handle's events too."""
    window = QMainWindow()
    window.setCentralWidget(QLabel("办理中"))
    qtbot.addWidget(window)
    watch = PaintWatch(window, lambda _when: None, is_idle=lambda: False)  # never quiet
    window.show()
    qtbot.waitUntil(lambda: watch.paints > 0, timeout=5000)
    handle = window.windowHandle()
    assert watch.handle is handle
    before = watch.paints
    QCoreApplication.sendEvent(handle, QExposeEvent(QRegion(QRect(0, 0, 10, 10))))
    assert watch.paints == before + 1
    watch.stop()
