"""The detail pane: unsaved-change prompts, optimistic locking, 签收, 退回, dates typed wrong,
the core's warnings where the user works, and 不满意 opening a second round."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QMessageBox
from sqlalchemy import select

from proposal_desk.gui.navigation import Target
from proposal_desk.services import handling
from proposal_desk.services.queries import load_proposal
from proposal_desk.storage.models import Proposal, ReturnRequest

from .conftest import Stand, select_number, wait_loaded


def _messages(widget: Any) -> list[str]:
    return [b.text() for b in widget.window().findChildren(QMessageBox) if b.isVisible()]


def _pid(db: Any, number: str) -> int:
    with db.session() as s:
        return s.scalar(select(Proposal.id).where(Proposal.number == number))


def test_leaving_an_edited_proposal_asks_first(qtbot: Any, seeded_db: Any, make_window: Any,
                                               stand: Stand) -> None:
    window = make_window(seeded_db)
    detail = select_number(qtbot, window, "144009")
    detail.basic.ui.supervisorEdit.setText("区政府副区长 孙立新")
    detail.basic.ui.supervisorEdit.textEdited.emit("区政府副区长 孙立新")
    assert detail.is_dirty() and window.save_action.isEnabled()

    stand.save_choice = "cancel"
    window.list_pane.step(1)
    qtbot.waitUntil(lambda: window.list_pane.current_id() == _pid(seeded_db, "144009"))
    assert stand.save_questions == ["第144009号"]
    assert detail.current().number == "144009" and detail.is_dirty()

    stand.save_choice = "save"
    window.list_pane.step(1)
    assert detail.current().number != "144009"
    with seeded_db.session() as s:
        assert load_proposal(s, _pid(seeded_db, "144009")).supervisor == "区政府副区长 孙立新"


def test_a_proposal_changed_elsewhere_is_not_overwritten(qtbot: Any, seeded_db: Any,
                                                         make_window: Any) -> None:
    window = make_window(seeded_db)
    detail = select_number(qtbot, window, "144026")
    pid = detail.proposal_id
    with seeded_db.transaction() as s:  # a colleague saves first
        load_proposal(s, pid).title = "关于加强食品安全监管的建议（修改）"
    detail.basic.ui.notesEdit.setPlainText("我的备注")
    assert detail.basic.dirty
    assert detail.save() is False
    assert detail.conflict_dialog is not None and detail.conflict_dialog.isVisible()
    assert "已被他人修改" in detail.conflict_dialog.ui.headingLabel.text()
    with seeded_db.session() as s:
        p = load_proposal(s, pid)
        assert (p.title, p.notes) == ("关于加强食品安全监管的建议（修改）", "")
    detail.revert()
    assert detail.basic.ui.titleEdit.text() == "关于加强食品安全监管的建议（修改）"
    assert not detail.is_dirty()


def test_sign_and_the_warnings_of_a_key_proposal(qtbot: Any, seeded_db: Any,
                                                 make_window: Any) -> None:
    window = make_window(seeded_db)
    detail = select_number(qtbot, window, "144009")
    assert detail.sign_button.isVisible()
    assert "key_no_meeting" in detail.banner.codes()
    qtbot.mouseClick(detail.sign_button, Qt.MouseButton.LeftButton)
    wait_loaded(qtbot, window)
    assert not detail.sign_button.isVisible()
    with seeded_db.session() as s:
        assert load_proposal(s, detail.proposal_id).signed_on == dt.date.today()
    assert detail.basic.ui.signedField.value() == dt.date.today()
    # a reply drafted with no contact on record: 不沟通不办理
    detail.reply.reply.textEdit.setPlainText("答复草稿")
    assert detail.save()
    assert "no_contact" in detail.banner.codes()
    assert any("不沟通不办理" in label.text() for label in detail.banner.findChildren(QLabel))


def test_a_date_that_is_not_a_date_is_named(qtbot: Any, seeded_db: Any,
                                            make_window: Any) -> None:
    window = make_window(seeded_db)
    detail = select_number(qtbot, window, "144026")
    field = detail.basic.ui.assignedField
    field.edit.setText("2025-02-30")
    field.edit.editingFinished.emit()
    assert "不是存在的日期" in field.error()
    detail.basic.ui.notesEdit.setPlainText("x")
    assert detail.save() is False
    assert any("交办日期" in text and "不是存在的日期" in text for text in _messages(detail))
    field.edit.setText("2025年3月20日")
    field.edit.editingFinished.emit()
    assert field.value() == dt.date(2025, 3, 20) and field.edit.text() == "2025年3月20日"
    assert detail.save()


def test_a_return_needs_a_reason(qtbot: Any, seeded_db: Any, make_window: Any) -> None:
    window = make_window(seeded_db)
    detail = select_number(qtbot, window, "144011")
    qtbot.mouseClick(detail.return_button, Qt.MouseButton.LeftButton)
    dialog = detail.return_dialog
    ok = dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert any("退回必须写明理由" in text for text in _messages(dialog))
    dialog.ui.reasonEdit.setPlainText("夜间经济属区发改局职责，本局无相关职能")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    wait_loaded(qtbot, window)
    with seeded_db.session() as s:
        request = s.scalars(select(ReturnRequest)).one()
        assert request.reason.startswith("夜间经济")
        assert load_proposal(s, detail.proposal_id).status == "退回中"
    assert detail.return_button.text() == "退回结果…"


def test_unsatisfied_opens_a_second_round(qtbot: Any, seeded_db: Any, make_window: Any) -> None:
    pid = _pid(seeded_db, "144026")
    with seeded_db.transaction() as s:
        p = load_proposal(s, pid)
        handling.add_record(p, date=dt.date(2025, 4, 2), method="电话")
        handling.save_reply(s, p, category="B", text="第一轮答复", sent_on=dt.date(2025, 6, 1))
    window = make_window(seeded_db)
    detail = select_number(qtbot, window, "144026")
    assert "第1轮答复" in detail.reply.reply.roundLabel.text()
    opinion = detail.opinion.ui
    assert "对第1轮答复的意见" in opinion.stateLabel.text()
    qtbot.mouseClick(opinion.unsatisfiedRadio, Qt.MouseButton.LeftButton)
    opinion.commentsEdit.setPlainText("措施不够具体")
    opinion.receivedField.setValue(dt.date(2025, 6, 20))  # 不满意 needs its 反馈日期 (F10)
    assert detail.save()
    wait_loaded(qtbot, window)
    assert detail.current().status == "重新办理"
    assert "第2轮答复" in detail.reply.reply.roundLabel.text()
    assert "重新办理" in detail.reply.reply.roundLabel.text()
    assert detail.reply.reply.textEdit.toPlainText() == ""
    assert "第1轮" in detail.reply.reply.roundsLabel.text()
    row = window.list_pane.model.row_at(window.list_pane.model.row_of(pid))
    assert row.status == "重新办理"


def test_an_assisting_proposal_gets_the_opinion_form(qtbot: Any, seeded_db: Any,
                                                     make_window: Any) -> None:
    window = make_window(seeded_db)
    detail = select_number(qtbot, window, "144011")
    tabs = detail.tabs
    assert tabs.tabText(tabs.indexOf(detail.reply)) == "协办意见"  # 144011 is 协办
    assert not tabs.isTabEnabled(tabs.indexOf(detail.opinion))
    assert detail.reply.assist.leadUnitValue.text() == "区发展和改革局"
    detail.reply.assist.textEdit.setPlainText("我局意见如下：……")
    detail.reply.assist.sentField.setValue(dt.date(2025, 4, 15))
    assert detail.save()
    wait_loaded(qtbot, window)
    assert detail.current().status == "已办结"
    assert window.documents.opinion_action.isEnabled() == window.documents.available
    assert not window.documents.letter_action.isEnabled()


def test_the_log_tab_shows_who_changed_what(qtbot: Any, seeded_db: Any,
                                            make_window: Any) -> None:
    window = make_window(seeded_db)
    detail = select_number(qtbot, window, "144026")
    detail.basic.ui.supervisorEdit.setEnabled(True)
    detail.basic.ui.mergedEdit.setText("144030")
    detail.basic.ui.mergedEdit.textEdited.emit("144030")
    assert detail.save()
    log = detail.log
    texts = [log.audit_model.cell(r, 3) for r in range(log.audit_model.rowCount())]
    assert any("并案：空 → 144030" in t for t in texts)
    assert log.status_model.rowCount() >= 1
    assert log.status_model.cell(log.status_model.rowCount() - 1, 1) == "（新建）"


def test_sign_and_assign_several_at_once(qtbot: Any, seeded_db: Any, make_window: Any) -> None:
    window = make_window(seeded_db)
    select_number(qtbot, window, "144009")
    table = window.list_pane.table
    model = window.list_pane.model
    for n in range(model.rowCount()):  # Ctrl+click the other two
        if model.row_at(n).number in ("144011", "144026"):
            rect = table.visualRect(model.index(n, 2))
            qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                             Qt.KeyboardModifier.ControlModifier, rect.center())
    assert len(window.list_pane.selected_ids()) == 3
    window.sign_action.trigger()
    wait_loaded(qtbot, window)
    assert {r.status for r in window.snapshot.rows} == {"办理中"}
    assert list(seeded_db.backup_dir.glob("*批量修改前*"))
    assert len(window.list_pane.selected_ids()) == 3  # the selection outlives the reload
    dialog = window.assign_selected()
    dialog.ui.sectionBox.setEditText("电子商务科")
    dialog.ui.handlerBox.setEditText("李明")
    qtbot.mouseClick(dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: {r.handler for r in window.snapshot.rows} == {"李明"},
                    timeout=10000)
    assert {r.section for r in window.snapshot.rows} == {"电子商务科"}
    assert window.nav.count_of(Target("section", "电子商务科")) == "3"
