"""Unsaved answer texts are kept as a draft file (every 30 s, and when the window moves off
the proposal without a choice), offered back the next time, deleted on save or discard;
switching proposals still asks 保存 / 不保存 as before."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from proposal_desk.services import drafts
from proposal_desk.storage.models import Proposal

from .conftest import Stand, select_number


def _folder(window: Any) -> Path:
    return Path(window.ctx.data_folder)


def _type(detail: Any, text: str, summary: str = "") -> None:
    form = detail.reply.reply if detail.reply.answers else detail.reply.assist
    form.textEdit.setPlainText(text)
    if summary:
        form.summaryEdit.setPlainText(summary)


def _leave_draft(qtbot: Any, window: Any, number: str, text: str, kind: str = "reply"
                 ) -> tuple[int, Path]:
    """Type `text` into the proposal's answer, then move off it without anyone asking (it left
    the list): its draft is kept. Returns the proposal's id and the draft's path."""
    detail = select_number(qtbot, window, number)
    _type(detail, text)
    pid = detail.proposal_id
    detail.show_proposal(None)
    return pid, drafts.draft_path(_folder(window), pid, kind)


def _open_again(qtbot: Any, window: Any, number: str) -> Any:
    """Open the proposal again after the window moved off it (through another one)."""
    select_number(qtbot, window, "144009")
    return select_number(qtbot, window, number)


def test_the_text_is_kept_every_30_seconds_and_dropped_on_save(
        qtbot: Any, seeded_db: Any, make_window: Any) -> None:
    window = make_window(seeded_db)
    detail = select_number(qtbot, window, "144026")
    pid = detail.proposal_id
    tab = detail.reply
    assert not tab.draft_timer.isActive()
    _type(detail, "一、关于食品安全监管……", "一是加强抽检")
    assert tab.dirty and tab.draft_timer.isActive()
    assert tab.draft_timer.interval() == 30_000
    path = drafts.draft_path(_folder(window), pid, "reply")
    assert not path.exists()
    tab.draft_timer.timeout.emit()
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["fields"] == {"text": "一、关于食品安全监管……", "summary": "一是加强抽检"}
    assert data["base"] == {"text": "", "summary": ""}
    assert detail.save()
    assert not path.exists() and not tab.draft_timer.isActive()


def test_discarding_the_edits_drops_the_draft(qtbot: Any, seeded_db: Any,
                                             make_window: Any) -> None:
    window = make_window(seeded_db)
    detail = select_number(qtbot, window, "144026")
    _type(detail, "草稿")
    detail.reply.draft_timer.timeout.emit()
    path = drafts.draft_path(_folder(window), detail.proposal_id, "reply")
    assert path.exists()
    detail.revert()
    assert not path.exists()


def test_a_draft_left_behind_is_offered_back(qtbot: Any, seeded_db: Any,
                                            make_window: Any) -> None:
    window = make_window(seeded_db)
    pid, path = _leave_draft(qtbot, window, "144026", "一、关于食品安全监管……")
    kept = json.loads(path.read_text(encoding="utf-8"))
    assert kept["fields"]["text"] == "一、关于食品安全监管……"
    detail = _open_again(qtbot, window, "144026")
    tab = detail.reply
    bar = tab.draft_bar
    assert bar.isVisibleTo(detail.reply)
    saved_at = drafts.read_draft(_folder(window), pid, "reply").saved_text
    assert bar.restore_button.text() == f"恢复未保存的草稿（保存于 {saved_at}）"
    assert tab.reply.textEdit.toPlainText() == "" and tab.reply.textEdit.isReadOnly()
    assert not tab.dirty
    qtbot.mouseClick(bar.restore_button, Qt.MouseButton.LeftButton)
    assert tab.reply.textEdit.toPlainText() == "一、关于食品安全监管……"
    assert not tab.reply.textEdit.isReadOnly() and not bar.isVisibleTo(detail.reply)
    assert tab.dirty  # restored, not saved: 保存 as usual
    assert detail.save()
    assert not path.exists()
    with seeded_db.session() as s:
        p = s.get(Proposal, pid)
        assert p is not None and p.replies[0].text == "一、关于食品安全监管……"


def test_an_assisting_opinion_draft_can_be_discarded(qtbot: Any, seeded_db: Any,
                                                      make_window: Any) -> None:
    window = make_window(seeded_db)
    detail = select_number(qtbot, window, "144011")
    pid = detail.proposal_id
    assert not detail.reply.answers
    _type(detail, "我局意见如下：……")
    detail.show_proposal(None)
    path = drafts.draft_path(_folder(window), pid, "assist")
    assert path.exists()
    detail = _open_again(qtbot, window, "144011")
    bar = detail.reply.draft_bar
    assert bar.isVisibleTo(detail.reply) and "协办意见正文" in bar.label.text()
    qtbot.mouseClick(bar.discard_button, Qt.MouseButton.LeftButton)
    assert not path.exists() and not bar.isVisibleTo(detail.reply)
    assert detail.reply.assist.textEdit.toPlainText() == ""
    assert not detail.reply.assist.textEdit.isReadOnly()


def test_switching_proposals_still_asks(qtbot: Any, seeded_db: Any, make_window: Any,
                                        stand: Stand) -> None:
    window = make_window(seeded_db)
    detail = select_number(qtbot, window, "144026")
    pid = detail.proposal_id
    _type(detail, "草稿")
    detail.reply.draft_timer.timeout.emit()
    path = drafts.draft_path(_folder(window), pid, "reply")
    assert path.exists()  # kept while typing; the choice below drops it
    stand.save_choice = "discard"
    select_number(qtbot, window, "144009")
    assert len(stand.save_questions) == 1
    assert not path.exists()


def test_a_draft_older_than_a_later_save_is_not_offered(qtbot: Any, seeded_db: Any,
                                                        make_window: Any) -> None:
    window = make_window(seeded_db)
    detail = select_number(qtbot, window, "144026")
    pid = detail.proposal_id
    _type(detail, "同事保存的正文")
    assert detail.save()
    long_ago = dt.datetime.now() - dt.timedelta(days=1)
    drafts.write_draft(_folder(window), pid, "reply", {"text": "旧草稿", "summary": ""},
                       {"text": "", "summary": ""}, now=long_ago)
    detail.show_proposal(None)
    detail = _open_again(qtbot, window, "144026")
    assert not detail.reply.draft_bar.isVisibleTo(detail.reply)
    assert detail.reply.reply.textEdit.toPlainText() == "同事保存的正文"


def test_unchanged_text_is_not_written_again(qtbot: Any, seeded_db: Any,
                                             make_window: Any) -> None:
    window = make_window(seeded_db)
    detail = select_number(qtbot, window, "144026")
    _type(detail, "草稿")
    tab = detail.reply
    tab.draft_timer.timeout.emit()
    path = drafts.draft_path(_folder(window), detail.proposal_id, "reply")
    path.write_text("{}", encoding="utf-8")  # stands for the file as kept
    tab.draft_timer.timeout.emit()
    assert path.read_text(encoding="utf-8") == "{}"  # nothing new typed: not rewritten
    _type(detail, "草稿，续写")
    tab.draft_timer.timeout.emit()
    assert json.loads(path.read_text(encoding="utf-8"))["fields"]["text"] == "草稿，续写"


def test_an_offered_draft_survives_saving_another_field(qtbot: Any, seeded_db: Any,
                                                        make_window: Any) -> None:
    # While a draft is on offer only its texts are locked; saving (or undoing) an edit of
    # another field must not throw away the draft the clerk has not chosen about yet.
    window = make_window(seeded_db)
    _pid, path = _leave_draft(qtbot, window, "144026", "一、下午写的长文……")
    assert path.exists()
    detail = _open_again(qtbot, window, "144026")
    tab = detail.reply
    assert tab._offered is not None
    qtbot.keyClicks(tab.reply.contactNameEdit, "Zhang")  # QTest types ASCII only
    assert tab.dirty
    assert detail.save()
    assert path.exists(), "saving another field deleted the draft on offer"
    assert tab._offered is not None
