"""The Qt binding itself: PySide6 6.12.0 on Python 3.11 lowered None's reference count on
every call of a void Qt method, so a day's work in the window ended in a crash
(`none_dealloc`). pyproject.toml keeps the binding below it; this test says when a release
that is allowed has the fault."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtWidgets import QLabel


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12")
def test_calling_void_qt_methods_keeps_nones_reference_count(qtbot) -> None:  # type: ignore[no-untyped-def]
    label = QLabel()
    qtbot.addWidget(label)
    calls = 2_000
    before = sys.getrefcount(None)
    for _ in range(calls):
        label.setText("第144009号")
        label.setToolTip("")
    lost = before - sys.getrefcount(None)
    assert lost < calls // 10, f"PySide6 lost {lost} references to None in {2 * calls} calls"
