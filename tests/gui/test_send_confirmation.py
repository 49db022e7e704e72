"""Marking a reply sent asks first when no contact is on record, or a key proposal was never
met face to face; saying no saves nothing. Also: 按规定应于 names the date's real source."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select

from proposal_desk.services import handling
from proposal_desk.services.queries import load_proposal
from proposal_desk.storage.models import Meeting, Proposal

from .conftest import Stand, select_number, wait_loaded

SENT = dt.date(2025, 6, 10)


def _fill_reply(detail: Any) -> None:
    r = detail.reply.reply
    r.categoryBox.setCurrentIndex(r.categoryBox.findData("B"))
    r.textEdit.setPlainText("经研究，现答复如下：……")
    r.sentField.setValue(SENT)


def test_sending_a_key_reply_without_meeting_asks_first(qtbot: Any, seeded_db: Any,
                                                       make_window: Any, stand: Stand) -> None:
    window = make_window(seeded_db)
    detail = select_number(qtbot, window, "144009")  # key, no contact on record
    pid = detail.proposal_id
    _fill_reply(detail)
    stand.confirm_answer = False
    assert detail.save() is False
    asked = stand.confirms[-1]
    assert "沟通记录" in asked and "重点提案" in asked and "当面" in asked
    with seeded_db.session() as s:
        assert load_proposal(s, pid).replied_on is None
    # A phone call on record: only the face-to-face question is left.
    with seeded_db.transaction() as s:
        handling.add_record(load_proposal(s, pid), date=dt.date(2025, 4, 8), method="电话")
    detail.reload(keep_dirty=False)
    qtbot.waitUntil(lambda: not detail.is_dirty(), timeout=10000)
    _fill_reply(detail)
    stand.confirm_answer = True
    before = len(stand.confirms)
    assert detail.save() is True
    assert len(stand.confirms) == before + 1
    assert "不沟通不办理" not in stand.confirms[-1] and "当面" in stand.confirms[-1]
    wait_loaded(qtbot, window)
    with seeded_db.session() as s:
        assert load_proposal(s, pid).replied_on == SENT
    # Saving the sent reply again asks nothing more.
    detail.reply.reply.textEdit.setPlainText("经研究，现答复如下：……（补充）")
    assert detail.save() is True
    assert len(stand.confirms) == before + 1


def test_a_reply_with_contact_is_sent_without_questions(qtbot: Any, seeded_db: Any,
                                                       make_window: Any, stand: Stand) -> None:
    with seeded_db.transaction() as s:
        p = s.scalars(select(Proposal).where(Proposal.number == "144026")).one()
        handling.add_record(p, date=dt.date(2025, 4, 8), method="电话")
    window = make_window(seeded_db)
    detail = select_number(qtbot, window, "144026")
    _fill_reply(detail)
    assert detail.save() is True
    assert stand.confirms == []


def test_the_rule_due_date_names_its_source(qtbot: Any, seeded_db: Any,
                                            make_window: Any) -> None:
    with seeded_db.transaction() as s:
        s.scalars(select(Meeting)).one().assist_due = dt.date(2025, 5, 31)
    window = make_window(seeded_db)
    detail = select_number(qtbot, window, "144009")
    text = detail.basic.ui.ruleDueLabel.text()
    assert "2025年6月18日" in text and "交办之日起 3 个月" in text and "会议" not in text
    detail = select_number(qtbot, window, "144011")
    text = detail.basic.ui.ruleDueLabel.text()
    assert "2025年5月31日" in text and "会议规定的协办" in text


def test_the_assist_form_says_what_the_document_adds(qtbot: Any, seeded_db: Any,
                                                     make_window: Any) -> None:
    window = make_window(seeded_db)
    detail = select_number(qtbot, window, "144011")  # 协办
    form = detail.reply.assist
    assert "自动加上" in form.textLabel.text() and "收悉" in form.textLabel.text()
    assert form.assistGroup.title() == "协办意见"
    assert form.opinionButton.text() == "生成协办意见…"
    assert detail.tabs.tabText(detail.tabs.indexOf(detail.reply)) == "协办意见"
