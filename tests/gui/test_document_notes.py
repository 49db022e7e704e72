"""After a 答复函 or 会办意见 is written, the window says why it has no 发文字号 (not yet
signed, or no prefix set), naming the settings page rather than a command."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from proposal_desk.gui import operations
from proposal_desk.services import handling
from proposal_desk.services.queries import load_proposal
from proposal_desk.storage.models import Proposal

from .conftest import Stand, select_number, wait_loaded

pytest.importorskip("proposal_desk.documents.letters")
pytest.importorskip("proposal_desk.documents.opinions")


def _pid(s: Any, number: str) -> int:
    return s.scalar(select(Proposal.id).where(Proposal.number == number))


def _write(qtbot: Any, window: Any, action: Any) -> list[str]:
    docs = window.documents
    action.trigger()
    qtbot.waitUntil(lambda: bool(docs.outputs) and operations.idle(), timeout=60000)
    wait_loaded(qtbot, window)
    return docs.notes


def test_an_unsigned_letter_says_why_it_has_no_number(qtbot: Any, seeded_db: Any,
                                                      make_window: Any, tmp_path: Path,
                                                      stand: Stand) -> None:
    with seeded_db.transaction() as s:
        p = load_proposal(s, _pid(s, "144026"))
        handling.add_record(p, date=dt.date(2025, 4, 2), method="电话")
        handling.save_reply(s, p, category="A", text="一、基本情况\n我局高度重视。")
    window = make_window(seeded_db)
    select_number(qtbot, window, "144026")
    stand.save_path = tmp_path / "letter.docx"
    notes = _write(qtbot, window, window.documents.letter_action)
    assert "尚未签发：答复函暂不编发文字号" in notes[0]
    # no 联系人/电话 set in this bureau (F11): said too, naming the settings page
    assert notes[1:] == ["答复函没有联系人和联系电话：本单位联系人、联系电话未设置"
                         "（设置 › 本单位），也可在“答复”页填写本件的"]
    message = window.statusBar().currentMessage()
    assert "已生成 1 个文件" in message and "尚未签发" in message
    assert "答复函没有联系人和联系电话" in message


def test_an_opinion_without_prefix_says_where_to_set_it(qtbot: Any, seeded_db: Any,
                                                        make_window: Any, tmp_path: Path,
                                                        stand: Stand) -> None:
    with seeded_db.transaction() as s:
        p = load_proposal(s, _pid(s, "144011"))
        handling.save_assist_opinion(s, p, text="建议加强商贸流通配套。",
                                     sent_on=dt.date(2025, 4, 10))
    window = make_window(seeded_db)
    select_number(qtbot, window, "144011")
    stand.save_path = tmp_path / "opinion.docx"
    notes = _write(qtbot, window, window.documents.opinion_action)
    # sent without a number, it keeps none once the prefix is set (core/doc_numbers.py)
    assert notes[0].startswith("第144011号的协办意见已于2025年4月10日发出，记录中没有发文字号")
    assert notes[1:] == ["未设置会办意见发文字号前缀（设置 › 本单位），会办意见没有发文字号",
                         "协办意见没有联系人和联系电话：本单位联系人、联系电话未设置"
                         "（设置 › 本单位），也可在“协办意见”页填写本件的"]
    assert "未设置会办意见发文字号前缀" in window.statusBar().currentMessage()
    assert "proposal-desk config" not in window.statusBar().currentMessage()


def test_all_letters_say_which_replies_had_no_text(qtbot: Any, seeded_db: Any,
                                                   make_window: Any, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """A reply without text (a ledger's history) has no letter: the window says which."""
    from proposal_desk.gui import messages

    told: list[str] = []
    monkeypatch.setattr(messages, "notice", lambda _parent, _title, text, **_kw: told.append(text))
    with seeded_db.transaction() as s:
        p = load_proposal(s, _pid(s, "144026"))
        handling.add_record(p, date=dt.date(2025, 4, 2), method="电话")
        handling.save_reply(s, p, category="A", sent_on=dt.date(2025, 6, 1), from_record=True)
    window = make_window(seeded_db)
    window.documents.all_letters(tmp_path / "all")
    qtbot.waitUntil(lambda: bool(told), timeout=60000)
    wait_loaded(qtbot, window)
    assert window.documents.notes == ["1件的答复没有正文，未生成答复函（第144026号）"]
    assert told == ["1件的答复没有正文，未生成答复函（第144026号）。"]
