"""Word documents from the window: each runs in the background, writes the file and opens it;
a 答复函 takes the next 发文字号, which the window then shows."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from proposal_desk.gui import operations
from proposal_desk.services import handling
from proposal_desk.services.queries import load_proposal

from .conftest import Stand, select_number, wait_loaded

pytest.importorskip("proposal_desk.documents.letters")
pytest.importorskip("proposal_desk.documents.chase")


@pytest.fixture
def answered(seeded_db: Any) -> Any:
    from sqlalchemy import select

    from proposal_desk.storage.models import Proposal
    from proposal_desk.storage.settings_store import set_value

    with seeded_db.transaction() as s:
        set_value(s, "bureau.doc_prefix", "周商函")
        pid = s.scalar(select(Proposal.id).where(Proposal.number == "144026"))
        p = load_proposal(s, pid)
        handling.add_record(p, date=dt.date(2025, 4, 2), method="电话")
        handling.save_reply(s, p, category="A", text="一、基本情况\n我局高度重视。",
                            signer="韩志强", step="主要领导已签发")  # numbered at 签发
    return seeded_db


def test_a_reply_letter_is_written_numbered_and_opened(qtbot: Any, answered: Any,
                                                       make_window: Any, tmp_path: Path,
                                                       stand: Stand) -> None:
    window = make_window(answered)
    detail = select_number(qtbot, window, "144026")
    docs = window.documents
    assert docs.available and docs.letter_action.isEnabled()
    assert not docs.opinion_action.isEnabled()
    stand.save_path = tmp_path / "第144026号提案答复函.docx"
    docs.letter_action.trigger()
    qtbot.waitUntil(lambda: bool(docs.outputs) and operations.idle(), timeout=60000)
    assert docs.outputs == [stand.save_path]
    assert stand.save_asked == [("保存答复函", "第144026号提案答复函.docx")]
    assert stand.save_path.stat().st_size > 5000
    assert stand.opened[-1] == stand.save_path
    wait_loaded(qtbot, window)
    assert detail.reply.reply.docNumberEdit.text() == f"周商函〔{dt.date.today().year}〕1号"


def test_the_chase_list_for_the_director(qtbot: Any, answered: Any, make_window: Any,
                                         tmp_path: Path, stand: Stand) -> None:
    window = make_window(answered)
    stand.save_path = tmp_path / "催办清单.xlsx"
    window.documents.chase_action.trigger()
    qtbot.waitUntil(lambda: bool(window.documents.outputs) and operations.idle(), timeout=60000)
    assert stand.save_path.is_file()
    assert stand.opened[-1] == stand.save_path
