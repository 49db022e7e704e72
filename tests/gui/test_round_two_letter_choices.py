"""The 答复 tab of a second round starts from the first round's letter choices: 合发一封答复函
unticked stays unticked, with the same 抄送 and contact (newcomer's try-out F11)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select

from proposal_desk.services import handling
from proposal_desk.storage.models import Proposal

from .conftest import select_number


def test_round_two_starts_from_round_one_choices(qtbot: Any, seeded_db: Any,
                                                 make_window: Any) -> None:
    with seeded_db.transaction() as s:
        p = s.scalars(select(Proposal).where(Proposal.number == "144026")).one()
        reply = handling.save_reply(s, p, category="C", text="第一轮答复正文。",
                                    sent_on=dt.date(2025, 6, 17))
        reply.joint_letter, reply.cc = False, "区政协提案委"
        reply.contact_name, reply.contact_phone = "王芳", "12345678"
        handling.record_opinion(p, "不满意", received_on=dt.date(2025, 6, 30))
    window = make_window(seeded_db)
    form = select_number(qtbot, window, "144026").reply.reply
    assert not form.jointCheck.isChecked()
    assert form.ccEdit.text() == "区政协提案委"
    assert (form.contactNameEdit.text(), form.contactPhoneEdit.text()) == ("王芳", "12345678")
