"""A clerk's first day, driven through the real widgets: import the sample list with the wizard,
open 主办, open a proposal, log a phone call with an attachment, record an A reply and a 满意
opinion, and find the new state in the list, the navigation counts and the dashboard."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QDialogButtonBox, QWizard
from sqlalchemy import select

from proposal_desk.gui import operations
from proposal_desk.gui.list_model import COLUMN_INDEX
from proposal_desk.gui.navigation import Target
from proposal_desk.storage.models import Attachment, Correspondence, Proposal

from .conftest import SAMPLES, Stand, wait_loaded


def click(qtbot: Any, widget: Any) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def type_date(qtbot: Any, field: Any, text: str) -> None:
    """Typed as a clerk would (ASCII only: QTest cannot type Chinese characters)."""
    field.edit.clear()
    qtbot.keyClicks(field.edit, text)
    qtbot.keyClick(field.edit, Qt.Key.Key_Return)


def click_nav(qtbot: Any, window: Any, target: Target) -> None:
    tree = window.nav.tree
    item = window.nav._items[target]
    tree.scrollToItem(item)
    rect = tree.visualItemRect(item)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def click_row(qtbot: Any, table: Any, row: int, column: int = 2) -> None:
    rect = table.visualRect(table.model().index(row, column))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def drop_files(widget: Any, paths: list[Path]) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDropEvent(QPointF(QPoint(10, 10)), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    widget.dropEvent(event)
    assert event.isAccepted()


def test_first_day_from_import_to_closed(qtbot: Any, bureau_db: Any, make_window: Any,
                                         stand: Stand, tmp_path: Path) -> None:
    window = make_window(bureau_db)
    assert window.snapshot.rows == []

    # ---- import the office's list through the wizard --------------------------------
    window.import_action.trigger()
    wizard = window.import_wizard
    qtbot.waitExposed(wizard)
    assert wizard.file_page.name_edit.text() == "区商务局"
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    wizard.file_page.path_edit.setText(str(SAMPLES / "assignments_2025.xlsx"))
    click(qtbot, wizard.button(QWizard.WizardButton.NextButton))
    qtbot.waitUntil(lambda: wizard.plan is not None, timeout=30000)
    plan_page = wizard.plan_page
    assert wizard.plan.counts["新增"] == 40
    assert wizard.plan.counts["跳过"] == 120
    assert "新增 <b>40</b>" in plan_page.counts.text()
    assert plan_page.model.rowCount() == 160
    reasons = {plan_page.model.cell(r, 5) for r in range(160)
               if plan_page.model.cell(r, 4) == "跳过"}
    assert all("未列本单位" in reason for reason in reasons)
    plan_page.filter_box.setCurrentText("新增")
    assert plan_page.model.rowCount() == 40
    with bureau_db.session() as s:  # nothing saved before 导入
        assert s.scalars(select(Proposal)).first() is None
    commit = wizard.button(QWizard.WizardButton.CommitButton)
    assert commit.isEnabled() and commit.text() == "导入(&I)"
    with qtbot.waitSignal(window.loaded, timeout=30000):
        click(qtbot, commit)
        qtbot.waitUntil(lambda: wizard.result_page.done, timeout=30000)
    assert wizard.result.added == 40
    assert list(bureau_db.backup_dir.glob("*导入前*"))  # a way back, taken before the import
    assert "新增 40 件" in wizard.result_page.label.text()
    click(qtbot, wizard.button(QWizard.WizardButton.FinishButton))
    wait_loaded(qtbot, window)
    assert len(window.snapshot.rows) == 40
    assert window.nav.year() == 2025

    # ---- filter to 主办 and open a proposal ------------------------------------------
    click_nav(qtbot, window, Target("view", "lead"))
    model = window.list_pane.model
    assert model.rowCount() == 15
    assert {r.role for r in model.visible_rows()} == {"主办"}
    assert window.nav.count_of(Target("view", "lead")) == "15"
    click_row(qtbot, window.list_pane.table, 0)
    detail = window.detail
    first = model.row_at(0)
    assert detail.proposal_id == first.id
    assert f"第{first.number}号" in detail.title_label.text()
    assert first.status == "待签收"

    # ---- a phone call with the member, with two attachments --------------------------
    click(qtbot, detail.record_button)
    dialog = detail.records.dialog
    qtbot.waitExposed(dialog)
    ui = dialog.ui
    ui.methodBox.setCurrentText("电话")
    type_date(qtbot, ui.dateField, "2025.4.8")
    ui.contentEdit.insertPlainText("电话联系委员，介绍跨境电商扶持政策，委员表示理解并同意面商。")
    minutes = tmp_path / "通话记录.txt"
    minutes.write_text("4月8日电话记录：委员同意面商。", encoding="utf-8")
    photo = tmp_path / "现场照片.jpg"
    photo.write_bytes(b"\xff\xd8\xff" + b"x" * 2000)
    drop_files(ui.attachmentList, [minutes])
    stand.files_to_pick = [photo]
    click(qtbot, ui.addFileButton)
    assert ui.attachmentList.count() == 2
    with qtbot.waitSignal(dialog.finished, timeout=20000):  # saved on a worker thread
        click(qtbot, ui.buttonBox.button(QDialogButtonBox.StandardButton.Save))
    assert detail.records.model.rowCount() == 1
    assert detail.records.model.cell(0, 1) == "电话"
    assert detail.records.model.cell(0, 0) == "2025年4月8日"
    assert detail.records.model.cell(0, 6) == "2"
    assert detail.attachments.model.rowCount() == 2
    with bureau_db.session() as s:
        record = s.scalars(select(Correspondence)).one()
        assert record.method == "电话" and record.proposal_id == first.id
        names = {a.original_name for a in s.scalars(select(Attachment))}
        assert names == {"通话记录.txt", "现场照片.jpg"}

    # opening an attachment writes its content to a temporary file for the system viewer
    detail.tabs.setCurrentWidget(detail.attachments)
    table = detail.attachments.model
    row = next(r for r in range(table.rowCount()) if table.cell(r, 0) == "通话记录.txt")
    click_row(qtbot, detail.attachments.table, row, 0)
    click(qtbot, detail.attachments.open_button)
    qtbot.waitUntil(lambda: bool(stand.opened), timeout=20000)  # copied out on a worker thread
    assert stand.opened[-1].name == "通话记录.txt"
    assert stand.opened[-1].read_text(encoding="utf-8") == "4月8日电话记录：委员同意面商。"

    wait_loaded(qtbot, window)
    assert model.row_at(model.row_of(first.id)).status == "办理中"

    # ---- an A reply --------------------------------------------------------------------
    detail.tabs.setCurrentWidget(detail.reply)
    reply = detail.reply.reply
    assert reply.categoryBox.findData("A") >= 0
    reply.categoryBox.setCurrentIndex(reply.categoryBox.findData("A"))
    assert "已经解决或者基本解决" in reply.categoryMeaning.text()
    reply.textEdit.insertPlainText("一、基本情况……二、主要工作……三、下一步打算……")
    type_date(qtbot, reply.sentField, "2025-06-10")
    reply.signerBox.setEditText("韩志强")
    assert detail.reply.dirty and detail.save_button.isEnabled()
    assert detail.tabs.tabText(detail.tabs.indexOf(detail.reply)) == "答复 *"
    click(qtbot, detail.save_button)
    assert not detail.is_dirty()
    wait_loaded(qtbot, window)
    row = model.row_at(model.row_of(first.id))
    assert (row.status, row.category, str(row.replied)) == ("已答复", "A", "2025-06-10")
    assert "已答复" in detail.state_label.text()

    # ---- the member's opinion: 满意 ------------------------------------------------------
    detail.tabs.setCurrentWidget(detail.opinion)
    opinion = detail.opinion.ui
    assert opinion.opinionGroup.isEnabled()
    click(qtbot, opinion.satisfiedRadio)
    type_date(qtbot, opinion.receivedField, "2025/7/1")
    click(qtbot, detail.save_button)
    wait_loaded(qtbot, window)
    row = model.row_at(model.row_of(first.id))
    assert (row.status, row.satisfaction) == ("已办结", "满意")
    assert model.data(model.index(model.row_of(first.id), COLUMN_INDEX["status"])) == "已办结"
    assert window.nav.count_of(Target("view", "closed")) == "1"

    # ---- and on the dashboard ----------------------------------------------------------
    click_nav(qtbot, window, Target("dashboard"))
    assert window.stack.currentWidget() is window.dashboard
    dashboard = window.dashboard
    assert dashboard.tiles["closed"].number.text() == "1"
    assert dashboard.tiles["all"].number.text() == "40"
    assert dashboard.tiles["lead"].number.text() == "15"
    assert dashboard.tiles["assist"].number.text() == "25"
    assert dashboard.category_chart.series[0].values[0] == 1  # one A
    assert dashboard.month_chart.series[1].values[5] == 1  # replied in June
    assert operations.idle()
