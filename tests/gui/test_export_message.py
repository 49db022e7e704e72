"""The window's 导出完成 notice says the year and the count as the command line does."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QMessageBox

from proposal_desk.gui import operations


def test_the_export_notice_names_the_year_without_a_gap(qtbot: Any, bureau_db: Any,
                                                        make_window: Any,
                                                        tmp_path: Path) -> None:
    window = make_window(bureau_db)
    path = tmp_path / "台账.xlsx"
    window.run_export(path, 2024)
    qtbot.waitUntil(lambda: operations.idle() and bool(window.findChildren(QMessageBox)),
                    timeout=30000)
    [box] = window.findChildren(QMessageBox)
    assert box.text() == f"已导出2024年的 0 件提案到：\n{path}"
    box.close()
