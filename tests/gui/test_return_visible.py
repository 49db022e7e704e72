"""A 退回 request stays in sight: its reason, suggested unit, the office's answer and the day
it answered are on the detail pane; that day is chosen, not always today; the 办理日志 names
every field in Chinese and shows long values whole."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtWidgets import QFormLayout
from sqlalchemy import select

from proposal_desk.services import handling, returns
from proposal_desk.storage.errors import UserError
from proposal_desk.storage.models import Proposal

from .conftest import select_number

REASON = "夜间经济的规划和促进属区发展和改革局职责，本局只负责其中商贸流通部分，请改交发改局主办"


def _request(db: Any, number: str = "144011") -> None:
    with db.transaction() as s:
        p = s.scalars(select(Proposal).where(Proposal.number == number)).one()
        handling.request_return(p, on=dt.date(2025, 3, 25), reason=REASON,
                                suggested_unit="区发展和改革局")


def test_the_return_and_its_answer_are_shown(qtbot: Any, seeded_db: Any,
                                             make_window: Any) -> None:
    _request(seeded_db)
    window = make_window(seeded_db)
    detail = select_number(qtbot, window, "144011")
    label = detail.return_label
    assert label.isVisibleTo(detail)
    assert REASON in label.text() and "建议由区发展和改革局办理" in label.text()
    assert "提案委尚未答复" in label.text()

    dialog = detail.open_decision_dialog()
    assert dialog is not None
    form = dialog.findChild(QFormLayout)
    assert form.labelForField(dialog.decided_field).text() == "退回审核日期："
    dialog.outcome_box.setCurrentIndex(dialog.outcome_box.findData("不同意退回"))
    dialog.decided_field.setValue(dt.date(2025, 4, 2))
    dialog.accept()
    qtbot.waitUntil(lambda: "不同意退回" in detail.return_label.text(), timeout=10000)
    assert "提案委2025年4月2日不同意退回" in detail.return_label.text()
    with seeded_db.session() as s:
        p = s.scalars(select(Proposal).where(Proposal.number == "144011")).one()
        assert p.returns[0].decided_on == dt.date(2025, 4, 2)

    log = detail.log
    texts = [log.audit_model.index(n, 3).data() for n in range(log.audit_model.rowCount())]
    joined = "\n".join(texts)
    assert "退回审核日期：空 → 2025年4月2日" in joined
    assert "建议承办单位：区发展和改革局" in joined
    assert REASON in joined  # whole, not cut at 24 characters
    assert "decided_on" not in joined and "suggested_unit" not in joined


def test_the_answer_date_is_checked(seeded_db: Any) -> None:
    _request(seeded_db)
    with seeded_db.transaction() as s:
        p = s.scalars(select(Proposal).where(Proposal.number == "144011")).one()
        with pytest.raises(UserError, match="不能早于申请日期"):
            returns.decide(p, "同意退回", dt.date(2025, 3, 20))
        with pytest.raises(UserError,
                           match="退回审核日期（2099年3月1日）不能晚于今天（2025年6月1日）"):
            returns.decide(p, "同意退回", dt.date(2099, 3, 1), today=dt.date(2025, 6, 1))
        with pytest.raises(UserError, match="请填写退回审核日期"):
            returns.decide(p, "同意退回", None)
        returns.decide(p, "同意退回", dt.date(2025, 3, 28))
        assert p.returns[0].decided_on == dt.date(2025, 3, 28)
        with pytest.raises(UserError, match="没有待审核"):
            returns.decide(p, "同意退回", dt.date(2025, 3, 28))


def test_one_word_for_the_answer_date() -> None:
    """The day the office answered a 退回 is 退回审核日期 in the window, its messages, the
    办理日志 and the ledger's column; the sheets' other spellings are still read."""
    from proposal_desk.services import audit_text
    from proposal_desk.sheets import headers

    assert returns.DECIDED_ON == "退回审核日期"
    assert headers.BY_KEY["return_decided"].label == returns.DECIDED_ON
    assert audit_text.FIELDS["decided_on"] == returns.DECIDED_ON
    for header in ("退回审核日期", "退回批复日期", "提案委答复日期"):
        assert headers.match_header(header) == "return_decided"
