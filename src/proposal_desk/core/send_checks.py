"""Checks made at the moment a reply goes out, and where a due date comes from.

不沟通不办理，不见面不答复: the standing warnings (rules.warnings) fade once a reply is sent, so
the moment to ask is when 答复日期 is being set. And a due date shown to the handler names its
real source: the role's duration, the meeting's fixed date, or the proposal's own date.
"""

from __future__ import annotations

from proposal_desk.core.rules import (
    ASSIST_MONTHS,
    LEAD_MONTHS,
    MEETING_ASSIST_DUE,
    MEETING_REPLY_DUE,
    ProposalFacts,
    Warning,
    has_face_to_face,
)
from proposal_desk.core.settings import Deadlines


def send_warnings(f: ProposalFacts) -> list[Warning]:
    """What to confirm before a reply to the member is marked sent (empty: nothing to ask).

    Only 主办/分办 answer the member; 协办/会办 opinions go to the lead unit."""
    if not f.role.answers_member:
        return []
    result: list[Warning] = []
    if not f.contacts:
        result.append(Warning("no_contact", "尚无与提出人的沟通记录（不沟通不办理）"))
    if f.key and not has_face_to_face(f.contacts):
        result.append(Warning("key_no_meeting",
                              "这是重点提案，尚无当面沟通记录（上门面商、座谈会或现场调研；"
                              "不见面不答复）"))
    return result


def source_text(source: str, rules: Deadlines) -> str:
    """A rules.rule_due_with_source source name in the handler's words."""
    return {
        MEETING_REPLY_DUE: "会议规定的主办、分办答复截止日期",
        MEETING_ASSIST_DUE: "会议规定的协办、会办意见截止日期",
        LEAD_MONTHS: f"交办之日起 {rules.lead_months} 个月",
        ASSIST_MONTHS: f"交办之日起 {rules.assist_months} 个月",
    }[source]


def return_deadline_note(rules: Deadlines) -> str:
    """What to say beside the 退回 deadline about how it was counted (empty: nothing). It is
    counted in working days; with no holidays set that means weekends only."""
    if rules.holidays:
        return ""
    return "按工作日计，未计节假日：可在 设置 › 办理时限 填写节假日"
