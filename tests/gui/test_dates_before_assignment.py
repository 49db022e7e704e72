"""In the window, a 协办意见 送出日期 and a 沟通日期 before 交办 are refused with the core's
message, as a 答复日期 is; nothing is written (newcomer's try-out 4, finding 6)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from proposal_desk.services.queries import load_proposal

from .conftest import select_number


def _boxes(widget: Any) -> list[str]:
    return [b.text() for b in widget.window().findChildren(QMessageBox) if b.isVisible()]


def test_an_opinion_sent_before_assignment_is_refused(qtbot: Any, seeded_db: Any,
                                                      make_window: Any) -> None:
    detail = select_number(qtbot, make_window(seeded_db), "144011")  # 协办, 交办 3月18日
    form = detail.reply.assist
    form.textEdit.setPlainText("建议由主办单位统筹夜间经济规划，本局配合商贸部分。")
    form.sentField.setValue(dt.date(2025, 3, 1))
    detail.reply.set_dirty(True)
    assert detail.save() is False
    assert "会办意见送出日期（2025年3月1日）不能早于交办日期（2025年3月18日）" in _boxes(detail)
    with seeded_db.session() as s:
        assert not load_proposal(s, detail.proposal_id).assist_opinions


def test_a_contact_before_assignment_is_refused(qtbot: Any, seeded_db: Any,
                                                make_window: Any) -> None:
    detail = select_number(qtbot, make_window(seeded_db), "144026")
    dialog = detail.records.new_record()
    dialog.ui.methodBox.setCurrentText("电话")
    dialog.ui.dateField.setValue(dt.date(2024, 12, 1))
    save = dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.saving is None and bool(_boxes(dialog)), timeout=30000)
    assert dialog.isVisible()
    assert "沟通日期（2024年12月1日）不能早于交办日期（2025年3月18日）" in _boxes(dialog)
    with seeded_db.session() as s:
        assert not load_proposal(s, detail.proposal_id).records
