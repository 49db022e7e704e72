"""Settings, a new proposal, About: what the dialogs save lands in the database and the window
follows (deadlines re-derived, pick lists filled, title bar named)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QTableWidgetItem

from proposal_desk.core.dates import add_months
from proposal_desk.services.queries import load_proposal
from proposal_desk.storage.settings_store import load_settings

from .conftest import select_number, wait_loaded


def _save(qtbot: Any, dialog: Any) -> None:
    button = dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_settings_reach_the_rules_and_the_pick_lists(qtbot: Any, seeded_db: Any,
                                                     make_window: Any) -> None:
    window = make_window(seeded_db)
    dialog = window.open_settings()
    ui = dialog.ui
    assert ui.nameEdit.text() == "区商务局"
    ui.docPrefixEdit.setText("周商函")
    ui.contactNameEdit.setText("王丽")
    ui.leadMonthsSpin.setValue(2)
    ui.sectionList.addItem("电子商务科")
    dialog._add_staff()
    ui.staffTable.setItem(0, 0, QTableWidgetItem("李明"))
    ui.staffTable.setItem(0, 1, QTableWidgetItem("电子商务科"))
    dialog._add_staff()
    ui.staffTable.setItem(1, 0, QTableWidgetItem("刘建国"))
    ui.staffTable.cellWidget(1, 4).setChecked(True)
    # this year's notice: assisting opinions by 5月31日
    ui.tabs.setCurrentIndex(2)
    ui.assistDueField.setValue(dt.date(2025, 5, 31))
    # a three-class bureau
    ui.categoryTable.removeRow(3)
    ui.categoryTable.setItem(2, 1, QTableWidgetItem("留作参考或暂不可行的"))
    _save(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    wait_loaded(qtbot, window)
    with seeded_db.session() as s:
        settings = load_settings(s)
    assert settings.doc_prefix == "周商函" and settings.deadlines.lead_months == 2
    assert list(settings.categories) == ["A", "B", "C"]
    assert settings.categories["C"] == "留作参考或暂不可行的"
    rows = {r.number: r for r in window.snapshot.rows}
    assert rows["144026"].due == dt.date(2025, 5, 18)  # 主办: two months now
    assert rows["144011"].due == dt.date(2025, 5, 31)  # 协办: the meeting's fixed date
    assert window.ctx.lookups.handlers == ["李明"]
    assert window.ctx.lookups.leaders == ["刘建国"]
    detail = select_number(qtbot, window, "144026")
    box = detail.reply.reply.categoryBox
    assert [box.itemData(n) for n in range(box.count())] == ["", "A", "B", "C"]
    assert [detail.basic.ui.handlerBox.itemText(n)
            for n in range(detail.basic.ui.handlerBox.count())] == ["李明"]


def test_settings_refuse_a_duplicate_category(qtbot: Any, seeded_db: Any,
                                              make_window: Any) -> None:
    window = make_window(seeded_db)
    dialog = window.open_settings("categories")
    dialog.ui.categoryTable.setItem(1, 0, QTableWidgetItem("A"))
    _save(qtbot, dialog)
    assert dialog.isVisible()
    assert any("答复类别“A”重复" in b.text() for b in dialog.findChildren(QMessageBox))
    with seeded_db.session() as s:
        assert list(load_settings(s).categories) == ["A", "B", "C", "D"]


def test_a_new_proposal_typed_in_by_hand(qtbot: Any, bureau_db: Any, make_window: Any) -> None:
    window = make_window(bureau_db)
    dialog = window.new_proposal()
    meeting_dialog = dialog.new_meeting()
    meeting_dialog.ui.nameEdit.setText("区十九届人大五次会议")
    meeting_dialog.ui.nameEdit.textEdited.emit("区十九届人大五次会议")
    assert meeting_dialog.ui.kindBox.currentText() == "建议"
    meeting_dialog.ui.yearSpin.setValue(2025)
    qtbot.mouseClick(meeting_dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    assert "区十九届人大五次会议" in dialog.ui.meetingBox.currentText()
    dialog.ui.numberEdit.setText("20250012")
    dialog.ui.titleEdit.setText("关于加快老字号品牌发展的建议")
    dialog.ui.proposersEdit.setText("吕杰芳")
    with qtbot.waitSignal(window.loaded, timeout=10000):
        qtbot.mouseClick(dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok),
                         Qt.MouseButton.LeftButton)
    wait_loaded(qtbot, window)
    assert window.detail.current().number == "20250012"
    assert window.detail.info_label.text().count("代表：吕杰芳") == 1
    with bureau_db.session() as s:
        p = load_proposal(s, window.detail.proposal_id)
        assert (p.meeting.kind, p.status) == ("建议", "待签收")
        assert p.assigned_on == dt.date.today()
        assert p.due == add_months(dt.date.today(), 3)


def test_about_names_the_version_and_the_data_folder(qtbot: Any, bureau_db: Any,
                                                     make_window: Any) -> None:
    from proposal_desk import __version__

    window = make_window(bureau_db)
    dialog = window.open_about()
    assert __version__ in dialog.ui.versionLabel.text()
    assert dialog.ui.folderValue.text() == str(window.ctx.data_folder)
    assert dialog.ui.databaseValue.text() == bureau_db.display_location


def test_holidays_and_workdays_are_checked_as_typed_and_saved(qtbot: Any, seeded_db: Any,
                                                              make_window: Any) -> None:
    window = make_window(seeded_db)
    dialog = window.open_settings("deadlines")
    ui = dialog.ui
    assert "申请退回、首次沟通的时限按工作日计算" in ui.holidayHint.text()
    assert not ui.holidaysError.isVisibleTo(dialog)
    ui.holidaysEdit.setText("2025-04-04~2025-04-06, 2025-02-30")
    assert ui.holidaysError.isVisibleTo(dialog)
    assert "“2025-02-30”不是存在的日期" in ui.holidaysError.text()
    ui.workdaysEdit.setText("2025-04-27，2025.9.28")
    assert not ui.workdaysError.isVisibleTo(dialog)
    _save(qtbot, dialog)
    assert dialog.isVisible()  # refused: nothing saved
    assert any("不是存在的日期" in b.text() for b in dialog.findChildren(QMessageBox))
    with seeded_db.session() as s:
        assert load_settings(s).deadlines.holidays == frozenset()
    for box in dialog.findChildren(QMessageBox):
        box.close()
    ui.holidaysEdit.setText("2025-04-04~2025-04-06, 2025-05-01")
    assert not ui.holidaysError.isVisibleTo(dialog)
    _save(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    wait_loaded(qtbot, window)
    with seeded_db.session() as s:
        deadlines = load_settings(s).deadlines
    assert deadlines.holidays == {dt.date(2025, 4, 4), dt.date(2025, 4, 5),
                                  dt.date(2025, 4, 6), dt.date(2025, 5, 1)}
    assert deadlines.workdays == {dt.date(2025, 4, 27), dt.date(2025, 9, 28)}
    again = window.open_settings("deadlines")
    assert again.ui.holidaysEdit.text() == "2025-04-04~2025-04-06, 2025-05-01"
    assert again.ui.workdaysEdit.text() == "2025-04-27, 2025-09-28"
    again.reject()
