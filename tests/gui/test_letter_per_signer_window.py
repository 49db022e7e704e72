"""答复函 from the window follows the reply's 合发一封答复函 (documents.letters.per_signer),
as `proposal-desk letter` does: unticked on a joint proposal, one letter per signer."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from proposal_desk.gui import operations
from proposal_desk.services import handling
from proposal_desk.storage.models import Proposal

from .conftest import Stand, select_number

pytest.importorskip("proposal_desk.documents.letters")


@pytest.mark.parametrize("joint", [False, True])
def test_the_window_prints_as_the_reply_chose(qtbot: Any, seeded_db: Any, make_window: Any,
                                              tmp_path: Path, stand: Stand,
                                              joint: bool) -> None:
    with seeded_db.transaction() as s:
        p = s.scalars(select(Proposal).where(Proposal.number == "144026")).one()
        reply = handling.save_reply(s, p, category="A", text="答复正文。",
                                    sent_on=dt.date(2025, 6, 17))
        reply.joint_letter = joint
    window = make_window(seeded_db)
    select_number(qtbot, window, "144026")
    docs = window.documents
    stand.save_path = tmp_path / "l.docx"
    docs.letter_action.trigger()
    qtbot.waitUntil(lambda: bool(docs.outputs) and operations.idle(), timeout=60000)
    expected = [tmp_path / "l.docx"] if joint else \
        [tmp_path / "l_彭刚超.docx", tmp_path / "l_高辉刚.docx"]
    assert sorted(docs.outputs) == sorted(expected)
