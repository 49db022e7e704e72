"""startup_probe: the "painted and idle" report the benchmark and the smoke test rely on."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QMainWindow, QTableView

from proposal_desk import startup_probe

# The offscreen platform's note on every top-level window; not a problem of ours.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def make_window(qtbot: Any, rows: int) -> tuple[QMainWindow, QStandardItemModel]:
    window = QMainWindow()
    window.setWindowTitle("提案办理台")
    model = QStandardItemModel(rows, 3)
    view = QTableView()
    view.setModel(model)
    window.setCentralWidget(view)
    qtbot.addWidget(window)
    return window, model


def test_writes_the_stamp_once_painted_and_idle(qtbot: Any, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    stamp = tmp_path / "stamp.json"
    monkeypatch.setenv(startup_probe.ENV_STAMP, str(stamp))
    window, model = make_window(qtbot, 41)
    reports: list[dict[str, Any]] = []
    window.show()
    startup_probe.watch(window, rows=model.rowCount, on_ready=reports.append)
    qtbot.waitUntil(lambda: bool(reports), timeout=10_000)
    info = json.loads(stamp.read_text(encoding="utf-8"))
    assert info == reports[0]
    assert info["rows"] == 41 and info["visible"] and info["title"] == "提案办理台"
    assert info["paints"] >= 1


def test_waits_while_background_work_runs(qtbot: Any) -> None:
    window, _model = make_window(qtbot, 3)
    busy = {"jobs": 1}
    reports: list[dict[str, Any]] = []
    window.show()
    startup_probe.watch(window, is_idle=lambda: busy["jobs"] == 0, on_ready=reports.append)
    qtbot.wait(300)
    assert reports == []  # painted, but a job is still running
    busy["jobs"] = 0
    qtbot.waitUntil(lambda: bool(reports), timeout=10_000)
    assert reports[0]["rows"] is None


def test_does_nothing_unless_asked(qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(startup_probe.ENV_STAMP, raising=False)
    window, _model = make_window(qtbot, 1)
    window.show()
    startup_probe.watch(window)
    assert startup_probe._watchers == []
