"""打印退回申请函…: from the 退回 banner of the proposal and from the 文书 menu, written on a
worker thread and opened; offered only for a proposal that has a 退回 request."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from proposal_desk.gui import operations
from proposal_desk.services import handling
from proposal_desk.storage.models import Proposal

from .conftest import Stand, select_number

pytest.importorskip("proposal_desk.documents.return_letter")

REASON = "夜间经济的规划和促进属区发展和改革局职责，请改交发改局主办"


def test_the_return_letter_from_the_banner_and_the_menu(qtbot: Any, seeded_db: Any,
                                                        make_window: Any, tmp_path: Path,
                                                        stand: Stand) -> None:
    from docx import Document

    with seeded_db.transaction() as s:
        p = s.scalars(select(Proposal).where(Proposal.number == "144011")).one()
        handling.request_return(p, on=dt.date(2025, 3, 25), reason=REASON,
                                suggested_unit="区发展和改革局")
    window = make_window(seeded_db)
    docs = window.documents
    menu = next(a.menu() for a in window.menuBar().actions() if a.text().startswith("文书"))
    assert docs.return_letter_action in menu.actions()

    detail = select_number(qtbot, window, "144026")  # no 退回 request
    assert not detail.return_letter_button.isVisibleTo(detail)
    assert not docs.return_letter_action.isEnabled()

    detail = select_number(qtbot, window, "144011")
    button = detail.return_letter_button
    assert button.isVisibleTo(detail) and button.isEnabled()
    assert docs.return_letter_action.isEnabled()
    stand.save_path = tmp_path / "退回申请函.docx"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(docs.outputs) and operations.idle(), timeout=60000)
    assert docs.outputs == [stand.save_path] and stand.opened[-1] == stand.save_path
    assert stand.save_asked == [("保存退回申请函", "第144011号退回申请函.docx")]
    text = "\n".join(par.text for par in Document(str(stand.save_path)).paragraphs)
    assert "第144011号" in text and "区发展和改革局" in text and "夜间经济" in text

    docs.outputs = []
    stand.save_path = tmp_path / "again"  # the .docx ending is added
    docs.return_letter_action.trigger()
    qtbot.waitUntil(lambda: bool(docs.outputs) and operations.idle(), timeout=60000)
    assert docs.outputs == [tmp_path / "again.docx"]


def test_the_banner_button_gets_its_tooltip_back_once_the_database_is_open(
        qtbot: Any, seeded_db: Any, make_window: Any) -> None:
    """While the database opens the button says so; afterwards it says what it does again (it
    kept 正在打开数据库… for the whole session after a quick start)."""
    from proposal_desk.gui.detail.pane import RETURN_LETTER_TIP

    window = make_window(seeded_db)
    detail = select_number(qtbot, window, "144026")
    db = window.ctx.db
    window.ctx._db = None  # as during the quick start, before the hand-over
    window.documents.refresh_state()
    assert detail.return_letter_button.toolTip() == "正在打开数据库…"
    window.ctx._db = db
    window.documents.refresh_state()
    assert detail.return_letter_button.toolTip() == RETURN_LETTER_TIP
