"""基本信息: a 交办日期 changed to after the 签收日期 or 沟通日期 held, or to after today, is
refused with the core's message; nothing is saved (newcomer's try-out 4, finding 5)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from proposal_desk.services import handling
from proposal_desk.services.queries import load_proposal
from proposal_desk.storage.models import Proposal

from .conftest import select_number


def _boxes(widget: Any) -> list[str]:
    return [b.text() for b in widget.window().findChildren(QMessageBox) if b.isVisible()]


def test_an_assignment_after_the_contact_is_refused(qtbot: Any, seeded_db: Any,
                                                    make_window: Any) -> None:
    with seeded_db.transaction() as s:
        p = s.scalars(select(Proposal).where(Proposal.number == "144026")).one()
        handling.add_record(p, date=dt.date(2025, 3, 19), method="电话")
    detail = select_number(qtbot, make_window(seeded_db), "144026")
    detail.basic.ui.assignedField.setValue(dt.date(2025, 4, 1))
    detail.basic.set_dirty(True)
    assert detail.save() is False
    assert "交办日期（2025年4月1日）不能晚于沟通日期（2025年3月19日）" in _boxes(detail)
    with seeded_db.session() as s:
        assert load_proposal(s, detail.proposal_id).assigned_on == dt.date(2025, 3, 18)
