"""The settings window refuses what the command line refuses, by the same core rules
(core.settings.check_value, services.meeting_admin.check_meeting_dates): an empty bureau
name, a category without meaning, a meeting's fixed date before 交办; its month spin boxes
take the core's range (newcomer's try-out 4, finding 9)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QTableWidgetItem

from proposal_desk.core.settings import KEYS
from proposal_desk.gui.dialogs.settings_dialog import PAGES
from proposal_desk.storage.models import Meeting
from proposal_desk.storage.settings_store import load_settings


def _save_refused(qtbot: Any, dialog: Any) -> list[str]:
    button = dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    texts = [b.text() for b in dialog.findChildren(QMessageBox) if b.isVisible()]
    for box in dialog.findChildren(QMessageBox):
        box.close()
    return texts


def test_the_window_refuses_what_the_command_line_refuses(qtbot: Any, seeded_db: Any,
                                                          make_window: Any) -> None:
    window = make_window(seeded_db)
    dialog = window.open_settings()
    ui = dialog.ui
    assert (ui.leadMonthsSpin.minimum(), ui.leadMonthsSpin.maximum()) == \
        KEYS["deadline.lead_months"].limits
    ui.nameEdit.setText("")
    assert _save_refused(qtbot, dialog) == ["“本单位名称”不能为空"]
    ui.nameEdit.setText("区商务局")
    ui.categoryTable.setItem(3, 1, QTableWidgetItem(""))
    assert _save_refused(qtbot, dialog) == [
        "答复类别“D”缺少含义（答复函和报告中使用；写成 D=含义）"]
    ui.categoryTable.setItem(3, 1, QTableWidgetItem("所提问题留作参考的"))
    ui.tabs.setCurrentIndex(2)
    ui.assistDueField.setValue(dt.date(2025, 3, 1))
    assert _save_refused(qtbot, dialog) == [
        "协办、会办意见截止日期（2025年3月1日）不能早于交办日期（2025年3月18日）：第144011号于该日交办"]
    with seeded_db.session() as s:
        assert load_settings(s).name == "区商务局"
        assert s.query(Meeting).one().assist_due is None
    ui.assistDueField.setValue(dt.date(2025, 5, 31))
    button = ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    with seeded_db.session() as s:
        assert s.query(Meeting).one().assist_due == dt.date(2025, 5, 31)


def _command_line_refusal(capsys: Any, value: str) -> str:
    from proposal_desk.cli.main import main

    capsys.readouterr()
    assert main(["config", "categories", value]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("错误：")
    return err.removeprefix("错误：")


def test_the_window_words_a_category_refusal_as_the_command_line(
        qtbot: Any, capsys: Any, seeded_db: Any, make_window: Any) -> None:
    """One rule and its wording for the categories (core.settings), not the window's own."""
    window = make_window(seeded_db)
    dialog = window.open_settings()
    table = dialog.ui.categoryTable
    for row, code, meaning, typed in (
            (3, "a", "所提问题留作参考的", "A=已解决;B=正在解决;C=列入计划;a=留作参考"),
            (3, "D", "", "A=已解决;B=正在解决;C=列入计划;D"),
            (3, "", "所提问题留作参考的", "A=已解决;B=正在解决;C=列入计划;=留作参考")):
        table.setItem(row, 0, QTableWidgetItem(code))
        table.setItem(row, 1, QTableWidgetItem(meaning))
        dialog.ui.tabs.setCurrentIndex(0)
        said = _save_refused(qtbot, dialog)
        assert said == [_command_line_refusal(capsys, typed)]
        assert dialog.ui.tabs.currentIndex() == PAGES["categories"]  # the table is shown
    table.setItem(3, 0, QTableWidgetItem("D"))
    table.setItem(3, 1, QTableWidgetItem("所提问题留作参考的"))
    button = dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


def test_each_deadline_spin_box_loads_and_saves_its_own_setting(qtbot: Any, seeded_db: Any,
                                                                make_window: Any) -> None:
    window = make_window(seeded_db)
    dialog = window.open_settings()
    ui = dialog.ui
    typed = {ui.leadMonthsSpin: 2, ui.assistMonthsSpin: 4, ui.reopenMonthsSpin: 5,
             ui.returnDaysSpin: 11, ui.firstContactSpin: 13, ui.dueSoonSpin: 9}
    for spin, value in typed.items():
        spin.setValue(value)
    button = ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    with seeded_db.session() as s:
        d = load_settings(s).deadlines
    assert (d.lead_months, d.assist_months, d.reopen_months, d.return_working_days,
            d.first_contact_working_days, d.due_soon_days) == (2, 4, 5, 11, 13, 9)
    again = window.open_settings().ui
    assert [again.leadMonthsSpin.value(), again.assistMonthsSpin.value(),
            again.reopenMonthsSpin.value(), again.returnDaysSpin.value(),
            again.firstContactSpin.value(), again.dueSoonSpin.value()] == [2, 4, 5, 11, 13, 9]
