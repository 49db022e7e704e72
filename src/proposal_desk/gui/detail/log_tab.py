"""办理日志: the status history and the audit log (who changed what, when) of one proposal."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from proposal_desk.core.dates import format_cn
from proposal_desk.gui.context import AppContext
from proposal_desk.gui.detail.base import DetailTab, Loaded
from proposal_desk.gui.formatting import datetime_text
from proposal_desk.gui.simple_table import SimpleTableModel
from proposal_desk.storage.models import AuditEntry

TABLES = {
    "proposal": "提案", "correspondence": "沟通记录", "reply": "答复", "assist_opinion": "会办意见",
    "member_opinion": "委员意见", "attachment": "附件", "follow_up": "跟踪落实",
    "return_request": "退回申请", "proposal_member": "提案人", "proposal_unit": "交办单位",
    "proposal_topic": "主题",
}
FIELDS = {
    "number": "提案号", "title": "案由", "role": "办理方式", "key": "重点提案",
    "supervisor": "督办领导",
    "assigned_on": "交办日期", "due_override": "办理时限", "signed_on": "签收日期",
    "section_id": "承办科室", "handler_id": "承办人", "leader_id": "分管领导",
    "merged_with": "并案",
    "summary": "办理小结", "notes": "备注", "status": "状态", "due": "办理时限（计算）",
    "category": "答复类别", "satisfaction": "委员意见", "replied_on": "答复日期",
    "proposer_names": "提案人", "lead_unit": "主办单位", "sector": "界别", "meeting_id": "会议",
    "date": "日期", "method": "方式", "stage": "阶段", "our_people": "我方人员",
    "their_people": "对方人员", "place": "地点", "content": "内容", "attitude": "委员态度",
    "text": "正文", "doc_number": "发文字号", "signer": "签发人", "step": "办理环节",
    "drafted_on": "起草日期", "reviewed_on": "审核日期", "reviewer": "审核人",
    "sent_on": "答复/送出日期", "publicity": "公开属性", "contact_name": "联系人",
    "contact_phone": "联系电话", "cc": "抄送", "received_on": "反馈日期", "visited": "当面沟通",
    "addressed": "针对所提问题", "comments": "意见", "original_name": "文件名", "size": "大小",
    "reason": "理由", "outcome": "结果", "requested_on": "申请日期", "progress": "进展",
    "carried_out": "已落实", "round": "轮次", "suggested_unit": "建议承办单位",
    "decided_on": "提案委答复日期", "description": "说明", "year": "跟踪年度",
}
ACTIONS = {"insert": "新增", "update": "修改", "delete": "删除"}
_SKIP = {"id", "proposal_id", "created_at", "updated_at", "version", "sha256", "record_id",
         "doc_year", "doc_serial", "position", "member_id", "unit_id", "topic_id", "reply_id",
         "added_at", "joint_letter"}


def _value(value: Any) -> str:
    """A stored value as users read it, in full (the table wraps it, the tooltip shows it)."""
    if value is None or value == "":
        return "空"
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
        try:
            return format_cn(dt.date.fromisoformat(value))
        except ValueError:
            pass
    return str(value).replace("\n", " ")


def describe_changes(entry: AuditEntry) -> str:
    changes = entry.changes if isinstance(entry.changes, dict) else {}
    parts = []
    for key, value in changes.items():
        if key in _SKIP:
            continue
        label = FIELDS.get(key, key)
        if entry.action == "update" and isinstance(value, list) and len(value) == 2:
            parts.append(f"{label}：{_value(value[0])} → {_value(value[1])}")
        else:
            parts.append(f"{label}：{_value(value)}")
    return "；".join(parts)


class LogTab(DetailTab):
    title = "办理日志"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        layout = QVBoxLayout(self)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(QLabel("<b>状态变化</b>"))
        self.status_model = SimpleTableModel(["时间", "原状态", "新状态", "操作人"], self)
        self.status_table = self._table(self.status_model, (150, 90, 90, 100))
        top_layout.addWidget(self.status_table)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(QLabel("<b>修改记录</b>（谁在什么时候改了什么）"))
        self.audit_model = SimpleTableModel(["时间", "操作人", "操作", "内容"], self)
        self.audit_table = self._table(self.audit_model, (150, 80, 110, 400))
        self.audit_table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.audit_table.setWordWrap(True)  # a reason or a reply is read whole, not cut off
        bottom_layout.addWidget(self.audit_table)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        splitter.setSizes([160, 340])
        layout.addWidget(splitter)

    def _table(self, model: SimpleTableModel, widths: tuple[int, ...]) -> QTableView:
        table = QTableView(self)
        table.setModel(model)
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setWordWrap(False)
        for n, width in enumerate(widths):
            table.horizontalHeader().resizeSection(n, width)
        return table

    def fill(self, loaded: Loaded) -> None:
        p = loaded.proposal
        history = sorted(p.status_history, key=lambda h: h.id, reverse=True)
        self.status_model.set_rows([(h.id, [datetime_text(h.at), h.old or "（新建）", h.new,
                                            h.user]) for h in history])
        rows = []
        tips = []
        for entry in loaded.audit:
            what = TABLES.get(entry.table, entry.table)
            text = describe_changes(entry)
            rows.append((entry.id, [datetime_text(entry.at), entry.user,
                                    f"{ACTIONS.get(entry.action, entry.action)}{what}", text]))
            tips.append(text.replace("；", "\n"))
        self.audit_model.set_rows(rows, tips=tips)
        self.audit_table.resizeRowsToContents()
