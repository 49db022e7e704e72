"""The Word documents from the window: 答复函, all letters of a year, 会办意见, the 催办 list and
the annual report. Each runs on a worker thread and opens the result in Word/WPS. Without the
documents package the actions stay disabled and say why."""

from __future__ import annotations

import datetime as dt
import importlib.util
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtGui import QAction

from proposal_desk.core.enums import Kind, Role
from proposal_desk.core.text import clean_line
from proposal_desk.gui import messages, operations, pickers
from proposal_desk.gui.icons import icon
from proposal_desk.gui.opener import open_path

if TYPE_CHECKING:
    from proposal_desk.gui.main_window import MainWindow

log = logging.getLogger(__name__)

MODULES = ("letters", "opinions", "return_letter", "report", "chase")
MISSING_TIP = "文书模块未安装，暂不能生成 Word 文书"


def documents_available() -> bool:
    """Whether the document modules are there; found, not imported (they are imported when a
    document is made, and importing all four at start cost 35 ms)."""
    try:
        missing = [name for name in MODULES
                   if importlib.util.find_spec(f"proposal_desk.documents.{name}") is None]
    except ImportError:
        missing = list(MODULES)
    if missing:
        log.info("documents package not available: %s", ", ".join(missing))
    return not missing


def _safe_name(text: str) -> str:
    return "".join("_" if ch in '\\/:*?"<>|' else ch for ch in clean_line(text))


