"""编写年度报告文字: the sections staff write, per year, carried over from last year, saved in
one transaction, asked about before they are lost, and printed in the report."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QMenu
from sqlalchemy import select

from proposal_desk.gui import operations
from proposal_desk.services import report_draft, report_texts
from proposal_desk.services.report_texts import OPENING, PLANS, PRACTICE, PROBLEMS
from proposal_desk.storage.errors import UserError
from proposal_desk.storage.models import ReportText

from .conftest import Stand

pytest.importorskip("proposal_desk.documents.report")

LAST_YEAR = {
    OPENING: "2024年，我局把提案办理作为改进工作的重要抓手。",
    PRACTICE: "（一）领导带头办理。\n（二）当面沟通协商。",
    PROBLEMS: "个别答复措施不够具体。",
    PLANS: "（一）加强跟踪落实。",
}


@pytest.fixture
def with_last_year(seeded_db: Any) -> Any:
    with seeded_db.transaction() as s:
        for section, text in LAST_YEAR.items():
            report_texts.save_text(s, 2024, section, text)
    return seeded_db


def _texts(db: Any, year: int) -> dict[str, str]:
    with db.session() as s:
        return {r.section: r.text for r in s.scalars(
            select(ReportText).where(ReportText.year == year))}


def test_save_draft_keeps_every_section_or_none(with_last_year: Any) -> None:
    db = with_last_year
    with db.session() as s:
        draft = report_draft.load_draft(s, 2025)
    assert not draft.saved_for_year and draft.carried_from() == 2024
    assert draft.texts[PRACTICE].text == LAST_YEAR[PRACTICE]
    assert draft.basic[0].startswith("2025年，区商务局共承办")
    texts = {s: t.text for s, t in draft.texts.items()}
    with pytest.raises(UserError, match="存在问题"), db.transaction() as s:
        report_draft.save_draft(s, 2025, {**texts, PROBLEMS: "  "})
    assert _texts(db, 2025) == {}
    with db.transaction() as s:
        report_draft.save_draft(s, 2025, {**texts, PLANS: "（一）建立B类事项清单。"})
    assert _texts(db, 2025) == {**LAST_YEAR, PLANS: "（一）建立B类事项清单。"}
    assert _texts(db, 2024) == LAST_YEAR
    with db.session() as s:
        assert report_draft.has_own_texts(s, 2025) and not report_draft.has_own_texts(s, 2023)
        years = report_draft.draft_years(s)
    assert {2024, 2025} <= set(years) and years == sorted(years, reverse=True)


def test_the_dialog_starts_from_last_year_and_saves_the_year(
        qtbot: Any, with_last_year: Any, make_window: Any, stand: Stand) -> None:
    window = make_window(with_last_year)
    assert window.snapshot.year == 2025
    docs = window.documents
    docs_menu = next(m for m in window.menuBar().findChildren(QMenu) if m.title() == "文书(&D)")
    assert docs.report_texts_action in docs_menu.actions()
    docs.report_texts_action.trigger()
    dialog = docs.report_texts_dialog
    qtbot.waitUntil(lambda: dialog.draft is not None and operations.idle(), timeout=20000)
    ui = dialog.ui
    assert ui.yearBox.currentData() == 2025
    assert ui.openingEdit.toPlainText() == LAST_YEAR[OPENING]
    assert "沿用2024年的文字" in ui.openingSource.text()
    assert "尚未保存" in ui.stateLabel.text()
    # the figures paragraph, as the report prints it, read-only beside the texts
    assert ui.basicView.isReadOnly()
    assert "2025年，区商务局共承办区政协十四届四次会议委员提案3件" in ui.basicView.toPlainText()
    assert not dialog.is_dirty()

    ui.practiceEdit.moveCursor(QTextCursor.MoveOperation.Start)
    ui.practiceEdit.insertPlainText("（三）")  # typed at the start (keyClicks is ASCII-only)
    assert dialog.is_dirty() and dialog.windowTitle().endswith("*")
    stand.save_choice = "cancel"
    qtbot.mouseClick(ui.closeButton, Qt.MouseButton.LeftButton)
    assert stand.save_questions == ["2025年的报告文字"]
    assert dialog.isVisible() and dialog.is_dirty()

    qtbot.mouseClick(ui.saveButton, Qt.MouseButton.LeftButton)
    assert not dialog.is_dirty()
    saved = _texts(with_last_year, 2025)
    assert saved[PRACTICE] == "（三）" + LAST_YEAR[PRACTICE]
    assert saved[OPENING] == LAST_YEAR[OPENING] and set(saved) == set(LAST_YEAR)
    assert _texts(with_last_year, 2024) == LAST_YEAR  # last year's report is unchanged
    assert "这是2025年保存的文字" in ui.practiceSource.text()
    assert "已保存" in ui.stateLabel.text()
    qtbot.mouseClick(ui.closeButton, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


def test_changing_the_year_asks_about_unsaved_texts(
        qtbot: Any, with_last_year: Any, make_window: Any, stand: Stand) -> None:
    window = make_window(with_last_year)
    dialog = window.documents.edit_report_texts(2025)
    qtbot.waitUntil(lambda: dialog.draft is not None and operations.idle(), timeout=20000)
    ui = dialog.ui
    ui.problemsEdit.setPlainText("新写的问题。")
    stand.save_choice = "cancel"
    ui.yearBox.setCurrentIndex(ui.yearBox.findData(2024))
    assert ui.yearBox.currentData() == 2025 and dialog.year == 2025
    assert ui.problemsEdit.toPlainText() == "新写的问题。"
    stand.save_choice = "discard"
    with qtbot.waitSignal(dialog.loaded, timeout=20000):
        ui.yearBox.setCurrentIndex(ui.yearBox.findData(2024))
    assert "这是2024年保存的文字" in ui.problemsSource.text()
    assert ui.problemsEdit.toPlainText() == LAST_YEAR[PROBLEMS]
    assert _texts(with_last_year, 2025) == {}  # discarded, never written
    assert stand.save_questions == ["2025年的报告文字", "2025年的报告文字"]


def test_the_first_report_of_a_year_asks_for_its_texts_then_prints_them(
        qtbot: Any, with_last_year: Any, make_window: Any, stand: Stand,
        tmp_path: Path) -> None:
    from docx import Document

    window = make_window(with_last_year)
    docs = window.documents
    stand.save_path = tmp_path / "2025年报告.docx"
    docs.report_action.trigger()
    dialog = docs.report_texts_dialog
    assert dialog is not None and dialog.isVisible()
    assert "生成2025年的报告之前" in dialog.ui.introLabel.text()
    qtbot.waitUntil(lambda: dialog.draft is not None and operations.idle(), timeout=20000)
    assert not stand.save_path.exists()  # nothing generated yet
    dialog.ui.plansEdit.setPlainText("（一）2025年的新打算。")
    qtbot.mouseClick(dialog.ui.generateButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(docs.outputs) and operations.idle(), timeout=60000)
    assert docs.outputs == [stand.save_path] and stand.opened[-1] == stand.save_path
    assert _texts(with_last_year, 2025)[PLANS] == "（一）2025年的新打算。"
    text = "\n".join(p.text for p in Document(str(stand.save_path)).paragraphs)
    assert "2025年的新打算" in text and "领导带头办理" in text
    assert "（一）加强跟踪落实。" not in text  # last year's plans were replaced

    # with the year's texts saved, the report action goes straight to the file
    docs.outputs = []
    stand.save_path = tmp_path / "again.docx"
    docs.report_action.trigger()
    qtbot.waitUntil(lambda: bool(docs.outputs) and operations.idle(), timeout=60000)
    assert docs.outputs == [stand.save_path]
