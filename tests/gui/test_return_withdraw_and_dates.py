"""退回 in the window: the 申请日期 by the core's rules, no request once answered, a pending
request withdrawn (撤回退回申请) and filed again; the 跟踪 date checked likewise (newcomer's
try-out 4, finding 1)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from sqlalchemy import select

from proposal_desk.services import handling
from proposal_desk.services.queries import load_proposal
from proposal_desk.storage.models import Proposal

from .conftest import Stand, select_number, wait_loaded

TODAY = dt.date.today()
TOMORROW = TODAY + dt.timedelta(days=1)


def cn(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def _boxes(widget: Any) -> list[str]:
    return [b.text() for b in widget.window().findChildren(QMessageBox) if b.isVisible()]


def _with(db: Any, number: str, change: Any) -> None:
    with db.transaction() as s:
        change(s, s.scalars(select(Proposal).where(Proposal.number == number)).one())


def _submit(qtbot: Any, detail: Any, on: dt.date) -> Any:
    dialog = detail.open_return_dialog()
    dialog.ui.requestedField.setValue(on)
    dialog.ui.reasonEdit.setPlainText("夜间经济属区发改局职责，本局无相关职能")
    qtbot.mouseClick(dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    return dialog


def test_a_future_or_early_request_is_refused(qtbot: Any, seeded_db: Any,
                                              make_window: Any) -> None:
    detail = select_number(qtbot, make_window(seeded_db), "144011")
    dialog = _submit(qtbot, detail, TOMORROW)
    assert dialog.isVisible()
    assert f"退回申请日期（{cn(TOMORROW)}）不能晚于今天（{cn(TODAY)}）" in _boxes(dialog)
    for box in dialog.findChildren(QMessageBox):
        box.close()
    dialog.ui.requestedField.setValue(dt.date(2025, 1, 5))
    qtbot.mouseClick(dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    assert "退回申请日期（2025年1月5日）不能早于交办日期（2025年3月18日）" in _boxes(dialog)
    with seeded_db.session() as s:
        assert not load_proposal(s, detail.proposal_id).returns


def test_an_answered_proposal_is_not_returned(qtbot: Any, seeded_db: Any,
                                              make_window: Any) -> None:
    def answer(s: Any, p: Proposal) -> None:
        handling.save_reply(s, p, text="答复正文", category="A", sent_on=dt.date(2025, 6, 8))
        handling.record_opinion(p, "满意", received_on=dt.date(2025, 6, 20))

    _with(seeded_db, "144026", answer)
    detail = select_number(qtbot, make_window(seeded_db), "144026")
    dialog = _submit(qtbot, detail, TODAY)
    assert dialog.isVisible()
    assert any(t.startswith("本件已于2025年6月8日答复，不能再申请退回") for t in _boxes(dialog))
    with seeded_db.session() as s:
        p = load_proposal(s, detail.proposal_id)
        assert (p.returns, p.status) == ([], "已办结")


def test_a_pending_request_is_withdrawn_then_filed_again(qtbot: Any, seeded_db: Any,
                                                         make_window: Any, stand: Stand) -> None:
    window = make_window(seeded_db)
    detail = select_number(qtbot, window, "144011")
    _submit(qtbot, detail, dt.date(2025, 3, 19))
    wait_loaded(qtbot, window)
    assert detail.return_button.text() == "退回结果…"
    qtbot.mouseClick(detail.return_button, Qt.MouseButton.LeftButton)
    dialog = detail.decision_dialog
    assert dialog.withdraw_button.isVisible()
    stand.confirm_answer = False
    qtbot.mouseClick(dialog.withdraw_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "撤回这份尚未答复的退回申请" in stand.confirms[-1]
    with seeded_db.session() as s:
        assert load_proposal(s, detail.proposal_id).status == "退回中"
    stand.confirm_answer = True
    qtbot.mouseClick(dialog.withdraw_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    wait_loaded(qtbot, window)
    with seeded_db.session() as s:
        p = load_proposal(s, detail.proposal_id)
        assert (p.returns, p.status) == ([], "待签收")
    assert detail.return_button.text() == "申请退回…" and not detail.return_label.isVisible()
    log = detail.log
    texts = "\n".join(log.audit_model.index(n, 3).data()
                      for n in range(log.audit_model.rowCount()))
    assert "夜间经济属区发改局职责" in texts  # the withdrawn request stays in the 办理日志
    _submit(qtbot, detail, dt.date(2025, 3, 20))
    wait_loaded(qtbot, window)
    with seeded_db.session() as s:
        assert [r.requested_on for r in load_proposal(s, detail.proposal_id).returns] == [
            dt.date(2025, 3, 20)]


def test_a_follow_up_in_the_future_is_refused(qtbot: Any, seeded_db: Any,
                                              make_window: Any) -> None:
    _with(seeded_db, "144026", lambda s, p: handling.save_reply(
        s, p, text="答复正文", category="B", sent_on=dt.date(2025, 6, 8)))
    detail = select_number(qtbot, make_window(seeded_db), "144026")
    dialog = detail.follow_up.new_follow_up()
    dialog.ui.dateField.setValue(TOMORROW)
    dialog.ui.progressEdit.setPlainText("已列入明年计划")
    qtbot.mouseClick(dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert f"跟踪日期（{cn(TOMORROW)}）不能晚于今天（{cn(TODAY)}）" in _boxes(dialog)
    with seeded_db.session() as s:
        assert not load_proposal(s, detail.proposal_id).follow_ups
