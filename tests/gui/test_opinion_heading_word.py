"""The heading of an assisting proposal says the role's own word for the opinion, as its tab
does: 协办意见 for 协办, 会办意见 for 会办 (newcomer's try-out, session 4)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select

from proposal_desk.services import handling
from proposal_desk.storage.models import Proposal

from .conftest import select_number


def _send_opinion(db: Any, number: str, role: str) -> None:
    with db.transaction() as s:
        p = s.scalars(select(Proposal).where(Proposal.number == number)).one()
        p.role = role
        handling.save_assist_opinion(s, p, text="意见正文", sent_on=dt.date(2025, 4, 10))


def test_a_assist_heading_says_xieban(qtbot: Any, seeded_db: Any, make_window: Any) -> None:
    _send_opinion(seeded_db, "144011", "协办")
    detail = select_number(qtbot, make_window(seeded_db), "144011")
    assert "协办意见送出于 2025年4月10日" in detail.state_label.text()
    assert "会办意见" not in detail.state_label.text()
    assert detail.tabs.tabText(detail.tabs.indexOf(detail.reply)) == "协办意见"


def test_a_joint_heading_says_huiban(qtbot: Any, seeded_db: Any, make_window: Any) -> None:
    _send_opinion(seeded_db, "144011", "会办")
    detail = select_number(qtbot, make_window(seeded_db), "144011")
    assert "会办意见送出于 2025年4月10日" in detail.state_label.text()
