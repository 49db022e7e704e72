"""The audit log in words (办理日志): what one audit row says, in Chinese.

Two shapes of row exist: one per inserted, changed or deleted row (every edit, and imports
before the summary rows), and one per proposal created by an import, holding its columns, its
child rows under "rows" by table (with the member's, unit's or topic's name) together with the
members, units, sections, staff and topics it was the first to name, where it came from under
"import" (file, sheet, row), and the names of its meeting, section and staff under "names".
Both are shown; databases keep their old rows.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from proposal_desk.core.dates import format_cn

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
    "decided_on": "退回审核日期", "description": "说明", "year": "跟踪年度",
}
ACTIONS = {"insert": "新增", "update": "修改", "delete": "删除"}
SKIP = {"id", "proposal_id", "created_at", "updated_at", "version", "sha256", "record_id",
        "doc_year", "doc_serial", "position", "member_id", "unit_id", "topic_id", "reply_id",
        "added_at", "joint_letter"}
# Columns the program derives from the rest (status, due date, names…): the status history
# and the list show them; an import's summary row tells what the sheet gave.
DERIVED = {"status", "due", "category", "satisfaction", "replied_on", "proposer_names",
           "lead_unit"}
# A summary row's child tables, in the order told, with the word that counts them.
CHILDREN = (("proposal_member", "提案人", "人"), ("proposal_unit", "", "个"),
            ("proposal_topic", "主题", "个"), ("reply", "答复", "份"),
            ("member_opinion", "委员意见", "份"), ("assist_opinion", "会办意见", "份"),
            ("correspondence", "沟通记录", "条"), ("return_request", "退回申请", "份"),
            ("member", "新登记提案人", "人"), ("unit", "新登记单位", "个"),
            ("section", "新登记科室", "个"), ("staff", "新登记工作人员", "人"),
            ("topic", "新登记主题", "个"))
# Child tables told by their names alone.
NAMED = {"proposal_member", "proposal_topic", "member", "unit", "section", "staff", "topic"}


def value_text(value: Any) -> str:
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


def is_import_summary(table: str, action: str, changes: Any) -> bool:
    return (table == "proposal" and action == "insert" and isinstance(changes, dict)
            and isinstance(changes.get("rows"), dict))


def describe_action(table: str, action: str, changes: Any) -> str:
    """The 操作 column: 新增提案, 修改答复…, 导入新增提案 for an import's summary row, and
    随办理记录更新 for a proposal row holding only derived columns: what follows from an edit
    of its records (a status, a due date), which nobody typed."""
    if (table == "proposal" and action == "update" and isinstance(changes, dict) and changes
            and set(changes) <= DERIVED | SKIP):
        return "随办理记录更新"
    what = f"{ACTIONS.get(action, action)}{TABLES.get(table, table)}"
    return f"导入{what}" if is_import_summary(table, action, changes) else what


# Where one column name means another thing in one table (a reply is 签发, a proposal 签收).
TABLE_FIELDS = {("reply", "signed_on"): "签发日期"}


def _fields(changes: dict[str, Any], action: str, skip: set[str],
            table: str = "") -> list[str]:
    parts = []
    for key, value in changes.items():
        if key in SKIP or key in skip:
            continue
        label = TABLE_FIELDS.get((table, key)) or FIELDS.get(key, key)
        if action == "update" and isinstance(value, list) and len(value) == 2:
            parts.append(f"{label}：{value_text(value[0])} → {value_text(value[1])}")
        else:
            parts.append(f"{label}：{value_text(value)}")
    return parts


def describe_changes(table: str, action: str, changes: Any) -> str:
    """What the row says, parts joined by "；" (the tooltip puts each on a line)."""
    if not isinstance(changes, dict):
        return ""
    if is_import_summary(table, action, changes):
        return _describe_summary(changes)
    return "；".join(_fields(changes, action, set(), table))


def _describe_summary(changes: dict[str, Any]) -> str:
    rows: dict[str, list[dict[str, Any]]] = changes["rows"]
    source = changes.get("import") if isinstance(changes.get("import"), dict) else {}
    where = ""
    if source.get("file"):
        where = f"（{source['file']}"
        where += f" 第{source['row']}行）" if source.get("row") else "）"
    counts = []
    details = []
    for table, word, unit in CHILDREN:
        items = rows.get(table) or []
        if not items:
            continue
        if table == "proposal_unit":
            by_role: dict[str, list[str]] = {}
            for item in items:
                by_role.setdefault(str(item.get("role", "")), []).append(
                    str(item.get("name", "")))
            for role, names in by_role.items():
                counts.append(f"{role}单位{len(names)}{unit}")
                details.append(f"{role}单位：{'、'.join(n for n in names if n)}")
            continue
        counts.append(f"{word}{len(items)}{unit}")
        if table in NAMED:
            details.append(f"{word}：{'、'.join(str(i.get('name', '')) for i in items)}")
        else:
            for item in items:
                details.append(f"{word}（{'，'.join(_fields(item, 'insert', set(), table))}）")
    head = f"导入{where}：新建提案" + (f"，含{'、'.join(counts)}" if counts else "")
    named = changes.get("names") if isinstance(changes.get("names"), dict) else {}
    own = {k: named.get(k) or v for k, v in changes.items()
           if k not in ("rows", "import", "names")}
    fields = _fields(own, "insert", DERIVED)
    return "；".join([head, *fields, *details])
