"""答复: the reply of the current round for 主办/分办 (category, text, 文号, 签发人, dates,
公开属性, contact, 抄送, review steps); for 协办/会办 the 会办意见 to the lead unit instead.

The long texts of either form are kept as a draft file (services.drafts) while they are not
saved: every 30 seconds, and when the window moves off the proposal without their being saved
or discarded. The next time that proposal's form is opened the draft is offered back."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from html import escape

from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedLayout,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from proposal_desk.core import rules
from proposal_desk.core.enums import Publicity, ReviewStep, Role
from proposal_desk.core.text import clean_text
from proposal_desk.gui.context import AppContext
from proposal_desk.gui.detail.base import DetailTab, Loaded, set_combo_items
from proposal_desk.gui.formatting import date_text
from proposal_desk.gui.forms.ui_assist_form import Ui_AssistForm
from proposal_desk.gui.forms.ui_reply_form import Ui_ReplyForm
from proposal_desk.services import drafts, handling
from proposal_desk.services.reply_defaults import reply_defaults
from proposal_desk.storage.facts import facts_of
from proposal_desk.storage.models import Proposal

NO_CATEGORY = "（未定）"
DRAFT_INTERVAL_MS = 30_000

log = logging.getLogger(__name__)


def _steps_html(current: str) -> str:
    parts = []
    reached = True
    for step in ReviewStep:
        style = "color:#1f5fa8;font-weight:bold" if step.value == current else (
            "color:#2e7d32" if reached else "color:#9aa3ad")
        parts.append(f"<span style='{style}'>{'●' if reached else '○'} {step.value}</span>")
        if step.value == current:
            reached = False
    return " → ".join(parts)


class DraftBar(QFrame):
    """恢复未保存的草稿（保存于 …） / 丢弃, above the form while a draft is on offer."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("draftBar")
        self.setStyleSheet("#draftBar { background: #fff6d6; border: 1px solid #e0c46c;"
                           " border-radius: 4px; }")
        column = QVBoxLayout(self)
        column.setContentsMargins(8, 4, 8, 4)
        column.setSpacing(4)
        self.label = QLabel()
        self.label.setWordWrap(True)
        column.addWidget(self.label)
        row = QHBoxLayout()
        column.addLayout(row)
        self.restore_button = QPushButton()
        self.restore_button.setObjectName("restoreDraftButton")
        self.discard_button = QPushButton("丢弃")
        self.discard_button.setObjectName("discardDraftButton")
        self.discard_button.setToolTip("删除这份草稿，保留已保存的内容")
        row.addWidget(self.restore_button)
        row.addWidget(self.discard_button)
        row.addStretch(1)
        self.hide()

    def offer(self, draft: drafts.Draft, what: str) -> None:
        self.label.setText(f"有一份未保存的{what}草稿。恢复或丢弃之后才能编辑正文。")
        self.restore_button.setText(f"恢复未保存的草稿（保存于 {draft.saved_text}）")
        self.restore_button.setToolTip("用草稿替换下面的正文和小结；确认无误后再点“保存”")
        self.show()


