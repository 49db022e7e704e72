"""After the office reassigns a 协办 proposal to us as 主办, the reply tab still shows the
协办意见 we sent (history, not a reply), and the heading no longer says it was answered."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select

from proposal_desk.services import editing, handling
from proposal_desk.storage.models import Proposal

from .conftest import select_number


def test_the_reply_tab_shows_the_opinion_sent_before(qtbot: Any, seeded_db: Any,
                                                      make_window: Any) -> None:
    with seeded_db.transaction() as s:
        p = s.scalars(select(Proposal).where(Proposal.number == "144011")).one()
        handling.save_assist_opinion(s, p, text="意见正文", sent_on=dt.date(2025, 4, 10))
    with seeded_db.transaction() as s:
        p = s.scalars(select(Proposal).where(Proposal.number == "144011")).one()
        info = editing.read_basic(p)
        info.role = "主办"
        editing.apply_basic(s, p, info)
    detail = select_number(qtbot, make_window(seeded_db), "144011")
    shown = detail.reply.reply.roundsLabel.text()
    assert "于2025年4月10日送出的会办意见保留为办理记录（不算作答复）" in shown
    assert "送出于" not in detail.state_label.text() and "答复于" not in detail.state_label.text()
