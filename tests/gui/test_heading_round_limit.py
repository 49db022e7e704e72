"""The heading after a second reply shows that round's own 办理时限 and that it was met, not
the first round's limit beside the second round's date (newcomer's try-out F4)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select

from proposal_desk.services import handling
from proposal_desk.storage.models import Proposal

from .conftest import select_number

D = dt.date


def _with(db: Any, change: Any) -> int:
    with db.transaction() as s:
        p = s.scalars(select(Proposal).where(Proposal.number == "144026")).one()
        change(s, p)
        return p.id


def test_the_second_rounds_limit_and_that_it_was_met(qtbot: Any, seeded_db: Any,
                                                     make_window: Any) -> None:
    body = {"text": "答复正文"}
    _with(seeded_db, lambda s, p: handling.save_reply(s, p, **body, category="C",
                                                      sent_on=D(2025, 6, 25)))
    _with(seeded_db, lambda _s, p: handling.record_opinion(p, "不满意",
                                                           received_on=D(2025, 7, 10)))
    pid = _with(seeded_db, lambda s, p: handling.save_reply(s, p, **body, category="B",
                                                            sent_on=D(2025, 8, 22)))
    window = make_window(seeded_db)
    detail = select_number(qtbot, window, "144026")
    text = detail.state_label.text()
    assert "第2轮办理时限 2025年10月10日（已按时答复）" in text
    assert "第2轮答复于 2025年8月22日" in text
    row = window.list_pane.model.row_at(window.list_pane.model.row_of(pid))
    assert row.due == D(2025, 10, 10)