class DocumentActions:
    """Menu and toolbar actions for the documents, bound to the main window."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.available = documents_available()
        self.letter_action = self._make("答复函…", "letter", self.letter,
                                        "为当前提案生成答复函（Word），并打开")
        self.all_letters_action = self._make("本年度全部答复函…", "letter", self.all_letters,
                                             "把本年度已答复提案的答复函一次写入一个文件夹")
        self.opinion_action = self._make("会办意见…", "letter", self.opinion,
                                         "为当前协办、会办提案生成会办意见（Word）")
        self.return_letter_action = self._make(
            "打印退回申请函…", "letter", self.return_letter,
            "把当前提案的退回理由和建议承办单位写成给提案委的函（Word）")
        self.chase_action = self._make("催办清单…", "chase", self.chase_list,
                                       "即将到期和已逾期的提案，按科室和承办人列出")
        self.report_action = self._make("年度办理情况报告…", "report", self.report,
                                        "按年度生成办理情况报告（Word），各项数字自动统计")
        self.report_texts_action = self._make(
            "编写年度报告文字…", "report", self.edit_report_texts,
            "报告中由本单位编写的开头、主要做法、存在的问题、下一步工作打算（按年度保存）")
        self.report_texts_dialog: Any = None
        self.outputs: list[Path] = []  # what the last job wrote (tests read this)
        self.notes: list[str] = []  # what the clerk was told about it (no 发文字号, and why)

    def _make(self, text: str, icon_name: str, slot: Callable[[], object], tip: str) -> QAction:
        action = QAction(icon(icon_name), text, self.window)
        action.setToolTip(tip if self.available else MISSING_TIP)
        action.setStatusTip(action.toolTip())
        action.triggered.connect(slot)
        return action

    def menu_actions(self) -> list[QAction | None]:
        return [self.letter_action, self.all_letters_action, self.opinion_action,
                self.return_letter_action, None,
                self.chase_action, self.report_action, self.report_texts_action]

    def toolbar_actions(self) -> list[QAction]:
        return [self.letter_action, self.chase_action, self.report_action]

    def refresh_state(self) -> None:
        """Enable what makes sense for the proposal shown."""
        detail = self.window.built_detail  # none until a list was first shown
        p = detail.current() if detail is not None else None
        role = Role(p.role) if p is not None else None
        ok = self.available and self.window.ctx.db_ready
        self.letter_action.setEnabled(ok and role is not None and role.answers_member)
        self.opinion_action.setEnabled(ok and role is not None and not role.answers_member)
        self.return_letter_action.setEnabled(ok and p is not None and bool(p.returns))
        for action in (self.all_letters_action, self.chase_action, self.report_action,
                       self.report_texts_action):
            action.setEnabled(ok)
        tip = "" if ok else (MISSING_TIP if not self.available else "正在打开数据库…")
        if detail is not None:
            from proposal_desk.gui.detail.pane import RETURN_LETTER_TIP  # loaded with `detail`

            detail.reply.set_document_buttons(ok, tip or "生成 Word 文书并打开")
            # the 答复 tab's list of earlier rounds prints each round's own letter
            detail.reply.round_letter_handler = self._round_letter
            detail.return_letter_button.setEnabled(ok)
            detail.return_letter_button.setToolTip(tip or RETURN_LETTER_TIP)

    # ---- jobs --------------------------------------------------------------------------

    def _run(self, label: str, job: Callable[[operations.Progress], list[Path]],
             *, open_result: bool = True, changes_data: bool = False,
             notes: list[str] | None = None) -> operations.Operation:
        """`notes` is filled by the job (on its thread) with what the clerk should know."""
        def done(paths: list[Path]) -> None:
            self.outputs = list(paths)
            self.notes = list(notes or ())
            if changes_data:  # a 发文字号 may have been taken
                detail = self.window.built_detail
                if detail is not None:
                    detail.reload(keep_dirty=True)
                self.window.reload()
            if not paths:  # the notes say why, when there are any (replies without text)
                messages.notice(self.window, "没有可生成的文书",
                                "；".join(self.notes) + "。" if self.notes
                                else "没有符合条件的提案。")
                return
            if open_result:
                target = paths[0] if len(paths) == 1 else paths[0].parent
                open_path(target)
            where = paths[0] if len(paths) == 1 else paths[0].parent
            text = f"已生成 {len(paths)} 个文件：{where}"
            if self.notes:  # long enough to read: the letter went out without a number
                self.window.statusBar().showMessage(text + "。注意：" + "；".join(self.notes),
                                                    30000)
            else:
                self.window.statusBar().showMessage(text, 8000)

        return operations.run_in_background(self.window, job, label=label, on_success=done)

    def _current(self) -> Any:
        window = self.window
        p = window.detail.current()
        if p is None:
            messages.warn(window, "请先在清单中选择一件提案。")
            return None
        if window.detail.is_dirty() and not window.detail.save():
            return None
        return window.detail.current()

    def _ask_docx(self, number: str, what: str, *, title: str = "") -> Path | None:
        """Where to save one proposal's Word document, named 第N号<what>.docx."""
        return pickers.save_file(self.window, title or f"保存{what}",
                                 f"第{_safe_name(number)}号{what}.docx", "Word 文档 (*.docx)")

    def _round_letter(self, round_no: int) -> None:
        if self.letter_action.isEnabled():  # as the 答复函 button: documents can be written
            self.letter(round_no=round_no)

    def letter(self, path: Path | None = None, round_no: int | None = None
               ) -> operations.Operation | None:
        """答复函 of the current proposal: its latest reply, or round `round_no`'s (an earlier
        round's letter reprinted for the file, from the 答复 tab's list of rounds)."""
        p = self._current()
        if p is None:
            return None
        if not Role(p.role).answers_member:
            messages.warn(self.window, f"{p.role}提案不答复提出人，请生成会办意见。")
            return None
        if not p.replies:
            messages.warn(self.window, "尚未填写答复。请先在“答复”页写好答复正文并保存。")
            return None
        from proposal_desk.documents.letters import per_signer, round_reply
        from proposal_desk.storage.errors import UserError

        try:
            chosen = round_reply(p, round_no)  # the latest when None
        except UserError as exc:  # no such round: said before a file is asked for
            messages.warn(self.window, str(exc))
            return None
        assert chosen is not None  # p.replies is not empty
        kind = Kind(p.meeting.kind).value
        which = f"第{round_no}轮" if round_no else ""
        path = path or self._ask_docx(p.number, f"{kind}{which}答复函",
                                      title=f"保存{which}答复函")
        if path is None:
            return None
        each = per_signer(p, chosen)
        db, pid = self.window.ctx.db, p.id
        notes: list[str] = []

        def job(_progress: operations.Progress) -> list[Path]:
            from proposal_desk.documents.letters import SETTINGS_PAGE, letter_notes, write_letter

            with db.transaction() as session:
                paths = write_letter(session, pid, _docx(path), each, round_no=round_no)
                notes.extend(letter_notes(session, pid, SETTINGS_PAGE, round_no=round_no))
                return paths

        return self._run("正在生成答复函…", job, changes_data=True, notes=notes)

    def opinion(self, path: Path | None = None) -> operations.Operation | None:
        p = self._current()
        if p is None:
            return None
        if Role(p.role).answers_member:
            messages.warn(self.window, f"{p.role}提案应生成答复函。")
            return None
        path = path or self._ask_docx(p.number, "会办意见")
        if path is None:
            return None
        db, pid = self.window.ctx.db, p.id
        notes: list[str] = []

        def job(_progress: operations.Progress) -> list[Path]:
            from proposal_desk.documents.letters import SETTINGS_PAGE
            from proposal_desk.documents.opinions import opinion_notes, write_opinion

            with db.transaction() as session:
                written = write_opinion(session, pid, _docx(path))
                notes.extend(opinion_notes(session, pid, SETTINGS_PAGE))
                return [written]

        return self._run("正在生成会办意见…", job, changes_data=True, notes=notes)

    def return_letter(self, path: Path | None = None) -> operations.Operation | None:
        """退回申请函 of the current proposal's latest 退回 request; nothing is changed."""
        p = self._current()
        if p is None:
            return None
        if not p.returns:
            messages.warn(self.window, "这件提案没有退回申请。请先点“申请退回…”并写明理由。")
            return None
        path = path or self._ask_docx(p.number, "退回申请函")
        if path is None:
            return None
        db, pid = self.window.ctx.db, p.id

        def job(_progress: operations.Progress) -> list[Path]:
            from proposal_desk.documents.return_letter import write_return_letter

            with db.session() as session:
                return [write_return_letter(session, pid, _docx(path))]

        return self._run("正在生成退回申请函…", job)

    def _year(self) -> int:
        return self.window.snapshot.year if self.window.snapshot and \
            self.window.snapshot.year else dt.date.today().year

    def all_letters(self, folder: Path | None = None) -> operations.Operation | None:
        year = self._year()
        folder = folder or pickers.folder(self.window, f"选择保存{year}年全部答复函的文件夹")
        if folder is None:
            return None
        db = self.window.ctx.db
        notes: list[str] = []

        def job(progress: operations.Progress) -> list[Path]:
            from proposal_desk.documents.letters import skipped_note, write_all_letters

            skipped: list[str] = []  # replies without text (a ledger's): no letter to print
            with db.transaction() as session:
                written = write_all_letters(session, year, folder, progress, skipped=skipped)
            if note := skipped_note(skipped):
                notes.append(note)
            return written

        return self._run(f"正在生成{year}年答复函…", job, changes_data=True, notes=notes)

    def chase_list(self, path: Path | None = None) -> operations.Operation | None:
        today = dt.date.today()
        path = path or pickers.save_file(
            self.window, "保存催办清单", f"催办清单{today:%Y%m%d}.docx",
            "Word 文档 (*.docx);;Excel 表格 (*.xlsx)")
        if path is None:
            return None
        if path.suffix.lower() not in (".docx", ".xlsx"):
            path = path.with_suffix(".docx")
        db = self.window.ctx.db

        def job(_progress: operations.Progress) -> list[Path]:
            from proposal_desk.documents.chase import write_chase_list

            with db.session() as session:
                return [write_chase_list(session, path)]

        return self._run("正在生成催办清单…", job)

    def report(self, path: Path | None = None, year: int | None = None, *,
               check_texts: bool = True) -> Any:
        """The annual report; the first time for a year, the texts staff write come first."""
        year = year or self._year()
        if check_texts and not self._texts_saved(year):
            return self.edit_report_texts(year, hint=(
                f"生成{year}年的报告之前，请先确认报告中由本单位编写的文字。下面已沿用上一年"
                "的文字（首次使用时为参考文字），改写后点“保存并生成报告”。"))
        name = self.window.ctx.settings.name
        path = path or pickers.save_file(self.window, f"保存{year}年办理情况报告",
                                         f"{name}{year}年提案建议办理情况报告.docx",
                                         "Word 文档 (*.docx)")
        if path is None:
            return None
        db = self.window.ctx.db

        def job(progress: operations.Progress) -> list[Path]:
            from proposal_desk.documents.report import write_report

            with db.session() as session:
                return [write_report(session, year, _docx(path), progress=progress)]

        return self._run(f"正在生成{year}年办理情况报告…", job)

    def _texts_saved(self, year: int) -> bool:
        from proposal_desk.services.report_draft import has_own_texts

        with self.window.ctx.db.session() as session:
            return has_own_texts(session, year)

    def edit_report_texts(self, year: int | None = None, *, hint: str = "") -> Any:
        """编写年度报告文字 for a year (the one shown in the window unless given)."""
        from proposal_desk.gui.dialogs.report_texts import ReportTextDialog

        year = year or self._year()
        current = self.report_texts_dialog
        if current is not None and shiboken6.isValid(current) and current.isVisible():
            current.raise_()
            current.activateWindow()
            return current
        dialog = ReportTextDialog(
            self.window, self.window.ctx, year, hint=hint,
            generate=lambda y: self.report(year=y, check_texts=False))
        dialog.finished.connect(lambda _r: dialog.deleteLater())
        dialog.open()
        self.report_texts_dialog = dialog
        return dialog


def _docx(path: Path) -> Path:
    return path if path.suffix.lower() == ".docx" else path.with_suffix(".docx")
