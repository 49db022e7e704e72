"""The 答复 tab's list of earlier rounds prints each round's own letter: the first answer of a
re-handled proposal can be reprinted for the file (newcomer's try-out F11)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from sqlalchemy import select

from proposal_desk.gui import operations
from proposal_desk.services import handling
from proposal_desk.storage.models import Proposal

from .conftest import Stand, select_number, wait_loaded


def _with(db: Any, change: Any) -> None:
    with db.transaction() as s:
        change(s, s.scalars(select(Proposal).where(Proposal.number == "144026")).one())


def test_the_earlier_round_prints_its_own_letter(qtbot: Any, seeded_db: Any, make_window: Any,
                                                tmp_path: Path, stand: Stand) -> None:
    from docx import Document

    _with(seeded_db, lambda s, p: handling.save_reply(
        s, p, category="C", text="第一轮答复正文。", sent_on=dt.date(2025, 6, 17)))
    _with(seeded_db, lambda _s, p: handling.record_opinion(
        p, "不满意", received_on=dt.date(2025, 6, 30)))
    _with(seeded_db, lambda s, p: handling.save_reply(
        s, p, category="B", text="第二轮答复正文。", sent_on=dt.date(2025, 8, 20)))
    window = make_window(seeded_db)
    detail = select_number(qtbot, window, "144026")
    label = detail.reply.reply.roundsLabel
    assert "第1轮：C 类" in label.text() and "href='round:1'" in label.text()
    stand.save_path = tmp_path / "first.docx"
    label.linkActivated.emit("round:1")
    qtbot.waitUntil(lambda: bool(window.documents.outputs) and operations.idle(), timeout=60000)
    wait_loaded(qtbot, window)
    assert stand.save_asked[-1][1] == "第144026号提案第1轮答复函.docx"
    text = "\n".join(p.text for p in Document(str(tmp_path / "first.docx")).paragraphs)
    assert "第一轮答复正文。" in text and "第二轮答复正文。" not in text
    assert "收悉。现答复如下：" in text
    assert "已生成 1 个文件" in window.statusBar().currentMessage()


def test_the_link_is_a_link(seeded_db: Any, make_window: Any, qtbot: Any) -> None:
    from PySide6.QtCore import Qt

    window = make_window(seeded_db)
    detail = select_number(qtbot, window, "144026")
    flags = detail.reply.reply.roundsLabel.textInteractionFlags()
    assert flags & Qt.TextInteractionFlag.LinksAccessibleByMouse


def test_a_round_not_on_record_is_said_before_a_file_is_asked_for(
        qtbot: Any, seeded_db: Any, make_window: Any, stand: Stand,
        monkeypatch: Any) -> None:
    from proposal_desk.gui import messages

    _with(seeded_db, lambda s, p: handling.save_reply(
        s, p, category="C", text="第一轮答复正文。", sent_on=dt.date(2025, 6, 17)))
    warned: list[str] = []
    monkeypatch.setattr(messages, "warn", lambda _parent, text, *_a, **_k: warned.append(text))
    window = make_window(seeded_db)
    select_number(qtbot, window, "144026")
    assert window.documents.letter(round_no=3) is None
    assert warned == ["第144026号提案没有第3轮答复（已有：第1轮）"]  # letters.round_reply's
    assert stand.save_asked == []
