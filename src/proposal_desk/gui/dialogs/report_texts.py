"""编写年度报告文字: the sections of the annual report that staff write (开头, 主要做法, 存在的问题,
下一步工作打算), per year, with the computed 基本情况 beside them for reference. A year without
its own texts starts from last year's; 保存 keeps all four for the year in one transaction."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QDialog, QLabel, QPlainTextEdit, QWidget

from proposal_desk.gui import messages, operations
from proposal_desk.gui.context import AppContext
from proposal_desk.gui.errors import show_exception
from proposal_desk.gui.forms.ui_report_text_dialog import Ui_ReportTextDialog
from proposal_desk.gui.icons import icon
from proposal_desk.gui.messages import SaveChoice
from proposal_desk.services import report_draft
from proposal_desk.services.report_draft import ReportDraft
from proposal_desk.services.report_texts import (
    OPENING,
    PLANS,
    PRACTICE,
    PROBLEMS,
    SectionText,
    stale_hint,
)
from proposal_desk.storage.database import Database

_SAVED_STYLE = "color: #2e7d32;"
_UNSAVED_STYLE = "color: #8a5a00; font-weight: bold;"


def source_text(text: SectionText, year: int) -> str:
    """Where a section's text comes from, in the users' words."""
    if text.is_for(year):
        return f"这是{year}年保存的文字。"
    if text.source_year is not None:
        return (f"沿用{text.source_year}年的文字。改写后保存，即成为{year}年的文字"
                f"（{text.source_year}年的报告文字不变）。" + stale_hint(text, year))
    return "首次编写：下面是一段参考文字，请按本单位的实际情况改写后保存。"


class ReportTextDialog(QDialog):
    """Non-modal editor of one year's report texts; `generate(year)` makes the report."""

    saved = Signal(int)  # year
    loaded = Signal(int)  # year, once its texts and figures are shown

    def __init__(self, parent: QWidget | None, ctx: AppContext, year: int, *,
                 generate: Callable[[int], object] | None = None, hint: str = "") -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = Ui_ReportTextDialog()
        self.ui.setupUi(self)
        self.setWindowIcon(icon("report"))
        ui = self.ui
        self._generate = generate
        self.editors: dict[str, QPlainTextEdit] = {
            OPENING: ui.openingEdit, PRACTICE: ui.practiceEdit,
            PROBLEMS: ui.problemsEdit, PLANS: ui.plansEdit}
        self.sources: dict[str, QLabel] = {
            OPENING: ui.openingSource, PRACTICE: ui.practiceSource,
            PROBLEMS: ui.problemsSource, PLANS: ui.plansSource}
        for label in self.sources.values():
            label.setStyleSheet("color: #5f6b7a;")
        ui.basicNote.setStyleSheet("color: #5f6b7a;")
        if hint:
            ui.introLabel.setText(hint)
            ui.introLabel.setStyleSheet("color: #8a5a00; font-weight: bold;")
        self.year = year
        self.draft: ReportDraft | None = None
        self._dirty = False
        self._filling = False
        with ctx.db.session() as session:
            years = report_draft.draft_years(session)
        if year not in years:
            years = sorted({*years, year}, reverse=True)
        for y in years:
            ui.yearBox.addItem(f"{y}年", y)
        ui.yearBox.setCurrentIndex(ui.yearBox.findData(year))
        ui.generateButton.setIcon(icon("report"))
        ui.generateButton.setVisible(generate is not None)
        ui.saveButton.setIcon(icon("save"))
        for editor in self.editors.values():
            editor.textChanged.connect(self._edited)
        ui.yearBox.currentIndexChanged.connect(self._year_chosen)
        ui.saveButton.clicked.connect(self.save)
        ui.closeButton.clicked.connect(self.reject)
        ui.generateButton.clicked.connect(self.save_and_generate)
        self._load(year)

    # ---- loading -----------------------------------------------------------------------

    def _load(self, year: int) -> None:
        self.year = year
        self.draft = None
        self._set_busy(True)
        self.ui.basicView.clear()
        db = self.ctx.db
        today = self.ctx.today()
        operations.run_in_background(
            self, lambda _p: _read(db, year, today), label=f"正在读取{year}年的报告文字和统计数字…",
            on_success=self._show, on_failure=self._load_failed)

    def _show(self, draft: ReportDraft) -> None:
        if draft.year != self.year:  # the user chose another year meanwhile
            return
        self.draft = draft
        self._filling = True
        try:
            for section, editor in self.editors.items():
                editor.setPlainText(draft.texts[section].text)
            self.ui.basicView.setPlainText("\n".join(f"　　{p}" for p in draft.basic))
        finally:
            self._filling = False
        self._set_busy(False)
        self._set_dirty(False)
        self.loaded.emit(draft.year)

    def _load_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        show_exception(self, exc)

    def _set_busy(self, busy: bool) -> None:
        ui = self.ui
        for widget in (*self.editors.values(), ui.saveButton, ui.generateButton):
            widget.setEnabled(not busy)

    # ---- state -------------------------------------------------------------------------

    def is_dirty(self) -> bool:
        return self._dirty

    @Slot()
    def _edited(self) -> None:
        if not self._filling and self.draft is not None:
            self._set_dirty(True)

    def _set_dirty(self, dirty: bool) -> None:
        self._dirty = dirty
        draft = self.draft
        title = f"编写{self.year}年度报告文字"
        self.setWindowTitle(title + (" *" if dirty else ""))
        if draft is None:
            self.ui.stateLabel.setText("")
            return
        for section, label in self.sources.items():
            label.setText(source_text(draft.texts[section], self.year))
        if dirty:
            text, style = "有修改尚未保存", _UNSAVED_STYLE
        elif draft.saved_for_year:
            text, style = f"{self.year}年的报告文字已保存", _SAVED_STYLE
        else:
            text, style = f"{self.year}年尚未保存自己的报告文字", _UNSAVED_STYLE
        self.ui.stateLabel.setText(text)
        self.ui.stateLabel.setStyleSheet(style)

    def texts(self) -> dict[str, str]:
        return {section: editor.toPlainText() for section, editor in self.editors.items()}

    # ---- saving ------------------------------------------------------------------------

    @Slot()
    def save(self) -> bool:
        """Keep all four sections for the year in one transaction; False (with a message)
        when refused."""
        if self.draft is None:
            return False
        texts = self.texts()
        try:
            with self.ctx.db.transaction() as session:
                report_draft.save_draft(session, self.year, texts)
        except Exception as exc:
            show_exception(self, exc)
            return False
        self.draft = ReportDraft(
            year=self.year, basic=self.draft.basic, kind=self.draft.kind,
            texts={s: SectionText(s, t, self.year) for s, t in texts.items()})
        self._set_dirty(False)
        self.saved.emit(self.year)
        return True

    def settle(self) -> bool:
        """Before leaving the year shown: save or drop unsaved edits. False means stay."""
        if not self._dirty:
            return True
        choice = messages.ask_save(self, f"{self.year}年的报告文字")
        if choice is SaveChoice.SAVE:
            return self.save()
        return choice is SaveChoice.DISCARD

    @Slot()
    def _year_chosen(self) -> None:
        year = self.ui.yearBox.currentData()
        if year is None or year == self.year:
            return
        if not self.settle():
            self.ui.yearBox.blockSignals(True)
            self.ui.yearBox.setCurrentIndex(self.ui.yearBox.findData(self.year))
            self.ui.yearBox.blockSignals(False)
            return
        self._load(int(year))

    @Slot()
    def save_and_generate(self) -> None:
        if not self.save():
            return
        year = self.year
        self.accept()
        if self._generate is not None:
            self._generate(year)

    def reject(self) -> None:
        if self.settle():
            super().reject()


def _read(db: Database, year: int, today: dt.date) -> ReportDraft:
    with db.session() as session:
        return report_draft.load_draft(session, year, today=today)
