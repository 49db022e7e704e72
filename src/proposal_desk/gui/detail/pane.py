"""The detail pane of one proposal: a heading with its state and due date, the core's
warnings, the everyday actions (签收, 记沟通, 退回, 保存), and the tabs.

Form tabs (基本信息, 答复, 委员意见) are saved together in one transaction by 保存 (Ctrl+S),
after checking nobody saved the proposal since it was loaded. Records, attachments and
follow-ups are saved at once by their dialogs.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select
from sqlalchemy.orm import Session

from proposal_desk.core import rules, send_checks
from proposal_desk.core.enums import Kind, ReturnOutcome, Role, Status
from proposal_desk.gui import messages, operations
from proposal_desk.gui.context import AppContext
from proposal_desk.gui.detail.attachments_tab import AttachmentsTab
from proposal_desk.gui.detail.base import ChangeFn, DetailTab, Loaded
from proposal_desk.gui.detail.basic_tab import BasicTab
from proposal_desk.gui.detail.follow_up_tab import FollowUpTab
from proposal_desk.gui.detail.log_tab import LogTab
from proposal_desk.gui.detail.opinion_tab import OpinionTab
from proposal_desk.gui.detail.records_tab import RecordsTab
from proposal_desk.gui.detail.reply_tab import ReplyTab
from proposal_desk.gui.dialogs.conflict_dialog import (
    Choice,
    ConflictDialog,
    FieldVersions,
    compare,
)
from proposal_desk.gui.dialogs.return_decision import ReturnDecisionDialog
from proposal_desk.gui.errors import show_exception
from proposal_desk.gui.formatting import date_text, days_text
from proposal_desk.gui.forms.ui_return_dialog import Ui_ReturnDialog
from proposal_desk.gui.icons import icon
from proposal_desk.gui.list_model import STATUS_COLORS
from proposal_desk.gui.opener import open_path, temp_copy
from proposal_desk.gui.widgets.banner import WarningBanner
from proposal_desk.services import editing, handling, returns, rounds
from proposal_desk.services.queries import load_proposal
from proposal_desk.storage.conflicts import ProposalConflictError, claim_proposal
from proposal_desk.storage.errors import UserError
from proposal_desk.storage.facts import facts_of
from proposal_desk.storage.models import AuditEntry, Proposal

RETURN_LETTER_TIP = "把退回理由和建议承办单位写成给提案委的函（Word）"


class ReturnDialog(QDialog):
    """申请退回 with a reason (the core refuses one without)."""

    def __init__(self, parent: QWidget, pane: DetailPane, deadline: dt.date | None,
                 *, note: str = "") -> None:
        super().__init__(parent)
        self.ui = Ui_ReturnDialog()
        self.ui.setupUi(self)
        self._pane = pane
        self.ui.requestedField.setValue(dt.date.today())
        late = deadline is not None and dt.date.today() > deadline
        text = f"退回应在 {date_text(deadline)} 前提出" if deadline else ""
        if late:
            text += "（已过期限，请先与提案委沟通）"
        if deadline and note:  # how the deadline was counted (send_checks)
            text += f"（{note}）"
        self.ui.deadlineLabel.setText(text)
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setText("提交退回申请")
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        self.ui.buttonBox.accepted.connect(self.accept)

    def accept(self) -> None:
        ui = self.ui
        try:
            on = ui.requestedField.checked("申请日期")
            if on is None:
                raise UserError("请填写申请日期")
            reason = ui.reasonEdit.toPlainText()
            unit = ui.suggestedUnitEdit.text()
            self._pane.change(lambda _s, p: handling.request_return(
                p, on=on, reason=reason, suggested_unit=unit))
        except Exception as exc:
            show_exception(self, exc)
            return
        super().accept()


class DetailPane(QWidget):
    saved = Signal(int)  # proposal id, after any change was committed
    dirty_changed = Signal(bool)
    step_requested = Signal(int)  # -1 previous, +1 next

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detailPane")
        self.ctx = ctx
        self.proposal_id: int | None = None
        self.version: int | None = None
        self.loaded: Loaded | None = None
        self.return_dialog: ReturnDialog | None = None
        self.decision_dialog: ReturnDecisionDialog | None = None
        self.conflict_dialog: ConflictDialog | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.stack = QStackedWidget(self)
        outer.addWidget(self.stack)
        empty = QLabel("在左侧清单中选择一件提案，这里显示它的全部情况。\n\n"
                       "双击或按 Ctrl+PgDn / Ctrl+PgUp 可逐件查看。")
        empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        empty.setStyleSheet("color: #5f6b7a; font-size: 11pt;")
        self.stack.addWidget(empty)
        page = QWidget()
        self.stack.addWidget(page)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(6)

        self.title_label = QLabel()
        self.title_label.setObjectName("detailTitle")
        self.title_label.setWordWrap(True)
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.title_label.setStyleSheet("font-size: 13pt; font-weight: bold;")
        layout.addWidget(self.title_label)
        self.info_label = QLabel()
        self.info_label.setWordWrap(True)
        self.info_label.setStyleSheet("color: #3c4650;")
        layout.addWidget(self.info_label)
        self.state_label = QLabel()
        self.state_label.setObjectName("stateLabel")
        layout.addWidget(self.state_label)
        self.return_label = QLabel()  # 退回: reason, suggested unit, the office's answer
        self.return_label.setObjectName("returnLabel")
        self.return_label.setWordWrap(True)
        self.return_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.return_label.setStyleSheet("background: #f3f0fa; border: 1px solid #c9bfe3; "
                                        "border-radius: 4px; padding: 4px 8px; color: #3c2f63;")
        self.return_label.hide()
        self.return_letter_button = QPushButton("打印退回申请函…")
        self.return_letter_button.setObjectName("returnLetterButton")
        self.return_letter_button.setToolTip(RETURN_LETTER_TIP)
        self.return_letter_button.hide()
        # Set by the window: the 文书 action that writes the letter (kept out of this pane).
        self.return_letter_handler: Callable[[], object] | None = None
        return_row = QHBoxLayout()
        return_row.setContentsMargins(0, 0, 0, 0)
        return_row.addWidget(self.return_label, 1)
        return_row.addWidget(self.return_letter_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(return_row)
        self.banner = WarningBanner(self)
        layout.addWidget(self.banner)

        actions = QHBoxLayout()
        self.sign_button = QPushButton("签收")
        self.sign_button.setToolTip("登记今天签收（签收日期可在“基本信息”中修改）")
        self.record_button = QPushButton(icon("record"), "记一次沟通…")
        self.record_button.setToolTip("新增沟通记录：电话、走访、座谈……")
        self.return_button = QPushButton("申请退回…")
        self.return_button.setToolTip("不属于本单位职责的，向提案委申请退回")
        self.previous_button = QToolButton()
        self.previous_button.setArrowType(Qt.ArrowType.UpArrow)
        self.previous_button.setToolTip("清单中的上一件（Ctrl+PgUp）")
        self.next_button = QToolButton()
        self.next_button.setArrowType(Qt.ArrowType.DownArrow)
        self.next_button.setToolTip("清单中的下一件（Ctrl+PgDn）")
        self.revert_button = QPushButton("撤销修改")
        self.revert_button.setToolTip("放弃未保存的修改，重新载入")
        self.save_button = QPushButton(icon("save"), "保存")
        self.save_button.setObjectName("saveButton")
        self.save_button.setToolTip("保存基本信息、答复、委员意见的修改（Ctrl+S）")
        for b in (self.sign_button, self.record_button, self.return_button):
            actions.addWidget(b)
        actions.addStretch(1)
        for b in (self.previous_button, self.next_button, self.revert_button, self.save_button):
            actions.addWidget(b)
        layout.addLayout(actions)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("detailTabs")
        self.tabs.setDocumentMode(True)
        self.basic = BasicTab(ctx)
        self.records = RecordsTab(ctx, self.change, self.open_attachment,
                                  change_later=self.change_later)
        self.reply = ReplyTab(ctx)
        self.opinion = OpinionTab(ctx)
        self.follow_up = FollowUpTab(ctx, self.change)
        self.attachments = AttachmentsTab(ctx, self.change, self.open_attachment,
                                          change_later=self.change_later)
        self.log = LogTab(ctx)
        self.all_tabs: list[DetailTab] = [self.basic, self.records, self.reply, self.opinion,
                                          self.follow_up, self.attachments, self.log]
        for tab in self.all_tabs:
            self.tabs.addTab(tab, tab.title)
            tab.changed.connect(self._on_tab_changed)
        layout.addWidget(self.tabs, 1)

        self.sign_button.clicked.connect(self.sign_today)
        self.record_button.clicked.connect(self._new_record)
        self.return_button.clicked.connect(self._return_clicked)
        self.return_letter_button.clicked.connect(
            lambda: self.return_letter_handler and self.return_letter_handler())
        self.previous_button.clicked.connect(lambda: self.step_requested.emit(-1))
        self.next_button.clicked.connect(lambda: self.step_requested.emit(1))
        self.revert_button.clicked.connect(self.revert)
        self.save_button.clicked.connect(self.save)
        self._update_buttons()

    # ---- loading -----------------------------------------------------------------------

    def show_proposal(self, proposal_id: int | None) -> None:
        """Show a proposal (None: the empty page). Unsaved edits must be settled first."""
        self.proposal_id = proposal_id
        if proposal_id is None:
            self.loaded = None
            self.version = None
            for tab in self.all_tabs:
                tab.clear()
            self.stack.setCurrentIndex(0)
            self._update_buttons()
            return
        self.reload(keep_dirty=False)
        self.stack.setCurrentIndex(1)

    def reload(self, *, keep_dirty: bool = True, own_change: bool = False) -> None:
        """Read the proposal again; forms with unsaved edits keep them when keep_dirty, and
        then also the version they were loaded at, unless the change since was this user's
        own (`own_change`): a colleague's save in between must still be caught on 保存."""
        if self.proposal_id is None:
            return
        with self.ctx.db.session() as session:
            p = load_proposal(session, self.proposal_id)
            loaded = Loaded(p, handling.warnings_for(session, p),
                            editing.audit_entries(session, p.id))
        self.loaded = loaded
        if not (keep_dirty and self.is_dirty()) or own_change or self.version is None:
            self.version = p.version
        self._fill_heading(loaded)
        for tab in self.all_tabs:
            if keep_dirty and tab.dirty:
                continue
            tab.load(loaded)
        self.tabs.setTabText(self.tabs.indexOf(self.reply), self.reply.tab_title)
        answers = Role(p.role).answers_member
        self.tabs.setTabEnabled(self.tabs.indexOf(self.opinion), answers)
        self.tabs.setTabToolTip(self.tabs.indexOf(self.opinion), "" if answers else
                                "协办、会办提案由主办单位征询意见")
        self._update_buttons()

    def _fill_heading(self, loaded: Loaded) -> None:
        p = loaded.proposal
        kind = Kind(p.meeting.kind)
        self.title_label.setText(f"第{p.number}号　{p.title}")
        parts = [p.meeting.name, kind.value, p.role]
        if p.proposer_names:
            parts.append(f"{kind.member_word}：{p.proposer_names}")
        if p.key:
            parts.append("★ 重点提案" + (f"（督办：{p.supervisor}）" if p.supervisor else ""))
        if p.section or p.handler:
            parts.append("承办：" + " ".join(x for x in (
                p.section.name if p.section else "", p.handler.name if p.handler else "") if x))
        self.info_label.setText("　·　".join(parts))
        t = rules.timing(facts_of(p), self.ctx.settings.deadlines, loaded.today)
        status_color = STATUS_COLORS.get(p.status)
        state = (f"<b style='color:{status_color.name() if status_color else '#000'}'>"
                 f"{p.status}</b>")
        answers = Role(p.role).answers_member
        latest = rounds.latest_round(p) if answers else None
        if t.due:
            label, met = rounds.limit_words(latest, t.due)  # the round's own limit
            due = f"{label} {date_text(t.due)}"
            if t.days_left is not None:
                due += f"（{days_text(t.days_left)}）"
            elif met:
                due += f"（{met}）"
            if t.overdue or t.due_soon:
                color = "#b3261e" if t.overdue else "#8a5a00"
                due = f"<span style='color:{color};font-weight:bold'>{due}</span>"
            state += "　" + due
        if answers:
            # one round's date, category and opinion together
            if latest is not None:
                state += "　" + rounds.round_text(latest, kind.member_word)
        elif p.replied_on:  # the role's own word, as the tab and the document say it
            state += f"　{Role(p.role).opinion_word}送出于 {date_text(p.replied_on)}"
        self.state_label.setText(state)
        lines = returns.return_lines(p)
        self.return_label.setText("<br>".join(html.escape(line) for line in lines))
        self.return_label.setVisible(bool(lines))
        self.return_letter_button.setVisible(bool(lines))
        self.banner.set_warnings(loaded.warnings)

    # ---- state -------------------------------------------------------------------------

    def is_dirty(self) -> bool:
        return any(tab.dirty for tab in self.all_tabs)

    def dirty_tabs(self) -> list[DetailTab]:
        return [tab for tab in self.all_tabs if tab.dirty]

    @Slot()
    def _on_tab_changed(self) -> None:
        for tab in self.all_tabs:
            index = self.tabs.indexOf(tab)
            base = self.reply.tab_title if tab is self.reply else tab.title
            self.tabs.setTabText(index, base + (" *" if tab.dirty else ""))
        self._update_buttons()
        self.dirty_changed.emit(self.is_dirty())

    def _update_buttons(self) -> None:
        dirty = self.is_dirty()
        self.save_button.setEnabled(dirty)
        self.revert_button.setEnabled(dirty)
        p = self.loaded.proposal if self.loaded else None
        status = p.status if p else ""
        self.sign_button.setVisible(status == Status.PENDING_SIGN.value)
        self.record_button.setEnabled(p is not None)
        pending = p is not None and any(r.outcome == ReturnOutcome.PENDING for r in p.returns)
        self.return_button.setText("退回结果…" if pending else "申请退回…")
        self.return_button.setEnabled(p is not None and status != Status.RETURNED.value)

    # ---- saving ------------------------------------------------------------------------

    @Slot()
    def save(self) -> bool:
        """Save every changed form in one transaction; False (with a message) if refused."""
        if self.proposal_id is None or not self.is_dirty():
            return True
        tabs = self.dirty_tabs()
        if self.reply in tabs and not self._confirm_sending():
            return False
        try:
            with self.ctx.db.transaction() as session:
                # Claimed at the version the forms were loaded from: a save by anyone since
                # (of any field, the reply and the opinion included) refuses this one.
                claim_proposal(session, self.proposal_id, self.version or 0)
                p = load_proposal(session, self.proposal_id)
                for tab in tabs:
                    tab.apply(session, p)
                    session.flush()
        except ProposalConflictError as exc:
            self.show_conflict(exc, tabs)
            return False
        except Exception as exc:
            show_exception(self, exc)
            return False
        for tab in tabs:
            tab.set_dirty(False)
        self.ctx.refresh_lookups()
        self.reload(keep_dirty=False)
        self.saved.emit(self.proposal_id)
        return True

    def _confirm_sending(self) -> bool:
        """不沟通不办理，不见面不答复: asked when the reply is being marked sent."""
        if not self.reply.marks_sent() or self.loaded is None:
            return True
        found = send_checks.send_warnings(facts_of(self.loaded.proposal))
        if not found:
            return True
        lines = "\n".join(f"· {w.text}" for w in found)
        return messages.confirm(
            self, "确认答复",
            f"填写了答复日期，本件将登记为已答复。但是：\n{lines}\n\n"
            "如已沟通或见面，请先点“记一次沟通…”补记，再保存。仍要登记为已答复吗？",
            yes="仍然登记", no="先不保存", danger=True)

    @Slot()
    def revert(self) -> None:
        for tab in self.all_tabs:
            tab.set_dirty(False)
        self.reload(keep_dirty=False)

    def change(self, fn: ChangeFn) -> Any:
        """An immediate change (records, attachments, 签收…) in its own transaction; raises on
        failure so a dialog can stay open. Forms with unsaved edits keep them."""
        if self.proposal_id is None:
            raise UserError("请先选择一件提案")
        with self.ctx.db.transaction() as session:
            p = load_proposal(session, self.proposal_id)
            own = p.version == self.version  # nobody else saved since the forms were loaded
            result = fn(session, p)
        self.reload(keep_dirty=True, own_change=own)
        self.saved.emit(self.proposal_id)
        return result

    def change_later(self, fn: Callable[[Session, Proposal, operations.Progress], Any], *,
                     label: str, on_success: Callable[[Any], None] | None = None,
                     on_failure: Callable[[BaseException], None] | None = None,
                     parent: QWidget | None = None) -> operations.Operation:
        """An immediate change that may be slow (large files to read, hash and store): run in
        one transaction on a worker thread, with the progress dialog over `parent` (a dialog
        saving, else the window); the pane follows when it is done. A failure goes to
        `on_failure` (default: the error dialog)."""
        if self.proposal_id is None:
            raise UserError("请先选择一件提案")
        db, pid, seen = self.ctx.db, self.proposal_id, self.version

        def job(progress: operations.Progress) -> tuple[Any, bool]:
            with db.transaction() as session:
                p = load_proposal(session, pid)
                own = p.version == seen
                return fn(session, p, progress), own

        def done(outcome: tuple[Any, bool]) -> None:
            result, own = outcome
            if self.proposal_id == pid:
                self.reload(keep_dirty=True, own_change=own and self.version == seen)
            self.saved.emit(self.proposal_id if self.proposal_id is not None else pid)
            if on_success is not None:
                on_success(result)

        return operations.run_in_background(parent or self, job, label=label,
                                            on_success=done, on_failure=on_failure)

    # ---- someone else saved first ------------------------------------------------------

    def show_conflict(self, exc: ProposalConflictError,
                      tabs: list[DetailTab]) -> ConflictDialog | None:
        """Both versions of the forms being saved, field by field, and the user's choice."""
        try:
            with self.ctx.db.session() as session:
                stored = load_proposal(session, exc.proposal_id)
                # Who saved last: the newest change to the proposal or anything of it (the
                # reply, the opinion), not only to the proposal's own row.
                last = session.scalars(
                    select(AuditEntry).where(AuditEntry.proposal_id == exc.proposal_id)
                    .order_by(AuditEntry.id.desc()).limit(1)).first()
        except UserError:  # deleted meanwhile: nothing to compare with
            show_exception(self, exc)
            return None
        saved_by = last.user if last is not None else exc.saved_by
        saved_at = last.at if last is not None else exc.saved_at
        fields: list[FieldVersions] = []
        for tab in tabs:
            # The stored version read through a hidden copy of the same form, so both sides
            # are shown exactly as the form shows them.
            shadow = type(tab)(self.ctx)
            try:
                shadow.load(Loaded(stored))
                theirs = shadow.form_fields()
            finally:
                shadow.deleteLater()
            title = self.reply.tab_title if tab is self.reply else tab.title
            fields += compare(theirs, tab.form_fields(), tab.baseline,
                              f"{title} › " if len(tabs) > 1 else "")
        dialog = ConflictDialog(self, number=stored.number, saved_by=saved_by,
                                saved_at=saved_at, fields=fields)
        version = stored.version
        dialog.chosen.connect(lambda choice: self._conflict_chosen(choice, version))
        dialog.finished.connect(lambda _r: dialog.deleteLater())
        dialog.open()
        self.conflict_dialog = dialog
        return dialog

    def _conflict_chosen(self, choice: Choice, stored_version: int) -> None:
        if choice is Choice.KEEP_MINE:
            self.version = stored_version  # deliberately, over the version just shown
            self.save()
        elif choice is Choice.TAKE_THEIRS:
            self.revert()

    # ---- actions -----------------------------------------------------------------------

    @Slot()
    def sign_today(self) -> None:
        if self.basic.dirty:
            messages.warn(self, "“基本信息”有未保存的修改，请先保存或撤销，再签收。")
            return
        today = dt.date.today()
        self.basic.attempt(self.change, lambda _s, p: handling.sign(p, today))

    @Slot()
    def _new_record(self) -> None:
        self.tabs.setCurrentWidget(self.records)
        self.records.new_record()

    @Slot()
    def _return_clicked(self) -> None:
        p = self.loaded.proposal if self.loaded else None
        if p is None:
            return
        if returns.pending_request(p) is not None:
            self.open_decision_dialog()
            return
        self.open_return_dialog()

    def open_decision_dialog(self) -> ReturnDecisionDialog | None:
        """退回结果: the office's answer and the day it came (not always today)."""
        p = self.loaded.proposal if self.loaded else None
        request = returns.pending_request(p) if p is not None else None
        if request is None:
            return None
        dialog = ReturnDecisionDialog(self, request, self.change)
        self.decision_dialog = dialog
        dialog.finished.connect(lambda _r: dialog.deleteLater())
        dialog.open()
        return dialog

    def open_return_dialog(self) -> ReturnDialog | None:
        p = self.loaded.proposal if self.loaded else None
        if p is None:
            return None
        deadlines = self.ctx.settings.deadlines
        deadline = rules.return_deadline(facts_of(p), deadlines)
        dialog = ReturnDialog(self, self, deadline,
                              note=send_checks.return_deadline_note(deadlines))
        self.return_dialog = dialog
        dialog.finished.connect(lambda _r: dialog.deleteLater())
        dialog.open()
        return dialog

    def open_attachment(self, attachment_id: int) -> operations.Operation:
        """Copy the file out of the database on a worker thread (it may be 200 MB), then open
        it with the system's program."""
        db = self.ctx.db

        def job(_progress: operations.Progress) -> Path:
            with db.session() as session:
                name, data = editing.attachment_of(session, attachment_id)
            return temp_copy(name, data)

        def opened(path: Path) -> None:
            open_path(path)
            self.attachments.show_opened(path.name)
            window = self.window()
            if isinstance(window, QMainWindow):  # seen from the 沟通记录 tab as well
                window.statusBar().showMessage(
                    f"已打开“{path.name}”的只读副本；修改后请另存，再作为新附件添加", 15000)

        return operations.run_in_background(self, job, label="正在取出附件…",
                                            on_success=opened)

    def current(self) -> Proposal | None:
        return self.loaded.proposal if self.loaded else None
