"""Two people saving the same proposal: the second save is refused and shows both versions
field by field — every field of the forms being saved — with who saved and what each side
changed; the user keeps theirs deliberately, takes the stored one, or goes back to editing."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import Qt

from proposal_desk.gui.detail.base import DetailTab
from proposal_desk.services import handling
from proposal_desk.services.queries import load_proposal
from proposal_desk.storage.conflicts import claim_proposal

from .conftest import select_number, wait_loaded

THEIR_TITLE = "关于加强食品安全监管的建议（提案委修订）"
OLD_TITLE = "关于加强食品安全监管的建议"


def colleague_saves(db: Any, pid: int, *, title: str | None = None,
                    reply_text: str | None = None, user: str = "王丽") -> None:
    """Another copy of the program (a colleague on the shared database) saves first, the way
    the detail pane saves: claiming the proposal at the version it read."""
    db.user = user
    try:
        with db.transaction() as s:
            version = load_proposal(s, pid).version
            p = claim_proposal(s, pid, version)
            p = load_proposal(s, pid)
            if title is not None:
                p.title = title
            if reply_text is not None:
                handling.save_reply(s, p, category="A", text=reply_text)
    finally:
        db.user = "tester"


def _rows(dialog: Any) -> dict[str, tuple[str, str, str]]:
    model = dialog.model
    return {model.cell(r, 0): (model.cell(r, 1), model.cell(r, 2), model.cell(r, 3))
            for r in range(model.rowCount())}


@pytest.fixture
def window_on_144026(qtbot: Any, seeded_db: Any, make_window: Any) -> tuple[Any, Any]:
    window = make_window(seeded_db)
    return window, select_number(qtbot, window, "144026")


def test_both_versions_field_by_field_then_keep_mine(
        qtbot: Any, seeded_db: Any, window_on_144026: tuple[Any, Any]) -> None:
    window, detail = window_on_144026
    pid = detail.proposal_id
    colleague_saves(seeded_db, pid, title=THEIR_TITLE, reply_text="对方写的答复正文。")
    # this user, still on the version read before: a note and a reply text of their own
    detail.basic.ui.notesEdit.setPlainText("我的备注")
    detail.tabs.setCurrentWidget(detail.reply)
    detail.reply.reply.textEdit.setPlainText("我写的答复正文。")
    assert detail.save() is False
    dialog = detail.conflict_dialog
    assert dialog.isVisible() and dialog.isModal()
    assert "第144026号已被他人修改" in dialog.ui.headingLabel.text()
    assert "王丽于" in dialog.ui.explainLabel.text()
    rows = _rows(dialog)
    assert rows["基本信息 › 案由"] == (THEIR_TITLE, OLD_TITLE, "对方改的")
    assert rows["基本信息 › 备注"] == ("（空）", "我的备注", "您改的")
    assert rows["答复 › 答复正文"] == ("对方写的答复正文。", "我写的答复正文。", "双方都改了")
    assert rows["答复 › 答复类别"] == ("A 类", "（未定）", "对方改的")
    assert "基本信息 › 提案号" not in rows  # the same on both sides
    # the full texts of the chosen row, side by side
    dialog.ui.diffTable.selectRow(list(rows).index("答复 › 答复正文"))
    assert dialog.ui.theirsView.toPlainText() == "对方写的答复正文。"
    assert dialog.ui.mineView.toPlainText() == "我写的答复正文。"
    with seeded_db.session() as s:  # nothing of this save was written
        p = load_proposal(s, pid)
        assert (p.title, p.notes, p.replies[0].text) == (THEIR_TITLE, "", "对方写的答复正文。")

    qtbot.mouseClick(dialog.ui.keepMineButton, Qt.MouseButton.LeftButton)
    wait_loaded(qtbot, window)
    assert not detail.is_dirty()
    with seeded_db.session() as s:
        p = load_proposal(s, pid)
        assert (p.title, p.notes) == (OLD_TITLE, "我的备注")  # as the table said it would be
        assert p.replies[0].text == "我写的答复正文。"
    assert detail.basic.ui.titleEdit.text() == OLD_TITLE


def test_take_theirs_reloads_and_back_keeps_editing(
        qtbot: Any, seeded_db: Any, window_on_144026: tuple[Any, Any]) -> None:
    window, detail = window_on_144026
    pid = detail.proposal_id
    colleague_saves(seeded_db, pid, title=THEIR_TITLE)
    detail.basic.ui.notesEdit.setPlainText("我的备注")
    assert detail.save() is False
    first = detail.conflict_dialog
    qtbot.mouseClick(first.ui.backButton, Qt.MouseButton.LeftButton)
    assert not first.isVisible()
    assert detail.basic.dirty and detail.basic.ui.notesEdit.toPlainText() == "我的备注"

    assert detail.save() is False  # still refused: nothing was decided
    second = detail.conflict_dialog
    assert second is not first and second.isVisible()
    qtbot.mouseClick(second.ui.takeTheirsButton, Qt.MouseButton.LeftButton)
    assert not detail.is_dirty()
    assert detail.basic.ui.titleEdit.text() == THEIR_TITLE
    assert detail.basic.ui.notesEdit.toPlainText() == ""
    with seeded_db.session() as s:
        p = load_proposal(s, pid)
        assert (p.title, p.notes) == (THEIR_TITLE, "")
    # from the stored version, the next save goes through
    detail.basic.ui.notesEdit.setPlainText("重新填写的备注")
    assert detail.save() is True
    wait_loaded(qtbot, window)


def test_a_change_elsewhere_in_the_proposal_is_shown_as_no_clash(
        qtbot: Any, seeded_db: Any, window_on_144026: tuple[Any, Any]) -> None:
    window, detail = window_on_144026
    pid = detail.proposal_id
    colleague_saves(seeded_db, pid, title=THEIR_TITLE)  # 基本信息
    detail.tabs.setCurrentWidget(detail.reply)
    detail.reply.reply.textEdit.setPlainText("我写的答复正文。")  # 答复 only
    assert detail.save() is False
    dialog = detail.conflict_dialog
    assert _rows(dialog) == {"答复正文": ("（空）", "我写的答复正文。", "您改的")}
    assert "与您的修改不冲突" in dialog.ui.explainLabel.text()
    assert dialog.ui.keepMineButton.text() == "保存我的修改(&K)"
    qtbot.mouseClick(dialog.ui.keepMineButton, Qt.MouseButton.LeftButton)
    wait_loaded(qtbot, window)
    with seeded_db.session() as s:
        p = load_proposal(s, pid)
        assert p.title == THEIR_TITLE and p.replies[0].text == "我写的答复正文。"


def test_own_records_do_not_clash_but_a_colleague_in_between_still_does(
        qtbot: Any, seeded_db: Any, window_on_144026: tuple[Any, Any]) -> None:
    window, detail = window_on_144026
    pid = detail.proposal_id
    detail.basic.ui.notesEdit.setPlainText("我的备注")
    # this user's own immediate change (签收) while the form has unsaved edits
    detail.change(lambda _s, p: handling.sign(p, dt.date(2025, 3, 20)))
    assert detail.basic.dirty
    assert detail.save() is True
    wait_loaded(qtbot, window)

    detail.basic.ui.notesEdit.setPlainText("第二次修改")
    colleague_saves(seeded_db, pid, title=THEIR_TITLE)
    # a record added now reloads the pane, but must not pass the colleague's save off as seen
    detail.change(lambda _s, p: handling.add_record(p, date=dt.date(2025, 3, 21),
                                                    method="电话"))
    assert detail.basic.dirty
    assert detail.save() is False
    assert "基本信息 › 案由" not in _rows(detail.conflict_dialog)  # one tab: no prefix
    assert _rows(detail.conflict_dialog)["案由"][0] == THEIR_TITLE
    with seeded_db.session() as s:
        assert load_proposal(s, pid).notes == "我的备注"


def test_every_field_of_the_forms_is_compared(window_on_144026: tuple[Any, Any]) -> None:
    _window, detail = window_on_144026
    for tab in (detail.basic, detail.reply, detail.opinion):
        assert isinstance(tab, DetailTab)
        fields = tab.form_fields()
        labels = [label for label, _ in fields]
        assert len(labels) == len(set(labels)), labels  # each field named once
        assert all(label and not label.endswith(("Edit", "Box", "Field")) for label in labels)
        shown = [w for w in tab._watched if w.isVisibleTo(tab)]
        radios = sum(type(w).__name__ == "QRadioButton" for w in shown)
        assert len(fields) == len(shown) - radios + (1 if radios else 0)
    basic = {label for label, _ in detail.basic.form_fields()}
    assert {"案由", "承办人", "备注", "办理时限"} <= basic
    assert {"答复正文", "答复类别", "发文字号", "办理工作小结"} <= {
        label for label, _ in detail.reply.form_fields()}
    assert detail.opinion.form_fields()[0] == ("委员意见", "未选")
