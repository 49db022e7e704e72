"""The detail heading speaks of one handling round: after a 不满意 the first reply's date,
category and opinion stay together until the second reply is sent, which is then 第2轮."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select

from proposal_desk.services import handling, rounds
from proposal_desk.storage.models import Proposal

from .conftest import select_number


def _with(db: Any, number: str, change: Any) -> None:
    with db.transaction() as s:
        p = s.scalars(select(Proposal).where(Proposal.number == number)).one()
        change(s, p)


def _reply(s: Any, p: Proposal, category: str, sent: dt.date | None) -> None:
    fields: dict[str, Any] = {"category": category, "text": f"{category}类答复正文"}
    if sent:
        fields["sent_on"] = sent
    handling.save_reply(s, p, **fields)


def test_the_heading_keeps_one_round_together(qtbot: Any, seeded_db: Any,
                                              make_window: Any) -> None:
    _with(seeded_db, "144026", lambda s, p: _reply(s, p, "C", dt.date(2025, 6, 17)))
    _with(seeded_db, "144026", lambda _s, p: handling.record_opinion(
        p, "不满意", received_on=dt.date(2025, 6, 30)))
    _with(seeded_db, "144026", lambda s, p: _reply(s, p, "B", None))  # round 2, a draft
    window = make_window(seeded_db)
    detail = select_number(qtbot, window, "144026")
    text = detail.state_label.text()
    assert "第1轮答复于 2025年6月17日　C 类　委员意见：不满意" in text
    assert "第2轮重新办理中" in text and "B 类" not in text

    _with(seeded_db, "144026", lambda s, p: _reply(s, p, "B", dt.date(2025, 8, 20)))
    detail.reload(keep_dirty=False)  # saved elsewhere (another window): read it again
    qtbot.waitUntil(lambda: "8月20日" in detail.state_label.text(), timeout=10000)
    text = detail.state_label.text()
    assert "第2轮答复于 2025年8月20日　B 类　委员意见：尚未反馈" in text
    assert "6月17日" not in text and "不满意" not in text


def test_a_single_round_is_not_numbered(seeded_db: Any) -> None:
    _with(seeded_db, "144009", lambda s, p: _reply(s, p, "A", dt.date(2025, 6, 10)))
    _with(seeded_db, "144009", lambda _s, p: handling.record_opinion(
        p, "满意", received_on=dt.date(2025, 6, 20)))
    with seeded_db.session() as s:
        p = s.scalars(select(Proposal).where(Proposal.number == "144009")).one()
        latest = rounds.latest_round(p)
        assert latest is not None
        assert rounds.round_text(latest) == "答复于 2025年6月10日　A 类　委员意见：满意"
        other = s.scalars(select(Proposal).where(Proposal.number == "144026")).one()
        assert rounds.latest_round(other) is None
