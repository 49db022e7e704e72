"""办理日志 of an imported proposal: the import's one summary row reads in Chinese, and an
edit after it shows as before, one row per change."""

from __future__ import annotations

from typing import Any

from sheet_support import LEDGER, run_import

from .conftest import select_number, wait_loaded


def test_the_log_tab_shows_an_import_in_one_row(qtbot: Any, bureau_db: Any,
                                               make_window: Any) -> None:
    plan, _result = run_import(bureau_db, LEDGER)
    number = next(r.number for r in plan.rows if r.action.value == "新增")
    window = make_window(bureau_db)
    detail = select_number(qtbot, window, number)
    log = detail.log
    rows = [[log.audit_model.cell(r, c) for c in range(4)]
            for r in range(log.audit_model.rowCount())]
    assert len(rows) == 1
    assert rows[0][2] == "导入新增提案"
    assert rows[0][3].startswith(f"导入（{LEDGER.name} 第")
    assert f"提案号：{number}" in rows[0][3]
    detail.basic.ui.mergedEdit.setText("143999")
    detail.basic.ui.mergedEdit.textEdited.emit("143999")
    assert detail.save()
    wait_loaded(qtbot, window)
    texts = [log.audit_model.cell(r, 3) for r in range(log.audit_model.rowCount())]
    assert any("并案：空 → 143999" in t for t in texts)
    assert texts[-1].startswith("导入（")  # newest first: the import stays last


def test_the_import_row_is_read_whole_once_the_tab_is_shown(qtbot: Any, bureau_db: Any,
                                                           make_window: Any) -> None:
    """The rows are filled while the tab is hidden (its 内容 column not yet at its width, and
    Qt sizes a row by the columns inside the viewport only): they are sized again once the
    column has its width, so the long import text is never cut off."""
    plan, _result = run_import(bureau_db, LEDGER)
    number = next(r.number for r in plan.rows if r.action.value == "新增")
    window = make_window(bureau_db)
    window.resize(1400, 900)
    detail = select_number(qtbot, window, number)
    log = detail.log
    assert detail.tabs.currentWidget() is not log
    detail.tabs.setCurrentWidget(log)
    table = log.audit_table
    qtbot.waitExposed(table)
    qtbot.wait(50)
    assert table.rowHeight(0) >= table.sizeHintForRow(0) > 0
    table.horizontalHeader().resizeSection(3, table.columnWidth(3) - 80)  # narrower
    qtbot.wait(50)
    assert table.rowHeight(0) >= table.sizeHintForRow(0)