class ReplyTab(DetailTab):
    editable = True
    title = "答复"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(4)
        self.draft_bar = DraftBar(self)
        outer.addWidget(self.draft_bar)
        pages = QWidget(self)
        outer.addWidget(pages, 1)
        self._stack = QStackedLayout(pages)
        self.reply_page = QWidget(self)
        self.reply = Ui_ReplyForm()
        self.reply.setupUi(self.reply_page)
        self.assist_page = QWidget(self)
        self.assist = Ui_AssistForm()
        self.assist.setupUi(self.assist_page)
        self._assist_info = self.assist.infoLabel.text()  # the form's own line, kept first
        self._stack.addWidget(self.reply_page)
        self._stack.addWidget(self.assist_page)
        self.answers = True
        self._heading = ""
        self._word = "会办意见"
        self._sent_before: dt.date | None = None
        r = self.reply
        for step in ReviewStep:
            r.stepBox.addItem(step.value)
        for publicity in Publicity:
            r.publicityBox.addItem(publicity.value)
        r.categoryBox.currentIndexChanged.connect(self._show_meaning)
        r.stepBox.currentIndexChanged.connect(self._show_steps)
        self.watch(r.categoryBox, r.publicityBox, r.docNumberEdit, r.signerBox, r.draftedField,
                   r.reviewerBox, r.reviewedField, r.signedField, r.sentField, r.stepBox,
                   r.contactNameEdit, r.contactPhoneEdit, r.ccEdit, r.jointCheck, r.textEdit,
                   r.summaryEdit)
        a = self.assist
        self.watch(a.docNumberEdit, a.signerBox, a.sentField, a.contactNameEdit,
                   a.contactPhoneEdit, a.textEdit, a.summaryEdit)
        self.letter_handler: Callable[[], None] | None = None
        # an earlier round's letter, from the list of rounds (round number)
        self.round_letter_handler: Callable[[int], None] | None = None
        self.opinion_handler: Callable[[], None] | None = None
        r.letterButton.clicked.connect(lambda: self.letter_handler and self.letter_handler())
        r.roundsLabel.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                              | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        r.roundsLabel.linkActivated.connect(self._round_letter)
        a.opinionButton.clicked.connect(lambda: self.opinion_handler and self.opinion_handler())
        # Drafts: which proposal's form is shown, and its texts as saved.
        self._draft_key: tuple[int, str] | None = None
        self._saved_texts: dict[str, str] = {}
        self._offered: drafts.Draft | None = None
        self._written: dict[str, str] | None = None  # the texts last kept, not written again
        self._keep_draft = False  # set while unsaved edits are dropped without a choice
        self.draft_timer = QTimer(self)
        self.draft_timer.setInterval(DRAFT_INTERVAL_MS)
        self.draft_timer.timeout.connect(self.write_draft)
        self.draft_bar.restore_button.clicked.connect(self.restore_draft)
        self.draft_bar.discard_button.clicked.connect(self.discard_draft)

    def _round_letter(self, link: str) -> None:
        kind, _, number = link.partition(":")
        if kind == "round" and number.isdigit() and self.round_letter_handler is not None:
            self.round_letter_handler(int(number))

    def set_document_buttons(self, enabled: bool, tip: str) -> None:
        for button in (self.reply.letterButton, self.assist.opinionButton):
            button.setEnabled(enabled)
            button.setToolTip(tip)

    def marks_sent(self) -> bool:
        """True when this save gives the current reply its 答复日期 (it had none)."""
        return (self.answers and self._sent_before is None
                and self.reply.sentField.value() is not None)

    @property
    def tab_title(self) -> str:
        return "答复" if self.answers else self._word

    @property
    def _form(self) -> Ui_ReplyForm | Ui_AssistForm:
        """The form shown: the reply's, or the 会办/协办 opinion's."""
        return self.reply if self.answers else self.assist

    def fill(self, loaded: Loaded) -> None:
        p = loaded.proposal
        self.answers = Role(p.role).answers_member
        if self.answers:
            self._stack.setCurrentWidget(self.reply_page)
            self._fill_reply(p)
        else:
            self._stack.setCurrentWidget(self.assist_page)
            self._fill_assist(p)
        self._word = Role(p.role).opinion_word
        self._draft_key = (p.id, "reply" if self.answers else "assist")
        self._saved_texts = self.draft_texts()
        self._written = None

    # ---- drafts --------------------------------------------------------------------------

    def draft_texts(self) -> dict[str, str]:
        """The long texts of the form shown: what a draft keeps."""
        form = self._form
        return {"text": form.textEdit.toPlainText(), "summary": form.summaryEdit.toPlainText()}

    def load(self, loaded: Loaded) -> None:
        self._drop_unsettled()
        super().load(loaded)
        self._offer_draft(loaded.proposal)

    def clear(self) -> None:
        self._drop_unsettled()
        super().clear()
        self._draft_key = None
        self._set_offered(None)

    def _drop_unsettled(self) -> None:
        """The form is about to show something else while its edits were neither saved nor
        discarded (the proposal left the list, was read again): keep them as a draft."""
        if not self.dirty:
            return
        self.write_draft()
        self._keep_draft = True
        try:
            self.set_dirty(False)
        finally:
            self._keep_draft = False

    def set_dirty(self, dirty: bool) -> None:
        was = self.dirty
        super().set_dirty(dirty)
        if dirty and not was:
            self.draft_timer.start()
        elif was and not dirty:
            self.draft_timer.stop()
            # Saved or discarded: the draft has served — unless it is still on offer (only
            # its texts are locked meanwhile: a save of another field is no choice about it).
            if not self._keep_draft and self._offered is None:
                self._delete_draft()

    @Slot()
    def write_draft(self) -> None:
        """Keep the texts typed as the draft (replaced whole); none when they are the saved
        ones. A draft still on offer is not overwritten until restored or discarded."""
        if self._draft_key is None or self._offered is not None:
            return
        texts = self.draft_texts()
        if texts == self._written:
            return  # unchanged since kept: its time stays the time of the last typing kept
        pid, form = self._draft_key
        try:
            if texts == self._saved_texts:
                drafts.delete_draft(self.ctx.data_folder, pid, form)
            else:
                drafts.write_draft(self.ctx.data_folder, pid, form, texts, self._saved_texts)
            self._written = texts
        except OSError:  # a full or read-only disk must not interrupt the typing
            log.warning("could not keep the draft of proposal %s", pid, exc_info=True)

    def _set_offered(self, draft: drafts.Draft | None) -> None:
        """While a draft is on offer the texts it would replace cannot be typed in: a choice
        first, so neither the draft nor new typing is lost."""
        self._offered = draft
        for form in (self.reply, self.assist):
            for edit in (form.textEdit, form.summaryEdit):
                edit.setReadOnly(draft is not None)
        if draft is None:
            self.draft_bar.hide()
        else:
            self.draft_bar.offer(draft, f"{self.tab_title}正文")

    def _delete_draft(self) -> None:
        self._set_offered(None)
        self._written = None
        if self._draft_key is None:
            return
        try:
            drafts.delete_draft(self.ctx.data_folder, *self._draft_key)
        except OSError:
            log.warning("could not delete the draft %s", self._draft_key, exc_info=True)

    def _offer_draft(self, p: Proposal) -> None:
        self._set_offered(None)
        if self._draft_key is None:
            return
        draft = drafts.read_draft(self.ctx.data_folder, *self._draft_key)
        if draft is None:
            return
        if draft.fields == self._saved_texts:  # nothing the saved texts do not say
            self._delete_draft()
            return
        if draft.worth_offering(self._saved_texts, p.updated_at):
            self._set_offered(draft)

    @Slot()
    def restore_draft(self) -> None:
        """Put the draft's texts into the form (unsaved: 保存 or 撤销修改 as usual)."""
        draft = self._offered
        if draft is None:
            return
        self._set_offered(None)
        form = self._form
        form.textEdit.setPlainText(draft.fields.get("text", ""))
        form.summaryEdit.setPlainText(draft.fields.get("summary", ""))
        self.mark_dirty()

    @Slot()
    def discard_draft(self) -> None:
        self._delete_draft()

    def _fill_reply(self, p: Proposal) -> None:
        r = self.reply
        settings = self.ctx.settings
        facts = facts_of(p)
        round_no = rules.current_round(facts)
        reply = handling.current_reply(p)
        r.categoryBox.clear()
        r.categoryBox.addItem(NO_CATEGORY, "")
        for code, meaning in settings.categories.items():
            r.categoryBox.addItem(f"{code} 类", code)
            r.categoryBox.setItemData(r.categoryBox.count() - 1, meaning,
                                      Qt.ItemDataRole.ToolTipRole)
        category = reply.category if reply else ""
        index = r.categoryBox.findData(category)
        if index < 0 and category:
            r.categoryBox.addItem(f"{category} 类", category)
            index = r.categoryBox.count() - 1
        r.categoryBox.setCurrentIndex(max(index, 0))
        r.publicityBox.setCurrentIndex(max(r.publicityBox.findText(
            reply.publicity if reply else Publicity.PUBLIC.value), 0))
        r.stepBox.setCurrentIndex(max(r.stepBox.findText(
            reply.step if reply else ReviewStep.DRAFT.value), 0))
        r.docNumberEdit.setText(reply.doc_number if reply else "")
        set_combo_items(r.signerBox, self.ctx.lookups.leaders, reply.signer if reply else "")
        set_combo_items(r.reviewerBox, self.ctx.lookups.leaders,
                        reply.reviewer if reply else (p.leader.name if p.leader else ""))
        r.draftedField.setValue(reply.drafted_on if reply else None)
        r.reviewedField.setValue(reply.reviewed_on if reply else None)
        r.signedField.setValue(reply.signed_on if reply else None)
        r.sentField.setValue(reply.sent_on if reply else None)
        self._sent_before = reply.sent_on if reply else None
        # a new round starts from the previous round's letter choices (reply_defaults)
        start = reply or reply_defaults(p, settings)
        r.contactNameEdit.setText(start.contact_name)
        r.contactPhoneEdit.setText(start.contact_phone)
        r.ccEdit.setText(start.cc)
        r.jointCheck.setChecked(start.joint_letter)
        r.jointCheck.setEnabled(len(p.proposers) > 1)
        r.textEdit.setPlainText(reply.text if reply else "")
        r.summaryEdit.setPlainText(p.summary)
        reopened = round_no > 1
        heading = f"第{round_no}轮答复" + ("（委员不满意，重新办理）" if reopened else "")
        if reply is None:
            heading += "　尚未起草"
        self._heading = heading
        self._show_steps()
        earlier = [x for x in p.replies if x.round < round_no]
        if earlier:
            lines = ["<b>此前各轮答复</b>"]
            for x in earlier:
                opinion = next((o for o in p.member_opinions if o.round == x.round), None)
                # the round's own letter, reprinted for the file (letter_handler(round_no))
                printable = f"　<a href='round:{x.round}'>生成本轮答复函</a>" if x.text else ""
                lines.append(
                    f"第{x.round}轮：{x.category or '未定'} 类，{x.doc_number or '无文号'}，"
                    f"{date_text(x.sent_on) or '未送出'}答复；委员意见："
                    f"{opinion.satisfaction if opinion else '未反馈'}{printable}")
        else:
            lines = []
        earlier_role = handling.reassigned_note_of(p)  # a 会办意见 sent before the role changed
        if earlier_role:
            lines.append(escape(earlier_role))
        r.roundsLabel.setText("<br>".join(lines))
        self._show_meaning()

    def _fill_assist(self, p: Proposal) -> None:
        a = self.assist
        settings = self.ctx.settings
        opinion = p.assist_opinions[0] if p.assist_opinions else None
        a.docNumberEdit.setText(opinion.doc_number if opinion else "")
        set_combo_items(a.signerBox, self.ctx.lookups.leaders, opinion.signer if opinion else "")
        a.sentField.setValue(opinion.sent_on if opinion else None)
        a.contactNameEdit.setText(opinion.contact_name if opinion else settings.contact_name)
        a.contactPhoneEdit.setText(opinion.contact_phone if opinion else settings.contact_phone)
        a.textEdit.setPlainText(opinion.text if opinion else "")
        a.summaryEdit.setPlainText(p.summary)
        a.leadUnitValue.setText(p.lead_unit or "（交办清单未写明）")
        earlier_role = handling.reassigned_note_of(p)  # a reply sent before the role changed
        a.infoLabel.setText(f"{self._assist_info}\n{earlier_role}" if earlier_role
                            else self._assist_info)
        word = Role(p.role).opinion_word  # 协办意见 for 协办, as the document's title says
        a.assistGroup.setTitle(word)
        a.opinionButton.setText(f"生成{word}…")
        a.opinionButton.setToolTip(f"生成 Word {word}并打开")

    def _show_meaning(self) -> None:
        code = self.reply.categoryBox.currentData() or ""
        meaning = self.ctx.settings.categories.get(code, "")
        self.reply.categoryMeaning.setText(f"{code} 类：{meaning}" if meaning else
                                           "只有主办、分办提案评定答复类别")

    def _show_steps(self) -> None:
        self.reply.roundLabel.setText(
            f"<b>{self._heading}</b>　　{_steps_html(self.reply.stepBox.currentText())}")

    def apply(self, session: Session, p: Proposal) -> None:
        if Role(p.role).answers_member != self.answers:
            return  # the role changed in this same save; the form no longer applies
        if self.answers:
            r = self.reply
            handling.save_reply(
                session, p,
                category=r.categoryBox.currentData() or "",
                publicity=r.publicityBox.currentText(),
                step=r.stepBox.currentText(),
                doc_number=r.docNumberEdit.text(),
                signer=r.signerBox.currentText(),
                reviewer=r.reviewerBox.currentText(),
                drafted_on=r.draftedField.checked("起草日期"),
                reviewed_on=r.reviewedField.checked("审核日期"),
                signed_on=r.signedField.checked("签发日期"),
                sent_on=r.sentField.checked("答复日期"),
                contact_name=r.contactNameEdit.text(),
                contact_phone=r.contactPhoneEdit.text(),
                cc=r.ccEdit.text(),
                joint_letter=r.jointCheck.isChecked(),
                text=r.textEdit.toPlainText(),
            )
            p.summary = clean_text(r.summaryEdit.toPlainText())
        else:
            a = self.assist
            handling.save_assist_opinion(
                session, p,
                doc_number=a.docNumberEdit.text(),
                signer=a.signerBox.currentText(),
                sent_on=a.sentField.checked("送出日期"),
                contact_name=a.contactNameEdit.text(),
                contact_phone=a.contactPhoneEdit.text(),
                text=a.textEdit.toPlainText(),
            )
            p.summary = clean_text(a.summaryEdit.toPlainText())
